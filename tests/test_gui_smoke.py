"""The hidden --smoke-test start: the real start-up path (lock, daily backup, database,
window), the window shown, then closed without anyone clicking."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from cadre_desktop.cli.main import main
from cadre_desktop.store import backup, lock
from gui_support import Office

pytest_plugins = ["gui_fixtures"]


def test_smoke_test_shows_the_window_and_closes_it(
        qtbot: QtBot, office: Office, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    default_locale = QLocale()
    try:
        assert main(["--db", str(office.path), "--smoke-test", "--lang", "en"]) == 0
    finally:
        QLocale.setDefault(default_locale)
    assert "smoke test: main window shown" in capfd.readouterr().err
    assert len(backup.list_backups(office.path)) == 1  # the start-up path ran, daily copy too
    lock.acquire(office.path).release()  # and let go of the database
