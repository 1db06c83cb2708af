"""The person rows of a sheet: what lies between the headings and the totals/signatures.

Skipped quietly: blank rows, rows holding only a number (STT) or only columns the import
does not use, the "(1) (2) (3)" column-number row, and the heading row repeated at a page
break. The table ends at a totals or signature row ("Tổng số: 25", "Người lập biểu",
"(Ký, ghi rõ họ tên)", the date line); a person row further down is reported. Group rows
("I. Chi đoàn Khu phố 1") are skipped with a warning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.importing.headers import NAME_FIELDS, SKIP, HeaderLayout
from cadre_desktop.importing.tabular import Grid

# Text that ends the table wherever it stands in a row without a person's name.
_FOOTER = re.compile(
    r"^(?:tong so|tong cong)\b"  # Tổng số: 25 / Tổng cộng
    r"|^(?:tong|cong)\s*(?::|\d)"  # Tổng: 25 / Cộng: 25
    r"|^nguoi lap"  # Người lập biểu / Người lập danh sách
    r"|\bky\b.{0,15}\bghi ro\b|^\(?ky ten\b|^\(?ky,? dong dau"  # (Ký, ghi rõ họ tên)
    r"|\bngay\b.{0,25}\bthang\b.{0,25}\bnam\b"  # "Tây Ninh, ngày 14 tháng 5 năm 2018"
    r"|^(?:tm|t/m|kt|tl)\s*[./:]"  # TM. BAN THƯỜNG VỤ, KT. BÍ THƯ
)
# Signature titles, which are also positions: they end the table only in a row of nothing else.
_TITLE = re.compile(
    r"^(?:pho )?bi thu$|^xac nhan\b|^thu truong\b|^lanh dao\b|^ban (?:thuong vu|chap hanh)$"
)
AFTER_FOOTER = "Dòng nằm dưới dòng tổng số/chữ ký nên không được nhập"
_SECTION = re.compile(r"^(?:[ivxlc]+|[a-z])\s*[.)]\s+\S")
_NUMBER = re.compile(r"^\(?\d{1,3}\)?$")


@dataclass
class SheetRow:
    row: int  # the sheet row number the clerk sees
    values: dict[str, Any]  # field key -> cleaned value; only non-blank values


@dataclass
class RowsRead:
    rows: list[SheetRow] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (row, warning)
    footer_row: int | None = None


def _blank(value: Any) -> bool:
    # Values are kept as written: the checks clean (NFC, spaces) what they use, and
    # cleaning every cell of a big sheet up front costs more than the rest of reading it.
    return value is None or (isinstance(value, str) and not value.strip())


def _is_marker(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    folded = text.fold(value)
    return bool(_FOOTER.search(folded) or _TITLE.search(folded))


def _is_footer(cells: list[Any]) -> bool:
    filled = [v for v in cells if not _blank(v)]
    strong = any(isinstance(v, str) and _FOOTER.search(text.fold(v)) for v in filled)
    return strong or (bool(filled) and all(_is_marker(v) for v in filled))


def _folded_names(values: dict[str, Any]) -> list[str]:
    return [text.fold(str(values[k])) for k in NAME_FIELDS if k in values]


def _plausible(folded: list[str]) -> bool:
    """A person's name, not a total, a signature title or a number."""
    if not folded:
        return False
    for name in folded:
        if any(ch.isdigit() for ch in name) or _FOOTER.search(name) or _TITLE.search(name):
            return False
    return True


def _is_numbering(cells: list[Any]) -> bool:
    filled = [v for v in cells if not _blank(v)]
    if len(filled) < 3:
        return False
    return all(
        (isinstance(v, int) and not isinstance(v, bool) and 0 < v < 1000)
        or (isinstance(v, str) and _NUMBER.match(v.strip()) is not None)
        for v in filled
    )


class RowReader:
    """The person rows of a sheet, fed one sheet row at a time (rows may be streamed)."""

    def __init__(self, layout: HeaderLayout) -> None:
        self.mapped = [(c, k) for c, k in sorted(layout.columns.items()) if k != SKIP]
        self.headings = {text.fold(layout.headings.get(c, "")) for c, k in self.mapped
                         if k in NAME_FIELDS}
        self.ended = False
        self.notes: list[tuple[int, str]] = []  # (row, warning)
        self.footer_row: int | None = None

    def feed(self, row_no: int, cells: list[Any]) -> SheetRow | None:
        """The person row at sheet row row_no, or None when the row is not one."""
        width = len(cells)
        values: dict[str, Any] = {}
        for col, key in self.mapped:
            if col < width:
                value = cells[col]
                if isinstance(value, str):
                    value = unicodedata.normalize("NFC", value.strip()) or None
                if value is not None:
                    values[key] = value
        if not values:
            return None
        folded = _folded_names(values)
        plausible = _plausible(folded)
        if self.ended:
            if plausible and len(values) >= 3:
                self.notes.append((row_no, AFTER_FOOTER))
            return None
        if not plausible:
            if _is_footer(cells):
                self.ended = True
                self.footer_row = row_no
                return None
            if _is_numbering(cells):
                return None
        if len(folded) == 1:
            if folded[0] in self.headings:
                return None  # the heading row repeated at a page break
            if len(values) == 1 and _SECTION.match(folded[0]):
                name = text.clean(str(next(iter(values.values()))))
                self.notes.append((row_no, f"Dòng tiêu đề nhóm '{name}', bỏ qua"))
                return None
        return SheetRow(row_no, values)


def read_rows(grid: Grid, layout: HeaderLayout) -> RowsRead:
    result = RowsRead()
    reader = RowReader(layout)
    for index in range(layout.data_start, len(grid.rows)):
        found = reader.feed(index + 1, grid.rows[index])
        if found is not None:
            result.rows.append(found)
    result.notes = reader.notes
    result.footer_row = reader.footer_row
    return result
