"""Helpers for the Targets page tests: the plan office (plan_fixture) in a database file,
the main window on it counting to a fixed day, and waiting like a clerk for the figures
that are read off the GUI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from cadre_desktop.store.db import open_database
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.kit.tables import select_row
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.targets.page import TargetsPage
from gui_support import wait_for_queries
from plan_fixture import Office, build_office
from rotation_gui_support import open_window

# The plan's first year is over: 2 of 3 full-time cadres trained (Hoa not yet), 2 classes.
END_2025 = dt.date(2025, 12, 31)
# The targets in the plan's order (by name: the fixture gives no order of its own).
ROWS = {"coverage": 0, "classes": 1, "completions": 2, "share": 3, "lượt": 4, "budget": 5}


def make_office(path: Path) -> Office:
    db = open_database(path)
    try:
        return build_office(db)
    finally:
        db.close()


def targets_page(qtbot: QtBot, win: MainWindow) -> TargetsPage:
    """Open the Targets page from the navigation and wait for its figures."""
    names = [win.navigation.item(i).text() for i in range(win.navigation.count())]
    win.navigation.setCurrentRow(names.index("Targets"))
    page = win.feature_pages["targets"]
    assert isinstance(page, TargetsPage)
    settle_page(qtbot, page)
    return page


def open_targets(qtbot: QtBot, path: Path) -> tuple[MainWindow, TargetsPage]:
    win = open_window(qtbot, path)
    return win, targets_page(qtbot, win)


def settle_page(qtbot: QtBot, page: TargetsPage) -> None:
    """Wait for the page's figures and the chosen target's people."""
    wait_for_queries()
    qtbot.waitUntil(lambda: page.data is not None and page.plan_info.text() != "Counting…",
                    timeout=10000)
    wait_for_queries()


def choose(qtbot: QtBot, page: TargetsPage, key: str) -> None:
    """Click a target's row and wait for its detail."""
    select_row(page.table, ROWS[key])
    wait_for_queries()
    qtbot.waitUntil(lambda: page.detail.figures is not None
                    and page.detail.figures.id == page.targets.rows()[ROWS[key]].id,
                    timeout=10000)


def texts(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def wait_for_pdf(qtbot: QtBot, printer: PdfMaker) -> Path:
    qtbot.waitUntil(lambda: printer.last_pdf is not None and not printer.busy
                    and printer.dialog is not None, timeout=30000)
    assert printer.last_pdf is not None
    return printer.last_pdf
