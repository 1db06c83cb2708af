"""The "Office & keys" page: this office's identity, and the offices it trusts (the office
above, the offices below) with their enrolment, key changes and revocation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import office_status
from cadre_desktop.services import offices as office_service
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.tables import current_row, make_table
from cadre_desktop.ui.offices.enrol_dialog import EnrolDialog
from cadre_desktop.ui.offices.identity_panel import IdentityPanel
from cadre_desktop.ui.offices.models import TRUST, OfficesModel

MAX_FILE = 1024 * 1024  # identity files and key changes are a few hundred bytes


class OfficeKeysPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeKeysPage")
        self._db = db
        self.dialog: EnrolDialog | None = None
        title = QLabel(self.tr("Office identity and keys"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.identity = IdentityPanel(db)
        self.identity.changed.connect(self._changed)
        self.identity.message.connect(self.message)

        trusted = QGroupBox(self.tr("Trusted offices"))
        intro = QLabel(self.tr(
            "An office is trusted once its identity file is imported here and the "
            "fingerprint its clerk reads out by phone matches. Bundles and receipts are "
            "accepted only from trusted offices."))
        intro.setWordWrap(True)
        self.model = OfficesModel(TRUST, self)
        self.view = make_table("trustedOffices", self.model, (30, 12, 14, 10, 38, 12),
                               fit=(4,))
        self.view.setMinimumHeight(150)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.enrol_child_button = QPushButton(self.tr("Enrol an office &below…"))
        self.enrol_child_button.setObjectName("enrolChild")
        self.enrol_child_button.clicked.connect(lambda: self.enrol("child"))
        self.enrol_parent_button = QPushButton(self.tr("Enrol the office &above…"))
        self.enrol_parent_button.setObjectName("enrolParent")
        self.enrol_parent_button.clicked.connect(lambda: self.enrol("parent"))
        self.accept_button = QPushButton(self.tr("Import a &key change…"))
        self.accept_button.setObjectName("acceptRotation")
        self.accept_button.clicked.connect(self.accept_rotation)
        self.revoke_button = QPushButton(self.tr("&Revoke key…"))
        self.revoke_button.setObjectName("revokeKey")
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QHBoxLayout()
        for button in (self.enrol_child_button, self.enrol_parent_button,
                       self.accept_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addWidget(intro)
        trusted_layout.addWidget(self.view, 1)
        trusted_layout.addLayout(buttons)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(title)
        layout.addWidget(self.identity)
        layout.addWidget(trusted, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.reload()

    # -- the feature page interface ------------------------------------------------------

    def reload(self) -> None:
        self.identity.reload()
        found = office_status.list_offices(self._db, today())
        self.model.set_rows([s for s in found if s.key_status is not None])
        self._update_actions()

    def refresh(self) -> None:
        self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.identity.set_database(db)
        self.reload()

    def open_target(self, target: object) -> None:
        """Nothing to open: the page is shown as it is."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def _update_actions(self) -> None:
        ready = self.identity.has_identity()
        for button in (self.enrol_child_button, self.enrol_parent_button, self.accept_button):
            button.setEnabled(ready)
        row = current_row(self.view)
        item = self.model.item(row) if row >= 0 else None
        self.revoke_button.setEnabled(item is not None and item.key_status == "active")

    # -- actions -------------------------------------------------------------------------

    def _read_file(self, title: str) -> bytes | None:
        path = prompts.open_file_name(self, title, str(Path.home()),
                                      self.tr("Cadre Desktop files (*.cadre);;All files (*)"))
        if not path:
            return None
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE + 1)
        except OSError as exc:
            messages.warn(self, title, str(exc))
            return None
        if len(data) > MAX_FILE:
            messages.warn(self, title, self.tr("This file is far too large to be an identity "
                                               "file or a key change."))
            return None
        return data

    def enrol(self, role: str) -> None:
        title = (self.tr("Enrol the office above") if role == "parent"
                 else self.tr("Enrol an office below"))
        data = self._read_file(title)
        if data is None:
            return
        try:
            identity = office_service.read_identity_file(data)
        except UserError as exc:
            show_user_error(self, exc)
            return
        dialog = EnrolDialog(self._db, data, identity, role, self)
        self.dialog = dialog
        dialog.enrolled.connect(self._enrolled)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: EnrolDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _enrolled(self, result: office_service.EnrolResult) -> None:
        self._changed()
        if result.status == "already-enrolled":
            self.message.emit(self.tr("%1 was already enrolled").replace(
                "%1", result.office.name))
        else:
            self.message.emit(self.tr("%1 enrolled").replace("%1", result.office.name))
        for warning in result.warnings:
            messages.inform(self, self.tr("Enrolled"), warning)

    def accept_rotation(self) -> None:
        title = self.tr("Import a key change")
        data = self._read_file(title)
        if data is None:
            return
        try:
            result = office_service.accept_rotation(self._db, data)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._changed()
        self.message.emit(self.tr("New key of %1 accepted").replace("%1", result.office.name))

    def revoke(self) -> None:
        row = current_row(self.view)
        item = self.model.item(row) if row >= 0 else None
        if item is None or item.key_status != "active":
            return
        reason = messages.ask_text(self, self.tr("Revoke key"), self.tr(
            "Revoke the key of %1? Its bundles and receipts will be refused until it is "
            "enrolled again with a new identity file.\n\nReason (for example: computer "
            "lost):").replace("%1", item.office.name))
        if reason is None:
            return
        try:
            office_service.revoke(self._db, item.office.id, reason)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._changed()
        self.message.emit(self.tr("Key of %1 revoked").replace("%1", item.office.name))
