"""The Targets page driven like a clerk: choose the plan and the day, read each target's
bar and figures, drill down to the units and the people, enrol those not yet met into a
class (seeing who was enrolled, who waits and who was refused, and why), export and
print the list. Every figure is the one plan_fixture traces by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from cadre_desktop.domain.person import PersonInput
from cadre_desktop.services import enrolment, plans, training
from cadre_desktop.store import offices, units
from cadre_desktop.store.db import open_database
from cadre_desktop.store.people import create_person
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.tables import select_row
from cadre_desktop.ui.targets.detail import EVERYONE, MET
from cadre_desktop.ui.targets.enrol_dialog import EnrolUnmetDialog
from cadre_desktop.ui.targets.report_dialog import ReportDialog
from gui_support import OFFSCREEN_NOISE, wait_for_queries
from pdf_read import page_texts
from plan_fixture import Office
from rotation_gui_support import fix_today
from targets_gui import (
    END_2025,
    ROWS,
    choose,
    make_office,
    open_targets,
    settle_page,
    texts,
    wait_for_pdf,
)

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    fix_today(monkeypatch, END_2025)
    return make_office(db_path)


def test_the_plan_its_bars_and_a_target_unit_by_unit_and_person_by_person(
        qtbot: QtBot, qtmodeltester: object, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    assert page.plan.count() == 1 and "12-KH/TĐTN" in page.plan.currentText()
    assert page.on_field.text() == "31/12/2025"
    assert "1 of 6 targets met" in page.plan_info.text()
    assert texts(page.table, 0)[ROWS["coverage"]] == "100% cán bộ chuyên trách được bồi dưỡng"
    assert [texts(page.table, c)[ROWS["coverage"]] for c in (1, 2, 3)] == [
        "66,7% (2/3)", "100%", "Not yet"]
    assert [texts(page.table, c)[ROWS["classes"]] for c in (1, 2, 3)] == [
        "2 lớp", "4 lớp", "Not yet"]
    assert texts(page.table, 3)[ROWS["lượt"]] == "Met"  # 3 lượt of kiêm nhiệm in 2025
    # Each target a bar against the goal line at 100%, its value and goal beside it.
    chart = page.chart
    assert chart.labels[ROWS["coverage"]] == "1. 66,7% / 100%"
    assert chart.labels[ROWS["classes"]] == "2. 2 / 4"
    assert chart.labels[ROWS["budget"]].startswith("6. 116,7% / ≤ 100%")
    bars, goal = chart.chart().series()
    (bar_set,) = bars.barSets()
    bottom_up = list(reversed(page.targets.rows()))
    assert [round(bar_set.at(i), 1) for i in range(bar_set.count())] == [
        round(100 * (f.value or 0) / f.goal, 1) for f in bottom_up]
    assert bar_set.at(len(bottom_up) - 1 - ROWS["lượt"]) == 150.0
    # A met target's bar is drawn in the "selected" colour (green), the others orange.
    assert bar_set.selectedBars() == [len(bottom_up) - 1 - ROWS["lượt"]]
    assert [(goal.at(i).x(), goal.at(i).y()) for i in range(goal.count())] == [
        (100.0, -0.5), (100.0, 5.5)]
    for model in (page.targets, page.detail.units, page.detail.people, page.detail.classes,
                  page.budget.years):
        qtmodeltester.check(model)  # type: ignore[attr-defined]

    choose(qtbot, page, "coverage")  # the first row is chosen when the page opens
    detail = page.detail
    assert detail.title.text() == "100% cán bộ chuyên trách được bồi dưỡng"
    assert "66,7% (2/3) against a goal of 100%" in detail.summary.text()
    assert [detail.tabs.isTabVisible(i) for i in range(4)] == [True, False, True, False]
    assert list(zip(texts(detail.units_view, 0), texts(detail.units_view, 1),
                    texts(detail.units_view, 2), texts(detail.units_view, 3),
                    strict=True)) == [("Tỉnh đoàn Bình Thuận", "1", "1", "100%"),
                                      ("Đoàn xã Hòa Thắng", "1", "2", "50%")]
    assert texts(detail.people_view, 0) == ["Bùi Thị Hoa"]  # not yet met, by default
    assert detail.people_count.text() == "1 of 3 people in the group: 2 met, 1 not yet"
    detail.which.setCurrentIndex(detail.which.findData(EVERYONE))
    assert texts(detail.people_view, 0) == ["Nguyễn Văn An", "Lê Văn Cường", "Bùi Thị Hoa"]
    assert texts(detail.people_view, 3) == ["Met", "Met", "Not yet"]
    detail.which.setCurrentIndex(detail.which.findData(MET))
    assert texts(detail.people_view, 0) == ["Nguyễn Văn An", "Lê Văn Cường"]
    qtmodeltester.check(detail.people)  # type: ignore[attr-defined]
    assert detail.enrol_button.isEnabled() and detail.print_button.isEnabled()

    # Clicking the second bar (from the top) opens the classes that target counts.
    bars.clicked.emit(len(bottom_up) - 1 - ROWS["classes"], bar_set)
    qtbot.waitUntil(lambda: detail.figures is not None and detail.figures.kind == "count")
    assert page.table.currentIndex().row() == ROWS["classes"]
    assert [detail.tabs.isTabVisible(i) for i in range(4)] == [False, False, False, True]
    assert texts(detail.classes_view, 0) == ["Lớp A", "Lớp C"]
    assert texts(detail.classes_view, 4) == ["11.500.000 đồng", "5.000.000 đồng"]
    assert detail.enrol_button.isHidden()
    assert detail.print_button.text() == "&Print the figures…"
    qtmodeltester.check(detail.classes)  # type: ignore[attr-defined]

    # A year later Hoa has completed class B: the coverage target is met.
    page.set_on(dt.date(2026, 12, 31))
    settle_page(qtbot, page)
    assert texts(page.table, 3)[ROWS["coverage"]] == "Met"
    assert page.targets.rows()[ROWS["classes"]].id == detail.brief.id  # type: ignore[union-attr]
    assert page.chart.labels[ROWS["coverage"]] == "1. 100% / 100%"


def test_the_plan_budget_year_by_year_and_a_yearly_estimate(
        qtbot: QtBot, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    page.tabs.setCurrentIndex(1)
    budget = page.budget
    assert texts(budget.view, 0) == ["2025", "2026"]
    assert texts(budget.view, 1) == ["12.000.000 đồng", "20.000.000 đồng"]
    assert texts(budget.view, 4) == ["14.000.000 đồng", "7.000.000 đồng"]
    assert texts(budget.view, 5) == ["116,7%", "35%"]
    assert budget.years.data(budget.years.index(0, 5), 8) is not None  # over: highlighted
    assert "Yearly estimates of the plan: 32.000.000 đồng" in budget.totals.text()
    select_row(budget.view, 1)
    assert budget.year_label.text() == "Estimate for 2026:"
    budget.estimate.setText("1.340.000.000")
    budget.save_button.click()
    settle_page(qtbot, page)
    assert texts(budget.view, 1)[1] == "1.340.000.000 đồng"
    db = open_database(db_path, read_only=True)
    assert plans.plan_overview(db, office.plan_id).years[1].estimate == 1_340_000_000
    db.close()


def _enrol_dialog(qtbot: QtBot, page: object, key: str) -> EnrolUnmetDialog:
    choose(qtbot, page, key)  # type: ignore[arg-type]
    page.detail.enrol_button.click()  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, EnrolUnmetDialog)
    wait_for_queries()
    qtbot.waitUntil(lambda: not dialog.busy)
    return dialog


def test_enrol_the_people_not_yet_met_into_a_class(
        qtbot: QtBot, qtmodeltester: object, db_path: Path, office: Office) -> None:
    db = open_database(db_path)  # class O (one seat) already has Cường: Hoa will wait
    enrolment.enrol_many(db, office.classes["O"], [office.person("Cường")])
    db.close()
    win, page = open_targets(qtbot, db_path)
    dialog = _enrol_dialog(qtbot, page, "coverage")
    assert [c.class_id for c in dialog.choices] == [office.classes["O"]]
    assert dialog.classes.currentText().startswith("Lớp O — ")
    # A class of the target's programme: completing it counts.
    assert dialog.warning.text() == \
        "Programme: Bồi dưỡng kiến thức, nghiệp vụ, kỹ năng Đoàn, Hội, Đội cơ bản."
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert texts(dialog.view, 0) == ["Bùi Thị Hoa"]
    assert texts(dialog.view, 1) == ["On the waiting list"]
    assert dialog.summary.text() == "0 enrolled, 1 on the waiting list, 0 not enrolled."
    assert not dialog.enrol_button.isEnabled()
    qtmodeltester.check(dialog.outcomes)  # type: ignore[attr-defined]
    assert "Lớp O" in win.statusBar().currentMessage()
    dialog.reject()

    # Again: Hoa is refused, with the reason.
    dialog = _enrol_dialog(qtbot, page, "coverage")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert list(zip(texts(dialog.view, 0), texts(dialog.view, 1), texts(dialog.view, 2),
                    strict=True)) == [("Bùi Thị Hoa", "Not enrolled",
                                       "Đã ở danh sách chờ của lớp")]
    dialog.reject()

    # Some of the share target's people are outside the class programme's group: they
    # need a reason; the others go on the waiting list, one action for all.
    dialog = _enrol_dialog(qtbot, page, "share")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    outside = ("Không thuộc đối tượng của chương trình 'Bồi dưỡng kiến thức, nghiệp vụ, kỹ "
               "năng Đoàn, Hội, Đội cơ bản'; cần ghi lý do để ghi danh người ngoài đối tượng")
    assert list(zip(texts(dialog.view, 0), texts(dialog.view, 1), texts(dialog.view, 2),
                    strict=True)) == [
        ("Đỗ Thị Giang", "On the waiting list", ""),
        ("Lê Văn Cường", "Not enrolled", "Đã có tên trong lớp"),
        ("Phạm Thị Dung", "Not enrolled", outside),
        ("Bùi Thị Hoa", "Not enrolled", "Đã ở danh sách chờ của lớp"),
        ("Lý Thị Ngọc", "Not enrolled", outside)]
    dialog.reject()
    dialog = _enrol_dialog(qtbot, page, "share")
    dialog.reason.setText("Cán bộ nguồn")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert [n for n, what in zip(texts(dialog.view, 0), texts(dialog.view, 1), strict=True)
            if what == "On the waiting list"] == ["Phạm Thị Dung", "Lý Thị Ngọc"]
    dialog.reject()
    dialog.reject()


def test_enrol_into_a_free_class_then_the_figures_follow(
        qtbot: QtBot, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    dialog = _enrol_dialog(qtbot, page, "coverage")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert list(zip(texts(dialog.view, 0), texts(dialog.view, 1), strict=True)) == [
        ("Bùi Thị Hoa", "Enrolled")]
    dialog.reject()
    settle_page(qtbot, page)
    db = open_database(db_path, read_only=True)
    participants = training.class_detail(db, office.classes["O"]).participants
    db.close()
    assert [(p.person_id, p.status) for p in participants] == [
        (office.person("Hoa"), "enrolled")]
    # Enrolled is not completed: Hoa still does not count, and is still on the list.
    choose(qtbot, page, "coverage")
    assert texts(page.detail.people_view, 0) == ["Bùi Thị Hoa"]


def test_export_and_print_the_people_not_yet_met(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, db_path: Path,
        office: Office) -> None:
    win, page = open_targets(qtbot, db_path)
    choose(qtbot, page, "coverage")
    chosen = tmp_path / "chua-dat"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(chosen))
    page.detail.export_button.click()
    workbook = chosen.with_suffix(".xlsx")
    qtbot.waitUntil(lambda: "Exported" in win.statusBar().currentMessage(), timeout=20000)
    names = [r[1] for r in load_workbook(workbook)["Chưa đạt"].iter_rows(min_row=3,
                                                                          values_only=True)]
    assert names == ["Bùi Thị Hoa"]
    assert str(workbook) in win.statusBar().currentMessage()

    page.detail.print_button.click()
    pdf = wait_for_pdf(qtbot, page.printer)
    pages = page_texts(pdf)
    assert page.printer.dialog is not None and page.printer.dialog.pages == len(pages) == 1
    assert "Bùi Thị Hoa" in pages[0] and "Nguyễn Văn An" not in pages[0]
    assert "Tổng số: 1 người" in pages[0]
    page.printer.dialog.reject()


def test_a_province_sees_its_offices(qtbot: QtBot, qtmodeltester: object, db_path: Path,
                                     office: Office) -> None:
    """A province's database holds its child offices' people: the figures count them, and
    the target shows office by office, each person with their office."""
    db = open_database(db_path)
    child = "99999999-9999-4999-8999-999999999999"
    with db.write("child office") as tx:
        offices.ensure_office(tx, child, "XA-MOI", "Đoàn xã Mới", db.office_id)
        root = units.create_unit(tx, "Đoàn xã Mới", None, "Đoàn xã/phường")
        tx.update("unit", root.id, {"office_id": child})
        for given in ("Tâm", "Trí"):
            pid = create_person(tx, PersonInput("Nguyễn Văn", given, "M", unit_id=root.id,
                                                working_status="chuyen_trach"))
            tx.update("person", pid, {"office_id": child})
    db.close()
    _win, page = open_targets(qtbot, db_path)
    choose(qtbot, page, "coverage")
    detail = page.detail
    assert texts(page.table, 1)[ROWS["coverage"]] == "40% (2/5)"
    assert detail.tabs.isTabVisible(detail.OFFICES)
    assert list(zip(texts(detail.offices_view, 0), texts(detail.offices_view, 2),
                    texts(detail.offices_view, 3), texts(detail.offices_view, 4),
                    strict=True)) == [("", "2", "3", "66,7%"), ("XA-MOI", "0", "2", "0%")]
    qtmodeltester.check(detail.offices)  # type: ignore[attr-defined]
    assert not detail.people_view.isColumnHidden(2)
    assert sorted(zip(texts(detail.people_view, 0), texts(detail.people_view, 2),
                      strict=True)) == [("Bùi Thị Hoa", ""), ("Nguyễn Văn Trí", "XA-MOI"),
                                        ("Nguyễn Văn Tâm", "XA-MOI")]
    detail.offices.sort(4)
    assert texts(detail.offices_view, 0) == ["XA-MOI", ""]

    # The province narrows the page to one office: its figures, its people only.
    assert page.offices.isVisibleTo(page) and page.offices.count() == 2
    page.offices.setCurrentIndex(page.offices.findData(child))
    page.offices.activated.emit(page.offices.currentIndex())
    settle_page(qtbot, page)
    choose(qtbot, page, "coverage")
    assert texts(page.table, 1)[ROWS["coverage"]] == "0% (0/2)"
    assert texts(detail.people_view, 0) == ["Nguyễn Văn Tâm", "Nguyễn Văn Trí"]
    dialog = _enrol_dialog(qtbot, page, "coverage")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert list(zip(texts(dialog.view, 0), texts(dialog.view, 1), strict=True)) == [
        ("Nguyễn Văn Tâm", "Enrolled"), ("Nguyễn Văn Trí", "On the waiting list")]
    dialog.reject()
    page.report_button.click()  # the report of that office: it held no class
    report = page.dialog
    assert isinstance(report, ReportDialog) and report.office == child
    wait_for_queries()
    qtbot.waitUntil(lambda: report.report is not None, timeout=10000)
    assert report.report is not None and report.report.classes == 0
    assert report.figures.text().startswith("I. Results in the range: 0 classes")
    report.reject()


def test_an_office_without_a_plan(qtbot: QtBot, db_path: Path) -> None:
    open_database(db_path).close()
    _win, page = open_targets(qtbot, db_path)
    assert page.plan.count() == 0 and not page.plan.isEnabled()
    assert page.plan_info.text() == "This office has no plan with targets yet."
    assert page.targets.rowCount() == 0 and page.chart.chart().series() == []
    assert not any(b.isEnabled() for b in page.detail.buttons())


def test_a_target_naming_a_deleted_programme_says_so(
        qtbot: QtBot, db_path: Path, office: Office) -> None:
    db = open_database(db_path)
    co_ban = plans.targets(db, office.plan_id)[ROWS["coverage"]].programmes[0]
    training.set_class_status(db, office.classes["O"], "cancelled")
    training.delete_programme(db, co_ban)
    db.close()
    _win, page = open_targets(qtbot, db_path)
    assert texts(page.table, 1)[ROWS["coverage"]] == "—"
    assert texts(page.table, 3)[ROWS["coverage"]] == "—"
    assert page.chart.labels[ROWS["coverage"]] == "1. —"
    assert "đã xóa hoặc không tồn tại" in page.detail.summary.text()
    assert not page.detail.export_button.isEnabled()
    assert not page.detail.print_button.isEnabled()
    assert texts(page.table, 3)[ROWS["lượt"]] == "Met"  # the others are still counted
