"""`plan list | show`, `target list | show | enrol | export`: plans and how far the office
is from their targets. Reading commands open the database read-only. Adding plans, years
and targets: cli.plan_edit_cmds."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cadre_desktop.cli import plan_edit_cmds
from cadre_desktop.cli.output import EXIT_OK, print_json, say
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database

if TYPE_CHECKING:
    from cadre_desktop.services.targets import TargetFigures


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {value} (cần YYYY-MM-DD)") from None


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    plan = commands.add_parser("plan", help="plans (kế hoạch) with their yearly plans")
    sub = plan.add_subparsers(dest="plan_command", required=True, parser_class=type(plan))
    listing = sub.add_parser("list", parents=[common], help="list the plans")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_plan_list)
    show = sub.add_parser("show", parents=[common],
                          help="a plan with its years' budget against the estimates")
    show.add_argument("plan_id", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_plan_show)

    target = commands.add_parser("target", help="the plans' targets (chỉ tiêu)")
    tsub = target.add_subparsers(dest="target_command", required=True,
                                 parser_class=type(target))
    tlist = tsub.add_parser("list", parents=[common], help="every target with its figures")
    tlist.add_argument("--plan", default=None, help="only this plan's targets")
    tlist.add_argument("--on", type=iso_date, default=None,
                       help="the reporting date YYYY-MM-DD (default: today)")
    tlist.add_argument("--office", default=None,
                       help="count only this office's people and classes (its code)")
    tlist.add_argument("--json", action="store_true")
    tlist.set_defaults(handler=run_target_list)
    tshow = tsub.add_parser("show", parents=[common],
                            help="one target by unit, with the people it counts")
    tshow.add_argument("target_id", metavar="ID")
    tshow.add_argument("--on", type=iso_date, default=None)
    tshow.add_argument("--office", default=None)
    tshow.add_argument("--json", action="store_true")
    tshow.set_defaults(handler=run_target_show)
    enrol = tsub.add_parser("enrol", parents=[common],
                            help="enrol the people not yet meeting a target into a class")
    enrol.add_argument("target_id", metavar="ID")
    enrol.add_argument("--class", dest="class_id", required=True, help="the class id")
    enrol.add_argument("--person", dest="person_ids", action="append", default=None,
                       help="only this person (repeatable; default: everyone not yet met)")
    enrol.add_argument("--reason", default="",
                       help="why people outside the programme's target group are sent")
    enrol.add_argument("--on", type=iso_date, default=None)
    enrol.add_argument("--json", action="store_true")
    enrol.set_defaults(handler=run_target_enrol)
    export = tsub.add_parser("export", parents=[common],
                             help="the target by unit and the people not yet met (.xlsx)")
    export.add_argument("target_id", metavar="ID")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--on", type=iso_date, default=None)
    export.add_argument("--office", default=None)
    export.set_defaults(handler=run_target_export)
    plan_edit_cmds.register(sub, tsub, common)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def run_plan_list(args: argparse.Namespace) -> int:
    from cadre_desktop.services.plans import list_plans
    from cadre_desktop.store.target_figures import office_names

    db = open_database(args.db, read_only=True)
    try:
        found = list_plans(db)
        offices = office_names(db)
    finally:
        db.close()
    rows = [{"id": p.id, "number": p.number, "name": p.name, "start": p.start.isoformat(),
             "end": p.end.isoformat(), "targets": p.targets, "issuer": p.issuer,
             "office": offices.get(p.office_id, ("", ""))[0]} for p in found]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            say(f"{row['start']} – {row['end']}  {row['number']:<12} {row['name']} "
                f"({row['targets']} chỉ tiêu)")
    return EXIT_OK


def run_plan_show(args: argparse.Namespace) -> int:
    from cadre_desktop.services.plans import plan_overview

    db = open_database(args.db, read_only=True)
    try:
        overview = plan_overview(db, args.plan_id)
    finally:
        db.close()
    p = overview.plan
    document: dict[str, Any] = {
        "id": p.id, "number": p.number, "name": p.name, "issuer": p.issuer,
        "start": p.start.isoformat(), "end": p.end.isoformat(), "targets": p.targets,
        "note": p.note, "budget_estimate": overview.estimate, "budget_actual": overview.actual,
        "years": [{"year": y.year, "budget_estimate": y.estimate, "budget_planned": y.planned,
                   "budget_actual": y.actual, "classes": y.classes, "note": y.note}
                  for y in overview.years]}
    if args.json:
        print_json(document)
    else:
        say(f"{p.name} ({p.period})")
        for y in document["years"]:
            say(f"  {y['year']}: dự toán {y['budget_estimate'] or '—'}, "
                f"đã chi {y['budget_actual']} đồng, {y['classes']} lớp")
    return EXIT_OK


def target_entry(f: TargetFigures, offices: bool) -> dict[str, Any]:
    """The contract's keys for one target (services.targets.TargetFigures)."""
    count = f.kind == "count"
    entry: dict[str, Any] = {
        "id": f.id, "plan_id": f.plan.id, "name": f.name, "kind": f.kind,
        "goal": int(f.goal) if count else f.goal, "numerator": f.numerator,
        "denominator": f.denominator,
        "value": f.numerator if count else f.value, "met": f.met,
        "at_most": f.target.at_most, "period": f.target.period}
    if count:
        entry["measure"] = f.target.measure
    if offices:
        entry["by_office"] = [{"office": o.office, "name": o.name, "numerator": o.numerator,
                               "denominator": o.denominator} for o in f.by_office]
    return entry


def run_target_list(args: argparse.Namespace) -> int:
    from cadre_desktop.services import targets

    db = open_database(args.db, read_only=True)
    try:
        found = targets.list_figures(db, args.plan, args.on, args.office)
        targets.refuse_problems(found)
        offices = targets.holds_many_offices(db)
    finally:
        db.close()
    if args.json:
        print_json([target_entry(f, offices) for f in found])
    else:
        for f in found:
            mark = "Đạt" if f.met else "Chưa đạt"
            say(f"{f.value_text:>24} / {f.goal_text:<20} {mark:<9} {f.name}")
    return EXIT_OK


def run_target_show(args: argparse.Namespace) -> int:
    from cadre_desktop.services import targets

    db = open_database(args.db, read_only=True)
    try:
        f = targets.target_detail(db, args.target_id, args.on, args.office)
        targets.refuse_problems([f])
        offices = targets.holds_many_offices(db)
    finally:
        db.close()
    document = target_entry(f, offices)
    document.update({
        "from": f.start.isoformat(), "to": f.end.isoformat(),
        "programs": list(f.target.programmes),
        "by_unit": [{"unit": u.unit, "unit_id": u.unit_id, "numerator": u.numerator,
                     "denominator": u.denominator} for u in f.by_unit]})
    if f.classes is not None:
        document["classes"] = [
            {"class_id": c.class_id, "name": c.name, "end": c.end.isoformat(),
             "enrolments": c.enrolments, "completions": c.completions,
             "budget_planned": c.planned, "budget_actual": c.actual} for c in f.classes]
    if f.people is not None:
        document["people"] = [{"person_id": p.person_id, "full_name": p.full_name,
                               "unit": p.unit, "met": p.met} for p in f.people]
    if args.json:
        print_json(document)
    else:
        say(f"{f.name}: {f.value_text} (chỉ tiêu {f.goal_text}), "
            f"{'đạt' if f.met else 'chưa đạt'}")
        for u in f.by_unit:
            say(f"  {u.unit}: {u.numerator}" + (f"/{u.denominator}" if u.denominator else ""))
    return EXIT_OK


def run_target_enrol(args: argparse.Namespace) -> int:
    from cadre_desktop.services.target_enrol import enrol_unmet

    db = open_database(args.db)
    try:
        result = enrol_unmet(db, args.target_id, args.class_id, args.person_ids, args.reason,
                             args.on)
    finally:
        db.close()
    document = {
        "class_id": result.class_id,
        "enrolled": [{"person_id": p.person_id, "full_name": p.full_name}
                     for p in result.enrolled],
        "waiting": [{"person_id": p.person_id, "full_name": p.full_name}
                    for p in result.waiting],
        "refused": [{"person_id": r.person_id, "full_name": r.full_name, "reason": r.reason}
                    for r in result.refused]}
    if args.json:
        print_json(document)
    for r in result.refused:
        say(f"Không ghi danh {r.full_name or r.person_id}: {r.reason}")
    say(f"Đã ghi danh {len(result.enrolled)} người, {len(result.waiting)} người vào danh sách "
        f"chờ, {len(result.refused)} người không ghi danh được.")
    return EXIT_OK


def run_target_export(args: argparse.Namespace) -> int:
    from cadre_desktop.exporting.report_xlsx import export_target
    from cadre_desktop.services import targets

    out: Path = args.output
    if out.suffix.lower() != ".xlsx":
        raise UserError("Tệp xuất phải có đuôi .xlsx")
    db = open_database(args.db, read_only=True)
    try:
        f = targets.target_detail(db, args.target_id, args.on, args.office)
        targets.refuse_problems([f])
        unmet = export_target(db, f, out)
    finally:
        db.close()
    say(f"Đã ghi {out} ({unmet} người chưa đạt)")
    return EXIT_OK
