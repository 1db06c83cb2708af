"""`roster import`: a clerk's .xlsx or .csv list into the roster, in one undoable action.

Steps: read the sheet (tabular), convert TCVN3/VNI text (legacy_grid), find the headings
(headers), pick out the person rows (rows), check each row against the rules and the
database (roster_check), then write everything in one transaction. By default a single
rejected row means nothing is written; skip_invalid imports the rows that passed. A dry
run gives the same report as the real run and writes nothing.

Report conventions: row numbers are the sheet rows the clerk sees. When rows were
rejected and skip_invalid is off, imported/updated are 0 and created_units is empty,
because nothing was (or, in a dry run, would be) written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cadre_desktop.bulk import gc_paused
from cadre_desktop.domain.errors import UserError
from cadre_desktop.importing.headers import (
    HEADER_SCAN_ROWS,
    NAME_FIELDS,
    SKIP,
    HeaderLayout,
    find_header,
)
from cadre_desktop.importing.legacy_grid import LegacyResult, convert_grid
from cadre_desktop.importing.roster_check import RowChecker, RowPlan
from cadre_desktop.importing.rows import RowsRead, read_rows
from cadre_desktop.importing.tabular import Grid, read_grid
from cadre_desktop.store import lookups, people, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.tx import Transaction
from cadre_desktop.store.units import Unit

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CANCELLED_MESSAGE = "Đã hủy nhập"
_CHECK_TICK = 500


@dataclass
class RowIssue:
    row: int
    message: str


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)
    written: bool = False
    legacy_encoding: str | None = None
    sheet: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "rejected": [{"row": i.row, "reason": i.message} for i in self.rejected],
            "warnings": [{"row": i.row, "message": i.message} for i in self.warnings],
            "created_units": list(self.created_units),
        }


@dataclass
class Loaded:
    """A sheet read, converted and cut into person rows."""

    grid: Grid
    layout: HeaderLayout
    legacy: LegacyResult
    rows: RowsRead


class Steps:
    """Progress over reading (first half) and checking (second half), and cancelling."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.total = 0

    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise UserError(CANCELLED_MESSAGE)

    def reading(self, done: int, estimate: int) -> None:
        self.check_cancel()
        if self.progress is not None:
            self.progress(done, 2 * estimate)

    def checking(self, done: int, count: int) -> None:
        self.check_cancel()
        if self.progress is not None and count:
            self.progress(self.total + done * self.total // count, 2 * self.total)

    def finished(self) -> None:
        if self.progress is not None:
            self.progress(max(1, 2 * self.total), max(1, 2 * self.total))


def has_header(grid: Grid, legacy: str | None) -> bool:
    """Whether a grid (the top of a sheet) has a recognisable header row."""
    convert_grid(grid, legacy)
    return find_header(grid.rows) is not None


def load(path: str | Path, sheet: str | None = None, *, legacy: str | None = "auto",
         column_overrides: dict[int, str] | None = None, max_rows: int | None = None,
         steps: Steps | None = None) -> Loaded:
    path = Path(path)
    grid = read_grid(path, sheet, max_rows=max_rows,
                     tick=steps.reading if steps is not None else None,
                     accept=lambda top: has_header(top, legacy), probe_rows=HEADER_SCAN_ROWS)
    converted = convert_grid(grid, legacy)
    layout = find_header(grid.rows)
    where = f"trang '{grid.sheet}'" if grid.sheet else f"tệp {path.name}"
    if layout is None:
        raise UserError(
            f"Không tìm thấy dòng tiêu đề trong {where}: cần cột 'Họ và tên' (hoặc 'Họ' và "
            "'Tên') và ít nhất một cột khác như 'Ngày sinh', 'Giới tính', 'Số CCCD'"
        )
    layout = layout.with_overrides(column_overrides)
    if not any(key in NAME_FIELDS for key in layout.columns.values()):
        raise UserError(f"Chưa chọn cột họ tên trong {where}")
    return Loaded(grid, layout, converted, read_rows(grid, layout))


def check_rows(db: Database, loaded: Loaded, steps: Steps | None = None) -> tuple[
        list[RowPlan], RowChecker]:
    fields = set(loaded.layout.columns.values()) - {SKIP}
    codes = {str(r.values["code"]).strip() for r in loaded.rows.rows if "code" in r.values}
    checker = RowChecker(db, fields, codes)
    plans: list[RowPlan] = []
    count = len(loaded.rows.rows)
    if steps is not None:
        steps.total = len(loaded.grid.rows)
    for index, sheet_row in enumerate(loaded.rows.rows):
        if steps is not None and index % _CHECK_TICK == 0:
            steps.checking(index, count)
        plans.append(checker.check(sheet_row))
    seen: set[str] = set()
    for plan in plans:
        if plan.ok:  # a warning about a list entry goes with the first row that uses it
            for key, message in plan.notes:
                if key not in seen:
                    seen.add(key)
                    plan.warnings.append(message)
    return plans, checker


@dataclass
class _Outcome:
    report: ImportReport
    accepted: list[RowPlan]
    units: list[Unit]
    positions: list[tuple[str, str]]  # (code, label) to add to the list


def build_report(loaded: Loaded, plans: list[RowPlan], checker: RowChecker,
                 skip_invalid: bool) -> _Outcome:
    report = ImportReport(legacy_encoding=loaded.legacy.encoding, sheet=loaded.grid.sheet)
    report.rejected = [RowIssue(p.row, p.reason) for p in plans if not p.ok]
    accepted = [p for p in plans if p.ok]
    warnings = [RowIssue(p.row, w) for p in accepted for w in p.warnings]
    warnings += [RowIssue(row, message) for row, message in loaded.rows.notes]
    report.warnings = sorted(warnings, key=lambda issue: issue.row)
    if report.rejected and not skip_invalid:
        return _Outcome(report, [], [], [])
    unit_ids = {p.person.unit_id for p in accepted if p.person and p.person.unit_id}
    planned = checker.units.needed(unit_ids)
    report.created_units = [checker.units.display(u) for u in planned]
    used = {code for p in accepted for code in (p.position, p.planning) if code}
    positions = [(code, label) for code, label in checker.maps.new_positions.items()
                 if code in used]
    report.imported = sum(1 for p in accepted if p.person_id is None)
    report.updated = len(accepted) - report.imported
    return _Outcome(report, accepted, planned, positions)


def import_roster(db: Database, path: str | Path, *, dry_run: bool = False,
                  skip_invalid: bool = False, sheet: str | None = None,
                  column_overrides: dict[int, str] | None = None,
                  legacy: str | None = "auto", progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> ImportReport:
    """Import a roster file; see the module docstring for the rules."""
    steps = Steps(progress, cancelled)
    with gc_paused():
        loaded = load(path, sheet, legacy=legacy, column_overrides=column_overrides,
                      steps=steps)
        plans, checker = check_rows(db, loaded, steps)
        outcome = build_report(loaded, plans, checker, skip_invalid)
        steps.check_cancel()
        if not dry_run and outcome.accepted:
            outcome.report.written = _write(db, Path(path).name, outcome, checker, steps)
    steps.finished()
    return outcome.report


def _write(db: Database, file_name: str, outcome: _Outcome, checker: RowChecker,
           steps: Steps) -> bool:
    # A page cache big enough for the whole transaction: with SQLite's default (2 MB) the
    # index pages of a big import are spilled and written again several times.
    cache_size = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute("PRAGMA cache_size = -131072")
    try:
        return _write_all(db, file_name, outcome, checker, steps)
    finally:
        db.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _write_all(db: Database, file_name: str, outcome: _Outcome, checker: RowChecker,
               steps: Steps) -> bool:
    with db.write(f"Nhập danh sách từ {file_name}") as tx:
        for unit in outcome.units:
            parent = checker.units.unit(unit.parent_id) if unit.parent_id else None
            units.create_unit(tx, unit.name, parent, unit.level_label, unit_id=unit.id)
        for code, label in outcome.positions:
            item = lookups.add_item(tx, db, "position", label)
            if item.code != code:  # pragma: no cover - both come from text.fold
                raise RuntimeError(f"position code {item.code} != {code}")
        new = [people.NewPerson(
            person=p.person, position_code=p.position, planning_code=p.planning,
            planning_term=p.planning_term,
            ratings={y: lv for y, lv in p.ratings.items() if lv},
        ) for p in outcome.accepted if p.person_id is None and p.person is not None]
        people.create_many(tx, new)
        steps.check_cancel()
        for plan in outcome.accepted:
            if plan.person_id is not None:
                _update(tx, checker, plan)
        steps.check_cancel()
        return tx.changes > 0


def _update(tx: Transaction, checker: RowChecker, plan: RowPlan) -> None:
    person_id, person = plan.person_id, plan.person
    assert person_id is not None and person is not None
    stored = checker.stored[person_id]
    if any(stored.get(k) != v for k, v in person.columns().items()):
        people.update_person(tx, person_id, person)
    if plan.set_position and checker.positions.get(person_id) != plan.position:
        people.set_current_position(tx, person_id, plan.position, person.unit_id)
    if plan.set_planning:
        current = checker.plannings.get(person_id, [])
        same = any(code == plan.planning and (not plan.planning_term or term == plan.planning_term)
                   for code, term in current)
        if not same and (plan.planning or current):
            people.set_planning(tx, person_id, plan.planning, plan.planning_term)
    stored_ratings = checker.ratings.get(person_id, {})
    for year, level_id in sorted(plan.ratings.items()):
        if stored_ratings.get(year) != level_id:
            people.set_rating(tx, person_id, year, level_id)


__all__ = ["ImportReport", "Loaded", "RowIssue", "import_roster", "load"]
