"""Helpers for the rotation, member programme and start page GUI tests: the rotation
office (rotation_helpers) in a database file, the main window on it, a fixed 'today', and
registrations made through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from cadre_desktop.app import build_main_window
from cadre_desktop.domain.member_programme import DEFAULT_AREAS, RegistrationItem
from cadre_desktop.services import member_programme as programme
from cadre_desktop.store import member_programme as programme_store
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui import form_widgets
from cadre_desktop.ui.main_window import MainWindow
from rotation_helpers import Office, build_office

BRANCH_MEMBERS = ["Đoàn Thị Giang", "Đoàn Thị Hà", "Đoàn Thị Khoa", "Đoàn Thị Lan",
                  "Đoàn Thị Minh"]


def fix_today(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """The pages count due dates and default years from this day."""
    monkeypatch.setattr(form_widgets, "FIXED_TODAY", day)


def make_office(path: Path) -> tuple[Database, Office]:
    db = open_database(path)
    return db, build_office(db)


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    win = build_main_window(path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def select_row(view: QTableView, row: int, column: int = 0) -> None:
    view.selectionModel().setCurrentIndex(
        view.model().index(row, column),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def column_texts(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def complete_items(db: Database) -> list[RegistrationItem]:
    """Two library criteria in each of the five areas, each with a plan: 10 in all."""
    found = []
    for code, _label in DEFAULT_AREAS:
        for criterion in programme_store.list_criteria(db, code)[:2]:
            found.append(RegistrationItem(code, criterion.text, "Mỗi tuần một việc cụ thể",
                                          criterion.id))
    return found


def register(db: Database, office: Office, year_id: str, names: Iterable[str],
             approve: bool = True) -> dict[str, str]:
    ids = {}
    for name in names:
        ids[name] = programme.save_registration(db, year_id, office.people[name],
                                                complete_items(db), submit=True,
                                                on=dt.date(2025, 10, 10))
        if approve:
            programme.decide_registration(db, ids[name], approve=True, on=dt.date(2025, 10, 15))
    return ids


def keys(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the keyboard focus (an editor the grid opened, say)."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, char)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key)
