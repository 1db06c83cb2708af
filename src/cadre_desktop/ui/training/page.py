"""The Training page of the main window: classes, and the programme catalogue.

A feature page (see ui.feature_pages): signals changed, message and navigate; methods
refresh, set_database and open_target. Its Print action (Ctrl+P, File → Print…) prints
what is shown: the classes as filtered, a class's participants, or, on a class's Print
tab, its attendance sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.on_screen import print_action
from cadre_desktop.ui.training.classes_page import ClassesPage
from cadre_desktop.ui.training.programmes_page import ProgrammesPage


class TrainingPage(QWidget):
    message = Signal(str)  # for the status bar
    changed = Signal()  # office data changed: the undo label may follow
    navigate = Signal(str, object)  # another page's key, what to show there

    def __init__(self, db: Database, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPage")
        self.classes = ClassesPage(db, db_path)
        self.programmes = ProgrammesPage(db)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("trainingTabs")
        self.tabs.addTab(self.classes, self.tr("&Classes"))
        self.tabs.addTab(self.programmes, self.tr("Pro&grammes"))
        self.classes.changed.connect(self._changed)
        self.classes.edited.connect(self.changed)
        self.classes.message.connect(self.message)
        self.programmes.changed.connect(self._programmes_changed)
        self.print_action = print_action(self, self.print_shown, "printTraining")
        self.tabs.currentChanged.connect(self._update_print)
        self.classes.currentChanged.connect(self._update_print)
        self.classes.class_view.tabs.currentChanged.connect(self._update_print)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._update_print()

    def refresh(self) -> None:
        """Re-read after a change made elsewhere (undo, a restored backup)."""
        self.classes.refresh()
        self.programmes.reload()

    def set_database(self, db: Database) -> None:
        self.classes.set_database(db)
        self.programmes.set_database(db)

    def open_target(self, target: object) -> None:
        """From another page: a class id opens that class."""
        if isinstance(target, str):
            self.tabs.setCurrentWidget(self.classes)
            self.classes.open_class(target)

    # -- printing what is shown ----------------------------------------------------------

    def _print_target(self) -> Callable[[], object] | None:
        if self.tabs.currentWidget() is not self.classes:
            return None  # the programme catalogue has no list to print
        if self.classes.currentWidget() is not self.classes.class_view:
            return self.classes.files.print_list
        view = self.classes.class_view
        shown = view.tabs.currentWidget()
        if shown is view.participants:
            return view.participants.files.print_list
        if shown is view.printing:
            return view.printing.print_default
        return None

    def _update_print(self) -> None:
        self.print_action.setEnabled(self._print_target() is not None)

    def print_shown(self) -> None:
        """Ctrl+P: print what the page shows."""
        target = self._print_target()
        if target is not None:
            target()

    def _changed(self, message: str) -> None:
        self.message.emit(message)
        self.changed.emit()

    def _programmes_changed(self, message: str) -> None:
        # Class pages name their programme and its target group: re-read them.
        self.classes.refresh()
        self._changed(message)
