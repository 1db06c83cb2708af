"""An old Excel 97-2003 workbook (.xls) read with xlrd, the same way as an .xlsx one.

Old lists, often typed in TCVN3 (.VnTime) or VNI fonts, still come as .xls; openpyxl
reads only .xlsx. xlrd gives each cell's value and, with formatting_info, its font, which
the legacy-encoding detection needs. An .xls file is read whole into memory by xlrd, so
its size is bounded before it is opened (limits.MAX_XLS_BYTES); the format itself holds
at most 65,536 rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cadre_desktop.importing.sheet_cells import Limits, TooBig

RowIterator = Iterator[tuple[int, list[Any], list[str | None] | None]]


class XlsBook:
    def __init__(self, path: Path) -> None:
        import xlrd

        self._xlrd = xlrd
        self.book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        self.names = [str(name) for name in self.book.sheet_names()]

    def estimate(self, name: str) -> int:
        return int(self.book.sheet_by_name(name).nrows)

    def _font(self, xf_index: int) -> str | None:
        try:
            xf = self.book.xf_list[xf_index]
            return str(self.book.font_list[xf.font_index].name)
        except (IndexError, AttributeError):
            return None

    def _value(self, cell: Any) -> Any:
        xlrd = self._xlrd
        kind, value = cell.ctype, cell.value
        if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None
        if kind == xlrd.XL_CELL_NUMBER:
            return int(value) if float(value).is_integer() else float(value)
        if kind == xlrd.XL_CELL_DATE:
            try:
                moment: dt.datetime = xlrd.xldate_as_datetime(value, self.book.datemode)
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return "#VALUE!"
            return moment
        if kind == xlrd.XL_CELL_BOOLEAN:
            return bool(value)
        if kind == xlrd.XL_CELL_ERROR:
            return xlrd.error_text_from_code.get(value, "#N/A")
        return str(value)

    def iter_rows(self, name: str, limits: Limits) -> RowIterator:
        sheet = self.book.sheet_by_name(name)
        for index in range(sheet.nrows):
            number = index + 1
            if number > limits.rows:
                raise TooBig("rows", number)
            cells = sheet.row(index)
            if len(cells) > limits.columns:
                raise TooBig("columns", number, len(cells))
            values: list[Any] = []
            fonts: list[str | None] = []
            for column, cell in enumerate(cells, start=1):
                value = self._value(cell)
                if isinstance(value, str) and len(value) > limits.cell_chars:
                    raise TooBig("cell", number, column)
                values.append(value)
                fonts.append(self._font(cell.xf_index) if isinstance(value, str) else None)
            yield number, values, fonts

    def close(self) -> None:
        self.book.release_resources()
