"""Help for the page on screen: Help → User guide, and F1 opening the guide at the section
for the current page, and for its tab where the guide has one (pages.json in the guide
says which: 'training.attendance' opens "Điểm danh", 'training' "Mở một lớp").

A page's key is its key in the navigation ('start', 'roster', 'training', …); the tab is
named by the tab page's object name ('attendanceTab' -> 'attendance'), the innermost tab
shown first, so a page tells the guide where it is without knowing about it.
"""

from __future__ import annotations

import re
from typing import Protocol, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QStackedWidget, QTabWidget, QWidget

from cadre_desktop.ui.guide_window import GuideWindow

_SUFFIX = re.compile(r"(Tab|Page)$")


class HasPages(Protocol):
    """What of the main window the help reads."""

    pages: QStackedWidget
    roster_page: QWidget
    settings_page: QWidget
    feature_pages: dict[str, QWidget]


def tab_key(page: QWidget) -> str | None:
    """The key of the tab shown on a page ('attendance'), or None."""
    def depth(widget: QWidget) -> int:
        n = 0
        above = widget.parentWidget()
        while above is not None and above is not page:
            above = above.parentWidget()
            n += 1
        return n

    shown = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]
    for tabs in sorted(shown, key=depth, reverse=True):
        current = tabs.currentWidget()
        name = _SUFFIX.sub("", current.objectName()) if current is not None else ""
        if name:
            return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()
    return None


def page_key(window: HasPages) -> str:
    """Where the clerk is: 'roster.import' in the import wizard, else the page shown and
    its tab ('training.attendance')."""
    from cadre_desktop.ui.import_wizard import ImportWizard

    if isinstance(QApplication.activeModalWidget(), ImportWizard):
        return "roster.import"
    page = window.pages.currentWidget()
    if page is window.roster_page:
        return "roster"
    if page is window.settings_page:
        return "settings"
    key = next((k for k, p in window.feature_pages.items() if p is page), "start")
    tab = tab_key(page) if page is not None else None
    return f"{key}.{tab}" if tab else key


class PageHelp(QObject):
    """The Help menu's guide entries and the guide window (one, made when first asked)."""

    def __init__(self, window: QWidget, menu: QMenu) -> None:
        super().__init__(menu)
        self._window = window
        self.guide: GuideWindow | None = None
        self.guide_action = QAction(self.tr("&User guide"), menu)
        self.guide_action.setObjectName("userGuide")
        self.guide_action.triggered.connect(lambda: self.show_section("index"))
        self.page_action = QAction(self.tr("&Help on this page"), menu)
        self.page_action.setObjectName("pageHelp")
        self.page_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.page_action.triggered.connect(self.show_page_help)
        menu.addAction(self.guide_action)
        menu.addAction(self.page_action)
        menu.addSeparator()
        # F1 also answers in the dialogs over the window (a modal one shadows the window's
        # shortcuts): the action joins each window the focus enters.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        top = new.window()
        if top is self._window or top is self.guide or self.page_action in top.actions():
            return
        owner = top.parentWidget()
        while owner is not None and owner is not self._window:
            owner = owner.parentWidget()
        if owner is not None:  # a dialog of this window (not of another one)
            top.addAction(self.page_action)

    def window(self) -> GuideWindow:
        if self.guide is None:
            self.guide = GuideWindow(self._window)
        return self.guide

    def _raise(self, guide: GuideWindow) -> None:
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def show_section(self, anchor: str) -> None:
        guide = self.window()
        guide.show_section(anchor)
        self._raise(guide)

    def show_page_help(self) -> None:
        key = page_key(cast(HasPages, self._window))  # the main window
        guide = self.window()
        guide.show_page_help(key)
        self._raise(guide)
