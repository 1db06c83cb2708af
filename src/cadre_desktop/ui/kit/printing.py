"""Making a printed document (PDF) off the GUI thread, then offering it: open it in the
system viewer (where the clerk prints) or save it where the clerk wants.

The document is made by an op (kit.ops): a printing function of cadre_desktop.printing
called on the op's own read-only connection, with the progress dialog and its Cancel
(a cancelled document is thrown away). The file dialog and the viewer go through
kit.prompts, the one place where the tests replace them.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTemporaryDir, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cadre_desktop.domain.progress import Progress
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op


def open_pdf(parent: QWidget, path: Path) -> bool:
    """Show the PDF in the system's viewer; a notice when there is none."""
    if prompts.open_in_viewer(path):
        return True
    messages.warn(
        parent,
        QCoreApplication.translate("PrintJob", "Open"),
        QCoreApplication.translate(
            "PrintJob",
            "No program to show PDF files was found. Use “Save as PDF…” and open the file "
            "yourself.",
        ),
    )
    return False


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


class ReadyDialog(QDialog):
    """The document is made: open it (to read and print it) or save it."""

    saved = Signal(str)  # the copy's path

    def __init__(self, path: Path, title: str, pages: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pdfReadyDialog")
        self.setWindowTitle(self.tr("Print"))
        self.path = path
        label = QLabel(
            self.tr("%1: %Ln pages, ready to open or save.", "", pages).replace("%1", title)
        )
        label.setObjectName("pdfReadyText")
        label.setWordWrap(True)
        note = QLabel(
            self.tr("To print on paper, open the document and use the viewer's Print command.")
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.open_button = self.buttons.addButton(self.tr("&Open"), role)
        self.open_button.setObjectName("openPdf")
        self.save_button = self.buttons.addButton(self.tr("Save as &PDF…"), role)
        self.save_button.setObjectName("savePdf")
        self.open_button.clicked.connect(self._open)
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def _open(self) -> None:
        if open_pdf(self, self.path):
            self.accept()

    def _save(self) -> None:
        copy = save_pdf(self, self.path)
        if copy is not None:
            self.saved.emit(str(copy))
            self.accept()


class PdfMaker(QObject):
    """One document at a time for a page: the op with its progress dialog, then the
    ReadyDialog. `message` carries what the status bar should say."""

    message = Signal(str)
    made = Signal(str)  # the PDF's path

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._temp = QTemporaryDir()
        self.op: Op | None = None
        self.dialog: ReadyDialog | None = None
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
            return int(getattr(printing, function)(worker_db, *arguments, out, **chosen))

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
            self.dialog.deleteLater()
        dialog = ReadyDialog(path, title, pages, self._parent)
        dialog.saved.connect(
            lambda copy: self.message.emit(self.tr("Saved %1").replace("%1", copy))
        )
        self.dialog = dialog
        dialog.open()

    def _failed(self, text: str) -> None:
        if self.op is not None and self.op.cancel_requested:
            self.message.emit(self.tr("Printing cancelled"))
            return
        messages.warn(self._parent, self.tr("Cannot make the document"), text)
