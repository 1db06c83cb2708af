"""The list of automatic backups, with 'back up now' and 'restore'.

Restoring replaces the whole database, so the dialog only asks; the main window closes
its connection, restores and reopens (services.session keeps a safety copy of the current
state first, so a restore can itself be reversed).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import session
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.form_widgets import size_text
from cadre_desktop.ui.kit.ops import run_op

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class BackupDialog(QDialog):
    restore_requested = Signal(Path)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        db_path = Path(db.path)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(560, 380)
        self._db_path = db_path
        intro = QLabel(self.tr(
            "A copy of the data is made automatically once a day when the program starts. "
            "The last 7 days and 4 weeks are kept. Restoring a copy replaces the current "
            "data; the current data is itself saved as a copy first."))
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setHeaderLabels([self.tr("Taken at"), self.tr("Size"), self.tr("File")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.restore_selected())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = self.buttons.addButton(self.tr("Back up &now"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = self.buttons.addButton(self.tr("&Restore…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        found = session.list_backups(self._db_path)
        for entry in found:
            item = QTreeWidgetItem([
                entry.taken_at.strftime("%d/%m/%Y %H:%M"),
                size_text(entry.size),
                entry.path.name,
            ])
            item.setData(0, PATH_ROLE, str(entry.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    def backup_now(self) -> None:
        """A copy of the whole file: in the background, with a progress dialog."""
        path = self._db_path

        def copy(_db: Database, progress: Progress) -> object:
            return session.take_backup(path, progress)

        run_op(self, self._db, copy, title=self.tr("Back up now"),
               label=self.tr("Copying the data file…"), on_success=lambda _b: self.reload())

    def restore_selected(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        taken = items[0].text(0)
        if not messages.confirm(
                self, self.tr("Restore backup"),
                self.tr("Replace the current data with the copy taken at %1? The current "
                        "data is saved as a copy first.").replace("%1", taken),
                self.tr("Restore")):
            return
        self.restore_requested.emit(Path(items[0].data(0, PATH_ROLE)))
        self.accept()
