"""The start page: shown first, the office's counts, and what needs doing grouped by kind
(a heading with the counts, the few most urgent lines, the rest counted), each line
opening the page where it is done; an office with nobody on its roster shows its first
steps instead, each opening the place where it is done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from cadre_desktop.services import member_programme as programme
from cadre_desktop.services import profile, start
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.store.db import open_database
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.member_programme.page import MemberProgrammePage
from cadre_desktop.ui.roster.unit_dialogs import UnitDialog
from cadre_desktop.ui.rotation.page import ROTATIONS_TAB, RotationPage
from cadre_desktop.ui.start_page import CountsSection, StartPage
from cadre_desktop.ui.start_parts import TARGET_ROLE
from cadre_desktop.ui.start_steps import FirstStepsSection
from cadre_desktop.ui.start_summary import SHOWN, DueSummarySection
from cadre_desktop.ui.training.page import TrainingPage
from gui_support import OFFSCREEN_NOISE, wait_for_queries
from rotation_gui_support import BRANCH_MEMBERS, fix_today, make_office, open_window, register
from rotation_helpers import Office
from training_roster import make_class

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE

D = dt.date


@pytest.fixture
def busy_office(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Office:
    """A rotation under way with both its evaluations overdue, four members of the branch
    late with their first self-evaluation, four classes whose days are over and that were
    not closed (one more than a group shows) and one class still running."""
    fix_today(monkeypatch, D(2026, 4, 20))
    db, office = make_office(db_path)
    rotation_id = svc.propose(db, svc.Proposal(office.people["Nguyễn Văn An"], D(2025, 1, 1),
                                               D(2025, 12, 31), host_unit_id=office.hosts[0].id))
    svc.approve(db, rotation_id, "12-QĐ/TĐTN", D(2024, 12, 20))
    svc.start(db, rotation_id)
    year = programme.open_year(db, 2025)
    register(db, office, year.id, BRANCH_MEMBERS[:4])
    for n, day in enumerate((D(2026, 3, 2), D(2025, 11, 3), D(2026, 1, 5), D(2026, 4, 6))):
        make_class(db, name=f"Lớp kỹ năng {n + 1}", start=day, days=3)
    make_class(db, name="Lớp đang học", start=D(2026, 4, 18), days=5)
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


def due_tree(win: MainWindow) -> QTreeWidget:
    found = start_of(win).findChild(QTreeWidget, "dueTree")
    assert found is not None
    return found


def groups(win: MainWindow) -> dict[str, list[str]]:
    """Each heading with the lines under it."""
    tree = due_tree(win)
    found: dict[str, list[str]] = {}
    for row in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(row)
        found[heading.text(0)] = [heading.child(n).text(0) for n in range(heading.childCount())]
    return found


def find_item(win: MainWindow, text_start: str) -> QTreeWidgetItem:
    tree = due_tree(win)
    for row in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(row)
        for item in (heading, *(heading.child(n) for n in range(heading.childCount()))):
            if item.text(0).startswith(text_start):
                return item
    raise AssertionError(f"no line starts with {text_start!r}: {groups(win)}")


def activate(qtbot: QtBot, win: MainWindow, text_start: str) -> None:
    tree = due_tree(win)
    item = find_item(win, text_start)
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_start_page_comes_first_with_the_office_counts(win: MainWindow) -> None:
    nav = win.navigation
    titles = [nav.item(i).text() for i in range(nav.count())]
    assert titles[:2] == ["Start", "Roster"] and titles[-1] == "Settings"
    assert titles.index("Rotations") + 1 == titles.index("Member programme")
    page = start_of(win)
    assert win.pages.currentWidget() is page and nav.currentRow() == 0
    assert [type(s) for s in page.sections] == [CountsSection, FirstStepsSection,
                                               DueSummarySection]
    counts = page.section(CountsSection)
    assert isinstance(counts, CountsSection)
    assert {k: v.text() for k, v in counts.values.items()} == {
        "people": "10", "units": "5", "rotations": "1"}
    assert page.title.text().endswith("20/04/2026")
    steps = page.section(FirstStepsSection)
    assert steps is not None and not steps.isVisibleTo(page)  # the office has people


def test_due_items_are_counted_per_kind_with_the_most_urgent_listed(win: MainWindow) -> None:
    assert groups(win) == {
        "Evaluations of cadres on rotation: 2 overdue": [
            "Nguyễn Văn An — Six-month evaluation 1, due 01/07/2025: missing cadre's report, "
            "host unit's evaluation (overdue)",
            "Nguyễn Văn An — Final evaluation, due 31/12/2025: missing cadre's report, "
            "host unit's evaluation (overdue)"],
        "Member self-evaluations: 4 member(s) in 1 branch(es), 4 overdue": [
            "Chi đoàn cơ quan Tỉnh đoàn — 4 member(s) without self-evaluation round 1, "
            "due 18/04/2026 (overdue)"],
        # four classes ended; the longest waiting first, the fourth counted
        "Classes ended, to be closed: 4 class(es)": [
            "Lớp kỹ năng 2 — last day 05/11/2025: record the results and close it",
            "Lớp kỹ năng 3 — last day 07/01/2026: record the results and close it",
            "Lớp kỹ năng 1 — last day 04/03/2026: record the results and close it",
            "… and 1 more"],
    }
    assert SHOWN == 3
    assert len(follow.due_items(win.db, D(2026, 4, 20))) == 6  # four members, one line
    overview = start.overview(win.db, D(2026, 4, 20))
    assert [c.name for c in overview.classes_to_close] == [
        "Lớp kỹ năng 2", "Lớp kỹ năng 3", "Lớp kỹ năng 1", "Lớp kỹ năng 4"]
    assert overview.rotations_overdue == 2 and overview.members_due == 4
    assert not overview.empty and not overview.nothing_due


def test_a_class_line_opens_the_class_and_the_more_line_its_page(
        qtbot: QtBot, win: MainWindow) -> None:
    activate(qtbot, win, "Lớp kỹ năng 3")
    page = win.feature_pages["training"]
    assert isinstance(page, TrainingPage) and win.pages.currentWidget() is page
    view = page.classes.class_view
    assert page.classes.currentWidget() is view
    assert view.title.text().startswith("Lớp kỹ năng 3")
    page.classes.show_list()
    win.navigation.setCurrentRow(0)
    activate(qtbot, win, "… and 1 more")
    assert win.pages.currentWidget() is page and page.classes.currentWidget() is not view


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
    assert "Evaluations of cadres on rotation: 1 overdue" in groups(win)
    assert not any("Final evaluation" in line for lines in groups(win).values()
                   for line in lines)


def office_below(code: str, days: int, overdue: bool) -> OfficeStatus:
    return OfficeStatus(OfficeRef(code.lower(), code, f"Đoàn xã {code}"), "child", None,
                        "active", None, "2025-06-01T08:00:00", 3, "2026-01-02",
                        "2026-01-05T08:00:00", days, overdue)


def test_offices_below_in_time_are_one_line_worded_for_one_or_many(qtbot: QtBot) -> None:
    section = DueSummarySection()
    qtbot.addWidget(section)

    def headings(children: list[OfficeStatus]) -> list[str]:
        section.show_overview(start.StartOverview("Tỉnh đoàn", D(2026, 4, 20), 10, 2, 0,
                                                  children=children))
        tree = section.tree
        return [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]

    nothing = "Nothing is due in the coming weeks."
    assert headings([office_below("DX-A", 20, False)]) == [
        "The office below has sent its bundles in time.", nothing]
    assert headings([office_below("DX-A", 20, False), office_below("DX-B", 30, False)]) == [
        "All 2 offices below have sent their bundles in time.", nothing]
    late = [office_below(f"DX-{n}", 200 + n, True) for n in range(5)]
    assert headings(late)[0] == "Offices below late with their bundles: 5 office(s)"
    heading = section.tree.topLevelItem(0)
    assert heading.childCount() == SHOWN + 1 and heading.child(SHOWN).text(0) == "… and 2 more"
    assert heading.data(0, TARGET_ROLE) == ("offices", None)
    assert heading.child(0).data(0, TARGET_ROLE) == ("offices", "dx-0")
    assert headings([]) == [nothing]


# -- an empty office ---------------------------------------------------------------------


@pytest.fixture
def empty_win(qtbot: QtBot, db_path: Path) -> MainWindow:
    open_database(db_path).close()
    return open_window(qtbot, db_path)


def steps_of(win: MainWindow) -> FirstStepsSection:
    page = start_of(win)
    steps = page.section(FirstStepsSection)
    assert isinstance(steps, FirstStepsSection)
    return steps


def test_an_empty_office_shows_its_first_steps(empty_win: MainWindow) -> None:
    page = start_of(empty_win)
    steps = steps_of(empty_win)
    assert steps.isVisibleTo(page)
    summary = page.section(DueSummarySection)
    assert summary is not None and not summary.isVisibleTo(page)  # nothing to do yet
    assert [s.key for s in steps.steps] == ["profile", "units", "people", "identity", "guide"]
    assert [steps.marks[s.key].text() for s in steps.steps] == ["1.", "2.", "3.", "4.", "5."]
    # a step done is ticked, the others keep their number
    profile.save_profile(empty_win.db, profile.OfficeProfile(
        office_name="BCH ĐOÀN PHƯỜNG GIA LỘC", office_code="DP-GL", place_name="Gia Lộc"))
    empty_win.data_written()
    empty_win.navigation.setCurrentRow(1)
    empty_win.navigation.setCurrentRow(0)
    wait_for_queries()
    assert steps.marks["profile"].pixmap() is not None
    assert not steps.marks["profile"].pixmap().isNull()
    assert steps.marks["units"].text() == "2."


def test_each_first_step_opens_its_place(qtbot: QtBot, empty_win: MainWindow) -> None:
    steps = steps_of(empty_win)
    roster = empty_win.roster_page

    qtbot.mouseClick(steps.buttons["profile"], Qt.MouseButton.LeftButton)
    assert empty_win.pages.currentWidget() is empty_win.settings_page
    first = next(iter(empty_win.settings_page.form.edits.values()))
    qtbot.waitUntil(first.hasFocus)

    empty_win.navigation.setCurrentRow(0)
    qtbot.mouseClick(steps.buttons["people"], Qt.MouseButton.LeftButton)
    assert empty_win.pages.currentWidget() is roster
    wizard = roster.import_wizard  # the import wizard is open over the roster
    assert wizard.isVisible()
    wizard.reject()

    empty_win.navigation.setCurrentRow(0)
    qtbot.mouseClick(steps.buttons["units"], Qt.MouseButton.LeftButton)
    assert empty_win.pages.currentWidget() is roster
    dialog = roster.units.findChild(UnitDialog)  # a new unit, at the top of the tree
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "New unit"
    dialog.reject()

    empty_win.navigation.setCurrentRow(0)
    qtbot.mouseClick(steps.buttons["identity"], Qt.MouseButton.LeftButton)
    assert empty_win.pages.currentWidget() is empty_win.feature_pages["office_keys"]

    empty_win.navigation.setCurrentRow(0)
    qtbot.mouseClick(steps.buttons["guide"], Qt.MouseButton.LeftButton)
    guide = empty_win.help.guide
    assert guide is not None and guide.isVisible()
    assert guide.section is not None and guide.section.anchor == "bat-dau"
    guide.close()
