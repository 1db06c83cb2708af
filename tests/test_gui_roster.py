"""The roster page as the clerk uses it: search as you type, sort, units, delete and undo."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.roster.unit_dialogs import CloseUnitDialog, UnitDialog
from gui_support import (
    OFFICIAL_ORDER,
    OFFSCREEN_NOISE,
    Office,
    header_click,
    settled_text,
    shown_names,
    type_text,
)

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


def parts(win: MainWindow) -> tuple[QLineEdit, QTableView, QLabel]:
    search = win.findChild(QLineEdit, "rosterSearch")
    view = win.findChild(QTableView, "rosterView")
    count = win.findChild(QLabel, "rosterCount")
    assert search is not None and view is not None and count is not None
    return search, view, count


def type_search(qtbot: QtBot, win: MainWindow, text: str, expected_rows: int) -> None:
    search, view, _count = parts(win)
    search.clear()
    qtbot.keyClicks(search, text)
    qtbot.waitUntil(lambda: view.model().rowCount() == expected_rows
                    and win.roster_page.model.current_filter.query == text)


def select_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)  # keys go to the focused widget, which may come later
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_window_shows_everyone_in_official_order(window: MainWindow) -> None:
    search, view, count = parts(window)
    assert shown_names(view) == OFFICIAL_ORDER
    assert settled_text(count) == "6 people"
    assert search.placeholderText()


def test_search_as_you_type_is_accent_insensitive(qtbot: QtBot, window: MainWindow) -> None:
    _search, view, count = parts(window)
    type_search(qtbot, window, "duc", 1)
    assert shown_names(view) == ["Nguyễn Văn Đức"]
    assert settled_text(count) == "1 people"
    type_search(qtbot, window, "nguyen", 3)
    assert shown_names(view) == ["Nguyễn Hữu Anh", "Nguyễn Thị Ánh", "Nguyễn Văn Đức"]
    type_search(qtbot, window, "ÁNH", 3)  # all of Anh and Ánh: the search ignores tones
    type_search(qtbot, window, "nguyen anh", 2)
    type_search(qtbot, window, "079098", 1)  # a citizen ID number
    type_search(qtbot, window, "zzz", 0)
    assert settled_text(count) == "0 people"


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    search, view, _count = parts(window)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(search.hasFocus)


def test_clicking_headers_sorts(qtbot: QtBot, window: MainWindow) -> None:
    _search, view, _count = parts(window)
    header_click(qtbot, view, 0)  # name was ascending: now descending
    assert shown_names(view) == list(reversed(OFFICIAL_ORDER))
    header_click(qtbot, view, 0)
    assert shown_names(view) == OFFICIAL_ORDER
    header_click(qtbot, view, 1)  # date of birth
    assert shown_names(view)[:2] == ["Đỗ Thị Ân", "Nguyễn Hữu Anh"]
    assert view.horizontalHeader().sortIndicatorSection() == 1


def test_selecting_a_unit_filters_to_its_subtree(qtbot: QtBot, window: MainWindow,
                                                 office: Office) -> None:
    _search, view, count = parts(window)
    panel = window.roster_page.units
    panel.select_unit(office.unit_ids["kp1"])
    assert shown_names(view) == ["Nguyễn Thị Ánh", "Đỗ Thị Ân", "Nguyễn Văn Đức"]
    assert settled_text(count) == "3 people"
    type_search(qtbot, window, "duc", 1)
    panel.select_unit(office.unit_ids["root"])
    assert shown_names(view) == ["Nguyễn Văn Đức"]
    panel.select_unit(None)  # All units
    type_search(qtbot, window, "", 6)


def test_delete_undo_and_restore(qtbot: QtBot, window: MainWindow) -> None:
    _search, view, count = parts(window)
    page = window.roster_page
    select_row(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert settled_text(count) == "5 people"
    assert OFFICIAL_ORDER[0] not in shown_names(view)
    assert window.undo_action.text() == "&Undo: Xóa 1 người"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert settled_text(count) == "6 people"
    assert shown_names(view) == OFFICIAL_ORDER
    assert "Xóa 1 người" in window.statusBar().currentMessage()

    # Delete two, then bring one back from the deleted list.
    view.selectionModel().select(
        view.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    page.delete_action.trigger()
    assert settled_text(count) == "4 people"
    assert not page.restore_action.isEnabled()
    page.show_deleted_action.trigger()
    assert settled_text(count) == "2 deleted people"
    assert shown_names(view) == OFFICIAL_ORDER[:2]
    assert not page.add_action.isEnabled() and not page.delete_action.isEnabled()
    select_row(qtbot, view, 1)
    assert page.restore_action.isEnabled()
    page.restore_action.trigger()
    assert shown_names(view) == [OFFICIAL_ORDER[0]]
    page.show_deleted_action.trigger()
    assert settled_text(count) == "5 people"
    assert OFFICIAL_ORDER[1] in shown_names(view)


def test_unit_actions_add_rename_dissolve(qtbot: QtBot, window: MainWindow,
                                          office: Office) -> None:
    panel = window.roster_page.units
    tree = window.findChild(QTreeView, "unitTree")
    assert tree is not None
    panel.select_unit(office.unit_ids["root"])
    panel.add_action.trigger()
    dialog = panel.findChild(UnitDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.name, "Chi đoàn Khu phố 3")
    dialog.accept()
    new = panel.selected_unit()
    assert new is not None and new.name == "Chi đoàn Khu phố 3" and new.parent_id == \
        office.unit_ids["root"]
    assert window.undo_action.text() == "&Undo: Thêm đơn vị Chi đoàn Khu phố 3"

    panel.rename_action.trigger()
    dialog = next(d for d in panel.findChildren(UnitDialog) if d.isVisible())
    dialog.name.setText("Chi đoàn Khu phố 3A")
    dialog.accept()
    assert tree.currentIndex().data() == "Chi đoàn Khu phố 3A"

    panel.close_action.trigger()
    closing = panel.findChild(CloseUnitDialog)
    assert closing is not None
    closing.accept()
    assert tree.currentIndex().data() == "Chi đoàn Khu phố 3A (dissolved)"
    assert not panel.close_action.isEnabled()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_opens_the_editor(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    _search, view, _count = parts(window)
    select_row(qtbot, view, 5)
    qtbot.keyClick(view, key)
    editor = window.roster_page.editor
    assert editor is not None and editor.isVisible()
    assert editor.edits["given_name"].text() == "Đức"
    editor.reject()
    qtbot.waitUntil(lambda: window.roster_page.editor is None)
    assert QApplication.activeModalWidget() is None


def test_import_action_opens_the_wizard_and_refreshes(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow, office: Office) -> None:
    class FakeWizard(QDialog):
        imported = Signal()

        def __init__(self, db: Database, parent: QWidget | None) -> None:
            super().__init__(parent)
            self.db_path = db.path

    fake = types.ModuleType("cadre_desktop.ui.import_wizard")
    fake.ImportWizard = FakeWizard  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cadre_desktop.ui.import_wizard", fake)
    _search, _view, count = parts(window)
    window.roster_page.import_action.trigger()
    wizard = window.roster_page.import_wizard
    assert isinstance(wizard, FakeWizard) and wizard.isVisible()
    assert wizard.db_path == office.path
    # The wizard writes through its own connection, then says so.
    other = open_database(office.path)
    save_person(other, PersonForm({"full_name": "Hồ Văn Mới"}))
    other.close()
    wizard.imported.emit()
    assert settled_text(count) == "7 people"
    assert window.undo_action.text() == "&Undo: Thêm Hồ Văn Mới"
    wizard.reject()


def test_export_action_writes_the_chosen_file(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                              window: MainWindow, tmp_path: Path) -> None:
    written: list[Path] = []

    def export_roster(db: object, path: Path, progress: object = None,
                      selection: object = None) -> int:
        written.append(path)
        return 6

    fake = types.ModuleType("cadre_desktop.exporting.roster_export")
    fake.export_roster = export_roster  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cadre_desktop.exporting.roster_export", fake)
    target = tmp_path / "danh-sach.xlsx"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(target))
    window.roster_page.export_action.trigger()  # an op: the file is written off the GUI thread
    qtbot.waitUntil(lambda: written == [target], timeout=10000)
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage(), timeout=10000)
    assert str(target) in window.statusBar().currentMessage()
