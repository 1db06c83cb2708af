"""Making a printed document (PDF) off the GUI thread, then showing it in the print
preview (kit.preview), from where the clerk prints it or saves it.

The document is made by an op (kit.ops): a printing function of cadre_desktop.printing
called on the op's own read-only connection, with the progress dialog and its Cancel
(a cancelled document is thrown away). The file dialog goes through kit.prompts, the
one place where the tests replace it.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTemporaryDir, Signal
from PySide6.QtWidgets import QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import saved_files
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.preview import PrintPreview


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
        saved_files.save_copy(path, chosen)
    except UserError as exc:  # a full disk, a folder that cannot be written
        messages.warn(parent, QCoreApplication.translate("PrintJob", "Save as PDF"), str(exc))
        return None
    return chosen


class PdfMaker(QObject):
    """One document at a time for a page: the op with its progress dialog, then the
    print preview. `message` carries what the status bar should say."""

    message = Signal(str)
    made = Signal(str)  # the PDF's path

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._temp = QTemporaryDir()
        self.op: Op | None = None
        self.dialog: PrintPreview | None = None
        self.last_pdf: Path | None = None

    @property
    def busy(self) -> bool:
        return self.op is not None

    def make(self, db: Database, function: str, args: Sequence[str], file_name: str,
             title: str, options: Mapping[str, object] | None = None) -> bool:
        """Start making a document with cadre_desktop.printing.<function>(db, *args,
        out_path, **options); False when one is still being made."""
        if self.op is not None:
            return False
        out = Path(self._temp.path()) / file_name
        chosen = dict(options or {})
        arguments = tuple(args)

        def work(worker_db: Database, progress: Progress) -> int:
            printing = importlib.import_module("cadre_desktop.printing")
            progress.check()
            make = getattr(printing, function)
            extra = ({"progress": progress}
                     if "progress" in inspect.signature(make).parameters else {})
            return int(make(worker_db, *arguments, out, **chosen, **extra))

        self.op = run_op(self._parent, db, work, title=self.tr("Print"),
                         label=self.tr("Making the document…"),
                         on_success=lambda pages: self._done(out, int(pages), title),
                         show_failures=False, on_failure=self._failed)
        self.op.ended.connect(self._ended)
        return True

    def _ended(self) -> None:
        self.op = None

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

    def _failed(self, text: str) -> None:
        if self.op is not None and self.op.cancel_requested:
            self.message.emit(self.tr("Printing cancelled"))
            return
        messages.warn(self._parent, self.tr("Cannot make the document"), text)
