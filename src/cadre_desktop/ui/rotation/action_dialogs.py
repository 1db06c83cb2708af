"""The small forms of a rotation's life: approve, start, extend or end early, cancel, and
the two parts of an evaluation (the cadre's report, the host unit's evaluation)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.services import lists
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.services.rotation import Rotation
from cadre_desktop.services.rotation_followup import RotationEvaluation
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import ServiceDialog, date_edit, date_of, today
from cadre_desktop.ui.rotation.words import evaluation_word


def _line(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 40)
    return edit


def _text(name: str, text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4)
    return edit


class ApproveDialog(ServiceDialog):
    def __init__(self, db: Database, rotation: Rotation, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Approve rotation"), self._run, parent,
                         self.tr("The Standing Committee's decision to send %1.").replace(
                             "%1", rotation.full_name))
        self.setObjectName("approveDialog")
        self._db, self._rotation = db, rotation
        self.decision_no = self.add_row(self.tr("Decision no.:"), _line("decisionNo"))
        self.decision_date = self.add_row(self.tr("Decision date:"),
                                          date_edit(today(), "decisionDate"))

    def _run(self, _dialog: ServiceDialog) -> None:
        svc.approve(self._db, self._rotation.id, self.decision_no.text(),
                    date_of(self.decision_date))


class StartDialog(ServiceDialog):
    def __init__(self, db: Database, rotation: Rotation, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rotation starts"), self._run, parent, self.tr(
            "The day %1 took up the post. The evaluations are counted from it.").replace(
                "%1", rotation.full_name))
        self.setObjectName("startDialog")
        self._db, self._rotation = db, rotation
        self.day = self.add_row(self.tr("Actual start:"), date_edit(rotation.start, "startDay"))

    def _run(self, _dialog: ServiceDialog) -> None:
        svc.start(self._db, self._rotation.id, date_of(self.day))


class ChangeEndDialog(ServiceDialog):
    """A later end extends the rotation, an earlier one ends it early; both need a reason."""

    def __init__(self, db: Database, rotation: Rotation, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Extend or end early"), self._run, parent, self.tr(
            "%1's rotation now ends on %2. A later date extends it, an earlier one ends it "
            "early.").replace("%1", rotation.full_name).replace("%2",
                                                                 format_date(rotation.end)))
        self.setObjectName("changeEndDialog")
        self._db, self._rotation = db, rotation
        self.kind = ""
        self.new_end = self.add_row(self.tr("New end:"), date_edit(rotation.end, "newEnd"))
        self.reason = self.add_row(self.tr("Reason:"), _line("changeReason"))
        self.decision_no = self.add_row(self.tr("Decision no.:"), _line("changeDecision"))

    def _run(self, _dialog: ServiceDialog) -> None:
        self.kind = svc.change_end(self._db, self._rotation.id, date_of(self.new_end),
                                   self.reason.text(), self.decision_no.text(), today())


class CancelDialog(ServiceDialog):
    def __init__(self, db: Database, rotation: Rotation, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cancel rotation"), self._run, parent, self.tr(
            "Cancel %1's rotation? It stays in the list as cancelled and no longer counts "
            "towards the year's quota.").replace("%1", rotation.full_name))
        self.setObjectName("cancelDialog")
        self._db, self._rotation = db, rotation
        self.reason = self.add_row(self.tr("Reason:"), _line("cancelReason"))

    def _run(self, _dialog: ServiceDialog) -> None:
        svc.cancel(self._db, self._rotation.id, self.reason.text())


class ReportDialog(ServiceDialog):
    """The cadre's written report for one period."""

    def __init__(self, db: Database, evaluation: RotationEvaluation, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cadre's report"), self._run, parent,
                         f"{name} — {evaluation_word(evaluation.kind, evaluation.seq)}")
        self.setObjectName("reportDialog")
        self._db, self._evaluation = db, evaluation
        received = (dt.date.fromisoformat(evaluation.report_received)
                    if evaluation.report_received else today())
        self.received = self.add_row(self.tr("Received on:"),
                                     date_edit(received, "reportReceived"))
        self.summary = self.add_row(self.tr("Summary:"),
                                    _text("reportSummary", evaluation.report_summary))

    def _run(self, _dialog: ServiceDialog) -> None:
        follow.record_report(self._db, self._evaluation.id, date_of(self.received),
                             self.summary.toPlainText())


class HostEvaluationDialog(ServiceDialog):
    """The host unit's evaluation on the rating scale in force in the year it is made."""

    def __init__(self, db: Database, evaluation: RotationEvaluation, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Host unit's evaluation"), self._run, parent,
                         f"{name} — {evaluation_word(evaluation.kind, evaluation.seq)}")
        self.setObjectName("hostEvaluationDialog")
        self._db, self._evaluation = db, evaluation
        day = (dt.date.fromisoformat(evaluation.host_evaluated_on)
               if evaluation.host_evaluated_on else today())
        self.day = self.add_row(self.tr("Evaluated on:"), date_edit(day, "hostDay"))
        self.level = QComboBox()
        self.level.setObjectName("hostLevel")
        self.add_row(self.tr("Rating:"), self.level)
        self.comments = self.add_row(self.tr("Comments:"),
                                     _text("hostComments", evaluation.host_comments))
        self.evaluator = self.add_row(self.tr("Evaluator:"),
                                      _line("hostEvaluator", evaluation.evaluator))
        self._fill_levels(evaluation.host_level_id)
        self.day.dateChanged.connect(lambda _d: self._fill_levels(self.level.currentData()))

    def _fill_levels(self, keep: object) -> None:
        self.level.clear()
        self.level.addItem("", None)
        for level in lists.levels_for_year(self._db, date_of(self.day).year):
            self.level.addItem(level.label, level.id)
        self.level.setCurrentIndex(max(self.level.findData(keep), 0) if keep else 0)

    def _run(self, _dialog: ServiceDialog) -> None:
        level = self.level.currentData()
        if level is None:
            raise InvalidInput(self.tr("Choose the rating the host unit gave."), "level")
        follow.record_host_evaluation(self._db, self._evaluation.id, str(level),
                                      self.comments.toPlainText(), self.evaluator.text(),
                                      date_of(self.day))
