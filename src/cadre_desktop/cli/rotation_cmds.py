"""`rotation list | check` and `evaluation due` (read-only)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, print_json, say
from cadre_desktop.domain.dates import format_date, format_iso
from cadre_desktop.domain.rotation_plan import STATUS_LABELS
from cadre_desktop.store.db import open_database

_RESULT_WORDS = {"pass": "Đạt", "fail": "Không đạt", "unknown": "Thiếu dữ liệu"}

# What `evaluation due` lists, in words (the JSON keeps the codes).
_KIND_WORDS = {"rotation_6m": "Đánh giá định kỳ cán bộ đi cơ sở",
               "rotation_final": "Đánh giá kết thúc đợt đi cơ sở",
               "member_self_evaluation": "Đoàn viên tự đánh giá rèn luyện"}


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' không phải ngày dạng YYYY-MM-DD") from None


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    rotation = commands.add_parser("rotation", help="sending cadres to a grassroots unit")
    sub = rotation.add_subparsers(dest="rotation_command", required=True,
                                  parser_class=type(rotation))
    listing = sub.add_parser("list", parents=[common], help="every rotation by start date")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    check = sub.add_parser("check", parents=[common],
                           help="whether a person may be sent, rule by rule")
    check.add_argument("--person", required=True, help="the person's id (Mã)")
    check.add_argument("--start", required=True, type=iso_date,
                       help="planned start date, YYYY-MM-DD")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=run_check)

    evaluation = commands.add_parser("evaluation", help="evaluations due")
    esub = evaluation.add_subparsers(dest="evaluation_command", required=True,
                                     parser_class=type(evaluation))
    due = esub.add_parser("due", parents=[common],
                          help="evaluations overdue or due soon, not yet done")
    due.add_argument("--on", type=iso_date, default=None,
                     help="the day to count from, YYYY-MM-DD (default: today)")
    due.add_argument("--within", type=int, default=None,
                     help="also list what falls due within this many days "
                          "(default: the rotation rules' setting, 30)")
    due.add_argument("--json", action="store_true")
    due.set_defaults(handler=run_due)


def run_list(args: argparse.Namespace) -> int:
    from cadre_desktop.services.rotation_followup import rotation_rows

    db = open_database(args.db, read_only=True)
    try:
        rows = rotation_rows(db)
    finally:
        db.close()
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            dates = f"{format_iso(row['start'])} – {format_iso(row['end'])}"
            status = STATUS_LABELS.get(row["status"], row["status"])
            say(f"{row['full_name']:<28} {row['host_unit']:<30} {dates}  {status}")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from cadre_desktop.services.rotation import check_person

    db = open_database(args.db, read_only=True)
    try:
        result = check_person(db, args.person, args.start)
    finally:
        db.close()
    if args.json:
        print_json({"eligible": result.eligible, "group": result.group_code,
                    "rules": [r.to_json() for r in result.results]})
    else:
        verdict = "Đủ điều kiện" if result.eligible else "Chưa đủ điều kiện"
        say(f"{verdict} cử đi cơ sở từ ngày {format_date(args.start)}")
        for r in result.results:
            say(f"  [{_RESULT_WORDS.get(r.result, r.result)}] {r.title or r.rule}: {r.detail}")
    return EXIT_OK


def run_due(args: argparse.Namespace) -> int:
    from cadre_desktop.services.rotation_followup import due_items

    db = open_database(args.db, read_only=True)
    try:
        items = due_items(db, args.on, args.within)
    finally:
        db.close()
    if args.json:
        print_json([i.to_json() for i in items])
    else:
        for item in items:
            late = " (quá hạn)" if item.overdue else ""
            kind = _KIND_WORDS.get(item.kind, item.kind)
            say(f"{format_date(item.due)}{late}  {item.full_name:<28} {kind}")
    return EXIT_OK
