"""A small office with known classes, results, budgets, a plan and a target of each kind,
so that every figure the targets and the report show can be checked by hand.

People (training_roster): working status chuyên trách: An (xã), Cường (root), Hoa (xã);
kiêm nhiệm: Bình (trường), Dung (thôn, below xã), Ngọc (thôn); bán chuyên trách: Giang
(công ty). Theory levels: An trung cấp, Bình cao cấp, Dung sơ cấp.

Classes (end dates):
  A  bd_co_ban      03-07/03/2025  finished  An, Cường completed; Bình not completed
  C  bd_kiem_nhiem  05-09/05/2025  finished  Dung completed; Ngọc not; Giang (outside) completed
  X  bd_co_ban      02-06/06/2025  cancelled, nobody
  B  bd_co_ban      02-06/03/2026  finished  Hoa completed
  O  bd_co_ban      01-05/06/2026  open      nobody yet (for enrolling)
Budget lines: A estimate 10.000.000 lecturers + 3 × 5 × 100.000 allowance = 11.500.000,
actual 9.000.000 + 2 × 5 × 100.000 = 10.000.000; C estimate 5.000.000 other, actual
4.000.000 other; B actual 7.000.000 venue.
Plan 2025-2026: estimates 12.000.000 (2025) and 20.000.000 (2026).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from cadre_desktop.domain.target_group import Clause, TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput
from cadre_desktop.services import enrolment
from cadre_desktop.services import plans as plan_service
from cadre_desktop.store import training
from cadre_desktop.store.budget import BudgetLineInput
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.store.enrolment import list_participants
from cadre_desktop.store.plans import PlanInput
from training_roster import Roster, build_roster, make_class, programme_id

CADRES = ("chuyen_trach", "ban_chuyen_trach", "kiem_nhiem")


@dataclass
class Office:
    roster: Roster
    classes: dict[str, str]
    plan_id: str
    targets: dict[str, str]

    def person(self, given: str) -> str:
        for name, pid in self.roster.people.items():
            if name.split()[-1] == given:
                return pid
        raise KeyError(given)


def _finish(db: Database, class_id: str, results: dict[str, str | None]) -> None:
    """Set results by person id, then mark the class finished."""
    by_person = {p.person_id: p.enrolment_id for p in list_participants(db, class_id)}
    with db.write("results") as tx:
        for pid, result in results.items():
            tx.update("enrolment", by_person[pid], {"result": result})
        training.set_class_status(tx, class_id, "finished")


def build_office(db: Database) -> Office:
    roster = build_roster(db)
    office = Office(roster, {}, "", {})
    p = office.person
    with db.write("theory") as tx:
        for given, level in (("An", "trung_cap"), ("Bình", "cao_cap"), ("Dung", "so_cap")):
            tx.update("person", p(given), {"theory_level": level})
    a = make_class(db, "bd_co_ban", "Lớp A", start=dt.date(2025, 3, 3))
    enrolment.enrol_many(db, a, [p("An"), p("Cường"), p("Bình")], reason="Cử đi học")
    _finish(db, a, {p("An"): "completed", p("Cường"): "completed", p("Bình"): "not_completed"})
    c = make_class(db, "bd_kiem_nhiem", "Lớp C", start=dt.date(2025, 5, 5))
    enrolment.enrol_many(db, c, [p("Dung"), p("Ngọc"), p("Giang")], reason="Cán bộ nguồn")
    _finish(db, c, {p("Dung"): "completed", p("Ngọc"): "not_completed",
                    p("Giang"): "completed"})
    x = make_class(db, "bd_co_ban", "Lớp X (hủy)", start=dt.date(2025, 6, 2))
    with db.write("cancel") as tx:
        training.set_class_status(tx, x, "cancelled")
    b = make_class(db, "bd_co_ban", "Lớp B", start=dt.date(2026, 3, 2))
    enrolment.enrol_many(db, b, [p("Hoa")])
    _finish(db, b, {p("Hoa"): "completed"})
    o = make_class(db, "bd_co_ban", "Lớp O", start=dt.date(2026, 6, 1), capacity=1)
    office.classes = {"A": a, "C": c, "X": x, "B": b, "O": o}
    plan_service.set_budget_lines(db, a, "estimate", [
        BudgetLineInput("lecturers", 10_000_000),
        BudgetLineInput("allowance", people=3, days=5, rate=100_000)])
    plan_service.set_budget_lines(db, a, "actual", [
        BudgetLineInput("lecturers", 9_000_000),
        BudgetLineInput("allowance", people=2, days=5, rate=100_000)])
    plan_service.set_budget_lines(db, c, "estimate", [BudgetLineInput("other", 5_000_000)])
    plan_service.set_budget_lines(db, c, "actual", [BudgetLineInput("other", 4_000_000)])
    plan_service.set_budget_lines(db, b, "actual", [BudgetLineInput("venue", 7_000_000)])
    plan = plan_service.save_plan(db, PlanInput(
        "Kế hoạch bồi dưỡng cán bộ Đoàn 2025 - 2026", dt.date(2025, 1, 1),
        dt.date(2026, 12, 31), number="12-KH/TĐTN", issuer="Ban Thường vụ Tỉnh đoàn"))
    plan_service.set_year(db, plan, 2025, 12_000_000)
    plan_service.set_year(db, plan, 2026, 20_000_000)
    office.plan_id = plan
    co_ban = programme_id(db, "bd_co_ban")
    for key, data in (
        ("coverage", TargetInput("100% cán bộ chuyên trách được bồi dưỡng", "coverage", 1.0,
                                 target_group=TargetGroup((Clause(
                                     working_status=("chuyen_trach",)),)),
                                 programmes=(co_ban,))),
        ("share", TargetInput("Cán bộ có lý luận chính trị từ trung cấp", "share", 0.5,
                              target_group=TargetGroup((Clause(working_status=CADRES),)),
                              attribute=Attribute("theory_level", "trung_cap"))),
        ("classes", TargetInput("4 lớp", "count", 4, measure="classes")),
        ("lượt", TargetInput("Hằng năm 2 lượt cán bộ kiêm nhiệm", "count", 2,
                             measure="enrolments", period="year",
                             target_group=TargetGroup((Clause(
                                 working_status=("kiem_nhiem",)),)))),
        ("completions", TargetInput("5 lượt hoàn thành", "count", 5, measure="completions")),
        ("budget", TargetInput("Không vượt dự toán năm", "budget", 1.0, at_most=True,
                               period="year")),
    ):
        office.targets[key] = plan_service.save_target(db, plan, data)
    return office


@pytest.fixture
def filled(db_path: Path) -> tuple[Path, Office]:
    """A database file holding the demo plan's office (closed)."""
    db = open_database(db_path)
    office = build_office(db)
    db.close()
    return db_path, office
