"""Entering a plan on the Targets page like a clerk: a new plan with a yearly estimate, a
target of each kind typed into the target dialog and its figure on the page (the figures
plan_fixture traces by hand), the refusals shown at their field, a change to the plan,
and a target removed and brought back with Edit → Undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from cadre_desktop.services import plans
from cadre_desktop.store.db import open_database
from cadre_desktop.ui import messages
from cadre_desktop.ui.kit.fields import CheckList
from cadre_desktop.ui.kit.tables import select_row
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.targets.page import TargetsPage
from cadre_desktop.ui.targets.plan_dialog import PlanDialog
from cadre_desktop.ui.targets.target_dialog import TargetDialog
from cadre_desktop.ui.training.target_editor import ClauseDialog
from gui_support import OFFSCREEN_NOISE, type_text, wait_for_queries
from plan_fixture import Office
from rotation_gui_support import fix_today
from targets_gui import END_2025, make_office, open_targets, settle_page, texts

pytestmark = OFFSCREEN_NOISE
Accepted = QDialog.DialogCode.Accepted.value
CO_BAN = "Bồi dưỡng kiến thức, nghiệp vụ, kỹ năng Đoàn, Hội, Đội cơ bản"  # bd_co_ban


@pytest.fixture
def office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    fix_today(monkeypatch, END_2025)
    return make_office(db_path)


def fill(field: QLineEdit, text: str) -> None:
    """Type into a field and leave it, as a clerk does."""
    field.setFocus()
    field.clear()
    type_text(field, text)
    field.editingFinished.emit()


def tick(checks: CheckList, *labels: str) -> None:
    for i in range(checks.count()):
        item = checks.item(i)
        if item.text() in labels:
            item.setCheckState(Qt.CheckState.Checked)


def group_of(monkeypatch: pytest.MonkeyPatch, dialog: TargetDialog, **codes: tuple[str, ...]
             ) -> None:
    """Add one condition to the target group with the clause dialog's pickers."""
    def answer(clause: ClauseDialog) -> int:
        for part, chosen in codes.items():
            getattr(clause, part).set_codes(chosen)
        return Accepted

    monkeypatch.setattr(ClauseDialog, "exec", answer)
    dialog.group.add_button.click()


def open_dialog(qtbot: QtBot, page: TargetsPage, clicked: str) -> QDialog:
    getattr(page.plan_actions, clicked).click()
    wait_for_queries()
    qtbot.waitUntil(lambda: page.plan_actions.dialog is not None
                    and page.plan_actions.dialog.isVisible(), timeout=10000)
    dialog = page.plan_actions.dialog
    assert dialog is not None
    return dialog


def new_target(qtbot: QtBot, page: TargetsPage, name: str, kind: str) -> TargetDialog:
    page.plan_actions.dialog = None
    dialog = open_dialog(qtbot, page, "new_target_button")
    assert isinstance(dialog, TargetDialog)
    fill(dialog.name, name)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    return dialog


def saved(qtbot: QtBot, page: TargetsPage, dialog: QDialog) -> None:
    dialog.save_button.click()  # type: ignore[attr-defined]
    assert not dialog.isVisible(), dialog.error.text()  # type: ignore[attr-defined]
    settle_page(qtbot, page)


def row_of(page: TargetsPage, name: str) -> list[str]:
    row = texts(page.table, 0).index(name)
    return [texts(page.table, c)[row] for c in (1, 2, 3)]


def add_plan(qtbot: QtBot, page: TargetsPage, qtmodeltester: object) -> None:
    dialog = open_dialog(qtbot, page, "new_plan_button")
    assert isinstance(dialog, PlanDialog)
    qtmodeltester.check(dialog.rows)  # type: ignore[attr-defined]
    assert dialog.years_hint.text() == "Type the period to set its yearly plans."
    fill(dialog.number, "20-KH/ĐTN")
    fill(dialog.name, "Kế hoạch bồi dưỡng cán bộ Đoàn năm 2025 - 2026")
    fill(dialog.issuer, "Ban Thường vụ Tỉnh đoàn")
    fill(dialog.start, "01/01/2025")
    fill(dialog.end, "31/12/2026")
    assert texts(dialog.view, 0) == ["2025", "2026"]
    select_row(dialog.view, 0)
    fill(dialog.estimate, "12000000")
    fill(dialog.year_note, "Kế hoạch năm 2025")
    dialog.set_button.click()
    assert texts(dialog.view, 1) == ["12.000.000 đồng", "—"]
    qtmodeltester.check(dialog.rows)  # type: ignore[attr-defined]
    saved(qtbot, page, dialog)


def test_a_clerk_enters_a_plan_with_a_year_and_a_target_of_each_kind(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, qtmodeltester: object, db_path: Path,
        office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    add_plan(qtbot, page, qtmodeltester)
    assert "20-KH/ĐTN" in page.plan.currentText() and page.plan.count() == 2
    assert page.targets.rowCount() == 0 and "0 of 0 targets met" in page.plan_info.text()
    assert page.budget.years.rows()[0].estimate == 12_000_000

    dialog = new_target(qtbot, page, "Cán bộ chuyên trách được bồi dưỡng", "coverage")
    group_of(monkeypatch, dialog, working_status=("chuyen_trach",))
    tick(dialog.programmes, CO_BAN)
    assert dialog.goal.suffix() == " %"
    dialog.goal.setValue(100)
    saved(qtbot, page, dialog)
    assert row_of(page, "Cán bộ chuyên trách được bồi dưỡng") == [
        "66,7% (2/3)", "100%", "Not yet"]
    assert page.detail.figures is not None and page.detail.figures.denominator == 3

    dialog = new_target(qtbot, page, "Lý luận chính trị từ trung cấp", "share")
    assert not dialog.programmes.isVisibleTo(dialog)
    group_of(monkeypatch, dialog,
             working_status=("chuyen_trach", "ban_chuyen_trach", "kiem_nhiem"))
    dialog.attribute.setCurrentIndex(dialog.attribute.findData("theory_level"))
    levels = dialog._level_pickers["theory_level"]
    levels.setCurrentIndex(levels.findText("Trung cấp"))
    assert dialog.level_label.text() == "at least:"
    dialog.goal.setValue(50)
    saved(qtbot, page, dialog)
    assert row_of(page, "Lý luận chính trị từ trung cấp") == ["28,6% (2/7)", "50%", "Not yet"]

    dialog = new_target(qtbot, page, "Tổ chức 4 lớp", "count")
    dialog.measure.setCurrentIndex(dialog.measure.findData("classes"))
    assert not dialog.layout_form.isRowVisible(dialog.group)
    assert dialog.goal.suffix() == "" and dialog.goal.decimals() == 0
    dialog.goal.setValue(4)
    saved(qtbot, page, dialog)
    assert row_of(page, "Tổ chức 4 lớp") == ["2 lớp", "4 lớp", "Not yet"]

    dialog = new_target(qtbot, page, "Kinh phí không vượt dự toán năm", "budget")
    assert dialog.goal_hint.text() == ("12.000.000 đồng of the plan's yearly estimates "
                                       "(12.000.000 đồng in all).")
    dialog.goal.setValue(100)
    dialog.at_most.setChecked(True)
    dialog.period.setCurrentIndex(dialog.period.findData("year"))
    saved(qtbot, page, dialog)
    # A spent 10.000.000 and C 4.000.000 in 2025 against the estimate of 12.000.000.
    assert row_of(page, "Kinh phí không vượt dự toán năm") == ["116,7%", "≤ 100%", "Not yet"]
    budget = page.targets.rowCount() - 1  # the amounts are in the row's tooltip
    assert "116,7% (14.000.000 / 12.000.000 đồng)" in page.targets.index(budget, 1).data(
        Qt.ItemDataRole.ToolTipRole)
    assert texts(page.table, 0)[-1] == "Kinh phí không vượt dự toán năm"  # added last
    assert "0 of 4 targets met" in page.plan_info.text()
    qtmodeltester.check(page.targets)  # type: ignore[attr-defined]

    db = open_database(db_path, read_only=True)
    try:
        labels = [r[0] for r in db.conn.execute("SELECT label FROM txn ORDER BY id DESC"
                                                " LIMIT 5")]
    finally:
        db.close()
    assert labels[0] == "Thêm chỉ tiêu Kinh phí không vượt dự toán năm"
    assert labels[4] == "Thêm kế hoạch Kế hoạch bồi dưỡng cán bộ Đoàn năm 2025 - 2026"


def test_refusals_point_at_their_field(qtbot: QtBot, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    dialog = open_dialog(qtbot, page, "new_plan_button")
    assert isinstance(dialog, PlanDialog)
    fill(dialog.name, "Kế hoạch lỗi")
    fill(dialog.start, "01/01/2026")
    fill(dialog.end, "31/12/2025")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "Kế hoạch phải kết thúc sau ngày bắt đầu"
    assert dialog.end.hasFocus()
    fill(dialog.end, "31/12/2026")
    fill(dialog.number, "12-kh/tđtn")  # the fixture's plan, typed in other letters
    dialog.save_button.click()
    assert dialog.error.text().startswith("Đã có kế hoạch số 12-KH/TĐTN")
    assert dialog.number.hasFocus()
    fill(dialog.number, "")
    fill(dialog.estimate, "mười triệu")
    dialog.save_button.click()
    assert dialog.error.text() == "'mười triệu' không phải số tiền (đồng)"
    dialog.reject()

    dialog = new_target(qtbot, page, "Không chương trình", "coverage")
    dialog.save_button.click()
    assert dialog.error.text() == "Chỉ tiêu bồi dưỡng cần ít nhất một chương trình"
    assert dialog.programmes.hasFocus()
    fill(dialog.name, "100% cán bộ chuyên trách được bồi dưỡng")  # the plan has it already
    tick(dialog.programmes, CO_BAN)
    dialog.save_button.click()
    assert dialog.error.text().startswith("Kế hoạch đã có chỉ tiêu")
    fill(dialog.name, "Tỷ lệ mới")
    fill(dialog.start, "01/01/2024")
    dialog.save_button.click()
    assert dialog.error.text().startswith("Thời gian của chỉ tiêu phải nằm trong")
    assert dialog.start.hasFocus()
    dialog.kind.setCurrentIndex(dialog.kind.findData("share"))
    fill(dialog.start, "")
    dialog.save_button.click()
    assert dialog.error.text() == "Tiêu chí cần một mức tối thiểu hoặc một danh sách mã"
    dialog.reject()
    assert page.targets.rowCount() == 6


def test_control_characters_are_refused_naming_the_field(qtbot: QtBot, db_path: Path,
                                                         office: Office) -> None:
    """The dialogs say what the services say (a text a bundle would refuse), pointing at
    the field and never showing the character."""
    _win, page = open_targets(qtbot, db_path)
    dialog = open_dialog(qtbot, page, "new_plan_button")
    assert isinstance(dialog, PlanDialog)
    dialog.name.setText("Kế hoạch \u202eabc")  # pasted: no key types it
    fill(dialog.start, "01/01/2027")
    fill(dialog.end, "31/12/2027")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == ("Tên kế hoạch có ký tự điều khiển hoặc ký tự đảo chiều "
                                   "văn bản (U+202E), không nhận: hãy gõ lại ô này")
    assert dialog.name.hasFocus()
    fill(dialog.name, "Kế hoạch 2027")
    dialog.issuer.setText("Ban \u0007Thường vụ")
    dialog.save_button.click()
    assert dialog.error.text().startswith("Cơ quan ban hành có ký tự điều khiển")
    assert "\u0007" not in dialog.error.text() and dialog.issuer.hasFocus()
    dialog.reject()
    dialog = new_target(qtbot, page, "Số lớp", "count")
    dialog.name.setText("Số lớp \u202emở")
    dialog.save_button.click()
    assert dialog.error.text().startswith("Tên chỉ tiêu có ký tự điều khiển")
    assert "\u202e" not in dialog.error.text() and dialog.name.hasFocus()
    dialog.reject()
    names = [p.name for p in plans.list_plans(page._db)]  # type: ignore[attr-defined]
    assert "Kế hoạch 2027" not in names and not any("\u202e" in n for n in names)


def test_changing_the_plan_and_removing_a_target_with_undo(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, db_path: Path, office: Office) -> None:
    win, page = open_targets(qtbot, db_path)
    dialog = open_dialog(qtbot, page, "edit_plan_button")
    assert isinstance(dialog, PlanDialog)
    assert dialog.name.text() == "Kế hoạch bồi dưỡng cán bộ Đoàn 2025 - 2026"
    assert texts(dialog.view, 1) == ["12.000.000 đồng", "20.000.000 đồng"]
    fill(dialog.end, "31/12/2025")
    assert dialog.years_hint.text() == ("The yearly plans of 2026 are outside the period and "
                                        "will be removed when the plan is saved.")
    fill(dialog.end, "31/12/2027")
    select_row(dialog.view, 2)
    fill(dialog.estimate, "25.000.000 đ")
    saved(qtbot, page, dialog)
    db = open_database(db_path, read_only=True)
    try:
        years = [(y.year, y.budget_estimate) for y in plans.years(db, office.plan_id)]
    finally:
        db.close()
    assert years == [(2025, 12_000_000), (2026, 20_000_000), (2027, 25_000_000)]
    assert "period 2025 - 2027" in page.plan_info.text()

    name = "4 lớp"
    select_row(page.table, texts(page.table, 0).index(name))
    answers: list[str] = []

    def confirm(_parent: object, _title: str, text: str, _yes: str | None = None) -> bool:
        answers.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    page.plan_actions.remove_target_button.click()
    settle_page(qtbot, page)
    assert answers and "“4 lớp”" in answers[0]
    assert name not in texts(page.table, 0) and page.targets.rowCount() == 5
    assert isinstance(win, MainWindow)
    assert win.undo_action.text() == "&Undo: Xóa chỉ tiêu 4 lớp"
    win.undo()
    settle_page(qtbot, page)
    assert name in texts(page.table, 0) and page.targets.rowCount() == 6


def test_a_target_is_changed_in_place(qtbot: QtBot, db_path: Path, office: Office) -> None:
    _win, page = open_targets(qtbot, db_path)
    select_row(page.table, texts(page.table, 0).index("4 lớp"))
    wait_for_queries()
    dialog = open_dialog(qtbot, page, "edit_target_button")
    assert isinstance(dialog, TargetDialog)
    assert dialog.windowTitle() == "Edit target"
    assert dialog.kind.currentData() == "count" and dialog.goal.value() == 4
    dialog.goal.setValue(2)
    fill(dialog.name, "2 lớp")
    saved(qtbot, page, dialog)
    assert row_of(page, "2 lớp") == ["2 lớp", "2 lớp", "Met"]
    assert page.targets.rowCount() == 6
