"""`plan add | year`, `target add | remove`: a clerk's plan, its yearly plans and targets
from the command line, through the same services (and checks) as the Targets page.

Values are read as text and checked by the services, so a wrong one (a date, an amount,
a goal, a kind) is a refusal with a Vietnamese message (exit 1) and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, print_json, say
from cadre_desktop.domain.dates import parse_full
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.money import parse_vnd
from cadre_desktop.domain.target_group import Clause, TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput
from cadre_desktop.store.db import open_database

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.440: a whole number, grouped


def register(plan_sub: Any, target_sub: Any, common: argparse.ArgumentParser) -> None:
    add = plan_sub.add_parser("add", parents=[common], help="add a plan (kế hoạch)")
    add.add_argument("--name", required=True)
    add.add_argument("--start", required=True, help="first day YYYY-MM-DD (or dd/mm/yyyy)")
    add.add_argument("--end", required=True, help="last day YYYY-MM-DD (or dd/mm/yyyy)")
    add.add_argument("--number", default="", help="the plan's number, e.g. 15-KH/ĐTN")
    add.add_argument("--issuer", default="", help="who issued it")
    add.add_argument("--note", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_plan_add)
    year = plan_sub.add_parser("year", parents=[common],
                               help="set a yearly plan (kế hoạch năm) of a plan")
    year.add_argument("plan_id", metavar="ID")
    year.add_argument("--year", required=True)
    year.add_argument("--estimate", default="",
                      help="the year's budget estimate in đồng (none when left out)")
    year.add_argument("--note", default="")
    year.add_argument("--json", action="store_true")
    year.set_defaults(handler=run_plan_year)

    tadd = target_sub.add_parser("add", parents=[common], help="add a target to a plan")
    tadd.add_argument("--plan", required=True, help="the plan's id")
    tadd.add_argument("--name", required=True)
    tadd.add_argument("--kind", required=True, help="coverage | share | count | budget")
    tadd.add_argument("--goal", required=True,
                      help="90%% or 0.9 (coverage, share, budget), a number (count)")
    tadd.add_argument("--at-most", action="store_true",
                      help="met when the value is at most the goal (a budget ceiling)")
    tadd.add_argument("--measure", default="",
                      help="count: classes | enrolments | completions")
    tadd.add_argument("--period", default="plan", help="plan (the whole period) | year")
    tadd.add_argument("--from", dest="start", default="", help="the target's own first day")
    tadd.add_argument("--to", dest="end", default="", help="the target's own last day")
    tadd.add_argument("--program", dest="programs", action="append", default=[],
                      help="a programme's id or code (repeatable)")
    tadd.add_argument("--group", default="",
                      help='the target group as JSON, e.g. [{"planned": ["bi_thu"]}]')
    for option, helped in (("--position", "current position (code or name)"),
                           ("--unit-level", "... at a unit of this level"),
                           ("--working-status", "working status (code or name)"),
                           ("--planned", "planned (quy hoạch) for this position")):
        tadd.add_argument(option, action="append", default=[],
                          help=f"one condition of the target group: {helped} (repeatable)")
    tadd.add_argument("--attribute", default="",
                      help="share: theory_level | education | party_status | working_status")
    tadd.add_argument("--at-least", default="", help="share: the lowest level that counts")
    tadd.add_argument("--code", dest="codes", action="append", default=[],
                      help="share: a value that counts (repeatable)")
    tadd.add_argument("--json", action="store_true")
    tadd.set_defaults(handler=run_target_add)
    remove = target_sub.add_parser("remove", parents=[common],
                                   help="remove a target (the Targets page can undo it)")
    remove.add_argument("target_id", metavar="ID")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=run_target_remove)


def _day(value: str, field: str, what: str) -> dt.date | None:
    try:
        return parse_full(value.strip() or None)
    except InvalidInput as exc:
        raise InvalidInput(f"{what}: {exc.message}", field) from exc


def _needed_day(value: str, field: str, what: str) -> dt.date:
    day = _day(value, field, what)
    if day is None:
        raise InvalidInput(f"Cần {what.lower()}", field)
    return day


def parse_goal(raw: str, kind: str) -> float:
    """'90%' -> 0.9; '0,9' or '0.9' -> 0.9; for a count '1.440' -> 1440."""
    value = raw.strip().replace(" ", "")
    try:
        if value.endswith("%"):
            return float(value[:-1].replace(",", ".")) / 100
        if kind == "count" and _GROUPED.match(value):
            return float(value.replace(".", ""))
        return float(value.replace(",", "."))
    except ValueError:
        raise InvalidInput(f"Chỉ tiêu '{raw}' không phải là số (ví dụ 90% hoặc 16)",
                           "goal") from None


def run_plan_add(args: argparse.Namespace) -> int:
    from cadre_desktop.services import plans
    from cadre_desktop.services.plans import PlanInput
    from cadre_desktop.store.target_figures import office_names

    data = PlanInput(args.name, _needed_day(args.start, "start", "Ngày bắt đầu"),
                     _needed_day(args.end, "end", "Ngày kết thúc"), args.number, args.issuer,
                     args.note)
    db = open_database(args.db)
    try:
        plan_id = plans.save_plan(db, data)
        plan = next(p for p in plans.list_plans(db) if p.id == plan_id)
        office = office_names(db).get(plan.office_id, ("", ""))[0]
    finally:
        db.close()
    if args.json:
        print_json({"id": plan.id, "number": plan.number, "name": plan.name,
                    "start": plan.start.isoformat(), "end": plan.end.isoformat(),
                    "targets": plan.targets, "issuer": plan.issuer,
                    "office": office, "note": plan.note})
    say(f"Đã thêm kế hoạch {plan.name} ({plan.period}), mã {plan.id}")
    return EXIT_OK


def run_plan_year(args: argparse.Namespace) -> int:
    from cadre_desktop.services import plans

    try:
        year = int(args.year.strip())
    except ValueError:
        raise InvalidInput(f"Năm '{args.year}' không phải là số năm (ví dụ 2025)",
                           "year") from None
    estimate = parse_vnd(args.estimate, "budget_estimate")
    db = open_database(args.db)
    try:
        year_id = plans.set_year(db, args.plan_id, year, estimate, args.note)
        saved = next(y for y in plans.years(db, args.plan_id) if y.id == year_id)
    finally:
        db.close()
    if args.json:
        print_json({"id": saved.id, "plan_id": saved.plan_id, "year": saved.year,
                    "budget_estimate": saved.budget_estimate, "note": saved.note})
    amount = "chưa có dự toán" if estimate is None else f"dự toán {args.estimate.strip()}"
    say(f"Đã ghi kế hoạch năm {year} ({amount})")
    return EXIT_OK


def _group(args: argparse.Namespace, db: Any) -> TargetGroup:
    from cadre_desktop.services.plan_checks import resolve_codes

    parts = (args.position, args.unit_level, args.working_status, args.planned)
    if args.group.strip():
        if any(parts):
            raise InvalidInput("Dùng --group hoặc các điều kiện --position, --unit-level, "
                               "--working-status, --planned, không dùng cả hai",
                               "target_group")
        return TargetGroup.from_json(args.group)
    if not any(parts):
        return TargetGroup()
    return TargetGroup((Clause(
        resolve_codes(db, "position", args.position), tuple(args.unit_level),
        resolve_codes(db, "working_status", args.working_status),
        resolve_codes(db, "position", args.planned)),))


def _programmes(db: Any, refs: list[str]) -> tuple[str, ...]:
    """Programme ids from ids or codes (an unknown one is left for the service to refuse)."""
    from cadre_desktop.services.training import list_programmes

    by_code = {p.code: p.id for p in list_programmes(db)}
    return tuple(by_code.get(ref.strip(), ref.strip()) for ref in refs)


def run_target_add(args: argparse.Namespace) -> int:
    from cadre_desktop.services import plans

    kind = args.kind.strip()
    goal = parse_goal(args.goal, kind)
    start = _day(args.start, "start_date", "Ngày bắt đầu của chỉ tiêu")
    end = _day(args.end, "end_date", "Ngày kết thúc của chỉ tiêu")
    db = open_database(args.db)
    try:
        attribute = Attribute(args.attribute.strip(), args.at_least.strip(),
                              tuple(c.strip() for c in args.codes))
        data = TargetInput(args.name, kind, goal, args.at_most, _group(args, db),
                           _programmes(db, args.programs), attribute, args.measure.strip(),
                           args.period.strip(), start, end)
        target = plans.get_target(db, plans.add_target(db, args.plan, data))
    finally:
        db.close()
    if args.json:
        count = target.kind == "count"
        print_json({
            "id": target.id, "plan_id": target.plan_id, "name": target.name,
            "kind": target.kind, "goal": int(target.goal) if count else target.goal,
            "at_most": target.at_most, "period": target.period,
            "measure": target.measure or None, "programs": list(target.programmes),
            "target_group": json.loads(target.target_group.to_json()),
            "attribute": json.loads(target.attribute.to_json()),
            "from": target.start.isoformat() if target.start else None,
            "to": target.end.isoformat() if target.end else None})
    say(f"Đã thêm chỉ tiêu {target.name}, mã {target.id}")
    return EXIT_OK


def run_target_remove(args: argparse.Namespace) -> int:
    from cadre_desktop.services import plans

    db = open_database(args.db)
    try:
        target = plans.get_target(db, args.target_id)
        plans.delete_target(db, target.id)
    finally:
        db.close()
    if args.json:
        print_json({"id": target.id, "plan_id": target.plan_id, "name": target.name,
                    "removed": True})
    say(f"Đã xóa chỉ tiêu {target.name} (khôi phục được bằng Hoàn tác trong cửa sổ chương trình)")
    return EXIT_OK
