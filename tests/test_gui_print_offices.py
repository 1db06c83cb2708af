"""The province's "Offices" page printed (Ctrl+P, into the print preview) and exported to
.xlsx as it lists the offices: the offices below with their last bundles, without the
province itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from bundle_helpers import PASS, Office, fast_scrypt, offices, template
from cadre_desktop.app import build_main_window
from cadre_desktop.services import bundles
from cadre_desktop.ui import form_widgets
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.offices.offices_page import OfficesPage
from gui_support import OFFSCREEN_NOISE
from pdf_read import page_texts
from preview_support import check_printout, press_print, preview_of

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE
__all__ = ["fast_scrypt", "offices", "template"]


def test_the_offices_page_prints_and_exports_its_list(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, offices: dict[str, Office],
        tmp_path: Path) -> None:
    bundles.import_file(offices["P"].db, bundles.export_to_file(
        offices["A"].db, tmp_path / "a.cadre", PASS).path, PASS)
    monkeypatch.setattr(form_widgets, "FIXED_TODAY", dt.date.today() + dt.timedelta(days=200))
    win = build_main_window(offices["P"].path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_page("offices")
    page = win.feature_pages["offices"]
    assert isinstance(page, OfficesPage)
    codes = [item.office.code for item in page.model.items()]
    assert sorted(codes) == ["DP-GL", "DX-TH"]

    press_print(qtbot, page.view)
    dialog, pdf = preview_of(qtbot, page.files.printer)
    assert pdf.name == "danh-sach-don-vi.pdf"
    check_printout(dialog, pdf, tmp_path / "printed.pdf")
    text = " ".join(page_texts(pdf))
    assert "DANH SÁCH ĐƠN VỊ" in text and "Tổng số: 2 đơn vị (quá hạn: 2)" in text
    assert "Đoàn phường Gia Lộc" in text and "Đoàn xã Tân Hưng" in text
    assert "Tỉnh đoàn Tây Ninh Đơn vị này" not in text and "TD-TN" not in text
    assert "Quá hạn: 200 ngày chưa gửi" in text
    dialog.reject()

    target = tmp_path / "don-vi.xlsx"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_args: str(target))
    page.files.export_button.click()
    qtbot.waitUntil(lambda: page.files.last_export == target, timeout=20000)
    sheet = openpyxl.load_workbook(target, read_only=True).active
    assert sheet is not None
    rows = [r for r in sheet.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert [r[1] for r in rows] == codes
    assert [r[3] for r in rows] == ["Cấp dưới", "Cấp dưới"]
    assert "don-vi.xlsx" in win.statusBar().currentMessage()
