"""Shared fixtures: a fresh office database per test."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cadre_desktop.store.db import Database, open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _stop_background_threads() -> Iterator[None]:
    """The GUI's query threads (one per database file) end with the test that started
    them, before its temporary folder goes."""
    yield
    queries = sys.modules.get("cadre_desktop.ui.kit.queries")
    if queries is not None:
        queries.stop_all()  # type: ignore[attr-defined]
    if "cadre_desktop.ui.kit.gc_guard" in sys.modules:
        # Automatic collection is off once the GUI started threads (ui.kit.gc_guard):
        # collect here, on the main thread, what the test left behind.
        gc.collect()


@pytest.fixture(autouse=True)
def _no_bug_reports(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A bug report dialog would wait for a click that never comes: record the report
    instead, and fail the test with it."""
    reports: list[str] = []
    if "cadre_desktop.ui.errors" not in sys.modules and "PySide6" not in sys.modules:
        yield reports
        return
    from cadre_desktop.ui import errors

    def record(dialog: object) -> int:
        reports.append(dialog.report.toPlainText())  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(errors.BugReportDialog, "exec", record)
    yield reports
    if reports:
        pytest.fail("unexpected error report:\n" + reports[0])
