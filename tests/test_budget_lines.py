"""Budget lines of a class: totals derived from the lines, the one-figure budgets of older
databases kept as a line, the class form's single figure, allowances per person per day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.training import save_class
from cadre_desktop.store import budget, migrate, training
from cadre_desktop.store.budget import BudgetLineInput
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.store.training import ClassInput
from training_roster import programme_id


def _class(db: Database, planned: int | None = None, actual: int | None = None) -> str:
    return save_class(db, ClassInput(programme_id(db, "bd_co_ban"), "Lớp kinh phí", 2025,
                                     start_date=dt.date(2025, 4, 1),
                                     end_date=dt.date(2025, 4, 3), budget_planned=planned,
                                     budget_actual=actual))


def _totals(db: Database, class_id: str) -> tuple[int | None, int | None]:
    cls = training.get_class(db, class_id)
    return cls.budget_planned, cls.budget_actual


def test_lines_make_the_class_totals(db: Database) -> None:
    class_id = _class(db)
    total = plan_service.set_budget_lines(db, class_id, "estimate", [
        BudgetLineInput("lecturers", 6_000_000, "Hai báo cáo viên"),
        BudgetLineInput("venue", 2_500_000),
        BudgetLineInput("materials", people=40, rate=50_000),
        BudgetLineInput("allowance", people=40, days=3, rate=150_000),
        BudgetLineInput("other", 300_000)])
    assert total == 6_000_000 + 2_500_000 + 2_000_000 + 18_000_000 + 300_000
    assert _totals(db, class_id) == (total, None)
    lines = plan_service.budget_lines(db, class_id)
    assert [line.item for line in lines] == ["lecturers", "venue", "materials", "allowance",
                                             "other"]
    assert lines[3].amount == 18_000_000 and lines[3].label.startswith("Hỗ trợ học viên")
    # Fewer lines: the others are deleted and the total follows.
    plan_service.set_budget_lines(db, class_id, "estimate", [BudgetLineInput("venue", 1_000)])
    assert _totals(db, class_id) == (1_000, None)
    assert len(budget.list_lines(db, class_id, "estimate")) == 1
    plan_service.set_budget_lines(db, class_id, "actual", [])
    assert _totals(db, class_id) == (1_000, None)


def test_bad_lines_are_refused_and_change_nothing(db: Database) -> None:
    class_id = _class(db)
    for line in (BudgetLineInput("taxi", 1_000), BudgetLineInput("other", -5),
                 BudgetLineInput("allowance", rate=100_000),
                 BudgetLineInput("allowance", 1_000, people=2, days=2, rate=100_000),
                 BudgetLineInput("other")):
        with pytest.raises(InvalidInput):
            plan_service.set_budget_lines(db, class_id, "estimate", [line])
    with pytest.raises(InvalidInput):
        plan_service.set_budget_lines(db, class_id, "spent", [])
    assert budget.list_lines(db, class_id) == [] and _totals(db, class_id) == (None, None)


def test_the_class_form_figure_is_the_only_line(db: Database) -> None:
    class_id = _class(db, planned=50_000_000, actual=45_000_000)
    lines = budget.list_lines(db, class_id)
    assert [(line.stage, line.item, line.amount) for line in lines] == [
        ("estimate", "other", 50_000_000), ("actual", "other", 45_000_000)]
    data = ClassInput(programme_id(db, "bd_co_ban"), "Lớp kinh phí", 2025,
                      budget_planned=55_000_000, budget_actual=None)
    save_class(db, data, class_id)
    assert _totals(db, class_id) == (55_000_000, None)
    assert [line.amount for line in budget.list_lines(db, class_id)] == [55_000_000]
    # With several lines the total is theirs: a different single figure is refused.
    plan_service.set_budget_lines(db, class_id, "estimate", [
        BudgetLineInput("lecturers", 1_000_000), BudgetLineInput("venue", 2_000_000)])
    data.budget_planned = 3_000_000
    save_class(db, data, class_id)  # the same total: accepted
    data.budget_planned = 4_000_000
    with pytest.raises(InvalidInput, match="sửa từng khoản"):
        save_class(db, data, class_id)
    assert _totals(db, class_id) == (3_000_000, None)


def test_older_databases_keep_their_figures_as_lines(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = migrate.available()
    ours = next(m.version for m in real if m.name == "plans")
    monkeypatch.setattr(migrate, "available", lambda: real[:ours - 1])
    db = open_database(db_path)
    stamp = "2025-01-02T03:04:05+00:00"
    # Read as the older program did: today's services expect today's layout.
    old_programme = db.conn.execute(
        "SELECT id FROM programme WHERE code = 'bd_co_ban' AND office_id = ?",
        (db.office_id,)).fetchone()[0]
    rows = [("11111111-1111-4111-8111-111111111111", 40_000_000, 38_500_000),
            ("22222222-2222-4222-8222-222222222222", 10_000_000, None),
            ("33333333-3333-4333-8333-333333333333", None, None)]
    for class_id, planned, actual in rows:
        db.conn.execute(
            "INSERT INTO training_class (id, office_id, programme_id, name, year, end_date,"
            " budget_planned, budget_actual, created_at, updated_at)"
            " VALUES (?, ?, ?, 'Lớp cũ', 2024, '2024-05-05', ?, ?, ?, ?)",
            (class_id, db.office_id, old_programme, planned, actual, stamp, stamp))
    db.close()
    monkeypatch.setattr(migrate, "available", lambda: real)
    db = open_database(db_path)
    try:
        found = db.conn.execute(
            "SELECT id, class_id, stage, item, amount, updated_at FROM class_budget_line"
            " ORDER BY class_id, stage DESC").fetchall()
        assert found == [
            ("b0111111-1111-4111-8111-111111111111", rows[0][0], "estimate", "other",
             40_000_000, stamp),
            ("a0111111-1111-4111-8111-111111111111", rows[0][0], "actual", "other",
             38_500_000, stamp),
            ("b0222222-2222-4222-8222-222222222222", rows[1][0], "estimate", "other",
             10_000_000, stamp)]
        assert _totals(db, rows[0][0]) == (40_000_000, 38_500_000)
    finally:
        db.close()
