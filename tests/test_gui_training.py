"""The Training page: classes, sessions and clashes, enrolment, results, printing, the
programme catalogue with coverage, and a person's training history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.services import enrolment, training
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.db import open_database
from cadre_desktop.store.profile import load_profile, save_profile
from cadre_desktop.store.training import ClassInput, SessionInput
from cadre_desktop.ui import messages
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.roster.editor import PersonEditor
from cadre_desktop.ui.training.enrol_dialogs import TargetGroupDialog
from cadre_desktop.ui.training.person_search import PersonSearchDialog
from cadre_desktop.ui.training.session_dialogs import GenerateDialog, SessionDialog
from cadre_desktop.ui.training.target_editor import ClauseDialog
from gui_support import OFFSCREEN_NOISE, type_text, wait_for_queries
from training_gui import MONDAY, make_office, open_class, open_window, training_page
from training_roster import programme_id

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE

Accepted = QDialog.DialogCode.Accepted


def names(model: object, column: int = 1) -> list[str]:
    return [model.index(r, column).data()  # type: ignore[attr-defined]
            for r in range(model.rowCount())]  # type: ignore[attr-defined]


def test_training_page_lists_classes_and_opens_one(qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    nav = [win.navigation.item(i).text() for i in range(win.navigation.count())]
    assert "Training" in nav
    page = training_page(win)
    classes = page.classes
    assert names(classes.model, 0) == ["Lớp cán bộ chuyên trách"]
    assert classes.model.index(0, 4).data() == "4"
    # Recorded as running in March 2025: by now its days are over, and it asks to be closed.
    assert classes.model.index(0, 5).data() == "Ended, to be closed"
    classes.status.setCurrentIndex(classes.status.findData("finished"))
    assert classes.model.rowCount() == 0
    classes.status.setCurrentIndex(classes.status.findData("ended"))
    assert classes.model.rowCount() == 1
    classes.status.setCurrentIndex(0)
    classes.view.setFocus()
    qtbot.waitUntil(classes.view.hasFocus)
    qtbot.keyClick(classes.view, Qt.Key.Key_Return)
    view = classes.class_view
    assert classes.currentWidget() is view
    assert view.title.text() == "Lớp cán bộ chuyên trách"
    assert "Ended, to be closed" in view.subtitle.text()  # the list and the class agree
    assert view.details.form.name.text() == "Lớp cán bộ chuyên trách"
    view.back_button.click()
    assert classes.currentWidget() is classes.list_page


def test_details_show_money_and_save(qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    details = open_class(win, office.class_id).details
    form = details.form
    assert not details.save_button.isEnabled()
    type_text(form.budget_planned, "1340000000")
    form.budget_planned.editingFinished.emit()
    assert form.budget_planned.text() == "1.340.000.000 đ"
    form.capacity.setValue(30)
    details.save_button.click()
    db = open_database(office.path)
    saved = training.class_detail(db, office.class_id).training_class
    db.close()
    assert (saved.budget_planned, saved.capacity) == (1_340_000_000, 30)
    assert "1.340.000.000 đ" in details.summary.text()
    form.end.setText("01/01/2020")
    form.end.textEdited.emit("01/01/2020")
    details.save_button.click()
    assert "kết thúc" in form.error.text()


def test_new_class_dialog_creates_and_opens_the_class(qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    classes = training_page(win).classes
    classes.new_button.click()
    dialog = classes.dialog
    assert dialog is not None
    form = dialog.form
    form.programme.set_code(dialog.form.programme.itemData(2))
    assert form.name.text().startswith("Lớp ")  # named after the programme
    form.start.setText("02/06/2025")
    form.end.setText("06/06/2025")
    dialog.save()
    assert classes.currentWidget() is classes.class_view
    assert classes.model.rowCount() == 2
    assert "Class created" in win.statusBar().currentMessage()


def test_lecturer_double_booking_is_shown(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                          db_path: Path) -> None:
    office = make_office(db_path)
    db = open_database(office.path)
    other = training.save_class(db, ClassInput(programme_id(db, "ky_nang_so"),
                                               "Lớp kỹ năng số", 2025, status="open"))
    training.add_sessions(db, other, [SessionInput(MONDAY + dt.timedelta(days=2),
                                                   dt.time(8, 0), dt.time(10, 0),
                                                   lecturer_name="TS. Lê Giảng")])
    db.close()
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "sessions").sessions
    assert tab.model.rowCount() == 3
    assert tab.clash_title.text() == "No clashes with other sessions."

    def fill(dialog: SessionDialog) -> int:
        dialog.date.setText("05/03/2025")
        type_text(dialog.topic, "Kỹ năng thuyết trình")
        type_text(dialog.lecturer.name, "ts. lê giảng")  # the same outside lecturer
        return Accepted

    monkeypatch.setattr(SessionDialog, "exec", fill)
    tab.add_button.click()
    assert tab.model.rowCount() == 4
    assert warned and "Giảng viên ts. lê giảng dạy hai buổi cùng lúc" in warned[0]
    assert "Lớp kỹ năng số" in warned[0]
    assert tab.clashes.count() == 1
    assert tab.clashes.item(0).text().startswith("Lecturer: Giảng viên")
    assert tab.model.index(3, 5).data() == "Lecturer"
    assert "Added 1 sessions" in win.statusBar().currentMessage()


def test_generate_recurring_sessions(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                     db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "sessions").sessions

    def fill(dialog: GenerateDialog) -> int:
        dialog.first.setText("10/03/2025")
        dialog.last.setText("21/03/2025")
        for number, box in enumerate(dialog.days):
            box.setChecked(number in (1, 3))  # Tuesdays and Thursdays
        dialog.both.setChecked(True)
        dialog.room.setText("P.202")
        return Accepted

    monkeypatch.setattr(GenerateDialog, "exec", fill)
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    tab.generate_button.click()
    assert tab.model.rowCount() == 3 + 8
    # The class runs 3/3–7/3: sessions after it are saved, with a warning.
    assert warned and "11/03/2025 nằm ngoài thời gian của lớp" in warned[0]
    assert tab.model.index(3, 0).data() == "Tue 11/03/2025"
    assert tab.model.index(4, 1).data() == "13:30–17:00"


def test_enrol_the_target_group_of_a_unit(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                          db_path: Path) -> None:
    office = make_office(db_path, enrolled=[])
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants
    assert tab.model.rowCount() == 0
    seen: list[list[str]] = []

    def choose(dialog: TargetGroupDialog) -> int:
        assert not dialog.enrol_button.isEnabled()  # until the candidates are read
        wait_for_queries()
        seen.append([p.full_name for p in dialog.candidates])  # the whole office first
        dialog.unit.set_code(office.roster.units["xa"])
        wait_for_queries()
        seen.append([p.full_name for p in dialog.candidates])
        assert dialog.enrol_button.text() == "Enrol 2 people"
        return Accepted

    monkeypatch.setattr(TargetGroupDialog, "exec", choose)
    tab.target_button.click()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert len(seen[0]) == 5 and seen[1] == ["Nguyễn Văn An", "Bùi Thị Hoa"]
    assert names(tab.model) == ["Nguyễn Văn An", "Bùi Thị Hoa"]
    assert names(tab.model, 0) == ["001", "002"]
    assert tab.lists.tabText(0) == "Enrolled (2)"
    assert "Enrolled 2" in win.statusBar().currentMessage()


def test_outside_target_enrolment_needs_a_reason(monkeypatch: pytest.MonkeyPatch,
                                                 qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants
    notes: list[str] = []

    def pick(dialog: PersonSearchDialog) -> int:
        type_text(dialog.search, "khoa")
        dialog.run_search()
        wait_for_queries()
        notes.append(dialog.model.index(0, 4).data())
        return Accepted

    monkeypatch.setattr(PersonSearchDialog, "exec", pick)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_reason", lambda _p, _t, text: asked.append(text))
    tab.enrol_button.click()
    assert notes == ["outside the target group"]
    assert asked and "Đặng Văn Khoa" in asked[0]
    assert tab.model.rowCount() == 4  # cancelled: nobody enrolled

    monkeypatch.setattr(prompts, "ask_reason", lambda *_args: "Cán bộ nguồn")
    tab.enrol_button.click()
    assert "Đặng Văn Khoa" in names(tab.model)
    row = names(tab.model).index("Đặng Văn Khoa")
    assert tab.model.index(row, 5).data().endswith("Outside the target group: Cán bộ nguồn")


def test_withdraw_moves_the_waiting_list_up(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                            db_path: Path) -> None:
    office = make_office(db_path, capacity=3)
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants
    assert tab.lists.tabText(1) == "Waiting list (1)"
    tab.show_list("waiting")
    assert names(tab.model) == ["Đỗ Thị Giang"]
    assert tab.model.index(0, 5).data().startswith("No. 1 on the waiting list")
    tab.show_list("enrolled")
    tab.view.selectRow(0)
    monkeypatch.setattr(prompts, "ask_reason", lambda *_args: "Chuyển công tác")
    tab.withdraw_button.click()
    message = win.statusBar().currentMessage()
    assert "withdrew" in message and "Moved up from the waiting list: Đỗ Thị Giang" in message
    assert tab.lists.tabText(2) == "Withdrawn (1)"
    tab.show_list("withdrawn")
    assert tab.model.index(0, 5).data().endswith(": Chuyển công tác")


def test_people_below_the_share_are_flagged(qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    db = open_database(office.path)
    seated = enrol_store.list_participants(db, office.class_id, ("enrolled",))
    from cadre_desktop.services import attendance

    attendance.set_marks_by_short(db, office.class_id, [
        (p.enrolment_id, s, "C") for p in seated[1:] for s in office.session_ids])
    db.close()
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants
    assert "1 participants are under" in tab.flag_note.text()
    assert tab.model.index(0, 5).data() == "Attended 0 of 3 sessions held, under the minimum"
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_finish_class_results_and_certificates(monkeypatch: pytest.MonkeyPatch,
                                               qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    db = open_database(office.path)
    from cadre_desktop.services import attendance

    seated = enrol_store.list_participants(db, office.class_id, ("enrolled",))
    attendance.set_marks_by_short(db, office.class_id, [
        (p.enrolment_id, s, "C") for p in seated[:3] for s in office.session_ids])
    db.close()
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "results").results
    assert not tab.certificates_button.isEnabled()
    tab.view.edit(tab.model.index(0, 4))
    tab.model.setData(tab.model.index(0, 4), "8,5")
    qtbot.waitUntil(lambda: tab.model.index(0, 4).data() == "8,5")
    tab.finish_button.click()
    assert "3 completed, 1 not completed" in win.statusBar().currentMessage()
    assert [tab.model.index(r, 5).data() for r in range(4)] == [
        "Completed", "Completed", "Completed", "Not completed"]
    tab.certificates_button.click()
    assert "Numbered 3 certificates" in win.statusBar().currentMessage()
    assert tab.model.index(0, 7).data().startswith("1/GCN")
    # A person's training history shows it in the person editor.
    editor = PersonEditor(win.db, office.roster.id("Nguyễn Văn An"))
    qtbot.addWidget(editor)
    history = editor.training_history.model
    assert history.rowCount() == 1
    assert history.index(0, 3).data() == "Completed"
    assert history.index(0, 4).data() == "8,5"
    assert history.index(0, 5).data().startswith("1/GCN")


def test_print_the_attendance_sheet(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                    tmp_path: Path, db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "print").printing
    assert not tab.open_button.isEnabled()
    tab.number.setText("12")
    tab.buttons["attendance"].click()
    qtbot.waitUntil(lambda: tab.last_pdf is not None and tab.job is None, timeout=20000)
    pdf = tab.last_pdf
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert "Attendance sheet" in tab.result.text()
    preview = tab.preview  # shown as soon as the document is made
    assert preview is not None and preview.isVisible() and preview.data == pdf.read_bytes()
    preview.reject()
    tab.open_button.click()
    assert tab.preview is not None and tab.preview is not preview and tab.preview.isVisible()
    tab.preview.reject()
    target = tmp_path / "saved" / "diem-danh"
    target.parent.mkdir()
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(target))
    tab.save_button.click()
    assert target.with_suffix(".pdf").read_bytes() == pdf.read_bytes()


def test_the_document_number_field_shows_the_paper_line(qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    with win.db.write("symbol") as tx:
        profile = load_profile(tx)
        profile.doc_suffix = "ĐTN"
        save_profile(tx, profile)
    tab = open_class(win, office.class_id, "print").printing
    tab.number.setText("15")
    assert tab.number_preview.text() == ("On the paper: Số: 15-DS/ĐTN "
                                         "(the schedule: Số: 15-TB/ĐTN)")
    tab.number.setText("15-DS/ĐTN")  # as the register reads: understood, never doubled
    assert tab.number_preview.text() == "On the paper: Số: 15-DS/ĐTN"
    assert tab.buttons["attendance"].isEnabled() and not tab.buttons["schedule"].isEnabled()
    tab.number.setText("15-DS/BTV")
    assert "khác ký hiệu của đơn vị" in tab.number_preview.text()
    assert not tab.buttons["attendance"].isEnabled() and tab.buttons["certificates"].isEnabled()
    tab.number.setText("")
    assert tab.number_preview.text().startswith("On the paper: Số:")
    assert all(made.isEnabled() for made in tab.buttons.values())


def test_programme_editor_and_coverage(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                       db_path: Path) -> None:
    office = make_office(db_path)
    win = open_window(qtbot, office.path)
    page = training_page(win)
    page.tabs.setCurrentWidget(page.programmes)
    programmes = page.programmes
    before = programmes.model.rowCount()
    programmes.add_button.click()
    editor = programmes.editor
    assert editor is not None
    type_text(editor.name, "Bồi dưỡng Bí thư chi đoàn")

    def tick(dialog: ClauseDialog) -> int:
        dialog.positions.set_codes(("bi_thu_chi_doan",))
        return Accepted

    monkeypatch.setattr(ClauseDialog, "exec", tick)
    editor.target.add_button.click()
    assert editor.target.summary.text() == "Target group: Bí thư chi đoàn"
    editor.min_share.setValue(90)
    editor.save()
    assert programmes.model.rowCount() == before + 1
    row = names(programmes.model, 0).index("Bồi dưỡng Bí thư chi đoàn")
    assert programmes.model.index(row, 3).data() == "Bí thư chi đoàn"
    assert programmes.model.index(row, 5).data() == "90%"
    programmes.view.selectRow(row)
    coverage = programmes.coverage
    wait_for_queries()
    assert names(coverage.units_model, 0)[0] == "Tỉnh đoàn Bình Thuận"
    assert coverage.units_model.index(0, 1).data() == "1"
    assert names(coverage.people_model, 0) == ["Phạm Thị Dung"]


def test_undo_reaches_the_training_page(qtbot: QtBot, db_path: Path) -> None:
    office = make_office(db_path, enrolled=["Nguyễn Văn An"])
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "participants").participants
    db = win.db
    enrolment.enrol(db, office.class_id, office.roster.id("Trần Thị Bình"))
    win.refresh_pages()
    assert tab.model.rowCount() == 2
    win.undo_action.trigger()
    assert tab.model.rowCount() == 1


def test_table_models_pass_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                           db_path: Path) -> None:
    office = make_office(db_path, capacity=3)
    db = open_database(office.path)
    enrolment.withdraw(db, enrol_store.list_participants(db, office.class_id)[0].enrolment_id,
                       "Ốm")
    db.close()
    win = open_window(qtbot, office.path)
    page = training_page(win)
    view = open_class(win, office.class_id, "sessions")
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
    page.tabs.setCurrentWidget(page.programmes)
    wait_for_queries()
    editor = PersonEditor(win.db, office.roster.id("Lê Văn Cường"))
    qtbot.addWidget(editor)
    models = [page.classes.model, view.sessions.model, view.participants.model,
              view.results.model, page.programmes.model, page.programmes.coverage.units_model,
              page.programmes.coverage.people_model, editor.training_history.model]
    for model in models:
        assert model.rowCount() > 0, model
        qtmodeltester.check(model)
    for name in ("waiting", "withdrawn"):
        view.participants.show_list(name)
        qtmodeltester.check(view.participants.model)
