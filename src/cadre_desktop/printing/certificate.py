"""Certificates (giấy chứng nhận): one landscape A4 page per participant who completed.

Everything the certificates of a class share (border, header, title, the class, the
signature block) is drawn once into a PDF form that every page reuses; each page adds
only the person's lines. That keeps 1,000 certificates fast and the file small.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from cadre_desktop.printing import fonts, layout
from cadre_desktop.printing.model import MOTTO, Certificate, CertificateSet

RED = colors.Color(0.62, 0.09, 0.09)
WIDTH, HEIGHT = landscape(A4)
BODY = 15
LINE = BODY * 1.45
FORM = "certificate"
LEFT_CENTRE, RIGHT_CENTRE, COLUMN = 80 * mm, WIDTH - 82 * mm, 110 * mm
TEXT_X, TEXT_W = 50 * mm, WIDTH - 100 * mm
NAME_Y = HEIGHT - 92 * mm        # baseline of the person's name
FIRST_LINE_Y = NAME_Y - 12 * mm  # baseline of the first line under the name


def _put(c: Canvas, p: Paragraph, x: float, top: float, width: float) -> float:
    """Draw `p` with its top at `top`; the y just below it."""
    _, height = p.wrapOn(c, width, HEIGHT)
    p.drawOn(c, x, top - height)
    return float(top - height)


def _centred(c: Canvas, lines: list[tuple[str, str, float]], centre: float, top: float,
             width: float) -> float:
    for face, value, size in lines:
        if value:
            markup = layout.escape(value)
            if value == MOTTO:
                markup = f"<u>{markup}</u>"
            top = _put(c, Paragraph(markup, layout.style(face, size, TA_CENTER)),
                       centre - width / 2, top, width)
    return top


def _fitting(text: str, font: str, size: float, width: float) -> float:
    """The font size at which `text` fits `width` on one line (never larger than size)."""
    natural = fonts.width(text, font, size)
    return size if natural <= width else size * width / natural


def _pair(c: Canvas, y: float, label: str, value: str, bold: bool = False) -> None:
    """'Label: value' on one line at the body's left edge, shrunk if it would overflow."""
    face = fonts.BOLD if bold else fonts.REGULAR
    size = min(_fitting(label + " ", fonts.REGULAR, BODY, TEXT_W / 3),
               _fitting(value, face, BODY, TEXT_W - fonts.width(label + " ", fonts.REGULAR,
                                                              BODY)))
    c.setFont(fonts.REGULAR, size)
    c.drawString(TEXT_X, y, label)
    c.setFont(face, size)
    c.drawString(TEXT_X + fonts.width(label + " ", fonts.REGULAR, size), y, value)


def _shared(c: Canvas, certs: CertificateSet) -> float:
    """The form: border, header, title, the class and the signature block; the baseline
    of the "Kết quả" line, whose value each page adds."""
    c.saveState()
    c.setStrokeColor(RED)
    c.setLineWidth(2.5)
    c.rect(8 * mm, 8 * mm, WIDTH - 16 * mm, HEIGHT - 16 * mm)
    c.setLineWidth(0.8)
    c.rect(11 * mm, 11 * mm, WIDTH - 22 * mm, HEIGHT - 22 * mm)
    c.restoreState()
    top = HEIGHT - 20 * mm
    _centred(c, [("regular", certs.upper_body, 13), ("bold", certs.issuing_body, 13),
                 ("regular", "***", 13)], LEFT_CENTRE, top, COLUMN)
    _centred(c, [("bold", MOTTO, 14)], RIGHT_CENTRE, top, COLUMN)
    title = layout.style("bold", 32, TA_CENTER, 38).clone("certificate-title", textColor=RED)
    y = _put(c, Paragraph("GIẤY CHỨNG NHẬN", title), 0, HEIGHT - 58 * mm, WIDTH)
    _put(c, Paragraph("Chứng nhận đồng chí", layout.style("italic", BODY, TA_CENTER)),
         0, y - 4 * mm, WIDTH)
    # Under the two person lines (birth, unit): the class, which may wrap, and its dates.
    body = layout.style("regular", BODY, TA_LEFT, LINE)
    y = FIRST_LINE_Y - 2 * LINE + BODY
    y = _put(c, Paragraph("Đã tham gia và hoàn thành "
                          f"<b>{layout.escape(certs.cls.name)}</b>", body), TEXT_X, y, TEXT_W)
    if certs.period:
        y = _put(c, Paragraph(f"Thời gian: {layout.escape(certs.period)}", body),
                 TEXT_X, y, TEXT_W)
    # A paragraph's first baseline is one font size below its top.
    result_y = y - BODY
    c.setFont(fonts.REGULAR, BODY)
    c.drawString(TEXT_X, result_y, "Kết quả:")
    sig = certs.signature
    bottom = _centred(c, [("italic", certs.date_line, 14), ("bold", sig.on_behalf, 14),
                          ("bold", sig.role, 14)], RIGHT_CENTRE, 66 * mm, COLUMN)
    _centred(c, [("bold", sig.name, 15)], RIGHT_CENTRE, bottom - 22 * mm, COLUMN)
    return result_y


def _person(c: Canvas, cert: Certificate, result_y: float) -> None:
    size = _fitting(cert.full_name, fonts.BOLD, 24, WIDTH - 60 * mm)
    c.setFillColor(RED)
    c.setFont(fonts.BOLD, size)
    c.drawCentredString(WIDTH / 2, NAME_Y, cert.full_name)
    c.setFillColor(colors.black)
    if cert.birth:
        _pair(c, FIRST_LINE_Y, "Sinh ngày:" if len(cert.birth) > 4 else "Năm sinh:", cert.birth)
    if cert.unit:
        _pair(c, FIRST_LINE_Y - LINE, "Đơn vị:", cert.unit)
    c.setFont(fonts.BOLD, BODY)
    c.drawString(TEXT_X + fonts.width("Kết quả: ", fonts.REGULAR, BODY), result_y, cert.result)
    if cert.number:
        c.setFont(fonts.REGULAR, 12)
        c.drawString(30 * mm, 22 * mm, cert.number)


def render(certs: CertificateSet, path: Path) -> int:
    fonts.register()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(WIDTH, HEIGHT), initialFontName=fonts.REGULAR, lang="vi")
    c.setTitle(f"Giấy chứng nhận – {certs.cls.name}")
    c.setAuthor("Cadre Desktop")
    c.setCreator("Cadre Desktop")
    c.beginForm(FORM)
    result_y = _shared(c, certs)
    c.endForm()
    for cert in certs.certificates:
        c.doForm(FORM)
        _person(c, cert, result_y)
        c.showPage()
    c.save()
    layout.write_atomically(path, buffer.getvalue())
    return len(certs.certificates)
