"""The rejected rows of an import saved as .xlsx for the clerk: each row as the file had
it (after TCVN3/VNI conversion), under the file's own headings, with a last column that
says why it was refused. The clerk fixes the rows there and imports that file again.

Written through exporting.sheet_text (no cell becomes a formula) and store.files (owner
only, written whole under a temporary name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cadre_desktop.domain.errors import UserError
from cadre_desktop.exporting.sheet_text import xlsx_cell, xlsx_row
from cadre_desktop.exporting.xlsx_save import save_book
from cadre_desktop.importing.roster_report import ImportReport
from cadre_desktop.store import files

REASON_HEADING = "Lý do không nhập"
ROW_HEADING = "Dòng trong tệp gốc"


def write_rejected(report: ImportReport, path: str | Path) -> int:
    """Write the report's rejected rows (import_roster(..., keep_rejected=True)) to an
    .xlsx file; returns how many were written."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Tệp các dòng bị từ chối phải là tệp .xlsx, không phải '{path.name}'")
    width = max([len(report.headings), *(len(c) for c in report.rejected_cells.values())])
    try:
        with files.written_whole(path) as temporary:
            _write(temporary, report, width)
    except OSError as exc:
        raise files.cannot_write(path, exc) from exc
    return len(report.rejected)


def _write(path: Path, report: ImportReport, width: int) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet("Dòng bị từ chối")
    bold = Font(bold=True)
    header = []
    headings = [*report.headings, *[""] * (width - len(report.headings)), REASON_HEADING,
                ROW_HEADING]
    for heading in headings:
        cell = xlsx_cell(sheet, heading or " ", text_format=True)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for issue in report.rejected:
        cells = list(report.rejected_cells.get(issue.row, []))
        cells += [None] * (width - len(cells))
        sheet.append(xlsx_row(sheet, [*cells, issue.message, issue.row]))
    save_book(book, path)
