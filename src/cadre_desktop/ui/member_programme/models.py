"""Read-only tables of the member programme page: a branch's registrations and the
preview of results becoming yearly ratings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from cadre_desktop.domain.member_score import format_score
from cadre_desktop.services.member_programme import RatingChange, ScoreRow
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel

REPLACED = QColor("#b3261e")
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


def _status_colour(row: ScoreRow) -> QColor | None:
    colour = STATUS_COLOURS.get(row.status)
    return QColor(colour) if colour else None


class RegistrationsModel(ListTableModel[ScoreRow]):
    NAME, STATUS, SCORE, RESULT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Full name"), lambda r: r.full_name),
            Column(self.tr("Registration"), lambda r: registration_word(r.status),
                   colour=_status_colour),
            Column(self.tr("Score"), lambda r: format_score(r.score), CENTRE),
            Column(self.tr("Result"), lambda r: r.classification),
        ], parent)

    def row_of_person(self, person_id: str | None) -> int:
        return self.row_of(lambda r: r.person_id == person_id)

    def counts(self) -> dict[str | None, int]:
        found: dict[str | None, int] = {}
        for row in self._rows:
            found[row.status] = found.get(row.status, 0) + 1
        return found


class RatingPreviewModel(ListTableModel[RatingChange]):
    NAME, SCORE, RESULT, NEW, CURRENT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Full name"), lambda c: c.full_name),
            Column(self.tr("Score"), lambda c: format_score(c.score), CENTRE),
            Column(self.tr("Result"), lambda c: c.classification),
            Column(self.tr("New rating"), lambda c: c.level_label),
            # a rating the person already has is replaced: in red, and said in words
            Column(self.tr("Rating now"), lambda c: c.current_label or self.tr("(none)"),
                   colour=lambda c: REPLACED if c.current_label else None),
        ], parent)
