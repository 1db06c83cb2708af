"""Spreadsheet and CSV files as a grid of cell values, the way the clerk sees them.

Row i of the grid is sheet row i + 1 (an .xlsx row, or a CSV record counting the header),
so every message can name the row the clerk sees. For .xlsx the font name of text cells
comes along (see xlsx_book): legacy TCVN3/VNI text is recognised by its font first.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cadre_desktop.domain.errors import UserError
from cadre_desktop.importing.xlsx_book import Book, open_book

LIGHT_BOOK = True  # tests switch to openpyxl's public API to check both ways agree
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".txt")
_TICK_EVERY = 500

Cell = Any  # str, int, float, bool, datetime, date, time or None
Tick = Callable[[int, int], None]  # (rows read, estimated total or 0)
Accept = Callable[["Grid"], bool]


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
        raise UserError(
            f"Tệp {path.name} ở dạng Excel 97-2003 (.xls), chưa đọc được: hãy mở bằng Excel "
            "và lưu lại dạng .xlsx"
        )
    raise UserError(f"Chỉ nhập được tệp .xlsx hoặc .csv, không phải '{path.name}'")


def _check_exists(path: Path) -> None:
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp {path}")


@contextmanager
def _workbook(path: Path) -> Iterator[Book]:
    _check_exists(path)
    try:
        book = open_book(path, light=LIGHT_BOOK)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise _broken(path, exc) from exc
    try:
        yield book
    finally:
        book.close()


def _broken(path: Path, exc: BaseException) -> UserError:
    if isinstance(exc, zipfile.BadZipFile):
        return UserError(f"Tệp {path.name} bị hỏng hoặc không phải tệp .xlsx")
    return UserError(f"Không đọc được tệp {path.name}: tệp bị hỏng hoặc không phải tệp .xlsx")


def sheet_names(path: str | Path) -> list[str]:
    """The worksheets of an .xlsx file; [] for a CSV file."""
    path = Path(path)
    if file_kind(path) == "csv":
        _check_exists(path)
        return []
    with _workbook(path) as book:
        return list(book.names)


def read_grid(path: str | Path, sheet: str | None = None, *, max_rows: int | None = None,
              tick: Tick | None = None, accept: Accept | None = None,
              probe_rows: int = 40) -> Grid:
    """Read a sheet or a CSV file.

    sheet None: the first sheet that accept(grid of its first probe_rows rows) takes, or the
    first sheet. The workbook is opened once: openpyxl parses a whole sheet on opening when
    the file declares no dimension (files written by openpyxl's write-only mode).
    max_rows: stop early (header detection). tick(rows_read, estimated_total) is called
    every few hundred rows; it may raise to stop reading.
    """
    path = Path(path)
    if file_kind(path) == "csv":
        _check_exists(path)
        return Grid(path, None, [], _read_csv(path, max_rows, tick))
    with _workbook(path) as book:
        names = list(book.names)
        if not names:
            raise UserError(f"Tệp {path.name} không có trang tính nào")
        if sheet is not None and sheet not in names:
            raise UserError(
                f"Tệp {path.name} không có trang '{sheet}' (có: {', '.join(names)})"
            )
        try:
            if sheet is None:
                sheet = names[0]
                if accept is not None and len(names) > 1:
                    sheet = _choose(book, path, names, accept, probe_rows)
            rows, fonts = _read_sheet(book, sheet, max_rows, tick)
        except UserError:
            raise
        except Exception as exc:  # a damaged part of the file shows up while parsing rows
            raise _broken(path, exc) from exc
        return Grid(path, sheet, names, rows, fonts)


def _choose(book: Book, path: Path, names: list[str], accept: Accept, probe_rows: int) -> str:
    for name in names:
        rows, fonts = _read_sheet(book, name, probe_rows, None)
        if accept(Grid(path, name, names, rows, fonts)):
            return name
    return names[0]


def _read_sheet(book: Book, name: str, max_rows: int | None,
                tick: Tick | None) -> tuple[list[list[Cell]], list[list[str | None]]]:
    if tick is None:
        return book.read(name, max_rows, None)
    estimate = book.estimate(name)
    report = tick

    def rows_read(count: int) -> None:
        report(count, max(estimate, count))

    return book.read(name, max_rows, rows_read)


def _read_csv(path: Path, max_rows: int | None, tick: Tick | None) -> list[list[Cell]]:
    data = path.read_bytes()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            f"Tệp {path.name} không ở mã UTF-8: hãy lưu lại bằng Excel với kiểu "
            "'CSV UTF-8 (Comma delimited)'"
        ) from None
    if "\x00" in content:
        raise UserError(f"Tệp {path.name} không phải tệp CSV dạng văn bản")
    delimiter = sniff_delimiter(content)
    estimate = content.count("\n") + 1
    rows: list[list[Cell]] = []
    try:
        for record in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter):
            rows.append([value if value.strip() else None for value in record])
            if tick is not None and len(rows) % _TICK_EVERY == 0:
                tick(len(rows), max(estimate, len(rows)))
            if max_rows is not None and len(rows) >= max_rows:
                break
    except csv.Error as exc:
        raise UserError(f"Tệp {path.name} không đọc được dạng CSV ({exc})") from exc
    return rows


def sniff_delimiter(content: str) -> str:
    """Comma, semicolon (Excel in a Vietnamese locale) or tab: the one that splits the first
    lines into the most equal, widest rows."""
    lines = [line for line in content.splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        widths: dict[int, int] = {}
        for record in csv.reader(lines, delimiter=delimiter):
            if len(record) > 1:
                widths[len(record)] = widths.get(len(record), 0) + 1
        if not widths:
            continue
        width, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
        score = (rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
