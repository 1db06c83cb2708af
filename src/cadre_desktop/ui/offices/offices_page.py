"""The "Offices" page at the receiving office: the offices it knows (the offices below it
and theirs, the office above), each with its key, its last bundle and whether it is
overdue; importing bundles; a receipt again for an office whose receipt was lost; the
list printed (Ctrl+P) or exported as it is shown."""

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

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import bundles, office_status
from cadre_desktop.services import offices as office_service
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages, passphrase_dialog
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.on_screen import Arguments, ListFiles, ListKind, print_action
from cadre_desktop.ui.kit.tables import current_row, make_table
from cadre_desktop.ui.offices import words
from cadre_desktop.ui.offices.import_flow import ImportFlow
from cadre_desktop.ui.offices.models import OVERVIEW, OfficesModel
from cadre_desktop.ui.offices.send_page import last_folder, remember_folder


class OfficesPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officesPage")
        self._db = db
        self.flow: ImportFlow | None = None
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
        self.overdue = QLabel()
        self.overdue.setObjectName("overdueSummary")
        self.overdue.setWordWrap(True)
        self.model = OfficesModel(OVERVIEW, self)
        self.view = make_table("officesView", self.model, (12, 30, 16, 9, 12, 15, 12, 8))
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
        buttons = QHBoxLayout()
        for button in (self.import_button, self.receipt_button, self.keys_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.files.print_button)
        buttons.addWidget(self.files.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.overdue)
        layout.addWidget(self.view, 1)
        self.reload()

    # -- the feature page interface ------------------------------------------------------

    def reload(self) -> None:
        keep = self.model.office_id(current_row(self.view))
        found = [s for s in office_status.list_offices(self._db, today())
                 if s.relation != "self"]
        self.model.set_rows(found)
        children = [s for s in found if s.relation == "child"]
        self.empty.setVisible(not children)
        late = [s for s in found if s.overdue]
        self.overdue.setText(self.tr("Overdue: %1").replace(
            "%1", ", ".join(s.office.label for s in late)))
        self.overdue.setVisible(bool(late))
        if keep is not None:
            for row, item in enumerate(self.model.items()):
                if item.office.id == keep:
                    self.view.selectRow(row)
        self._update_actions()

    def refresh(self) -> None:
        if self.flow is None:
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

    def _update_actions(self) -> None:
        has_identity = office_service.identity_info(self._db) is not None
        has_children = any(s.relation == "child" and s.key_status == "active"
                           for s in self.model.items())
        self.import_button.setEnabled(has_identity and has_children and self.flow is None)
        self.keys_button.setVisible(not has_children)
        item = self.model.item(current_row(self.view))
        self.receipt_button.setEnabled(item is not None and item.last_sequence is not None
                                       and has_identity)
        self.files.set_enabled(bool(self.model.items()))

    def shown(self) -> Arguments:
        """The offices as listed: on the pages' day, without this office."""
        return (), {"on": today(), "include_self": False}

    # -- actions -------------------------------------------------------------------------

    def import_bundles(self) -> None:
        if self.flow is not None:
            return
        chosen = prompts.open_file_names(
            self, self.tr("Import bundles"), last_folder(),
            self.tr("Cadre Desktop bundles (*.cadre);;All files (*)"))
        if not chosen:
            return
        paths = [Path(p) for p in chosen]
        remember_folder(paths[0].parent)
        flow = ImportFlow(self, Path(self._db.path), paths)
        self.flow = flow
        flow.imported.connect(self.changed)
        flow.message.connect(self.message)
        flow.ended.connect(self._flow_ended)
        self._update_actions()
        flow.start()

    def _flow_ended(self) -> None:
        flow, self.flow = self.flow, None
        if flow is not None:
            flow.deleteLater()
        self.reload()

    def receipt_again(self) -> None:
        item = self.model.item(current_row(self.view))
        if item is None or item.last_sequence is None:
            return
        title = self.tr("Receipt again")
        passphrase = passphrase_dialog.ask_passphrase(
            self, self.tr("Office passphrase"),
            self.tr("Type the office passphrase to sign the receipt for %1.").replace(
                "%1", item.office.label))
        if passphrase is None:
            return
        try:
            data = bundles.receipt_for(self._db, passphrase, item.office.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        start = str(Path(last_folder()) / words.receipt_file_name(item.office.code,
                                                                   item.last_sequence))
        target = prompts.save_file_name(self, title, start,
                                        self.tr("Cadre Desktop files (*.cadre)"))
        if not target:
            return
        try:
            bundles.write_atomically(Path(target), data)
        except OSError as exc:
            messages.warn(self, title, str(exc))
            return
        self.message.emit(self.tr("Receipt saved to %1").replace("%1", target))
