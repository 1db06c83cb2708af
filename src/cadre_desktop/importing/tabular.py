"""Spreadsheet and CSV files as rows of cell values, the way the clerk sees them.

Row i of a grid is sheet row i + 1 (an .xlsx or .xls row, or a CSV record counting the
header), so every message can name the row the clerk sees. For .xlsx and .xls the font
name of text cells comes along (see xlsx_book, xls_book): legacy TCVN3/VNI text is
recognised by its font first.

open_sheet streams a sheet row by row, so a big file costs the memory of one row (the
importers hold no grid of the whole file); read_grid reads a whole (small) sheet. Both
check the limits of limits.py while reading. A CSV cell that our exporter prefixed with
an apostrophe (text that begins like a formula, see domain.cell_text) reads back
without it.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cadre_desktop.domain.cell_text import unguard_csv
from cadre_desktop.domain.errors import UserError
from cadre_desktop.importing import limits
from cadre_desktop.importing.sheet_cells import Limits, TooBig
from cadre_desktop.importing.xls_book import XlsBook
from cadre_desktop.importing.xlsx_book import Book, TooManyStrings, open_book

LIGHT_BOOK = True  # tests switch to openpyxl's public API to check both ways agree
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".txt")
_TICK_EVERY = 500
_SNIFF_BYTES = 64 * 1024
LIMITS = Limits(rows=limits.MAX_ROWS, columns=limits.MAX_COLUMNS,
                cell_chars=limits.MAX_CELL_CHARS)

Cell = Any  # str, int, float, bool, datetime, date, time or None
Tick = Callable[[int, int], None]  # (rows read, estimated total or 0)
Accept = Callable[["Grid"], bool]
Fonts = list[str | None] | None  # a row's text-cell fonts; None when not known
AnyBook = Book | XlsBook


@dataclass
class Grid:
    path: Path
    sheet: str | None  # None for a CSV file
    sheet_names: list[str]
    rows: list[list[Cell]]
    # Font name of each text cell (xlsx only); may cover only the first rows.
    fonts: list[list[str | None]] = field(default_factory=list)

    @property
    def is_csv(self) -> bool:
        return self.sheet is None

    def font(self, row: int, col: int) -> str | None:
        if row < len(self.fonts):
            names = self.fonts[row]
            if col < len(names):
                return names[col]
        return None


def file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix == ".xls":
        return "xls"
    raise UserError(f"Chỉ nhập được tệp .xlsx, .xls hoặc .csv, không phải '{path.name}'")


def _check_exists(path: Path) -> None:
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp {path}")


def _open_book(path: Path, kind: str) -> AnyBook:
    if kind == "xls":
        if path.stat().st_size > limits.MAX_XLS_BYTES:
            raise limits.xls_too_big(path.name)
        return XlsBook(path)
    return open_book(path, light=LIGHT_BOOK)


@contextmanager
def _workbook(path: Path) -> Iterator[AnyBook]:
    _check_exists(path)
    kind = file_kind(path)
    try:
        book = _open_book(path, kind)
    except UserError:
        raise
    except TooManyStrings:
        raise limits.too_many_strings(path.name) from None
    except MemoryError:
        raise limits.too_many_strings(path.name) from None
    except Exception as exc:  # openpyxl and xlrd raise many types for a damaged file
        raise _broken(path, exc) from exc
    try:
        yield book
    finally:
        book.close()


def _broken(path: Path, exc: BaseException) -> UserError:
    kind = ".xls" if path.suffix.lower() == ".xls" else ".xlsx"
    if isinstance(exc, zipfile.BadZipFile):
        return UserError(f"Tệp {path.name} bị hỏng hoặc không phải tệp {kind}")
    return UserError(f"Không đọc được tệp {path.name}: tệp bị hỏng hoặc không phải tệp {kind}")


def _too_big(path: Path, exc: TooBig) -> UserError:
    if exc.what == "rows":
        return limits.too_many_rows(path.name)
    if exc.what == "columns":
        return limits.too_many_columns(path.name, exc.row)
    return limits.cell_too_long(path.name, exc.row, limits.column_letter(exc.column))


def sheet_names(path: str | Path) -> list[str]:
    """The worksheets of an .xlsx or .xls file; [] for a CSV file."""
    path = Path(path)
    if file_kind(path) == "csv":
        _check_exists(path)
        return []
    with _workbook(path) as book:
        return list(book.names)


@dataclass
class SheetStream:
    """An open sheet: its name, the workbook's sheets, an estimate of its rows, and its
    rows (cells, fonts) in order from row 1, each produced once."""

    path: Path
    sheet: str | None
    sheet_names: list[str]
    estimate: int
    rows: Iterator[tuple[list[Cell], Fonts]]


@contextmanager
def open_sheet(path: str | Path, sheet: str | None = None, *, accept: Accept | None = None,
               probe_rows: int = 40) -> Iterator[SheetStream]:
    """Stream a sheet (or a CSV file). sheet None: the first sheet that accept(grid of its
    first probe_rows rows) takes, or the first sheet."""
    path = Path(path)
    if file_kind(path) == "csv":
        _check_exists(path)
        with _open_text(path) as handle:
            estimate = max(1, path.stat().st_size // 120)
            yield SheetStream(path, None, [], estimate, _csv_rows(path, handle))
        return
    with _workbook(path) as book:
        names = list(book.names)
        if not names:
            raise UserError(f"Tệp {path.name} không có trang tính nào")
        if sheet is not None and sheet not in names:
            raise UserError(
                f"Tệp {path.name} không có trang '{sheet}' (có: {', '.join(names)})"
            )
        if sheet is None:
            sheet = names[0]
            if accept is not None and len(names) > 1:
                sheet = _choose(book, path, names, accept, probe_rows)
        yield SheetStream(path, sheet, names, _estimate(book, path, sheet),
                          _book_rows(book, path, sheet))


def _estimate(book: AnyBook, path: Path, sheet: str) -> int:
    try:
        return int(book.estimate(sheet))
    except Exception as exc:  # a damaged sheet part
        raise _broken(path, exc) from exc


def _book_rows(book: AnyBook, path: Path, sheet: str) -> Iterator[tuple[list[Cell], Fonts]]:
    """The sheet's rows in order, a missing row as an empty one."""
    done = 0
    try:
        for number, values, fonts in book.iter_rows(sheet, LIMITS):
            while done < number - 1:
                done += 1
                yield [], []
            done = number
            yield values, fonts
    except UserError:
        raise
    except TooBig as exc:
        raise _too_big(path, exc) from None
    except MemoryError:
        raise limits.too_many_rows(path.name) from None
    except Exception as exc:  # a damaged part of the file shows up while parsing rows
        raise _broken(path, exc) from exc


def read_grid(path: str | Path, sheet: str | None = None, *, max_rows: int | None = None,
              tick: Tick | None = None, accept: Accept | None = None,
              probe_rows: int = 40) -> Grid:
    """Read a sheet or a CSV file whole (up to max_rows rows).

    sheet None: the first sheet that accept(grid of its first probe_rows rows) takes, or the
    first sheet. tick(rows_read, estimated_total) is called every few hundred rows; it may
    raise to stop reading.
    """
    with open_sheet(path, sheet, accept=accept, probe_rows=probe_rows) as stream:
        grid = Grid(stream.path, stream.sheet, stream.sheet_names, [], [])
        for cells, fonts in stream.rows:
            grid.rows.append(cells)
            if fonts is not None:
                grid.fonts.append(fonts)
            count = len(grid.rows)
            if tick is not None and count % _TICK_EVERY == 0:
                tick(count, max(stream.estimate, count))
            if max_rows is not None and count >= max_rows:
                break
        if grid.is_csv:
            grid.fonts = []
        return grid


def _choose(book: AnyBook, path: Path, names: list[str], accept: Accept,
            probe_rows: int) -> str:
    for name in names:
        grid = Grid(path, name, names, [], [])
        for cells, fonts in _book_rows(book, path, name):
            grid.rows.append(cells)
            grid.fonts.append(fonts or [])
            if len(grid.rows) >= probe_rows:
                break
        if accept(grid):
            return name
    return names[0]


@contextmanager
def _open_text(path: Path) -> Iterator[IO[str]]:
    # Text with universal newlines off: the csv module handles line breaks in quoted cells.
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        yield handle


def _not_utf8(path: Path) -> UserError:
    return UserError(
        f"Tệp {path.name} không ở mã UTF-8: hãy lưu lại bằng Excel với kiểu "
        "'CSV UTF-8 (Comma delimited)'"
    )


def _csv_rows(path: Path, handle: IO[str]) -> Iterator[tuple[list[Cell], Fonts]]:
    try:
        head = handle.read(_SNIFF_BYTES)
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    delimiter = sniff_delimiter(head)
    handle.seek(0)
    count = 0
    try:
        for record in csv.reader(handle, delimiter=delimiter):
            count += 1
            if count > limits.MAX_ROWS:
                raise limits.too_many_rows(path.name)
            if len(record) > limits.MAX_COLUMNS:
                raise limits.too_many_columns(path.name, count)
            cells: list[Cell] = []
            for column, value in enumerate(record, start=1):
                if "\x00" in value:
                    raise UserError(f"Tệp {path.name} không phải tệp CSV dạng văn bản")
                if len(value) > limits.MAX_CELL_CHARS:
                    raise limits.cell_too_long(path.name, count,
                                               limits.column_letter(column))
                cells.append(unguard_csv(value) if value.strip() else None)
            yield cells, None
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise limits.cell_too_long(path.name, count + 1) from None
        raise UserError(f"Tệp {path.name} không đọc được dạng CSV (dòng {count + 1})") from None


def sniff_delimiter(content: str) -> str:
    """Comma, semicolon (Excel in a Vietnamese locale) or tab: the one that splits the first
    lines into the most equal, widest rows."""
    lines = [line for line in content.splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        widths: dict[int, int] = {}
        try:
            records = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:  # a field over the csv module's limit: the reading says so
            continue
        for record in records:
            if len(record) > 1:
                widths[len(record)] = widths.get(len(record), 0) + 1
        if not widths:
            continue
        width, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
        score = (rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
