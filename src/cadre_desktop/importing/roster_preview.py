"""What the import wizard shows before anything is written: sheets, the column mapping,
the legacy conversion (before/after) and every person row with its outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cadre_desktop.bulk import gc_paused
from cadre_desktop.importing.headers import HEADER_SCAN_ROWS, SKIP, field_heading
from cadre_desktop.importing.roster_import import (
    Cancelled,
    ImportReport,
    Loaded,
    Progress,
    Steps,
    build_report,
    check_rows,
    load,
)
from cadre_desktop.store.db import Database

# Status of a column in the mapping
MAPPED, UNRECOGNISED, DUPLICATE, IGNORED = "mapped", "unrecognised", "duplicate", "ignored"
# Outcome of a row
NEW, UPDATE, REJECTED = "new", "update", "rejected"


@dataclass
class PreviewColumn:
    index: int  # 0-based column of the sheet (A = 0)
    heading: str  # as written in the file
    field: str | None  # the field it is read as; None: not imported
    status: str

    @property
    def field_heading(self) -> str:
        return field_heading(self.field) if self.field else ""


@dataclass
class PreviewRow:
    row: int
    cells: list[str]  # the row's cells as text, after legacy conversion, by column index
    status: str
    reason: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class Preview:
    path: Path
    sheet: str | None
    sheet_names: list[str]
    header_row: int  # sheet row number of the heading row
    columns: list[PreviewColumn]
    legacy_encoding: str | None
    legacy_samples: list[tuple[str, str]]
    rows: list[PreviewRow] = field(default_factory=list)
    report: ImportReport | None = None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime") and hasattr(value, "day"):
        return str(value.strftime("%d/%m/%Y"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(loaded: Loaded) -> list[PreviewColumn]:
    layout = loaded.layout
    width = max([*layout.headings, *layout.columns, -1]) + 1
    columns = []
    for index in range(width):
        key = layout.columns.get(index)
        if key == SKIP:
            status = IGNORED
        elif key is not None:
            status = MAPPED
        elif index in layout.duplicates:
            status = DUPLICATE
        elif index in layout.unrecognised:
            status = UNRECOGNISED
        else:
            status = IGNORED
        columns.append(PreviewColumn(index, layout.headings.get(index, ""), key, status))
    return columns


def _preview(loaded: Loaded) -> Preview:
    return Preview(
        path=loaded.grid.path, sheet=loaded.grid.sheet, sheet_names=loaded.grid.sheet_names,
        header_row=loaded.layout.row + 1, columns=_columns(loaded),
        legacy_encoding=loaded.legacy.encoding, legacy_samples=loaded.legacy.samples,
    )


def read_layout(path: str | Path, sheet: str | None = None, *, legacy: str | None = "auto",
                column_overrides: dict[int, str] | None = None) -> Preview:
    """Sheet, header and column mapping from the top of the file (no database, no rows)."""
    loaded = load(path, sheet, legacy=legacy, column_overrides=column_overrides,
                  max_rows=HEADER_SCAN_ROWS * 2)
    return _preview(loaded)


def read_preview(db: Database, path: str | Path, sheet: str | None = None, *,
                 legacy: str | None = "auto", column_overrides: dict[int, str] | None = None,
                 skip_invalid: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> Preview:
    """Everything the import would do, row by row, without writing (report = a dry run)."""
    steps = Steps(progress, cancelled)
    with gc_paused():
        loaded = load(path, sheet, legacy=legacy, column_overrides=column_overrides,
                      steps=steps)
        plans, checker = check_rows(db, loaded, steps)
    preview = _preview(loaded)
    preview.report = build_report(loaded, plans, checker, skip_invalid).report
    width = len(preview.columns)
    for sheet_row, plan in zip(loaded.rows.rows, plans, strict=True):
        cells = loaded.grid.rows[sheet_row.row - 1]
        texts = [_text(cells[i]) if i < len(cells) else "" for i in range(width)]
        status = REJECTED if not plan.ok else (UPDATE if plan.person_id else NEW)
        preview.rows.append(PreviewRow(sheet_row.row, texts, status, plan.reason,
                                       list(plan.warnings)))
    steps.finished()
    return preview
