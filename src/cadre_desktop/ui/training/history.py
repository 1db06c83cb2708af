"""A person's training history, read-only, for the person editor."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from cadre_desktop.domain.completion import format_score
from cadre_desktop.services import enrolment
from cadre_desktop.services.enrolment import HistoryEntry
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel
from cadre_desktop.ui.kit.tables import make_table
from cadre_desktop.ui.training import labels

VISIBLE_ROWS = 4


class HistoryTableModel(ListTableModel[HistoryEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        statuses = labels.class_states()
        results = labels.results()
        taking = {"enrolled": self.tr("Enrolled"), "waiting": self.tr("Waiting list"),
                  "withdrawn": self.tr("Withdrew")}

        def outcome(e: HistoryEntry) -> str:
            if e.status != "enrolled":
                return taking.get(e.status, e.status)
            if e.result:
                return results.get(e.result, e.result)
            return statuses.get(e.class_status, e.class_status)

        super().__init__([
            Column(self.tr("Programme"), lambda e: e.programme_name,
                   tooltip=lambda e: e.class_name),
            Column(self.tr("Year"), lambda e: str(e.year), CENTRE),
            Column(self.tr("Dates"), lambda e: labels.date_range(e.start_date, e.end_date),
                   CENTRE),
            Column(self.tr("Result"), outcome),
            Column(self.tr("Score"), lambda e: "" if e.test_score is None
                   else format_score(e.test_score), CENTRE),
            Column(self.tr("Certificate"), lambda e: e.certificate_no or ""),
        ], parent)


class TrainingHistoryBox(QGroupBox):
    """Every class the person was enrolled in, newest first."""

    def __init__(self, db: Database, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingHistory")
        self.setTitle(self.tr("Training"))
        self.model = HistoryTableModel(self)
        entries = enrolment.training_history(db, person_id)
        self.model.set_rows(entries)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel(self.tr("No training classes yet.")))
            return
        self.view = make_table("trainingHistoryView", self.model, [40], stretch=0,
                               fit=[1, 2, 3, 4, 5])
        rows = min(len(entries), VISIBLE_ROWS)
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height()
                                 + rows * self.view.verticalHeader().defaultSectionSize() + 4)
        layout.addWidget(self.view)
