"""Roster export: the contract's headings, text cells, and a file that imports back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.exporting.roster_export import export_roster, roster_table
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.store.db import Database
from roster_files import new_db, populate, read_back

HEADINGS = [
    "Mã", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ",
    "Chế độ công tác", "Biên chế", "Đảng", "Quy hoạch", "Xếp loại 2023", "Xếp loại 2022",
    "Xếp loại 2018", "Kỷ luật đến", "Tạm hoãn cử đi cơ sở đến", "Điện thoại",
    "Lý luận chính trị",
]


def _txn_count(db: Database) -> int:
    return int(db.conn.execute("SELECT COUNT(*) FROM txn").fetchone()[0])


def test_headings_order_and_values(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    headings, rows = roster_table(db)
    assert headings == HEADINGS
    assert rows == [
        [ids["an"], "Nguyễn Văn An", "17/05/1995", "Nam", "072095001234",
         "Đoàn phường Gia Lộc", "Bí thư", "Chuyên trách", "Có", "Đảng viên",
         "Bí thư (2022-2027)", "Hoàn thành xuất sắc nhiệm vụ", "", "Khá", "", "",
         "0912345678", ""],
        [ids["anh"], "Phạm Thị Ánh", "01/01/2000", "Nữ", "072300001237",
         "Đoàn trường THPT Trảng Bàng", "Ủy viên Ban Chấp hành", "", "", "", "", "",
         "Hoàn thành nhiệm vụ", "", "", "", "", ""],
        [ids["binh"], "Trần Thị Bình", "1998", "Nữ", "072198001235", "Chi đoàn Khu phố 1",
         "Bí thư chi đoàn", "Kiêm nhiệm", "Không", "Nguồn phát triển đảng", "",
         "Hoàn thành tốt nhiệm vụ", "", "", "", "01/03/2026", "", ""],
        [ids["cuong"], "Lê Minh Cường", "03/2001", "Nam", "",
         "Đoàn trường THPT Trảng Bàng / Chi đoàn 12A1", "", "", "", "", "", "", "", "",
         "31/12/2025", "", "0387654321", ""],
    ]


def test_xlsx_keeps_numbers_as_text(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    populate(db)
    path = tmp_path / "ds.xlsx"
    assert export_roster(db, path) == 4
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert [c.value for c in sheet[1]] == HEADINGS
    assert sheet["E2"].value == "072095001234"
    assert sheet["E2"].number_format == "@"
    assert sheet["Q2"].value == "0912345678"
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "C2"
    book.close()


def test_csv_has_a_bom_for_excel(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    populate(db)
    path = tmp_path / "ds.csv"
    export_roster(db, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfM\xc3\xa3,")
    assert read_back(path)[0] == HEADINGS


def test_empty_roster_and_bad_suffix(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    assert export_roster(db, tmp_path / "empty.xlsx") == 0
    assert read_back(tmp_path / "empty.xlsx") == [HEADINGS[:11] + HEADINGS[-4:]]
    with pytest.raises(UserError, match=r"\.xlsx hoặc \.csv"):
        export_roster(db, tmp_path / "ds.pdf")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_into_a_fresh_database(tmp_path: Path, suffix: str) -> None:
    db = new_db(tmp_path)
    populate(db)
    first = tmp_path / f"first{suffix}"
    export_roster(db, first)
    fresh = new_db(tmp_path, "fresh.sqlite3")
    report = import_roster(fresh, first)
    document = report.to_json()
    assert [r["status"] for r in document.pop("rows")] == ["new"] * 4
    assert document == {
        "imported": 4, "updated": 0, "unchanged": 0, "rejected": [], "match": "code",
        "warnings": [{"row": 2, "message": "Không Mã nào trong tệp có trong dữ liệu này (tệp "
                                           "xuất từ dữ liệu khác): 4 dòng có Mã được nhập như "
                                           "người mới"}],
        "created_units": [{"name": name, "similar_to": []} for name in (
            "Đơn vị gốc", "Đoàn phường Gia Lộc", "Đoàn trường THPT Trảng Bàng",
            "Chi đoàn Khu phố 1", "Đoàn trường THPT Trảng Bàng / Chi đoàn 12A1")],
    }
    second = tmp_path / f"second{suffix}"
    export_roster(fresh, second)
    before, after = read_back(first), read_back(second)
    assert after[0] == before[0]
    assert [r[1:] for r in after[1:]] == [r[1:] for r in before[1:]]
    assert {r[0] for r in after[1:]}.isdisjoint({r[0] for r in before[1:]})


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_into_the_same_database_changes_nothing(tmp_path: Path, suffix: str) -> None:
    db = new_db(tmp_path)
    populate(db)
    path = tmp_path / f"ds{suffix}"
    export_roster(db, path)
    txns = _txn_count(db)
    report = import_roster(db, path)
    # Nothing changed, so nobody is "updated" (the clerk's own re-import of an export).
    document = report.to_json()
    assert [r["status"] for r in document.pop("rows")] == ["unchanged"] * 4
    assert document == {"imported": 0, "updated": 0, "unchanged": 4, "rejected": [],
                        "warnings": [], "created_units": [], "match": "code"}
    assert not report.written
    assert _txn_count(db) == txns
    again = tmp_path / f"again{suffix}"
    export_roster(db, again)
    assert read_back(again) == read_back(path)


def test_edited_export_updates_the_people(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    path = tmp_path / "ds.xlsx"
    export_roster(db, path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["G5"] = "Phó Bí thư chi đoàn"  # Cường becomes deputy secretary
    sheet["L5"] = "Hoàn thành tốt nhiệm vụ"
    sheet.append([None, "Vũ Thị Mai", "2002", "Nữ", None, "Chi đoàn Khu phố 1"])
    book.save(path)
    report = import_roster(db, path)
    assert (report.imported, report.updated, report.unchanged, report.rejected) == (1, 1, 3, [])
    changed = next(r for r in report.rows if r.status == "changed")
    assert (changed.person_id, changed.fields) == (ids["cuong"], ("position", "rating:2023"))
    _headings, rows = roster_table(db)
    cuong = next(r for r in rows if r[0] == ids["cuong"])
    assert (cuong[6], cuong[11]) == ("Phó Bí thư chi đoàn", "Hoàn thành tốt nhiệm vụ")
    assert [r[1] for r in rows] == ["Nguyễn Văn An", "Phạm Thị Ánh", "Trần Thị Bình",
                                    "Lê Minh Cường", "Vũ Thị Mai"]
