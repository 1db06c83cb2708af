"""Taking attendance from the keyboard, and the attendance spreadsheet out and back in.

Typing a status's short code (C, M, P, K, from the editable list) in a cell records it
and moves down to the next participant; Backspace or Delete clears the selected cells.
Each keystroke is one write through services.attendance and one changed cell.

The spreadsheet goes out and comes back in as ops (progress, Cancel): reading a sheet
first (nothing written), then, once the clerk has seen the report, writing it; a cancel
leaves the class as it was.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.exporting.attendance_sheet import export_attendance_sheet
from cadre_desktop.importing.attendance_sheet import (
    AttendanceImportReport,
    import_attendance_sheet,
)
from cadre_desktop.services import attendance, training
from cadre_desktop.services.training import TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.tables import button, button_row
from cadre_desktop.ui.roster.editor_widgets import ERROR_STYLE
from cadre_desktop.ui.training.attendance_import import ImportReportDialog
from cadre_desktop.ui.training.attendance_model import AttendanceModel
from cadre_desktop.ui.training.attendance_view import AttendanceView

# A status short may have up to three characters; a prefix of a longer one waits this
# long for the next key before it counts on its own.
PREFIX_WAIT_MS = 800


class AttendanceTab(QWidget):
    changed = Signal(str)  # many marks changed (all present, an import)
    edited = Signal()  # one cell was written; the grid already shows it
    message = Signal(str)  # for the status bar, nothing changed (an export, a cancel)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceTab")
        self._db = db
        self._class: TrainingClass | None = None
        self._shorts: list[str] = []
        self._accepted: dict[str, str] = {}
        self._buffer = ""
        self._buffer_index = QModelIndex()
        self.last_write_ms = 0.0  # the latest keystroke's write and repaint, for measuring
        self.dialog: QDialog | None = None
        self.job: Op | None = None  # the sheet going out or coming in
        self._prefix_timer = QTimer(self)
        self._prefix_timer.setSingleShot(True)
        self._prefix_timer.setInterval(PREFIX_WAIT_MS)
        self._prefix_timer.timeout.connect(self._flush_prefix)
        self.model = AttendanceModel(self)
        self.view = AttendanceView(self.model)
        self.view.typed.connect(self._typed)
        self.view.cleared.connect(self._cleared)
        self.all_present_button = button(self.tr("&All present"), self.all_present,
                                         "allPresent")
        self.all_present_button.setToolTip(self.tr(
            "Mark everyone not yet marked present for the session of the selected column"))
        self.export_button = button(self.tr("E&xport sheet…"), self.export_sheet,
                                    "exportSheet")
        self.import_button = button(self.tr("&Import sheet…"), self.import_sheet,
                                    "importSheet")
        self.legend = QLabel()
        self.legend.setObjectName("attendanceLegend")
        self.feedback = QLabel()
        self.feedback.setObjectName("attendanceFeedback")
        self.feedback.setStyleSheet(ERROR_STYLE)
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.all_present_button, self.export_button,
                                    self.import_button))
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.feedback)

    def set_database(self, db: Database) -> None:
        self._db = db

    def load(self, cls: TrainingClass) -> None:
        self._class = cls
        current = self.view.currentIndex()
        matrix = attendance.attendance_matrix(self._db, cls.id)
        rule = training.get_programme(self._db, cls.programme_id).rule
        self.model.set_matrix(matrix, rule.min_pct, dt.date.today())
        self._shorts = [s.short.upper() for s in matrix.statuses]
        self._accepted = matrix.typed  # also "x" and "v", the marks of old Excel sheets
        legend = self.tr("Type a code in a cell: %1. The cursor moves down to the next "
                         "participant; Backspace or Delete clears.").replace(
            "%1", ", ".join(f"{s.short} = {s.label}" for s in matrix.statuses))
        aliases = [f"{typed.lower()} = {short}" for typed, short in matrix.typed.items()
                   if typed not in self._shorts]
        if aliases:
            legend += " " + self.tr("As on old Excel sheets, “x” and “v” are read as the "
                                    "office's present and absent codes (%1), here and in an "
                                    "imported sheet.").replace("%1", ", ".join(aliases))
        self.legend.setText(legend)
        self.legend.setWordWrap(True)
        self.feedback.clear()
        if current.isValid():
            self._go(self.model.index(min(current.row(), self.model.rowCount() - 1),
                                      min(current.column(), self.model.columnCount() - 1)))
        elif self.model.rowCount() and self.model.share_column() > 2:
            self._go(self.model.index(0, 2))

    # -- typing ---------------------------------------------------------------------------

    def _typed(self, index: QModelIndex, char: str) -> None:
        if self.model.session_index(index.column()) is None:
            self._refuse(self.tr("Choose a session column to take attendance."))
            return
        if self._buffer and index != self._buffer_index:
            self._flush_prefix()
        wanted = (self._buffer + char).upper()
        longer = [s for s in self._accepted if s.startswith(wanted) and s != wanted]
        if wanted in self._accepted and not longer:
            self._buffer = ""
            self._prefix_timer.stop()
            self.write(index, self._accepted[wanted])
        elif longer:
            self._buffer, self._buffer_index = wanted, index
            self._prefix_timer.start()
        else:
            self._buffer = ""
            self._prefix_timer.stop()
            self._refuse(self.tr("“%1” is not an attendance code. Use %2.").replace(
                "%1", char).replace("%2", ", ".join(self._shorts)))

    def _flush_prefix(self) -> None:
        wanted, index = self._buffer, self._buffer_index
        self._buffer = ""
        self._prefix_timer.stop()
        if wanted in self._accepted and index.isValid():
            self.write(index, self._accepted[wanted])

    def write(self, index: QModelIndex, short: str, move: bool = True) -> bool:
        """Record one cell through the service, show it, and move to the next one."""
        if self._class is None:
            return False
        started = time.perf_counter()
        row, column = index.row(), index.column()
        session_id = self.model.session_id(column)
        if session_id is None:
            return False
        try:
            attendance.set_marks_by_short(
                self._db, self._class.id, [(self.model.enrolment_id(row), session_id, short)])
        except UserError as exc:
            self._refuse(exc.message)
            return False
        self.model.set_cell(row, column, short)
        if move:
            self._go(self._next(index))
        self.last_write_ms = (time.perf_counter() - started) * 1000
        self.feedback.clear()
        self.edited.emit()
        return True

    def _cleared(self, indexes: list[QModelIndex]) -> None:
        if self._class is None:
            return
        cells = [(i.row(), i.column()) for i in indexes
                 if self.model.session_index(i.column()) is not None
                 and self.model.cell(i.row(), i.column())]
        if not cells:
            return
        try:
            attendance.set_marks_by_short(self._db, self._class.id, [
                (self.model.enrolment_id(r), self.model.session_id(c) or "", "")
                for r, c in cells])
        except UserError as exc:
            self._refuse(exc.message)
            return
        for row, column in cells:
            self.model.set_cell(row, column, "")
        self.feedback.clear()
        self.edited.emit()

    def _next(self, index: QModelIndex) -> QModelIndex:
        """Down to the next participant; after the last one, the top of the next session."""
        if index.row() + 1 < self.model.rowCount():
            return self.model.index(index.row() + 1, index.column())
        if self.model.session_index(index.column() + 1) is not None:
            return self.model.index(0, index.column() + 1)
        return index

    def _go(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _refuse(self, text: str) -> None:
        self.feedback.setText(text)
        QApplication.beep()

    # -- whole columns and files -------------------------------------------------------

    def all_present(self) -> None:
        column = self.view.currentIndex().column()
        session_id = self.model.session_id(column)
        if self._class is None or session_id is None:
            self._refuse(self.tr("Select a cell in the session's column first."))
            return
        try:
            count = attendance.all_present(self._db, session_id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        matrix = attendance.attendance_matrix(self._db, self._class.id)
        self.model.set_column(column, {p.enrolment_id: matrix.short(p.enrolment_id, session_id)
                                       for p in matrix.participants})
        self.changed.emit(self.tr("Marked %Ln participants present", "", count))

    def export_sheet(self) -> None:
        if self._class is None or self.job is not None:
            return
        path = prompts.save_file_name(self, self.tr("Export attendance sheet"),
                                      str(Path.home() / "diem-danh.xlsx"),
                                      self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        class_id = self._class.id

        def work(db: Database, progress: Progress) -> int:
            return export_attendance_sheet(db, class_id, Path(path), progress)

        self._start(run_op(
            self, self._db, work, title=self.tr("Export attendance sheet"),
            label=self.tr("Writing the attendance sheet…"),
            on_success=lambda count: self.message.emit(self.tr(
                "Exported the attendance of %Ln participants to %1", "", int(count))
                .replace("%1", path)),
            on_failure=self._cancelled(self.tr("Export cancelled."))))

    def import_sheet(self) -> None:
        """Read the sheet (an op), show what it found, then write it (another op)."""
        if self._class is None or self.job is not None:
            return
        path = prompts.open_file_name(self, self.tr("Import attendance sheet"),
                                      str(Path.home()),
                                      self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return
        class_id = self._class.id

        def read(db: Database, progress: Progress) -> AttendanceImportReport:
            # A dry run that also counts the valid rows: the clerk decides from the report.
            return import_attendance_sheet(db, class_id, Path(path), dry_run=True,
                                           skip_invalid=True, progress=progress)

        found: list[AttendanceImportReport] = []
        job = run_op(self, self._db, read, title=self.tr("Import attendance sheet"),
                     label=self.tr("Reading the attendance sheet…"),
                     on_success=found.append,
                     on_failure=self._cancelled(self.tr("Import cancelled: nothing was "
                                                        "written.")))
        self._start(job)
        # The report is shown once the reading op has ended (its progress closed, the
        # tab free for the writing op: _start's handler comes first).
        job.ended.connect(lambda: self._review(found[0], Path(path)) if found else None)

    def _review(self, report: AttendanceImportReport, path: Path) -> None:
        if self._class is None:
            return
        dialog = ImportReportDialog(report, path.name, self)
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            dialog.deleteLater()
        if accepted:
            self.write_sheet(path, valid_only=bool(report.rejected))

    def write_sheet(self, path: Path, valid_only: bool) -> None:
        """Write a sheet the clerk has seen the report of (an op; Cancel writes nothing)."""
        if self._class is None or self.job is not None:
            return
        class_id = self._class.id

        def work(db: Database, progress: Progress) -> AttendanceImportReport:
            return import_attendance_sheet(db, class_id, path, skip_invalid=valid_only,
                                           progress=progress)

        self._start(run_op(
            self, self._db, work, title=self.tr("Import attendance sheet"),
            label=self.tr("Writing the attendance…"), writes=True,
            on_success=lambda done: self.changed.emit(self.tr(
                "Imported attendance: %Ln records changed", "", done.changed)),
            on_failure=self._cancelled(self.tr("Import cancelled: nothing was written."))))

    def _start(self, job: Op) -> None:
        self.job = job
        for made in (self.export_button, self.import_button):
            made.setEnabled(False)
        job.ended.connect(lambda: self._ended(job))

    def _ended(self, job: Op) -> None:
        if self.job is not job:
            return
        self.job = None
        for made in (self.export_button, self.import_button):
            made.setEnabled(True)

    def _cancelled(self, text: str) -> Callable[[str], None]:
        """On a failed op: a refusal was shown already; a cancel is said in the status
        bar."""
        def failed(_message: str) -> None:
            if self.job is not None and self.job.cancel_requested:
                self.message.emit(text)
        return failed
