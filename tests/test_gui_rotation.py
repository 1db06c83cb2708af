"""The rotations page as the clerk uses it: candidates ranked with their reasons, a
proposal refused until the Standing Committee's decision is recorded, the stored check,
the life cycle, both parts of an evaluation, what is due, and the rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.services import rotation as svc
from cadre_desktop.store import rotation_evaluations, rotations
from cadre_desktop.ui import messages
from cadre_desktop.ui.form_widgets import qdate
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.rotation.action_dialogs import (
    ChangeEndDialog,
    HostEvaluationDialog,
    ReportDialog,
    StartDialog,
)
from cadre_desktop.ui.rotation.candidates_model import FIRST_RULE, VERDICT
from cadre_desktop.ui.rotation.page import CANDIDATES_TAB, ROTATIONS_TAB, RotationPage
from cadre_desktop.ui.rotation.propose_dialog import OverrideBox, ProposeDialog
from cadre_desktop.ui.rotation.rules_dialog import RulesDialog
from cadre_desktop.ui.rotation.words import RULE_KEYS
from gui_support import OFFSCREEN_NOISE, type_text, wait_for_queries
from rotation_gui_support import column_texts, fix_today, make_office, open_window, select_row
from rotation_helpers import Office

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE

AGE_COLUMN = FIRST_RULE + RULE_KEYS.index("age")


@pytest.fixture
def rot_office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    fix_today(monkeypatch, dt.date(2024, 12, 15))  # planning the 2025 intake
    db, office = make_office(db_path)
    db.close()
    return office


@pytest.fixture
def win(qtbot: QtBot, db_path: Path, rot_office: Office) -> MainWindow:
    return open_window(qtbot, db_path)


@pytest.fixture
def page(win: MainWindow) -> RotationPage:
    win.open_page("rotations")
    found = win.feature_pages["rotations"]
    assert isinstance(found, RotationPage) and found.isVisible()
    wait_for_queries()  # the candidates and the due evaluations are read off the GUI thread
    return found


def window_of(page: RotationPage) -> MainWindow:
    win = page.window()
    assert isinstance(win, MainWindow)
    return win


def open_propose(page: RotationPage, name: str, office: Office) -> ProposeDialog:
    row = page.candidates.row_of_person(office.people[name])
    select_row(page.candidates_view, row)
    page.propose_current_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ProposeDialog) and dialog.isVisible()
    dialog.host_unit.set_code(office.hosts[0].id)
    return dialog


def test_candidates_are_ranked_with_their_reasons(qtmodeltester: ModelTester,
                                                  page: RotationPage, rot_office: Office) -> None:
    assert page.year.value() == 2025
    qtmodeltester.check(page.candidates)
    names = column_texts(page.candidates_view, 0)
    assert names[:2] == ["Nguyễn Văn An", "Trần Thị Bình"]  # eligible, in official order
    assert names[-1] == "Lê Văn Cường"  # two conditions fail
    assert not any(n.startswith("Đoàn Thị") for n in names)
    assert page.candidates.index(0, VERDICT).data() == "Eligible"
    assert page.tabs.tabText(CANDIDATES_TAB) == "Candidates 2025 (2 eligible)"
    # the first (eligible) person is chosen and explained
    assert "Nguyễn Văn An — eligible" in page.reasons.text()
    # a failing rule: the icon's tooltip and the side panel give the Vietnamese reason
    row = names.index("Lê Văn Cường")
    tooltip = page.candidates.index(row, AGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "Không quá 30 tuổi — Not met" in tooltip and "quá 30 tuổi" in tooltip
    select_row(page.candidates_view, row)
    reasons = page.reasons.plain_text()
    assert "Không quá 30 tuổi: Not met — 35 tuổi tính theo năm 2025" in reasons
    assert "Năm 2023 xếp loại Hoàn thành nhiệm vụ" in reasons
    page.year.setValue(2026)
    assert page.tabs.tabText(CANDIDATES_TAB) == "Candidates 2026 (reading…)"
    assert not page.propose_action.isEnabled()  # proposing waits for the year's list
    wait_for_queries()
    assert page.propose_action.isEnabled()
    assert page.tabs.tabText(CANDIDATES_TAB).startswith("Candidates 2026")
    qtmodeltester.check(page.candidates)


def test_an_ineligible_cadre_needs_the_committees_decision(
        qtmodeltester: ModelTester, qtbot: QtBot, page: RotationPage, rot_office: Office) -> None:
    dialog = open_propose(page, "Lê Văn Cường", rot_office)
    box = dialog.findChild(OverrideBox, "override_eligibility")
    assert box is not None and box.isVisible()
    assert "Chưa đủ điều kiện" in box.message.text()
    assert "Không quá 30 tuổi" in dialog.check_view.plain_text()

    dialog.propose_button.click()  # no decision recorded: refused
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Not recorded" in dialog.error.text()
    assert rotations.list_rotations(window_of(page).db) == []

    type_text(box.decision_no, "25-QĐ/TĐTN")
    dialog.propose_button.click()  # a decision without a reason is not enough
    assert dialog.isVisible() and "lý do" in dialog.error.text()
    type_text(box.reason, "Ban Thường vụ xem xét cụ thể")
    dialog.propose_button.click()
    assert not dialog.isVisible()

    db = window_of(page).db
    [made] = rotations.list_rotations(db)
    assert made.full_name == "Lê Văn Cường" and made.status == "proposed" and not made.eligible
    assert page.tabs.currentIndex() == ROTATIONS_TAB
    assert page.current_rotation() == made
    qtmodeltester.check(page.rotations)
    assert page.rotations.index(0, page.rotations.CHECK).data() == "By decision"
    # the check made at the proposal stays visible, with the decision that overrode it
    stored = page.detail.check_view.plain_text()
    assert "Không quá 30 tuổi: Not met" in stored
    assert "25-QĐ/TĐTN" in page.detail.decisions.text()
    assert "Proposed a rotation for Lê Văn Cường" in window_of(page).statusBar().currentMessage()
    assert window_of(page).undo_action.isEnabled()
    # the year's candidates no longer list a cadre already proposed
    wait_for_queries()
    assert "Lê Văn Cường" not in column_texts(page.candidates_view, 0)


def test_life_cycle_and_both_parts_of_an_evaluation(
        monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester, qtbot: QtBot,
        page: RotationPage, rot_office: Office) -> None:
    db = window_of(page).db
    dialog = open_propose(page, "Nguyễn Văn An", rot_office)
    assert dialog.no_issues.isVisible()
    type_text(dialog.decision_no, "12-QĐ/TĐTN")  # decided already: approved at once
    dialog.propose_button.click()
    rotation = page.current_rotation()
    assert rotation is not None and rotation.status == "approved"
    assert not page.lifecycle.approve.isEnabled() and page.lifecycle.start.isEnabled()

    page.lifecycle.start.trigger()
    start = page.lifecycle.dialog
    assert isinstance(start, StartDialog)
    start.ok_button.click()
    assert svc.get(db, rotation.id).status == "active"
    assert page.lifecycle.complete.isEnabled()

    detail = page.detail
    qtmodeltester.check(detail.model)
    assert column_texts(detail.table, 0) == ["Six-month evaluation 1", "Final evaluation"]
    select_row(detail.table, 0)
    detail.report_button.click()
    report = detail.dialog
    assert isinstance(report, ReportDialog)
    report.received.setDate(qdate(dt.date(2025, 7, 3)))
    type_text(report.summary, "Tham gia xây dựng chương trình công tác")
    report.ok_button.click()
    detail.host_button.click()
    host = detail.dialog
    assert isinstance(host, HostEvaluationDialog)
    host.day.setDate(qdate(dt.date(2025, 7, 8)))
    host.ok_button.click()  # no rating chosen: refused inside the dialog
    assert host.isVisible() and host.error.isVisible()
    host.level.setCurrentIndex(host.level.findText("Hoàn thành tốt nhiệm vụ"))
    type_text(host.comments, "Nhiệt tình, có trách nhiệm")
    type_text(host.evaluator, "BTV Đoàn phường Ninh Thạnh")
    host.ok_button.click()
    assert not host.isVisible()
    first = rotation_evaluations.list_for(db, rotation.id)[0]
    assert first.report_received == "2025-07-03" and first.host_level == "Hoàn thành tốt nhiệm vụ"
    assert first.evaluator == "BTV Đoàn phường Ninh Thạnh"
    assert detail.model.index(0, detail.model.STATE).data() == "Done"
    assert detail.model.index(0, detail.model.RATING).data() == "Hoàn thành tốt nhiệm vụ"

    page.lifecycle.change_end.trigger()
    change = page.lifecycle.dialog
    assert isinstance(change, ChangeEndDialog)
    change.new_end.setDate(qdate(dt.date(2026, 3, 31)))
    change.ok_button.click()  # a reason is required
    assert change.isVisible() and change.error.isVisible()
    type_text(change.reason, "Địa phương đề nghị ở lại đến đại hội")
    change.ok_button.click()
    assert svc.get(db, rotation.id).end == dt.date(2026, 3, 31)
    assert "Extended" in detail.decisions.text()
    assert "Extended the rotation of Nguyễn Văn An" in window_of(page).statusBar().currentMessage()

    fix_today(monkeypatch, dt.date(2026, 1, 10))
    page.reload()
    wait_for_queries()
    qtmodeltester.check(page.due)
    assert page.due.rowCount() == 1
    assert page.due.index(0, page.due.WHAT).data() == "Six-month evaluation 2"
    assert page.due.index(0, page.due.MISSING).data() == "cadre's report, host unit's evaluation"
    page._open_due(page.due.index(0, 0))
    assert page.tabs.currentIndex() == ROTATIONS_TAB
    chosen = detail.current_evaluation()
    assert chosen is not None and chosen.seq == 2

    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    page.lifecycle.complete.trigger()
    assert svc.get(db, rotation.id).status == "completed"
    assert not page.lifecycle.cancel.isEnabled()


def test_rules_are_edited_in_a_dialog(qtbot: QtBot, page: RotationPage) -> None:
    page.rules_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, RulesDialog)
    assert dialog.max_age.value() == 30 and dialog.quota.value() == 2
    dialog.max_age.setValue(36)
    dialog.quota.setValue(3)
    dialog.ok_button.click()
    rules = svc.load_rules(window_of(page).db)
    assert rules.max_age == 36 and rules.quota_per_year == 3
    assert rules.groups[0].host_positions == ("pho_bi_thu",)  # the lists kept as they were
    wait_for_queries()  # the candidates are checked again under the new rules
    names = column_texts(page.candidates_view, 0)
    row = names.index("Lê Văn Cường")
    assert "Not met" not in page.candidates.index(row, AGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
