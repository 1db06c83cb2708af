"""The attendance grid as the clerk uses it: typing codes, moving down, clearing, 'all
present', and the attendance spreadsheet out and back in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.importing.attendance_sheet import AttendanceImportReport
from cadre_desktop.services import attendance, training
from cadre_desktop.store.db import open_database
from cadre_desktop.store.training import SessionInput
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.training.attendance_import import ImportReportDialog
from cadre_desktop.ui.training.attendance_tab import AttendanceTab
from gui_support import OFFSCREEN_NOISE
from training_gui import TrainingOffice, make_office, open_class, open_window

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE

# Official order of the four enrolled: An, Bình, Cường, Giang.
ORDER = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Đỗ Thị Giang"]


@pytest.fixture
def office(db_path: Path) -> TrainingOffice:
    return make_office(db_path)


@pytest.fixture
def grid(qtbot: QtBot, office: TrainingOffice) -> tuple[MainWindow, AttendanceTab]:
    win = open_window(qtbot, office.path)
    view = open_class(win, office.class_id, "attendance")
    tab = view.attendance
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    return win, tab


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


def go(tab: AttendanceTab, row: int, column: int) -> None:
    tab.view.selectionModel().setCurrentIndex(
        tab.model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect)


def column_texts(tab: AttendanceTab, column: int) -> list[str]:
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


def test_typing_codes_records_them_and_moves_down(qtbot: QtBot, office: TrainingOffice,
                                                  grid: tuple[MainWindow, AttendanceTab]
                                                  ) -> None:
    win, tab = grid
    assert column_texts(tab, 1) == ORDER
    assert tab.view.currentIndex().row() == 0 and tab.view.currentIndex().column() == 2
    resets: list[int] = []
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    tab.model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a, b)))
    qtbot.keyClicks(tab.view, "C")
    assert tab.view.currentIndex().row() == 1  # down to the next participant
    qtbot.keyClicks(tab.view, "k")  # lower case is the same code
    qtbot.keyClicks(tab.view, "P")
    assert tab.view.currentIndex().row() == 3
    assert column_texts(tab, 2) == ["C", "K", "P", ""]
    assert stored(office) == {("Nguyễn Văn An", 0): "C", ("Trần Thị Bình", 0): "K",
                              ("Lê Văn Cường", 0): "P"}
    # Only the typed cells and their rows' shares changed; the grid was never reset.
    assert not resets
    assert all(a == b for a, b in changed)
    assert {(a.row(), a.column()) for a, _b in changed} == {
        (0, 2), (0, 5), (1, 2), (1, 5), (2, 2), (2, 5)}
    share = tab.model.share_column()
    assert tab.model.index(0, share).data() == "1/3 (33%)"
    assert tab.model.index(1, share).data() == "0/3 (0%)"
    assert "Điểm danh lớp" in win.undo_action.text()  # the undo label follows


def test_last_row_goes_on_to_the_next_session(qtbot: QtBot,
                                              grid: tuple[MainWindow, AttendanceTab]) -> None:
    _win, tab = grid
    go(tab, 3, 2)
    qtbot.keyClicks(tab.view, "M")
    assert (tab.view.currentIndex().row(), tab.view.currentIndex().column()) == (0, 3)


def test_backspace_and_delete_clear(qtbot: QtBot, office: TrainingOffice,
                                    grid: tuple[MainWindow, AttendanceTab]) -> None:
    _win, tab = grid
    qtbot.keyClicks(tab.view, "CC")
    go(tab, 0, 2)
    qtbot.keyClick(tab.view, Qt.Key.Key_Backspace)
    assert tab.model.index(0, 2).data() == ""
    assert tab.view.currentIndex().row() == 0  # clearing stays put
    go(tab, 1, 2)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert stored(office) == {}


def test_unknown_code_is_refused(qtbot: QtBot, office: TrainingOffice,
                                 grid: tuple[MainWindow, AttendanceTab]) -> None:
    _win, tab = grid
    qtbot.keyClicks(tab.view, "Z")
    assert "C, M, P, K" in tab.feedback.text()
    assert tab.view.currentIndex().row() == 0
    go(tab, 0, 1)  # the name column is not a session
    qtbot.keyClicks(tab.view, "C")
    assert "session" in tab.feedback.text()
    assert stored(office) == {}


def test_a_session_not_held_yet_is_refused(qtbot: QtBot, office: TrainingOffice) -> None:
    db = open_database(office.path)
    later = dt.date.today() + dt.timedelta(days=30)
    training.add_sessions(db, office.class_id, [SessionInput(later, dt.time(7, 30),
                                                             dt.time(11, 30))])
    db.close()
    win = open_window(qtbot, office.path)
    tab = open_class(win, office.class_id, "attendance").attendance
    assert tab.model.held(5) is False and tab.model.held(4)
    go(tab, 0, 5)
    tab.view.setFocus()
    qtbot.keyClicks(tab.view, "C")
    assert "chưa diễn ra" in tab.feedback.text()
    assert tab.model.index(0, 5).data() == ""


def test_all_present_fills_only_empty_cells(qtbot: QtBot, office: TrainingOffice,
                                            grid: tuple[MainWindow, AttendanceTab]) -> None:
    win, tab = grid
    go(tab, 1, 3)
    qtbot.keyClicks(tab.view, "K")
    go(tab, 0, 3)
    tab.all_present_button.click()
    assert column_texts(tab, 3) == ["C", "K", "C", "C"]
    assert column_texts(tab, 2) == ["", "", "", ""]
    assert len([k for k in stored(office) if k[1] == 1]) == 4
    assert "present" in win.statusBar().currentMessage()


def test_export_and_import_the_sheet(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                     tmp_path: Path, office: TrainingOffice,
                                     grid: tuple[MainWindow, AttendanceTab]) -> None:
    _win, tab = grid
    qtbot.keyClicks(tab.view, "C")
    sheet = tmp_path / "diem-danh.xlsx"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(sheet))
    tab.export_button.click()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert "Exported the attendance of 4 participants" in _win.statusBar().currentMessage()
    book = load_workbook(sheet)
    ws = book.active
    assert ws is not None
    assert [ws.cell(7 + i, 3).value for i in range(4)] == ORDER
    ws.cell(8, 6).value = "M"  # Bình, first session
    ws.cell(9, 7).value = "Z"  # Cường: an unknown code rejects the row
    book.save(sheet)
    monkeypatch.setattr(prompts, "open_file_name", lambda *_args: str(sheet))

    reports: list[tuple[AttendanceImportReport, str, int]] = []

    def decline(dialog: ImportReportDialog) -> int:
        # What the clerk sees (the dialog goes once it is closed).
        reports.append((dialog.report, dialog.import_button.text(),
                        dialog.rejected_model.rowCount()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportReportDialog, "exec", decline)
    tab.import_button.click()
    qtbot.waitUntil(lambda: bool(reports) and tab.job is None, timeout=20000)
    report, button_text, rejected_rows = reports[0]
    assert [i.row for i in report.rejected] == [9]
    assert "'Z'" in report.rejected[0].message
    assert button_text == "Import the valid rows only"
    assert rejected_rows == 1
    assert stored(office) == {("Nguyễn Văn An", 0): "C"}  # declined: nothing written

    monkeypatch.setattr(ImportReportDialog, "exec",
                        lambda _dialog: QDialog.DialogCode.Accepted)
    tab.import_button.click()
    qtbot.waitUntil(lambda: "Imported attendance" in _win.statusBar().currentMessage(),
                    timeout=20000)
    assert tab.job is None
    assert stored(office) == {("Nguyễn Văn An", 0): "C", ("Trần Thị Bình", 0): "M"}
    assert column_texts(tab, 2) == ["C", "M", "", ""]


def test_attendance_model_passes_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                                 grid: tuple[MainWindow, AttendanceTab]
                                                 ) -> None:
    _win, tab = grid
    qtbot.keyClicks(tab.view, "CKP")
    qtmodeltester.check(tab.model)
