"""The "Offices" page at the receiving office: the offices it knows (the offices below it
and theirs, the office above), each by its name with its key, its last bundle and whether
it is overdue; importing bundles (from the offices below, or the lists and plans the
office above sends down); a receipt again for an office whose receipt was lost; sending
an office below its issued lists and plans, and importing the receipt it sends back;
the list printed (Ctrl+P) or exported as it is shown.

Every long job is an op (ui.kit.ops): off the GUI thread, with the progress dialog and
its Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import bundles, office_role, office_status
from cadre_desktop.services import offices as office_service
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.store.db import Database
from cadre_desktop.ui import passphrase_dialog
from cadre_desktop.ui.form_widgets import display_iso, size_text, today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.on_screen import Arguments, ListFiles, ListKind, print_action
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.tables import current_row, make_table
from cadre_desktop.ui.offices import words
from cadre_desktop.ui.offices.import_flow import ImportFlow
from cadre_desktop.ui.offices.models import OVERVIEW, OfficesModel
from cadre_desktop.ui.offices.send_page import (
    free_name,
    last_folder,
    receipt_op,
    receipt_words,
    remember_folder,
)


class OfficesPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officesPage")
        self._db = db
        self.flow: ImportFlow | None = None
        self.op: Op | None = None
        self._sent: list[bundles.SentBundle] = []
        title = QLabel(self.tr("Offices"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.empty = QLabel(self.tr(
            "No office below this one is enrolled yet. To receive the bundles of an office "
            "below, enrol it on the “Office & keys” page with its identity file and the "
            "fingerprint its clerk reads to you by phone."))
        self.empty.setObjectName("officesEmpty")
        self.empty.setWordWrap(True)
        self.from_above = QLabel()
        self.from_above.setObjectName("fromAbove")
        self.from_above.setWordWrap(True)
        self.overdue = QLabel()
        self.overdue.setObjectName("overdueSummary")
        self.overdue.setWordWrap(True)
        self.model = OfficesModel(OVERVIEW, self)
        self.view = make_table("officesView", self.model, (30, 16, 9, 12, 10, 12, 12, 8))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.import_button = QPushButton(self.tr("&Import bundles…"))
        self.import_button.setObjectName("importBundles")
        self.import_button.clicked.connect(self.import_bundles)
        self.receipt_button = QPushButton(self.tr("Receipt &again…"))
        self.receipt_button.setObjectName("receiptAgain")
        self.receipt_button.clicked.connect(self.receipt_again)
        self.keys_button = QPushButton(self.tr("Open “Office && keys”"))
        self.keys_button.clicked.connect(lambda: self.navigate.emit("office_keys", None))
        self.files = ListFiles(self, db, ListKind("offices", self.tr("Offices"),
                                                  "danh-sach-don-vi"), self.shown)
        self.files.message.connect(self.message)
        self.print_action = print_action(self, self.files.print_list, "printOffices")
        self.send_down_button = QPushButton(self.tr("Send lists and plans &down…"))
        self.send_down_button.setObjectName("sendDown")
        self.send_down_button.clicked.connect(self.send_down)
        self.down_receipt_button = QPushButton(self.tr("Import a re&ceipt…"))
        self.down_receipt_button.setObjectName("importDownReceipt")
        self.down_receipt_button.setToolTip(self.tr(
            "The receipt an office below sends back for the lists and plans it received"))
        self.down_receipt_button.clicked.connect(self.import_receipt)
        self.down_state = QLabel()
        self.down_state.setObjectName("sentDown")
        self.down_state.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.receipt_button, self.keys_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.files.print_button)
        buttons.addWidget(self.files.export_button)
        down = QHBoxLayout()
        for button in (self.send_down_button, self.down_receipt_button):
            down.addWidget(button)
        down.addWidget(self.down_state, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.from_above)
        layout.addLayout(buttons)
        layout.addWidget(self.overdue)
        layout.addWidget(self.view, 1)
        layout.addLayout(down)
        self.reload()

    # -- the feature page interface ------------------------------------------------------

    def reload(self) -> None:
        keep = self.model.office_id(current_row(self.view))
        found = [s for s in office_status.list_offices(self._db, today())
                 if s.relation != "self"]
        self.model.set_rows(found)
        self._sent = [b for b in bundles.sent_bundles(self._db) if b.kind == "issued"]
        children = [s for s in found if s.relation == "child"]
        above = next((s for s in found if s.relation == "parent"
                      and s.key_status == "active"), None)
        self.empty.setVisible(not children)
        self.from_above.setVisible(above is not None)
        if above is not None:
            self.from_above.setText(self.tr(
                "The lists and plans %1 sends down are imported here with “Import "
                "bundles…”; they are then shown as issued by %1, and only %1 changes "
                "them.").replace("%1", above.office.name))
        late = [s for s in found if s.overdue]
        self.overdue.setText(self.tr("Overdue: %1").replace(
            "%1", ", ".join(s.office.name for s in late)))
        self.overdue.setVisible(bool(late))
        for widget in (self.send_down_button, self.down_receipt_button, self.down_state):
            widget.setVisible(bool(children))
        if keep is not None:
            for row, item in enumerate(self.model.items()):
                if item.office.id == keep:
                    self.view.selectRow(row)
        self._update_actions()

    def refresh(self) -> None:
        if self.flow is None and self.op is None:
            self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.files.set_database(db)
        self.reload()

    def open_target(self, target: object) -> None:
        """Select an office (its id), as the start page's overdue list asks."""
        for row, item in enumerate(self.model.items()):
            if item.office.id == target:
                self.view.selectRow(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def _selected(self) -> OfficeStatus | None:
        return self.model.item(current_row(self.view))

    def _update_actions(self) -> None:
        idle = self.flow is None and self.op is None
        has_identity = office_service.identity_info(self._db) is not None
        trusted = [s for s in self.model.items() if s.key_status == "active"]
        has_children = any(s.relation == "child" for s in trusted)
        has_parent = any(s.relation == "parent" for s in trusted)
        self.import_button.setEnabled(has_identity and (has_children or has_parent) and idle)
        self.keys_button.setVisible(not has_children and not has_parent)
        item = self._selected()
        self.receipt_button.setEnabled(item is not None and item.last_sequence is not None
                                       and has_identity and idle)
        child = item is not None and item.relation == "child" and item.key_status == "active"
        self.send_down_button.setEnabled(child and has_identity and idle)
        self.send_down_button.setToolTip(
            self.tr("Send %1 the lists, programmes and plans this office issues").replace(
                "%1", item.office.name) if child and item is not None
            else self.tr("Select an office below (with a trusted key) first"))
        self.down_receipt_button.setEnabled(bool(self._sent) and idle)
        self._show_sent_down(item)
        self.files.set_enabled(bool(self.model.items()))

    def shown(self) -> Arguments:
        """The offices as listed: on the pages' day, without this office."""
        return (), {"on": today(), "include_self": False}

    def _show_sent_down(self, item: OfficeStatus | None) -> None:
        if item is None or item.relation != "child":
            self.down_state.setText("")
            return
        last = next((b for b in self._sent if b.recipient_id == item.office.id), None)
        if last is None:
            text = self.tr("No lists or plans sent to %1 yet.")
        elif last.received_at:
            text = self.tr("Lists and plans last sent to %1: bundle %2 of %3, received on "
                           "%4.").replace("%4", display_iso(last.received_at[:10]))
        else:
            text = self.tr("Lists and plans last sent to %1: bundle %2 of %3, no receipt "
                           "yet.")
        if last is not None:
            text = text.replace("%2", str(last.sequence)).replace(
                "%3", display_iso(last.created_at[:10]))
        self.down_state.setText(text.replace("%1", item.office.name))

    # -- actions -------------------------------------------------------------------------

    def import_bundles(self) -> None:
        if self.flow is not None or self.op is not None:
            return
        chosen = prompts.open_file_names(
            self, self.tr("Import bundles"), last_folder(),
            self.tr("Cadre Desktop bundles (*.cadre);;All files (*)"))
        if not chosen:
            return
        paths = [Path(p) for p in chosen]
        remember_folder(paths[0].parent)
        flow = ImportFlow(self, self._db, paths)
        self.flow = flow
        flow.message.connect(self.message)
        flow.ended.connect(self._flow_ended)
        self._update_actions()
        flow.start()

    def _flow_ended(self) -> None:
        flow, self.flow = self.flow, None
        if flow is not None:
            flow.deleteLater()
        self.reload()

    def _start(self, op: Op) -> None:
        self.op = op
        op.ended.connect(self._op_ended)
        self._update_actions()

    def _op_ended(self) -> None:
        self.op = None
        self.reload()

    def receipt_again(self) -> None:
        item = self._selected()
        if item is None or item.last_sequence is None or self.op is not None:
            return
        title = self.tr("Receipt again")
        passphrase = passphrase_dialog.ask_passphrase(
            self, self.tr("Office passphrase"),
            self.tr("Type the office passphrase to sign the receipt for %1.").replace(
                "%1", item.office.name))
        if passphrase is None:
            return
        start = str(Path(last_folder()) / words.receipt_file_name(item.office.code,
                                                                   item.last_sequence))
        target = prompts.save_file_name(self, title, start,
                                        self.tr("Cadre Desktop files (*.cadre)"))
        if not target:
            return
        office_id, path = item.office.id, Path(target)

        def work(db: Database, _progress: Progress) -> None:
            bundles.write_atomically(path, bundles.receipt_for(db, passphrase, office_id))

        self._start(run_op(self, self._db, work, title=title,
                           label=self.tr("Signing the receipt…"),
                           on_success=lambda _none: self.message.emit(
                               self.tr("Receipt saved to %1").replace("%1", target))))

    def send_down(self) -> None:
        """The lists, programmes and plans this office issues, for the office below
        chosen: a bundle signed here and locked for that office alone."""
        item = self._selected()
        if item is None or item.relation != "child" or self.op is not None:
            return
        title = self.tr("Send lists and plans down")
        chosen = prompts.folder(self, self.tr("Folder or USB stick for the bundle to %1")
                                .replace("%1", item.office.name), last_folder())
        if not chosen:
            return
        folder = Path(chosen)
        info = office_service.identity_info(self._db)
        path = free_name(folder, words.down_file_name(
            info.office.code if info else "", item.office.code,
            office_role.next_sequence(self._db), today()))
        passphrase = passphrase_dialog.ask_passphrase(
            self, self.tr("Office passphrase"),
            self.tr("Type the office passphrase to sign the bundle %1.").replace(
                "%1", path.name))
        if passphrase is None:
            return
        remember_folder(folder)
        child = item.office.id

        def work(db: Database, progress: Progress) -> bundles.ExportResult:
            return bundles.export_to_file(db, path, passphrase, to=child, progress=progress)

        self._start(run_op(self, self._db, work, title=title,
                           label=self.tr("Making the bundle…"), writes=True,
                           on_success=self._sent_down))

    def _sent_down(self, result: bundles.ExportResult) -> None:
        self.message.emit(self.tr("Lists and plans for %1 saved as %2 (%3)").replace(
            "%1", result.recipient).replace("%2", str(result.path)).replace(
            "%3", size_text(result.size)))

    def import_receipt(self) -> None:
        if self.op is None:
            op = receipt_op(self, self._db, lambda result: self.message.emit(
                receipt_words(result)))
            if op is not None:
                self._start(op)
