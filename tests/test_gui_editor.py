"""The person editor: field errors at the fields, warnings to confirm, saving through the
roster service."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from cadre_desktop.store import lookups, people
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.roster.editor import PersonEditor
from gui_support import OFFSCREEN_NOISE, Office, settle, settled_text, shown_names, type_text

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


def open_row(qtbot: QtBot, win: MainWindow, row: int) -> PersonEditor:
    view = win.findChild(QTableView, "rosterView")
    assert view is not None
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = win.roster_page.editor
    assert editor is not None and editor.isVisible()
    return editor


def new_editor(win: MainWindow) -> PersonEditor:
    win.roster_page.add_action.trigger()
    editor = win.roster_page.editor
    assert editor is not None and editor.isVisible()
    return editor


def field(editor: PersonEditor, name: str) -> QLineEdit:
    found = editor.findChild(QLineEdit, f"field_{name}")
    assert found is not None
    return found


def error_text(editor: PersonEditor, name: str) -> str:
    label = editor.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def test_invalid_date_is_shown_at_its_field(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_row(qtbot, window, 5)  # Nguyễn Văn Đức
    birth = field(editor, "birth")
    assert birth.text() == "12/03/1998"
    birth.clear()
    qtbot.keyClicks(birth, "31/02/1999")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "31/02/1999" in error_text(editor, "birth")
    assert error_text(editor, "given_name") == ""
    assert editor.isVisible() and editor.focusWidget() is birth
    # Fixing the value clears the message as it is typed.
    birth.clear()
    qtbot.keyClicks(birth, "05/1998")
    assert error_text(editor, "birth") == ""


def test_each_error_goes_to_its_own_field(qtbot: QtBot, window: MainWindow) -> None:
    editor = new_editor(window)
    qtbot.keyClicks(field(editor, "citizen_id"), "12ab")
    qtbot.keyClicks(field(editor, "phone"), "12")
    qtbot.keyClicks(field(editor, "join_date"), "05/2020")  # must be a full date
    qtbot.keyClicks(field(editor, "discipline_until"), "tomorrow")
    editor.save()
    assert error_text(editor, "given_name")  # no name at all
    assert error_text(editor, "citizen_id")
    assert error_text(editor, "phone")
    assert error_text(editor, "join_date")
    assert error_text(editor, "discipline_until")
    assert error_text(editor, "birth") == ""
    assert editor.focusWidget() is field(editor, "given_name")


def test_new_person_appears_in_the_table_with_nfc_name(qtbot: QtBot, window: MainWindow,
                                                       office: Office) -> None:
    editor = new_editor(window)
    # Typed as decomposed (NFD) text, as macOS and some Windows keyboards send it.
    type_text(field(editor, "family_middle"), unicodedata.normalize("NFD", "Phạm Thị"))
    type_text(field(editor, "given_name"), unicodedata.normalize("NFD", "Ánh"))
    qtbot.keyClicks(field(editor, "birth"), "2002")
    editor.gender.set_code("F")
    editor.unit.set_code(office.unit_ids["kp2"])
    qtbot.keyClick(field(editor, "birth"), Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: window.roster_page.editor is None)
    view = window.findChild(QTableView, "rosterView")
    count = window.findChild(QLabel, "rosterCount")
    assert view is not None and count is not None
    assert settled_text(count) == "7 people"
    names = shown_names(view)
    assert "Phạm Thị Ánh" in names  # NFC: equal to the precomposed literal
    assert names.index("Phạm Thị Ánh") == names.index("Nguyễn Thị Ánh") + 1
    assert window.undo_action.text() == "&Undo: Thêm Phạm Thị Ánh"
    assert "Phạm Thị Ánh" in window.statusBar().currentMessage()


def test_warnings_must_be_confirmed(qtbot: QtBot, window: MainWindow) -> None:
    editor = new_editor(window)
    qtbot.keyClicks(field(editor, "family_middle"), "Lam Van")
    qtbot.keyClicks(field(editor, "given_name"), "Hai")
    qtbot.keyClicks(field(editor, "birth"), "1995")
    editor.gender.set_code("M")
    # 11 digits: a leading zero lost in Excel, and birth year 98 does not match 1995.
    qtbot.keyClicks(field(editor, "citizen_id"), "79098001235")
    editor.save()
    assert editor.isVisible()
    assert editor.warnings_panel.isVisible()
    assert "079098001235" in editor.warnings_text.text()
    editor.confirm_warnings.setChecked(True)
    editor.save()
    qtbot.waitUntil(lambda: window.roster_page.editor is None)
    settle(window.roster_page.model)
    assert window.roster_page.model.total == 7


def test_duplicate_citizen_id_is_a_warning(qtbot: QtBot, window: MainWindow) -> None:
    editor = new_editor(window)
    qtbot.keyClicks(field(editor, "given_name"), "Hai")
    qtbot.keyClicks(field(editor, "citizen_id"), "079098001234")  # Nguyễn Văn Đức's
    editor.save()
    assert "Nguyễn Văn Đức" in editor.warnings_text.text()
    editor.reject()


def test_position_planning_and_ratings_round_trip(qtbot: QtBot, window: MainWindow,
                                                  office: Office) -> None:
    editor = open_row(qtbot, window, 0)  # Nguyễn Hữu Anh
    person_id = editor.person_id
    assert person_id is not None
    editor.position.set_code("bi_thu_chi_doan")
    editor.planning.set_code("pho_bi_thu")
    editor.planning_term.setText("2025–2030")
    editor.working_status.set_code("kiem_nhiem")
    editor.permanent_staff.set_code("yes")
    editor.ratings.add_row(2023, None)
    combo = editor.ratings.table.cellWidget(0, 1)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Hoàn thành tốt nhiệm vụ" in labels
    combo.setCurrentIndex(labels.index("Hoàn thành tốt nhiệm vụ"))
    editor.ratings.add_row(2016, None)
    old = editor.ratings.table.cellWidget(1, 1)
    old_labels = [old.itemText(i) for i in range(old.count())]
    assert "Khá" in old_labels and "Hoàn thành tốt nhiệm vụ" not in old_labels
    old.setCurrentIndex(old_labels.index("Khá"))
    editor.save()
    qtbot.waitUntil(lambda: window.roster_page.editor is None)

    db = open_database(office.path)
    detail = people.get_person(db, person_id)
    assert detail is not None
    assert detail.current_position == "bi_thu_chi_doan"
    assert [(code, term) for _id, code, term in detail.planning] == [("pho_bi_thu", "2025–2030")]
    assert detail.values["permanent_staff"] == 1
    levels = {lv.id: lv.label for lv in lookups.rating_levels(db)}
    assert {y: levels[i] for y, i in detail.ratings.items()} == {
        2023: "Hoàn thành tốt nhiệm vụ", 2016: "Khá"}
    db.close()

    # Reopened, the editor shows what was saved; removing a year deletes its rating.
    editor = open_row(qtbot, window, 0)
    assert editor.position.currentText() == "Bí thư chi đoàn"
    assert editor.planning_term.text() == "2025–2030"
    assert editor.ratings.rows()[0][0] == 2023
    editor.ratings.table.setCurrentCell(1, 0)
    editor.ratings.remove_current()
    assert editor.ratings.ratings() == {2023: editor.ratings.rows()[0][1], 2016: None}
    editor.ratings.add_row(2023, None)
    editor.save()
    assert "2023" in error_text(editor, "ratings")  # two ratings for one year
    editor.reject()
