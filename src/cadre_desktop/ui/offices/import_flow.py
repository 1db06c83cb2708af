"""Importing bundles at the receiving office, step by step:

1. the passphrase (the bundles are encrypted to this office's key);
2. a dry run of every file, off the GUI thread (the same code as the import, rolled
   back: it reports exactly what would change; an op that writes, since the rolled-back
   import needs a connection that may write);
3. the preview dialog: per file and per table, the warnings, the refusals, and the
   extra confirmation for a snapshot that deletes many records;
4. the import of the chosen files, off the GUI thread (each file all or nothing; Cancel
   in the progress dialog rolls back the one being written);
5. the receipts, saved to a folder to be sent back to each office.

The passphrase lives in this object for the length of one flow and is dropped at its
end; it is never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import bundles
from cadre_desktop.services.bundles import BatchItem
from cadre_desktop.services.offices import unlock_keys
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages, passphrase_dialog
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, Work, run_op
from cadre_desktop.ui.offices import words
from cadre_desktop.ui.offices.preview_dialog import PreviewDialog
from cadre_desktop.ui.offices.send_page import free_name, last_folder, remember_folder


class ImportFlow(QObject):
    message = Signal(str)
    ended = Signal()

    def __init__(self, page: QWidget, db: Database, paths: list[Path]) -> None:
        super().__init__(page)
        self._page = page
        self._db = db
        self._paths = paths
        self._passphrase: str | None = None
        self.op: Op | None = None
        self.preview: PreviewDialog | None = None
        self.results: list[BatchItem] = []

    def start(self) -> None:
        count = len(self._paths)
        text = self.tr("Type the office passphrase to open %Ln bundle(s).", "", count)
        self._passphrase = passphrase_dialog.ask_passphrase(
            self._page, self.tr("Office passphrase"), text)
        if self._passphrase is None:
            self._finish()
            return
        self._run(self.tr("Checking the bundles…"), self._dry_run, self._previewed)

    def _run(self, label: str, work: Work, done: Callable[[Any], None]) -> None:
        op = run_op(self._page, self._db, work, title=self.tr("Import bundles"), label=label,
                    writes=True, on_success=done, on_failure=lambda _message: self._finish())
        op.ended.connect(self._op_ended)
        self.op = op

    def _op_ended(self) -> None:
        self.op = None

    def _dry_run(self, db: Database, progress: Progress) -> list[BatchItem]:
        unlock_keys(db, self._passphrase)  # a wrong passphrase is said once, not per file
        return bundles.import_files(db, self._paths, self._passphrase, dry_run=True,
                                    progress=progress)

    def _previewed(self, items: list[BatchItem]) -> None:
        dialog = PreviewDialog(items, self._page)
        self.preview = dialog
        dialog.accepted.connect(lambda: self._import(dialog.chosen(), dialog.confirmed()))
        dialog.rejected.connect(self._finish)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _import(self, paths: list[Path], confirm: bool) -> None:
        self.preview = None
        passphrase = self._passphrase

        def work(db: Database, progress: Progress) -> object:
            return bundles.import_files(db, paths, passphrase, confirm_mass_delete=confirm,
                                        progress=progress)

        self._run(self.tr("Importing the bundles…"), work, self._imported)

    def _imported(self, items: list[BatchItem]) -> None:
        self.results = items
        self._passphrase = None
        done = [i for i in items if i.report is not None]
        lines = []
        for item in items:
            if item.report is not None:
                lines.append(self.tr("%1: bundle %2 imported").replace(
                    "%1", item.report.sender.name).replace("%2", str(item.report.sequence)))
            else:
                reason = item.error.message if item.error else ""
                lines.append(self.tr("%1: refused, nothing imported. %2").replace(
                    "%1", Path(item.name).name).replace("%2", reason))
        messages.inform(self._page, self.tr("Import bundles"), "\n\n".join(lines))
        self._save_receipts([i for i in done if i.report and i.report.receipt])
        self._finish()

    def _save_receipts(self, items: list[BatchItem]) -> None:
        if not items:
            return
        chosen = prompts.folder(self._page, self.tr("Folder for the receipts to send back"),
                                last_folder())
        if not chosen:
            messages.warn(self._page, self.tr("Receipts"), self.tr(
                "The receipts were not saved. Select the office on this page and use "
                "“Receipt again…” to make one later."))
            return
        folder = Path(chosen)
        remember_folder(folder)
        saved = []
        for item in items:
            report = item.report
            assert report is not None
            path = free_name(folder, words.receipt_file_name(report.sender.code,
                                                             report.sequence))
            try:
                bundles.save_receipt(report, path)
            except (OSError, UserError) as exc:
                text = exc.message if isinstance(exc, UserError) else str(exc)
                messages.warn(self._page, self.tr("Receipts"), text)
                return
            saved.append(path.name)
        self.message.emit(self.tr("Receipts saved in %1: %2").replace(
            "%1", str(folder)).replace("%2", ", ".join(saved)))

    def _finish(self) -> None:
        self._passphrase = None
        self.ended.emit()
