"""Awkward roster files and a small office, built in the tests' temporary folders."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font

from cadre_desktop.domain.person import validate
from cadre_desktop.store import lookups, people, units
from cadre_desktop.store.db import Database, open_database

Row = Sequence[Any]


def write_xlsx(path: Path, rows: Sequence[Row], *, font: str | None = None,
               fonts: dict[int, str] | None = None, merges: Sequence[str] = (),
               sheet: str = "Sheet1", extra_sheets: dict[str, Sequence[Row]] | None = None,
               ) -> Path:
    """rows written from A1; font for every text cell, or fonts by 1-based row number."""
    book = openpyxl.Workbook()
    for name, other in (extra_sheets or {}).items():
        ws = book.create_sheet(name)
        for row in other:
            ws.append(list(row))
    ws = book.active
    ws.title = sheet
    book.move_sheet(ws, offset=len(extra_sheets or {}))
    for row in rows:
        ws.append(list(row))
    for r, row in enumerate(rows, start=1):
        name = (fonts or {}).get(r, font)
        if name is None:
            continue
        for c, value in enumerate(row, start=1):
            if isinstance(value, str):
                ws.cell(r, c).font = Font(name=name)
    for merge in merges:
        ws.merge_cells(merge)
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Row], *, delimiter: str = ",", bom: bool = True) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def new_db(tmp_path: Path, name: str = "office.sqlite3") -> Database:
    return open_database(tmp_path / name)


def add_person(db: Database, tx: Any, **raw: Any) -> str:
    position = raw.pop("position", None)
    planning = raw.pop("planning", None)
    term = raw.pop("term", "")
    ratings = raw.pop("ratings", {})
    result = validate(raw)
    assert result.person is not None, result.errors
    person_id = people.create_person(tx, result.person)
    if position:
        people.set_current_position(tx, person_id, position, result.person.unit_id)
    if planning:
        people.set_planning(tx, person_id, planning, term)
    for year, label in ratings.items():
        level = lookups.rating_level_for(db, year, label)
        assert level is not None
        people.set_rating(tx, person_id, year, level.id)
    return person_id


def populate(db: Database) -> dict[str, str]:
    """An office: root unit, a branch, a grassroots unit with its own branch, and people
    with every field the roster file carries. Returns ids by a short name."""
    ids: dict[str, str] = {}
    with db.write("Dữ liệu thử") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None, "Đoàn xã/phường")
        kp1 = units.create_unit(tx, "Chi đoàn Khu phố 1", root, "Chi đoàn")
        school = units.create_unit(tx, "Đoàn trường THPT Trảng Bàng", root, "Đoàn cơ sở")
        class12 = units.create_unit(tx, "Chi đoàn 12A1", school, "Chi đoàn")
        ids.update(root=root.id, kp1=kp1.id, school=school.id, class12=class12.id)
        ids["an"] = add_person(
            db, tx, full_name="Nguyễn Văn An", gender="Nam", birth="17/05/1995",
            citizen_id="072095001234", phone="0912345678", unit_id=root.id,
            working_status="chuyen_trach", permanent_staff="Có", party_status="dang_vien",
            position="bi_thu", planning="bi_thu", term="2022-2027",
            ratings={2023: "Hoàn thành xuất sắc nhiệm vụ", 2018: "Khá"},
        )
        ids["binh"] = add_person(
            db, tx, full_name="Trần Thị Bình", gender="Nữ", birth="1998",
            citizen_id="072198001235", unit_id=kp1.id, working_status="kiem_nhiem",
            permanent_staff="Không", party_status="nguon", position="bi_thu_chi_doan",
            ratings={2023: "Hoàn thành tốt nhiệm vụ"},
            no_rotation_until=dt.date(2026, 3, 1).strftime("%d/%m/%Y"),
        )
        ids["cuong"] = add_person(
            db, tx, full_name="Lê Minh Cường", gender="Nam", birth="03/2001",
            unit_id=class12.id, discipline_until="31/12/2025", phone="0387654321",
        )
        ids["anh"] = add_person(
            db, tx, full_name="Phạm Thị Ánh", gender="Nữ", birth="01/01/2000",
            citizen_id="072300001237", unit_id=school.id, position="uv_bch",
            ratings={2022: "Hoàn thành nhiệm vụ"},
        )
    return ids


def read_back(path: Path) -> list[list[Any]]:
    """A sheet's or CSV file's rows as the clerk would see them."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as src:
            return [list(r) for r in csv.reader(src)]
    book = openpyxl.load_workbook(path)
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    book.close()
    return rows


_SST_TYPE = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def with_shared_strings(path: Path, rich: dict[str, str] | None = None) -> Path:
    """Rewrite an openpyxl-written workbook (inline strings) so that its text cells use a
    shared string table, as Excel and LibreOffice write them. rich: text -> the <si> body
    to store for it instead of a plain <t> (rich-text runs, phonetic runs)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings: list[str] = []

    def shared(match: re.Match[str]) -> str:
        strings.append(match.group(2))
        return f'<c{match.group(1)} t="s"><v>{len(strings) - 1}</v></c>'

    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    sheet = re.sub(r'<c([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', shared, sheet)
    plain = '<t xml:space="preserve">{}</t>'
    items = "".join(f"<si>{(rich or {}).get(s) or plain.format(s)}</si>" for s in strings)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>').encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/>'
                     "</Types>".encode())
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdSST" Type="{_SST_REL}" '
                             'Target="sharedStrings.xml"/></Relationships>'.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
