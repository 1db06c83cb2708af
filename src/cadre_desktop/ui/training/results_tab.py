"""Results: test scores, finishing the class (which records everyone's result) and
certificate numbers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from cadre_desktop.domain.completion import format_score
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import attendance
from cadre_desktop.services.attendance import Progress
from cadre_desktop.services.training import TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.table_model import (
    CENTRE,
    WARNING_BACKGROUND,
    Column,
    ListTableModel,
)
from cadre_desktop.ui.kit.tables import button, button_row, make_table
from cadre_desktop.ui.training import labels
from cadre_desktop.ui.training.programme_editor import parse_score

SCORE_COLUMN = 4


class ResultsTableModel(ListTableModel[Progress]):
    score_entered = Signal(str, str)  # enrolment id, the text typed

    def __init__(self, parent: QObject | None = None) -> None:
        results = labels.results()
        super().__init__([
            Column(self.tr("Code"), lambda p: p.participant.short_code, CENTRE),
            Column(self.tr("Full name"), lambda p: p.participant.full_name),
            Column(self.tr("Attended"), lambda p: f"{p.outcome.present}/{p.outcome.held}",
                   CENTRE),
            Column(self.tr("Share"), lambda p: "" if p.outcome.share_pct is None
                   else f"{p.outcome.share_pct:.0f}%", CENTRE),
            Column(self.tr("Test score"), lambda p: "" if p.participant.test_score is None
                   else format_score(p.participant.test_score), CENTRE),
            Column(self.tr("Result"), lambda p: results.get(p.participant.result or "", "")),
            Column(self.tr("Not completed because"),
                   lambda p: "" if p.outcome.completed else p.outcome.reason,
                   tooltip=lambda p: p.outcome.reason),
            Column(self.tr("Certificate"), lambda p: p.participant.certificate_no or ""),
        ], parent)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == SCORE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        record = self.record(index.row()) if index.isValid() else None
        if record is None or index.column() != SCORE_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        # The page writes it through the service and hands back fresh rows.
        self.score_entered.emit(record.participant.enrolment_id, str(value))
        return True

    def highlight(self, record: Progress, column: int) -> QColor | None:
        failed = record.participant.result == "not_completed"
        return WARNING_BACKGROUND if failed and column == 5 else None


class ResultsTab(QWidget):
    changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsTab")
        self._db = db
        self._class: TrainingClass | None = None
        self.model = ResultsTableModel(self)
        # Queued: the write reloads the model, which must not happen inside the view's
        # own setData call.
        self.model.score_entered.connect(self._score_entered,
                                         Qt.ConnectionType.QueuedConnection)
        self.view = make_table("resultsView", self.model, [6, 26], stretch=6,
                               fit=[0, 2, 3, 4, 5, 7])
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.finish_button = button(self.tr("&Finish class…"), self.finish, "finishClass")
        self.recompute_button = button(self.tr("&Recompute results"), self.recompute,
                                       "recomputeResults")
        self.certificates_button = button(self.tr("Assign &certificate numbers"),
                                          self.assign_certificates, "assignCertificates")
        self.summary = QLabel()
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        hint = QLabel(self.tr("Type a test score in the Test score column (e.g. 8,5)."))
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.finish_button, self.recompute_button,
                                    self.certificates_button))
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    def set_database(self, db: Database) -> None:
        self._db = db

    def load(self, cls: TrainingClass) -> None:
        self._class = cls
        progress = attendance.class_progress(self._db, cls.id)
        self.model.set_rows(progress)
        finished = cls.status == "finished"
        self.finish_button.setEnabled(cls.status not in ("finished", "cancelled"))
        self.recompute_button.setEnabled(finished)
        self.certificates_button.setEnabled(finished)
        done = sum(1 for p in progress if p.participant.result == "completed")
        certified = sum(1 for p in progress if p.participant.certificate_no)
        if finished:
            self.summary.setText(self.tr("%1 of %2 completed; %3 certificates numbered.")
                                 .replace("%1", str(done)).replace("%2", str(len(progress)))
                                 .replace("%3", str(certified)))
        else:
            on_track = sum(1 for p in progress if p.outcome.share_ok)
            self.summary.setText(self.tr("The class is not finished. %1 of %2 have the "
                                         "minimum attendance so far.")
                                 .replace("%1", str(on_track)).replace("%2", str(len(progress))))

    def _score_entered(self, enrolment_id: str, typed: str) -> None:
        if self._class is None:
            return
        try:
            attendance.set_test_scores(self._db, self._class.id,
                                       {enrolment_id: parse_score(typed)})
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.changed.emit(self.tr("Test score saved"))

    def finish(self) -> None:
        if self._class is None:
            return
        if not messages.confirm(self, self.tr("Finish class"), self.tr(
                "Finish “%1” and record everyone's result from the attendance and test "
                "scores?").replace("%1", self._class.name), self.tr("Finish class")):
            return
        try:
            result = attendance.finish_class(self._db, self._class.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.changed.emit(self.tr("Class finished: %1 completed, %2 not completed")
                          .replace("%1", str(result.completed))
                          .replace("%2", str(result.not_completed)))

    def recompute(self) -> None:
        if self._class is None:
            return
        try:
            result = attendance.record_results(self._db, self._class.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.changed.emit(self.tr("Results recomputed: %1 completed, %2 not completed")
                          .replace("%1", str(result.completed))
                          .replace("%2", str(result.not_completed)))

    def assign_certificates(self) -> None:
        if self._class is None:
            return
        try:
            given = attendance.assign_certificates(self._db, self._class.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.changed.emit(self.tr("Numbered %Ln certificates", "", len(given)) if given
                          else self.tr("Everyone who completed already has a number"))
