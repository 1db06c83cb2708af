"""What the import wizard shows before anything is written: sheets, the column mapping,
the legacy conversion (before/after), every person row with its outcome (new, changed
with the fields that change, unchanged, rejected with the reason), and the units the
file would create with the nearest existing ones (to map a typo to its real unit:
import_roster's unit_map)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.importing import roster_report
from cadre_desktop.importing.headers import HEADER_SCAN_ROWS, SKIP, field_heading
from cadre_desktop.importing.roster_import import Loaded, import_roster, open_loaded
from cadre_desktop.importing.roster_report import ImportReport, RowOutcome
from cadre_desktop.importing.row_plan import RowPlan
from cadre_desktop.importing.tabular import Cell
from cadre_desktop.store.db import Database

# Status of a column in the mapping
MAPPED, UNRECOGNISED, DUPLICATE, IGNORED = "mapped", "unrecognised", "duplicate", "ignored"
# Outcome of a row
NEW, UPDATE, UNCHANGED, REJECTED = (roster_report.NEW, roster_report.CHANGED,
                                    roster_report.UNCHANGED, roster_report.REJECTED)


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
    fields: list[str] = field(default_factory=list)  # for UPDATE: the fields that change


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
    legacy = loaded.converter.result()
    return Preview(
        path=loaded.stream.path, sheet=loaded.stream.sheet,
        sheet_names=loaded.stream.sheet_names, header_row=loaded.layout.row + 1,
        columns=_columns(loaded), legacy_encoding=legacy.encoding,
        legacy_samples=legacy.samples,
    )


def read_layout(path: str | Path, sheet: str | None = None, *, legacy: str | None = "auto",
                column_overrides: dict[int, str] | None = None) -> Preview:
    """Sheet, header and column mapping from the top of the file (no database, no rows)."""
    with open_loaded(path, sheet, legacy=legacy, column_overrides=column_overrides,
                     head_rows=HEADER_SCAN_ROWS * 2) as loaded:
        return _preview(loaded)


def read_preview(db: Database, path: str | Path, sheet: str | None = None, *,
                 legacy: str | None = "auto", column_overrides: dict[int, str] | None = None,
                 skip_invalid: bool = False, match: str = roster_report.MATCH_CODE,
                 unit_map: dict[str, str] | None = None,
                 progress: Progress = NO_PROGRESS) -> Preview:
    """Everything the import would do, row by row, without writing (report = a dry run,
    keeping the rejected rows' cells so that importing.rejected_out can save them)."""
    with open_loaded(path, sheet, legacy=legacy, column_overrides=column_overrides) as loaded:
        preview = _preview(loaded)
    width = len(preview.columns)

    def keep(row: int, cells: list[Cell], plan: RowPlan, outcome: RowOutcome) -> None:
        texts = [_text(cells[i]) if i < len(cells) else "" for i in range(width)]
        preview.rows.append(PreviewRow(row, texts, outcome.status, outcome.reason,
                                       list(plan.warnings), list(outcome.fields)))

    preview.report = import_roster(db, path, dry_run=True, skip_invalid=skip_invalid,
                                   match=match, sheet=sheet, column_overrides=column_overrides,
                                   legacy=legacy, progress=progress, on_row=keep,
                                   unit_map=unit_map, keep_rejected=True)
    preview.legacy_encoding = preview.report.legacy_encoding
    return preview
