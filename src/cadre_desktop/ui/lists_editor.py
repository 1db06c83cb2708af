"""Editing the lists behind the combo boxes: positions, working status, party status,
political theory levels, education, unit levels. Data, not code: an office adds the
posts it has without a new program version."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import lists, office_role
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.read_only import allow

ID_ROLE = Qt.ItemDataRole.UserRole


class ListsEditor(QGroupBox):
    changed = Signal(str)  # a message for the status bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lists"), parent)
        self.setObjectName("listsEditor")
        self._db = db
        names = {
            "position": self.tr("Positions"),
            "working_status": self.tr("Working status"),
            "party_status": self.tr("Party status"),
            "theory_level": self.tr("Political theory levels"),
            "education": self.tr("Education levels"),
            "unit_level": self.tr("Unit levels"),
        }
        self.kind = QComboBox()
        self.kind.setObjectName("listKind")
        for kind in lists.EDITABLE_KINDS:
            self.kind.addItem(names[kind], kind)
        self.kind.currentIndexChanged.connect(self.reload)
        self.items = QListWidget()
        self.items.setObjectName("listItems")
        self.items.currentRowChanged.connect(self._update)
        self.items.itemDoubleClicked.connect(lambda _item: self.rename())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName("listAdd")
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.rename_button.setObjectName("listRename")
        self.rename_button.clicked.connect(self.rename)
        self.hide_button = QPushButton(self.tr("&Hide"))
        self.hide_button.setObjectName("listHide")
        self.hide_button.setToolTip(self.tr(
            "No longer offered for new entries; people who have it keep it"))
        self.hide_button.clicked.connect(self.hide_item)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.items, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addLayout(row)
        self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def reload(self) -> None:
        self.items.clear()
        for entry in lists.items(self._db, self.current_kind()):
            item = QListWidgetItem(entry.label)
            item.setData(ID_ROLE, entry.id)
            if entry.issued_by:
                item.setToolTip(self.tr("Issued by %1").replace("%1", entry.issued_by))
            self.items.addItem(item)
        self._update()

    def _update(self) -> None:
        item = self.items.currentItem()
        # An entry issued by the office above is that office's to rename or hide.
        reason = office_role.read_only_reason(
            self._db, "lookup", str(item.data(ID_ROLE)) if item is not None else None)
        allow(self.rename_button, item is not None, reason)
        allow(self.hide_button, item is not None, reason, self.tr(
            "No longer offered for new entries; people who have it keep it"))

    def add(self) -> None:
        label = messages.ask_text(self, self.tr("Add to the list"), self.tr("Name:"))
        if label is None:
            return
        self._run(lambda: lists.add(self._db, self.current_kind(), label),
                  self.tr("Added %1").replace("%1", label.strip()))

    def rename(self) -> None:
        item = self.items.currentItem()
        if item is None:
            return
        reason = office_role.read_only_reason(self._db, "lookup", str(item.data(ID_ROLE)))
        if reason is not None:  # a double click on an entry issued by the office above
            messages.inform(self, self.tr("Rename"), reason)
            return
        label = messages.ask_text(self, self.tr("Rename"), self.tr("New name:"), item.text())
        if label is None or label.strip() == item.text():
            return
        item_id = str(item.data(ID_ROLE))
        self._run(lambda: lists.rename(self._db, item_id, label),
                  self.tr("Renamed to %1").replace("%1", label.strip()))

    def hide_item(self) -> None:
        item = self.items.currentItem()
        if item is None:
            return
        item_id = str(item.data(ID_ROLE))
        self._run(lambda: lists.hide(self._db, item_id),
                  self.tr("Hid %1").replace("%1", item.text()))

    def _run(self, action: Callable[[], object], message: str) -> None:
        try:
            action()
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.changed.emit(message)
