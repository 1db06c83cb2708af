"""Any list of a page (services.list_tables) as a Đoàn-format document: the header with the
number and the date line, "DANH SÁCH …" with the unit, a bordered table numbered STT
whose headings repeat on every page, "Tổng số: …", Nơi nhận and the signature block.

Portrait unless landscape takes fewer pages or wraps much less. A long list (a whole
roster) is laid out on portrait alone when it fits there: trying both orientations would
build its 100,000 rows twice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.printing import data, layout
from cadre_desktop.printing.model import Document
from cadre_desktop.printing.paging import Book, Grid
from cadre_desktop.printing.tables import Col, cell, crowded, exact, fit_widths, head, natural
from cadre_desktop.services.list_tables import MERGED, Figure, ListTable
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import load_profile

# Above this many rows only portrait is tried (when the columns fit there).
BOTH_ORIENTATIONS_UP_TO = 3000


def _columns(table: ListTable, rows: list[list[str | None]]) -> list[Col]:
    cols = [exact([str(len(rows))], at_least_mm=9)]
    for index, column in enumerate(table.columns, start=1):
        values = [v for row in rows if (v := row[index])]
        if column.grow:
            cols.append(Col(column.min_mm, natural(values), column.grow, column.align))
        else:
            cols.append(exact(values, align=column.align, at_least_mm=column.min_mm))
    return cols


def _heading(table: ListTable) -> tuple[list[list[Any]], list[Any]]:
    """One heading row, or two when columns are grouped ("Ngày sinh" over Nam and Nữ)."""
    headings = ["STT", *(c.heading for c in table.columns)]
    groups = ["", *(c.group for c in table.columns)]
    if not any(groups):
        return [[head(h) for h in headings]], []
    top: list[Any] = []
    bottom: list[Any] = []
    spans: list[Any] = []
    for index, (heading, group) in enumerate(zip(headings, groups, strict=True)):
        if not group:
            top.append(head(heading))
            bottom.append("")
            spans.append(("SPAN", (index, 0), (index, 1)))
        else:
            first = index == 0 or groups[index - 1] != group
            top.append(head(group) if first else "")
            bottom.append(head(heading))
            if first:
                last = index
                while last + 1 < len(groups) and groups[last + 1] == group:
                    last += 1
                spans.append(("SPAN", (index, 0), (last, 0)))
    return [top, bottom], spans


def _grid(table: ListTable, rows: list[list[str | None]], cols: list[Col],
          widths: list[float], total: str, consume: bool = False) -> Grid:
    """The rows as table cells; with `consume`, each row list becomes its cells in place
    (the last layout tried of a long list: its rows are then never held twice)."""
    heading, spans = _heading(table)
    grid = Grid(widths, [c.align for c in cols], heading, spans, [], total=total)
    for number, row in enumerate(rows):
        values: list[Any] = []
        for index, value in enumerate(row):
            if value is MERGED:
                # Part of the cell on its left: widen that span (or start one).
                runs = grid.row_spans.setdefault(number, [])
                if runs and runs[-1][1] == index - 1:
                    runs[-1] = (runs[-1][0], index)
                else:
                    runs.append((index - 1, index))
                values.append("")
            else:
                values.append(cell(value, widths[index], cols[index].align))
        if consume:
            row[:] = values
        else:
            grid.rows.append(values)
    if consume:
        grid.rows = rows  # every row now holds its cells
    return grid


def _read(table: ListTable, progress: Progress) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    expected = table.expected_rows or 0
    for number, row in enumerate(table.rows, start=1):
        rows.append([str(number), *(v.text if isinstance(v, Figure) else v for v in row)])
        if number % 500 == 0:
            progress.step("Đang đọc danh sách", number, expected)
    return rows


def _notes(table: ListTable) -> list[Flowable]:
    """The lines under the table (what its short headings stand for)."""
    if not table.notes:
        return []
    note = layout.style("regular", layout.HEADER_SIZE - 3, TA_LEFT)
    return [Spacer(1, 2 * mm), *(layout.para(line, note) for line in table.notes)]


def _orientations(rows: int, cols: list[Col]) -> list[bool]:
    """Whether to try portrait (False), landscape (True) or both."""
    if rows <= BOTH_ORIENTATIONS_UP_TO:
        return [False, True]
    widths = fit_widths(cols, layout.frame_width(False))
    return [False] if widths is not None and not crowded(cols, widths) else [True]


def story(table: ListTable, document: Document,
          progress: Progress = NO_PROGRESS) -> tuple[list[Flowable], bool]:
    rows = _read(table, progress.part(0.0, 0.5))
    total = table.total(len(rows))
    cols = _columns(table, rows)
    choices = []
    orientations = _orientations(len(rows), cols)
    for wide in orientations:
        widths = fit_widths(cols, layout.frame_width(wide))
        if widths is None:
            continue
        progress.check()
        before: list[Flowable] = [layout.header_block(document.header, wide),
                                  *layout.title_block(document)]
        closing = layout.closing_block(document.signature, document.recipients, wide)
        grid = _grid(table, rows, cols, widths, total, consume=len(orientations) == 1)
        book = Book(grid, before, wide, [*_notes(table), closing])
        choices.append(((book.pages, crowded(cols, widths), wide), book))
    if not choices:
        raise AssertionError(f"the columns of “{table.title}” do not fit an A4 page")
    book = min(choices, key=lambda choice: choice[0])[1]
    return book.flowables(), book.wide


def document_for(db: Database, table: ListTable, number: str | None,
                 on: dt.date | None) -> Document:
    profile = load_profile(db)
    return Document(
        header=data.header(db, profile, table.kind, number, on or dt.date.today()),
        title=table.title, subtitle=table.subtitle, details=table.details,
        signature=data.signature(profile), recipients=table.recipients,
        pdf_title=table.pdf_title or table.title.capitalize())


def render(db: Database, table: ListTable, path: Path, *, number: str | None = None,
           on: dt.date | None = None, progress: Progress = NO_PROGRESS) -> int:
    """Write the list's PDF; its pages. The number is checked before any row is read."""
    document = document_for(db, table, number, on)
    items, wide = story(table, document, progress.part(0.0, 0.5))
    return layout.build(items, path, wide=wide, title=document.pdf_title,
                        progress=progress.part(0.5, 1.0))
