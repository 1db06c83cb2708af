"""The GUI kit's op runner and background queries, driven as a page uses them: work on a
worker thread with its own connection, a Cancel that works, errors shown one way, the
tables an op changed announced from the audit trail, and closing the window with work
still running."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import roster
from cadre_desktop.services.roster import PersonForm
from cadre_desktop.store import people
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui import messages
from cadre_desktop.ui.kit import ops
from cadre_desktop.ui.kit.ops import run_op, runner_for
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.main_window import MainWindow
from gui_support import OFFSCREEN_NOISE

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def opened(qtbot: QtBot, db_path: Path) -> Database:
    db = open_database(db_path)
    yield db
    runner_for(db).cancel_all_and_wait()
    db.close()


def _people(db: Database) -> int:
    return int(db.conn.execute("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0])


def _add_slowly(db: Database, progress: Progress) -> int:
    """A write that reports progress until it is cancelled (or 20 s have passed)."""
    with db.write("Thêm nhiều người") as tx:
        for step in range(2000):
            word = "".join("abcdeghiklmnopqrstuv"[int(d)] for d in f"{step:04d}")
            person = roster.check(PersonForm({"full_name": f"Người Thứ X{word}"})).person
            assert person is not None
            people.create_person(tx, person)
            progress.step("Đang thêm", step, 2000)
            time.sleep(0.01)
    return 2000


def test_an_op_runs_on_its_own_connection_and_announces_its_tables(
        qtbot: QtBot, opened: Database) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    announced: list[frozenset[str]] = []
    runner_for(opened).data_changed.connect(announced.append)
    threads: list[object] = []

    def add(db: Database, _progress: Progress) -> str:
        threads.append(db)
        return roster.save_person(db, PersonForm({"full_name": "Lê Văn Mới"})).person_id

    op = run_op(parent, opened, add, title="Add", writes=True)
    with qtbot.waitSignal(op.succeeded, timeout=10000) as done:
        pass
    assert threads and threads[0] is not opened  # a connection of the worker's own
    assert roster.get_person(opened, str(done.args[0])) is not None
    assert announced and "person" in announced[-1]


def test_cancel_in_the_progress_dialog_leaves_the_data_as_it_was(
        qtbot: QtBot, opened: Database) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    before = _people(opened)
    failed: list[str] = []
    op = run_op(parent, opened, _add_slowly, title="Add", writes=True,
                on_failure=failed.append)
    assert op.dialog is not None
    qtbot.waitUntil(op.dialog.isVisible, timeout=5000)
    cancel = op.dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(failed), timeout=10000)
    assert "hủy" in failed[0]
    assert _people(opened) == before
    assert not op.running


def test_a_refusal_is_shown_as_a_warning_and_a_bug_as_a_report(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, opened: Database,
        _no_bug_reports: list[str]) -> None:
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    op = run_op(None, opened, lambda _db, _p: (_ for _ in ()).throw(UserError("Không được")),
                title="Refused")
    with qtbot.waitSignal(op.ended, timeout=10000):
        pass
    assert warned == ["Không được"]
    op = run_op(None, opened, lambda _db, _p: 1 / 0, title="Bug")
    with qtbot.waitSignal(op.ended, timeout=10000):
        pass
    assert len(_no_bug_reports) == 1 and "ZeroDivisionError" in _no_bug_reports[0]
    _no_bug_reports.clear()  # expected here: the report was shown, not a failure


def test_a_newer_query_drops_the_one_it_overtakes(qtbot: QtBot, opened: Database) -> None:
    answers: list[str] = []
    runner = queries_for(opened)

    def slow(name: str) -> object:
        def read(_db: Database, progress: Progress) -> str:
            for _ in range(50):
                progress.check()
                time.sleep(0.005)
            return name
        return read

    for name in ("a", "ab", "abc"):
        runner.ask("search", slow(name), on_done=answers.append)
    assert runner.wait_idle("search")
    assert answers == ["abc"]


def test_closing_with_work_running_asks_then_cancels_and_waits(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow) -> None:
    before = _people(window.db)
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(messages, "confirm",
                        lambda _p, _t, text, _y=None: asked.append(text) or answer[0])
    op = run_op(window, window.db, _add_slowly, title="Add", writes=True)
    qtbot.waitUntil(lambda: op.worker.isRunning(), timeout=5000)
    assert not window.close()  # "no": the window stays, the work goes on
    assert asked and op.running
    answer[0] = True
    assert window.close()
    assert not op.running and not ops.runner_for(window.db).running
    db = open_database(window.db_path)
    try:
        assert _people(db) == before  # cancelled and rolled back, not cut off
    finally:
        db.close()
