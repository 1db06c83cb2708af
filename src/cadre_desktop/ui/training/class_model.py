"""The list of classes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from cadre_desktop.services.training import TrainingClass
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel
from cadre_desktop.ui.training import labels

RUNNING_BACKGROUND = QColor(220, 237, 200)
ENDED_BACKGROUND = QColor(255, 236, 179)  # over, results still to record


class ClassTableModel(ListTableModel[TrainingClass]):
    def __init__(self, parent: QObject | None = None) -> None:
        statuses = labels.class_states()
        modes = labels.modes()
        super().__init__([
            Column(self.tr("Class"), lambda c: c.name, tooltip=lambda c: c.name),
            Column(self.tr("Programme"), lambda c: c.programme_name,
                   tooltip=lambda c: c.programme_name),
            Column(self.tr("Dates"), lambda c: labels.date_range(c.start_date, c.end_date),
                   CENTRE),
            Column(self.tr("Mode"), lambda c: modes.get(c.mode, c.mode), CENTRE),
            Column(self.tr("Enrolled"), self._seats, CENTRE, self._seats_tip),
            Column(self.tr("Status"), lambda c: statuses.get(c.state, c.state)),
        ], parent)

    def _seats(self, cls: TrainingClass) -> str:
        text = f"{cls.enrolled}/{cls.capacity}" if cls.capacity else str(cls.enrolled)
        if cls.waiting:
            text += " " + self.tr("+%1 waiting").replace("%1", str(cls.waiting))
        return text

    def _seats_tip(self, cls: TrainingClass) -> str:
        return self.tr("%1 enrolled, capacity %2, %3 on the waiting list, %4 sessions").replace(
            "%1", str(cls.enrolled)).replace(
            "%2", str(cls.capacity) if cls.capacity else self.tr("no limit")).replace(
            "%3", str(cls.waiting)).replace("%4", str(cls.sessions))

    def highlight(self, record: TrainingClass, column: int) -> QColor | None:
        if column != 5:
            return None
        return {"running": RUNNING_BACKGROUND, "ended": ENDED_BACKGROUND}.get(record.state)

    def muted(self, record: TrainingClass) -> bool:
        return record.status in ("finished", "cancelled")
