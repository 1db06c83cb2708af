"""Helpers for the Training GUI tests: an office with a running class, the main window on
it, and the way to the class's tabs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pytestqt.qtbot import QtBot

from cadre_desktop.app import build_main_window
from cadre_desktop.services import enrolment
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.training.class_view import ClassView
from cadre_desktop.ui.training.page import TrainingPage
from training_roster import Roster, add_sessions, build_roster, make_class

MONDAY = dt.date(2025, 3, 3)
# In the target group of "bd_co_ban" (full-time cadres; Bí thư of a grassroots Đoàn).
IN_TARGET = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Đỗ Thị Giang"]
TABS = {"details": 0, "sessions": 1, "participants": 2, "attendance": 3, "results": 4,
        "print": 5}


@dataclass
class TrainingOffice:
    path: Path
    roster: Roster
    class_id: str
    session_ids: list[str]


def make_office(db_path: Path, capacity: int | None = None,
                enrolled: list[str] | None = None) -> TrainingOffice:
    """A running class of 'bd_co_ban' with three sessions (Mon 3/3/2025 morning and
    afternoon, Tue morning; lecturer 'TS. Lê Giảng', room 'P.101') and people enrolled."""
    db = open_database(db_path)
    roster = build_roster(db)
    class_id = make_class(db, "bd_co_ban", "Lớp cán bộ chuyên trách", capacity=capacity,
                          start=MONDAY, days=5, status="running")
    sessions = add_sessions(db, class_id, (MONDAY, "07:30", "11:30"),
                            (MONDAY, "13:30", "17:00"),
                            (MONDAY + dt.timedelta(days=1), "07:30", "11:30"),
                            lecturer="TS. Lê Giảng", room="P.101")
    names = IN_TARGET if enrolled is None else enrolled
    if names:
        enrolment.enrol_many(db, class_id, [roster.id(n) for n in names],
                             on=MONDAY - dt.timedelta(days=7))
    db.close()
    return TrainingOffice(db_path, roster, class_id, sessions)


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    win = build_main_window(path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def training_page(win: MainWindow) -> TrainingPage:
    page = win.feature_pages["training"]
    assert isinstance(page, TrainingPage)
    win.navigation.setCurrentRow(win.pages.indexOf(page))
    return page


def open_class(win: MainWindow, class_id: str, tab: str = "details") -> ClassView:
    page = training_page(win)
    page.tabs.setCurrentWidget(page.classes)
    page.classes.open_class(class_id)
    view = page.classes.class_view
    view.tabs.setCurrentIndex(TABS[tab])
    return view
