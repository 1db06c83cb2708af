"""One rotation in full: who, where and when, the check made when it was proposed (kept
even when a decision overrode it), the overrides, the changes of end date, and the
six-month evaluations with their two parts."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.services.rotation_followup import RotationEvaluation
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import ServiceDialog, display_iso, fit_columns, today
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.rotation.action_dialogs import HostEvaluationDialog, ReportDialog
from cadre_desktop.ui.rotation.check_view import CheckView
from cadre_desktop.ui.rotation.models import EvaluationsModel
from cadre_desktop.ui.rotation.words import event_word, status_word


class RotationDetail(QWidget):
    changed = Signal(str)  # an evaluation was recorded; the message for the status bar
    message = Signal(str)  # for the status bar only (a document was printed)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotationDetail")
        self._db = db
        self.summary: follow.RotationSummary | None = None
        self.dialog: ServiceDialog | None = None

        self.header = QLabel()
        self.header.setObjectName("rotationHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.check_view = CheckView()
        self.check_view.setObjectName("storedCheck")
        self.decisions = QLabel()
        self.decisions.setObjectName("rotationDecisions")
        self.decisions.setWordWrap(True)
        self.decisions.setTextFormat(Qt.TextFormat.RichText)
        info = QWidget()
        column = QVBoxLayout(info)
        column.addWidget(self.header)
        column.addWidget(self.check_view)
        column.addWidget(self.decisions)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(info)
        scroll.setMinimumWidth(180)

        self.model = EvaluationsModel(self)
        self.table = QTableView()
        self.table.setObjectName("evaluationsView")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.record_host_evaluation())
        self.report_button = QPushButton(self.tr("&Report…"))
        self.report_button.setObjectName("recordReport")
        self.report_button.clicked.connect(self.record_report)
        self.host_button = QPushButton(self.tr("Host &evaluation…"))
        self.host_button.setObjectName("recordHostEvaluation")
        self.host_button.clicked.connect(self.record_host_evaluation)
        self.printer = PdfMaker(self)
        self.printer.message.connect(self.message)
        self.print_form_button = QPushButton(self.tr("Print evaluation &form…"))
        self.print_form_button.setObjectName("printEvaluationForm")
        self.print_form_button.clicked.connect(self.print_evaluation_form)
        self.print_summary_button = QPushButton(self.tr("Print &summary…"))
        self.print_summary_button.setObjectName("printRotationSummary")
        self.print_summary_button.clicked.connect(self.print_summary)
        hint = QLabel(self.tr("Evaluations every six months and at the end:"))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.host_button)
        buttons.addStretch(1)
        # A row of their own: beside the others they would widen the window's minimum.
        printing = QHBoxLayout()
        printing.addWidget(self.print_form_button)
        printing.addWidget(self.print_summary_button)
        printing.addStretch(1)
        evaluations = QWidget()
        right = QVBoxLayout(evaluations)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(hint)
        right.addLayout(buttons)
        right.addLayout(printing)
        right.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(evaluations)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_rotation(None)

    def set_database(self, db: Database) -> None:
        self._db = db
        self.show_rotation(None)

    @property
    def rotation_id(self) -> str | None:
        return self.summary.rotation.id if self.summary else None

    def show_rotation(self, rotation_id: str | None, evaluation_id: str | None = None) -> None:
        keep = evaluation_id or self._current_evaluation_id()
        self.summary = None
        if rotation_id is not None:
            try:
                self.summary = follow.summary(self._db, rotation_id, today())
            except UserError:
                self.summary = None
        if self.summary is None:
            self.header.setText(html.escape(self.tr("Choose a rotation in the list above.")))
            self.check_view.set_check(None)
            self.decisions.clear()
            self.model.set_evaluations([], today())
            self._update_buttons()
            return
        self._fill(self.summary)
        self.model.set_evaluations(self.summary.evaluations, today())
        fit_columns(self.table, 240)
        rows = [e.id for e in self.summary.evaluations]
        if keep not in rows:  # the first one still waiting, else the last
            keep = next((e.id for e in self.summary.evaluations if not e.done),
                        rows[-1] if rows else None)
        if keep in rows:
            self.select_evaluation(rows.index(keep))
        self._update_buttons()

    def _fill(self, summary: follow.RotationSummary) -> None:
        r = summary.rotation
        names = svc.labels(self._db)
        group = svc.load_rules(self._db).group(r.group_code)
        lines = [f"<b style='font-size:large'>{html.escape(r.full_name)}</b>"]
        if group:
            lines.append(html.escape(group.label))
        host = html.escape(r.host_unit or "")
        post = html.escape(names.get(r.host_position, r.host_position))
        lines.append(self.tr("Host: %1, as %2").replace("%1", host).replace("%2", post))
        lines.append(self.tr("From %1 to %2 — %3").replace("%1", format_date(r.start))
                     .replace("%2", format_date(r.end)).replace("%3", status_word(r.status)))
        if r.decision_no:
            lines.append(self.tr("Decision %1 of %2").replace("%1", html.escape(r.decision_no))
                         .replace("%2", display_iso(r.decision_date)))
        if r.status_reason:
            lines.append(self.tr("Reason: %1").replace("%1", html.escape(r.status_reason)))
        if r.note:
            lines.append(html.escape(r.note))
        self.header.setText("<br>".join(lines))
        check = summary.check
        heading = self.tr("Check when proposed (start %1)").replace(
            "%1", format_date(check.start)) if check else ""
        self.check_view.set_check(check, heading, self.tr("No check was stored."))
        self.decisions.setText(self._decisions_html(summary))

    def _decisions_html(self, summary: follow.RotationSummary) -> str:
        kinds = {"eligibility": self.tr("Sent although not eligible"),
                 "quota": self.tr("Above the year's quota"),
                 "duration": self.tr("Shorter than the rules ask")}
        parts: list[str] = []
        if summary.overrides:
            heading = self.tr("Standing Committee decisions")
            parts.append(f"<p><b>{html.escape(heading)}</b></p>")
            parts.extend(
                f"<p>• {html.escape(kinds.get(o.override.kind, o.override.kind))}: "
                f"{html.escape(o.override.decision_no)} "
                f"({format_date(o.override.decision_date)}) — "
                f"{html.escape(o.override.reason)}</p>" for o in summary.overrides)
        if summary.events:
            heading = self.tr("Changes of end date")
            parts.append(f"<p><b>{html.escape(heading)}</b></p>")
            parts.extend(
                f"<p>• {html.escape(event_word(e.kind))}: {display_iso(e.old_end)} → "
                f"{display_iso(e.new_end)} ({display_iso(e.event_date)}) — "
                f"{html.escape(e.reason)}"
                + (f", {html.escape(e.decision_no)}" if e.decision_no else "") + "</p>"
                for e in summary.events)
        return "".join(parts)

    # -- evaluations ---------------------------------------------------------------------

    def select_evaluation(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def current_evaluation(self) -> RotationEvaluation | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _current_evaluation_id(self) -> str | None:
        found = self.current_evaluation()
        return found.id if found else None

    def _update_buttons(self) -> None:
        chosen = self.current_evaluation() is not None
        self.report_button.setEnabled(chosen)
        self.host_button.setEnabled(chosen)
        cancelled = self.summary is not None and self.summary.rotation.status == "cancelled"
        self.print_form_button.setEnabled(chosen and not cancelled)
        self.print_summary_button.setEnabled(self.summary is not None)

    # -- printing ------------------------------------------------------------------------

    def print_evaluation_form(self) -> None:
        """The chosen evaluation's form, filled in as far as it is recorded."""
        evaluation = self.current_evaluation()
        if evaluation is None or self.summary is None:
            return
        self.printer.make(self._db, "print_rotation_evaluation", [evaluation.id],
                          f"phieu-danh-gia-{evaluation.seq}.pdf", self.tr("Evaluation form"))

    def print_summary(self) -> None:
        if self.summary is not None:
            self.printer.make(self._db, "print_rotation_summary",
                              [self.summary.rotation.id], "tom-tat-di-co-so.pdf",
                              self.tr("Rotation summary"))

    def record_report(self) -> None:
        self._open(ReportDialog, self.tr("Report recorded for %1"))

    def record_host_evaluation(self) -> None:
        self._open(HostEvaluationDialog, self.tr("Host unit's evaluation recorded for %1"))

    def _open(self, kind: type[ReportDialog] | type[HostEvaluationDialog],
              message: str) -> None:
        evaluation = self.current_evaluation()
        if evaluation is None or self.summary is None:
            return
        name = self.summary.rotation.full_name
        try:
            dialog = kind(self._db, evaluation, name, self)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.dialog = dialog
        rotation_id = self.summary.rotation.id

        def done() -> None:
            self.show_rotation(rotation_id, evaluation.id)
            self.changed.emit(message.replace("%1", name))

        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: ServiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
