"""The main window's menus (File, Edit, View, Help) and the two things only they do:
choosing the language and the About box.

The strings keep the main window's translation context ("MainWindow"), where they were
translated first.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QMessageBox, QWidget

from cadre_desktop import __version__
from cadre_desktop.ui import messages, settings
from cadre_desktop.ui.page_help import PageHelp
from cadre_desktop.ui.roster.page import RosterPage


class MenuHost(Protocol):
    """What the menus need of the main window (a protocol: no import circle)."""

    roster_page: RosterPage
    print_action: QAction
    undo_action: QAction

    def menuBar(self) -> QMenuBar: ...
    def update_print(self) -> None: ...
    def update_undo(self) -> None: ...
    def show_backups(self) -> None: ...
    def focus_search(self) -> None: ...
    def show_message(self, text: str) -> None: ...
    def close(self) -> bool: ...


def make_menus(window: MenuHost) -> tuple[PageHelp, QActionGroup]:
    """Build the menu bar; returns the guide's helper (F1) and the language choices."""
    bar = window.menuBar()
    parent = bar.window()
    roster = window.roster_page
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(roster.import_action)
    file_menu.addAction(roster.export_action)
    file_menu.addSeparator()
    file_menu.addAction(window.print_action)
    file_menu.aboutToShow.connect(window.update_print)
    file_menu.addSeparator()
    backups = file_menu.addAction(
        QCoreApplication.translate("MainWindow", "&Backups and restore…"))
    backups.triggered.connect(window.show_backups)
    file_menu.addSeparator()
    quit_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "&Quit"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)

    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addAction(window.undo_action)
    edit_menu.aboutToShow.connect(window.update_undo)
    edit_menu.addSeparator()
    for action in (roster.add_action, roster.edit_action, roster.delete_action,
                   roster.restore_action):
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    find = edit_menu.addAction(QCoreApplication.translate("MainWindow", "&Find"))
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(window.focus_search)

    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addAction(roster.show_deleted_action)
    language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    languages = QActionGroup(bar)
    current = settings.language()
    for code, name in settings.LANGUAGES:
        action = language_menu.addAction(name)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        languages.addAction(action)
    languages.triggered.connect(lambda chosen: _language_chosen(window, chosen))

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    guide = PageHelp(parent, help_menu)  # the guide, and F1 for the page shown
    about = help_menu.addAction(
        QCoreApplication.translate("MainWindow", "&About Cadre Desktop"))
    about.triggered.connect(lambda: _about(parent))
    return guide, languages


def _language_chosen(window: MenuHost, action: QAction) -> None:
    code = str(action.data())
    if code == settings.language():
        return
    settings.set_language(code)
    text = QCoreApplication.translate(
        "MainWindow", "The language will change the next time you start Cadre Desktop.")
    window.show_message(text)
    messages.inform(window.menuBar().window(),
                    QCoreApplication.translate("MainWindow", "Language"), text)


def _about(window: QWidget) -> None:
    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "About Cadre Desktop"),
                      QCoreApplication.translate(
                          "MainWindow",
                          "<b>Cadre Desktop</b> %1<br>Roster, training and reporting for "
                          "Youth Union offices. Works offline; your data stays on this "
                          "computer.").replace("%1", __version__))
