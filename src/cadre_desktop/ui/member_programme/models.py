"""Read-only tables of the member programme page: a branch's registrations and the
preview of results becoming yearly ratings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from cadre_desktop.domain.member_score import format_score
from cadre_desktop.services.member_programme import RatingChange, ScoreRow
from cadre_desktop.ui.list_model import ListTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
STATUS_COLOURS = {None: "#777777", "draft": "#9a6700", "submitted": "#1a5fb4",
                  "approved": "#1b7f3b", "returned": "#b3261e"}


def registration_word(status: str | None) -> str:
    words = {
        None: QCoreApplication.translate("MemberProgramme", "Not registered"),
        "draft": QCoreApplication.translate("MemberProgramme", "Draft"),
        "submitted": QCoreApplication.translate("MemberProgramme", "Awaiting approval"),
        "approved": QCoreApplication.translate("MemberProgramme", "Approved"),
        "returned": QCoreApplication.translate("MemberProgramme", "Returned for changes"),
    }
    return words.get(status, status or "")


class RegistrationsModel(ListTableModel[ScoreRow]):
    NAME, STATUS, SCORE, RESULT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Full name"), self.tr("Registration"), self.tr("Score"),
                          self.tr("Result")], parent)

    def row_of(self, person_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.person_id == person_id), -1)

    def counts(self) -> dict[str | None, int]:
        found: dict[str | None, int] = {}
        for row in self._rows:
            found[row.status] = found.get(row.status, 0) + 1
        return found

    def cell(self, item: ScoreRow, column: int, role: int) -> Any:
        if column == self.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS.get(item.status, "#000000"))
        if column == self.SCORE and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != DISPLAY:
            return None
        return {
            self.NAME: item.full_name,
            self.STATUS: registration_word(item.status),
            self.SCORE: format_score(item.score),
            self.RESULT: item.classification,
        }.get(column)


class RatingPreviewModel(ListTableModel[RatingChange]):
    NAME, SCORE, RESULT, NEW, CURRENT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Full name"), self.tr("Score"), self.tr("Result"),
                          self.tr("New rating"), self.tr("Rating now")], parent)

    def cell(self, item: RatingChange, column: int, role: int) -> Any:
        if column == self.CURRENT and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#b3261e") if item.current_label else None
        if column == self.SCORE and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != DISPLAY:
            return None
        return {
            self.NAME: item.full_name,
            self.SCORE: format_score(item.score),
            self.RESULT: item.classification,
            self.NEW: item.level_label,
            self.CURRENT: item.current_label or self.tr("(none)"),
        }.get(column)
