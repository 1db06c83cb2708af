"""Making a printed document (PDF) off the GUI thread, then showing it in the print
preview (ui.kit.preview), from where the clerk prints it or saves it.

A database connection belongs to the thread that opened it, so the job opens its own
(read-only) on the same file and closes it when done.

The file dialog goes through ui.training.prompts, the one place where the tests replace it.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTemporaryDir, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import BugReportDialog, bug_report_text
from cadre_desktop.ui.kit.preview import PrintPreview
from cadre_desktop.ui.training import prompts

_running: set[PrintJob] = set()  # kept alive until their thread has ended


class PrintJob(QThread):
    """Calls cadre_desktop.printing.<function>(db, *args, out_path, **options) on a
    read-only connection of its own."""

    succeeded = Signal(str, int)  # the PDF's path, its pages
    failed = Signal(str, bool)  # the message, whether it is a bug report

    def __init__(
        self,
        db_path: Path,
        function: str,
        args: Sequence[str],
        out_path: Path,
        options: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.function = function
        self.args = tuple(args)
        self.out_path = Path(out_path)
        self.options = dict(options or {})
        self.finished.connect(self._ended)

    def begin(self) -> None:
        _running.add(self)
        self.start()

    def run(self) -> None:
        from cadre_desktop import printing

        make = getattr(printing, self.function)
        try:
            db = open_database(self.db_path, read_only=True)
            try:
                pages = int(make(db, *self.args, self.out_path, **self.options))
            finally:
                db.close()
        except UserError as exc:
            self.failed.emit(exc.message, False)
            return
        except Exception as exc:  # a bug: reported to the clerk with its traceback
            self.failed.emit(bug_report_text(type(exc), exc, exc.__traceback__), True)
            return
        self.succeeded.emit(str(self.out_path), pages)

    def _ended(self) -> None:
        # `finished` comes just before the thread really ends; the object may only go
        # once it has.
        self.wait()
        _running.discard(self)


def running_jobs() -> int:
    return len(_running)


def save_pdf(parent: QWidget, path: Path) -> Path | None:
    """Copy the PDF where the clerk chooses; the copy's path, None when cancelled or
    when it could not be written (the clerk has been told why)."""
    start = str(Path.home() / path.name)
    target = prompts.save_file_name(
        parent,
        QCoreApplication.translate("PrintJob", "Save as PDF"),
        start,
        QCoreApplication.translate("PrintJob", "PDF document (*.pdf)"),
    )
    if not target:
        return None
    chosen = Path(target)
    if chosen.suffix.lower() != ".pdf":
        chosen = chosen.with_suffix(".pdf")
    try:
        shutil.copyfile(path, chosen)
    except OSError as exc:
        messages.warn(parent, QCoreApplication.translate("PrintJob", "Save as PDF"), str(exc))
        return None
    return chosen


class PdfMaker(QObject):
    """One document at a time for a page: the job with a progress dialog, then the print
    preview. `message` carries what the status bar should say."""

    message = Signal(str)
    made = Signal(str)  # the PDF's path

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._temp = QTemporaryDir()
        self.job: PrintJob | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: PrintPreview | None = None
        self.last_pdf: Path | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def make(
        self,
        db_path: Path,
        function: str,
        args: Sequence[str],
        file_name: str,
        title: str,
        options: Mapping[str, object] | None = None,
    ) -> bool:
        """Start making a document; False when one is still being made."""
        if self.job is not None:
            return False
        out = Path(self._temp.path()) / file_name
        job = PrintJob(db_path, function, args, out, options)
        job.succeeded.connect(lambda path, pages: self._done(Path(path), pages, title))
        job.failed.connect(self._failed)
        job.finished.connect(self._job_ended)
        self.job = job
        progress = QProgressDialog(self.tr("Making the document…"), "", 0, 0, self._parent)
        progress.setObjectName("printProgress")
        progress.setWindowTitle(self.tr("Print"))
        progress.setCancelButton(None)  # reportlab cannot be stopped half way
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress
        job.begin()
        return True

    def _job_ended(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, path: Path, pages: int, title: str) -> None:
        self.last_pdf = path
        self.message.emit(self.tr("%1 ready (%Ln pages)", "", pages).replace("%1", title))
        self.made.emit(str(path))
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog = PrintPreview(path, title, self._parent)
        dialog.saved.connect(
            lambda copy: self.message.emit(self.tr("Saved %1").replace("%1", copy))
        )
        dialog.printed.connect(lambda count: self.message.emit(
            self.tr("%1: %Ln page(s) sent to the printer", "", count).replace("%1", title)))
        self.dialog = dialog
        dialog.open()

    def _failed(self, text: str, is_bug: bool) -> None:
        if is_bug:
            BugReportDialog(text, self._parent).exec()
        else:
            messages.warn(self._parent, self.tr("Cannot make the document"), text)
