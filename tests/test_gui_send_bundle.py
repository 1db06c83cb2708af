"""A bundle's round trip through the GUI: the district makes it on "Send to the province"
(an op, with a progress dialog whose Cancel works), the province imports it on "Offices"
after a preview of what changes (a mass delete needing an extra tick, a refused file
changing nothing), saves the receipt, and the district imports the receipt and reads
"received by the province on DATE"; its next bundle is then the changes since (a delta),
or a full one when the clerk asks. The province's roster shows every office's people
together or one office at a time, each office by its name."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bundle_helpers import PASS, Office, digest, fast_scrypt, offices, template
from cadre_desktop.app import build_main_window
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import bundles, roster
from cadre_desktop.store import roster_query
from cadre_desktop.sync import importer, payload, transaction
from cadre_desktop.ui import form_widgets
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.offices.offices_page import OfficesPage
from cadre_desktop.ui.offices.preview_dialog import PreviewDialog
from cadre_desktop.ui.offices.send_page import SendBundlePage
from cadre_desktop.ui.start_page import StartPage
from cadre_desktop.ui.start_summary import DueSummarySection
from gui_support import OFFSCREEN_NOISE, settle, wait_for_queries
from office_gui_support import Answers, answer, running_ops, wait_jobs

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE
__all__ = ["fast_scrypt", "offices", "template"]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer(monkeypatch)


@pytest.fixture
def send_page(qtbot: QtBot, offices: dict[str, Office], answers: Answers) -> SendBundlePage:
    page = SendBundlePage(offices["A"].db)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def province(qtbot: QtBot, offices: dict[str, Office], answers: Answers) -> Iterator[MainWindow]:
    win = build_main_window(offices["P"].path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def offices_page(win: MainWindow) -> OfficesPage:
    page = win.feature_pages["offices"]
    assert isinstance(page, OfficesPage)
    win.open_page("offices")
    return page


def export(qtbot: QtBot, page: SendBundlePage, answers: Answers, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    before = set(folder.iterdir())
    answers.folder = str(folder)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    made = set(folder.iterdir()) - before
    assert len(made) == 1
    return made.pop()


def preview(qtbot: QtBot, page: OfficesPage, answers: Answers, files: list[Path]) -> PreviewDialog:
    answers.open_files = [str(f) for f in files]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    assert page.flow is not None and page.flow.preview is not None
    return page.flow.preview


def counts(dialog: PreviewDialog) -> dict[str, list[str]]:
    model = dialog.counts
    return {model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 5)]
            for r in range(model.rowCount())}


def confirm_import(qtbot: QtBot, page: OfficesPage, dialog: PreviewDialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    qtbot.waitUntil(lambda: page.flow is None)


def office_row(page: OfficesPage, name: str) -> list[str]:
    """An office's row as shown: name, relation, key, last bundle, content, made on,
    imported on, people, status."""
    model = page.model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == name:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    raise AssertionError(name)


GIA_LOC, TAN_HUNG, PROVINCE = "Đoàn phường Gia Lộc", "Đoàn xã Tân Hưng", "Tỉnh đoàn Tây Ninh"


def hold_until_cancelled(real: Callable[..., Any], what: str) -> Callable[..., Any]:
    """`real` that first waits (20 s at most) until the clerk has cancelled, then carries
    on into the real work, which meets the cancel at its next step and rolls back."""
    def held(*args: Any, **kwargs: Any) -> Any:
        progress = next(a for a in [*args, *kwargs.values()] if isinstance(a, Progress))
        progress.done(what)
        deadline = time.monotonic() + 20
        while not progress.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(*args, **kwargs)
    return held


def click_cancel(qtbot: QtBot, owner: QWidget, label: str) -> None:
    """Cancel in the op's progress dialog, once it shows `label`, as the clerk clicks it."""
    def shown() -> QProgressDialog | None:
        found = [d for d in owner.window().findChildren(QProgressDialog, "opProgress")
                 if d.isVisible() and d.labelText() == label]
        return found[0] if found else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=10000)
    dialog = shown()
    assert dialog is not None
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)


def test_a_bundle_goes_up_and_its_receipt_comes_back(
        qtmodeltester: ModelTester, qtbot: QtBot, offices: dict[str, Office],
        send_page: SendBundlePage, province: MainWindow, answers: Answers,
        tmp_path: Path) -> None:
    assert send_page.export_button.isEnabled()
    assert PROVINCE in send_page.state.text()
    assert send_page.last_status.text() == "No bundle sent yet"
    assert send_page.next_bundle.text() == (
        "Next bundle: number 1, every record of this office (a full bundle): nothing has "
        f"been sent to {PROVINCE} yet.")
    assert not send_page.full_choice.isEnabled()  # a full bundle already
    bundle = export(qtbot, send_page, answers, tmp_path / "usb")
    day = form_widgets.today()
    assert bundle.name == f"DP-GL-goi-001-{day:%Y%m%d}.cadre"
    assert answers.asked == ["passphrase: Office passphrase"]
    assert send_page.last_number.text() == "1"
    assert send_page.last_kind.text() == "Every record (full)"
    assert send_page.last_file.text() == bundle.name
    assert send_page.last_status.text() == "Chưa có biên nhận"
    assert "no receipt has come back" in send_page.next_bundle.text()
    qtmodeltester.check(send_page.model)

    page = offices_page(province)
    assert not page.empty.isVisible()
    assert office_row(page, GIA_LOC)[3] == ""  # no bundle yet
    assert "DP-GL" not in [page.model.index(r, c).data() for r in range(page.model.rowCount())
                           for c in range(page.model.columnCount())]  # names, not codes
    qtmodeltester.check(page.model)
    answers.folder = str(tmp_path / "receipts")
    Path(answers.folder).mkdir()
    dialog = preview(qtbot, page, answers, [bundle])
    qtmodeltester.check(dialog.files)
    qtmodeltester.check(dialog.counts)
    assert dialog.files.index(0, 4).data() == "Ready"
    assert counts(dialog)["People"] == ["100", "0", "0", "0"]
    assert not dialog.confirm.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()
    settle(province.roster_page.model)
    assert province.roster_page.model.total == 0  # the dry run changed nothing
    confirm_import(qtbot, page, dialog)
    assert answers.informed[-1] == f"{GIA_LOC}: bundle 1 imported"
    receipt = Path(answers.folder) / "DP-GL-bien-nhan-001.cadre"
    assert receipt.exists()
    row = office_row(page, GIA_LOC)
    assert row[1:5] == ["Office below", "Trusted", "1", "Full"]
    assert row[-1] == "Up to date"

    answers.open_file = str(receipt)
    qtbot.mouseClick(send_page.receipt_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    received = dt.datetime.now(dt.UTC).date()
    assert send_page.last_status.text() == f"{PROVINCE} đã nhận ngày {received:%d/%m/%Y}"
    assert send_page.last_receipt.text() == \
        f"{PROVINCE} đã nhận ngày {received:%d/%m/%Y} (bundle 1)"

    # The province's roster: every office together, then one office at a time.
    rosters = province.roster_page
    province.navigation.setCurrentRow(province.pages.indexOf(rosters))
    assert rosters.office_filter.isVisibleTo(province)
    settle(rosters.model)
    assert rosters.model.total == 100
    assert rosters.model.shows_office
    qtmodeltester.check(rosters.model)
    last = rosters.model.columnCount() - 1
    assert rosters.model.headerData(last, Qt.Orientation.Horizontal) == "Office"
    settle(rosters.model)
    assert rosters.model.index(0, last).data() == GIA_LOC  # a name, not a code
    choices = rosters.office_filter
    assert [choices.itemText(i) for i in range(choices.count())] == [
        "Every office", f"{PROVINCE} (this office only)", f"    {GIA_LOC}", f"    {TAN_HUNG}"]
    choices.setCurrentIndex(choices.findData(offices["P"].id))
    settle(rosters.model)
    assert rosters.model.total == 0
    assert not rosters.model.shows_office
    choices.setCurrentIndex(choices.findData(offices["A"].id))
    rosters.model.finish_count()
    settle(rosters.model)
    assert rosters.model.total == 100
    assert not rosters.model.shows_office  # one office without offices below it


def test_after_a_receipt_the_next_bundle_holds_the_changes_or_all_when_asked(
        qtbot: QtBot, offices: dict[str, Office], send_page: SendBundlePage,
        answers: Answers, tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    report = bundles.import_file(p.db, bundles.export_to_file(
        a.db, tmp_path / "first.cadre", PASS).path, PASS)
    bundles.save_receipt(report, tmp_path / "receipt.cadre")
    answers.open_file = str(tmp_path / "receipt.cadre")
    qtbot.mouseClick(send_page.receipt_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    ids = roster_query.ids_of(a.db, list(roster_query.keys(
        a.db, roster_query.RosterFilter(), roster_query.RosterSort(), 3)))
    roster.delete_people(a.db, ids)
    send_page.reload()
    received = dt.datetime.now(dt.UTC).date()
    assert send_page.next_bundle.text() == (
        f"Next bundle: number 2, the changes since bundle 1, which {PROVINCE} received on "
        f"{received:%d/%m/%Y} (3 record(s) changed).")
    assert send_page.full_choice.isEnabled() and not send_page.full_choice.isChecked()

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    try:
        delta = export(qtbot, send_page, answers, tmp_path / "usb")
        assert send_page.last_kind.text() == "Changes since bundle 1"
        size = delta.stat().st_size
        assert send_page.last_size.text() == f"{size / 1024:.2f} KB".replace(".", ",")
        assert send_page.model.index(0, 4).data() == send_page.last_size.text()
        assert send_page.model.index(0, 2).data() == "Changes since bundle 1"
    finally:
        QLocale.setDefault(before)
    sent = bundles.sent_bundles(a.db)
    assert [(b.sequence, b.kind, b.base_sequence) for b in sent[:1]] == [(2, "delta", 1)]
    assert size * 5 < sent[1].size  # three people deleted: far smaller than everyone

    send_page.full_choice.setChecked(True)
    export(qtbot, send_page, answers, tmp_path / "usb")
    assert send_page.last_kind.text() == "Every record (full)"
    assert bundles.sent_bundles(a.db)[0].kind == "full"
    assert not send_page.full_choice.isChecked()  # the next one is the changes again


def test_a_snapshot_deleting_many_records_needs_the_extra_tick(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, offices: dict[str, Office],
        province: MainWindow, answers: Answers, tmp_path: Path) -> None:
    monkeypatch.setattr(importer, "MASS_DELETE_SHARE", 0.01)  # people: 2% of all records
    a = offices["A"]
    bundles.import_file(offices["P"].db, bundles.export_to_file(
        a.db, tmp_path / "one.cadre", PASS).path, PASS)
    ids = roster_query.ids_of(a.db, list(roster_query.keys(
        a.db, roster_query.RosterFilter(), roster_query.RosterSort(), 80)))
    roster.delete_people(a.db, ids)
    second = bundles.export_to_file(a.db, tmp_path / "two.cadre", PASS).path
    page = offices_page(province)
    answers.folder = ""  # no folder for the receipt: the clerk is told how to get it later
    dialog = preview(qtbot, page, answers, [second])
    assert dialog.confirm.isVisibleTo(dialog)
    assert "Xóa" not in dialog.confirm.text() and "80" in dialog.confirm.text()
    assert dialog.files.index(0, 4).data() == "Deletes many records: confirm below"
    assert counts(dialog)["People"] == ["0", "0", "80", "20"]
    assert dialog.notes.item(0).text().startswith("Gói này sẽ xóa")
    assert not dialog.import_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.import_button.isEnabled()
    confirm_import(qtbot, page, dialog)
    assert answers.informed[-1] == f"{GIA_LOC}: bundle 2 imported"
    assert "Receipt again" in answers.warned[-1]
    province.roster_page.refresh()
    settle(province.roster_page.model)
    assert province.roster_page.model.total == 20


def test_a_refused_file_changes_nothing_and_the_others_go_in(
        qtbot: QtBot, offices: dict[str, Office], province: MainWindow, answers: Answers,
        tmp_path: Path) -> None:
    good = bundles.export_to_file(offices["B"].db, tmp_path / "b.cadre", PASS).path
    bad = bundles.export_to_file(offices["A"].db, tmp_path / "a.cadre", PASS).path
    data = bytearray(bad.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad.write_bytes(bytes(data))
    page = offices_page(province)
    answers.folder = str(tmp_path)
    dialog = preview(qtbot, page, answers, [bad, good])
    assert [dialog.files.index(r, 4).data() for r in range(2)] == ["Refused", "Ready"]
    dialog.files_view.selectRow(0)
    assert dialog.counts.rowCount() == 0
    assert dialog.notes.item(0).text().startswith("Refused: ")
    assert len(dialog.chosen()) == 1
    confirm_import(qtbot, page, dialog)
    assert office_row(page, TAN_HUNG)[3] == "1"
    assert office_row(page, GIA_LOC)[3] == ""
    province.roster_page.refresh()
    settle(province.roster_page.model)
    assert province.roster_page.model.total == 100


def test_a_wrong_passphrase_stops_before_the_preview(
        qtbot: QtBot, offices: dict[str, Office], province: MainWindow, answers: Answers,
        tmp_path: Path) -> None:
    bundle = bundles.export_to_file(offices["A"].db, tmp_path / "a.cadre", PASS).path
    page = offices_page(province)
    answers.passphrase = "không phải mật khẩu"
    answers.open_files = [str(bundle)]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    qtbot.waitUntil(lambda: page.flow is None)
    assert len(answers.warned) == 1 and "mật khẩu" in answers.warned[0].lower()
    assert office_row(page, GIA_LOC)[3] == ""


def test_cancel_in_the_progress_dialog_makes_no_bundle(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, offices: dict[str, Office],
        send_page: SendBundlePage, answers: Answers, tmp_path: Path) -> None:
    """The real export, held at its first step inside its transaction until the clerk
    clicks Cancel: it then stops there and rolls back, leaving no file and no record."""
    a = offices["A"]
    monkeypatch.setattr(payload, "write_compressed",
                        hold_until_cancelled(payload.write_compressed, "Đang đọc dữ liệu"))
    before = digest(a.db)
    answers.folder = str(tmp_path)
    qtbot.mouseClick(send_page.export_button, Qt.MouseButton.LeftButton)
    op = send_page.op
    assert op is not None and not send_page.export_button.isEnabled()
    click_cancel(qtbot, send_page, "Đang đọc dữ liệu")
    wait_jobs(qtbot)
    assert answers.warned == []  # a cancel is no refusal to warn about
    assert send_page.op is None and send_page.export_button.isEnabled()
    assert send_page.model.rowCount() == 0
    assert list(tmp_path.glob("*.cadre")) == []
    assert digest(a.db) == before


def test_cancel_during_an_import_leaves_the_province_unchanged(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, offices: dict[str, Office],
        province: MainWindow, answers: Answers, tmp_path: Path) -> None:
    bundle = bundles.export_to_file(offices["A"].db, tmp_path / "a.cadre", PASS).path
    page = offices_page(province)
    dialog = preview(qtbot, page, answers, [bundle])
    monkeypatch.setattr(transaction, "apply_bundle",
                        hold_until_cancelled(transaction.apply_bundle, "Đang nhập"))
    before = digest(offices["P"].db)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert running_ops() == 1
    click_cancel(qtbot, page, "Đang nhập")
    wait_jobs(qtbot)
    qtbot.waitUntil(lambda: page.flow is None)
    assert answers.warned == [] and answers.informed == []
    assert digest(offices["P"].db) == before
    assert office_row(page, GIA_LOC)[3] == ""


def test_overdue_offices_are_on_the_start_page_and_highlighted(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, offices: dict[str, Office],
        answers: Answers, tmp_path: Path) -> None:
    bundles.import_file(offices["P"].db, bundles.export_to_file(
        offices["A"].db, tmp_path / "a.cadre", PASS).path, PASS)
    monkeypatch.setattr(form_widgets, "FIXED_TODAY", dt.date.today() + dt.timedelta(days=200))
    win = build_main_window(offices["P"].path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    start = win.feature_pages["start"]
    assert isinstance(start, StartPage)
    wait_for_queries()
    section = start.section(DueSummarySection)
    assert isinstance(section, DueSummarySection) and section.isVisibleTo(start)
    group = next(g for g in section.groups if g.key == "offices")
    heading = section.tree.topLevelItem(section.groups.index(group))
    assert heading.text(0) == "Offices below late with their bundles: 2 office(s)"
    lines = [heading.child(r).text(0) for r in range(heading.childCount())]
    assert lines[0].startswith(f"{GIA_LOC} — last bundle (no. 1) imported")  # no code
    assert lines[0].endswith("200 days ago")
    assert lines[1] == f"{TAN_HUNG} — no bundle since it was enrolled"
    section.tree.itemActivated.emit(heading.child(1), 0)
    page = win.feature_pages["offices"]
    assert isinstance(page, OfficesPage) and win.pages.currentWidget() is page
    assert page.model.item(page.view.currentIndex().row()).office.name == TAN_HUNG
    row = office_row(page, GIA_LOC)
    assert row[-1] == "Overdue: last bundle 200 days ago"
    assert page.overdue.isVisibleTo(page)
    assert page.overdue.text() == f"Overdue: {GIA_LOC}, {TAN_HUNG}"


def test_an_office_below_imports_from_above_and_sends_up(
        qtbot: QtBot, offices: dict[str, Office], answers: Answers) -> None:
    win = build_main_window(offices["A"].path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    start = win.feature_pages["start"]
    assert isinstance(start, StartPage)
    wait_for_queries()
    section = start.section(DueSummarySection)
    assert isinstance(section, DueSummarySection)
    assert "offices" not in [g.key for g in section.groups]
    assert not win.roster_page.office_filter.isVisibleTo(win)
    shown = [win.navigation.item(r).text() for r in range(win.navigation.count())
             if not win.navigation.item(r).isHidden()]
    assert "Send to the province" in shown and "Offices' figures" not in shown
    page = win.feature_pages["offices"]
    assert isinstance(page, OfficesPage)
    win.open_page("offices")
    assert page.empty.isVisibleTo(page)  # no office below
    assert PROVINCE in page.from_above.text()
    assert page.import_button.isEnabled()  # the lists and plans the province sends down
    assert not page.send_down_button.isVisibleTo(page)
