"""The parts every office document shares (Hướng dẫn 29-HD/TWĐTN-VP): page set-up,
the two-column header, the title, "Nơi nhận" and the signature block, page numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.printing import fonts
from cadre_desktop.printing.model import Document, DocumentHeader, Signature
from cadre_desktop.store import files

TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
FRAME_PAD = 6  # reportlab's default Frame padding (points)
HEADER_SIZE = 13
TITLE_SIZE = 14


def page_size(wide: bool) -> tuple[float, float]:
    width, height = landscape(A4) if wide else A4
    return float(width), float(height)


def frame_width(wide: bool) -> float:
    return float(page_size(wide)[0] - LEFT - RIGHT)


def frame_height(wide: bool) -> float:
    return float(page_size(wide)[1] - TOP - BOTTOM)


@cache
def style(name: str, size: float = HEADER_SIZE, align: int = TA_CENTER,
          leading: float | None = None) -> ParagraphStyle:
    """Paragraph styles by face ('regular', 'bold', 'italic', 'bolditalic')."""
    fonts.register()
    face = {"regular": fonts.REGULAR, "bold": fonts.BOLD, "italic": fonts.ITALIC,
            "bolditalic": fonts.BOLD_ITALIC}[name]
    return ParagraphStyle(f"{name}-{size}-{align}", fontName=face, fontSize=size,
                          leading=leading or size * 1.2, alignment=align,
                          splitLongWords=True)


def escape(text: str) -> str:
    """Text for reportlab's paragraph markup (xml.sax.saxutils costs 20 ms of imports)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, st: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), st)


def header_block(h: DocumentHeader, wide: bool) -> Table:
    """Left: upper body, issuing body (bold), '***', the number. Right: the motto, bold and
    underlined, and the italic place/date line level with the number."""
    left: list[Flowable | str] = []
    if h.upper_body:
        left.append(para(h.upper_body, style("regular")))
    left.append(para(h.issuing_body, style("bold")))
    left.append(para("***", style("regular")))
    left.append(para(h.number_line, style("regular")))
    right: list[Flowable | str] = [
        Paragraph(f"<u>{escape(h.motto)}</u>", style("bold", HEADER_SIZE + 1))
    ]
    right += [""] * (len(left) - 2)
    right.append(para(h.date_line, style("italic")))
    width = frame_width(wide)
    left_w = min(width * 0.45, 85 * mm)
    table = Table(list(zip(left, right, strict=True)), colWidths=[left_w, width - left_w])
    table.setStyle(TableStyle([
        # Empty string cells are drawn in the table's font: never let it default to Helvetica.
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, HEADER_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def title_block(doc: Document) -> list[Flowable]:
    items: list[Flowable] = [Spacer(1, 6 * mm), para(doc.title.upper(), style("bold", TITLE_SIZE))]
    items += [para(line, style("bold", HEADER_SIZE)) for line in doc.subtitle]
    items += [para(line, style("italic", HEADER_SIZE - 1)) for line in doc.details]
    items.append(Spacer(1, 4 * mm))
    return items


def closing_block(signature: Signature, recipients: Sequence[str], wide: bool) -> Table:
    """'Nơi nhận:' bottom-left and the signature block bottom-right: one table row, which
    reportlab never splits, so the block stays on one page."""
    left: list[Flowable] = [Paragraph("<b><i>Nơi nhận:</i></b>", style("regular", 12, TA_LEFT))]
    left += [para(line, style("regular", 11, TA_LEFT)) for line in recipients]
    right: list[Flowable] = []
    if signature.on_behalf:
        right.append(para(signature.on_behalf, style("bold")))
    right.append(para(signature.role, style("bold")))
    right.append(Spacer(1, 20 * mm))  # room to sign and stamp
    right.append(para(signature.name or " ", style("bold")))
    width = frame_width(wide)
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([
        # Empty string cells are drawn in the table's font: never let it default to Helvetica.
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, HEADER_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
    ]))
    return table


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """From page 2 on, the number centred in the top margin (the first page carries none)."""
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 11)
    width, height = canvas._pagesize
    canvas.drawCentredString(width / 2, height - TOP / 2, str(doc.page))
    canvas.restoreState()


def _nothing(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    return None


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` in one step so that a failure never leaves half a PDF behind; the
    document lists people: readable by its owner only, like every export."""
    files.write_private(path, data)


def build(story: list[Flowable], path: Path, *, wide: bool, title: str,
          numbered: bool = True, progress: Progress = NO_PROGRESS) -> int:
    """Lay out `story` on A4 (landscape when `wide`) and write the PDF; the page count.
    `progress` hears of each page laid out and may stop the work (nothing is written)."""
    fonts.register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=page_size(wide),
        # The frame pads its content by FRAME_PAD: the text starts exactly at the margins.
        leftMargin=LEFT - FRAME_PAD, rightMargin=RIGHT - FRAME_PAD,
        topMargin=TOP - FRAME_PAD, bottomMargin=BOTTOM - FRAME_PAD,
        title=title, author="Cadre Desktop", creator="Cadre Desktop", lang="vi",
        initialFontName=fonts.REGULAR, initialFontSize=11, initialLeading=13,
    )
    if progress is not NO_PROGRESS:
        pages = sum(1 for f in story if isinstance(f, PageBreak)) + 1

        def laid_out(kind: str, value: int) -> None:
            if kind == "PAGE":
                progress.step("Đang dàn trang", value, pages)

        doc.setProgressCallBack(laid_out)
    doc.build(story, onFirstPage=_nothing,
              onLaterPages=_page_number if numbered else _nothing)
    write_atomically(path, buffer.getvalue())
    return int(doc.page)
