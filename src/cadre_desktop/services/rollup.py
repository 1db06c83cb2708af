"""The province's roll-up: one row per office directly below, with its last bundle (number,
date, age, delta or full) and whether it is overdue, and for each target of a plan the
office's own figure against the plan's goal, flagged when it is behind.

The figures are those of the Targets page (services.targets: one computation of the
plan's targets, split by the office each record belongs to), so the two never disagree;
an office's row adds up the offices below it (a district with its communes). A coverage
or share target is behind at an office when its value is under the goal (over it for an
"at most" target); counts and budgets have a goal for the whole plan only, so an office's
row shows its figure without a flag, and the line for the whole office (`total`) carries
every target's flag.

`rollup_table` gives the same rows as a ListTable: printing.print_rollup (the Đoàn-format
document: a figure per target as text, "66,7% (2/3)") and exporting.list_export.export_rollup
(.xlsx: each target's share, counts and amounts as numbers in columns of their own, so the
province can sort and add them; text never a formula) draw it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.domain.targets import MEASURES, PEOPLE_KINDS, count_text, is_met, percent, ratio
from cadre_desktop.services import office_status, targets
from cadre_desktop.services.list_tables import Figure, ListColumn, ListTable
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.services.plans import Plan, list_plans
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store.db import Database
from cadre_desktop.sync.header import OfficeRef

__all__ = ["Rollup", "RollupCell", "RollupRow", "RollupTarget", "choose_plan", "office_rollup",
           "rollup_table"]

KIND_WORDS = {"full": "Toàn bộ", "delta": "Thay đổi", "issued": "Gửi xuống"}
PRINTED_TARGETS = 10


@dataclass(frozen=True)
class RollupTarget:
    id: str
    name: str
    kind: str       # coverage, share, count, budget
    goal: float
    at_most: bool
    measure: str
    goal_text: str  # '≥ 80%' style: '80%', '≤ 100%', '12 lớp'
    problem: str | None = None  # why it has no figures (a deleted programme)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "goal": self.goal,
                "at_most": self.at_most, "problem": self.problem}


@dataclass(frozen=True)
class RollupCell:
    """One target at one office (or for the whole office: `total`)."""

    kind: str
    measure: str
    numerator: int
    denominator: int | None
    goal: float | None   # None where the plan's goal does not apply (an office's count)
    behind: bool | None  # None: no figure, or no goal to compare it with
    missing: bool = False  # the target could not be counted (see RollupTarget.problem)

    @property
    def value(self) -> float | None:
        if self.missing:
            return None
        if self.kind == "count":
            return float(self.numerator)
        return ratio(self.numerator, self.denominator)

    @property
    def text(self) -> str:
        """'62,5% (25/40)', '9 lớp', '1.240.000 đồng', '—' when there is nothing to show."""
        if self.missing:
            return "—"
        if self.kind == "count":
            return f"{count_text(self.numerator)} {MEASURES.get(self.measure, '')}".strip()
        if self.kind == "budget" and self.denominator is None:
            return f"{count_text(self.numerator)} đồng"
        if not self.denominator:
            return "—"
        if self.kind == "budget":
            return f"{percent(self.value)} ({count_text(self.numerator)} đồng)"
        return f"{percent(self.value)} ({self.numerator}/{self.denominator})"

    def to_json(self, target_id: str) -> dict[str, Any]:
        return {"id": target_id, "numerator": self.numerator,
                "denominator": self.denominator, "value": self.value, "goal": self.goal,
                "behind": self.behind}


@dataclass(frozen=True)
class RollupRow:
    office: OfficeRef
    status: OfficeStatus
    cells: tuple[RollupCell, ...]

    @property
    def behind(self) -> int:
        """How many targets this office is behind on."""
        return sum(1 for c in self.cells if c.behind)

    def to_json(self, target_ids: Sequence[str]) -> dict[str, Any]:
        s = self.status
        return {"id": self.office.id, "code": self.office.code, "name": self.office.name,
                "last_sequence": s.last_sequence,
                "last_bundle_date": s.last_created[:10] if s.last_created else None,
                "last_imported_at": s.last_imported_at[:10] if s.last_imported_at else None,
                "days_since": s.days_since, "last_bundle_kind": s.last_kind,
                "overdue": s.overdue, "behind": self.behind,
                "targets": [c.to_json(t) for c, t in zip(self.cells, target_ids, strict=True)]}


@dataclass(frozen=True)
class Rollup:
    on: dt.date
    overdue_days: int
    plans: list[Plan]          # the plans one may choose
    plan: Plan | None          # the one counted (None: no plan at all)
    targets: list[RollupTarget]
    rows: list[RollupRow]
    total: tuple[RollupCell, ...]  # the whole office, its own people and every office below

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.status.overdue)

    @property
    def behind(self) -> int:
        """Offices behind on at least one target."""
        return sum(1 for r in self.rows if r.behind)

    def to_json(self) -> dict[str, Any]:
        ids = [t.id for t in self.targets]
        plan = self.plan
        return {"on": self.on.isoformat(), "overdue_days": self.overdue_days,
                "plan": None if plan is None else {
                    "id": plan.id, "number": plan.number, "name": plan.name,
                    "start": plan.start.isoformat(), "end": plan.end.isoformat()},
                "targets": [t.to_json() for t in self.targets],
                "offices": [r.to_json(ids) for r in self.rows],
                "total": {"targets": [c.to_json(t) for c, t in
                                      zip(self.total, ids, strict=True)]}}


def choose_plan(db: Database, found: Sequence[Plan], plan_id: str | None,
                on: dt.date) -> Plan | None:
    """The plan asked for; else this office's own plan whose period holds the day, any
    plan holding it, or the latest one."""
    by_id = {p.id: p for p in found}
    if plan_id is not None:
        if plan_id in by_id:
            return by_id[plan_id]
        from cadre_desktop.store.plans import get_plan

        get_plan(db, plan_id)  # an unknown or deleted plan: NotFound with its words
    holding = [p for p in found if p.start <= on <= p.end]
    own = [p for p in holding if p.office_id == db.office_id]
    ranked = own or holding or sorted(found, key=lambda p: (p.end, p.start), reverse=True)
    return ranked[0] if ranked else None


def _target(f: TargetFigures) -> RollupTarget:
    t = f.target
    goal = f.goal_text
    return RollupTarget(t.id, t.name, t.kind, t.goal, t.at_most, t.measure, goal, f.problem)


def _office_cell(f: TargetFigures, numerator: int, denominator: int | None) -> RollupCell:
    t = f.target
    if f.problem:
        return RollupCell(t.kind, t.measure, 0, None, None, None, missing=True)
    if t.kind in PEOPLE_KINDS:
        value = ratio(numerator, denominator)
        behind = None if value is None else not is_met(value, t.goal, t.at_most)
        return RollupCell(t.kind, t.measure, numerator, denominator or 0, t.goal, behind)
    return RollupCell(t.kind, t.measure, numerator, None, None, None)


def _total_cell(f: TargetFigures) -> RollupCell:
    t = f.target
    if f.problem:
        return RollupCell(t.kind, t.measure, 0, None, None, None, missing=True)
    behind = None if f.value is None else not f.met
    return RollupCell(t.kind, t.measure, f.numerator, f.denominator, t.goal, behind)


def office_rollup(db: Database, plan_id: str | None = None, on: dt.date | None = None,
                  progress: Progress = NO_PROGRESS) -> Rollup:
    """The roll-up on the day `on` (today) for the plan `plan_id` (see choose_plan)."""
    on = on or dt.date.today()
    found = list_plans(db)
    plan = choose_plan(db, found, plan_id, on)
    progress.step("Đang đọc các đơn vị", 0, 3)
    children = [s for s in office_status.list_offices(db, on) if s.relation == "child"]
    owner: dict[str, str] = {}
    for child in children:
        for office_id in office_status.office_scope(db, child.office.id):
            owner.setdefault(office_id, child.office.id)
    progress.step("Đang tính các chỉ tiêu", 1, 3)
    figures = targets.list_figures(db, plan.id, on) if plan is not None else []
    progress.check()
    sums: dict[tuple[str, str], list[int | None]] = {}
    for f in figures:
        for part in f.by_office:
            child_id = owner.get(part.office_id)
            if child_id is None:
                continue  # this office's own people: in the total only
            entry = sums.setdefault((child_id, f.id),
                                    [0, None if part.denominator is None else 0])
            entry[0] = (entry[0] or 0) + part.numerator
            if part.denominator is not None:
                entry[1] = (entry[1] or 0) + part.denominator
    rows = []
    for child in children:
        cells = []
        for f in figures:
            numerator, denominator = sums.get((child.office.id, f.id),
                                              [0, None if f.denominator is None else 0])
            cells.append(_office_cell(f, numerator or 0, denominator))
        rows.append(RollupRow(child.office, child, tuple(cells)))
    progress.done("Đã tính xong")
    return Rollup(on, office_status.overdue_days(db), found, plan,
                  [_target(f) for f in figures], rows, tuple(_total_cell(f) for f in figures))


# -- as a document and a spreadsheet ---------------------------------------------------------

def _day(stamp: str | None) -> str:
    return f"{dt.date.fromisoformat(stamp[:10]):%d/%m/%Y}" if stamp else ""


def bundle_state(status: OfficeStatus) -> str:
    if status.overdue:
        return (f"Quá hạn: {status.days_since} ngày chưa gửi" if status.days_since is not None
                else "Quá hạn: chưa gửi gói nào")
    return "Đúng hạn" if status.last_sequence is not None else "Chưa gửi gói nào"


def _million(amount: int) -> str:
    """1.240.500.000 -> '1.240,5 triệu đồng' (a narrow printed column holds it)."""
    whole, tenth = divmod(round(amount / 100_000), 10)
    return f"{count_text(whole)},{tenth} triệu đồng"


def _cell_text(cell: RollupCell, for_print: bool) -> str:
    shown = cell.text
    if for_print and cell.kind == "budget" and cell.denominator is None and not cell.missing:
        shown = _million(cell.numerator)
    if for_print and cell.kind in ("coverage", "share") and cell.denominator \
            and not cell.missing:
        # On paper, a line each: "89%" then "89/100" (a narrow column of ten targets
        # would otherwise break the figure itself, "(8" / "9/100)").
        shown = f"{percent(cell.value)}\n{cell.numerator}/{cell.denominator}"
    if not cell.behind:
        return shown
    return f"{shown}\nchưa đạt" if for_print else f"{shown} – chưa đạt"


def _parts(target: RollupTarget) -> list[str]:
    """The spreadsheet's columns of a target: its figure as numbers, then the verdict."""
    if target.kind == "count":
        return [f"Số {MEASURES[target.measure]}" if target.measure in MEASURES else "Số lượng",
                "Đánh giá"]
    if target.kind == "budget":
        return ["Tỷ lệ", "Số tiền (đồng)", "Đánh giá"]
    return ["Tỷ lệ", "Số đạt", "Số người", "Đánh giá"]


def _figures(target: RollupTarget, cell: RollupCell) -> list[str | Figure | None]:
    """A target's cell as numbers the province can sort and add (empty where there is
    none: no one in the group, a target that cannot be counted)."""
    verdict = {True: "chưa đạt", False: "đạt", None: ""}[cell.behind]
    if cell.missing:
        empty: list[str | Figure | None] = [None] * (len(_parts(target)) - 1)
        return [*empty, verdict]
    share = None if cell.value is None or target.kind == "count" else \
        Figure(cell.value, percent(cell.value), percent=True)
    amount = Figure(cell.numerator, count_text(cell.numerator))
    if target.kind == "count":
        return [amount, verdict]
    if target.kind == "budget":
        return [share, amount, verdict]
    whole = None if cell.denominator is None else \
        Figure(cell.denominator, count_text(cell.denominator))
    return [share, amount, whole, verdict]


def rollup_table(rollup: Rollup, for_print: bool = False) -> ListTable:
    """The roll-up as a list: an office per row, a column per target. On paper the
    targets are headed CT1, CT2… and named in the lines above the table (a landscape A4
    page holds the columns of PRINTED_TARGETS targets; a plan with more prints those and
    says so: the spreadsheet has them all)."""
    shown = rollup.targets[:PRINTED_TARGETS] if for_print else rollup.targets
    columns = [ListColumn("Đơn vị", 28, 1.2), ListColumn("Gói cuối", 12, 0, "CENTER"),
               ListColumn("Ngày nhận", 17, 0, "CENTER"), ListColumn("Số ngày", 12, 0, "RIGHT"),
               ListColumn("Loại gói", 14, 0, "CENTER"), ListColumn("Tình trạng", 16, 0.4)]
    for number, t in enumerate(shown, start=1):
        if for_print:
            columns.append(ListColumn(f"CT{number}", 12, 0.5, "CENTER", "Chỉ tiêu"))
        else:
            group = f"{t.name} (mục tiêu {t.goal_text})"
            columns += [ListColumn(h, 12, 0.5, "CENTER", group) for h in _parts(t)]
    rows: list[list[str | Figure | None]] = []
    for r in rollup.rows:
        row: list[str | Figure | None] = [
            text.clean(r.office.name),
            str(r.status.last_sequence) if r.status.last_sequence is not None else "",
            _day(r.status.last_imported_at),
            str(r.status.days_since) if r.status.days_since is not None else "",
            KIND_WORDS.get(r.status.last_kind or "", ""), bundle_state(r.status)]
        for t, c in zip(shown, r.cells, strict=False):
            row += [_cell_text(c, for_print)] if for_print else _figures(t, c)
        rows.append(row)
    plan = rollup.plan
    details, notes = [], []
    if plan is not None:
        named = plan.name if plan.period in plan.name else f"{plan.name} ({plan.period})"
        details.append(f"Kế hoạch: {named}; số liệu đến ngày {rollup.on:%d/%m/%Y}")
        for number, (target, cell) in enumerate(zip(rollup.targets, rollup.total,
                                                    strict=True), start=1):
            verdict = {True: "chưa đạt", False: "đạt", None: "chưa tính được"}[cell.behind]
            name = f"CT{number}: {target.name}" if for_print else target.name
            notes.append(f"{name} – mục tiêu {target.goal_text}; toàn đơn vị: {cell.text}, "
                         f"{verdict}.")
        if len(shown) < len(rollup.targets):
            notes.append(f"Bảng in {len(shown)} chỉ tiêu đầu; tệp .xlsx có đủ "
                         f"{len(rollup.targets)} chỉ tiêu.")
    else:
        details.append(f"Chưa có kế hoạch; số liệu đến ngày {rollup.on:%d/%m/%Y}")
    overdue, behind = rollup.overdue, rollup.behind
    return ListTable(
        title="TỔNG HỢP TÌNH HÌNH CÁC ĐƠN VỊ CẤP DƯỚI", columns=columns, rows=iter(rows),
        total=lambda n: (f"Tổng số: {n} đơn vị (quá hạn gửi gói: {overdue}; chưa đạt chỉ "
                         f"tiêu: {behind})"),
        kind="BC", details=details, notes=notes, sheet="Tổng hợp",
        pdf_title="Tổng hợp các đơn vị cấp dưới")
