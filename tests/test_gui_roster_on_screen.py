"""The roster's list filters, and what is on screen exported and printed as it is shown."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from cadre_desktop.services import lists
from cadre_desktop.store import people
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.preview import PrintPreview
from cadre_desktop.ui.main_window import MainWindow
from gui_support import OFFSCREEN_NOISE, Office, settle, shown_names, type_text

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def cadres(office: Office) -> Office:
    """Two of the office's people hold positions and a theory level."""
    db = open_database(office.path)
    try:
        bi_thu = lists.choices(db, "position")[0][0]
        trung_cap = next(code for code, label in lists.choices(db, "theory_level")
                         if "Trung" in label)
        found = {r[1]: r[0] for r in db.conn.execute("SELECT id, full_name FROM person")}
        with db.write("cadres") as tx:
            for name in ("Nguyễn Văn Đức", "Lê Thị Bình"):
                tx.update("person", found[name], {"theory_level": trung_cap})
                people.set_current_position(tx, found[name], bi_thu, None)
    finally:
        db.close()
    return office


def choose(combo: QComboBox, label_part: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if label_part in combo.itemText(i)))


@pytest.fixture
def win(qtbot: QtBot, cadres: Office, window: MainWindow) -> MainWindow:
    return window


def test_filters_by_position_and_theory_level(qtbot: QtBot, win: MainWindow) -> None:
    page = win.roster_page
    combos = page.filters.combos
    choose(combos["position_code"], combos["position_code"].itemText(1))
    assert shown_names(page.view) == ["Lê Thị Bình", "Nguyễn Văn Đức"]
    combos["position_code"].setCurrentIndex(0)
    choose(combos["theory_level"], "Trung")
    assert shown_names(page.view) == ["Lê Thị Bình", "Nguyễn Văn Đức"]
    type_text(page.search, "binh")
    qtbot.waitUntil(lambda: shown_names(page.view) == ["Lê Thị Bình"], timeout=5000)
    page.filters.clear()
    page.search.clear()
    qtbot.waitUntil(lambda: len(shown_names(page.view)) == 6, timeout=5000)


def test_export_writes_the_people_on_screen_in_their_order(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, win: MainWindow, office: Office,
        tmp_path: Path) -> None:
    page = win.roster_page
    page.units.select_unit(office.unit_ids["kp2"])
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = shown_names(page.view)
    assert names == ["Lê Thị Bình", "Trần Văn Anh", "Nguyễn Hữu Anh"]
    target = tmp_path / "kp2.xlsx"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(target))
    page.export_action.trigger()
    qtbot.waitUntil(lambda: "Exported 3 people" in win.statusBar().currentMessage(),
                    timeout=20000)
    sheet = openpyxl.load_workbook(target, read_only=True).active
    written = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert written == names


def test_ctrl_p_prints_the_list_on_screen_into_the_preview(qtbot: QtBot, win: MainWindow,
                                                            office: Office) -> None:
    page = win.roster_page
    page.units.select_unit(office.unit_ids["kp1"])
    settle(page.model)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    printer = page.files.printer
    qtbot.waitUntil(lambda: isinstance(printer.dialog, PrintPreview)
                    and printer.dialog.isVisible(), timeout=30000)
    assert printer.last_pdf is not None and printer.last_pdf.read_bytes().startswith(b"%PDF")
    text = printer.last_pdf.read_bytes()
    assert text  # a real document was made for the three people of the branch
    printer.dialog.close()
