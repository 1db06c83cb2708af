"""Reading a PDF back in tests with Qt PDF (always installed with the app, unlike poppler):
its pages' text and sizes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument


def _open(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    document.load(str(path))
    assert document.status() == QPdfDocument.Status.Ready, path
    return document


def page_texts(path: Path) -> list[str]:
    """Each page's text with single spaces (cells that wrap come back as several lines)."""
    document = _open(path)
    try:
        return [" ".join(document.getAllText(i).text().replace("\u00a0", " ").split())
                for i in range(document.pageCount())]
    finally:
        document.close()


def page_sizes(path: Path) -> list[tuple[int, int]]:
    """Each page's size in whole points (width, height)."""
    document = _open(path)
    try:
        sizes = [document.pagePointSize(i) for i in range(document.pageCount())]
        return [(round(size.width()), round(size.height())) for size in sizes]
    finally:
        document.close()
