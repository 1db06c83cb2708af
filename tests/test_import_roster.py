"""Roster import: exact reports on awkward sheets, and what lands in the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Cancelled, Progress
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.store import lookups, people, undo
from cadre_desktop.store.db import Database
from roster_files import new_db, populate, write_xlsx

DUP_AN = ("Số CCCD 072095001234 đã có trong dữ liệu (Nguyễn Văn An); muốn cập nhật người này "
          "thì ghi Mã của họ vào cột Mã, hoặc nhập với lựa chọn cập nhật theo số CCCD "
          "(--match id-number)")


def _counts(report: object) -> dict[str, object]:
    """The report's JSON without the per-row outcomes (checked by their own tests)."""
    document = report.to_json()  # type: ignore[attr-defined]
    assert document.pop("match") == "code"
    document.pop("rows")
    return dict(document)


def _awkward(path: Path, binh_id: str) -> Path:
    """Title block with merged cells, Nam/Nữ birth-year columns, lost zeros, an impossible
    date, an STT-only row, duplicate IDs, a Mã update, a bad Mã, totals and signatures."""
    rows = [
        ["ĐOÀN TNCS HỒ CHÍ MINH", None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BCH ĐOÀN PHƯỜNG GIA LỘC"],
        [],
        ["DANH SÁCH CÁN BỘ ĐOÀN NĂM 2024"],
        ["STT", "Mã", "Họ và tên", "Năm sinh", None, "Số CCCD", "Đơn vị", "Chức vụ",
         "Xếp loại 2023", "Điện thoại"],
        [None, None, None, "Nam", "Nữ"],
        [1, None, "Hoàng Văn Em", 1996, None, "072096001240", "Chi đoàn Khu phố 1",
         "Phó Bí thư chi đoàn", "Hoàn thành tốt nhiệm vụ", 912345670],
        [2, None, "Đỗ Thị Hoa", None, 1999, 72199001241, "Chi đoàn Khu phố 2", None, "HTXSNV"],
        [3, None, "Vũ Văn Giang", "31/02/2001", None, None, "Chi đoàn Khu phố 1"],
        [4],
        [5, None, "Bùi Thị Hạnh", None, 2000, "072096001240", "Chi đoàn Khu phố 1"],
        [6, None, "Nguyễn Văn An", 1995, None, "072095001234", "Đoàn phường Gia Lộc"],
        [7, binh_id, "Trần Thị Bình", None, 1998, "072198001235", "Chi đoàn Khu phố 1",
         "Phó Bí thư chi đoàn", "Hoàn thành xuất sắc nhiệm vụ"],
        [8, "khong-co-ma", "Lý Văn Khoa", 1990, None, None, "Chi đoàn Khu phố 1"],
        [9, None, "Đinh Thị Lan", None, 1997, None,
         "Đoàn trường THPT Trảng Bàng / Chi đoàn 12A2", "Ủy viên BCH Đoàn trường"],
        [],
        ["Tổng số: 9 đồng chí"],
        [None, None, "Người lập biểu", None, None, None, None, "TM. BAN THƯỜNG VỤ"],
        [None, None, "(Ký, ghi rõ họ tên)"],
        [None, None, "Phạm Văn Dũng", None, None, None, None, "Bí thư"],
    ]
    return write_xlsx(path, rows, merges=["A1:D1", "A4:H4", "D5:E5"])


AWKWARD_REJECTED = [
    {"row": 9, "reason": "Ngày sinh: Ngày 31/02/2001 không tồn tại"},
    {"row": 11, "reason": "Số CCCD 072096001240 trùng với dòng 7"},
    {"row": 12, "reason": DUP_AN},
    {"row": 14, "reason": "Mã khong-co-ma không có trong dữ liệu"},
]
AWKWARD_WARNINGS = [
    {"row": 7, "message": "Số điện thoại '912345670' thiếu số 0 ở đầu; đã khôi phục thành "
                          "'0912345670'"},
    {"row": 8, "message": "Số CCCD '72199001241' thiếu số 0 ở đầu (Excel đã bỏ); đã khôi phục "
                          "thành '072199001241'"},
    {"row": 15, "message": "Chức vụ 'Ủy viên BCH Đoàn trường' được hiểu là "
                           "'Ủy viên Ban Chấp hành'"},
]
AWKWARD_UNITS = ["Chi đoàn Khu phố 2", "Đoàn trường THPT Trảng Bàng / Chi đoàn 12A2"]
AWKWARD_NEW_UNITS = [
    {"name": "Chi đoàn Khu phố 2",
     "similar_to": ["Chi đoàn Khu phố 1", "Đoàn trường THPT Trảng Bàng / Chi đoàn 12A1"]},
    {"name": "Đoàn trường THPT Trảng Bàng / Chi đoàn 12A2",
     "similar_to": ["Đoàn trường THPT Trảng Bàng / Chi đoàn 12A1", "Chi đoàn Khu phố 1"]},
]


def _count(db: Database, table: str = "person") -> int:
    return int(db.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted = 0").fetchone()[0])


def _by_name(db: Database, name: str) -> dict[str, object]:
    cur = db.conn.execute("SELECT * FROM person WHERE full_name = ? AND deleted = 0", (name,))
    row = cur.fetchone()
    assert row is not None, name
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def test_awkward_sheet_is_refused_whole_by_default(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    txns = db.conn.execute("SELECT COUNT(*) FROM txn").fetchone()[0]
    report = import_roster(db, _awkward(tmp_path / "ds.xlsx", ids["binh"]))
    # Nothing is written, yet the units the file would create are listed (a typo shows).
    assert _counts(report) == {
        "imported": 0, "updated": 0, "unchanged": 0, "rejected": AWKWARD_REJECTED,
        "warnings": AWKWARD_WARNINGS, "created_units": AWKWARD_NEW_UNITS,
    }
    assert not report.written
    assert report.sheet == "Sheet1"
    assert report.legacy_encoding is None
    assert _count(db) == 4
    assert db.conn.execute("SELECT COUNT(*) FROM txn").fetchone()[0] == txns


def test_awkward_sheet_dry_run_with_skip_invalid_reports_without_writing(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    report = import_roster(db, _awkward(tmp_path / "ds.xlsx", ids["binh"]), dry_run=True,
                           skip_invalid=True)
    assert _counts(report) == {
        "imported": 3, "updated": 1, "unchanged": 0, "rejected": AWKWARD_REJECTED,
        "warnings": AWKWARD_WARNINGS, "created_units": AWKWARD_NEW_UNITS,
    }
    assert not report.written
    assert _count(db) == 4
    assert _count(db, "unit") == 4


def test_awkward_sheet_skip_invalid_imports_the_valid_rows(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    report = import_roster(db, _awkward(tmp_path / "ds.xlsx", ids["binh"]), skip_invalid=True)
    assert report.to_json()["imported"] == 3
    assert report.to_json()["updated"] == 1
    assert report.created_units == AWKWARD_UNITS
    assert report.written
    assert _count(db) == 7
    em = _by_name(db, "Hoàng Văn Em")
    assert (em["gender"], em["birth_date"], em["citizen_id"], em["phone"]) == (
        "M", "1996", "072096001240", "0912345670")
    hoa = _by_name(db, "Đỗ Thị Hoa")
    assert (hoa["gender"], hoa["birth_date"], hoa["citizen_id"]) == ("F", "1999", "072199001241")
    detail = people.get_person(db, str(hoa["id"]))
    assert detail is not None
    level = lookups.rating_level_for(db, 2023, "Hoàn thành xuất sắc nhiệm vụ")
    assert level is not None and detail.ratings == {2023: level.id}
    lan = people.get_person(db, str(_by_name(db, "Đinh Thị Lan")["id"]))
    assert lan is not None and lan.current_position == "uv_bch"
    unit = db.conn.execute("SELECT u.name, p.name FROM unit u JOIN unit p ON p.id = u.parent_id"
                           " WHERE u.id = ?", (lan.values["unit_id"],)).fetchone()
    assert unit == ("Chi đoàn 12A2", "Đoàn trường THPT Trảng Bàng")
    # The Mã row updated Bình: new position and rating; columns the file lacks are kept.
    binh = people.get_person(db, ids["binh"])
    assert binh is not None
    assert binh.current_position == "pho_bi_thu_chi_doan"
    assert binh.ratings[2023] == level.id
    assert binh.values["working_status"] == "kiem_nhiem"
    assert binh.values["party_status"] == "nguon"
    assert binh.values["no_rotation_until"] == "2026-03-01"
    # The whole import is one undoable action.
    label = undo.undo_last(db)
    assert label == "Nhập danh sách từ ds.xlsx"
    assert _count(db) == 4
    restored = people.get_person(db, ids["binh"])
    assert restored is not None and restored.current_position == "bi_thu_chi_doan"


def test_rows_footers_and_groups(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    rows = [
        ["(1)", "(2)", "(3)"],  # a numbering row above the header is just a title row
        ["TT", "Họ và tên", "Ngày sinh", "Chức vụ"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["I. Chi đoàn Khu phố 1"],  # in the STT column: nothing to import, skipped quietly
        [1, "Nguyễn Văn An", "01/02/1995", "Bí thư"],
        [2, "Họ và tên"],  # heading repeated at a page break
        [None, "Họ và tên", "Ngày sinh", "Chức vụ"],
        [None, "II. Chi đoàn Khu phố 2"],
        [3, "Trần Thị Bình", "1998"],
        [None, "Tổng cộng", None, None],
        [None, "Nguyễn Văn Cường", "1999", "Bí thư", "x"],
        [None, "Lê Văn Dũng", "1999", "Bí thư"],
    ]
    report = import_roster(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert _counts(report) == {
        "imported": 2, "updated": 0, "unchanged": 0, "rejected": [],
        "warnings": [
            {"row": 8, "message": "Dòng tiêu đề nhóm 'II. Chi đoàn Khu phố 2', bỏ qua"},
            {"row": 11, "message": "Dòng nằm dưới dòng tổng số/chữ ký nên không được nhập"},
            {"row": 12, "message": "Dòng nằm dưới dòng tổng số/chữ ký nên không được nhập"},
        ],
        "created_units": [],
    }
    an = people.get_person(db, str(_by_name(db, "Nguyễn Văn An")["id"]))
    assert an is not None and an.current_position == "bi_thu"


def test_lookups_statuses_planning_and_new_positions(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    rows = [
        ["Họ và tên", "Ngày sinh", "Chức vụ", "Chế độ công tác", "Biên chế", "Đảng",
         "Quy hoạch", "Xếp loại 2018", "Kỷ luật đến", "Tạm hoãn cử đi cơ sở đến"],
        ["Nguyễn Văn An", "1995", "UV BTV", "Chuyên trách", "x", "Đảng viên",
         "Phó Bí thư Thường trực (2022-2027)", "Khá", dt.datetime(2025, 6, 30), "01/01/2026"],
        ["Trần Thị Bình", "1996", "Tổ trưởng tổ thanh niên", "Kiêm nhiệm", "Không", "x",
         None, "Xuất sắc"],
        ["Lê Văn Cường", "1997", "tổ trưởng tổ thanh niên", "bán chuyên trách", None,
         "Nguồn phát triển đảng", "Tổ trưởng tổ thanh niên"],
        ["Phạm Văn Dũng", "1998", None, "Tình nguyện viên", "Có", "Chi bộ"],
        ["Hoàng Thị Em", "1999", None, None, None, None, None, "Hoàn thành tốt"],
    ]
    report = import_roster(db, write_xlsx(tmp_path / "a.xlsx", rows), skip_invalid=True)
    assert _counts(report) == {
        "imported": 3, "updated": 0, "unchanged": 0,
        "rejected": [
            {"row": 5, "reason": "Chế độ công tác 'Tình nguyện viên' không có trong danh mục "
                                 "(Chuyên trách, Bán chuyên trách, Kiêm nhiệm); Đảng 'Chi bộ' "
                                 "không hợp lệ (Đảng viên, Nguồn phát triển đảng hoặc để trống)"},
            {"row": 6, "reason": "Xếp loại 2018 'Hoàn thành tốt' không có trong thang xếp loại "
                                 "năm 2018"},
        ],
        "warnings": [{"row": 3, "message": "Chức vụ 'Tổ trưởng tổ thanh niên' chưa có trong "
                                           "danh mục chức vụ, được thêm vào danh mục"}],
        "created_units": [],
    }
    an = people.get_person(db, str(_by_name(db, "Nguyễn Văn An")["id"]))
    assert an is not None
    assert an.current_position == "uv_btv"
    assert an.planning == [(an.planning[0][0], "pho_bi_thu_tt", "2022-2027")]
    assert (an.values["working_status"], an.values["permanent_staff"],
            an.values["party_status"]) == ("chuyen_trach", 1, "dang_vien")
    assert (an.values["discipline_until"], an.values["no_rotation_until"]) == (
        "2025-06-30", "2026-01-01")
    assert an.ratings == {2018: lookups.rating_level_for(db, 2018, "Khá").id}  # type: ignore[union-attr]
    assert lookups.code_for(db, "position", "Tổ trưởng tổ thanh niên") == \
        "to_truong_to_thanh_nien"
    cuong = people.get_person(db, str(_by_name(db, "Lê Văn Cường")["id"]))
    assert cuong is not None
    assert cuong.current_position == "to_truong_to_thanh_nien"
    assert cuong.planning[0][1:] == ("to_truong_to_thanh_nien", "")
    assert cuong.values["working_status"] == "ban_chuyen_trach"
    binh = _by_name(db, "Trần Thị Bình")
    assert (binh["permanent_staff"], binh["party_status"]) == (0, "dang_vien")


def test_update_by_code_keeps_absent_columns_and_clears_blank_ones(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    rows = [
        ["Mã", "Họ và tên", "Điện thoại", "Chức vụ", "Quy hoạch", "Xếp loại 2023"],
        [ids["an"], "Nguyễn Văn An", None, "Bí thư", None, None],
        [ids["cuong"], "Lê Minh Cường", "0387654321", None, None, None],
    ]
    report = import_roster(db, write_xlsx(tmp_path / "a.xlsx", rows))
    # Cường's row holds what is stored already: unchanged, and not counted as updated.
    assert _counts(report) == {"imported": 0, "updated": 1, "unchanged": 1, "rejected": [],
                               "warnings": [], "created_units": []}
    assert [(r.status, r.fields) for r in report.rows] == [
        ("changed", ("phone", "planning", "rating:2023")), ("unchanged", ())]
    assert report.written
    an = people.get_person(db, ids["an"])
    assert an is not None
    assert an.values["phone"] is None  # blank cell: cleared
    assert an.values["citizen_id"] == "072095001234"  # no column: kept
    assert an.values["birth_date"] == "1995-05-17"
    assert an.current_position == "bi_thu"
    assert an.planning == []
    assert 2023 not in an.ratings and 2018 in an.ratings
    unchanged = import_roster(db, tmp_path / "a.xlsx")
    assert (unchanged.updated, unchanged.unchanged) == (0, 2) and not unchanged.written
    assert [r.to_json() for r in unchanged.rows] == [
        {"row": 2, "status": "unchanged", "id": ids["an"]},
        {"row": 3, "status": "unchanged", "id": ids["cuong"]}]


def test_code_of_a_deleted_person_and_duplicate_codes(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    with db.write("Xóa") as tx:
        people.delete_person(tx, ids["cuong"])
    rows = [
        ["Mã", "Họ và tên", "Ngày sinh"],
        [ids["cuong"], "Lê Minh Cường", "2001"],
        [ids["an"], "Nguyễn Văn An", "1995"],
        [ids["an"], "Nguyễn Văn An", "1995"],
    ]
    report = import_roster(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert report.rejected[0].row == 2
    assert report.rejected[0].message == (
        f"Mã {ids['cuong']} là của người đã bị xóa; hãy khôi phục người này trước khi nhập")
    assert (report.rejected[1].row, report.rejected[1].message) == (
        4, f"Mã {ids['an']} trùng với dòng 3")


def test_split_name_columns_and_stored_split_kept(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    rows = [["Họ, tên đệm", "Tên", "Giới tính"], ["Lò", "Văn Páo", "Nam"]]
    assert import_roster(db, write_xlsx(tmp_path / "a.xlsx", rows)).imported == 1
    pao = _by_name(db, "Lò Văn Páo")
    assert (pao["family_middle"], pao["given_name"]) == ("Lò", "Văn Páo")
    again = [["Mã", "Họ và tên", "Giới tính"], [pao["id"], "Lò Văn Páo", "Nam"]]
    report = import_roster(db, write_xlsx(tmp_path / "b.xlsx", again))
    assert (report.updated, report.unchanged) == (0, 1) and not report.written
    assert _by_name(db, "Lò Văn Páo")["given_name"] == "Văn Páo"


def test_units_created_under_a_new_root_named_after_the_office(tmp_path: Path) -> None:
    from cadre_desktop.store.profile import OfficeProfile, save_profile

    db = new_db(tmp_path)
    with db.write("Hồ sơ") as tx:
        save_profile(tx, OfficeProfile(office_name="Đoàn xã Hòa Thành"))
    rows = [
        ["Họ và tên", "Đơn vị", "Chi đoàn"],
        ["Nguyễn Văn An", "Đoàn trường A", "Chi đoàn 10A1"],
        ["Trần Thị Bình", "Đoàn trường A", "Chi đoàn 10A1"],
        ["Lê Văn Cường", "đoàn trường a", None],
        ["Phạm Văn Dũng", "Đoàn xã Hòa Thành", None],
        ["Vũ Văn Em", None, None],
    ]
    report = import_roster(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert report.created_units == ["Đoàn xã Hòa Thành", "Đoàn trường A",
                                    "Đoàn trường A / Chi đoàn 10A1"]
    tree = db.conn.execute("SELECT name, level_label, parent_id IS NULL FROM unit"
                           " ORDER BY path").fetchall()
    assert sorted(tree) == [("Chi đoàn 10A1", "Chi đoàn", 0), ("Đoàn trường A", "", 0),
                            ("Đoàn xã Hòa Thành", "", 1)]
    assert _by_name(db, "Phạm Văn Dũng")["unit_id"] == db.conn.execute(
        "SELECT id FROM unit WHERE parent_id IS NULL").fetchone()[0]
    assert _by_name(db, "Vũ Văn Em")["unit_id"] is None


def test_progress_and_cancel(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    given = ["An", "Bình", "Cường"]
    rows = [["Họ và tên", "Năm sinh"]] + [[f"Nguyễn Văn {given[i % 3]}", 1990 + i % 10]
                                          for i in range(1200)]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    seen: list[float] = []
    report = import_roster(db, path, progress=Progress(lambda s: seen.append(s.fraction), 0))
    assert report.imported == 1200
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 3
    stopped = Progress()
    stopped.cancel()
    with pytest.raises(Cancelled):
        import_roster(db, path, progress=stopped)
    later = Progress(lambda s: later.cancel() if s.fraction > 0.5 else None, 0)
    with pytest.raises(Cancelled):  # cancelled half-way through the rows: all rolled back
        import_roster(db, path, progress=later)
    assert _count(db) == 1200


def test_column_overrides_map_an_unknown_heading(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    rows = [["Họ và tên", "Sinh năm nào", "Quê"], ["Nguyễn Văn An", "1995", "Huế"]]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    with pytest.raises(UserError, match="Không tìm thấy dòng tiêu đề"):
        import_roster(db, path)
    rows[0][2] = "Ghi chú"
    path = write_xlsx(tmp_path / "b.xlsx", rows)
    report = import_roster(db, path, column_overrides={1: "birth", 2: ""})
    assert report.imported == 1
    an = _by_name(db, "Nguyễn Văn An")
    assert (an["birth_date"], an["note"]) == ("1995", "")
