"""The start page: shown first, the office's counts, and what is due or overdue (each
rotation's evaluation on its own line, members' self-evaluations counted per branch),
each line opening the page where it is recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from cadre_desktop.services import member_programme as programme
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.member_programme.page import MemberProgrammePage
from cadre_desktop.ui.offices.start_section import OfficesSection
from cadre_desktop.ui.rotation.page import ROTATIONS_TAB, RotationPage
from cadre_desktop.ui.start_page import CountsSection, DueSection, StartPage
from gui_support import OFFSCREEN_NOISE, wait_for_queries
from rotation_gui_support import BRANCH_MEMBERS, fix_today, make_office, open_window, register
from rotation_helpers import Office

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE

D = dt.date


@pytest.fixture
def busy_office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    """A rotation under way with both its evaluations overdue, and four members of the
    branch late with their first self-evaluation."""
    fix_today(monkeypatch, D(2026, 4, 20))
    db, office = make_office(db_path)
    rotation_id = svc.propose(db, svc.Proposal(office.people["Nguyễn Văn An"], D(2025, 1, 1),
                                               D(2025, 12, 31), host_unit_id=office.hosts[0].id))
    svc.approve(db, rotation_id, "12-QĐ/TĐTN", D(2024, 12, 20))
    svc.start(db, rotation_id)
    year = programme.open_year(db, 2025)
    register(db, office, year.id, BRANCH_MEMBERS[:4])
    db.close()
    return office


@pytest.fixture
def win(qtbot: QtBot, db_path: Path, busy_office: Office) -> MainWindow:
    return open_window(qtbot, db_path)


def start_of(win: MainWindow) -> StartPage:
    page = win.feature_pages["start"]
    assert isinstance(page, StartPage)
    wait_for_queries()  # the overview is read off the GUI thread
    return page


def due_list(win: MainWindow) -> QListWidget:
    found = start_of(win).findChild(QListWidget, "dueList")
    assert found is not None
    return found


def lines(win: MainWindow) -> list[str]:
    listing = due_list(win)
    return [listing.item(row).text() for row in range(listing.count())]


def activate(qtbot: QtBot, win: MainWindow, text_start: str) -> None:
    listing = due_list(win)
    row = next(n for n, line in enumerate(lines(win)) if line.startswith(text_start))
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    listing.setCurrentRow(row)
    qtbot.keyClick(listing, Qt.Key.Key_Return)


def test_start_page_comes_first_with_the_office_counts(win: MainWindow) -> None:
    nav = win.navigation
    titles = [nav.item(i).text() for i in range(nav.count())]
    assert titles[:2] == ["Start", "Roster"] and titles[-1] == "Settings"
    assert titles.index("Rotations") + 1 == titles.index("Member programme")
    page = start_of(win)
    assert win.pages.currentWidget() is page and nav.currentRow() == 0
    assert [type(s) for s in page.sections] == [CountsSection, OfficesSection, DueSection]
    counts = page.section(CountsSection)
    assert isinstance(counts, CountsSection)
    assert {k: v.text() for k, v in counts.values.items()} == {
        "people": "10", "units": "5", "rotations": "1"}
    assert page.title.text().endswith("20/04/2026")


def test_due_items_are_listed_and_summarised_per_branch(win: MainWindow) -> None:
    assert lines(win) == [
        "Rotations",
        "Nguyễn Văn An — Six-month evaluation 1, due 01/07/2025: missing cadre's report, "
        "host unit's evaluation (overdue)",
        "Nguyễn Văn An — Final evaluation, due 31/12/2025: missing cadre's report, "
        "host unit's evaluation (overdue)",
        "Member self-evaluations",
        "Chi đoàn cơ quan Tỉnh đoàn — 4 member(s) without self-evaluation round 1, "
        "due 18/04/2026 (overdue)",
    ]
    assert len(follow.due_items(win.db, D(2026, 4, 20))) == 6  # four members, one line


def test_a_branch_line_opens_its_registrations(qtbot: QtBot, win: MainWindow,
                                               busy_office: Office) -> None:
    activate(qtbot, win, "Chi đoàn cơ quan")
    page = win.feature_pages["member_programme"]
    assert isinstance(page, MemberProgrammePage)
    assert win.pages.currentWidget() is page
    assert page.branch.code() == busy_office.branch.id
    wait_for_queries()  # the branch's list is read off the GUI thread
    assert page.registrations.rowCount() == 5


def test_a_rotation_line_opens_its_evaluation_and_the_page_follows(
        qtbot: QtBot, win: MainWindow) -> None:
    activate(qtbot, win, "Nguyễn Văn An — Final evaluation")
    page = win.feature_pages["rotations"]
    assert isinstance(page, RotationPage) and win.pages.currentWidget() is page
    assert page.tabs.currentIndex() == ROTATIONS_TAB
    chosen = page.detail.current_evaluation()
    assert chosen is not None and chosen.kind == "final"
    # once both parts are in, the start page no longer lists it
    follow.record_report(win.db, chosen.id, D(2026, 1, 5), "Báo cáo cuối đợt")
    follow.record_host_evaluation(win.db, chosen.id, "htt", "Tốt", "BTV", D(2026, 1, 10))
    win.navigation.setCurrentRow(0)
    assert not any("Final evaluation" in line for line in lines(win))
    assert any("Six-month evaluation 1" in line for line in lines(win))
