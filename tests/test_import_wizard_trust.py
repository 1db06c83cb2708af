"""The import wizard as a clerk uses it to re-import and fix a roster: matching people by
their Số CCCD, mapping a misspelt unit onto the real one, saving the rejected rows with
their reasons, and going Back while the preview is still being read."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWizard
from pytestqt.qtbot import QtBot

from cadre_desktop.store import units
from cadre_desktop.store.db import open_database
from cadre_desktop.ui import import_wizard_preview
from cadre_desktop.ui.import_wizard import ImportWizard
from cadre_desktop.ui.import_wizard_parts import CHANGED_COLOUR, REJECTED_COLOUR
from cadre_desktop.ui.import_wizard_units import CREATE
from cadre_desktop.ui.kit import prompts
from gui_support import OFFSCREEN_NOISE
from roster_files import populate, write_xlsx

pytestmark = OFFSCREEN_NOISE

BACK, NEXT, COMMIT = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.CommitButton)


def _wizard(qtbot: QtBot, db_path: Path, path: Path) -> ImportWizard:
    db = open_database(db_path)
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.destroyed.connect(lambda _obj=None: db.close())
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    return wizard


def _click(qtbot: QtBot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:
    button: QAbstractButton = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _previewed(qtbot: QtBot, wizard: ImportWizard) -> Any:
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.job is None, timeout=20000)
    assert page.preview is not None, page.summary.text()
    return page


def _column(page: Any, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _query(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    db = open_database(db_path)
    try:
        return [tuple(row) for row in db.conn.execute(sql)]
    finally:
        db.close()


def test_matching_by_id_number_updates_the_right_people_and_counts_unchanged_ones(
        qtbot: QtBot, qtmodeltester: object, db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    populate(db)
    db.close()
    path = write_xlsx(tmp_path / "ds.xlsx", [
        ["Họ và tên", "Số CCCD", "Điện thoại", "Ngày sinh"],
        ["Nguyễn Văn An", "072095001234", "0911111111", "17/05/1995"],  # phone changes
        ["Trần Thị Bình", "072198001235", None, "1998"],  # as stored
        ["Vũ Thị Mai", "072302001238", None, "2002"],  # new
    ])
    wizard = _wizard(qtbot, db_path, path)
    _click(qtbot, wizard, NEXT)
    mapping = wizard.mapping_page
    # No Mã column: the wizard suggests matching by Số CCCD. The clerk first tries Mã.
    assert mapping.match() == "id-number"
    assert mapping.match_combo.currentText() == "Citizen ID number (Số CCCD)"
    qtbot.keyClick(mapping.match_combo, Qt.Key.Key_Up)
    assert mapping.match() == "code"
    _click(qtbot, wizard, NEXT)
    page = _previewed(qtbot, wizard)
    assert _column(page, 1) == ["Rejected", "Rejected", "New"]
    assert "072095001234" in page.model.index(0, 2).data()
    assert not wizard.button(COMMIT).isEnabled()

    _click(qtbot, wizard, BACK)
    assert wizard.currentPage() is mapping and mapping.match() == "code"
    qtbot.keyClick(mapping.match_combo, Qt.Key.Key_Down)
    assert mapping.match() == "id-number"
    _click(qtbot, wizard, NEXT)
    page = _previewed(qtbot, wizard)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.summary.text() == ("1 new people, 1 changed, 1 unchanged, 0 rejected rows,"
                                   " 0 warnings.")
    assert _column(page, 1) == ["Changed: Phone", "Unchanged", "New"]
    assert _column(page, 2) == ["", "", ""]
    phone = page.model.index(0, 5)
    assert phone.data() == "0911111111"
    assert phone.data(Qt.ItemDataRole.BackgroundRole).color() == CHANGED_COLOUR
    assert page.model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.model.index(1, 3).data(Qt.ItemDataRole.ForegroundRole) is not None  # muted
    assert page.units.isHidden()

    with qtbot.waitSignal(wizard.imported):
        _click(qtbot, wizard, COMMIT)
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done)
    assert result.summary.text() == "1 people added, 1 updated, 1 unchanged."
    assert result.save_rejected.isHidden()
    assert _query(db_path, "SELECT phone FROM person WHERE citizen_id = '072095001234'") == [
        ("0911111111",)]
    assert _query(db_path, "SELECT citizen_id, COUNT(*) FROM person WHERE deleted = 0"
                           " GROUP BY citizen_id HAVING COUNT(*) > 1 AND citizen_id IS NOT NULL"
                  ) == []
    assert _query(db_path, "SELECT COUNT(*) FROM person") == [(5,)]
    wizard.accept()


# Opening a list: the offscreen platform cannot raise the popup nor grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)",
                           "This plugin does not support propagateSizeHints")
def test_mapping_a_misspelt_unit_onto_the_existing_one_creates_no_unit(
        qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    with db.write("units") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None)
        kp3 = units.create_unit(tx, "Chi đoàn Khu phố 3", root)
        units.create_unit(tx, "Chi đoàn Khu phố 4", root)
    db.close()
    path = write_xlsx(tmp_path / "ds.xlsx", [
        ["Họ và tên", "Ngày sinh", "Đơn vị"],
        ["Nguyễn Văn An", "1995", "Chi đoàn KP 3"],  # the abbreviation matches
        ["Trần Văn Bình", "1996", "Chi đoàn Khu ph 3"],  # a typo
        ["Lê Văn Cường", "1997", "Chi đoàn Ấp Mới"],  # really new
    ])
    wizard = _wizard(qtbot, db_path, path)
    _click(qtbot, wizard, NEXT)
    _click(qtbot, wizard, NEXT)
    page = _previewed(qtbot, wizard)
    panel = page.units
    assert panel.isVisible()
    table = panel.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows[0] == ["Chi đoàn Khu ph 3", "3", "Chi đoàn Khu phố 3; Chi đoàn Khu phố 4"]
    assert rows[1][:2] == ["Chi đoàn Ấp Mới", "4"]
    typo = panel.combos["Chi đoàn Khu ph 3"]
    assert [typo.itemText(i) for i in range(4)] == [
        "Choose…", "A new unit “Chi đoàn Khu ph 3”", "Chi đoàn Khu phố 3", "Chi đoàn Khu phố 4"]
    assert page.summary.text().endswith("2 units are not in the roster: choose below what"
                                        " each one is.")
    assert not wizard.button(COMMIT).isEnabled()  # not before every unit has a choice

    typo.setCurrentIndex(typo.findData(kp3.id))  # the clerk picks the real unit
    page = _previewed(qtbot, wizard)
    assert page.unit_map() == {"Chi đoàn Khu ph 3": kp3.id}
    assert panel.shown == ["Chi đoàn Khu ph 3", "Chi đoàn Ấp Mới"]
    assert page.summary.text().endswith("1 units are not in the roster: choose below what"
                                        " each one is.")
    assert panel.combos["Chi đoàn Khu ph 3"].currentData() == kp3.id
    assert [u.name for u in page.report().new_units] == ["Chi đoàn Ấp Mới"]
    assert not wizard.button(COMMIT).isEnabled()
    # Every other unit is in the list once it is opened.
    other = panel.combos["Chi đoàn Ấp Mới"]
    near = other.count()
    assert other.findData(root.id) < 0
    other.showPopup()
    assert other.findData(root.id) > near and other.itemText(other.count() - 1) == \
        "Đoàn phường Gia Lộc"
    other.hidePopup()
    assert other.currentText() == "Choose…"
    qtbot.mouseClick(panel.create_rest, Qt.MouseButton.LeftButton)  # the rest are new
    assert panel.decisions["Chi đoàn Ấp Mới"] == CREATE
    assert page.job is None  # creating is what the preview already showed: no new read
    assert wizard.button(COMMIT).isEnabled()

    with qtbot.waitSignal(wizard.imported):
        _click(qtbot, wizard, COMMIT)
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done)
    assert result.summary.text() == ("3 people added, 0 updated, 0 unchanged.\n"
                                     "New units: Chi đoàn Ấp Mới")
    assert _query(db_path, "SELECT COUNT(*) FROM unit") == [(4,)]
    placed = dict(_query(db_path, "SELECT p.full_name, u.name FROM person p"
                                  " JOIN unit u ON u.id = p.unit_id"))
    assert placed == {"Nguyễn Văn An": "Chi đoàn Khu phố 3",
                      "Trần Văn Bình": "Chi đoàn Khu phố 3", "Lê Văn Cường": "Chi đoàn Ấp Mới"}
    wizard.accept()


ROWS = [
    ["Họ và tên", "Ngày sinh", "Giới tính", "Quê quán"],
    ["Hoàng Văn Em", "12/03/1996", "Nam", "Tây Ninh"],
    ["Vũ Văn Giang", "31/02/2001", "Nam", "+Huế (cũ)"],  # formula-like text
]


def test_the_rejected_rows_are_saved_with_their_reason(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", ROWS)
    asked: list[tuple[str, str]] = []

    def save_as(_parent: object, title: str, start: str, _filters: str) -> str:
        asked.append((title, start))
        return str(tmp_path / ("fix-these" if len(asked) == 1 else "left-out.xlsx"))

    monkeypatch.setattr(prompts, "save_file_name", save_as)
    wizard = _wizard(qtbot, db_path, path)
    _click(qtbot, wizard, NEXT)
    _click(qtbot, wizard, NEXT)
    page = _previewed(qtbot, wizard)
    assert page.model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole).color() == \
        REJECTED_COLOUR
    assert page.save_rejected.isEnabled()
    qtbot.mouseClick(page.save_rejected, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.saved.text()))
    saved = tmp_path / "fix-these.xlsx"
    assert asked[0] == ("Save the rejected rows", str(tmp_path / "ds - rejected rows.xlsx"))
    assert page.saved.text() == f"1 rejected rows saved in {saved}."
    sheet = openpyxl.load_workbook(saved).active
    assert sheet is not None
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        [*ROWS[0], "Lý do không nhập", "Dòng trong tệp gốc"],
        [*ROWS[2], "Ngày sinh: Ngày 31/02/2001 không tồn tại", 3]]
    assert sheet.cell(2, 4).data_type == "s"  # the formula-like text stays text
    assert saved.stat().st_mode & 0o077 == 0

    # After importing the valid rows the clerk can still save the rows left out.
    page.valid_only.setChecked(True)
    with qtbot.waitSignal(wizard.imported):
        _click(qtbot, wizard, COMMIT)
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done)
    assert result.save_rejected.isVisible()
    qtbot.mouseClick(result.save_rejected, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(result.saved.text()))
    again = openpyxl.load_workbook(tmp_path / "left-out.xlsx").active
    assert again is not None and again.cell(2, 5).value == \
        "Ngày sinh: Ngày 31/02/2001 không tồn tại"
    wizard.accept()


def test_back_stops_the_preview_and_returns_to_the_mapping_and_the_file(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "first.xlsx", ROWS)
    second = write_xlsx(tmp_path / "second.xlsx", [["Họ và tên", "Ngày sinh"],
                                                   ["Đinh Thị Hạnh", "2000"]])
    real = import_wizard_preview.read_preview
    slow = [True]
    stopped: list[bool] = []

    def read(db: Any, path: Path, *args: Any, **options: Any) -> Any:
        progress = options["progress"]
        while slow[0] and not progress.cancelled:  # a big file, still being read
            progress.step("", 1, 10)
            time.sleep(0.02)
        stopped.append(progress.cancelled)
        return real(db, path, *args, **options)

    monkeypatch.setattr(import_wizard_preview, "read_preview", read)
    wizard = _wizard(qtbot, db_path, first)
    _click(qtbot, wizard, NEXT)
    mapping = wizard.mapping_page
    _click(qtbot, wizard, NEXT)
    page = wizard.preview_page
    assert page.job is not None and not wizard.button(COMMIT).isEnabled()
    _click(qtbot, wizard, BACK)  # while the preview is read
    assert wizard.currentPage() is mapping
    qtbot.waitUntil(lambda: stopped == [True])
    qtbot.waitUntil(lambda: not wizard.jobs or not any(j.running for j in wizard.jobs))
    assert page.summary.text() == "Reading the file…"  # the stopped read reports nothing

    slow[0] = False
    mapping.combos[3].setCurrentIndex(mapping.combos[3].findData("note"))
    _click(qtbot, wizard, NEXT)
    page = _previewed(qtbot, wizard)
    assert page.model.headerData(6, Qt.Orientation.Horizontal) == "Quê quán"
    assert _column(page, 1) == ["New", "Rejected"]

    _click(qtbot, wizard, BACK)
    _click(qtbot, wizard, BACK)
    assert wizard.currentPage() is wizard.file_page
    wizard.file_page.path_edit.setText(str(second))
    _click(qtbot, wizard, NEXT)
    assert mapping.overrides() == {}
    _click(qtbot, wizard, NEXT)
    page = _previewed(qtbot, wizard)
    assert _column(page, 3) == ["Đinh Thị Hạnh"]
    assert page.summary.text() == ("1 new people, 0 changed, 0 unchanged, 0 rejected rows,"
                                   " 0 warnings.")
    assert wizard.button(COMMIT).isEnabled()
    wizard.reject()
