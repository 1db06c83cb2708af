"""Long tables cut into one table per page, with the heading rows on every page.

reportlab can split a long table itself (LongTable with repeatRows), but every split of a
table with spanned cells re-walks all its remaining cells, which makes a 1,000-row list
quadratic (about 3 s). Row heights are easy to know in advance (text lines times leading,
or a wrapped paragraph's height, plus padding), so the rows are cut into pages here, in
one pass, and each page's table is small.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table

from cadre_desktop.printing import layout
from cadre_desktop.printing.tables import BODY_SIZE, PAD, body_style, heading_style

# Rounding in reportlab's own layout must never push a planned page over the edge.
_SLACK = 1.0
# The fewest rows that go over to the last page with the total and the signature, and that a
# page giving rows to it keeps (one row alone above a signature looks like a mistake).
MIN_ROWS = 3


@dataclass
class Grid:
    """A table of people or sessions, before it is cut into pages."""

    widths: list[float]
    aligns: list[str]
    heading: list[list[Any]]                 # the heading rows, repeated on every page
    heading_spans: list[Any]                 # their SPAN (and padding) commands
    rows: list[list[Any]]
    row_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    size: float = BODY_SIZE
    padding: float = 3.0
    total: str = ""                          # "Tổng số: …" as a last, full-width row
    note: str = ""                           # in italics after the total (a legend)

    @property
    def leading(self) -> float:
        return self.size * 1.15


def _row_height(grid: Grid, row: Sequence[Any]) -> float:
    height = grid.leading
    for value, width in zip(row, grid.widths, strict=True):
        if isinstance(value, Flowable):
            height = max(height, value.wrap(width - 2 * PAD, 1e6)[1])
        elif isinstance(value, str) and "\n" in value:
            height = max(height, grid.leading * (value.count("\n") + 1))
    return height + 2 * grid.padding


def _total_cell(grid: Grid) -> Paragraph:
    markup = f"<b>{layout.escape(grid.total)}</b>"
    if grid.note:
        markup += f"&nbsp;&nbsp;&nbsp; <i>{layout.escape(grid.note)}</i>"
    return Paragraph(markup, layout.style("regular", BODY_SIZE, TA_LEFT, BODY_SIZE * 1.15))


def _total_height(grid: Grid) -> float:
    if not grid.total:
        return 0.0
    return float(_total_cell(grid).wrap(sum(grid.widths) - 2 * PAD, 1e6)[1]) + 8


def _heading_height(grid: Grid) -> float:
    table = Table(grid.heading, colWidths=grid.widths)
    table.setStyle(heading_style(len(grid.heading)) + grid.heading_spans)
    return float(table.wrap(sum(grid.widths), 1e6)[1])


def height_of(flowables: Sequence[Flowable], width: float) -> float:
    return sum((float(f.wrap(width, 1e6)[1]) + float(f.getSpaceBefore())
                + float(f.getSpaceAfter()) for f in flowables), 0.0)


def _cut(grid: Grid, first_room: float, room: float, tail: float) -> list[tuple[int, int]]:
    """(start, end) row ranges, one per page; the last also holds the total row and `tail`
    points of what follows the table. The last page has at least MIN_ROWS rows with the
    total and the signature (never a signature alone, never one row left over), and a page
    that gives rows to the last one keeps at least MIN_ROWS of its own."""
    heights = [_row_height(grid, row) for row in grid.rows]
    n = len(heights)
    starts, used, limit = [0], 0.0, first_room
    for index, height in enumerate(heights):
        if used + height > limit and (index > starts[-1] or limit < room):
            starts.append(index)
            used, limit = 0.0, room
        used += height
    end_block = _total_height(grid) + tail

    def fits(page: int, start: int, end: int) -> bool:
        return sum(heights[start:end]) + end_block <= (first_room if page == 0 else room)

    last = len(starts) - 1
    start = starts[last]
    if fits(last, start, n):
        if last > 0 and n - start < MIN_ROWS:
            # Too few rows above the signature: take some from the page before.
            wanted = min(start, max(starts[last - 1] + MIN_ROWS, n - MIN_ROWS))
            while wanted < start and not fits(last, wanted, n):
                wanted += 1
            starts[last] = wanted
        return _ranges(starts, n)
    # The total and the signature need a page of their own: the last rows go with them.
    moved = min(MIN_ROWS, n - start)
    while moved > 1 and not fits(last + 1, n - moved, n):
        moved -= 1
    if n - moved - start < MIN_ROWS:
        if last > 0:
            # This page keeps MIN_ROWS rows, some taken from the page before.
            starts[last] = min(start, max(starts[last - 1] + MIN_ROWS, n - moved - MIN_ROWS))
        elif fits(1, n - (n - n // 2), n):
            moved = max(moved, n - n // 2)  # a short first page: share its rows out
    starts.append(n - moved)
    return _ranges(starts, n)


def _ranges(starts: list[int], n: int) -> list[tuple[int, int]]:
    return list(zip(starts, [*starts[1:], n], strict=True))


def _page_table(grid: Grid, start: int, end: int, last: bool) -> Table:
    top = len(grid.heading)
    # An empty cell as an empty tuple (no flowables) is skipped when drawing, where an
    # empty string is still drawn: an eighth of the time of a signing sheet.
    data = [*grid.heading, *([v if v != "" else () for v in row]
                             for row in grid.rows[start:end])]
    style = (heading_style(top) + grid.heading_spans
             + body_style(top, grid.aligns, grid.padding, grid.size, odd_first=start % 2 == 1))
    for index in range(start, end):
        r = top + index - start
        style += [("SPAN", (c0, r), (c1, r)) for c0, c1 in grid.row_spans.get(index, [])]
    if last and grid.total:
        r = len(data)
        data.append([_total_cell(grid), *[()] * (len(grid.widths) - 1)])
        style += [("SPAN", (0, r), (-1, r)),
                  ("BACKGROUND", (0, r), (-1, r), colors.white),
                  ("TOPPADDING", (0, r), (-1, r), 4), ("BOTTOMPADDING", (0, r), (-1, r), 4)]
    # repeatRows only matters if a page was planned wrong: reportlab then splits it itself.
    table = Table(data, colWidths=grid.widths, repeatRows=top)
    table.setStyle(style)
    return table


class Book:
    """A grid cut into pages: `before` is what the first page shows above the table (the
    header and the title), `after` what must end on the table's last page (the signature)."""

    def __init__(self, grid: Grid, before: Sequence[Flowable], wide: bool,
                 after: Sequence[Flowable] = ()) -> None:
        self.grid, self.before, self.wide, self.after = grid, list(before), wide, list(after)
        width = layout.frame_width(wide)
        frame = layout.frame_height(wide)
        heading = _heading_height(grid)
        first_room = frame - height_of(before, width) - heading - _SLACK
        self.ranges = _cut(grid, first_room, frame - heading - _SLACK, height_of(after, width))

    @property
    def pages(self) -> int:
        return len(self.ranges)

    def flowables(self) -> list[Flowable]:
        """Everything in order: one table per page, separated by page breaks."""
        items = list(self.before)
        for number, (start, end) in enumerate(self.ranges):
            last = number == len(self.ranges) - 1
            if number:
                items.append(PageBreak())
            if start < end or last:  # an empty first range: the title filled the first page
                items.append(_page_table(self.grid, start, end, last))
        return [*items, *self.after]
