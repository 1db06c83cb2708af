"""The print preview in the GUI tests: Ctrl+P pressed as a clerk would, the preview waited
for, and a printout compared with its PDF: a PDF printer (QPrinter in PdfFormat) stands
for the system's printer, and pages are compared as small grayscale pictures (the printout
carries the pages as 300 dpi images, the PDF as text and lines)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cadre_desktop.ui.kit import pdf_pages
from cadre_desktop.ui.kit.preview import PrintPreview
from cadre_desktop.ui.kit.printing import PdfMaker
from pdf_read import page_sizes

# Pages are drawn at DPI and shrunk SHRINK times with smoothing: a plain low-resolution
# drawing of the printout's images would alias.
DPI, SHRINK = 100, 4
# Two drawings of the same page differ only softly (resampling); another page differs
# strongly where its text differs (a name on a certificate: some hundred pixels).
STRONG = 64  # a pixel differs strongly past this (0..255)
SAME = 10    # the most strongly differing pixels two drawings of one page may have


def pdf_printer(out: Path, first: int = 0, last: int = 0, copies: int = 1) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setFromTo(first, last)
    printer.setCopyCount(copies)
    return printer


def gray(path: Path, index: int) -> bytes:
    document = QPdfDocument()
    document.load(str(path))
    image = pdf_pages.render(document, index, DPI)
    document.close()
    image = image.scaled(image.width() // SHRINK, image.height() // SHRINK,
                         Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    # Rows of a grayscale image are padded to 4 bytes: keep the pixels alone.
    width, bits = image.width(), bytes(image.constBits())
    return b"".join(bits[row * image.bytesPerLine():row * image.bytesPerLine() + width]
                    for row in range(image.height()))


def difference(a: bytes, b: bytes) -> int:
    """How many pixels of two grayscale images of the same size differ strongly."""
    assert len(a) == len(b)
    return sum(abs(x - y) > STRONG for x, y in zip(a, b, strict=True))


def check_printout(preview: PrintPreview, pdf: Path, out: Path) -> int:
    """The preview shows the PDF's pages and prints those very pages to a PDF printer
    (count, sizes, the first and the last page drawn alike; another page differs);
    the number of pages."""
    sizes = page_sizes(pdf)
    assert preview.data == pdf.read_bytes()
    assert preview.pages == len(sizes) >= 1, pdf.name
    assert preview.print_to(pdf_printer(out)) == len(sizes), pdf.name
    assert page_sizes(out) == sizes, pdf.name
    first = gray(pdf, 0)
    for index in {0, len(sizes) - 1}:
        same = difference(gray(pdf, index), gray(out, index))
        assert same <= SAME, (pdf.name, index, same)
    if len(sizes) > 1:  # the comparison tells pages apart
        other = difference(first, gray(out, 1))
        assert other > 5 * SAME, (pdf.name, other)
    return len(sizes)


def press_print(qtbot: QtBot, widget: QWidget) -> None:
    """Ctrl+P with the focus where the clerk last clicked (the window active again after
    a closed preview)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def preview_of(qtbot: QtBot, printer: PdfMaker) -> tuple[PrintPreview, Path]:
    qtbot.waitUntil(lambda: not printer.busy and printer.dialog is not None
                    and printer.dialog.isVisible(), timeout=30000)
    assert printer.dialog is not None and printer.last_pdf is not None
    return printer.dialog, printer.last_pdf
