"""The classes: a list filtered by year and status, printed or exported as it is shown;
opening one shows its page in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QStackedWidget, QVBoxLayout, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import office_role, training
from cadre_desktop.services.training import TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.on_screen import Arguments, ListFiles, ListKind
from cadre_desktop.ui.kit.read_only import allow
from cadre_desktop.ui.kit.tables import (
    button,
    button_row,
    current_row,
    make_table,
    select_row,
)
from cadre_desktop.ui.training import labels
from cadre_desktop.ui.training.class_form import NewClassDialog
from cadre_desktop.ui.training.class_model import ClassTableModel
from cadre_desktop.ui.training.class_view import ClassView


class ClassesPage(QStackedWidget):
    changed = Signal(str)  # office data changed; the message for the status bar
    edited = Signal()  # a quiet change (one attendance cell)
    message = Signal(str)  # for the status bar: nothing changed (a list printed)

    def __init__(self, db: Database, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classesPage")
        self._db = db
        self.dialog: NewClassDialog | None = None
        self.year = QComboBox()
        self.year.setObjectName("classYear")
        self.year.setToolTip(self.tr("Show the classes of one year"))
        self.status = QComboBox()
        self.status.setObjectName("classStatus")
        self.status.setToolTip(self.tr("Show the classes in one state"))
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status.setMinimumContentsLength(12)
        self.status.addItem(self.tr("All statuses"), None)
        for code, label in labels.class_states().items():
            self.status.addItem(label, code)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = ClassTableModel(self)
        self.view = make_table("classView", self.model, [50, 36], stretch=0,
                               fit=[2, 3, 4, 5])
        self.view.doubleClicked.connect(lambda _index: self.open_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_delete())
        enter = QAction(self)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self.open_current)
        self.view.addAction(enter)
        self.new_button = button(self.tr("&New class…"), self.new_class, "newClass")
        self.open_button = button(self.tr("&Open"), self.open_current, "openClass")
        self.delete_button = button(self.tr("&Delete"), self.delete_current, "deleteClass")
        self.count_label = QLabel()
        self.count_label.setObjectName("classCount")
        self.files = ListFiles(self, db, ListKind("classes", self.tr("Training classes"),
                                                  "danh-sach-lop"), self.shown)
        self.files.message.connect(self.message)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(button_row(self.new_button, self.open_button, self.delete_button,
                                         self.files.print_button, self.files.export_button,
                                         self.year, self.status, self.count_label,
                                         stretch_at=5))
        list_layout.addWidget(self.view, 1)
        self.class_view = ClassView(db, db_path)
        self.class_view.back.connect(self.show_list)
        self.class_view.changed.connect(self._class_changed)
        self.class_view.edited.connect(self.edited)
        self.addWidget(self.list_page)
        self.addWidget(self.class_view)
        self._fill_years()
        self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.files.set_database(db)
        self.class_view.set_database(db)
        self.show_list()
        self.refresh()

    def refresh(self) -> None:
        """After a change made elsewhere (undo): the list, and the open class if any."""
        self._fill_years()
        self.reload()
        if self.currentWidget() is self.class_view and not self.class_view.reload():
            self.show_list()

    def _fill_years(self) -> None:
        wanted = self.year.currentData()
        years = sorted({c.year for c in training.list_classes(self._db)}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(wanted), 0))
        self.year.blockSignals(False)

    def reload(self) -> None:
        row = current_row(self.view)
        found = training.list_classes(self._db, self.year.currentData(),
                                      self.status.currentData())
        self.model.set_rows(found)
        self.count_label.setText(self.tr("%Ln classes", "", len(found)))
        select_row(self.view, min(max(row, 0), len(found) - 1))
        self.open_button.setEnabled(bool(found))
        self.files.set_enabled(bool(found))
        self._update_delete()

    def _update_delete(self) -> None:
        """A class an office below held (at the province) is that office's to delete."""
        cls = self.current()
        allow(self.delete_button, cls is not None,
              office_role.read_only_reason(self._db, "training_class", cls.id if cls else None))

    def shown(self) -> Arguments:
        """The list's filters as they are on screen (for printing and exporting it)."""
        return (), {"year": self.year.currentData(), "status": self.status.currentData()}

    def current(self) -> TrainingClass | None:
        return self.model.record(current_row(self.view))

    # -- actions -------------------------------------------------------------------------

    def open_current(self) -> None:
        cls = self.current()
        if cls is not None:
            self.open_class(cls.id)

    def open_class(self, class_id: str) -> None:
        self.class_view.open_class(class_id)
        self.setCurrentWidget(self.class_view)

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)
        self.reload()
        self.view.setFocus()

    def new_class(self) -> None:
        found = training.list_programmes(self._db)
        dialog = NewClassDialog(self._db, found, parent=self)
        self.dialog = dialog
        dialog.created.connect(self._created)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: NewClassDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _created(self, class_id: str) -> None:
        self._fill_years()
        self.reload()
        self.open_class(class_id)
        self.changed.emit(self.tr("Class created"))

    def delete_current(self) -> None:
        cls = self.current()
        if cls is None:
            return
        if not messages.confirm(self, self.tr("Delete class"), self.tr(
                "Delete the class “%1” with its sessions, participants and attendance? "
                "Ctrl+Z brings it back.").replace("%1", cls.name), self.tr("Delete")):
            return
        try:
            training.delete_class(self._db, cls.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.changed.emit(self.tr("Deleted class %1. Press Ctrl+Z to undo.")
                          .replace("%1", cls.name))

    def _class_changed(self, message: str) -> None:
        self.changed.emit(message)
