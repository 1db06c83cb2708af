"""The pieces of a form filled in by hand or from the database: section headings,
'label: value' lines with a dotted line when the value is missing, ruled lines to write
on, tick boxes, and signature columns side by side.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from cadre_desktop.printing import fonts, layout
from cadre_desktop.printing.form_model import Pair, SignBlock

BODY = 13.0                 # Đoàn documents: 13–14 pt body text
LEADING = BODY * 1.3
LINE_GAP = 7.5 * mm         # between ruled lines written on by hand
DOT_GAP = 2.2               # dotted line: dot and gap, points
BOX = 3.6 * mm              # tick box side
MARK = "X"                  # the tick: an X in the box, as on paper forms


def body(markup: str, align: int = TA_JUSTIFY) -> Paragraph:
    return Paragraph(markup, layout.style("regular", BODY, align, LEADING))


def section(title: str) -> list[Flowable]:
    """A bold section heading ('I. THÔNG TIN CÁN BỘ') with a little room above it, kept
    with what follows it (never alone at the foot of a page)."""
    heading = body(f"<b>{layout.escape(title)}</b>", TA_LEFT)
    heading.style = heading.style.clone("section", keepWithNext=1)
    return [Spacer(1, 2.5 * mm), heading]


class FillLine(Flowable):  # type: ignore[misc]
    """'Label:' followed by a dotted line to the right edge, to write on."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, LEADING

    def draw(self) -> None:
        c = self.canv
        baseline = LEADING - BODY
        c.setFont(fonts.REGULAR, BODY)
        c.drawString(0, baseline, self.label)
        start = fonts.width(self.label + " ", fonts.REGULAR, BODY)
        _dots(c, start, self.width, baseline)


def _dots(c: Canvas, start: float, end: float, y: float) -> None:
    c.saveState()
    c.setLineWidth(0.6)
    c.setDash(0.6, DOT_GAP)
    c.line(start, y, end, y)
    c.restoreState()


class HandLines(Flowable):  # type: ignore[misc]
    """`count` dotted lines across the frame, for a paragraph written by hand."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * LINE_GAP

    def draw(self) -> None:
        for n in range(self.count):
            _dots(self.canv, 0, self.width, (self.count - n - 1) * LINE_GAP + 2)


def pair(item: Pair) -> Flowable:
    """'- Label: value' (the value in bold), or the label and a dotted line when blank."""
    if not item.value:
        return FillLine(f"- {item.label}:")
    return body(f"- {layout.escape(item.label)}: <b>{layout.escape(item.value)}</b>", TA_LEFT)


def pairs(items: Sequence[Pair]) -> list[Flowable]:
    return [pair(item) for item in items]


def pair_row(items: Sequence[Pair], shares: Sequence[float], width: float) -> Table:
    """Several pairs on one line ('Họ và tên: …   Ngày sinh: …'), each in its share of
    the width; the later ones without the leading dash."""
    cells: list[Flowable] = [pair(items[0])]
    for item in items[1:]:
        found = pair(item)
        if isinstance(found, FillLine):
            found.label = found.label.removeprefix("- ")
        else:
            found = body(f"{layout.escape(item.label)}: <b>{layout.escape(item.value)}</b>",
                         TA_LEFT)
        cells.append(found)
    table = Table([cells], colWidths=[width * share for share in shares])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def text_or_lines(value: str, blank_lines: int) -> Flowable:
    """A recorded text as a paragraph, else ruled lines to write it by hand."""
    if value:
        return body(layout.escape(value))
    return HandLines(blank_lines)


class TickBoxes(Flowable):  # type: ignore[misc]
    """Choices, each a box and its label, two to a row when they fit; the chosen one has
    an X in its box (drawn as text, so that it can be read back from the PDF)."""

    def __init__(self, labels: Sequence[str], chosen: str = "", columns: int = 2) -> None:
        super().__init__()
        self.labels = list(labels)
        self.chosen = chosen
        self.columns = columns
        self.width = 0.0

    def _columns(self, width: float) -> int:
        room = width / self.columns - BOX - 3 * mm
        widest = max((fonts.width(v, fonts.REGULAR, BODY) for v in self.labels), default=0.0)
        return self.columns if widest <= room else 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        rows = -(-len(self.labels) // self._columns(available_width))
        return available_width, rows * LEADING

    def draw(self) -> None:
        c = self.canv
        columns = self._columns(self.width)
        column_width = self.width / columns
        rows = -(-len(self.labels) // columns)
        for n, label in enumerate(self.labels):
            row, column = divmod(n, columns)
            x = column * column_width
            baseline = (rows - row - 1) * LEADING + LEADING - BODY
            c.setLineWidth(0.8)
            c.rect(x, baseline - 0.6, BOX, BOX)
            if label == self.chosen:
                c.setFont(fonts.BOLD, BODY - 2.5)
                c.drawCentredString(x + BOX / 2, baseline + 1.1, MARK)
            c.setFont(fonts.REGULAR, BODY)
            c.drawString(x + BOX + 2 * mm, baseline, label)


def signatures(blocks: Sequence[SignBlock], width: float) -> Table:
    """Signature columns side by side: the titles and hints in the first row, the names
    level with each other in the second (put it in `together` with what it signs, so that
    the two rows stay on one page)."""
    titles: list[list[Flowable]] = []
    names: list[list[Flowable]] = []
    for block in blocks:
        cell: list[Flowable] = [layout.para(line, layout.style("bold", BODY, TA_CENTER))
                                for line in block.lines]
        if block.hint:
            cell.append(layout.para(block.hint, layout.style("italic", BODY - 1, TA_CENTER)))
        titles.append(cell)
        names.append([Spacer(1, 20 * mm),
                      layout.para(block.name or " ", layout.style("bold", BODY, TA_CENTER))])
    table = Table([titles, names], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(TableStyle([
        # Empty string cells are drawn in the table's font: never let it default to Helvetica.
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 0), 5 * mm),
        ("TOPPADDING", (0, 1), (-1, 1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def together(flowables: Sequence[Flowable], width: float) -> Table:
    """Flowables that must stay on one page, as a one-cell table (reportlab never splits
    a single row; unlike KeepTogether its height can be measured before the build)."""
    table = Table([[list(flowables)]], colWidths=[width])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table
