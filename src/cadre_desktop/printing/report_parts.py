"""Pieces of the report documents: small figure tables with a heading row and a bold
total row, numbered sections, the clerk's text as paragraphs, and the targets chart
(reportlab's own graphics, so the PDF needs nothing else).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from cadre_desktop.printing import fonts, layout
from cadre_desktop.printing.form_parts import HandLines, body, section
from cadre_desktop.printing.tables import (
    BODY_SIZE,
    Col,
    body_style,
    cell,
    exact,
    fit_widths,
    head,
    heading_style,
    natural,
)

MET = colors.Color(0.18, 0.49, 0.2)
NOT_MET = colors.Color(0.85, 0.45, 0.1)
GOAL_LINE = colors.Color(0.1, 0.1, 0.1)


def money(amount: int | None) -> str:
    """'1.340.000.000' for a table whose heading says '(đồng)'."""
    return "—" if amount is None else f"{amount:,}".replace(",", ".")


def figure_table(headings: Sequence[str], rows: Sequence[Sequence[str]], cols: Sequence[Col],
                 width: float, total: Sequence[str] | None = None) -> Table:
    """A heading row, the rows (long text wraps), and an optional bold total row; the
    heading is repeated when reportlab splits the table over pages."""
    widths = fit_widths(cols, width) or [width / len(cols)] * len(cols)
    data: list[list[Any]] = [[head(h) for h in headings]]
    for row in rows:
        data.append([cell(v, w, c.align) for v, w, c in zip(row, widths, cols, strict=True)])
    style = heading_style(1) + body_style(1, [c.align for c in cols], 2.5, BODY_SIZE)
    if total is not None:
        data.append(list(total))
        style += [("FONT", (0, len(data) - 1), (-1, -1), fonts.BOLD, BODY_SIZE),
                  ("BACKGROUND", (0, len(data) - 1), (-1, -1), colors.white)]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return table


def number_col(values: Sequence[str]) -> Col:
    """Right-aligned figures that never wrap."""
    return exact(values, align="RIGHT", at_least_mm=16)


def text_col(values: Sequence[str], min_mm: float = 40) -> Col:
    return Col(min_mm, natural(values), 1.0)


def numbered(title: str) -> list[Flowable]:
    """A section heading kept with what follows ('I. KẾT QUẢ THỰC HIỆN')."""
    return section(title)


def sub_heading(title: str) -> Flowable:
    item = body(f"<b><i>{layout.escape(title)}</i></b>", TA_LEFT)
    item.style = item.style.clone("sub", keepWithNext=1, spaceBefore=2 * mm)
    return item


def paragraphs(value: str, blank_lines: int = 5) -> list[Flowable]:
    """The clerk's text, a paragraph per line (indented like the body); dotted lines to
    write on when there is none yet."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if not lines:
        return [HandLines(blank_lines)]
    found: list[Flowable] = []
    for line in lines:
        item = body(layout.escape(line))
        item.style = item.style.clone("text", firstLineIndent=10 * mm, spaceAfter=1.5 * mm)
        found.append(item)
    return found


def sentence(markup: str) -> Flowable:
    item = body(markup)
    item.style = item.style.clone("sentence", firstLineIndent=10 * mm, spaceAfter=2 * mm)
    return item


def targets_chart(bars: Sequence[tuple[str, float | None, bool, str]], width: float) -> Drawing:
    """One bar per target: how far it is towards its goal (the goal is the line at
    100%), its number at the left, its value against the goal in a column at the right;
    met targets green, the others orange. A bar longer than 150% is cut there."""
    row, top, bottom, left, right = 9 * mm, 4 * mm, 9 * mm, 12 * mm, 45 * mm
    height = top + bottom + row * len(bars)
    # The initial font too: reportlab would otherwise set (and embed a reference to)
    # Helvetica, which has no Vietnamese glyphs.
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR, initialFontSize=9)
    span = width - left - right
    scale = 1.5
    for tick in (0, 0.5, 1.0, 1.5):
        x = left + span * tick / scale
        drawing.add(Line(x, bottom, x, height - top, strokeColor=colors.Color(0.8, 0.8, 0.8),
                         strokeWidth=0.4))
        drawing.add(String(x, bottom - 4 * mm, f"{round(tick * 100)}%", fontName=fonts.REGULAR,
                           fontSize=9, textAnchor="middle"))
    for n, (label, share, met, text_value) in enumerate(bars):
        y = height - top - row * (n + 1) + 1.5 * mm
        drawing.add(String(left - 2 * mm, y + 1.6 * mm, label, fontName=fonts.BOLD,
                           fontSize=10, textAnchor="end"))
        length = span * min(share or 0.0, scale) / scale
        if length > 0:
            drawing.add(Rect(left, y, length, row - 3 * mm, fillColor=MET if met else NOT_MET,
                             strokeColor=None))
        drawing.add(String(left + span + 3 * mm, y + 1.6 * mm, text_value,
                           fontName=fonts.REGULAR, fontSize=9))
    goal = left + span / scale
    drawing.add(Line(goal, bottom - 1 * mm, goal, height - top + 1 * mm, strokeColor=GOAL_LINE,
                     strokeWidth=1.4, strokeDashArray=[3, 2]))
    drawing.add(String(goal, height - top + 1.5 * mm, "chỉ tiêu", fontName=fonts.ITALIC,
                       fontSize=9, textAnchor="middle"))
    return drawing


def legend(text: str) -> Flowable:
    return body(f"<i>{layout.escape(text)}</i>", TA_LEFT)

