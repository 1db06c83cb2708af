"""The attendance spreadsheet: export, fill elsewhere, import back with row-level checks."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.exporting.attendance_sheet import HEADER_ROW, export_attendance_sheet
from cadre_desktop.importing.attendance_sheet import import_attendance_sheet
from cadre_desktop.services import attendance, enrolment
from cadre_desktop.store import attendance as marks_store
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.db import Database
from training_roster import add_sessions, build_roster, make_class

MON = dt.date(2025, 3, 3)
TODAY = dt.date(2025, 3, 4)


@pytest.fixture
def sheet_class(db: Database) -> tuple[Database, str, list[str]]:
    roster = build_roster(db)
    cls = make_class(db, "bd_kiem_nhiem", status="running")
    enrolment.enrol_many(db, cls, [roster.id(n) for n in (
        "Trần Thị Bình", "Phạm Thị Dung", "Lý Thị Ngọc", "Hoàng Văn Em")], reason="Cán bộ nguồn")
    em = enrol_store.find_enrolment(db, cls, roster.id("Hoàng Văn Em"))
    assert em is not None
    enrolment.withdraw(db, em.enrolment_id, "Chuyển công tác")
    sessions = add_sessions(db, cls, (MON, "07:30", "11:30"), (MON, "13:30", "17:00"),
                            (MON + dt.timedelta(days=3), "07:30", "11:30"))
    return db, cls, sessions


def marks(db: Database, cls: str) -> dict[tuple[str, str], str]:
    codes = {p.enrolment_id: p.short_code for p in enrol_store.list_participants(db, cls)}
    sessions = {s.id: s.label for s in attendance.attendance_matrix(db, cls).sessions}
    return {(codes[e], sessions[s]): m.status_code
            for (e, s), m in marks_store.marks_for_class(db, cls).items()}


def test_export_then_import_round_trip(sheet_class: tuple[Database, str, list[str]],
                                       tmp_path: Path) -> None:
    db, cls, sessions = sheet_class
    attendance.all_present(db, sessions[0], today=TODAY)
    path = tmp_path / "diem_danh.xlsx"
    assert export_attendance_sheet(db, cls, path) == 3  # the withdrawn one is not listed
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == ["STT", "Mã HV", "Họ và tên", "Năm sinh", "Đơn vị", "03/03/2025 07:30",
                      "03/03/2025 13:30", "06/03/2025 07:30", "Ghi chú"]
    rows = [[c.value for c in row][:7] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    school = "Đoàn trường THPT Phan Bội Châu"
    assert rows == [[1, "001", "Trần Thị Bình", "1992", school, "C", None],
                    [2, "002", "Phạm Thị Dung", "1996", "Chi đoàn Thôn 1", "C", None],
                    [3, "004", "Lý Thị Ngọc", "1991", "Chi đoàn Thôn 1", "C", None]]
    # Filled elsewhere: the afternoon session, with lower-case codes.
    for row, value in zip(range(HEADER_ROW + 1, HEADER_ROW + 4), ["c", "K", "m"], strict=True):
        ws.cell(row=row, column=7, value=value)
    ws.parent.save(path)
    report = import_attendance_sheet(db, cls, path, today=TODAY)
    assert (report.rejected, report.warnings) == ([], [])
    assert (report.cells, report.changed, report.written) == (6, 3, True)
    assert marks(db, cls) == {
        ("001", "03/03/2025 07:30"): "co_mat", ("002", "03/03/2025 07:30"): "co_mat",
        ("004", "03/03/2025 07:30"): "co_mat", ("001", "03/03/2025 13:30"): "co_mat",
        ("002", "03/03/2025 13:30"): "khong_phep", ("004", "03/03/2025 13:30"): "muon"}
    again = import_attendance_sheet(db, cls, path, today=TODAY)
    assert (again.changed, again.written) == (0, False)


def _bad_sheet(path: Path, class_id: str) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH ĐIỂM DANH"])
    ws.append(["Mã lớp", None, class_id])
    ws.append([])
    ws.append(["STT", "Mã HV", "Họ và tên", "03/03/2025 07:30", "03/03/2025 13:30",
               "15/03/2025 07:30", "06/03/2025 07:30", "Ghi chú"])
    ws.append([1, "001", "Trần Thị Bình", "C", "C", None, None, "ok"])        # row 5
    ws.append([2, "009", "Nguyễn Văn Lạ", "C", None, None, None, None])       # row 6
    ws.append([3, "002", "Lê Văn Anh", "C", None, None, None, None])          # row 7
    ws.append([4, 1, "Trần Thị Bình", "K", None, None, None, None])           # row 8
    ws.append([])                                                              # row 9
    ws.append([5, None, "Lý Thị Ngọc", "Z", "C", None, None, None])           # row 10
    ws.append([6, "003", "Hoàng Văn Em", "C", None, None, None, None])        # row 11
    ws.append([7, None, "phạm thị dung", "P", "c", None, None, None])         # row 12
    ws.append([8, "004", "Lý Thị Ngọc", None, None, None, "C", None])         # row 13
    ws.append([9, None, None, "C", None, None, None, None])                   # row 14
    book.save(path)


def test_bad_rows_are_reported_and_nothing_is_written(
        sheet_class: tuple[Database, str, list[str]], tmp_path: Path) -> None:
    db, cls, _ = sheet_class
    path = tmp_path / "bad.xlsx"
    _bad_sheet(path, cls)
    report = import_attendance_sheet(db, cls, path, today=TODAY)
    assert report.to_json() == {
        "class_id": cls, "cells": 4, "changed": 0, "written": False,
        "rejected": [
            {"row": 4, "reason": "Cột '15/03/2025 07:30' không khớp buổi học nào của lớp"},
            {"row": 6, "reason": "Mã học viên '009' không có trong lớp"},
            {"row": 7, "reason": "Mã 002 là của Phạm Thị Dung, không phải 'Lê Văn Anh'"},
            {"row": 8, "reason": "Học viên 001 (Trần Thị Bình) đã có ở dòng 5"},
            {"row": 10, "reason": "Buổi 03/03/2025 07:30: ký hiệu 'Z' không có (dùng C, M, P, K)"},
            {"row": 11, "reason": "Học viên 003 (Hoàng Văn Em) không ở danh sách chính thức "
                                  "của lớp"},
            {"row": 13, "reason": "Học viên 004 (Lý Thị Ngọc) đã có ở dòng 10; "
                                  "buổi 06/03/2025 07:30 chưa diễn ra"},
            {"row": 14, "reason": "Dòng có điểm danh nhưng không có mã học viên và họ tên"},
        ],
        "warnings": [
            {"row": 12, "message": "Không có mã học viên; nhận theo họ tên (002)"},
        ],
    }
    assert marks(db, cls) == {}
    # The valid rows only, when asked for.
    partial = import_attendance_sheet(db, cls, path, today=TODAY, skip_invalid=True)
    assert (partial.changed, partial.written) == (4, True)
    assert marks(db, cls) == {
        ("001", "03/03/2025 07:30"): "co_mat", ("001", "03/03/2025 13:30"): "co_mat",
        ("002", "03/03/2025 07:30"): "co_phep", ("002", "03/03/2025 13:30"): "co_mat"}


def test_a_sheet_of_another_class_or_without_headings_is_refused(
        sheet_class: tuple[Database, str, list[str]], tmp_path: Path) -> None:
    db, cls, _ = sheet_class
    path = tmp_path / "other.xlsx"
    _bad_sheet(path, "khac")
    with pytest.raises(UserError, match="lớp khác"):
        import_attendance_sheet(db, cls, path, today=TODAY)
    empty = tmp_path / "empty.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ tên", "Ngày"])
    book.save(empty)
    with pytest.raises(UserError, match="dòng tiêu đề"):
        import_attendance_sheet(db, cls, empty, today=TODAY)
