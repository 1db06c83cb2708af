"""Editing a programme's target group: a list of clauses, each built from pickers.

A person belongs to the group when any clause matches; a clause matches when every
condition it names holds (see domain.target_group).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.target_group import Clause, TargetGroup, describe
from cadre_desktop.ui.kit.fields import CheckList


@dataclass(frozen=True)
class TargetChoices:
    """What the pickers offer: (code, label) pairs; unit levels are labels themselves."""

    positions: list[tuple[str, str]]
    working_statuses: list[tuple[str, str]]
    unit_levels: list[str]

    @property
    def labels(self) -> dict[str, str]:
        return {**dict(self.positions), **dict(self.working_statuses)}


class ClauseDialog(QDialog):
    def __init__(self, choices: TargetChoices, clause: Clause | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clauseDialog")
        self.setWindowTitle(self.tr("Condition of the target group"))
        self.positions = CheckList(choices.positions)
        self.positions.setObjectName("clausePositions")
        self.unit_levels = CheckList([(level, level) for level in choices.unit_levels])
        self.unit_levels.setObjectName("clauseUnitLevels")
        self.working_status = CheckList(choices.working_statuses)
        self.working_status.setObjectName("clauseWorkingStatus")
        self.planned = CheckList(choices.positions)
        self.planned.setObjectName("clausePlanned")
        if clause is not None:
            self.positions.set_codes(clause.positions)
            self.unit_levels.set_codes(clause.unit_levels)
            self.working_status.set_codes(clause.working_status)
            self.planned.set_codes(clause.planned)
        hint = QLabel(self.tr(
            "A person matches when every part ticked here holds: for example the position "
            "Bí thư at the unit level Đoàn cơ sở. Leave a list empty when it does not matter."))
        hint.setWordWrap(True)
        grid = QGridLayout()
        pickers = [(self.tr("Current position is one of:"), self.positions),
                   (self.tr("… at a unit of level:"), self.unit_levels),
                   (self.tr("Working status is one of:"), self.working_status),
                   (self.tr("Planned (quy hoạch) for:"), self.planned)]
        for i, (title, picker) in enumerate(pickers):
            grid.addWidget(QLabel(title), 0, i)
            grid.addWidget(picker, 1, i)
            grid.setColumnStretch(i, 2 if picker is self.working_status else 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.resize(1040, 440)

    def clause(self) -> Clause:
        return Clause(self.positions.codes(), self.unit_levels.codes(),
                      self.working_status.codes(), self.planned.codes())


class TargetGroupEditor(QWidget):
    """The clauses of one group, described in words, with buttons to change them."""

    changed = Signal()

    def __init__(self, choices: TargetChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._clauses: list[Clause] = []
        self.dialog: ClauseDialog | None = None
        self.list = QListWidget()
        self.list.setObjectName("targetClauses")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(80)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.add_button = QPushButton(self.tr("Add condition…"))
        self.add_button.setObjectName("addClause")
        self.add_button.clicked.connect(self.add_clause)
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setObjectName("targetSummary")
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self._show()

    def set_group(self, group: TargetGroup) -> None:
        self._clauses = list(group.clauses)
        self._show()

    def group(self) -> TargetGroup:
        return TargetGroup(tuple(c for c in self._clauses if c != Clause()))

    def _ask(self, clause: Clause | None) -> Clause | None:
        dialog = ClauseDialog(self._choices, clause, self)
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.clause() if accepted else None
        finally:
            self.dialog = None
            dialog.deleteLater()

    def add_clause(self) -> None:
        clause = self._ask(None)
        if clause is not None and clause != Clause():
            self._clauses.append(clause)
            self._show()
            self.changed.emit()

    def edit_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._clauses):
            return
        clause = self._ask(self._clauses[row])
        if clause is not None:
            self._clauses[row] = clause
            self._clauses = [c for c in self._clauses if c != Clause()]
            self._show()
            self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._clauses):
            del self._clauses[row]
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        labels = self._choices.labels
        self.list.clear()
        for clause in self._clauses:
            self.list.addItem(describe(TargetGroup((clause,)), labels))
        self.summary.setText(self.tr("Target group: %1").replace(
            "%1", describe(self.group(), labels)))
        has = self.list.count() > 0
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
