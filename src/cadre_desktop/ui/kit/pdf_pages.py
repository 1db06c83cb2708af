"""A PDF's pages drawn by Qt PDF: as images for the screen and onto a printer.

The printer gets the very pages of the saved PDF (rendered at up to PRINT_DPI), so what the
preview shows is what comes out of the printer. Each page keeps its own size and
orientation: a landscape attendance sheet after a portrait title page prints right.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QRect,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# Laser printers print 300 or 600 dpi; an A4 page at 300 dpi is 35 MB of pixels, at 600 four
# times that, for no difference a reader sees in 11-point text.
PRINT_DPI = 300


def load_pdf(data: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A document read from memory: no file stays open (Windows could then not replace the
    file when the same document is made again). Keep the buffer as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)  # synchronous for a buffer: the status is final here
    return document, buffer


def page_layout(document: QPdfDocument, index: int) -> QPageLayout:
    """The page's own size and orientation, without margins (the PDF has its own)."""
    size = document.pagePointSize(index)
    landscape = size.width() > size.height()
    portrait = QSizeF(size.height(), size.width()) if landscape else size
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def render(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """One page as an image at `dpi`, on white (a PDF page has no background of its own)."""
    points = document.pagePointSize(index)
    size = QSize(max(1, round(points.width() * dpi / 72)),
                 max(1, round(points.height() * dpi / 72)))
    image = document.render(index, size)
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(0xFFFFFF)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        return flat
    return image


def _fit(image: QImage, target: QRect) -> QRect:
    """The largest rectangle of the image's proportions centred in `target`."""
    scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = target.x() + (target.width() - scaled.width()) // 2
    y = target.y() + (target.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


def print_pages(document: QPdfDocument, printer: QPrinter, first: int, last: int,
                copies: int = 1, step: Callable[[int, int], bool] | None = None) -> int:
    """Print pages first..last (0-based, inclusive), `copies` times collated when the
    printer cannot make copies itself (a PDF file cannot). `step(done, total)` is called
    after each page and stops the job when it returns False. The pages printed."""
    first = max(0, first)
    last = min(document.pageCount() - 1, last)
    if last < first:
        return 0
    printer.setFullPage(True)
    own_copies = 1 if printer.supportsMultipleCopies() else max(1, copies)
    if own_copies > 1:
        printer.setCopyCount(1)
    order = [i for _ in range(own_copies) for i in range(first, last + 1)]
    printer.setPageLayout(page_layout(document, order[0]))
    dpi = min(printer.resolution(), PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    done = 0
    try:
        for index in order:
            if done:
                printer.setPageLayout(page_layout(document, index))
                printer.newPage()
            image = render(document, index, dpi)
            target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            target.moveTo(0, 0)
            painter.drawImage(_fit(image, target), image)
            done += 1
            if step is not None and not step(done, len(order)):
                printer.abort()
                break
    finally:
        painter.end()
    return done
