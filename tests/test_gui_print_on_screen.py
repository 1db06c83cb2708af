"""Every page prints what it shows as a clerk would ask for it: Ctrl+P on the page (or the
page's buttons for the documents that have no shortcut) opens the print preview of the
document made, whose pages are the PDF's and print as they are shown; the lists export to
.xlsx with the rows on screen; File → Print… prints the page shown, greyed out on a page
with nothing to print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from cadre_desktop.domain import class_status
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.on_screen import ListFiles
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.member_programme.page import MemberProgrammePage
from cadre_desktop.ui.member_programme.registration_editor import RegistrationEditor
from cadre_desktop.ui.rotation.page import DUE_TAB, ROTATIONS_TAB, RotationPage
from cadre_desktop.ui.training.page import TrainingPage
from gui_support import OFFSCREEN_NOISE, settle, wait_for_queries
from pdf_read import page_texts
from preview_support import check_printout, press_print, preview_of
from print_forms_helpers import Printed, everything
from rotation_gui_support import column_texts, fix_today, open_window, select_row
from test_printing import _class

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE
TODAY = dt.date(2026, 1, 10)
CLASS_NAME = "Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2026"


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> tuple[Printed, str]:
    """The rotation and member programme office, with a class of eight (three completed,
    one withdrawn)."""
    fix_today(monkeypatch, TODAY)
    db = open_database(db_path)
    try:
        made = everything(db)
        people = list(made.office.people.values())
        class_id = _class(db, people[:8], 6, completed=3, withdrawn=people[8:9])
        return made, class_id
    finally:
        db.close()


@pytest.fixture
def win(qtbot: QtBot, db_path: Path, printed: tuple[Printed, str]) -> MainWindow:
    return open_window(qtbot, db_path)


def printout(qtbot: QtBot, printer: PdfMaker, out: Path) -> str:
    """The document in the preview checked against its printout; its text, then the
    preview closed."""
    dialog, pdf = preview_of(qtbot, printer)
    check_printout(dialog, pdf, out)
    text = " ".join(page_texts(pdf))
    dialog.reject()
    return text


def exported_rows(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, files: ListFiles,
                  target: Path) -> list[tuple[Any, ...]]:
    """Export through the button, the file dialog answered: the rows under the headings,
    up to the blank row before the total."""
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(target.with_suffix("")))
    assert files.export_button.isEnabled()
    files.export_button.click()
    qtbot.waitUntil(lambda: files.last_export == target, timeout=20000)
    sheet = openpyxl.load_workbook(target, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[:1] == ("STT",)) + 1
    end = next(i for i in range(start, len(rows)) if not any(rows[i]))
    assert str(rows[end + 1][0]).startswith("Tổng số: ")
    return rows[start:end]


def test_the_training_pages_print_and_export_what_they_show(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, win: MainWindow,
    printed: tuple[Printed, str]
) -> None:
    _made, class_id = printed
    win.open_page("training")
    page = win.feature_pages["training"]
    assert isinstance(page, TrainingPage)
    classes = page.classes
    assert [r.name for r in classes.model.rows()] == [CLASS_NAME]

    press_print(qtbot, classes.view)
    text = printout(qtbot, classes.files.printer, tmp_path / "classes.pdf")
    assert "DANH SÁCH LỚP BỒI DƯỠNG" in text and CLASS_NAME in text
    assert "Tổng số: 1 lớp, 8 lượt học viên" in text
    assert class_status.LABELS[classes.model.rows()[0].state] in text  # as on screen
    rows = exported_rows(qtbot, monkeypatch, classes.files, tmp_path / "lop.xlsx")
    assert [(r[0], r[1], r[5]) for r in rows] == [(1, CLASS_NAME, 8)]
    assert f"{tmp_path / 'lop.xlsx'}" in win.statusBar().currentMessage()

    # A status with no class: nothing on screen, nothing to print or export.
    classes.status.setCurrentIndex(classes.status.findData("cancelled"))
    assert not classes.files.print_button.isEnabled()
    assert not classes.files.export_button.isEnabled()
    press_print(qtbot, classes.view)
    assert "Nothing to print" in win.statusBar().currentMessage()
    classes.status.setCurrentIndex(0)

    classes.open_class(class_id)
    view = classes.class_view
    view.tabs.setCurrentWidget(view.participants)
    participants = view.participants
    press_print(qtbot, participants.view)
    text = printout(qtbot, participants.files.printer, tmp_path / "participants.pdf")
    assert "DANH SÁCH HỌC VIÊN" in text and "Tổng số: 9 học viên" in text
    assert "(chính thức: 8, đã rút: 1)" in text
    rows = exported_rows(qtbot, monkeypatch, participants.files, tmp_path / "hv.xlsx")
    assert [r[1] for r in rows] == [f"HV{i:03d}" for i in range(1, 10)]
    enrolled = [p.participant.full_name for p in participants.model.rows()]  # the tab shown
    assert [r[2] for r in rows if r[7] == "Chính thức"] == enrolled
    assert [r[2] for r in rows if r[7] == "Đã rút"] == ["Đoàn Thị Lan"]

    # The Print tab: Ctrl+P makes the attendance sheet; the buttons the other documents.
    view.tabs.setCurrentWidget(view.printing)
    tab = view.printing
    tab.number.setText("15")
    press_print(qtbot, tab.number)
    documents = {"attendance": "diem-danh.pdf"}
    for kind in ("participants", "schedule", "certificates"):
        documents[kind] = f"{kind}.pdf"
    for kind in documents:
        if kind != "attendance":
            tab.buttons[kind].click()
        qtbot.waitUntil(lambda: tab.job is None and tab.preview is not None
                        and tab.preview.isVisible(), timeout=30000)
        assert tab.preview is not None and tab.last_pdf is not None
        check_printout(tab.preview, tab.last_pdf, tmp_path / f"class-{kind}.pdf")
        text = " ".join(page_texts(tab.last_pdf))
        if kind == "attendance":
            assert tab.last_pdf.name == "diem-danh.pdf"
            assert "Số: 15-DS/TĐTN" in text
        if kind == "certificates":
            assert "GIẤY CHỨNG NHẬN" in text
        tab.preview.reject()

    # A number that cannot be used: Ctrl+P says why instead of printing.
    tab.number.setText("15-QĐ/TĐTN")
    made_before = tab.last_pdf
    press_print(qtbot, tab.number)
    assert tab.job is None and tab.last_pdf == made_before
    assert "“DS”" in win.statusBar().currentMessage()


def test_the_rotation_page_prints_the_tab_shown(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, win: MainWindow,
    printed: tuple[Printed, str]
) -> None:
    made, _class_id = printed
    win.open_page("rotations")
    page = win.feature_pages["rotations"]
    assert isinstance(page, RotationPage)
    wait_for_queries()
    page.tabs.setCurrentIndex(DUE_TAB)
    names = column_texts(page.due_view, page.due.NAME)
    assert names == ["Lê Văn Cường"]
    press_print(qtbot, page.due_view)
    text = printout(qtbot, page.due_tab.files.printer, tmp_path / "due.pdf")
    assert "DANH SÁCH ĐÁNH GIÁ CÁN BỘ LUÂN CHUYỂN ĐẾN HẠN" in text
    assert "Lê Văn Cường" in text and "Tính đến ngày 10/01/2026" in text
    assert "tự đánh giá" not in text  # the members' self-evaluations are not on this page
    rows = exported_rows(qtbot, monkeypatch, page.due_tab.files, tmp_path / "due.xlsx")
    assert [r[1] for r in rows] == names and rows[0][-1] == "Quá hạn"

    page.tabs.setCurrentIndex(ROTATIONS_TAB)
    page.open_rotation(made.rotation_id, made.evaluation_ids[0])
    assert page.print_action.isEnabled()
    press_print(qtbot, page.rotations_view)
    text = printout(qtbot, page.detail.printer, tmp_path / "summary.pdf")
    assert page.detail.printer.last_pdf is not None
    assert page.detail.printer.last_pdf.name == "tom-tat-di-co-so.pdf"
    assert "Lê Văn Cường" in text
    page.detail.print_form_button.click()
    printout(qtbot, page.detail.printer, tmp_path / "form.pdf")


def test_the_member_programme_prints_the_branch_results_and_a_form(
    qtbot: QtBot, tmp_path: Path, win: MainWindow, printed: tuple[Printed, str]
) -> None:
    made, _class_id = printed
    win.open_page("member_programme", made.office.branch.id)
    page = win.feature_pages["member_programme"]
    assert isinstance(page, MemberProgrammePage)
    wait_for_queries()
    press_print(qtbot, page.registrations_view)
    text = printout(qtbot, page.printer, tmp_path / "results.pdf")
    assert "Đoàn Thị Giang" in text and "Đoàn Thị Hà" in text
    row = page.registrations.row_of_person(made.office.people["Đoàn Thị Giang"])
    select_row(page.registrations_view, row)
    page.open_registration()
    editor = page.dialog
    assert isinstance(editor, RegistrationEditor)
    editor.print_button.click()
    text = printout(qtbot, editor.printer, tmp_path / "registration.pdf")
    assert "Đoàn Thị Giang" in text
    editor.reject()


def test_file_print_prints_the_page_shown(qtbot: QtBot, tmp_path: Path,
                                          win: MainWindow) -> None:
    file_menu = win.menuBar().actions()[0].menu()
    assert file_menu is not None and win.print_action in file_menu.actions()
    assert win.print_action.text().endswith("\tCtrl+P")

    def shown(key: str) -> bool:
        if key == "roster":
            win.navigation.setCurrentRow(win.pages.indexOf(win.roster_page))
        elif key == "settings":
            win.navigation.setCurrentRow(win.pages.indexOf(win.settings_page))
        else:
            win.open_page(key)
        file_menu.aboutToShow.emit()
        return win.print_action.isEnabled()

    assert not shown("start") and not shown("settings") and not shown("send_bundle")
    assert shown("roster")
    settle(win.roster_page.model)
    win.print_action.trigger()
    text = printout(qtbot, win.roster_page.files.printer, tmp_path / "roster.pdf")
    assert "DANH SÁCH ĐOÀN VIÊN" in text and "Lê Văn Cường" in text

    assert not shown("rotations")  # the candidates: no list to print
    page = win.feature_pages["rotations"]
    assert isinstance(page, RotationPage)
    page.tabs.setCurrentIndex(DUE_TAB)
    file_menu.aboutToShow.emit()
    assert win.print_action.isEnabled()

    assert shown("training")
    training = win.feature_pages["training"]
    assert isinstance(training, TrainingPage)
    training.tabs.setCurrentWidget(training.programmes)
    file_menu.aboutToShow.emit()
    assert not win.print_action.isEnabled()
    training.tabs.setCurrentWidget(training.classes)
    file_menu.aboutToShow.emit()
    win.print_action.trigger()
    assert "DANH SÁCH LỚP" in printout(qtbot, training.classes.files.printer,
                                       tmp_path / "classes.pdf")
