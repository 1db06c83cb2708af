"""Table models of the rotations page: the rotations, one rotation's evaluations, and the
evaluations due or overdue (the kit's list model, one Column spec per column)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN
from cadre_desktop.services.rotation import Rotation
from cadre_desktop.services.rotation_followup import DueItem, RotationEvaluation
from cadre_desktop.ui.form_widgets import OVERDUE_COLOUR, display_iso, result_icon
from cadre_desktop.ui.kit.table_model import CENTRE, MUTED_FOREGROUND, Column, ListTableModel
from cadre_desktop.ui.rotation.words import evaluation_word, missing_words, status_word

OVERDUE = QColor(OVERDUE_COLOUR)


class RotationsModel(ListTableModel[Rotation]):
    NAME, HOST, POST, START, END, STATUS, CHECK = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        self._labels: dict[str, str] = {}
        super().__init__([
            Column(self.tr("Full name"), lambda r: r.full_name),
            Column(self.tr("Host unit"), lambda r: r.host_unit or ""),
            Column(self.tr("Host post"),
                   lambda r: self._labels.get(r.host_position, r.host_position)),
            Column(self.tr("Start"), lambda r: format_date(r.start), CENTRE),
            Column(self.tr("End"), lambda r: format_date(r.end), CENTRE),
            Column(self.tr("Status"), lambda r: status_word(r.status),
                   colour=lambda r: MUTED_FOREGROUND if r.status == "cancelled" else None),
            Column(self.tr("Check"),
                   lambda r: self.tr("Eligible") if r.eligible else self.tr("By decision"),
                   tooltip=lambda r: "" if r.eligible else self.tr(
                       "Not eligible when proposed; sent by a Standing Committee decision"),
                   icon=lambda r: result_icon(PASS if r.eligible else FAIL)),
        ], parent)

    def set_rotations(self, rows: list[Rotation], labels: dict[str, str]) -> None:
        """labels: position code -> its name, for the host post."""
        self._labels = dict(labels)
        self.set_rows(rows)

    def row_of_id(self, rotation_id: str | None) -> int:
        return self.row_of(lambda r: r.id == rotation_id)


class EvaluationsModel(ListTableModel[RotationEvaluation]):
    WHAT, DUE, REPORT, SUMMARY, RATING, COMMENTS, EVALUATOR, STATE = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        self.today = dt.date.today()
        super().__init__([
            Column(self.tr("Evaluation"), lambda e: evaluation_word(e.kind, e.seq)),
            Column(self.tr("Due"), lambda e: format_date(e.due), CENTRE,
                   tooltip=lambda e: self.tr("Period %1 – %2").replace(
                       "%1", display_iso(e.period_start)).replace(
                       "%2", display_iso(e.period_end))),
            Column(self.tr("Report received"), lambda e: display_iso(e.report_received),
                   CENTRE),
            Column(self.tr("Report summary"), lambda e: e.report_summary,
                   tooltip=lambda e: e.report_summary),
            Column(self.tr("Host rating"), lambda e: e.host_level),
            Column(self.tr("Host comments"), lambda e: e.host_comments,
                   tooltip=lambda e: e.host_comments),
            Column(self.tr("Evaluator"), lambda e: e.evaluator),
            Column(self.tr("State"), lambda e: self.state(e)[1],
                   icon=lambda e: result_icon(self.state(e)[0]),
                   colour=lambda e: OVERDUE if self.state(e)[0] == FAIL else None),
        ], parent)

    def set_evaluations(self, rows: list[RotationEvaluation], today: dt.date) -> None:
        self.today = today
        self.set_rows(rows)

    def state(self, item: RotationEvaluation) -> tuple[str, str]:
        if item.done:
            return PASS, self.tr("Done")
        if item.due < self.today:
            return FAIL, self.tr("Overdue")
        return UNKNOWN, self.tr("Pending")


class DueModel(ListTableModel[DueItem]):
    DUE, NAME, WHAT, MISSING = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Due"), lambda i: format_date(i.due),
                   tooltip=lambda i: self.tr("Overdue") if i.overdue else self.tr("Due soon"),
                   icon=lambda i: result_icon(FAIL if i.overdue else UNKNOWN),
                   colour=lambda i: OVERDUE if i.overdue else None),
            Column(self.tr("Full name"), lambda i: i.full_name),
            Column(self.tr("Evaluation"), lambda i: evaluation_word(i.kind, i.round)),
            Column(self.tr("Still missing"), lambda i: missing_words(i.missing)),
        ], parent)
