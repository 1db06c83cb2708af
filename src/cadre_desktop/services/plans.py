"""Plans, yearly plans, targets and class budgets: the clerk's changes, one undoable
action each, and the plan's budget against its yearly estimates.

Target figures are in services.targets; the training report in services.reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cadre_desktop.domain.errors import NotFound
from cadre_desktop.domain.targets import TargetInput
from cadre_desktop.services import plan_checks
from cadre_desktop.services.plan_checks import YearInput
from cadre_desktop.store import budget, plans, training
from cadre_desktop.store.budget import BudgetLine, BudgetLineInput
from cadre_desktop.store.db import Database
from cadre_desktop.store.offices import subtree_ids
from cadre_desktop.store.plans import Plan, PlanInput, PlanYear, Target
from cadre_desktop.store.target_figures import Scope, class_counts

__all__ = ["BUDGET_ITEMS", "BudgetLine", "BudgetLineInput", "Plan", "PlanInput",
           "PlanOverview", "PlanYear", "Target", "YearBudget", "YearInput", "add_target",
           "budget_lines", "delete_plan", "delete_target", "get_target", "list_plans",
           "plan_overview", "save_plan", "save_target", "set_budget_lines", "set_year",
           "targets", "years"]

# The cost items of a class budget, in the order the forms and reports list them.
BUDGET_ITEMS: tuple[str, ...] = tuple(budget.ITEMS)


def list_plans(db: Database) -> list[Plan]:
    return plans.list_plans(db)


def save_plan(db: Database, data: PlanInput, plan_id: str | None = None,
              years: Sequence[YearInput] | None = None) -> str:
    """Add or change a plan, one undoable action. With `years`, these are the plan's
    yearly plans from now on: each is set, and those of other years are removed."""
    label = f"Sửa kế hoạch {data.name}" if plan_id else f"Thêm kế hoạch {data.name}"
    if plan_id is not None:
        plans.get_plan(db, plan_id)
    with db.write(label) as tx:
        plan_checks.check_plan(tx, data, plan_id, years)
        if plan_id is None:
            plan_id = plans.create_plan(tx, data)
        else:
            plans.update_plan(tx, plan_id, data)
        if years is not None:
            wanted = {y.year for y in years}
            for kept in plans.list_years(tx, plan_id):
                if kept.year not in wanted:
                    plans.delete_year(tx, kept.id)
            for year in years:
                plans.set_year(tx, plan_id, year.year, year.budget_estimate, year.note)
        return plan_id


def delete_plan(db: Database, plan_id: str) -> bool:
    plan = plans.get_plan(db, plan_id)
    with db.write(f"Xóa kế hoạch {plan.name}") as tx:
        return plans.delete_plan(tx, plan_id)


def set_year(db: Database, plan_id: str, year: int, budget_estimate: int | None,
             note: str = "") -> str:
    """Create or change the yearly plan of `year` (inside the plan's period)."""
    plan = plans.get_plan(db, plan_id)
    plan_checks.check_year(plan.start, plan.end, YearInput(year, budget_estimate, note))
    with db.write(f"Kế hoạch năm {year} ({plan.name})") as tx:
        return plans.set_year(tx, plan_id, year, budget_estimate, note)


def years(db: Database, plan_id: str) -> list[PlanYear]:
    plans.get_plan(db, plan_id)
    return plans.list_years(db, plan_id)


def save_target(db: Database, plan_id: str, data: TargetInput,
                target_id: str | None = None) -> str:
    """Add or change a target of the plan (checked against the plan and the office's
    lists), one undoable action."""
    plan = plans.get_plan(db, plan_id)
    old = plans.get_target(db, target_id) if target_id else None
    if old is not None and old.plan_id != plan_id:
        raise NotFound(f"Kế hoạch {plan.name} không có chỉ tiêu {target_id}")
    label = f"Sửa chỉ tiêu {data.name}" if target_id else f"Thêm chỉ tiêu {data.name}"
    with db.write(label) as tx:
        plan_checks.check_target(tx, plan, data, old)
        if target_id is None:
            return plans.create_target(tx, plan_id, data)
        plans.update_target(tx, target_id, data)
        return target_id


def add_target(db: Database, plan_id: str, data: TargetInput) -> str:
    """A new target after the plan's others."""
    last = max((t.sort_order for t in plans.list_targets(db, plan_id)), default=-1)
    return save_target(db, plan_id, replace(data, sort_order=last + 1))


def get_target(db: Database, target_id: str) -> Target:
    return plans.get_target(db, target_id)


def delete_target(db: Database, target_id: str) -> bool:
    """Remove a target (soft: Ctrl+Z brings it back)."""
    target = plans.get_target(db, target_id)
    with db.write(f"Xóa chỉ tiêu {target.name}") as tx:
        return plans.delete_target(tx, target_id)


def targets(db: Database, plan_id: str) -> list[Target]:
    return plans.list_targets(db, plan_id)


# Class budgets

def budget_lines(db: Database, class_id: str) -> list[BudgetLine]:
    """Estimate lines first, then actual ones, each in the clerk's order."""
    training.get_class(db, class_id)
    return budget.list_lines(db, class_id)


def set_budget_lines(db: Database, class_id: str, stage: str,
                     lines: Sequence[BudgetLineInput]) -> int | None:
    """Replace the class's estimate (stage 'estimate') or actual ('actual') lines; the
    class total becomes their sum, which is returned."""
    cls = training.get_class(db, class_id)
    with db.write(f"Kinh phí lớp {cls.name}") as tx:
        return budget.set_lines(tx, class_id, stage, lines)


@dataclass(frozen=True)
class YearBudget:
    year: int
    estimate: int | None  # the yearly plan's estimate (đồng)
    planned: int  # sum of the estimates of the classes that end in the year
    actual: int  # sum of their actual spending
    classes: int
    note: str = ""


@dataclass(frozen=True)
class PlanOverview:
    plan: Plan
    years: list[YearBudget]

    @property
    def estimate(self) -> int | None:
        known = [y.estimate for y in self.years if y.estimate is not None]
        return sum(known) if known else None

    @property
    def actual(self) -> int:
        return sum(y.actual for y in self.years)


def plan_overview(db: Database, plan_id: str, until: dt.date | None = None) -> PlanOverview:
    """The plan with every year of its period: the yearly estimate against what the
    classes ending that year planned and spent (the plan office's classes and those of
    the offices below it). `until`: count only the classes ending by that day (a report
    up to 30/06 shows the year's spending up to 30/06, as its budget target does)."""
    plan = plans.get_plan(db, plan_id)
    by_year = {y.year: y for y in plans.list_years(db, plan_id)}
    scope = Scope(tuple(subtree_ids(db, plan.office_id)))
    years = []
    for year in range(plan.start.year, plan.end.year + 1):
        start = max(plan.start, dt.date(year, 1, 1))
        end = min(plan.end, dt.date(year, 12, 31), until or dt.date.max)
        counts = class_counts(db, (), start, end, scope) if start <= end else []
        yearly: PlanYear | None = by_year.get(year)
        years.append(YearBudget(
            year, yearly.budget_estimate if yearly else None,
            sum(c.planned for c in counts), sum(c.actual for c in counts),
            sum(c.classes for c in counts), yearly.note if yearly else ""))
    return PlanOverview(plan, years)
