"""The province as its clerk uses it: no "Send to the province" page; "Offices' figures"
with a row per office below (its last bundle, each target's figure, behind ones marked),
printed through the preview and exported to .xlsx; its lists and plans sent down to an
office below from the Offices page, imported there, and the receipt brought back; records
the other office owns shown but not editable, with the reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bundle_helpers import PASS, digest, fast_scrypt
from cadre_desktop.app import build_main_window
from cadre_desktop.services import bundles, lists, office_role, training
from cadre_desktop.ui import form_widgets, messages
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.lists_editor import ListsEditor
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.offices.offices_page import OfficesPage
from cadre_desktop.ui.offices.rollup_page import RollupPage
from cadre_desktop.ui.roster.editor import PersonEditor
from cadre_desktop.ui.training.programmes_page import ProgrammesPage
from gui_support import OFFSCREEN_NOISE, settle, wait_for_queries
from office_gui_support import Answers, answer, wait_jobs
from pdf_read import page_texts
from rollup_fixture import ON, Province, province

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE
__all__ = ["fast_scrypt", "province"]

GIA_LOC, TAN_HUNG, PROVINCE = "Đoàn phường Gia Lộc", "Đoàn xã Tân Hưng", "Tỉnh đoàn Tây Ninh"
CHILD = "Bản ghi này thuộc Đoàn phường Gia Lộc (đơn vị cấp dưới)"
ISSUED = f"Mục này do {PROVINCE} (cấp trên) ban hành"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer(monkeypatch)


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    win = build_main_window(path)
    qtbot.addWidget(win)
    win.resize(1280, 760)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, province: Province, answers: Answers,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(form_widgets, "FIXED_TODAY", ON)
    yield open_window(qtbot, province.offices["P"].path)


def navigation(win: MainWindow) -> list[str]:
    return [win.navigation.item(r).text() for r in range(win.navigation.count())
            if not win.navigation.item(r).isHidden()]


def rollup_page(qtbot: QtBot, win: MainWindow) -> RollupPage:
    page = win.feature_pages["rollup"]
    assert isinstance(page, RollupPage)
    win.navigation.setCurrentRow(win.pages.indexOf(page))  # as the clerk clicks it
    wait_for_queries()
    qtbot.waitUntil(lambda: page.rollup is not None)
    return page


def click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    """As the clerk clicks a row's first cell."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert view.currentIndex().row() == row


def table(page: RollupPage) -> list[list[str]]:
    model = page.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_province_has_no_send_up_page_but_the_offices_figures(window: MainWindow) -> None:
    shown = navigation(window)
    assert "Send to the province" not in shown
    assert shown.index("Offices") < shown.index("Offices' figures") < shown.index(
        "Office & keys")


def test_the_offices_figures_show_each_office_against_the_plan(
        qtmodeltester: ModelTester, qtbot: QtBot, window: MainWindow,
        province: Province) -> None:
    page = rollup_page(qtbot, window)
    qtmodeltester.check(page.model)
    assert page.plan.currentData() == province.plan_id
    assert page.plan.currentText() == "20-KH/TĐTN · Kế hoạch bồi dưỡng năm 2026 (2026)"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert headers == ["Office", "Last bundle", "Received on", "Days ago", "Content",
                       "Bundles", "3 lớp\n3 lớp", "60% được bồi dưỡng\n60%"]
    rows = table(page)
    assert [r[0] for r in rows] == [GIA_LOC, TAN_HUNG]  # by name, never by code
    assert [r[1] for r in rows] == ["1", "2"] and [r[4] for r in rows] == ["Full", "Changes"]
    assert [r[5] for r in rows] == ["Up to date", "Up to date"]
    assert [r[6:] for r in rows] == [["1 lớp", "66,7% (2/3)"], ["1 lớp", "50% (1/2)"]]
    behind = page.model.index(1, 7)
    assert behind.data(Qt.ItemDataRole.ToolTipRole) == "Behind: the goal is 60%"
    assert behind.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert behind.data(Qt.ItemDataRole.DecorationRole) is not None  # not by colour alone
    assert page.model.index(0, 7).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.summary.text() == ("2 office(s) below · 0 overdue with their bundles · "
                                   "1 behind on a target")
    assert "3 lớp: 2 lớp (goal 3 lớp, <b>behind</b>)" in page.totals.text()
    assert "60% được bồi dưỡng: 60% (3/5) (goal 60%, met)" in page.totals.text()

    # Sorting by a target's figure puts the office furthest behind first.
    page.view.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in table(page)] == [TAN_HUNG, GIA_LOC]

    # A year later both offices are overdue: the figures are read for the day typed.
    page.on_field.setText(f"{ON.replace(year=ON.year + 1):%d/%m/%Y}")
    page.on_field.editingFinished.emit()
    wait_for_queries()
    assert page.summary.text().startswith("2 office(s) below · 2 overdue with their bundles")
    assert all(r[5].startswith("Overdue: last bundle") for r in table(page))


def test_the_offices_figures_are_printed_and_exported(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow,
        province: Province, tmp_path: Path) -> None:
    page = rollup_page(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P
    printer = page.printer
    qtbot.waitUntil(lambda: printer.last_pdf is not None and not printer.busy
                    and printer.dialog is not None, timeout=30000)
    assert printer.last_pdf is not None and printer.last_pdf.name == "tong-hop-don-vi.pdf"
    text = " ".join(" ".join(page_texts(printer.last_pdf)).split())
    assert "TỔNG HỢP TÌNH HÌNH CÁC ĐƠN VỊ CẤP DƯỚI" in text
    assert f"{TAN_HUNG}" in text and "50% 1/2 chưa đạt" in text
    assert "số liệu đến ngày 31/12/2026" in text
    printer.dialog.reject()

    target = tmp_path / "tong-hop"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=30000)
    assert page.last_export == tmp_path / "tong-hop.xlsx"
    sheet = openpyxl.load_workbook(page.last_export).active
    assert sheet is not None
    rows = [[c for c in r if c is not None] for r in sheet.iter_rows(values_only=True)]
    assert [r[1] for r in rows if r and isinstance(r[0], int)] == [GIA_LOC, TAN_HUNG]
    assert "tong-hop.xlsx" in window.statusBar().currentMessage()


def test_lists_and_plans_go_down_and_the_receipt_comes_back(
        qtbot: QtBot, window: MainWindow, province: Province, answers: Answers,
        tmp_path: Path) -> None:
    p, a = province.offices["P"], province.offices["A"]
    lists.add(p.db, "position", "Phó Bí thư phụ trách địa bàn")
    window.open_page("offices")
    page = window.feature_pages["offices"]
    assert isinstance(page, OfficesPage)
    assert not page.send_down_button.isEnabled()
    assert page.send_down_button.toolTip() == "Select an office below (with a trusted key) first"
    row = page.model.row_of(lambda s: s.office.name == GIA_LOC)
    page.view.selectRow(row)
    assert page.send_down_button.isEnabled()
    assert page.send_down_button.text() == "Send lists and plans &down…"
    assert page.down_state.text().startswith(f"Lists and plans last sent to {GIA_LOC}: bundle")
    answers.folder = str(tmp_path)
    qtbot.mouseClick(page.send_down_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    made = sorted(tmp_path.glob("TD-TN-gui-DP-GL-danh-muc-*.cadre"))
    assert len(made) == 1
    sent = bundles.sent_bundles(p.db)[0]
    assert (sent.kind, sent.recipient) == ("issued", GIA_LOC)
    assert page.down_state.text().endswith("no receipt yet.")

    # At the office below: imported on its Offices page, the receipt saved for the province.
    office = open_window(qtbot, a.path)
    assert "Offices' figures" not in navigation(office)
    below = office.feature_pages["offices"]
    assert isinstance(below, OfficesPage)
    office.open_page("offices")
    assert below.import_button.isEnabled()
    answers.open_files = [str(made[0])]
    answers.folder = str(tmp_path / "receipts")
    Path(answers.folder).mkdir()
    qtbot.mouseClick(below.import_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    assert below.flow is not None and below.flow.preview is not None
    qtbot.mouseClick(below.flow.preview.import_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    qtbot.waitUntil(lambda: below.flow is None)
    assert answers.informed[-1] == f"{PROVINCE}: bundle {sent.sequence} imported"
    position = [i for i in lists.items(a.db, "position")
                if i.label == "Phó Bí thư phụ trách địa bàn"]
    assert [i.issued_by for i in position] == [PROVINCE]
    receipt = next(Path(answers.folder).glob("*.cadre"))

    # Back at the province: the receipt on the Offices page.
    answers.open_file = str(receipt)
    qtbot.mouseClick(page.down_receipt_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    page.view.selectRow(page.model.row_of(lambda s: s.office.name == GIA_LOC))
    assert page.down_state.text().startswith(
        f"Lists and plans last sent to {GIA_LOC}: bundle {sent.sequence} of")
    assert "received on" in page.down_state.text()
    assert "Receipt recorded" in window.statusBar().currentMessage()


def test_an_office_belows_person_is_read_only_at_the_province(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow,
        province: Province) -> None:
    rosters = window.roster_page
    window.navigation.setCurrentRow(window.pages.indexOf(rosters))
    settle(rosters.model)
    names = [rosters.model.full_name(r) for r in range(rosters.model.rowCount())]
    row = names.index("Nguyễn Văn An")
    rosters.view.selectRow(row)
    assert not rosters.edit_action.isEnabled() and not rosters.delete_action.isEnabled()
    assert rosters.edit_action.toolTip().startswith(CHILD)
    assert rosters.delete_action.toolTip() == rosters.edit_action.toolTip()

    # Opened all the same (a double click): to be read, never saved.
    rosters.edit_row(row)
    editor = rosters.editor
    assert isinstance(editor, PersonEditor)
    reason = editor.findChild(type(rosters.count_label), "readOnlyReason")
    assert reason is not None and reason.text().startswith(CHILD)
    assert not editor.save_button.isEnabled() and editor.edits["family_middle"].isReadOnly()
    editor.reject()

    # Reached anyway (the Delete key on a stale list): refused with the reason, nothing gone.
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    before = digest(province.db)
    rosters.delete_action.setEnabled(True)
    rosters.delete_selected()
    assert len(warned) == 1 and warned[0].startswith(CHILD)
    assert digest(province.db) == before


def test_what_the_province_issued_is_read_only_at_the_office_below(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, province: Province,
        answers: Answers) -> None:
    a = province.offices["A"]
    programmes = ProgrammesPage(a.db)
    qtbot.addWidget(programmes)
    programmes.resize(1100, 900)
    programmes.show()
    qtbot.waitExposed(programmes)
    row = programmes.model.row_of(lambda r: r.programme.id == province.programme_id)
    programmes.view.selectRow(row)
    for button in (programmes.edit_button, programmes.delete_button):
        assert not button.isEnabled() and button.toolTip().startswith(ISSUED)
    programmes.edit_current()  # a double click
    assert answers.informed[-1].startswith(ISSUED) and programmes.editor is None
    own = training.save_programme(a.db, training.ProgrammeInput(name="Lớp của phường"))
    programmes.reload()
    click_row(qtbot, programmes.view, programmes.model.row_of(lambda r: r.programme.id == own))
    assert programmes.edit_button.isEnabled() and programmes.edit_button.toolTip() == ""

    issued = lists.add(province.db, "position", "Phó Bí thư phụ trách địa bàn")
    down = bundles.export_to_file(province.db, province.folder / "down-2.cadre", PASS,
                                  to="DP-GL")
    bundles.import_file(a.db, down.path, PASS)
    editor = ListsEditor(a.db)
    qtbot.addWidget(editor)
    editor.kind.setCurrentIndex(editor.kind.findData("position"))
    found = [editor.items.item(i) for i in range(editor.items.count())]
    item = next(i for i in found if i.text() == "Phó Bí thư phụ trách địa bàn")
    assert item.toolTip() == f"Issued by {PROVINCE}"
    editor.items.setCurrentItem(item)
    assert not editor.rename_button.isEnabled() and not editor.hide_button.isEnabled()
    assert editor.hide_button.toolTip().startswith(ISSUED)
    editor.rename()  # a double click
    assert answers.informed[-1].startswith(ISSUED)
    assert [i.label for i in lists.items(a.db, "position") if i.id == issued.id] == [
        "Phó Bí thư phụ trách địa bàn"]
    own_item = next(i for i in found if i.toolTip() == "")
    editor.items.setCurrentItem(own_item)
    assert editor.rename_button.isEnabled()
    assert office_role.read_only_reason(a.db, "programme", own) is None


def test_the_provinces_plan_cannot_be_budgeted_at_the_office_below(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, province: Province,
        answers: Answers) -> None:
    from cadre_desktop.ui.targets.page import TargetsPage

    monkeypatch.setattr(form_widgets, "FIXED_TODAY", dt.date(2026, 6, 30))
    page = TargetsPage(province.offices["A"].db)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.shown, timeout=10000):
        pass
    assert page.data is not None and page.data.plan_id == province.plan_id
    budget = page.budget
    assert budget.read_only is not None and budget.read_only.startswith(ISSUED)
    assert not budget.save_button.isEnabled()
    assert budget.save_button.toolTip().startswith(ISSUED)
