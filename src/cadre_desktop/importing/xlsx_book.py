"""An .xlsx workbook opened for reading sheets as rows of values plus text-cell fonts.

The fast way (LightBook) runs the parts of openpyxl's reader a sheet's values need
(content types, shared strings, workbook, styles) and walks the sheet with sheet_cells.
openpyxl's own load_workbook also opens every worksheet, and for a sheet that declares
no dimension (openpyxl's write-only mode, hence our own exports) that parses the whole
sheet once just to size it, before it is read. The safe way (PublicBook) uses only
openpyxl's public API; it is taken when openpyxl's internals are not what LightBook
expects (a future openpyxl), and gives fonts for the first FONT_SAMPLE_ROWS rows only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cadre_desktop.importing import sheet_cells
from cadre_desktop.importing.limits import MAX_SHARED_CHARS, MAX_SHARED_STRINGS
from cadre_desktop.importing.sheet_cells import Fonts, Limits, Rows, Styles, TooBig

FONT_SAMPLE_ROWS = 300
_TICK_EVERY = 500
_DIMENSION = re.compile(r"<(?:\w+:)?dimension ref=\"[A-Z]+\d+(?::[A-Z]+(\d+))?\"")

RowsRead = Callable[[int], None]
RowIterator = Iterator[tuple[int, list[Any], list[str | None] | None]]


class TooManyStrings(Exception):
    """The shared string table is beyond MAX_SHARED_STRINGS or MAX_SHARED_CHARS."""


def _shared_strings(reader: Any) -> list[str]:
    """The shared string table as openpyxl's read_string_table gives it (plain text and
    rich-text runs, no phonetic runs), without building openpyxl objects per string."""
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    item, text, run = (f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("si", "t", "r"))
    strings: list[str] = []
    chars = 0
    with reader.archive.open(part.PartName[1:]) as source:
        for _event, element in iterparse(source):
            if element.tag != item:
                continue
            if len(strings) >= MAX_SHARED_STRINGS:
                raise TooManyStrings()
            parts = []
            for child in element:
                if child.tag == text:
                    parts.append(child.text or "")
                elif child.tag == run:
                    run_text = child.find(text)
                    if run_text is not None and run_text.text:
                        parts.append(run_text.text)
            value = "".join(parts).replace("x005F_", "")
            chars += len(value)
            if chars > MAX_SHARED_CHARS:
                raise TooManyStrings()
            strings.append(value)
            element.clear()
    return strings


class LightBook:
    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(str(path), read_only=True, data_only=True)
        self.archive = reader.archive
        try:
            reader.read_manifest()
            strings = _shared_strings(reader)
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            book = reader.wb
            self.targets = {
                sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files and "chartsheet" not in rel.Type
            }
            self.styles = Styles(strings, book._date_formats,
                                 book._timedelta_formats, book.epoch, book._cell_styles,
                                 book._fonts)
        except BaseException:
            self.archive.close()
            raise
        self.names = list(self.targets)

    def read(self, name: str, max_rows: int | None, tick: RowsRead | None) -> tuple[Rows, Fonts]:
        with self.archive.open(self.targets[name]) as source:
            return sheet_cells.read_cells(source, self.styles, max_rows, tick)

    def iter_rows(self, name: str, limits: Limits) -> RowIterator:
        with self.archive.open(self.targets[name]) as source:
            yield from sheet_cells.iter_cells(source, self.styles, limits)

    def estimate(self, name: str) -> int:
        """The row count the sheet declares at its top (0 when it declares none)."""
        with self.archive.open(self.targets[name]) as source:
            head = source.read(4096).decode("utf-8", errors="replace")
        match = _DIMENSION.search(head)
        return int(match.group(1) or 1) if match else 0

    def close(self) -> None:
        self.archive.close()


class PublicBook:
    def __init__(self, path: Path) -> None:
        import openpyxl

        self.book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.names = [ws.title for ws in self.book.worksheets]

    def estimate(self, name: str) -> int:
        return int(self.book[name].max_row or 0)

    def iter_rows(self, name: str, limits: Limits) -> RowIterator:
        ws = self.book[name]
        ws.reset_dimensions()
        for number, cells in enumerate(ws.iter_rows(max_row=limits.rows + 1), start=1):
            if number > limits.rows:
                raise TooBig("rows", number)
            if len(cells) > limits.columns:
                raise TooBig("columns", number, len(cells))
            values = [cell.value for cell in cells]
            for column, value in enumerate(values, start=1):
                if isinstance(value, str) and len(value) > limits.cell_chars:
                    raise TooBig("cell", number, column)
            fonts = ([cell.font.name if isinstance(cell.value, str) else None
                      for cell in cells] if number <= FONT_SAMPLE_ROWS else None)
            yield number, values, fonts

    def read(self, name: str, max_rows: int | None, tick: RowsRead | None) -> tuple[Rows, Fonts]:
        ws = self.book[name]
        # Some writers declare a wrong dimension (e.g. "A1"), which would cut the read short.
        ws.reset_dimensions()
        rows: Rows = []
        fonts: Fonts = []
        sample = FONT_SAMPLE_ROWS if max_rows is None else min(max_rows, FONT_SAMPLE_ROWS)
        for cells in ws.iter_rows(max_row=sample):
            rows.append([cell.value for cell in cells])
            fonts.append([cell.font.name if isinstance(cell.value, str) else None
                          for cell in cells])
        if len(rows) < sample:
            return rows, fonts
        for values in ws.iter_rows(min_row=sample + 1, max_row=max_rows, values_only=True):
            rows.append(list(values))
            if tick is not None and len(rows) % _TICK_EVERY == 0:
                tick(len(rows))
        return rows, fonts

    def close(self) -> None:
        self.book.close()


Book = LightBook | PublicBook


def open_book(path: Path, light: bool = True) -> Book:
    """Open a workbook; raises what openpyxl raises for a damaged file."""
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation, styles); the clerk
        # cannot act on those and they do not affect the values.
        warnings.simplefilter("ignore")
        if light:
            try:
                return LightBook(path)
            except (AttributeError, ImportError, TypeError):
                pass  # openpyxl's internals have changed: the public way still works
        return PublicBook(path)
