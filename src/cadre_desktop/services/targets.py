"""How far the office is from its plan: each target's figures, computed from the records.

A Targets page shows `list_figures` (one TargetFigures per target: value against goal, per
unit and per office) and drills down with `target_detail` (the same with the whole
denominator, each person with whether they count). Nothing is stored: every figure is
counted again from people, classes and enrolments (store.target_figures).

Whose records count: the people and classes of the plan's office and the offices below it
(a province's database also holds its child offices' records), narrowed to one office's
subtree with `office`. A target naming a programme that no longer exists is reported in
`problem` with no figures; the command line refuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.targets import (
    FRACTION_KINDS,
    KINDS,
    MEASURES,
    PEOPLE_KINDS,
    count_text,
    is_met,
    percent,
    ratio,
    window,
)
from cadre_desktop.store import plans
from cadre_desktop.store import target_figures as figures_sql
from cadre_desktop.store.db import Database
from cadre_desktop.store.offices import subtree_ids
from cadre_desktop.store.plans import Plan, Target
from cadre_desktop.store.target_figures import ClassRow, PeopleCount, Scope

__all__ = ["NO_UNIT", "ClassRow", "OfficeFigure", "PersonStatus", "Plan", "Target",
           "TargetFigures", "UnitFigure", "holds_many_offices", "is_fraction", "list_figures",
           "refuse_problems", "target_detail"]

NO_UNIT = "Chưa xếp đơn vị"


@dataclass(frozen=True)
class UnitFigure:
    unit_id: str | None  # the top unit (a child of the office's root unit, or the root)
    unit: str
    numerator: int
    denominator: int | None  # None for counts, which have no denominator

    @property
    def value(self) -> float | None:
        return ratio(self.numerator, self.denominator)


@dataclass(frozen=True)
class OfficeFigure:
    office_id: str
    office: str  # the office's code ('' when it has none)
    name: str
    numerator: int
    denominator: int | None


@dataclass(frozen=True)
class PersonStatus:
    person_id: str
    full_name: str
    unit_id: str | None
    unit: str  # the person's own unit
    office: str
    met: bool


@dataclass(frozen=True)
class TargetFigures:
    target: Target
    plan: Plan
    start: dt.date  # the window counted over
    end: dt.date
    numerator: int  # people who count, classes, enrolments, or đồng spent
    denominator: int | None  # people in the group, or the estimate (đồng); None for counts
    value: float | None  # a share for coverage/share/budget, the count for counts
    met: bool
    by_unit: list[UnitFigure] = field(default_factory=list)
    by_office: list[OfficeFigure] = field(default_factory=list)
    people: list[PersonStatus] | None = None  # the whole denominator (target_detail)
    classes: list[ClassRow] | None = None  # what a count or budget counts (target_detail)
    problem: str | None = None  # why there are no figures (a deleted programme)

    @property
    def id(self) -> str:
        return self.target.id

    @property
    def name(self) -> str:
        return self.target.name

    @property
    def kind(self) -> str:
        return self.target.kind

    @property
    def goal(self) -> float:
        return self.target.goal

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def value_text(self) -> str:
        """'87,5% (35/40)', '9 lớp', '1.240.000.000 / 1.340.000.000 đồng (92,5%)'."""
        if self.problem:
            return "—"
        if self.kind == "count":
            return f"{count_text(self.numerator)} {MEASURES[self.target.measure]}"
        if self.kind == "budget":
            return (f"{percent(self.value)} ({count_text(self.numerator)} / "
                    f"{count_text(self.denominator or 0)} đồng)")
        return f"{percent(self.value)} ({self.numerator}/{self.denominator})"

    @property
    def goal_text(self) -> str:
        if self.kind == "count":
            return f"{count_text(self.goal)} {MEASURES[self.target.measure]}"
        sign = "≤ " if self.target.at_most else ""
        return sign + percent(self.goal)

    def unmet(self) -> list[PersonStatus]:
        return [p for p in self.people or [] if not p.met]


class _Context:
    """What one request shares between its targets: offices, units, the office filter."""

    def __init__(self, db: Database, office: str | None) -> None:
        from cadre_desktop.services.offices import find_office

        self.db = db
        self.offices = figures_sql.office_names(db)
        self.with_people = set(figures_sql.offices_with_people(db))
        self.only: set[str] | None = None
        if office:
            self.only = set(subtree_ids(db, find_office(db, office).id))
        self._units: figures_sql.Units | None = None

    @property
    def units(self) -> figures_sql.Units:
        if self._units is None:
            self._units = figures_sql.load_units(self.db)
        return self._units

    def scope(self, owner: str) -> Scope:
        """The plan office's subtree, narrowed by the office filter; no condition at all
        when that covers every office that has people (an ordinary office database)."""
        allowed = set(subtree_ids(self.db, owner))
        if self.only is not None:
            allowed &= self.only
        if self.with_people <= allowed and self.only is None:
            return Scope(None)
        return Scope(tuple(sorted(allowed)))


def _by_unit(ctx: _Context, rows: Iterable[PeopleCount], counts: bool) -> list[UnitFigure]:
    units = ctx.units
    totals: dict[str | None, list[int]] = {}
    for row in rows:
        top = units.top.get(row.unit_id) if row.unit_id else None
        entry = totals.setdefault(top, [0, 0])
        entry[0] += row.numerator
        entry[1] += row.denominator
    ordered = sorted(totals, key=lambda u: (u is None, units.order.get(u or "", "")))
    return [UnitFigure(u, units.names.get(u, NO_UNIT) if u else NO_UNIT, totals[u][0],
                       None if counts else totals[u][1]) for u in ordered]


def _by_office(ctx: _Context, rows: Iterable[tuple[str, int, int | None]]) -> list[OfficeFigure]:
    totals: dict[str, list[int | None]] = {}
    for office_id, numerator, denominator in rows:
        entry = totals.setdefault(office_id, [0, None if denominator is None else 0])
        entry[0] = (entry[0] or 0) + numerator
        if denominator is not None:
            entry[1] = (entry[1] or 0) + denominator
    found = []
    for office_id, (counted, out_of) in totals.items():
        code, name = ctx.offices.get(office_id, ("", ""))
        found.append(OfficeFigure(office_id, code, name, counted or 0, out_of))
    return sorted(found, key=lambda o: (o.office, o.name, o.office_id))


def _people_met(ctx: _Context, target: Target, start: dt.date,
                end: dt.date) -> tuple[str, list[object]]:
    if target.kind == "share":
        sql, params = figures_sql.attribute_condition(ctx.db, target.attribute)
        return sql, list(params)
    if start > end:
        return "0", []
    sql, params = figures_sql.completed_condition(target.programmes, start, end)
    return sql, list(params)


def _compute(ctx: _Context, target: Target, plan: Plan, on: dt.date,
             detail: bool) -> TargetFigures:
    start, end = window(target.start or plan.start, target.end or plan.end, target.period, on)
    base = TargetFigures(target, plan, start, end, 0, None, None, False)
    missing = plans.missing_programmes(ctx.db, target.programmes)
    if missing:
        return replace(base, problem=(
            f"Chỉ tiêu '{target.name}' nêu chương trình bồi dưỡng đã xóa hoặc không tồn tại "
            f"({', '.join(missing)}); hãy sửa chỉ tiêu trước khi tính"))
    scope = ctx.scope(plan.office_id)
    db = ctx.db
    if target.kind in PEOPLE_KINDS:
        met = _people_met(ctx, target, start, end)
        rows = figures_sql.people_counts(db, target.target_group, met, scope)
        numerator = sum(r.numerator for r in rows)
        denominator = sum(r.denominator for r in rows)
        people = None
        if detail:
            units = ctx.units
            people = [PersonStatus(
                r.person_id, r.full_name, r.unit_id,
                units.names.get(r.unit_id, NO_UNIT) if r.unit_id else NO_UNIT,
                ctx.offices.get(r.office_id, ("", ""))[0], r.met)
                for r in figures_sql.people_rows(db, target.target_group, met, scope)]
        value = ratio(numerator, denominator)
        return replace(base, numerator=numerator, denominator=denominator, value=value,
                       met=is_met(value, target.goal, target.at_most),
                       by_unit=_by_unit(ctx, rows, counts=False),
                       by_office=_by_office(ctx, ((r.office_id, r.numerator, r.denominator)
                                                  for r in rows)),
                       people=people)
    found = _counted(ctx, target, plan, start, end, scope)
    if detail:
        group = None if target.target_group.everyone else target.target_group
        found = replace(found, classes=[] if start > end else figures_sql.class_rows(
            db, group if target.kind == "count" else None, target.programmes, start, end,
            scope))
    return found


def _counted(ctx: _Context, target: Target, plan: Plan, start: dt.date, end: dt.date,
             scope: Scope) -> TargetFigures:
    """The figures of a count or budget target."""
    db = ctx.db
    base = TargetFigures(target, plan, start, end, 0, None, None, False)
    if target.kind == "count" and target.measure != "classes":
        rows = [] if start > end else figures_sql.enrolment_counts(
            db, target.target_group, target.programmes, start, end, scope,
            completed_only=target.measure == "completions")
        numerator = sum(r.numerator for r in rows)
        return replace(base, numerator=numerator, value=float(numerator),
                       met=is_met(numerator, target.goal, target.at_most),
                       by_unit=_by_unit(ctx, rows, counts=True),
                       by_office=_by_office(ctx, ((r.office_id, r.numerator, None)
                                                  for r in rows)))
    classes = [] if start > end else figures_sql.class_counts(
        db, target.programmes, start, end, scope)
    if target.kind == "count":
        numerator = sum(c.classes for c in classes)
        return replace(base, numerator=numerator, value=float(numerator),
                       met=is_met(numerator, target.goal, target.at_most),
                       by_office=_by_office(ctx, ((c.office_id, c.classes, None)
                                                  for c in classes)))
    # budget: spent against the estimates of the yearly plans the window's years cover
    last_year = end.year if target.period == "year" else (target.end or plan.end).year
    estimate = plans.estimates(db, plan.id, start.year, max(start.year, last_year))
    spent = sum(c.actual for c in classes)
    value = ratio(spent, estimate)
    return replace(base, numerator=spent, denominator=estimate, value=value,
                   met=is_met(value, target.goal, target.at_most),
                   by_office=_by_office(ctx, ((c.office_id, c.actual, None) for c in classes)))


def list_figures(db: Database, plan_id: str | None = None, on: dt.date | None = None,
                 office: str | None = None) -> list[TargetFigures]:
    """Every target (of one plan) on the reporting date `on` (today), per unit and per
    office; `office` (a code) counts only that office's people and classes."""
    on = on or dt.date.today()
    ctx = _Context(db, office)
    plan_list = {p.id: p for p in plans.list_plans(db)}
    if plan_id is not None and plan_id not in plan_list:
        plans.get_plan(db, plan_id)  # raises NotFound
    return [_compute(ctx, t, plan_list[t.plan_id], on, detail=False)
            for t in plans.list_targets(db, plan_id) if t.plan_id in plan_list]


def target_detail(db: Database, target_id: str, on: dt.date | None = None,
                  office: str | None = None) -> TargetFigures:
    """One target with the whole denominator (coverage and share): each person of the
    group in official name order with whether they count."""
    target = plans.get_target(db, target_id)
    ctx = _Context(db, office)
    return _compute(ctx, target, plans.get_plan(db, target.plan_id), on or dt.date.today(),
                    detail=True)


def refuse_problems(found: Sequence[TargetFigures]) -> None:
    """For callers that must not show partial figures (the command line, the report)."""
    problems = [f.problem for f in found if f.problem]
    if problems:
        raise UserError("\n".join(problems))


def is_fraction(kind: str) -> bool:
    return kind in FRACTION_KINDS


def holds_many_offices(db: Database) -> bool:
    """Whether the database holds other offices' people (a province): per-office figures
    are worth showing then."""
    people = figures_sql.offices_with_people(db)
    return len(people) > 1 or any(o != db.office_id for o in people)
