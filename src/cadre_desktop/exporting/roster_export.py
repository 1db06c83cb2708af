"""`roster export`: the roster as the one-sheet file `roster import` reads back.

The headings and their order are the contract in design/cli.md. Every value is written as
text in the form the importer reads (dates dd/mm/yyyy, mm/yyyy or yyyy; ID and phone
numbers as text so Excel keeps their leading zeros), units as their path below the
office's root unit, so the file re-imports to the same records. People come in official
list order (tên, họ, đệm; equal names by birth date and ID number so the order does not
depend on record ids).

Text is never written as a formula (exporting.sheet_text). Rows are produced one at a
time straight from the database into the file, and the file is written under a temporary
name and renamed when complete (store.files): a failed export leaves no partial file,
and the file is readable by its owner only. With a selection,
only the people the roster view shows, in its order (store.roster_selection).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.exporting.sheet_text import csv_row, xlsx_cell, xlsx_row
from cadre_desktop.exporting.xlsx_save import save_book
from cadre_desktop.store import files, lookups, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.roster_selection import Selection, selected_rows, selection_count

HEADINGS_BEFORE_RATINGS = [
    "Mã", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ",
    "Chế độ công tác", "Biên chế", "Đảng", "Quy hoạch",
]
HEADINGS_AFTER_RATINGS = ["Kỷ luật đến", "Tạm hoãn cử đi cơ sở đến", "Điện thoại",
                          "Lý luận chính trị"]
TEXT_HEADINGS = ("Mã", "Số CCCD", "Điện thoại", "Ngày sinh", "Kỷ luật đến",
                 "Tạm hoãn cử đi cơ sở đến")
_WIDTHS = {"Mã": 38, "Họ và tên": 28, "Đơn vị": 34, "Chức vụ": 26, "Quy hoạch": 26,
           "Chế độ công tác": 18, "Tạm hoãn cử đi cơ sở đến": 16, "Lý luận chính trị": 18}
_GENDER = {"M": "Nam", "F": "Nữ"}
_STAFF = {1: "Có", 0: "Không"}

_PEOPLE = (
    "SELECT id, full_name, birth_date, gender, citizen_id, unit_id, working_status,"
    " permanent_staff, party_status, discipline_until, no_rotation_until, phone,"
    " theory_level"
    " FROM person WHERE deleted = 0 ORDER BY name_key, birth_date, citizen_id, id"
)
# The same columns for a selection's rows (read by key, in the view's order).
_SELECTED = (
    "p.id, p.full_name, p.birth_date, p.gender, p.citizen_id, p.unit_id, p.working_status,"
    " p.permanent_staff, p.party_status, p.discipline_until, p.no_rotation_until, p.phone,"
    " p.theory_level"
)


def _day(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


class _Units:
    def __init__(self, db: Database) -> None:
        self.names = dict(db.conn.execute("SELECT id, name FROM unit").fetchall())
        self.paths = dict(db.conn.execute("SELECT id, path FROM unit").fetchall())
        root = units.root_unit(db)
        self.root_id = root.id if root else None
        self.cache: dict[str, str] = {}

    def display(self, unit_id: str | None) -> str:
        if not unit_id:
            return ""
        if unit_id not in self.cache:
            chain = [i for i in str(self.paths.get(unit_id, "")).strip("/").split("/") if i]
            if len(chain) > 1 and chain[0] == self.root_id:
                chain = chain[1:]
            self.cache[unit_id] = " / ".join(self.names.get(i, "?") for i in chain)
        return self.cache[unit_id]


def roster_table(db: Database) -> tuple[list[str], list[list[str]]]:
    """The headings and the rows of the roster file, every value as text."""
    headings, rows = roster_rows(db)
    return headings, list(rows)


def roster_rows(db: Database, selection: Selection | None = None
                ) -> tuple[list[str], Iterator[list[str]]]:
    """The headings, and the rows one by one (nothing else of the roster is held):
    everyone, or the people of `selection` in its order."""
    ratings: dict[str, dict[int, str]] = {}
    for person_id, year, label in db.conn.execute(
        "SELECT r.person_id, r.year, l.label FROM rating r"
        " JOIN rating_level l ON l.id = r.level_id"
        " JOIN person p ON p.id = r.person_id AND p.deleted = 0 WHERE r.deleted = 0"
    ):
        ratings.setdefault(person_id, {})[int(year)] = label
    years = sorted({y for by_year in ratings.values() for y in by_year}, reverse=True)
    positions: dict[str, str] = {}
    for person_id, label in db.conn.execute(
        "SELECT pa.person_id, COALESCE(l.label, pa.position_code) FROM position_assignment pa"
        " LEFT JOIN lookup l ON l.kind = 'position' AND l.code = pa.position_code"
        " WHERE pa.deleted = 0 AND pa.end_date IS NULL ORDER BY pa.start_date DESC"
    ):
        positions.setdefault(person_id, label)
    planning: dict[str, str] = {}
    for person_id, label, term in db.conn.execute(
        "SELECT pl.person_id, COALESCE(l.label, pl.position_code), pl.term FROM planning pl"
        " LEFT JOIN lookup l ON l.kind = 'position' AND l.code = pl.position_code"
        " WHERE pl.deleted = 0 ORDER BY pl.created_at DESC"
    ):
        planning.setdefault(person_id, f"{label} ({term})" if term else label)
    working = lookups.labels(db, "working_status")
    party = lookups.labels(db, "party_status")
    theory = lookups.labels(db, "theory_level")
    unit_names = _Units(db)
    headings = [*HEADINGS_BEFORE_RATINGS, *(f"Xếp loại {y}" for y in years),
                *HEADINGS_AFTER_RATINGS]

    def rows() -> Iterator[list[str]]:
        for (person_id, full_name, birth, gender, citizen_id, unit_id, status, staff,
             party_code, discipline, deferral, phone, theory_code) in (
                db.conn.execute(_PEOPLE) if selection is None
                else selected_rows(db, selection, _SELECTED)):
            by_year = ratings.pop(person_id, {})
            yield [
                person_id, full_name, PartialDate.from_iso(birth).display() if birth else "",
                _GENDER.get(gender, ""), citizen_id or "", unit_names.display(unit_id),
                positions.get(person_id, ""), working.get(status, status or ""),
                _STAFF.get(staff, ""), party.get(party_code, party_code or ""),
                planning.get(person_id, ""), *(by_year.get(y, "") for y in years),
                _day(discipline), _day(deferral), phone or "",
                theory.get(theory_code, theory_code or ""),
            ]

    return headings, rows()


def export_roster(db: Database, path: str | Path, progress: Progress = NO_PROGRESS,
                  selection: Selection | None = None) -> int:
    """Write the roster (or the people of `selection`) to .xlsx or .csv; returns the
    number of people written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(f"Chỉ xuất được ra tệp .xlsx hoặc .csv, không phải '{path.name}'")
    total = (int(db.conn.execute("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0])
             if selection is None else selection_count(db, selection))
    headings, rows = roster_rows(db, selection)
    counted = _Counted(rows, progress, total)
    try:
        with files.written_whole(path) as temporary:
            if suffix == ".csv":
                _write_csv(temporary, headings, counted)
            else:
                _write_xlsx(temporary, headings, counted)
            progress.check()
    except OSError as exc:
        raise files.cannot_write(path, exc) from exc
    progress.done()
    return counted.count


class _Counted:
    """The rows, counted and reported as they are written."""

    def __init__(self, rows: Iterator[list[str]], progress: Progress, total: int) -> None:
        self.rows = rows
        self.progress = progress
        self.total = total
        self.count = 0

    def __iter__(self) -> Iterator[list[str]]:
        for row in self.rows:
            self.count += 1
            if self.count % 500 == 0:
                self.progress.step("Đang xuất danh sách", self.count, self.total)
            yield row


def _write_csv(path: Path, headings: list[str], rows: _Counted) -> None:
    import csv

    # UTF-8 with a BOM: Excel opens it as Unicode instead of the Windows code page.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(csv_row(headings))
        for row in rows:
            writer.writerow(csv_row(row))


def _write_xlsx(path: Path, headings: list[str], rows: _Counted) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet("Danh sách")
    for index, heading in enumerate(headings, start=1):
        width = _WIDTHS.get(heading, 20 if heading.startswith("Xếp loại") else 14)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    bold = Font(bold=True)
    header = []
    for heading in headings:
        cell = xlsx_cell(sheet, heading, text_format=True)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    # Text format for ID and phone numbers and dates, so that editing them in Excel keeps
    # them text (leading zeros, dd/mm/yyyy).
    text_columns = [i for i, h in enumerate(headings) if h in TEXT_HEADINGS]
    for row in rows:
        sheet.append(xlsx_row(sheet, row, text_columns))
    save_book(book, path)
