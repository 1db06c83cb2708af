"""The Settings page: the office profile and where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.services import profile as profile_store
from cadre_desktop.store.db import Database
from cadre_desktop.ui.lists_editor import ListsEditor
from cadre_desktop.ui.profile_dialog import ProfileForm, certificates_this_year, save_profile


class SettingsPage(QWidget):
    message = Signal(str)
    saved = Signal()
    backups_requested = Signal()

    def __init__(self, db: Database, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._db = db
        self.form = ProfileForm()
        self.form.changed.connect(self._update)
        self.save_button = QPushButton(self.tr("&Save office profile"))
        self.save_button.setObjectName("saveProfile")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        office = QGroupBox(self.tr("Office profile"))
        office_layout = QVBoxLayout(office)
        office_layout.addWidget(self.form)
        office_layout.addLayout(buttons)

        data = QGroupBox(self.tr("Data"))
        data_layout = QFormLayout(data)
        self.path_label = QLabel(str(db_path))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path must not widen the window; the whole path stays in the tooltip.
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.path_label.setToolTip(str(db_path))
        backups = QPushButton(self.tr("&Backups…"))
        backups.clicked.connect(self.backups_requested)
        backups_row = QHBoxLayout()
        backups_row.addWidget(backups)
        backups_row.addStretch(1)
        data_layout.addRow(self.tr("Database file:"), self.path_label)
        data_layout.addRow("", backups_row)

        self.lists = ListsEditor(db)
        self.lists.changed.connect(self.message)

        content = QWidget()
        layout = QVBoxLayout(content)
        for group in (office, self.lists, data):
            group.setMaximumWidth(760)  # long lines of empty fields are hard to read
            layout.addWidget(group)
        layout.addStretch(1)
        # The page scrolls rather than making the whole window taller than a small screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.reload()

    def focus_profile(self) -> None:
        """Put the cursor in the first empty field of the office profile (or the first)."""
        edits = list(self.form.edits.values())
        empty = [e for e in edits if not e.text().strip()]
        (empty or edits)[0].setFocus()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.lists.set_database(db)
        self.reload()

    def reload(self) -> None:
        self._saved = profile_store.load_profile(self._db)
        self.form.set_profile(self._saved)
        self.form.set_certificates(certificates_this_year(self._db))
        self._update()

    def _update(self) -> None:
        dirty = self.form.profile() != self._saved
        self.save_button.setEnabled(dirty and not self.form.problem)
        self.revert_button.setEnabled(dirty)

    def save(self) -> None:
        if self.form.problem:  # the field says why
            return
        save_profile(self._db, self.form.profile())
        self.reload()
        self.saved.emit()
        self.message.emit(self.tr("Office profile saved"))
