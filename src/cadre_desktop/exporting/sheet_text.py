"""Writing values into .xlsx (openpyxl's write-only mode) and CSV without formulas.

openpyxl turns any text that begins with "=" into a formula cell; a spreadsheet program
reads "+", "-" and "@" the same way when the clerk edits a CSV. Every text value goes
through here: formula-like text becomes a text cell marked "quote prefix" (Excel then
keeps it text even when the cell is edited) or, in CSV, gets one leading apostrophe that
our importers remove again (domain.cell_text). Characters XML cannot hold (control
characters from an older database) are replaced, so an export never fails half-way.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from cadre_desktop.domain.cell_text import guard_csv, looks_like_formula

_REPLACEMENT = "\ufffd"


def _xml_safe(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub(_REPLACEMENT, value))


def xlsx_cell(sheet: Any, value: Any, *, text_format: bool = False) -> Any:
    """A write-only cell for value; text is always a text cell, never a formula.
    text_format: the cell's number format is Text ("@"), so that editing it in Excel
    keeps it text (ID numbers, phone numbers, dates written as text)."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    if not text_format and not looks_like_formula(value) and value.isprintable():
        return value  # the common case: openpyxl writes it as text already
    cell = WriteOnlyCell(sheet, value=_xml_safe(value))
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    if text_format:
        cell.number_format = "@"
    return cell


def xlsx_row(sheet: Any, values: Iterable[Any], text_columns: Iterable[int] = ()) -> list[Any]:
    as_text = set(text_columns)
    return [xlsx_cell(sheet, value, text_format=index in as_text)
            for index, value in enumerate(values)]


def csv_writer(out: IO[str]) -> Any:
    return csv.writer(out)


def csv_row(values: Iterable[Any]) -> list[str]:
    return [guard_csv(value) if isinstance(value, str) else "" if value is None else str(value)
            for value in values]
