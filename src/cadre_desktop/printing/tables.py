"""Tables of people and sessions: column widths fitted to the content, cells that wrap
only when they must, and the shared grid style.

Plain strings are far cheaper for reportlab than Paragraphs, so a cell becomes a
Paragraph only when its text is wider than its column; this keeps a 1,000-row list fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from cadre_desktop.printing import fonts
from cadre_desktop.printing.layout import escape, style

PAD = 3.0                  # points left and right in a cell
BODY_SIZE = 11
HEAD_SIZE = 10
ZEBRA = colors.Color(0.95, 0.95, 0.95)
HEAD_FILL = colors.Color(0.88, 0.88, 0.88)
GRID = colors.Color(0.25, 0.25, 0.25)


@dataclass(frozen=True)
class Col:
    """One column: its minimum width (mm), the width its content would like (points),
    whether it takes spare width, and its alignment."""

    min_mm: float
    want: float = 0.0
    grow: float = 0.0
    align: str = "LEFT"


def natural(values: Iterable[str], size: float = BODY_SIZE, font: str = fonts.REGULAR) -> float:
    """The width (points) the widest value needs on one line, padding included."""
    widest = max((fonts.width(v, font, size) for v in values if v), default=0.0)
    return widest + 2 * PAD + 1


def exact(values: Iterable[str], size: float = BODY_SIZE, align: str = "CENTER",
          at_least_mm: float = 0.0) -> Col:
    """A column whose values never wrap (numbers, dates, codes): exactly as wide as the
    widest of them."""
    width = max(natural(values, size), at_least_mm * mm)
    return Col(width / mm, width, 0.0, align)


def fit_widths(cols: Sequence[Col], available: float) -> list[float] | None:
    """Widths (points) filling `available`, or None when even the minimums do not fit."""
    mins = [c.min_mm * mm for c in cols]
    spare = available - sum(mins)
    if spare < 0:
        return None
    needs = [max(0.0, c.want - m) for c, m in zip(cols, mins, strict=True)]
    if sum(needs) > spare:
        return [m + n for m, n in zip(mins, _share(needs, spare), strict=True)]
    widths = [m + n for m, n in zip(mins, needs, strict=True)]
    spare -= sum(needs)
    weights = [c.grow for c in cols]
    if sum(weights) == 0:
        weights = widths
    total = sum(weights)
    return [w + spare * g / total for w, g in zip(widths, weights, strict=True)]


def crowded(cols: Sequence[Col], widths: Sequence[float], ratio: float = 0.8) -> bool:
    """Whether the columns that may wrap got clearly less than their content wants (many
    rows would wrap): a landscape page is the better choice then."""
    wrapping = [(c, w) for c, w in zip(cols, widths, strict=True) if c.want > c.min_mm * mm]
    wanted = sum(c.want for c, _ in wrapping)
    return sum(w for _, w in wrapping) < ratio * wanted


def _share(needs: list[float], spare: float) -> list[float]:
    """Share `spare` out fairly: a column that needs less than an equal share gets all it
    needs (a short name stays on one line), the hungriest columns split the rest equally."""
    given = [0.0] * len(needs)
    waiting = sorted((i for i, n in enumerate(needs) if n > 0), key=lambda i: needs[i])
    while waiting:
        fair = spare / len(waiting)
        first = waiting[0]
        if needs[first] > fair:
            for i in waiting:
                given[i] = fair
            break
        given[first] = needs[first]
        spare -= needs[first]
        waiting.pop(0)
    return given


def cell(value: str, width: float, align: str = "LEFT", size: float = BODY_SIZE) -> Any:
    """The value as a plain string when it fits the column, else a wrapping Paragraph."""
    if not value or max(fonts.width(line, fonts.REGULAR, size)
                        for line in value.split("\n")) <= width - 2 * PAD:
        return value  # reportlab draws each line of a plain string on its own
    aligned = TA_CENTER if align == "CENTER" else TA_LEFT
    return Paragraph(escape(value).replace("\n", "<br/>"),
                     style("regular", size, aligned, size * 1.15))


def head(value: str, size: float = HEAD_SIZE) -> Paragraph:
    return Paragraph(escape(value).replace("\n", "<br/>"), style("bold", size, TA_CENTER))


def heading_style(heading_rows: int) -> list[Any]:
    """Bold grey heading rows (their spans are added by each document)."""
    last = heading_rows - 1
    return [
        ("FONT", (0, 0), (-1, last), fonts.BOLD, HEAD_SIZE, HEAD_SIZE * 1.15),
        ("GRID", (0, 0), (-1, last), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, last), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, last), PAD),
        ("RIGHTPADDING", (0, 0), (-1, last), PAD),
        ("TOPPADDING", (0, 0), (-1, last), 2),
        ("BOTTOMPADDING", (0, 0), (-1, last), 3),
        ("BACKGROUND", (0, 0), (-1, last), HEAD_FILL),
    ]


def body_style(first: int, aligns: Sequence[str], padding: float, size: float,
               odd_first: bool = False) -> list[Any]:
    """Light grid, zebra rows from row `first` on (starting grey when `odd_first`, so the
    stripes run on across pages), column alignments."""
    stripes = [ZEBRA, None] if odd_first else [None, ZEBRA]
    commands: list[Any] = [
        ("FONT", (0, first), (-1, -1), fonts.REGULAR, size, size * 1.15),
        ("GRID", (0, first), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, first), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, first), (-1, -1), PAD),
        ("RIGHTPADDING", (0, first), (-1, -1), PAD),
        ("TOPPADDING", (0, first), (-1, -1), padding),
        ("BOTTOMPADDING", (0, first), (-1, -1), padding),
        ("ROWBACKGROUNDS", (0, first), (-1, -1), stripes),
    ]
    for index, align in enumerate(aligns):
        if align != "LEFT":
            commands.append(("ALIGN", (index, first), (index, -1), align))
    return commands
