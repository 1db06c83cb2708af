"""The member programme page as the clerk uses it: a branch's score grid typed from the
keyboard with the classification computed live, refused rows shown in red, results
applied as yearly ratings only after confirmation, a registration with its problems at
the right place, approval and return, and a new programme year."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.services import member_programme as svc
from cadre_desktop.store import member_programme as store
from cadre_desktop.store import people
from cadre_desktop.ui import messages
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.member_programme.dialogs import NewYearDialog, ReturnDialog
from cadre_desktop.ui.member_programme.items_model import PLAN
from cadre_desktop.ui.member_programme.page import SCORES_TAB, MemberProgrammePage
from cadre_desktop.ui.member_programme.ratings_dialog import ApplyRatingsDialog
from cadre_desktop.ui.member_programme.registration_editor import RegistrationEditor
from cadre_desktop.ui.member_programme.score_grid import RESULT, SCORE
from gui_support import OFFSCREEN_NOISE, type_text, wait_for_queries
from rotation_gui_support import (
    BRANCH_MEMBERS,
    column_texts,
    complete_items,
    fix_today,
    keys,
    make_office,
    open_window,
    press,
    register,
    select_row,
)
from rotation_helpers import Office

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def prog_office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    fix_today(monkeypatch, dt.date(2026, 5, 25))  # scoring before the 30/05 deadline
    db, office = make_office(db_path)
    year = svc.open_year(db, 2025)
    register(db, office, year.id, BRANCH_MEMBERS[:4])  # Đoàn Thị Minh has not registered
    db.close()
    return office


@pytest.fixture
def win(qtbot: QtBot, db_path: Path, prog_office: Office) -> MainWindow:
    return open_window(qtbot, db_path)


@pytest.fixture
def page(win: MainWindow, prog_office: Office) -> MemberProgrammePage:
    win.open_page("member_programme", prog_office.branch.id)
    found = win.feature_pages["member_programme"]
    assert isinstance(found, MemberProgrammePage) and found.isVisible()
    wait_for_queries()  # the branch's list is read off the GUI thread
    return found


def test_registrations_of_a_branch(qtmodeltester: ModelTester, page: MemberProgrammePage,
                                   prog_office: Office) -> None:
    assert page.year_combo.currentText() == "2025–2026"
    assert "Register by 18/10/2025" in page.deadlines.text()
    qtmodeltester.check(page.registrations)
    assert column_texts(page.registrations_view, 0) == BRANCH_MEMBERS
    assert column_texts(page.registrations_view, 1) == ["Approved"] * 4 + ["Not registered"]
    assert page.registration_counts.text() == "Not registered: 1 · Approved: 4"


def test_branch_grid_is_typed_from_the_keyboard(
        qtmodeltester: ModelTester, qtbot: QtBot, win: MainWindow, page: MemberProgrammePage,
        prog_office: Office) -> None:
    page.tabs.setCurrentIndex(SCORES_TAB)
    grid, scores = page.grid, page.scores
    qtmodeltester.check(scores)
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    grid.setCurrentIndex(scores.index(0, SCORE))
    keys(qtbot, "95")
    press(qtbot, Qt.Key.Key_Return)
    keys(qtbot, "85")
    press(qtbot, Qt.Key.Key_Down)
    keys(qtbot, "79,5")
    press(qtbot, Qt.Key.Key_Enter)
    keys(qtbot, "101")
    press(qtbot, Qt.Key.Key_Return)
    assert grid.currentIndex().row() == 4
    assert column_texts(grid, SCORE) == ["95", "85", "79,5", "101", ""]
    # the classification follows what is typed, before anything is saved
    assert column_texts(grid, RESULT)[:3] == ["Hoàn thành xuất sắc", "Hoàn thành tốt",
                                              "Hoàn thành"]
    assert "101" in scores.index(3, RESULT).data()
    assert not scores.flags(scores.index(4, SCORE)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(scores)

    page.save_scores_button.click()  # one wrong row: nothing is written
    assert page.score_errors.isVisible() and "Đoàn Thị Lan" in page.score_errors.text()
    assert scores.error_rows() == [3]
    assert scores.index(3, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert all(r.score is None for r in svc.branch_scores(win.db, store.list_years(win.db)[0].id,
                                                          prog_office.branch.id))

    grid.setFocus()
    grid.setCurrentIndex(scores.index(3, SCORE))
    keys(qtbot, "60")
    press(qtbot, Qt.Key.Key_Return)
    assert scores.error_rows() == []
    page.save_scores_button.click()
    year_id = store.list_years(win.db)[0].id
    saved = svc.branch_scores(win.db, year_id, prog_office.branch.id)
    assert [r.score for r in saved] == [95, 85, 79.5, 60, None]
    assert [r.classification for r in saved][:4] == ["Hoàn thành xuất sắc", "Hoàn thành tốt",
                                                     "Hoàn thành", "Không hoàn thành"]
    assert win.statusBar().currentMessage() == "Saved the scores of 4 members"
    assert not page.save_scores_button.isEnabled()
    assert win.undo_action.isEnabled()


def test_ratings_are_written_only_after_confirmation(
        monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester, qtbot: QtBot,
        win: MainWindow,
        page: MemberProgrammePage, prog_office: Office) -> None:
    year_id = store.list_years(win.db)[0].id
    rows = svc.branch_scores(win.db, year_id, prog_office.branch.id)
    svc.save_branch_scores(win.db, year_id, prog_office.branch.id,
                           {r.person_id: svc.ScoreEntry(s) for r, s in
                            zip(rows[:4], ["92", "85", "75", "60"], strict=True)})
    asked: list[str] = []

    def answer(value: bool):  # type: ignore[no-untyped-def]
        def confirm(_parent: object, _title: str, text: str, *_rest: object) -> bool:
            asked.append(text)
            return value
        return confirm

    page.apply_button.click()  # the preview is worked out off the GUI thread
    qtbot.waitUntil(lambda: isinstance(page.dialog, ApplyRatingsDialog), timeout=20000)
    dialog = page.dialog
    assert isinstance(dialog, ApplyRatingsDialog)
    qtmodeltester.check(dialog.model)
    assert column_texts(dialog.table, dialog.model.NEW) == [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ"]
    monkeypatch.setattr(messages, "confirm", answer(False))
    dialog.apply_button.click()
    assert asked and "Write 4 yearly ratings for 2026" in asked[0]
    assert dialog.isVisible()
    detail = people.get_person(win.db, rows[0].person_id)
    assert detail is not None and 2026 not in detail.ratings  # nothing written

    monkeypatch.setattr(messages, "confirm", answer(True))
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.apply_button.click()  # written by an op; the dialog closes when done
    qtbot.waitUntil(lambda: closed == [ApplyRatingsDialog.DialogCode.Accepted], timeout=20000)
    detail = people.get_person(win.db, rows[0].person_id)
    assert detail is not None and 2026 in detail.ratings
    assert win.statusBar().currentMessage() == "Wrote 4 yearly ratings"


def test_cancelling_the_ratings_writes_none(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, win: MainWindow,
        page: MemberProgrammePage, prog_office: Office) -> None:
    """The clerk clicks Cancel while the ratings are written: the op stops at its next
    step, its transaction rolls back, nobody has a rating for the year."""
    from cadre_desktop.services import member_programme as service_module

    year_id = store.list_years(win.db)[0].id
    rows = svc.branch_scores(win.db, year_id, prog_office.branch.id)
    svc.save_branch_scores(win.db, year_id, prog_office.branch.id,
                           {r.person_id: svc.ScoreEntry(s) for r, s in
                            zip(rows[:4], ["92", "85", "75", "60"], strict=True)})
    page.apply_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ApplyRatingsDialog), timeout=20000)
    dialog = page.dialog
    assert isinstance(dialog, ApplyRatingsDialog)
    written: list[str] = []
    cancelled = threading.Event()
    real = service_module.people.set_rating

    def slow_rating(tx: Any, person_id: str, year: int, level_id: str | None) -> None:
        # Still writing when the clerk cancels: the first rating waits for the cancel.
        real(tx, person_id, year, level_id)
        written.append(person_id)
        cancelled.wait(10)

    monkeypatch.setattr(service_module.people, "set_rating", slow_rating)
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    dialog.apply_button.click()
    op = dialog.op
    assert op is not None and op.dialog is not None
    qtbot.waitUntil(op.dialog.isVisible, timeout=5000)
    cancel = op.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    cancelled.set()
    qtbot.waitUntil(lambda: not op.running, timeout=20000)
    assert len(written) == 1  # one rating was written, then rolled back
    for row in rows:
        detail = people.get_person(win.db, row.person_id)
        assert detail is not None and 2026 not in detail.ratings
    assert dialog.isVisible() and dialog.apply_button.isEnabled()  # it can be tried again
    assert "Wrote" not in win.statusBar().currentMessage()


def test_a_registration_shows_its_problems_and_is_approved(
        qtmodeltester: ModelTester, qtbot: QtBot, win: MainWindow, page: MemberProgrammePage,
        prog_office: Office) -> None:
    select_row(page.registrations_view, 4)  # Đoàn Thị Minh, not registered yet
    page.open_button.click()
    editor = page.dialog
    assert isinstance(editor, RegistrationEditor)
    editor.activateWindow()
    qtbot.waitActive(editor)
    model = editor.model
    qtmodeltester.check(model)
    area = editor.library.topLevelItem(0)
    editor.library.setCurrentItem(area.child(0))
    editor.add_button.click()
    assert model.rowCount() == 1 and model.index(0, 1).data() == area.child(0).toolTip(0)
    # the new row waits for its concrete plan: the problem is on that row's plan cell
    assert any("chưa có giải pháp" in p for p in model.problems(0))
    assert model.index(0, PLAN).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Chưa đăng ký tiêu chí nào về Sức khỏe" in editor.problems.text()
    editor.submit_button.click()
    assert "Not submitted" in editor.problems.text() and "cần ít nhất 10" in editor.problems.text()
    assert store.find_registration(win.db, store.list_years(win.db)[0].id,
                                   prog_office.people["Đoàn Thị Minh"]) is None

    editor.table.setCurrentIndex(model.index(0, PLAN))
    editor.table.edit(model.index(0, PLAN))
    cell = editor.table.indexWidget(model.index(0, PLAN))
    assert isinstance(cell, QLineEdit)
    type_text(cell, "Học một bài mỗi tuần")
    assert cell.text() == "Học một bài mỗi tuần"
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # the delegate commits on its next turn
    qtbot.waitUntil(lambda: model.index(0, PLAN).data() == "Học một bài mỗi tuần")
    assert model.problems(0) == []
    for item in complete_items(win.db)[1:]:
        model.add_item(item)
    qtmodeltester.check(model)
    assert editor.problems.text() == "" and not editor.problems.isVisible()
    editor.submit_button.click()
    assert "Awaiting approval" in editor.status.text()
    assert editor.approve_button.isEnabled()

    editor.return_button.click()
    returned = editor.return_dialog
    assert isinstance(returned, ReturnDialog)
    returned.ok_button.click()  # a return says what to change
    assert returned.isVisible() and returned.error.isVisible()
    type_text(returned.comment, "Ghi rõ thời gian thực hiện")
    returned.ok_button.click()
    assert "Ghi rõ thời gian thực hiện" in editor.status.text()
    wait_for_queries()  # the page reads the branch again
    assert column_texts(page.registrations_view, 1)[4] == "Returned for changes"

    editor.submit_button.click()
    editor.approve_button.click()
    assert "Approved" in editor.status.text()
    editor.reject()
    wait_for_queries()
    assert column_texts(page.registrations_view, 1)[4] == "Approved"
    assert win.statusBar().currentMessage() == "Approved the registration of Đoàn Thị Minh"


def test_a_new_programme_year(page: MemberProgrammePage) -> None:
    page.new_year_button.click()
    dialog = page.dialog
    assert isinstance(dialog, NewYearDialog)
    dialog.start_year.setValue(2026)
    assert dialog.registration.date().toString("dd/MM/yyyy") == "18/10/2026"
    assert dialog.evaluation.date().toString("dd/MM/yyyy") == "30/05/2027"
    assert dialog.rating_year.value() == 2027
    dialog.ok_button.click()
    assert page.year_combo.currentText() == "2026–2027"
    assert "Register by 18/10/2026" in page.deadlines.text()
    wait_for_queries()
    assert column_texts(page.registrations_view, 1) == ["Not registered"] * 5
    page.new_year_button.click()
    again = page.dialog
    assert isinstance(again, NewYearDialog)
    again.start_year.setValue(2026)
    again.ok_button.click()  # one programme per year
    assert again.isVisible() and "2026" in again.error.text()
