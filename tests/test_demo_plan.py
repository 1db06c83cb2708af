"""The demo office carries a plan after seeds 000 and 002 with a target of every kind,
some met and some not, every figure traceable to its people and classes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadre_desktop.demo import generate_demo
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services import reports, targets
from cadre_desktop.store.db import Database, open_database

# The demo made on this day: its story is not moved (the plan runs 2023-2027).
REFERENCE_DATE = dt.date(2025, 12, 20)

MEMBERS = 400


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    generate_demo(db, members=MEMBERS, seed=5, today=REFERENCE_DATE)
    yield db
    db.close()


def test_the_plan_has_every_kind_some_met_some_not(demo: Database) -> None:
    (plan,) = plan_service.list_plans(demo)
    assert (plan.start.year, plan.end.year) == (REFERENCE_DATE.year - 2,
                                                REFERENCE_DATE.year + 2)
    found = targets.list_figures(demo, on=REFERENCE_DATE)
    targets.refuse_problems(found)
    assert {f.kind for f in found} == {"coverage", "share", "count", "budget"}
    assert any(f.met for f in found) and not all(f.met for f in found)
    overview = plan_service.plan_overview(demo, plan.id)
    assert [y.year for y in overview.years] == list(range(plan.start.year, plan.end.year + 1))
    assert overview.estimate and overview.estimate >= sum(y.planned for y in overview.years)


def test_people_figures_trace_to_people_and_classes(demo: Database) -> None:
    for f in targets.list_figures(demo, on=REFERENCE_DATE):
        if f.kind not in ("coverage", "share"):
            continue
        detail = targets.target_detail(demo, f.id, REFERENCE_DATE)
        people = detail.people or []
        assert len(people) == f.denominator and sum(p.met for p in people) == f.numerator
        assert sum(u.denominator or 0 for u in f.by_unit) == f.denominator
        if f.kind == "coverage":
            # Each person counted has a completed enrolment in a class of the programmes
            # that ended in the window.
            marks = ", ".join("?" for _ in f.target.programmes)
            done = {r[0] for r in demo.conn.execute(
                "SELECT e.person_id FROM enrolment e JOIN training_class c ON c.id = e.class_id"
                f" WHERE e.deleted = 0 AND e.result = 'completed' AND c.programme_id IN ({marks})"
                " AND c.end_date BETWEEN ? AND ?",
                [*f.target.programmes, f.start.isoformat(), f.end.isoformat()])}
            assert {p.person_id for p in people if p.met} == {p.person_id for p in people
                                                               if p.person_id in done}


def test_budget_lines_add_up_to_the_class_totals(demo: Database) -> None:
    rows = demo.conn.execute(
        "SELECT c.id, c.budget_planned, c.budget_actual,"
        " (SELECT SUM(amount) FROM class_budget_line l WHERE l.class_id = c.id"
        "  AND l.stage = 'estimate' AND l.deleted = 0),"
        " (SELECT SUM(amount) FROM class_budget_line l WHERE l.class_id = c.id"
        "  AND l.stage = 'actual' AND l.deleted = 0)"
        " FROM training_class c WHERE c.deleted = 0").fetchall()
    assert rows and all(r[1] == r[3] and r[2] == r[4] for r in rows)
    assert demo.conn.execute("SELECT COUNT(*) FROM class_budget_line WHERE amount < 0"
                             ).fetchone()[0] == 0
    year = REFERENCE_DATE.year
    report = reports.training_report(demo, REFERENCE_DATE.replace(month=1, day=1),
                                     REFERENCE_DATE.replace(month=12, day=31))
    assert report.classes > 0 and report.budget_items
    assert sum(b.estimate for b in report.budget_items) == report.budget_planned
    assert [y.year for y in report.year_budgets] == [year]
    # A six-month report shows the year's spending up to its own last day, the same
    # figure as its budget lines (never what was spent after the period).
    half = reports.training_report(demo, REFERENCE_DATE.replace(month=1, day=1),
                                   REFERENCE_DATE.replace(month=6, day=30))
    assert [(y.planned, y.actual) for y in half.year_budgets] == [
        (half.budget_planned, half.budget_actual)]
    assert half.year_budgets[0].actual <= report.year_budgets[0].actual


def test_the_same_seed_gives_the_same_plan(tmp_path: Path, demo: Database) -> None:
    db = open_database(tmp_path / "again.sqlite3")
    generate_demo(db, members=MEMBERS, seed=5, today=REFERENCE_DATE)
    try:
        for table in ("plan", "plan_year", "plan_target", "class_budget_line"):
            sql = f"SELECT * FROM {table} ORDER BY id"
            strip = [c[1] for c in demo.conn.execute(f"PRAGMA table_info({table})")]
            skip = ("created_at", "updated_at", "office_id")
            keep = [i for i, c in enumerate(strip) if c not in skip]
            mine = [[r[i] for i in keep] for r in demo.conn.execute(sql)]
            again = [[r[i] for i in keep] for r in db.conn.execute(sql)]
            assert mine == again and mine, table
    finally:
        db.close()
