"""Table models of the rotations page: the rotations, one rotation's evaluations, and the
evaluations due or overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN
from cadre_desktop.services.rotation_followup import DueItem
from cadre_desktop.store.rotation_evaluations import RotationEvaluation
from cadre_desktop.store.rotations import Rotation
from cadre_desktop.ui.form_widgets import OVERDUE_COLOUR, display_iso, result_icon
from cadre_desktop.ui.list_model import ListTableModel
from cadre_desktop.ui.rotation.words import evaluation_word, missing_words, status_word

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
CENTRED = int(Qt.AlignmentFlag.AlignCenter)


class RotationsModel(ListTableModel[Rotation]):
    NAME, HOST, POST, START, END, STATUS, CHECK = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Full name"), self.tr("Host unit"), self.tr("Host post"),
                          self.tr("Start"), self.tr("End"), self.tr("Status"),
                          self.tr("Check")], parent)
        self._labels: dict[str, str] = {}

    def set_rotations(self, rows: list[Rotation], labels: dict[str, str]) -> None:
        self._labels = dict(labels)
        self.set_rows(rows)

    def row_of(self, rotation_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == rotation_id), -1)

    def cell(self, item: Rotation, column: int, role: int) -> Any:
        if column == self.CHECK:
            return self._check(item, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.START, self.END):
            return CENTRED
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS \
                and item.status == "cancelled":
            return QColor("#777777")
        if role != DISPLAY:
            return None
        return {
            self.NAME: item.full_name,
            self.HOST: item.host_unit,
            self.POST: self._labels.get(item.host_position, item.host_position),
            self.START: format_date(item.start),
            self.END: format_date(item.end),
            self.STATUS: status_word(item.status),
        }.get(column)

    def _check(self, item: Rotation, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return result_icon(PASS if item.eligible else FAIL)
        if role == DISPLAY:
            return self.tr("Eligible") if item.eligible else self.tr("By decision")
        if role == TOOLTIP and not item.eligible:
            return self.tr("Not eligible when proposed; sent by a Standing Committee decision")
        return None


class EvaluationsModel(ListTableModel[RotationEvaluation]):
    WHAT, DUE, REPORT, SUMMARY, RATING, COMMENTS, EVALUATOR, STATE = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Evaluation"), self.tr("Due"), self.tr("Report received"),
                          self.tr("Report summary"), self.tr("Host rating"),
                          self.tr("Host comments"), self.tr("Evaluator"), self.tr("State")],
                         parent)
        self.today = dt.date.today()

    def set_evaluations(self, rows: list[RotationEvaluation], today: dt.date) -> None:
        self.today = today
        self.set_rows(rows)

    def state(self, item: RotationEvaluation) -> tuple[str, str]:
        if item.done:
            return PASS, self.tr("Done")
        if item.due < self.today:
            return FAIL, self.tr("Overdue")
        return UNKNOWN, self.tr("Pending")

    def cell(self, item: RotationEvaluation, column: int, role: int) -> Any:
        if column == self.STATE:
            code, words = self.state(item)
            if role == DISPLAY:
                return words
            if role == Qt.ItemDataRole.DecorationRole:
                return result_icon(code)
            if role == Qt.ItemDataRole.ForegroundRole and code == FAIL:
                return QColor(OVERDUE_COLOUR)
            return None
        if role == TOOLTIP and column in (self.SUMMARY, self.COMMENTS):
            text = item.report_summary if column == self.SUMMARY else item.host_comments
            return text or None
        if role == TOOLTIP and column == self.DUE:
            return self.tr("Period %1 – %2").replace(
                "%1", display_iso(item.period_start)).replace("%2", display_iso(item.period_end))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DUE, self.REPORT):
            return CENTRED
        if role != DISPLAY:
            return None
        return {
            self.WHAT: evaluation_word(item.kind, item.seq),
            self.DUE: format_date(item.due),
            self.REPORT: display_iso(item.report_received),
            self.SUMMARY: item.report_summary,
            self.RATING: item.host_level,
            self.COMMENTS: item.host_comments,
            self.EVALUATOR: item.evaluator,
        }.get(column)


class DueModel(ListTableModel[DueItem]):
    DUE, NAME, WHAT, MISSING = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Due"), self.tr("Full name"), self.tr("Evaluation"),
                          self.tr("Still missing")], parent)

    def cell(self, item: DueItem, column: int, role: int) -> Any:
        if column == self.DUE:
            if role == Qt.ItemDataRole.DecorationRole:
                return result_icon(FAIL if item.overdue else UNKNOWN)
            if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
                return QColor(OVERDUE_COLOUR)
            if role == TOOLTIP:
                return self.tr("Overdue") if item.overdue else self.tr("Due soon")
        if role != DISPLAY:
            return None
        return {
            self.DUE: format_date(item.due),
            self.NAME: item.full_name,
            self.WHAT: evaluation_word(item.kind, item.round),
            self.MISSING: missing_words(item.missing),
        }.get(column)
