"""The year's candidates as a table: eligible first (the service's ranking), one column per
rule with its result as an icon and its reason as the tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN, EligibilityCheck, RuleResult
from cadre_desktop.services.rotation import Candidate
from cadre_desktop.ui.form_widgets import RESULT_COLOURS, result_icon
from cadre_desktop.ui.rotation.words import RULE_KEYS, result_word, rule_header

Index = QModelIndex | QPersistentModelIndex
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, UNIT, VERDICT, GROUP = range(4)
FIRST_RULE = 4


def verdict(check: EligibilityCheck) -> tuple[str, str]:
    """(result code, words) for the whole check."""
    if check.eligible:
        return PASS, QCoreApplication.translate("CandidatesModel", "Eligible")
    failed = check.count(FAIL)
    if failed:
        return FAIL, QCoreApplication.translate("CandidatesModel", "%n not met",
                                                "", failed)
    missing = check.count(UNKNOWN)
    return UNKNOWN, QCoreApplication.translate("CandidatesModel", "%n lack data", "", missing)


def rule_result(check: EligibilityCheck, rule: str) -> RuleResult | None:
    return next((r for r in check.results if r.rule == rule), None)


class CandidatesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []
        self._groups: dict[str, str] = {}
        self._headers = [self.tr("Full name"), self.tr("Unit"), self.tr("Result"),
                         self.tr("Group")] + [rule_header(rule) for rule in RULE_KEYS]

    def set_candidates(self, rows: list[Candidate], groups: dict[str, str]) -> None:
        """groups: group code -> the plan's label for it (shown as the tooltip)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._groups = dict(groups)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: str) -> int:
        return next((n for n, c in enumerate(self._rows) if c.person_id == person_id), -1)

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIRST_RULE:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if role == PERSON_ID_ROLE:
            return candidate.person_id
        if column >= FIRST_RULE:
            return self._rule_data(candidate.check, RULE_KEYS[column - FIRST_RULE], role)
        if column == VERDICT:
            code, words = verdict(candidate.check)
            if role == Qt.ItemDataRole.DisplayRole:
                return words
            if role == Qt.ItemDataRole.DecorationRole:
                return result_icon(code)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(RESULT_COLOURS[code])
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(f"{r.title or r.rule}: {r.detail}"
                                 for r in candidate.check.problems()) or words
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return candidate.full_name
            if column == UNIT:
                return candidate.unit
            group = candidate.check.group_code
            return self.tr("Group %1").replace("%1", group) if group else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == GROUP:
            return self._groups.get(candidate.check.group_code or "") or None
        return None

    def _rule_data(self, check: EligibilityCheck, rule: str, role: int) -> Any:
        found = rule_result(check, rule)
        if found is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return result_icon(found.result)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{found.title or found.rule} — {result_word(found.result)}\n{found.detail}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return result_word(found.result)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
