"""The bundled Liberation Serif fonts, registered once with reportlab.

Every PDF embeds subsets of these TTFs: a base-14 font (Times, Helvetica) has no
Vietnamese glyphs and is not embedded, so it is never used, not even for page numbers.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

REGULAR = "CadreSerif"
BOLD = "CadreSerif-Bold"
ITALIC = "CadreSerif-Italic"
BOLD_ITALIC = "CadreSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_registered = False
_lock = threading.Lock()  # the GUI prints from a worker thread


def register() -> None:
    """Register the four faces and the family (so <b> and <i> in paragraphs find them)."""
    global _registered
    with _lock:
        if not _registered:
            _register()
            _registered = True


def _register() -> None:
    for name, filename in _FILES.items():
        path = FONT_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"Thiếu tệp phông chữ {path}: cài đặt chương trình bị lỗi")
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                  boldItalic=BOLD_ITALIC)
    # Page streams stay binary (compressed): ASCII85 makes them a quarter larger and is
    # encoded in pure Python.
    rl_config.useA85 = 0


def width(text: str, font: str, size: float) -> float:
    if not _registered:
        register()
    return float(pdfmetrics.stringWidth(text, font, size))
