"""The roll-up's table: an office below per row (its last bundle, overdue or not), then a
column per target of the plan with the office's figure, tinted and marked when it is
behind the goal (never by colour alone: the icon and the tooltip say it too). The target
columns change with the plan, so the model is reset with its columns."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QIcon

from cadre_desktop.domain.eligibility import FAIL
from cadre_desktop.services.rollup import Rollup, RollupRow, RollupTarget
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND, display_iso, result_icon
from cadre_desktop.ui.kit.table_model import RIGHT, WARNING_BACKGROUND, Column, ListTableModel
from cadre_desktop.ui.offices import words

BASE_COLUMNS = 6  # office, last bundle, received on, age, content, status
HEADER_CHARS = 26  # a target's name in its header, cut with "…" (the tooltip has it all)


def _elided(name: str) -> str:
    return name if len(name) <= HEADER_CHARS else name[:HEADER_CHARS - 1].rstrip() + "…"


class RollupModel(ListTableModel[RollupRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self._base(), parent)
        self.rollup: Rollup | None = None

    def _base(self) -> list[Column[RollupRow]]:
        def bundle_icon(row: RollupRow) -> QIcon | None:
            return result_icon(FAIL) if row.status.overdue else None

        return [
            Column(self.tr("Office"), lambda r: r.office.name,
                   tooltip=lambda r: self.tr("Code: %1").replace("%1", r.office.code),
                   sort_key=lambda r: r.office.name.casefold()),
            Column(self.tr("Last bundle"), lambda r: _number(r.status.last_sequence), RIGHT,
                   sort_key=lambda r: r.status.last_sequence or 0),
            Column(self.tr("Received on"),
                   lambda r: display_iso((r.status.last_imported_at or "")[:10]),
                   sort_key=lambda r: r.status.last_imported_at or ""),
            Column(self.tr("Days ago"), lambda r: _number(r.status.days_since), RIGHT,
                   sort_key=lambda r: -1 if r.status.days_since is None
                   else r.status.days_since),
            Column(self.tr("Content"), lambda r: words.bundle_kind_short(r.status.last_kind)),
            Column(self.tr("Bundles"), self._state, icon=bundle_icon,
                   sort_key=lambda r: (not r.status.overdue, r.office.name.casefold())),
        ]

    def _state(self, row: RollupRow) -> str:
        s = row.status
        if s.overdue and s.days_since is None:
            return self.tr("Overdue: no bundle since it was enrolled")
        if s.overdue:
            return self.tr("Overdue: last bundle %1 days ago").replace("%1", str(s.days_since))
        if s.last_sequence is None:
            return self.tr("No bundle yet")
        return self.tr("Up to date")

    def _target_column(self, index: int, target: RollupTarget) -> Column[RollupRow]:
        def shown(row: RollupRow) -> str:
            return row.cells[index].text

        def tip(row: RollupRow) -> str:
            cell = row.cells[index]
            if target.problem:
                return target.problem
            if cell.behind:
                return self.tr("Behind: the goal is %1").replace("%1", target.goal_text)
            if cell.behind is False:
                return self.tr("Goal %1 met").replace("%1", target.goal_text)
            if cell.goal is None:
                return self.tr("The goal (%1) is for the whole plan; this is the office's "
                               "part").replace("%1", target.goal_text)
            return self.tr("No one of the target's group at this office")

        def icon(row: RollupRow) -> QIcon | None:
            return result_icon(FAIL) if row.cells[index].behind else None

        def value(row: RollupRow) -> float:
            found = row.cells[index].value
            return -1.0 if found is None else found
        return Column(f"{_elided(target.name)}\n{target.goal_text}", shown, RIGHT,
                      tooltip=tip, sort_key=value, icon=icon,
                      header_tip=f"{target.name} — {target.goal_text}")

    def set_rollup(self, rollup: Rollup) -> None:
        self.beginResetModel()
        self.rollup = rollup
        self._columns = self._base() + [self._target_column(i, t)
                                        for i, t in enumerate(rollup.targets)]
        self._rows = list(rollup.rows)
        self.endResetModel()

    def target_at(self, column: int) -> RollupTarget | None:
        """The target a column shows, None for the office's own columns."""
        if self.rollup is None or column < BASE_COLUMNS:
            return None
        index = column - BASE_COLUMNS
        return self.rollup.targets[index] if index < len(self.rollup.targets) else None

    def highlight(self, record: RollupRow, column: int) -> QColor | None:
        if column >= BASE_COLUMNS:
            index = column - BASE_COLUMNS
            behind = index < len(record.cells) and record.cells[index].behind
            return QColor(WARNING_BACKGROUND) if behind else None
        return QColor(ERROR_BACKGROUND) if record.status.overdue else None


def _number(value: int | None) -> str:
    return "" if value is None else str(value)
