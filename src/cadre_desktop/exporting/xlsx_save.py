"""Saving an openpyxl workbook so that a failure (a full disk) leaves nothing to complain.

openpyxl's own save opens a zip file and, when a write fails half-way, leaves that zip
file and the write-only sheets' row writers open. Python closes them later, as objects
are collected, and each tries to write again and fails again: two "Exception ignored"
tracebacks appear after the clerk's message. Here a failed save closes them at once
and quietly (the file is thrown away by store.files.written_whole in any case), and the
first error is the one raised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import IO, Any


def open_target(path: Path) -> IO[bytes]:
    """The file the workbook is written to (a seam: tests give a disk that fills)."""
    return path.open("wb")


def save_book(book: Any, path: str | Path) -> None:
    """Write `book` (an openpyxl Workbook, write-only or not) to `path`."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if getattr(book, "write_only", False) and not book.worksheets:
        book.create_sheet()  # as Workbook.save does: a book needs one sheet
    handle = open_target(Path(path))
    archive: ZipFile | None = None
    try:
        archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
        book.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ExcelWriter(book, archive).save()
    except BaseException:
        _discard(book, archive, handle)
        raise
    handle.close()  # a failure to flush the end of the file is an error, not ignored


def _discard(book: Any, archive: Any, handle: IO[bytes]) -> None:
    """Close everything the failed save left open, ignoring their own failures."""
    for sheet in getattr(book, "worksheets", []):
        rows = getattr(sheet, "_rows", None)  # a write-only sheet's row writer
        writer = getattr(sheet, "_writer", None)
        for closing in (rows, writer):
            if closing is not None:
                with contextlib.suppress(Exception):
                    closing.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()  # its temporary file of rows
    if archive is not None:
        archive.fp = None  # the zip's end is not written: the file is thrown away
    with contextlib.suppress(Exception):
        handle.close()
