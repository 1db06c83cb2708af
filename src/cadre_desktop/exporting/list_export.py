"""The lists of the pages (services.list_tables) as .xlsx: the same rows as on paper, under
the list's title, with the headings frozen and the total after the rows.

Rows stream into a write-only workbook (a roster of 100,000 is never held in memory).
Text is always written as text, never as a formula ("=…", "+…", "-…", "@…" read back as
typed). The file is written beside its final name and renamed into place, readable by its
owner alone (it holds personal data), so a failure never leaves half a file behind.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.exporting.xlsx_save import save_book
from cadre_desktop.services import list_tables
from cadre_desktop.services.list_tables import MERGED, Figure, ListTable
from cadre_desktop.store import files
from cadre_desktop.store.db import Database
from cadre_desktop.store.roster_selection import Selection

_NUMERIC = ("Học viên", "Lần", "Số người", "Gói cuối", "Số ngày")
PERCENT, COUNT = "0.0%", "#,##0"


def _widths(table: ListTable) -> list[float]:
    """Column widths in characters: STT, then from each column's minimum width."""
    return [6, *(max(8.0, c.min_mm / 2.0 + (14 if c.grow >= 1 else 4 if c.grow else 0))
                 for c in table.columns)]


def _headings(table: ListTable) -> list[str]:
    return ["STT", *(f"{c.group} ({c.heading})" if c.group else c.heading
                     for c in table.columns)]


def export_table(table: ListTable, path: str | Path, progress: Progress = NO_PROGRESS) -> int:
    """Write `table` to the .xlsx file `path`; the number of rows written."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Chỉ xuất được ra tệp .xlsx, không phải “{path.name}”")
    try:
        with files.written_whole(path) as temporary:
            return _write(table, temporary, progress)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {path}: {exc.strerror or exc}") from exc


def _write(table: ListTable, tmp: Path, progress: Progress) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(table.sheet[:31])
    for index, width in enumerate(_widths(table), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    lines = [table.title, *table.subtitle, *table.details]
    sheet.freeze_panes = f"C{len(lines) + 3}"
    bold = Font(bold=True)

    def text_cell(value: str, font: Font | None = None) -> Any:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # never a formula, whatever the text begins with
        if font is not None:
            cell.font = font
        return cell

    def number_cell(figure: Figure) -> Any:
        cell = WriteOnlyCell(sheet, value=figure.value)
        cell.number_format = PERCENT if figure.percent else COUNT
        return cell

    for line in lines:
        sheet.append([text_cell(line, bold)])
    sheet.append([])
    sheet.append([text_cell(h, bold) for h in _headings(table)])
    numeric = [c.heading in _NUMERIC for c in table.columns]
    expected = table.expected_rows or 0
    count = 0
    for count, row in enumerate(table.rows, start=1):
        values: list[Any] = [count]
        for value, is_number in zip(row, numeric, strict=True):
            if value is MERGED or value == "":
                values.append(None)
            elif isinstance(value, Figure):
                values.append(number_cell(value))
            elif is_number and value.replace(".", "").isdigit():
                values.append(int(value.replace(".", "")))
            else:
                values.append(text_cell(value))
        sheet.append(values)
        if count % 1000 == 0:
            progress.step("Đang ghi tệp", count, expected)
    sheet.append([])
    sheet.append([text_cell(table.total(count), bold)])
    for line in table.notes:
        sheet.append([text_cell(line)])
    save_book(book, tmp)  # into the owner-only temporary file of files.written_whole
    return count


def export_roster_list(db: Database, path: str | Path,
                       selection: Selection | None = None,
                       progress: Progress = NO_PROGRESS) -> int:
    """The roster as printed (print_roster), as .xlsx; `roster export` writes the file
    that imports back."""
    return export_table(list_tables.roster(db, selection), path, progress)


def export_classes(db: Database, path: str | Path, year: int | None = None,
                   status: str | None = None, on: dt.date | None = None) -> int:
    return export_table(list_tables.classes(db, year, status, on), path)


def export_participants(db: Database, class_id: str, path: str | Path) -> int:
    return export_table(list_tables.participants(db, class_id), path)


def export_due_evaluations(db: Database, path: str | Path, on: dt.date | None = None,
                           within_days: int | None = None, rotations_only: bool = False) -> int:
    return export_table(list_tables.due_evaluations(db, on, within_days, rotations_only), path)


def export_offices(db: Database, path: str | Path, on: dt.date | None = None,
                   include_self: bool = True) -> int:
    return export_table(list_tables.offices(db, on, include_self), path)
def export_rollup(db: Database, path: str | Path, plan_id: str | None = None,
                  on: dt.date | None = None, progress: Progress = NO_PROGRESS) -> int:
    """The province's roll-up (services.rollup) as .xlsx: the same rows as on paper."""
    from cadre_desktop.services import rollup

    found = rollup.office_rollup(db, plan_id, on, progress.part(0.0, 0.5))
    return export_table(rollup.rollup_table(found), path, progress.part(0.5, 1.0))
