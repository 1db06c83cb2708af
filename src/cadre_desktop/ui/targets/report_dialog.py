"""The periodic training report (sơ kết 6 tháng, tổng kết năm, giữa kỳ, tổng kết): the
clerk chooses the kind and the dates, sees the figures of section I, writes sections
II-IV (kept as the report's draft, services.reports), then makes the PDF (print preview)
or the .xlsx with the same figures.

The text is saved with the range and kind it belongs to: before another range is shown,
before a file is made and when the dialog closes, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.domain.targets import count_text, percent
from cadre_desktop.services import reports
from cadre_desktop.services.plans import Plan
from cadre_desktop.services.reports import ReportDraft, TrainingReport
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.fields import DateField, error_line
from cadre_desktop.ui.kit.ops import run_op
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.targets.words import money, report_kinds


def _half_end(day: dt.date) -> dt.date:
    return dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)


def _mid_term_end(plan: Plan) -> dt.date:
    """The last end of a half year on or before the middle of the plan's period (30/06/2025
    for 2023 - 2027), so that a mid-term review covers whole half years."""
    middle = plan.start + (plan.end - plan.start) / 2
    ends = [dt.date(middle.year - 1, 12, 31), dt.date(middle.year, 6, 30),
            dt.date(middle.year, 12, 31)]
    found = max(e for e in ends if e <= middle)
    return found if found >= plan.start else middle


def default_range(kind: str, on: dt.date, plan: Plan | None) -> tuple[dt.date, dt.date]:
    """The dates a report of the kind usually covers around the day `on`: the half year,
    the year, the plan's first half, or the plan's whole period (the year without a
    plan)."""
    if kind == "six_month":
        return (dt.date(on.year, 1, 1) if on.month <= 6 else dt.date(on.year, 7, 1),
                _half_end(on))
    if plan is not None and kind == "mid_term":
        return plan.start, _mid_term_end(plan)
    if plan is not None and kind == "final":
        return plan.start, plan.end
    return dt.date(on.year, 1, 1), dt.date(on.year, 12, 31)


class ReportDialog(QDialog):
    """`message(text)` for the status bar; `saved()` after the draft was written."""

    message = Signal(str)
    saved = Signal()
    figures_shown = Signal()  # the figures of the range are on screen (tests)

    def __init__(self, db: Database, plan: Plan | None, on: dt.date,
                 parent: QWidget | None = None, office: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingReportDialog")
        self.setWindowTitle(self.tr("Training report"))
        self.resize(820, 640)
        self._db = db
        self.plan = plan
        self.on = on
        self.office = office  # an office below this one (a province): its figures only
        self.draft: ReportDraft | None = None  # the draft shown (as saved)
        self.report: TrainingReport | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for code, label in report_kinds().items():
            self.kind.addItem(label, code)
        self.kind.activated.connect(lambda _i: self._kind_chosen())
        self.start = DateField("from")
        self.end = DateField("to")
        for field in (self.start, self.end):
            field.editingFinished.connect(self._range_edited)
        self.number = QLineEdit()
        self.number.setObjectName("reportNumber")
        self.number.setPlaceholderText(self.tr("from the register, e.g. 12"))
        self.subject = QLineEdit()
        self.subject.setObjectName("reportSubject")
        self.figures = QLabel()
        self.figures.setObjectName("reportFigures")
        self.figures.setWordWrap(True)
        self.error = error_line()
        self.texts: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget()
        for key, title, hint in (
                ("assessment", self.tr("II. Assessment"),
                 self.tr("Strengths, limitations and their causes")),
                ("directions", self.tr("III. Directions and tasks"),
                 self.tr("What the office will do in the next period")),
                ("proposals", self.tr("IV. Proposals"),
                 self.tr("What the office asks of the level above")),
                ("recipients", self.tr("Recipients"),
                 self.tr("One per line; the usual list when left empty"))):
            edit = QPlainTextEdit()
            edit.setObjectName(f"report_{key}")
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            self.texts[key] = edit
            self.tabs.addTab(edit, title)
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        form.addRow(self.tr("&Number:"), self.number)
        form.addRow(self.tr("&Subject:"), self.subject)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.save_button = self.buttons.addButton(self.tr("&Save the draft"), role)
        self.pdf_button = self.buttons.addButton(self.tr("&PDF (preview)…"), role)
        self.xlsx_button = self.buttons.addButton(self.tr("E&xcel (.xlsx)…"), role)
        self.save_button.clicked.connect(lambda: self.save_draft(tell=True))
        self.pdf_button.clicked.connect(self.make_pdf)
        self.xlsx_button.clicked.connect(self.make_xlsx)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.figures)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.printer = PdfMaker(self)
        self.printer.message.connect(self.message)
        self._shown: tuple[dt.date, dt.date, str] | None = None
        self._carry: ReportDraft | None = None  # unsaved text taken to another range
        self._kind_chosen()

    # -- the range and its draft ---------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_chosen()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self.start.set_date(start)
        self.end.set_date(end)
        self._range_edited()

    def _kind_chosen(self) -> None:
        start, end = default_range(self.current_kind(), self.on, self.plan)
        self.start.set_date(start)
        self.end.set_date(end)
        self._range_edited()

    def chosen_range(self) -> tuple[dt.date, dt.date] | None:
        """The dates typed, or None (the reason shown) when they are not a range."""
        try:
            start, end = self.start.date(), self.end.date()
            if start is None or end is None:
                raise UserError(self.tr("Type both dates (dd/mm/yyyy)."))
            if end < start:
                raise UserError(self.tr("The range ends before it starts."))
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return None
        self.error.hide()
        return start, end

    def _range_edited(self) -> None:
        chosen = self.chosen_range()
        self._enable(chosen is not None)
        if chosen is None:
            return
        wanted = (*chosen, self.current_kind())
        if wanted == self._shown:
            return
        # Text typed for a range that has a draft is kept with it; text typed before any
        # was saved goes with the clerk to the new range (the dates were being set).
        self._carry = None
        if self.dirty():
            if self.draft is not None and self.draft.id is not None:
                self.save_draft()
            else:
                self._carry = self.edited_draft()
        self._shown = wanted
        self.figures.setText(self.tr("Counting…"))
        start, end, kind = wanted
        office = self.office

        def read(db: Database, _progress: Progress) -> tuple[ReportDraft, TrainingReport]:
            return reports.get_draft(db, start, end, kind), reports.training_report(
                db, start, end, kind, office)

        queries_for(self._db).ask(f"report-{id(self)}", read, on_done=self._show,
                                  on_error=self._refused)

    def _show(self, found: tuple[ReportDraft, TrainingReport]) -> None:
        draft, report = found
        self.draft, self.report = draft, report
        shown = self._carry if self._carry is not None and draft.id is None else draft
        self._carry = None
        self.number.setText(shown.number)
        self.subject.setText(shown.subject)
        self.subject.setPlaceholderText(report.subject)
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(shown, key))
        self.figures.setText(self.figures_text(report))
        self._enable(True)
        self.figures_shown.emit()

    def _refused(self, text: str, is_bug: bool) -> None:
        if is_bug:
            from cadre_desktop.ui.errors import BugReportDialog

            BugReportDialog(text, self).exec()
            return
        self.report = None
        self.figures.setText(text)
        self._enable(False)

    def figures_text(self, r: TrainingReport) -> str:
        met = sum(f.met for f in r.targets)
        return (self.tr("I. Results in the range: %1 classes, %2 enrolments (%3 people), %4 "
                        "completed (%5); budget estimate %6, spent %7; %8 of %9 targets met.")
                .replace("%1", count_text(r.classes)).replace("%2", count_text(r.enrolments))
                .replace("%3", count_text(r.people)).replace("%4", count_text(r.completions))
                .replace("%5", percent(r.completion_rate))
                .replace("%6", money(r.budget_planned)).replace("%7", money(r.budget_actual))
                .replace("%8", str(met)).replace("%9", str(len(r.targets))))

    def _enable(self, ready: bool) -> None:
        for widget in (self.save_button, self.pdf_button, self.xlsx_button):
            widget.setEnabled(ready and self.draft is not None)

    # -- saving and making the files -------------------------------------------------------

    def edited_draft(self) -> ReportDraft | None:
        if self.draft is None:
            return None
        values = {key: edit.toPlainText() for key, edit in self.texts.items()}
        return ReportDraft(self.draft.kind, self.draft.start, self.draft.end,
                           self.number.text().strip(), self.subject.text().strip(),
                           values["assessment"], values["directions"], values["proposals"],
                           values["recipients"], self.draft.id)

    def dirty(self) -> bool:
        edited = self.edited_draft()
        if edited is None or self.draft is None:
            return False
        fields = ("number", "subject", "assessment", "directions", "proposals", "recipients")
        return any(getattr(edited, f).strip() != getattr(self.draft, f).strip() for f in fields)

    def save_draft(self, tell: bool = False) -> bool:
        """Write the draft's text (when changed, or when asked); False when refused."""
        edited = self.edited_draft()
        if edited is None:
            return False
        if not self.dirty() and not tell:
            return True
        try:
            draft_id = reports.save_draft(self._db, edited)
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return False
        self.draft = ReportDraft(edited.kind, edited.start, edited.end, edited.number,
                                 edited.subject, edited.assessment, edited.directions,
                                 edited.proposals, edited.recipients, draft_id)
        self.saved.emit()
        self.message.emit(self.tr("Report draft saved"))
        return True

    def make_pdf(self) -> None:
        draft = self.draft
        if draft is None or not self.save_draft():
            return
        self.printer.make(self._db, "print_report",
                          [draft.start.isoformat(), draft.end.isoformat()], "bao-cao.pdf",
                          self.tr("Training report"),
                          options={"kind": draft.kind, "office": self.office})

    def make_xlsx(self) -> None:
        from cadre_desktop.exporting.report_xlsx import export_training_report

        draft = self.draft
        if draft is None or not self.save_draft():
            return
        start = str(Path.home() / f"bao-cao-{draft.start:%Y%m%d}-{draft.end:%Y%m%d}.xlsx")
        chosen = prompts.save_file_name(self, self.tr("Save the report as a workbook"), start,
                                        self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")

        counting, office = self.tr("Counting…"), self.office

        def work(db: Database, progress: Progress) -> None:
            progress.step(counting, 0, 1)
            export_training_report(reports.training_report(db, draft.start, draft.end,
                                                           draft.kind, office), path)

        run_op(self, self._db, work, title=self.tr("Training report"),
               on_success=lambda _r: self.message.emit(
                   self.tr("Report written to %1").replace("%1", str(path))))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()  # the window's close button
        super().closeEvent(event)

    def reject(self) -> None:
        self.save_draft()
        super().reject()
