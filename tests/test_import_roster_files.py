"""Roster import of awkward files: legacy encodings, CSV dialects, NFD, broken files, sheets."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.importing import tabular, xlsx_book
from cadre_desktop.importing.legacy import unicode_to_tcvn3, unicode_to_vni
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.store.db import Database
from roster_files import new_db, with_shared_strings, write_csv, write_xlsx

PEOPLE = [
    ("Nguyễn Văn An", "12/03/1995", "Nam", "Chi đoàn Khu phố Một", "Bí thư chi đoàn"),
    ("Trần Thị Bình", "1998", "Nữ", "Chi đoàn Khu phố Một", "Ủy viên Ban Chấp hành"),
    ("Lê Thị Thu Hương", "05/2000", "Nữ", "Chi đoàn Trường học", ""),
    ("Phạm Đức Thắng", "1999", "Nam", "Chi đoàn Trường học", "Phó Bí thư chi đoàn"),
]
HEADINGS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ"]


def _names(db: Database) -> list[tuple[str, str | None, str | None]]:
    return db.conn.execute(
        "SELECT p.full_name, p.birth_date, u.name FROM person p"
        " LEFT JOIN unit u ON u.id = p.unit_id ORDER BY p.name_key").fetchall()


EXPECTED = [
    ("Nguyễn Văn An", "1995-03-12", "Chi đoàn Khu phố Một"),
    ("Trần Thị Bình", "1998", "Chi đoàn Khu phố Một"),
    ("Lê Thị Thu Hương", "2000-05", "Chi đoàn Trường học"),
    ("Phạm Đức Thắng", "1999", "Chi đoàn Trường học"),
]


def _legacy_rows(encode: Callable[[str], str]) -> list[list[object]]:
    rows: list[list[object]] = [[encode("danh sách cán bộ đoàn")], [encode(h) for h in HEADINGS]]
    for i, (name, birth, gender, unit, position) in enumerate(PEOPLE, start=1):
        rows.append([i, encode(name), birth, encode(gender), encode(unit),
                     encode(position) or None])
    return rows


def test_tcvn3_by_font(tmp_path: Path) -> None:
    rows = _legacy_rows(unicode_to_tcvn3)
    assert rows[2][1] == "NguyÔn V¨n An"
    path = write_xlsx(tmp_path / "vn3.xlsx", rows, font=".VnTime", fonts={1: ".VnTimeH"})
    db = new_db(tmp_path)
    report = import_roster(db, path)
    assert (report.imported, report.updated, report.rejected, report.warnings) == (4, 0, [], [])
    assert report.to_json()["created_units"] == [
        {"name": name, "similar_to": []}
        for name in ("Đơn vị gốc", "Chi đoàn Khu phố Một", "Chi đoàn Trường học")]
    assert report.legacy_encoding == "tcvn3"
    assert set(_names(db)) == set(EXPECTED)
    positions = {r[0] for r in db.conn.execute(
        "SELECT position_code FROM position_assignment")}
    assert positions == {"bi_thu_chi_doan", "uv_bch", "pho_bi_thu_chi_doan"}


def test_tcvn3_capitals_font_in_the_preview_samples(tmp_path: Path) -> None:
    from cadre_desktop.importing.roster_preview import read_layout

    rows = _legacy_rows(unicode_to_tcvn3)
    path = write_xlsx(tmp_path / "vn3.xlsx", rows, font=".VnTime", fonts={1: ".VnTimeH"})
    layout = read_layout(path)
    assert layout.legacy_encoding == "tcvn3"
    assert (unicode_to_tcvn3("danh sách cán bộ đoàn"), "DANH SÁCH CÁN BỘ ĐOÀN") in \
        layout.legacy_samples
    assert ("NguyÔn V¨n An", "Nguyễn Văn An") in layout.legacy_samples
    assert layout.header_row == 2
    assert [c.field for c in layout.columns] == ["skip", "full_name", "birth", "gender",
                                                "unit", "position"]


def test_vni_by_font(tmp_path: Path) -> None:
    rows = _legacy_rows(unicode_to_vni)
    assert rows[2][1] == "Nguyeãn Vaên An"
    db = new_db(tmp_path)
    report = import_roster(db, write_xlsx(tmp_path / "vni.xlsx", rows, font="VNI-Times"))
    assert (report.imported, report.rejected, report.legacy_encoding) == (4, [], "vni")
    assert set(_names(db)) == set(EXPECTED)


def test_vni_without_fonts_found_by_statistics(tmp_path: Path) -> None:
    rows = _legacy_rows(unicode_to_vni)
    db = new_db(tmp_path)
    report = import_roster(db, write_xlsx(tmp_path / "vni.xlsx", rows))
    assert (report.imported, report.rejected, report.legacy_encoding) == (4, [], "vni")
    assert set(_names(db)) == set(EXPECTED)


def test_legacy_conversion_can_be_switched_off_or_forced(tmp_path: Path) -> None:
    rows = _legacy_rows(unicode_to_vni)
    path = write_xlsx(tmp_path / "vni.xlsx", rows)
    db = new_db(tmp_path)
    with pytest.raises(UserError, match="Không tìm thấy dòng tiêu đề"):
        import_roster(db, path, legacy=None, dry_run=True)
    forced = import_roster(db, path, legacy="vni", dry_run=True)
    assert forced.imported == 4 and forced.legacy_encoding == "vni"


def test_unicode_text_in_a_legacy_font_is_left_alone(tmp_path: Path) -> None:
    rows = [HEADINGS] + [[i, *p] for i, p in enumerate(PEOPLE, start=1)]
    db = new_db(tmp_path)
    report = import_roster(db, write_xlsx(tmp_path / "u.xlsx", rows, font=".VnTime"))
    assert report.imported == 4 and report.legacy_encoding is None
    assert set(_names(db)) == set(EXPECTED)


def test_csv_with_bom_semicolons_and_nfd_text(tmp_path: Path) -> None:
    nfd = [[unicodedata.normalize("NFD", str(v)) for v in row] for row in
           [["Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ"],
            *[list(p) for p in PEOPLE]]]
    nfd.append(["Tổng cộng: 4", "", "", "", ""])
    path = write_csv(tmp_path / "ds.csv", nfd, delimiter=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    db = new_db(tmp_path)
    report = import_roster(db, path)
    assert report.to_json()["imported"] == 4
    assert report.sheet is None
    assert set(_names(db)) == set(EXPECTED)
    assert all(unicodedata.is_normalized("NFC", n) for (n, _b, _u) in _names(db))


def test_csv_rows_are_numbered_like_the_file_lines(tmp_path: Path) -> None:
    rows = [
        ["Danh sách, năm 2024"],
        ["Họ và tên", "Ngày sinh", "Số CCCD", "Ghi chú"],
        ["Nguyễn Văn An", "30/02/1990", "", ""],
        ["Trần Thị Bình", "1998", "079198001235", "chuyển đến, 2023"],
        ["Lê Văn Cường", "1999", "12345", ""],
    ]
    db = new_db(tmp_path)
    report = import_roster(db, write_csv(tmp_path / "ds.csv", rows, bom=False))
    assert report.to_json()["rejected"] == [
        {"row": 3, "reason": "Ngày sinh: Ngày 30/02/1990 không tồn tại"},
        {"row": 5, "reason": "Số CCCD '12345' phải có 12 chữ số (hoặc 9 với CMND cũ)"},
    ]


def test_sniffed_delimiters() -> None:
    assert tabular.sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert tabular.sniff_delimiter("a,b,c\n1,2,3\n") == ","
    assert tabular.sniff_delimiter("a\tb\tc\n1\t2\t3\n") == "\t"
    assert tabular.sniff_delimiter("Tiêu đề\n") == ","


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "bị hỏng"),
    ("text.xlsx", b"Ho va ten,Ngay sinh\n", "bị hỏng"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "bị hỏng hoặc không phải tệp .xls"),
    ("notes.docx", b"x", "Chỉ nhập được tệp .xlsx, .xls hoặc .csv"),
    ("latin.csv", "Ngày sinh\n".encode("cp1252"), "không ở mã UTF-8"),
    ("empty.csv", b"", "Không tìm thấy dòng tiêu đề"),
])
def test_broken_and_unsupported_files(tmp_path: Path, name: str, content: bytes,
                                      message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        import_roster(new_db(tmp_path), path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không tìm thấy tệp"):
        import_roster(new_db(tmp_path), tmp_path / "none.xlsx")


def test_sheet_choice(tmp_path: Path) -> None:
    rows = [HEADINGS] + [[i, *p] for i, p in enumerate(PEOPLE, start=1)]
    path = write_xlsx(tmp_path / "book.xlsx", rows, sheet="Cán bộ",
                      extra_sheets={"Hướng dẫn": [["Điền danh sách vào trang sau"]]})
    assert tabular.sheet_names(path) == ["Hướng dẫn", "Cán bộ"]
    db = new_db(tmp_path)
    report = import_roster(db, path, dry_run=True)
    assert (report.sheet, report.imported) == ("Cán bộ", 4)
    with pytest.raises(UserError, match="Không tìm thấy dòng tiêu đề trong trang 'Hướng dẫn'"):
        import_roster(db, path, sheet="Hướng dẫn")
    with pytest.raises(UserError, match="không có trang 'Khác'"):
        import_roster(db, path, sheet="Khác")


def test_cell_reader_matches_openpyxl(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["text", 12, 1.5, True, dt.datetime(2024, 5, 17), dt.date(2001, 2, 3), None,
               "=1+1", "079123456789"])
    ws["C3"] = "far away"
    ws["A5"] = dt.time(8, 30)
    ws.append([None, None, None, None, None, None, None, None, None, "#N/A"])
    path = tmp_path / "cells.xlsx"
    book.save(path)
    grid = tabular.read_grid(path)
    check = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = check.active
    sheet.reset_dimensions()
    expected = [list(r) for r in sheet.iter_rows(values_only=True)]
    check.close()

    def trim(row: list[object]) -> list[object]:
        while row and row[-1] is None:
            row = row[:-1]
        return row

    assert [trim(r) for r in grid.rows] == [trim(r) for r in expected]
    assert grid.font(0, 0) == "Calibri"
    assert grid.font(0, 1) is None  # fonts are kept for text cells only
    public = xlsx_book.PublicBook(path)
    try:
        rows, _fonts = public.read("Sheet", None, None)
    finally:
        public.close()
    assert [trim(r) for r in rows] == [trim(r) for r in expected]
    light = xlsx_book.LightBook(path)
    try:
        assert light.estimate("Sheet") == len(expected) == 6
    finally:
        light.close()


def test_openpyxl_fallback_reads_the_same_and_votes_fonts_by_column(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _legacy_rows(unicode_to_tcvn3)
    path = write_xlsx(tmp_path / "vn3.xlsx", rows, font=".VnTime", fonts={1: ".VnTimeH"})
    fast = tabular.read_grid(path)
    monkeypatch.setattr(tabular, "LIGHT_BOOK", False)
    monkeypatch.setattr(xlsx_book, "FONT_SAMPLE_ROWS", 3)
    slow = tabular.read_grid(path)
    assert [[v for v in r if v is not None] for r in slow.rows] == \
        [[v for v in r if v is not None] for r in fast.rows]
    assert len(slow.fonts) == 3 and len(fast.fonts) == len(fast.rows)
    db = new_db(tmp_path)
    report = import_roster(db, path)
    assert (report.imported, report.rejected, report.legacy_encoding) == (4, [], "tcvn3")
    assert set(_names(db)) == set(EXPECTED)


def test_shared_strings_and_rich_text(tmp_path: Path) -> None:
    """Excel writes text through a shared string table (openpyxl writes it inline)."""
    rows = [HEADINGS] + [[i, *p] for i, p in enumerate(PEOPLE, start=1)]
    path = write_xlsx(tmp_path / "sst.xlsx", rows, font="Times New Roman")
    rich = {"Phạm Đức Thắng": "<r><rPr><b/></rPr><t>Phạm Đức </t></r><r><t>Thắng</t></r>"
                              '<rPh sb="0" eb="1"><t>ファム</t></rPh>'}
    with_shared_strings(path, rich)
    assert b"sharedStrings" in path.read_bytes()
    check = openpyxl.load_workbook(path, read_only=True, data_only=True)
    expected = [list(r) for r in check.active.iter_rows(values_only=True)]
    check.close()
    assert expected[4][1] == "Phạm Đức Thắng"
    grid = tabular.read_grid(path)
    assert grid.rows == expected
    assert grid.font(4, 1) == "Times New Roman"
    db = new_db(tmp_path)
    report = import_roster(db, path)
    assert (report.imported, report.rejected) == (4, [])
    assert set(_names(db)) == set(EXPECTED)
