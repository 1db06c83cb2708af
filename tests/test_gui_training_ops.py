"""The Training page's long work as ops: the attendance sheet read and written with a
working Cancel, a unit's target group enrolled with a working Cancel and then who was not
enrolled and why; and the legend of the attendance grid."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.exporting.attendance_sheet import export_attendance_sheet
from cadre_desktop.importing import attendance_sheet
from cadre_desktop.services import attendance, enrolment
from cadre_desktop.store import attendance as marks_store
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.training.attendance_import import ImportReportDialog
from cadre_desktop.ui.training.enrol_dialogs import NotEnrolledDialog, TargetGroupDialog
from gui_support import OFFSCREEN_NOISE, wait_for_queries
from training_gui import MONDAY, TrainingOffice, make_office, open_class, open_window
from training_roster import make_class

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE

Accepted = QDialog.DialogCode.Accepted


def stored(office: TrainingOffice) -> dict[tuple[str, int], str]:
    """(full name, session number) -> short code, as recorded."""
    db = open_database(office.path)
    try:
        matrix = attendance.attendance_matrix(db, office.class_id)
        return {(p.full_name, i): matrix.short(p.enrolment_id, s.id)
                for p in matrix.participants for i, s in enumerate(matrix.sessions)
                if matrix.short(p.enrolment_id, s.id)}
    finally:
        db.close()


def participants(office: TrainingOffice) -> dict[str, str]:
    """Full name -> status of everyone in the class, as recorded."""
    db = open_database(office.path)
    try:
        return {p.full_name: p.status
                for p in enrol_store.list_participants(db, office.class_id)}
    finally:
        db.close()


def filled_sheet(office: TrainingOffice, path: Path) -> Path:
    """The class's sheet with everyone present at the first session."""
    db = open_database(office.path)
    try:
        export_attendance_sheet(db, office.class_id, path)
    finally:
        db.close()
    book = load_workbook(path)
    ws = book.active
    assert ws is not None
    for row in range(7, 11):
        ws.cell(row, 6).value = "C"
    book.save(path)
    return path


def held_until_released(real: Callable[..., Any], reached: threading.Event,
                        release: threading.Event) -> Callable[..., Any]:
    """real, which then waits (on the op's thread) until the test has clicked Cancel."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        reached.set()
        release.wait(20)
        return result
    return wrapper


def click_cancel(qtbot: QtBot, job: Op) -> None:
    """The clerk clicks Cancel in the op's progress dialog."""
    assert job.dialog is not None
    qtbot.waitUntil(job.dialog.isVisible, timeout=5000)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert job.cancel_requested


def test_cancel_while_the_sheet_is_written_changes_nothing(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path) -> None:
    """The marks are in the transaction when the clerk cancels: it rolls back."""
    office = make_office(tmp_path / "office.sqlite3")
    sheet = filled_sheet(office, tmp_path / "diem-danh.xlsx")
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "attendance").attendance
    before = stored(office)
    monkeypatch.setattr(prompts, "open_file_name", lambda *_args: str(sheet))
    monkeypatch.setattr(ImportReportDialog, "exec", lambda _dialog: Accepted)
    written, release = threading.Event(), threading.Event()
    monkeypatch.setattr(marks_store, "apply_marks",
                        held_until_released(marks_store.apply_marks, written, release))
    tab.import_button.click()
    qtbot.waitUntil(written.is_set, timeout=20000)  # the write op holds the marks
    job = tab.job
    assert job is not None and job.writes
    assert not tab.import_button.isEnabled()
    click_cancel(qtbot, job)
    release.set()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert stored(office) == before == {}
    assert [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())] == [""] * 4
    assert win.statusBar().currentMessage() == "Import cancelled: nothing was written."
    assert tab.import_button.isEnabled()
    assert "điểm danh" not in win.undo_action.text().lower()  # nothing to undo either

    # The same sheet imports whole when nobody cancels.
    release.set()
    tab.import_button.click()
    qtbot.waitUntil(lambda: "Imported attendance" in win.statusBar().currentMessage(),
                    timeout=20000)
    assert len(stored(office)) == 4
    assert "nhập điểm danh" in win.undo_action.text().lower()
    assert [tab.model.index(r, 2).data() for r in range(4)] == ["C"] * 4


def test_cancel_while_the_sheet_is_read_shows_no_report(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path) -> None:
    office = make_office(tmp_path / "office.sqlite3")
    sheet = filled_sheet(office, tmp_path / "diem-danh.xlsx")
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "attendance").attendance
    monkeypatch.setattr(prompts, "open_file_name", lambda *_args: str(sheet))
    shown: list[ImportReportDialog] = []
    monkeypatch.setattr(ImportReportDialog, "exec",
                        lambda dialog: shown.append(dialog) or Accepted)
    read, release = threading.Event(), threading.Event()
    monkeypatch.setattr(attendance_sheet, "read_grid",
                        held_until_released(attendance_sheet.read_grid, read, release))
    tab.import_button.click()
    qtbot.waitUntil(read.is_set, timeout=20000)
    job = tab.job
    assert job is not None and not job.writes  # reading: nothing is written yet
    click_cancel(qtbot, job)
    release.set()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert shown == []  # no report, and no writing op after it
    assert stored(office) == {}
    assert win.statusBar().currentMessage() == "Import cancelled: nothing was written."


def _blocked_office(db_path: Path) -> TrainingOffice:
    """A class of 'bd_co_ban' that An has withdrawn from, while Bình is enrolled in
    another class of the same programme: of its target group of five, three can come."""
    office = make_office(db_path, enrolled=["Nguyễn Văn An"])
    db = open_database(office.path)
    first = enrol_store.list_participants(db, office.class_id)[0]
    enrolment.withdraw(db, first.enrolment_id, "Chuyển công tác", on=MONDAY)
    other = make_class(db, "bd_co_ban", "Lớp cán bộ đợt 2", start=MONDAY + dt.timedelta(days=60))
    enrolment.enrol(db, other, office.roster.id("Trần Thị Bình"))
    db.close()
    return office


def test_enrolling_a_target_group_shows_who_was_not_enrolled_and_why(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, qtmodeltester: ModelTester,
        tmp_path: Path) -> None:
    office = _blocked_office(tmp_path / "office.sqlite3")
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants

    def whole_office(dialog: TargetGroupDialog) -> int:
        wait_for_queries()
        assert [p.full_name for p in dialog.candidates] == [
            "Lê Văn Cường", "Đỗ Thị Giang", "Bùi Thị Hoa"]
        return Accepted

    monkeypatch.setattr(TargetGroupDialog, "exec", whole_office)
    tab.target_button.click()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert win.statusBar().currentMessage() == "Enrolled 3; 2 not enrolled"
    dialog = tab.dialog
    assert isinstance(dialog, NotEnrolledDialog) and dialog.isVisible()
    rows = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 1).data())
            for r in range(dialog.model.rowCount())]
    assert rows == [("Nguyễn Văn An", "đã rút khỏi lớp này ngày 03/03/2025"),
                    ("Trần Thị Bình",
                     "đã ghi danh lớp cán bộ đợt 2 của cùng chương trình")]
    assert dialog.summary.text().startswith("2 people of the target group were not enrolled")
    qtmodeltester.check(dialog.model)
    assert tab.lists.tabText(0) == "Enrolled (3)"
    assert participants(office)["Nguyễn Văn An"] == "withdrawn"  # still as it was
    dialog.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)


def test_cancel_while_a_target_group_is_enrolled_enrols_nobody(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path) -> None:
    office = make_office(tmp_path / "office.sqlite3", enrolled=[])
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants

    def whole_office(_dialog: TargetGroupDialog) -> int:
        wait_for_queries()
        return Accepted

    monkeypatch.setattr(TargetGroupDialog, "exec", whole_office)
    inserted, release = threading.Event(), threading.Event()
    monkeypatch.setattr(enrol_store, "insert_enrolments",
                        held_until_released(enrol_store.insert_enrolments, inserted, release))
    tab.target_button.click()
    qtbot.waitUntil(inserted.is_set, timeout=20000)  # the rows are in the transaction
    job = tab.job
    assert job is not None
    click_cancel(qtbot, job)
    release.set()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert participants(office) == {}
    assert tab.model.rowCount() == 0 and tab.lists.tabText(0) == "Enrolled (0)"
    assert win.statusBar().currentMessage() == "Enrolment cancelled: nobody was enrolled."
    assert tab.target_button.isEnabled()


def test_the_legend_says_how_old_sheet_marks_are_read(qtbot: QtBot, tmp_path: Path) -> None:
    office = make_office(tmp_path / "office.sqlite3")
    win: MainWindow = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "attendance").attendance
    legend = tab.legend.text()
    assert legend.startswith("Type a code in a cell: C = ")
    assert "“x” and “v” are read as the office's present and absent codes (x = C, v = K)" \
        in legend
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    qtbot.keyClicks(tab.view, "xv")  # typed as the legend says
    assert stored(office) == {("Nguyễn Văn An", 0): "C", ("Trần Thị Bình", 0): "K"}

