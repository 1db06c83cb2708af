"""Printing the rotation and member programme forms from the GUI: the PDF is made off the
GUI thread, then shown in the print preview, from where it is saved (the file dialog is
replaced)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cadre_desktop.store.db import open_database
from cadre_desktop.ui.kit import preview as kit_preview
from cadre_desktop.ui.kit.preview import PrintPreview
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.member_programme.page import MemberProgrammePage
from cadre_desktop.ui.member_programme.registration_editor import RegistrationEditor
from cadre_desktop.ui.rotation.page import RotationPage
from gui_support import OFFSCREEN_NOISE, wait_for_queries
from print_forms_helpers import Printed, everything
from rotation_gui_support import fix_today, open_window, select_row

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Printed:
    fix_today(monkeypatch, dt.date(2026, 1, 10))
    db = open_database(db_path)
    try:
        return everything(db)
    finally:
        db.close()


@pytest.fixture
def win(qtbot: QtBot, db_path: Path, printed: Printed) -> MainWindow:
    return open_window(qtbot, db_path)


def wait_for_pdf(qtbot: QtBot, printer: PdfMaker) -> Path:
    qtbot.waitUntil(lambda: printer.last_pdf is not None and not printer.busy
                    and printer.dialog is not None, timeout=20000)
    assert printer.last_pdf is not None
    return printer.last_pdf


def test_rotation_detail_prints_the_evaluation_form_and_the_summary(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, win: MainWindow,
    printed: Printed
) -> None:
    win.open_page("rotations")
    page = win.feature_pages["rotations"]
    assert isinstance(page, RotationPage)
    page.open_rotation(printed.rotation_id, printed.evaluation_ids[0])
    detail = page.detail
    assert detail.print_form_button.isEnabled() and detail.print_summary_button.isEnabled()

    detail.print_form_button.click()
    pdf = wait_for_pdf(qtbot, detail.printer)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.name == "phieu-danh-gia-1.pdf"
    dialog = detail.printer.dialog
    assert isinstance(dialog, PrintPreview) and dialog.isVisible()
    assert dialog.pages == 1 and dialog.data == pdf.read_bytes()
    assert "Evaluation form" in dialog.windowTitle()
    assert "Evaluation form ready" in win.statusBar().currentMessage()
    dialog.reject()
    assert not dialog.isVisible()

    select_row(detail.table, 1)  # another evaluation, then the summary, saved as PDF
    detail.print_summary_button.click()
    summary = wait_for_pdf(qtbot, detail.printer)
    assert summary.name == "tom-tat-di-co-so.pdf"
    target = tmp_path / "saved" / "tom-tat"
    target.parent.mkdir()
    monkeypatch.setattr(kit_preview, "ask_save_path", lambda *_args: str(target))
    dialog = detail.printer.dialog
    assert dialog is not None
    dialog.save_action.trigger()
    assert target.with_suffix(".pdf").read_bytes() == summary.read_bytes()
    assert "Saved" in win.statusBar().currentMessage()


def test_member_programme_prints_a_registration_and_the_branch_results(
    qtbot: QtBot, win: MainWindow, printed: Printed
) -> None:
    win.open_page("member_programme", printed.office.branch.id)
    page = win.feature_pages["member_programme"]
    assert isinstance(page, MemberProgrammePage)
    wait_for_queries()  # the branch's list is read off the GUI thread
    assert page.score_panel.print_button.isEnabled()
    page.score_panel.print_button.click()
    results = wait_for_pdf(qtbot, page.printer)
    assert results.name == "ket-qua-ren-luyen.pdf" and results.stat().st_size > 1000
    assert page.printer.dialog is not None
    page.printer.dialog.reject()

    row = page.registrations.row_of_person(printed.office.people["Đoàn Thị Giang"])
    select_row(page.registrations_view, row)
    page.open_registration()
    editor = page.dialog
    assert isinstance(editor, RegistrationEditor) and editor.print_button.isEnabled()
    editor.print_button.click()
    form = wait_for_pdf(qtbot, editor.printer)
    assert form.name == "phieu-dang-ky-ren-luyen.pdf" and form.read_bytes().startswith(b"%PDF")
    assert "Registration form ready" in win.statusBar().currentMessage()
