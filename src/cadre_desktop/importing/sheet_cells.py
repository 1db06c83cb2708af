"""A lean pass over one worksheet's cells, with the workbook parts openpyxl has read.

openpyxl parses the package (shared strings, styles, date formats, epoch); the cell
stream of the sheet is walked here with the same XML parser openpyxl uses, turning each
cell into the value openpyxl's read-only reader gives (numbers, dates by number format,
shared and inline strings, booleans, errors, cached formula results). It does less per
cell than openpyxl's general reader, about twice as fast on a big sheet, and keeps every
text cell's font name, which legacy-font detection needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_CELL = f"{{{SHEET_MAIN_NS}}}c"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
_SHEET_DATA = f"{{{SHEET_MAIN_NS}}}sheetData"
_TICK_EVERY = 500

Rows = list[list[Any]]
Fonts = list[list[str | None]]


@dataclass
class Styles:
    """What a workbook tells about its cells: shared strings, which style ids are dates or
    durations, the date epoch, and each style's font."""

    strings: list[Any]
    date_styles: Any  # a container of style ids
    duration_styles: Any
    epoch: Any
    cell_styles: Any  # style id -> an object with fontId
    fonts: Any  # font id -> an object with name


_DIGITS = "0123456789"


def _column(ref: str) -> int:
    """1-based column of a cell reference such as 'AB12'."""
    number = 0
    for char in ref.rstrip(_DIGITS):
        number = number * 26 + (ord(char) & 0x1F)
    return number


def _inline_text(element: Any) -> str:
    # Plain text and rich-text runs; phonetic runs (rPh) are not part of the value.
    parts = []
    for child in element:
        if child.tag == _TEXT:
            if child.text:
                parts.append(child.text)
        elif child.tag == _RUN:
            run_text = child.find(_TEXT)
            if run_text is not None and run_text.text:
                parts.append(run_text.text)
    return "".join(parts)


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class TooBig(Exception):
    """A sheet beyond the limits the caller set (rows, cells in a row, cell length)."""

    def __init__(self, what: str, row: int, column: int = 0) -> None:
        super().__init__(what)
        self.what = what  # "rows", "columns" or "cell"
        self.row = row
        self.column = column


@dataclass(frozen=True)
class Limits:
    rows: int  # sheet rows read at most
    columns: int  # cells in one row
    cell_chars: int  # characters in one cell


NO_LIMITS = Limits(rows=2**31, columns=2**31, cell_chars=2**31)


def read_cells(source: IO[bytes], styles: Styles, max_rows: int | None,
               tick: Callable[[int], None] | None) -> tuple[Rows, Fonts]:
    """Values of every row (row i = sheet row i + 1) and the font of every text cell."""
    rows: Rows = []
    fonts: Fonts = []
    for row_number, values, names in iter_cells(source, styles, NO_LIMITS):
        if max_rows is not None and row_number > max_rows:
            break
        while len(rows) < row_number - 1:
            rows.append([])
            fonts.append([])
        rows.append(values)
        fonts.append(names)
        if tick is not None and row_number % _TICK_EVERY == 0:
            tick(row_number)
    return rows, fonts


def iter_cells(source: IO[bytes], styles: Styles,
               limits: Limits) -> Iterator[tuple[int, list[Any], list[str | None]]]:
    """(sheet row number, values, font of each text cell) for each row the sheet holds,
    in order; rows the sheet leaves out are not yielded. Only one row is held at a time:
    each parsed row is cleared, and so is the sheet's element once in a while, so a sheet
    of a million rows costs no more memory than one of a hundred."""
    strings = styles.strings
    date_styles = styles.date_styles
    duration_styles = styles.duration_styles
    epoch = styles.epoch
    cell_styles = styles.cell_styles
    book_fonts = styles.fonts
    font_of: dict[int, str | None] = {}
    columns: dict[str, int] = {}
    row_number = 0
    cells_in_row = 0
    parent: Any = None
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _ROW:
                cells_in_row = 0
                ref = element.get("r")
                row_number = int(float(ref)) if ref else row_number + 1
                if row_number > limits.rows:
                    raise TooBig("rows", row_number)
            elif parent is None and tag == _SHEET_DATA:
                parent = element
            continue
        if tag == _CELL:
            cells_in_row += 1
            if cells_in_row > limits.columns:
                raise TooBig("columns", row_number, cells_in_row)
            continue
        if tag != _ROW:
            continue
        values: list[Any] = []
        names: list[str | None] = []
        column = 0
        for cell in element:
            if cell.tag != _CELL:
                continue
            cell_ref = cell.get("r")
            if cell_ref:
                letters = cell_ref.rstrip(_DIGITS)
                column = columns.get(letters) or columns.setdefault(
                    letters, _column(letters))
            else:
                column += 1
            if column > limits.columns:
                raise TooBig("columns", row_number, column)
            if column > len(values) + 1:
                gap = column - 1 - len(values)
                values.extend([None] * gap)
                names.extend([None] * gap)
            kind = cell.get("t", "n")
            style_text = cell.get("s")
            style = int(style_text) if style_text else 0
            value: Any = None
            if kind == "inlineStr":
                inline = cell.find(_INLINE)
                if inline is not None:
                    value = _inline_text(inline)
            else:
                raw = cell.findtext(_VALUE) or None
                if raw is not None:
                    if kind == "n":
                        value = _number(raw)
                        if style in date_styles:
                            try:
                                value = from_excel(value, epoch,
                                                   timedelta=style in duration_styles)
                            except (OverflowError, ValueError):
                                value = "#VALUE!"
                    elif kind == "s":
                        value = strings[int(raw)]
                    elif kind == "b":
                        value = bool(int(raw))
                    elif kind == "d":
                        value = from_ISO8601(raw)
                    else:  # "str" (a formula's text), "e" (an error such as #N/A)
                        value = raw
            font = None
            if isinstance(value, str):
                if len(value) > limits.cell_chars:
                    raise TooBig("cell", row_number, column)
                if style not in font_of:
                    try:
                        font_of[style] = book_fonts[cell_styles[style].fontId].name
                    except (IndexError, AttributeError):
                        font_of[style] = None
                font = font_of[style]
            values.append(value)
            names.append(font)
        element.clear()
        if parent is not None and row_number % _TICK_EVERY == 0:
            parent.clear()  # the cleared rows themselves, which iterparse keeps attached
        yield row_number, values, names
