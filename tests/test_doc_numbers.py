"""Document numbers never double ("15-DS/ĐTN" prints "Số: 15-DS/ĐTN"), a kind or a symbol
other than the document's and the settings' is refused with the reason; certificate
numbers follow the office's pattern, a sequence per year, and certificates bear the
class's end date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cadre_desktop.cli.main import main
from cadre_desktop.domain.doc_number import (
    BLANK_NUMBER,
    certificate_number,
    check_certificate_pattern,
    check_number,
    parse_number,
)
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.printing import print_attendance, print_certificates
from cadre_desktop.services import attendance
from cadre_desktop.services.doc_numbers import number_preview
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import load_profile, save_profile
from pdf_read import page_texts
from test_printing import PEOPLE, _class, _office, _people


@pytest.mark.parametrize("typed", [
    "15", " 15 ", "15-DS", "15-DS/ĐTN", "15 - DS / ĐTN", "15-ds/dtn", "Số: 15-DS/ĐTN",
    "số 15", "15/ĐTN",
])
def test_the_number_as_the_register_reads_it_is_understood(typed: str) -> None:
    found = check_number(typed, "DS", "ĐTN")
    assert found.ok and found.number == "15"
    assert found.line == "Số: 15-DS/ĐTN"


@pytest.mark.parametrize(("typed", "reason"), [
    ("15-KH/ĐTN", "loại “DS”, không phải “KH”"),
    ("15-DS/BTV", "Ký hiệu “BTV” khác ký hiệu của đơn vị"),
    ("mười lăm", "Chỉ nhập số văn bản"),
    ("15a", "Chỉ nhập số văn bản"),
])
def test_another_kind_or_symbol_is_refused_with_the_reason(typed: str, reason: str) -> None:
    found = check_number(typed, "DS", "ĐTN")
    assert not found.ok and reason in found.message
    assert found.line == f"Số: {BLANK_NUMBER}-DS/ĐTN"  # nothing half-understood is shown
    with pytest.raises(InvalidInput, match=reason.split("“")[0]):
        parse_number(typed, "DS", "ĐTN")


def test_blank_and_without_a_symbol_in_the_settings() -> None:
    assert check_number("", "DS", "ĐTN").line == f"Số: {BLANK_NUMBER}-DS/ĐTN"
    assert check_number("  ", "DS", "/ĐTN").number is None
    assert check_number("7", "TB", "").line == "Số: 7-TB"
    found = check_number("7-TB/ĐTN", "TB", "")
    assert not found.ok and "chưa đặt ký hiệu" in found.message


def test_certificate_patterns() -> None:
    assert certificate_number(15, 2026, "ĐTN") == "15/GCN-ĐTN"
    assert certificate_number(15, 2026, "ĐTN", "{Số}/{Năm}/GCN-{Ký hiệu}") == "15/2026/GCN-ĐTN"
    assert certificate_number(15, 2026, "", "GCN-{seq}/{year}") == "GCN-15/2026"
    assert check_certificate_pattern("{số}/GCN") == ""
    assert "{số}" in check_certificate_pattern("GCN-{ký hiệu}")
    assert "{tháng}" in check_certificate_pattern("{số}/{tháng}")
    # A pattern that cannot number (from an older settings file) falls back to the default.
    assert certificate_number(3, 2026, "ĐTN", "{tháng}") == "3/GCN-ĐTN"


def test_the_printed_number_never_doubles(db: Database, tmp_path: Path) -> None:
    ids = _people(db, _office(db), PEOPLE)
    class_id = _class(db, list(ids.values()), 4)
    out = tmp_path / "a.pdf"
    print_attendance(db, class_id, out, number="15-DS/ĐTN", on=dt.date(2026, 11, 22))
    text = page_texts(out)[0]
    assert "Số: 15-DS/ĐTN" in text and "ĐTN-DS" not in text
    with pytest.raises(InvalidInput, match="khác ký hiệu"):
        print_attendance(db, class_id, tmp_path / "b.pdf", number="15-DS/TĐTN")
    assert not (tmp_path / "b.pdf").exists()


def test_the_live_preview_for_the_gui(db: Database) -> None:
    _office(db)
    assert number_preview(db, "15").line == "Số: 15-DS/ĐTN"
    assert number_preview(db, "15-DS/ĐTN").line == "Số: 15-DS/ĐTN"
    assert number_preview(db, "15", "TB").line == "Số: 15-TB/ĐTN"
    assert "khác ký hiệu" in number_preview(db, "15-DS/TWĐ").message


def test_the_command_line_refuses_a_number_it_cannot_print(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _people(db, _office(db), PEOPLE)
    class_id = _class(db, list(ids.values()), 2)
    out = tmp_path / "a.pdf"
    code = main(["print", "participants", "--db", str(db.path), "--class", class_id,
                 "-o", str(out), "--number", "15-KH/ĐTN"])
    assert code == 1 and "loại “DS”" in capsys.readouterr().err and not out.exists()
    assert main(["print", "participants", "--db", str(db.path), "--class", class_id,
                 "-o", str(out), "--number", "Số: 15-DS/ĐTN"]) == 0
    assert "Số: 15-DS/ĐTN" in page_texts(out)[0]


def test_certificates_follow_the_pattern_and_bear_the_end_date(
    db: Database, tmp_path: Path
) -> None:
    ids = _people(db, _office(db), PEOPLE)
    first = _class(db, list(ids.values())[:3], 6)  # 2 Nov 2026 to 4 Nov 2026
    second = _class(db, list(ids.values())[3:], 6)
    with db.write("no numbers yet") as tx:
        tx.conn.execute("UPDATE enrolment SET result = 'completed', certificate_no = NULL")
        profile = load_profile(tx)
        profile.certificate_pattern = "{số}/GCN-{ký hiệu}"
        save_profile(tx, profile)
    given = attendance.assign_certificates(db, first)
    assert [n for _, n in given] == ["1/GCN-ĐTN", "2/GCN-ĐTN", "3/GCN-ĐTN"]
    # The sequence runs on through the year, into the next class.
    assert [n for _, n in attendance.assign_certificates(db, second)][:2] == [
        "4/GCN-ĐTN", "5/GCN-ĐTN"]
    out = tmp_path / "gcn.pdf"
    assert print_certificates(db, first, out) == 3
    pages = page_texts(out)
    assert "Số: 1/GCN-ĐTN" in pages[0] and "Số: 3/GCN-ĐTN" in pages[2]
    # Dated the day the class ended, not the day of printing; not the office's code.
    assert all("Gia Lộc, ngày 04 tháng 11 năm 2026" in page for page in pages)
    assert not any("GL" in page.split("Số:")[-1] for page in pages)
    cli = tmp_path / "cli.pdf"
    assert main(["print", "certificates", "--db", str(db.path), "--class", first,
                 "-o", str(cli)]) == 0
    assert "ngày 04 tháng 11 năm 2026" in page_texts(cli)[0]
