"""The "Send to the province" page: this office's records as one signed, encrypted bundle
for the office above, written to a folder or a USB stick; the bundles sent so far with
the receipts that came back; importing a receipt.

The page says what the next bundle will be before it is made: the changes since the last
bundle the office above acknowledged with a receipt (a delta, small enough for an e-mail),
or every record (a full bundle) and why; the clerk may ask for a full one anyway. Making
the bundle and importing a receipt are ops (ui.kit.ops): off the GUI thread, with the
progress dialog and its Cancel, and a cancelled bundle leaves no trace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import bundles, office_role
from cadre_desktop.services import offices as office_service
from cadre_desktop.store.db import Database
from cadre_desktop.ui import passphrase_dialog, settings
from cadre_desktop.ui.form_widgets import display_iso, size_text, today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.tables import make_table
from cadre_desktop.ui.offices import words
from cadre_desktop.ui.offices.models import SentBundlesModel

FOLDER_KEY = "offices/bundle_folder"


def last_folder() -> str:
    value = settings.app_settings().value(FOLDER_KEY, "")
    return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())


def remember_folder(folder: Path) -> None:
    stored = settings.app_settings()
    stored.setValue(FOLDER_KEY, str(folder))
    stored.sync()


def free_name(folder: Path, name: str) -> Path:
    """The name, or the name with -2, -3… when a file of that name is there already."""
    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return path


class SendBundlePage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendBundlePage")
        self._db = db
        self.op: Op | None = None
        title = QLabel(self.tr("Send to the province"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.state = QLabel()
        self.state.setObjectName("sendState")
        self.state.setWordWrap(True)
        self.next_bundle = QLabel()
        self.next_bundle.setObjectName("nextBundle")
        self.next_bundle.setWordWrap(True)
        self.full_choice = QCheckBox(self.tr("Send a &full bundle (every record), not only "
                                             "the changes"))
        self.full_choice.setObjectName("fullBundle")
        self.full_choice.setToolTip(self.tr(
            "For an office above that lost its data or asks for everything again"))
        self.keys_button = QPushButton(self.tr("Open “Office && keys”"))
        self.keys_button.setObjectName("openKeys")
        self.keys_button.clicked.connect(lambda: self.navigate.emit("office_keys", None))
        self.export_button = QPushButton(self.tr("&Make a bundle…"))
        self.export_button.setObjectName("exportBundle")
        self.export_button.clicked.connect(self.export_bundle)
        self.receipt_button = QPushButton(self.tr("Import a &receipt…"))
        self.receipt_button.setObjectName("importReceipt")
        self.receipt_button.clicked.connect(self.import_receipt)
        actions = QHBoxLayout()
        for button in (self.export_button, self.receipt_button, self.keys_button):
            actions.addWidget(button)
        actions.addStretch(1)

        last = QGroupBox(self.tr("Last bundle"))
        self.last_number = QLabel()
        self.last_number.setObjectName("lastSequence")
        self.last_kind = QLabel()
        self.last_kind.setObjectName("lastKind")
        self.last_date = QLabel()
        self.last_date.setObjectName("lastDate")
        self.last_file = QLabel()
        self.last_file.setObjectName("lastFile")
        self.last_size = QLabel()
        self.last_size.setObjectName("lastSize")
        self.last_status = QLabel()
        self.last_status.setObjectName("lastReceipt")
        bold = QFont(self.last_status.font())
        bold.setBold(True)
        self.last_status.setFont(bold)
        self.last_receipt = QLabel()
        self.last_receipt.setObjectName("lastReceiptOfAny")
        form = QFormLayout(last)
        form.addRow(self.tr("Number:"), self.last_number)
        form.addRow(self.tr("Content:"), self.last_kind)
        form.addRow(self.tr("Made on:"), self.last_date)
        form.addRow(self.tr("File:"), self.last_file)
        form.addRow(self.tr("Size:"), self.last_size)
        form.addRow(self.tr("Receipt:"), self.last_status)
        form.addRow(self.tr("Last receipt:"), self.last_receipt)

        history = QGroupBox(self.tr("Bundles sent"))
        self.model = SentBundlesModel(self)
        # A few bundles a year: the recipient's name is read whole; the "No." column
        # numbers the rows already.
        self.view = make_table("sentBundles", self.model, (5, 11, 18, 34, 12, 28), fit=(5,))
        self.view.verticalHeader().hide()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addWidget(self.next_bundle)
        layout.addWidget(self.full_choice)
        layout.addLayout(actions)
        layout.addWidget(last)
        layout.addWidget(history, 1)
        self.reload()

    # -- the feature page interface ------------------------------------------------------

    def reload(self) -> None:
        info = office_service.identity_info(self._db)
        parent = office_role.parent(self._db)
        if info is None:
            self.state.setText(self.tr(
                "This office has no identity yet. Set it up on the “Office & keys” page, "
                "then enrol the office above with its identity file and fingerprint."))
        elif parent is None:
            self.state.setText(self.tr(
                "The office above is not enrolled yet. On the “Office & keys” page, import "
                "its identity file and type the fingerprint its clerk reads to you."))
        else:
            self.state.setText(self.tr(
                "Bundles of this office go to %1. A bundle is locked so that only that "
                "office can read it, and signed so that it can tell it came from "
                "here.").replace("%1", parent.name))
        ready = info is not None and parent is not None
        self._show_next(office_role.next_bundle_up(self._db) if ready else None)
        self.export_button.setEnabled(ready and self.op is None)
        self.receipt_button.setEnabled(ready and self.op is None)
        self.keys_button.setVisible(not ready)
        sent = bundles.sent_bundles(self._db)
        self.model.set_rows(sent)
        if sent:
            newest = sent[0]
            self.last_number.setText(str(newest.sequence))
            self.last_kind.setText(words.bundle_kind(newest.kind, newest.base_sequence))
            self.last_date.setText(display_iso(newest.created_at[:10]))
            self.last_file.setText(newest.file_name)
            self.last_size.setText(size_text(newest.size))
            self.last_status.setText(newest.status_text)  # the service's (Vietnamese) words
        else:
            for label in (self.last_number, self.last_kind, self.last_date, self.last_file,
                          self.last_size):
                label.setText("—")
            self.last_status.setText(self.tr("No bundle sent yet"))
        received = next((b for b in sent if b.received_at), None)
        if received is None:
            self.last_receipt.setText(self.tr("None yet"))
        else:
            self.last_receipt.setText(self.tr("%1 (bundle %2)").replace(
                "%1", received.status_text).replace("%2", str(received.sequence)))

    def _show_next(self, upcoming: office_role.NextBundle | None) -> None:
        """What "Make a bundle" will make now, and why a full one when it is one."""
        self.next_bundle.setVisible(upcoming is not None)
        self.full_choice.setVisible(upcoming is not None)
        if upcoming is None:
            return
        if upcoming.kind == "delta":
            text = self.tr(
                "Next bundle: number %1, the changes since bundle %2, which %3 received on "
                "%4 (%Ln record(s) changed).", "", upcoming.changed_rows or 0)
            text = text.replace("%2", str(upcoming.base_sequence)).replace(
                "%4", display_iso((upcoming.base_received_at or "")[:10]))
        else:
            reasons = {
                "first": self.tr("Next bundle: number %1, every record of this office (a full "
                                 "bundle): nothing has been sent to %3 yet."),
                "no-receipt": self.tr("Next bundle: number %1, every record of this office (a "
                                      "full bundle): no receipt has come back from %3 for the "
                                      "bundles sent, so it may not hold them."),
                "not-tracking": self.tr("Next bundle: number %1, every record of this office "
                                        "(a full bundle): the changes since the last bundle "
                                        "%3 received were not recorded."),
            }
            text = reasons.get(upcoming.reason, reasons["first"])
        self.next_bundle.setText(text.replace("%1", str(upcoming.sequence))
                                 .replace("%3", upcoming.recipient.name))
        delta = upcoming.kind == "delta"
        self.full_choice.setEnabled(delta and self.op is None)
        if not delta:
            self.full_choice.setChecked(False)

    def refresh(self) -> None:
        if self.op is None:
            self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def open_target(self, target: object) -> None:
        """Nothing to open: the page is shown as it is."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # -- actions -------------------------------------------------------------------------

    def suggested_path(self, folder: Path) -> Path:
        info = office_service.identity_info(self._db)
        upcoming = office_role.next_bundle_up(self._db)
        sequence = upcoming.sequence if upcoming else office_role.next_sequence(self._db)
        return free_name(folder, words.bundle_file_name(info.office.code if info else "",
                                                        sequence, today()))

    def export_bundle(self) -> None:
        if self.op is not None:
            return
        title = self.tr("Make a bundle")
        chosen = prompts.folder(self, self.tr("Folder or USB stick for the bundle"),
                                last_folder())
        if not chosen:
            return
        folder = Path(chosen)
        path = self.suggested_path(folder)
        passphrase = passphrase_dialog.ask_passphrase(
            self, self.tr("Office passphrase"),
            self.tr("Type the office passphrase to sign the bundle %1.").replace(
                "%1", path.name))
        if passphrase is None:
            return
        remember_folder(folder)
        full = self.full_choice.isChecked()

        def work(db: Database, progress: Progress) -> bundles.ExportResult:
            return bundles.export_to_file(db, path, passphrase, full=full, progress=progress)

        self._start(run_op(self, self._db, work, title=title,
                           label=self.tr("Making the bundle…"), writes=True,
                           on_success=self._exported))

    def _start(self, op: Op) -> None:
        self.op = op
        op.ended.connect(self._op_ended)
        for widget in (self.export_button, self.receipt_button, self.full_choice):
            widget.setEnabled(False)

    def _op_ended(self) -> None:
        self.op = None
        self.reload()

    def _exported(self, result: bundles.ExportResult) -> None:
        self.full_choice.setChecked(False)
        self.message.emit(self.tr("Bundle %1 saved as %2 (%3)").replace(
            "%1", str(result.sequence)).replace("%2", str(result.path)).replace(
            "%3", size_text(result.size)))

    def import_receipt(self) -> None:
        if self.op is None:
            op = receipt_op(self, self._db, self._receipt_imported)
            if op is not None:
                self._start(op)

    def _receipt_imported(self, result: bundles.ReceiptResult) -> None:
        self.message.emit(receipt_words(result))


def receipt_op(parent: QWidget, db: Database,
               on_success: Callable[[bundles.ReceiptResult], None]) -> Op | None:
    """Choose a receipt file and import it as an op; None when no file was chosen. Both
    directions use it: the office above's receipt for a bundle sent up, and an office
    below's for the lists and plans sent down."""
    title = QCoreApplication.translate("SendBundlePage", "Import a receipt")
    chosen = prompts.open_file_name(parent, title, last_folder(), QCoreApplication.translate(
        "SendBundlePage", "Cadre Desktop files (*.cadre);;All files (*)"))
    if not chosen:
        return None
    path = Path(chosen)

    def work(db: Database, _progress: Progress) -> bundles.ReceiptResult:
        return bundles.import_receipt_file(db, path)

    return run_op(parent, db, work, title=title, label=QCoreApplication.translate(
        "SendBundlePage", "Checking the receipt…"), writes=True, on_success=on_success)


def receipt_words(result: bundles.ReceiptResult) -> str:
    """What the status bar says of an imported receipt (this page and the offices page)."""
    day = display_iso(result.received_at[:10])
    if result.status == "already-recorded":
        text = QCoreApplication.translate(
            "SendBundlePage", "This receipt was already recorded: bundle %1 received by %2 "
            "on %3")
    else:
        text = QCoreApplication.translate(
            "SendBundlePage", "Receipt recorded: bundle %1 received by %2 on %3")
    return (text.replace("%1", str(result.sequence)).replace("%2", result.received_by.name)
            .replace("%3", day))
