"""Fixtures for the GUI tests (loaded with `pytest_plugins = ["gui_fixtures"]`): an office
with a few units and people, the main window, and QSettings kept in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from cadre_desktop.app import build_main_window
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import units
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.main_window import MainWindow
from gui_support import PEOPLE, Office, settle


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[None]:
    """Window geometry and the language go to the test's folder, not the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.fixture
def office(db_path: Path) -> Office:
    db = open_database(db_path)
    with db.write("units") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None, "Đoàn xã/phường")
        kp1 = units.create_unit(tx, "Chi đoàn Khu phố 1", root, "Chi đoàn")
        kp2 = units.create_unit(tx, "Chi đoàn Khu phố 2", root, "Chi đoàn")
    ids = {"root": root.id, "kp1": kp1.id, "kp2": kp2.id}
    for name, birth, gender, unit, cid in PEOPLE:
        save_person(db, PersonForm({"full_name": name, "birth": birth, "gender": gender,
                                    "citizen_id": cid, "unit_id": ids[unit]}))
    db.close()
    return Office(db_path, ids)


@pytest.fixture
def window(qtbot: QtBot, office: Office) -> MainWindow:
    win = build_main_window(office.path)
    qtbot.addWidget(win)
    # The start page comes first; these tests work on the roster.
    win.navigation.setCurrentRow(win.pages.indexOf(win.roster_page))
    win.show()
    qtbot.waitExposed(win)
    # Keyboard shortcuts only reach the active window.
    win.activateWindow()
    qtbot.waitActive(win)
    settle(win.roster_page.model)  # the rows are read off the GUI thread
    return win
