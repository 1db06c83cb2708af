"""Printing and exporting what a page shows: the roster as selected (search, unit with its
sub-units, order), the classes, a class's participants, the due evaluations, the offices."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cadre_desktop.cli.main import main
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.exporting import list_export
from cadre_desktop.exporting.roster_export import export_roster
from cadre_desktop.printing import (
    print_class_participants,
    print_classes,
    print_due_evaluations,
    print_offices,
    print_roster,
)
from cadre_desktop.services import roster_selection
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.services.roster_selection import Selection, selection_for
from cadre_desktop.store import roster_query, units
from cadre_desktop.store.db import Database
from pdf_read import page_texts
from print_forms_helpers import Printed, everything
from test_printing import _class, _office

ON = dt.date(2026, 1, 10)


def _person(db: Database, name: str, unit_id: str, gender: str | None = "Nam",
            birth: str = "1999") -> str:
    raw = {"full_name": name, "gender": gender, "birth": birth, "unit_id": unit_id}
    return save_person(db, PersonForm(raw)).person_id


@pytest.fixture
def roster(db: Database) -> dict[str, str]:
    """Two branches, one with a sub-unit; names given out of official order."""
    _office(db)  # the profile, the root "Đoàn phường Gia Lộc" and "Chi đoàn Khu phố 1"
    kp1 = units.find_unit(db, "Chi đoàn Khu phố 1")
    assert kp1 is not None
    with db.write("units") as tx:
        group = units.create_unit(tx, "Tổ thanh niên số 3", kp1)
        other = units.create_unit(tx, "=1+1 Chi đoàn Khu phố 2", units.root_unit(tx))
    return {
        "Trần Văn Bình": _person(db, "Trần Văn Bình", kp1.id),
        "Nguyễn Thị Anh": _person(db, "Nguyễn Thị Anh", kp1.id, "Nữ", "12/03/2001"),
        "Lê Văn Anh": _person(db, "Lê Văn Anh", group.id),
        "Phạm Văn An": _person(db, "Phạm Văn An", other.id, None),
        "Nguyễn Văn Cường": _person(db, "Nguyễn Văn Cường", other.id),
    }


def _search_ids(db: Database, query: str) -> list[str]:
    return [row["id"] for row in roster_query.search(db, query, 1000)]


def test_the_selection_is_what_roster_search_shows_within_the_unit(
    db: Database, roster: dict[str, str]
) -> None:
    everyone = Selection()
    ids = [r[0] for r in roster_selection.people(db, everyone, "p.id")]
    assert ids == _search_ids(db, "")  # official order: Anh, Anh, An… by tên, họ, đệm
    selected = selection_for(db, "anh", "chi doan khu pho 1")
    people = roster_selection.people(db, selected, "p.id, p.full_name")
    assert isinstance(people, Iterator)  # streamed off the cursor, not a list
    assert [name for _, name in people] == ["Lê Văn Anh", "Nguyễn Thị Anh"]  # with sub-units
    assert roster_selection.count(db, selected) == 2
    found = [r[0] for r in roster_selection.people(db, Selection("anh"), "p.id")]
    assert found == _search_ids(db, "anh")
    backwards = Selection(sort="full_name", descending=True)
    assert [r[0] for r in roster_selection.people(db, backwards, "p.id")] == ids[::-1]


def test_unknown_and_ambiguous_unit_names(db: Database, roster: dict[str, str]) -> None:
    with pytest.raises(NotFound, match="Không có đơn vị"):
        selection_for(db, "", "Chi đoàn Khu phố 9")
    with db.write("twin") as tx:
        units.create_unit(tx, "Tổ thanh niên số 3", units.find_unit(tx, "=1+1 Chi đoàn Khu phố 2"))
    with pytest.raises(UserError, match="Có 2 đơn vị tên"):
        selection_for(db, "", "Tổ thanh niên số 3")
    path = selection_for(db, "", "Chi đoàn Khu phố 1 / Tổ thanh niên số 3")
    assert roster_selection.count(db, path) == 1


def test_roster_export_of_a_selection(db: Database, roster: dict[str, str],
                                      tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert export_roster(db, out, selection=selection_for(db, "anh", "Chi đoàn Khu phố 1")) == 2
    sheet = load_workbook(out).active
    assert sheet is not None
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids == [roster["Lê Văn Anh"], roster["Nguyễn Thị Anh"]]
    assert export_roster(db, tmp_path / "all.csv") == 5  # without a selection: everyone


def test_roster_export_and_print_on_the_command_line(
    db: Database, roster: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    assert main(["roster", "export", "--db", str(db.path), "-o", str(out), "--query", "van",
                 "--unit", "Đoàn phường Gia Lộc"]) == 0
    lines = out.read_text("utf-8-sig").splitlines()[1:]
    assert [line.split(",")[0] for line in lines] == _search_ids(db, "van")
    pdf = tmp_path / "r.pdf"
    assert main(["print", "roster", "--db", str(db.path), "--unit", "Chi đoàn Khu phố 1",
                 "-o", str(pdf), "--number", "15", "--date", "2026-01-10"]) == 0
    text = " ".join(page_texts(pdf))
    assert "DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN KHU PHỐ 1" in text and "Số: 15-DS/ĐTN" in text
    assert text.index("Lê Văn Anh") < text.index("Nguyễn Thị Anh") < text.index("Trần Văn Bình")
    assert "Phạm Văn An" not in text
    assert "Tổng số: 3 đồng chí (nam: 2, nữ: 1)" in text
    assert "12/03/2001" in text and "Gia Lộc, ngày 10 tháng 01 năm 2026" in text
    capsys.readouterr()
    assert main(["print", "roster", "--db", str(db.path), "--unit", "Không có",
                 "-o", str(tmp_path / "x.pdf")]) == 1
    assert "Không có đơn vị" in capsys.readouterr().err


def test_a_long_roster_prints_every_row_once_in_order(db: Database, tmp_path: Path) -> None:
    unit_id = _office(db)
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Nga"]
    family = ["Nguyễn Văn", "Trần Thị", "Lê Hữu", "Phạm Ngọc", "Võ Minh", "Đỗ Thanh",
              "Hồ Quốc", "Bùi Thu", "Đặng Kim", "Ngô Bảo", "Lý Gia", "Mai Xuân", "Tạ Đình"]
    for first in family:
        for last in given:
            _person(db, f"{first} {last}", unit_id)
    names = [row["full_name"] for row in roster_query.search(db, "", 1000)]
    assert len(names) == 130
    pages = print_roster(db, tmp_path / "long.pdf", on=ON)
    texts = page_texts(tmp_path / "long.pdf")
    assert len(texts) == pages >= 3
    # Every row once, in the roster's order: each name where the page's text has it.
    found = sorted((page, text.find(f" {n} "), n) for page, text in enumerate(texts)
                   for n in names if f" {n} " in text)
    assert [n for _, _, n in found] == names
    assert all("STT" in page and "Họ và tên" in page for page in texts)  # headings repeat
    assert "Nơi nhận" in texts[-1] and "Tổng số: 130 đồng chí" in texts[-1]


def test_xlsx_lists_are_text_safe_and_private(db: Database, roster: dict[str, str],
                                             tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    selection = Selection(unit_id=units.find_unit(db, "=1+1 Chi đoàn Khu phố 2").id)
    assert list_export.export_roster_list(db, out, selection) == 2
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "DANH SÁCH ĐOÀN VIÊN =1+1 CHI ĐOÀN KHU PHỐ 2"
    heading = rows.index(("STT", "Họ và tên", "Ngày sinh (Nam)", "Ngày sinh (Nữ)", "Chức vụ",
                          "Đơn vị", "Ghi chú"))
    body = rows[heading + 1:heading + 3]
    assert body[0][:2] == (1, "Phạm Văn An") and body[0][2] == "1999" and body[0][3] is None
    assert body[0][5] == "=1+1 Chi đoàn Khu phố 2"  # read back as typed, never a formula
    assert rows[-1][0] == "Tổng số: 2 đồng chí (nam: 1, nữ: 0)"
    with pytest.raises(UserError, match=r"\.xlsx"):
        list_export.export_classes(db, tmp_path / "classes.csv")


@pytest.fixture
def printed(db: Database) -> Printed:
    return everything(db)


def test_classes_and_participants(db: Database, roster: dict[str, str],
                                  tmp_path: Path) -> None:
    ids = list(roster.values())
    first = _class(db, ids[:3], 4, name="Lớp bồi dưỡng kỹ năng số năm 2026",
                   withdrawn=ids[3:4])
    assert print_classes(db, tmp_path / "c.pdf", year=2026, on=ON) == 1
    text = page_texts(tmp_path / "c.pdf")[0]
    assert "DANH SÁCH LỚP BỒI DƯỠNG NĂM 2026" in text
    assert "Lớp bồi dưỡng kỹ năng số năm 2026" in text and "02/11/2026 – 03/11/2026" in text
    assert "Tổng số: 1 lớp, 3 lượt học viên" in text
    assert list_export.export_classes(db, tmp_path / "c.xlsx", year=2026) == 1
    rows = list(load_workbook(tmp_path / "c.xlsx").active.iter_rows(values_only=True))
    assert rows[3][:2] == (1, "Lớp bồi dưỡng kỹ năng số năm 2026") and rows[3][5] == 3

    assert print_class_participants(db, first, tmp_path / "p.pdf", on=ON) == 1
    text = page_texts(tmp_path / "p.pdf")[0]
    assert "DANH SÁCH HỌC VIÊN" in text and "Lớp bồi dưỡng kỹ năng số năm 2026" in text
    assert "Đã rút" in text and "Phạm Văn An" in text
    assert "Tổng số: 4 học viên (chính thức: 3, đã rút: 1)" in text
    assert list_export.export_participants(db, first, tmp_path / "p.xlsx") == 4


def test_due_evaluations_and_offices(db: Database, printed: Printed, tmp_path: Path) -> None:
    assert print_due_evaluations(db, tmp_path / "d.pdf", on=ON) >= 1
    text = " ".join(page_texts(tmp_path / "d.pdf"))
    assert "DANH SÁCH ĐÁNH GIÁ ĐẾN HẠN" in text and "Tính đến ngày 10/01/2026" in text
    assert "Lê Văn Cường" in text and "Luân chuyển" in text and "Số: " in text
    count = list_export.export_due_evaluations(db, tmp_path / "d.xlsx", on=ON)
    assert count >= 1 and f"Tổng số: {count} (quá hạn:" in text
    assert print_offices(db, tmp_path / "o.pdf", on=ON) == 1
    text = page_texts(tmp_path / "o.pdf")[0]
    assert "DANH SÁCH ĐƠN VỊ" in text and "Đơn vị này" in text and "Tổng số: 1 đơn vị" in text
    assert list_export.export_offices(db, tmp_path / "o.xlsx", on=ON) == 1


def test_the_pages_own_cuts_of_the_due_evaluations_and_the_offices(
        db: Database, printed: Printed, tmp_path: Path) -> None:
    """The rotations page lists the rotations' evaluations alone (the members'
    self-evaluations are the member programme page's); the offices page leaves this
    office out."""
    on = dt.date(2026, 5, 1)  # Giang's second self-evaluation is due by then
    everyone = list_export.export_due_evaluations(db, tmp_path / "all.xlsx", on=on)
    rotations = list_export.export_due_evaluations(db, tmp_path / "r.xlsx", on=on,
                                                   rotations_only=True)
    assert 0 < rotations < everyone
    sheet = load_workbook(tmp_path / "r.xlsx", read_only=True).active
    assert sheet is not None
    kinds = {r[2] for r in sheet.iter_rows(values_only=True) if r and isinstance(r[0], int)}
    assert kinds and kinds <= {"Đánh giá 6 tháng", "Đánh giá kết thúc"}
    assert print_due_evaluations(db, tmp_path / "r.pdf", on=on, rotations_only=True) == 1
    text = page_texts(tmp_path / "r.pdf")[0]
    assert "DANH SÁCH ĐÁNH GIÁ CÁN BỘ LUÂN CHUYỂN ĐẾN HẠN" in text
    assert "tự đánh giá" not in text and f"Tổng số: {rotations} " in text
    assert list_export.export_offices(db, tmp_path / "o.xlsx", on=ON, include_self=False) == 0
    assert print_offices(db, tmp_path / "o.pdf", on=ON, include_self=False) == 1
    assert "Đơn vị này" not in page_texts(tmp_path / "o.pdf")[0]
