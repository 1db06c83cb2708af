"""The certificate number pattern in Settings: under the field, the next certificate's
number as it will be printed ("Số: 4/GCN-ĐTN"), live as the clerk types the pattern or the
office symbol, the very number the next certificates are given; a pattern that makes no
numbers says why and cannot be saved (nor by the service)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.services import attendance, doc_numbers, profile
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.profile_dialog import ProfileDialog
from cadre_desktop.ui.settings_page import SettingsPage
from gui_support import OFFSCREEN_NOISE, Office
from rotation_gui_support import fix_today
from test_printing import _class

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


def _classes(db: Database) -> tuple[str, str]:
    """Two classes ending in November 2026: the first's three certificates given, the
    second's two who completed still without a number."""
    people = [r[0] for r in db.conn.execute("SELECT id FROM person ORDER BY full_name")]
    first = _class(db, people[:3], 6, completed=3)
    second = _class(db, people[3:5], 6, name="Lớp thứ hai", completed=2)
    with db.write("numbers") as tx:
        tx.conn.execute("UPDATE enrolment SET certificate_no = NULL WHERE class_id = ?",
                        (second,))
        tx.conn.execute("UPDATE enrolment SET certificate_no = '4/GCN-ĐTN' WHERE class_id = ?"
                        " AND short_code = 'HV001'", (first,))
        office = profile.load_profile(db)
    office.doc_suffix = "ĐTN"
    profile.save_profile(db, office)
    return first, second


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, office: Office,
             window: MainWindow) -> tuple[SettingsPage, str]:
    fix_today(monkeypatch, dt.date(2026, 12, 1))
    db = open_database(office.path)
    try:
        _first, second = _classes(db)
    finally:
        db.close()
    window.navigation.setCurrentRow(window.pages.indexOf(window.settings_page))
    window.settings_page.reload()
    return window.settings_page, second


def test_the_pattern_shows_the_next_number_live(
        qtbot: QtBot, settings: tuple[SettingsPage, str], window: MainWindow) -> None:
    page, second = settings
    preview = page.form.certificate_preview
    pattern = page.form.edits["certificate_pattern"]
    # Taken this year: 4/GCN-ĐTN, 2/GCN and 3/GCN; the fourth number is taken: the fifth.
    assert preview.text() == "The next certificate of 2026: Số: 5/GCN-ĐTN"
    assert preview.isVisibleTo(page) and not page.save_button.isEnabled()
    pattern.setText("{Số}/{năm}/GCN-{ký hiệu}")
    assert preview.text() == "The next certificate of 2026: Số: 4/2026/GCN-ĐTN"
    page.form.edits["doc_suffix"].setText("/TĐTN")
    assert preview.text().endswith("Số: 4/2026/GCN-TĐTN") and page.save_button.isEnabled()

    pattern.setText("{tháng}/GCN")
    assert "{tháng}" in preview.text() and "{số}" in preview.text()
    assert "b00020" in preview.styleSheet() and not page.save_button.isEnabled()
    pattern.setText("GCN-{ký hiệu}")
    assert "phải có {số}" in preview.text() and not page.save_button.isEnabled()
    page.save()  # refused: the field says why
    assert profile.load_profile(window.db).certificate_pattern == ""

    pattern.setText("{số}/{năm}/GCN-{ký hiệu}")
    page.save_button.click()
    assert "Office profile saved" in window.statusBar().currentMessage()
    shown = preview.text().split(": ", 1)[1]
    # What the field showed is what the next certificates are given.
    given = attendance.assign_certificates(window.db, second)
    assert f"Số: {given[0][1]}" == shown == "Số: 4/2026/GCN-TĐTN"
    assert [n for _, n in given] == ["4/2026/GCN-TĐTN", "5/2026/GCN-TĐTN"]


def test_the_first_run_dialog_refuses_a_pattern_without_a_number(
        qtbot: QtBot, office: Office) -> None:
    db = open_database(office.path)
    try:
        dialog = ProfileDialog(db)
        qtbot.addWidget(dialog)
        for name, value in (("office_name", "BCH ĐOÀN PHƯỜNG GIA LỘC"), ("office_code", "GL"),
                            ("place_name", "Gia Lộc"), ("doc_suffix", "ĐTN")):
            dialog.form.edits[name].setText(value)
        save = dialog.buttons.buttons()[0]
        assert save.isEnabled()
        assert dialog.form.certificate_preview.text().endswith(": Số: 1/GCN-ĐTN")
        dialog.form.edits["certificate_pattern"].setText("GCN/{năm}")
        assert not save.isEnabled() and "{số}" in dialog.form.certificate_preview.text()
    finally:
        db.close()


def test_the_next_number_skips_those_given(db: Database) -> None:
    numbers = doc_numbers.CertificateNumbers(2026, frozenset({"2/GCN-ĐTN", "3/GCN-ĐTN"}))
    assert numbers.next_number("", "ĐTN").line == "Số: 4/GCN-ĐTN"
    assert numbers.next_number("{số}/GCN", "").number == "3/GCN"
    bad = numbers.next_number("{so}{x}", "ĐTN")
    assert not bad.ok and "{x}" in bad.message and bad.line == ""
    assert doc_numbers.certificate_numbers(db, 2026).taken == frozenset()
    office = profile.load_profile(db)
    office.certificate_pattern = "GCN-{năm}"
    with pytest.raises(InvalidInput, match=r"\{số\}"):
        profile.save_profile(db, office)
