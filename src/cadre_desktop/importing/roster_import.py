"""`roster import`: a clerk's .xlsx, .xls or .csv list into the roster, in one undoable
action.

Steps: open the sheet as a stream (tabular); from its first rows find the headings
(headers), the legacy TCVN3/VNI text (legacy_grid) and whether its Mã belong here; then
row by row pick out the person rows (rows), check each against the rules and the
database (roster_check) and write it (roster_write). Only one row is held at a time, so
memory does not grow with the file.

One writer at a time, and no gap between checking and writing: a real run opens its
write transaction (BEGIN IMMEDIATE) before the first check, so the ID numbers it checks
against cannot change under it, and the unique index on the office's live ID numbers
backs that. By default a single rejected row means nothing is written (the transaction
is rolled back); skip_invalid writes the rows that passed. A dry run checks the same way
and writes nothing; its report is the real run's.

Report conventions (roster_report): when rows were rejected and skip_invalid is off,
imported/updated/unchanged are 0 because nothing was (or, in a dry run, would be)
written, while the per-row outcomes and the units the file would create are still
listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cadre_desktop.bulk import gc_paused
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.importing.headers import (
    HEADER_SCAN_ROWS,
    NAME_FIELDS,
    SKIP,
    HeaderLayout,
    find_header,
)
from cadre_desktop.importing.legacy_grid import LegacyConverter, convert_grid
from cadre_desktop.importing.roster_check import RowChecker
from cadre_desktop.importing.roster_report import (
    CHANGED,
    MATCH_CODE,
    MATCH_ID_NUMBER,
    MATCHES,
    NEW,
    REJECTED,
    UNCHANGED,
    ImportReport,
    NewUnit,
    RowIssue,
    RowOutcome,
)
from cadre_desktop.importing.roster_write import RosterWriter
from cadre_desktop.importing.row_plan import RowPlan
from cadre_desktop.importing.rows import RowReader
from cadre_desktop.importing.tabular import Cell, Grid, SheetStream, open_sheet
from cadre_desktop.store.db import Database
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction

HEAD_ROWS = 1000  # the top of the sheet read first: headings, legacy text, foreign Mã
_STEP_EVERY = 200

# Called for every person row: (row number, its cells, the check, the outcome).
RowHook = Callable[[int, list[Cell], RowPlan, RowOutcome], None]


@dataclass
class Loaded:
    """A sheet opened as a stream, with its first rows read, converted and understood."""

    stream: SheetStream
    head: Grid
    layout: HeaderLayout
    converter: LegacyConverter

    @property
    def legacy_encoding(self) -> str | None:
        return self.converter.result().encoding

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(sheet row number, converted cells) of every row below the headings."""
        head = self.head.rows
        for index in range(self.layout.data_start, len(head)):
            yield index + 1, head[index]
        number = len(head)
        for cells, fonts in self.stream.rows:
            number += 1
            self.converter.convert_row(cells, fonts)
            yield number, cells


def has_header(grid: Grid, legacy: str | None) -> bool:
    """Whether a grid (the top of a sheet) has a recognisable header row."""
    convert_grid(grid, legacy)
    return find_header(grid.rows) is not None


@contextmanager
def open_loaded(path: str | Path, sheet: str | None = None, *, legacy: str | None = "auto",
                column_overrides: dict[int, str] | None = None,
                head_rows: int = HEAD_ROWS) -> Iterator[Loaded]:
    path = Path(path)
    with open_sheet(path, sheet, accept=lambda top: has_header(top, legacy),
                    probe_rows=HEADER_SCAN_ROWS) as stream:
        head = Grid(path, stream.sheet, stream.sheet_names, [], [])
        for cells, fonts in stream.rows:
            head.rows.append(cells)
            if fonts is not None:
                head.fonts.append(fonts)
            if len(head.rows) >= head_rows:
                break
        converter = LegacyConverter(head, legacy)
        for index, row in enumerate(head.rows):
            converter.convert_row(row, head.fonts[index] if index < len(head.fonts) else None)
        layout = find_header(head.rows)
        where = f"trang '{stream.sheet}'" if stream.sheet else f"tệp {path.name}"
        if layout is None:
            raise UserError(
                f"Không tìm thấy dòng tiêu đề trong {where}: cần cột 'Họ và tên' (hoặc 'Họ' "
                "và 'Tên') và ít nhất một cột khác như 'Ngày sinh', 'Giới tính', 'Số CCCD'"
            )
        layout = layout.with_overrides(column_overrides)
        if not any(key in NAME_FIELDS for key in layout.columns.values()):
            raise UserError(f"Chưa chọn cột họ tên trong {where}")
        converter.name_columns_found(
            {c for c, key in layout.columns.items() if key in NAME_FIELDS})
        yield Loaded(stream, head, layout, converter)


def _code_sample(loaded: Loaded) -> set[str]:
    columns = [c for c, key in loaded.layout.columns.items() if key == "code"]
    found: set[str] = set()
    for row in loaded.head.rows[loaded.layout.data_start:]:
        for column in columns:
            if column < len(row) and row[column] is not None and str(row[column]).strip():
                found.add(str(row[column]).strip())
    return found


class _RollBack(Exception):
    """Rejected rows without skip_invalid: the transaction must write nothing."""


def import_roster(db: Database, path: str | Path, *, dry_run: bool = False,
                  skip_invalid: bool = False, match: str = MATCH_CODE,
                  sheet: str | None = None, column_overrides: dict[int, str] | None = None,
                  legacy: str | None = "auto", progress: Progress = NO_PROGRESS,
                  on_row: RowHook | None = None, keep_rejected: bool = False,
                  unit_map: dict[str, str] | None = None) -> ImportReport:
    """Import a roster file; see the module docstring for the rules.

    match: "code" (a row updates the person its Mã names) or "id-number" (also the
    person holding its Số CCCD). keep_rejected: keep the cells of rejected rows in the
    report (rejected_out saves them). unit_map: Đơn vị values as written (NewUnit.written)
    -> an existing unit's id to use instead of creating a unit.
    """
    if match not in MATCHES:
        raise UserError(f"Cách đối chiếu '{match}' không hợp lệ (code hoặc id-number)")
    pass_ = _Pass(skip_invalid, match, progress, on_row, keep_rejected, unit_map)
    with gc_paused(), open_loaded(path, sheet, legacy=legacy,
                                  column_overrides=column_overrides) as loaded:
        _refuse_match_without_ids(loaded, match)
        if dry_run:
            return pass_.run(db, loaded, None)
        label = f"Nhập danh sách từ {Path(path).name}"
        with _big_cache(db):
            try:
                with db.write(label) as tx:
                    report = pass_.run(tx, loaded, tx)
                    if report.rejected and not skip_invalid:
                        raise _RollBack()
                    progress.check()  # a cancel up to here rolls everything back
                    report.written = tx.changes > 0
            except _RollBack:
                report = pass_.report
                report.written = False
    progress.done()
    return report


def _refuse_match_without_ids(loaded: Loaded, match: str) -> None:
    """Matching by ID number with no ID number column would match no one: every row
    would be added again as a new person, on every run."""
    if match == MATCH_ID_NUMBER and "citizen_id" not in loaded.layout.columns.values():
        where = (f"Trang '{loaded.stream.sheet}'" if loaded.stream.sheet
                 else f"Tệp {loaded.head.path.name}")
        raise UserError(
            f"{where} không có cột Số CCCD nên không thể đối chiếu theo số CCCD "
            "(--match id-number): không nhập gì. Hãy thêm cột Số CCCD, hoặc đối chiếu "
            "theo Mã.")


@contextmanager
def _big_cache(db: Database) -> Iterator[None]:
    # A page cache big enough for a big import: with SQLite's default (2 MB) the index
    # pages are spilled and written again several times.
    cache_size = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


class _Pass:
    """One pass over the rows: check each, write it (in a real run), report it."""

    def __init__(self, skip_invalid: bool, match: str, progress: Progress,
                 on_row: RowHook | None, keep_rejected: bool,
                 unit_map: dict[str, str] | None) -> None:
        self.unit_map = unit_map
        self.skip_invalid = skip_invalid
        self.match = match
        self.progress = progress
        self.on_row = on_row
        self.keep_rejected = keep_rejected
        self.report = ImportReport(match=match)

    def run(self, handle: Handle, loaded: Loaded, tx: Transaction | None) -> ImportReport:
        report = self.report
        layout = loaded.layout
        report.sheet = loaded.stream.sheet
        width = max([*layout.headings, -1]) + 1
        report.headings = [layout.headings.get(i, "") for i in range(width)]
        fields = set(layout.columns.values()) - {SKIP}
        checker = RowChecker(handle, fields, match=self.match,
                             code_sample=_code_sample(loaded), unit_map=self.unit_map)
        writer = RosterWriter(tx, checker) if tx is not None else None
        reader = RowReader(layout)
        estimate = max(loaded.stream.estimate, len(loaded.head.rows))
        seen_notes: set[str] = set()
        accepted_units: set[str] = set()
        counts = {NEW: 0, CHANGED: 0, UNCHANGED: 0}
        for row_no, cells in loaded.rows():
            if row_no % _STEP_EVERY == 0:
                self.progress.step("Đang kiểm tra và nhập các dòng", row_no,
                                   max(estimate, row_no))
            sheet_row = reader.feed(row_no, cells)
            if sheet_row is None:
                continue
            plan = checker.check(sheet_row)
            if not plan.ok:
                outcome = RowOutcome(row_no, REJECTED, reason=plan.reason,
                                     person_id=plan.person_id)
                report.rejected.append(RowIssue(row_no, plan.reason))
                if self.keep_rejected:
                    report.rejected_cells[row_no] = list(cells)
            else:
                for key, message in plan.notes:  # a list entry's note goes with its first row
                    if key not in seen_notes:
                        seen_notes.add(key)
                        plan.warnings.append(message)
                report.warnings.extend(RowIssue(row_no, w) for w in plan.warnings)
                status = NEW if plan.person_id is None else CHANGED if plan.changed else UNCHANGED
                counts[status] += 1
                outcome = RowOutcome(row_no, status, tuple(plan.changed),
                                     person_id=plan.person_id)
                if plan.person is not None and plan.person.unit_id:
                    accepted_units.add(plan.person.unit_id)
                if writer is not None and (self.skip_invalid or not report.rejected):
                    writer.add(plan)
            report.rows.append(outcome)
            if self.on_row is not None:
                self.on_row(row_no, cells, plan, outcome)
        if writer is not None:
            writer.flush()
        for issue in report.warnings:
            if issue.message == checker.foreign_note:
                issue.message = checker.foreign_message()
        report.warnings.extend(RowIssue(row, message) for row, message in reader.notes)
        report.warnings.sort(key=lambda issue: issue.row)
        report.legacy_encoding = loaded.legacy_encoding
        refused = bool(report.rejected) and not self.skip_invalid
        if not refused:
            report.imported, report.updated = counts[NEW], counts[CHANGED]
            report.unchanged = counts[UNCHANGED]
        planner = checker.units
        planned = (list(planner.planned.values()) if refused
                   else planner.needed(accepted_units))
        report.new_units = [NewUnit(planner.display(u), planner.similar_to(u), u.id,
                                    planner.first_row.get(u.id, 0),
                                    planner.written.get(u.id, u.name)) for u in planned]
        return report


__all__ = ["ImportReport", "Loaded", "RowIssue", "import_roster", "open_loaded"]
