"""The periodic training report from the Targets page (kind, dates, number, sections
II-IV kept as the draft, then the PDF in the print preview or the .xlsx), and a class's
budget lines by cost item from the class's details."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from cadre_desktop.services import plans, reports, training
from cadre_desktop.services.plans import BudgetLineInput
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.tables import select_row
from cadre_desktop.ui.targets.budget_dialog import BudgetDialog, LinesModel
from cadre_desktop.ui.targets.report_dialog import ReportDialog, default_range
from gui_support import OFFSCREEN_NOISE, wait_for_queries
from pdf_read import page_texts
from plan_fixture import Office
from rotation_gui_support import fix_today
from targets_gui import END_2025, make_office, open_targets, wait_for_pdf
from training_gui import open_class

pytestmark = OFFSCREEN_NOISE
ASSESSMENT = "Các lớp mở đúng kế hoạch; còn một cán bộ chuyên trách chưa được bồi dưỡng."


@pytest.fixture
def office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    fix_today(monkeypatch, END_2025)
    return make_office(db_path)


def _report(qtbot: QtBot, page: object) -> ReportDialog:
    page.report_button.click()  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, ReportDialog)
    _figures(qtbot, dialog)
    return dialog


def _figures(qtbot: QtBot, dialog: ReportDialog) -> None:
    wait_for_queries()
    qtbot.waitUntil(lambda: dialog.figures.text() != "Counting…", timeout=10000)


def test_the_yearly_report_its_draft_pdf_and_workbook(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, db_path: Path,
        office: Office) -> None:
    win, page = open_targets(qtbot, db_path)
    dialog = _report(qtbot, page)
    # By default the half year of the day counted to.
    assert (dialog.current_kind(), dialog.start.text(), dialog.end.text()) == (
        "six_month", "01/07/2025", "31/12/2025")
    dialog.set_kind("annual")
    _figures(qtbot, dialog)
    assert (dialog.start.text(), dialog.end.text()) == ("01/01/2025", "31/12/2025")
    assert dialog.figures.text() == (
        "I. Results in the range: 2 classes, 6 enrolments (6 people), 4 completed (66,7%); "
        "budget estimate 16.500.000 đồng, spent 14.000.000 đồng; 1 of 6 targets met.")
    assert dialog.subject.placeholderText() == \
        "Kết quả công tác đào tạo, bồi dưỡng cán bộ Đoàn năm 2025"
    dialog.number.setText("15")
    dialog.texts["assessment"].setPlainText(ASSESSMENT)
    dialog.texts["directions"].setPlainText("Mở lớp cho cán bộ chưa được bồi dưỡng.")

    dialog.pdf_button.click()  # the draft is saved first, then the PDF made
    pdf = wait_for_pdf(qtbot, dialog.printer)
    pages = page_texts(pdf)
    preview = dialog.printer.dialog
    assert preview is not None and preview.pages == len(pages) >= 2
    whole = " ".join(pages)
    assert "BÁO CÁO" in pages[0] and "Số: 15-BC" in pages[0]
    assert "năm 2025" in pages[0] and ASSESSMENT in whole
    assert "Nơi nhận" in pages[-1]
    preview.reject()
    db = open_database(db_path, read_only=True)
    draft = reports.get_draft(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "annual")
    db.close()
    assert (draft.number, draft.assessment) == ("15", ASSESSMENT)

    chosen = tmp_path / "bao-cao-2025"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(chosen))
    dialog.xlsx_button.click()
    qtbot.waitUntil(lambda: "Report written" in win.statusBar().currentMessage(),
                    timeout=20000)
    assert load_workbook(chosen.with_suffix(".xlsx"))["Tổng hợp"]["B5"].value == 2

    # Another range is another draft; coming back shows this one's text again.
    dialog.set_kind("six_month")
    _figures(qtbot, dialog)
    assert dialog.texts["assessment"].toPlainText() == "" and dialog.number.text() == ""
    dialog.set_kind("annual")
    _figures(qtbot, dialog)
    assert dialog.texts["assessment"].toPlainText() == ASSESSMENT
    dialog.texts["proposals"].setPlainText("Đề nghị Tỉnh đoàn hỗ trợ tài liệu.")
    dialog.reject()  # closing keeps what was typed
    db = open_database(db_path, read_only=True)
    draft = reports.get_draft(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "annual")
    db.close()
    assert draft.proposals == "Đề nghị Tỉnh đoàn hỗ trợ tài liệu."


def test_text_typed_before_the_dates_were_set_goes_with_them(
        qtbot: QtBot, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    dialog = _report(qtbot, page)  # the half year, no draft yet
    dialog.texts["assessment"].setPlainText(ASSESSMENT)
    dialog.set_range(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    _figures(qtbot, dialog)
    assert dialog.texts["assessment"].toPlainText() == ASSESSMENT and dialog.dirty()
    dialog.reject()
    db = open_database(db_path, read_only=True)
    drafts = [(d.start, d.end, d.assessment) for d in reports.list_drafts(db)]
    db.close()
    assert drafts == [(dt.date(2025, 1, 1), dt.date(2025, 12, 31), ASSESSMENT)]


def test_a_range_that_ends_before_it_starts_is_refused(
        qtbot: QtBot, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    dialog = _report(qtbot, page)
    dialog.set_range(dt.date(2025, 12, 31), dt.date(2025, 1, 1))
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "The range ends before it starts."
    assert not dialog.pdf_button.isEnabled() and not dialog.xlsx_button.isEnabled()
    dialog.end.setText("31/02/2025")
    dialog.end.editingFinished.emit()
    assert dialog.error.isVisibleTo(dialog) and not dialog.pdf_button.isEnabled()
    dialog.reject()


def test_the_usual_ranges_of_each_kind(db_path: Path, office: Office) -> None:
    db = open_database(db_path, read_only=True)
    (plan,) = plans.list_plans(db)  # 2025 - 2026
    db.close()
    on = dt.date(2026, 9, 15)
    assert default_range("six_month", on, plan) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert default_range("annual", on, plan) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert default_range("mid_term", on, plan) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert default_range("final", on, plan) == (plan.start, plan.end)
    assert default_range("final", on, None) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    five_years = replace(plan, start=dt.date(2023, 1, 1), end=dt.date(2027, 12, 31))
    assert default_range("mid_term", on, five_years) == (dt.date(2023, 1, 1),
                                                         dt.date(2025, 6, 30))


def test_a_class_budget_by_cost_item_from_the_class_details(
        qtbot: QtBot, qtmodeltester: object, db_path: Path, office: Office) -> None:
    win, _page = open_targets(qtbot, db_path)
    view = open_class(win, office.classes["A"])
    details = view.details
    details.budget_button.click()
    dialog = next(d for d in details.findChildren(BudgetDialog))
    wait_for_queries()
    qtbot.waitUntil(lambda: dialog.loaded != {})
    estimate, actual = dialog.stages["estimate"], dialog.stages["actual"]
    assert [estimate.lines.index(r, 5).data() for r in range(2)] == ["10.000.000", "1.500.000"]
    assert estimate.total.text() == "Total: 11.500.000 đồng"
    assert actual.total.text() == "Total: 10.000.000 đồng"
    qtmodeltester.check(estimate.lines)  # type: ignore[attr-defined]

    # An allowance line: the amount follows people × days × rate.
    dialog.tabs.setCurrentWidget(actual)
    select_row(actual.view, 1)
    assert actual.item.currentData() == "allowance" and actual.amount.isReadOnly()
    actual.people.setValue(3)
    assert actual.amount.amount() == 1_500_000
    actual.change_button.click()
    actual.item.setCurrentIndex(actual.item.findData("venue"))
    actual.rate.setText("")
    actual.people.setValue(0)
    actual.days.setValue(0)
    actual.amount.setText("2.000.000")
    actual.add_button.click()
    assert actual.total.text() == "Total: 12.500.000 đồng"
    actual.item.setCurrentIndex(actual.item.findData("allowance"))
    actual.rate.setText("100.000")  # allowances need people and days
    actual.add_button.click()
    assert actual.error.isVisibleTo(actual) and actual.lines.rowCount() == 3
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    db = open_database(db_path, read_only=True)
    cls = training.class_detail(db, office.classes["A"]).training_class
    lines = plans.budget_lines(db, office.classes["A"])
    db.close()
    assert (cls.budget_planned, cls.budget_actual) == (11_500_000, 12_500_000)
    assert [li.as_input() for li in lines if li.stage == "actual"] == [
        BudgetLineInput("lecturers", 9_000_000),
        BudgetLineInput("allowance", 1_500_000, "", 3, 5, 100_000),
        BudgetLineInput("venue", 2_000_000)]
    assert "spent 12.500.000" in details.summary.text()
    assert "Budget saved" in win.statusBar().currentMessage()


def test_the_budget_lines_model(qtmodeltester: object, qtbot: QtBot) -> None:
    model = LinesModel()
    model.set_rows([BudgetLineInput("lecturers", 10_000_000, "Hai báo cáo viên"),
                    BudgetLineInput("allowance", None, "", 40, 3, 100_000)])
    assert [model.index(1, c).data() for c in range(6)] == [
        "Allowances for participants (people × days)", "", "40", "3", "100.000", "12.000.000"]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
