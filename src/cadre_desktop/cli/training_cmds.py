"""`class list | show | export-attendance | import-attendance`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, EXIT_REFUSED, print_json, refuse_rejected, say
from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    cls = commands.add_parser("class", help="training classes")
    sub = cls.add_subparsers(dest="class_command", required=True, parser_class=type(cls))

    listing = sub.add_parser("list", parents=[common], help="list the classes")
    listing.add_argument("--year", type=int, default=None)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    show = sub.add_parser("show", parents=[common],
                          help="a class with its sessions and participants")
    show.add_argument("class_id", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    exp = sub.add_parser("export-attendance", parents=[common],
                         help="write the attendance spreadsheet of a class (.xlsx)")
    exp.add_argument("class_id", metavar="ID")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.set_defaults(handler=run_export_attendance)

    imp = sub.add_parser("import-attendance", parents=[common],
                         help="read a filled attendance spreadsheet back")
    imp.add_argument("class_id", metavar="ID")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="write the valid rows even when some are rejected")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import_attendance)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def run_list(args: argparse.Namespace) -> int:
    from cadre_desktop.domain.class_status import LABELS
    from cadre_desktop.services import training

    db = open_database(args.db, read_only=True)
    try:
        classes = training.list_classes(db, year=args.year)
    finally:
        db.close()
    rows = [
        {"id": c.id, "name": c.name, "program": c.programme_name, "start": _iso(c.start_date),
         "end": _iso(c.end_date), "enrolled": c.enrolled, "program_id": c.programme_id,
         "year": c.year, "status": c.state, "status_label": LABELS.get(c.state, c.state),
         "recorded_status": c.status, "mode": c.mode, "capacity": c.capacity,
         "waiting": c.waiting, "sessions": c.sessions}
        for c in classes
    ]
    if args.json:
        print_json(rows)
    else:
        for c in classes:
            say(f"{format_date(c.start_date):<10} {c.name:<50} {c.enrolled:>4} học viên"
                f"  {LABELS.get(c.state, c.state)}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from cadre_desktop.domain.class_status import LABELS
    from cadre_desktop.services.training import class_detail
    from cadre_desktop.store.enrolment import ENROLMENT_STATUSES

    db = open_database(args.db, read_only=True)
    try:
        detail = class_detail(db, args.class_id)
    finally:
        db.close()
    c = detail.training_class
    document = {
        "id": c.id, "name": c.name, "program": c.programme_name, "program_id": c.programme_id,
        "year": c.year, "organiser": c.organiser, "venue": c.venue, "mode": c.mode,
        "link": c.link, "start": _iso(c.start_date), "end": _iso(c.end_date),
        "capacity": c.capacity, "budget_planned": c.budget_planned,
        "budget_actual": c.budget_actual, "status": c.state,
        "status_label": LABELS.get(c.state, c.state), "recorded_status": c.status,
        "enrolled": c.enrolled,
        "waiting": c.waiting,
        "sessions": [
            {"id": s.id, "date": s.date.isoformat(), "start_time": s.start_time,
             "end_time": s.end_time, "topic": s.topic, "lecturer": s.lecturer_name,
             "room": s.room}
            for s in detail.sessions
        ],
        "participants": [
            {"person_id": p.person_id, "full_name": p.full_name, "status": p.status,
             "enrolment_id": p.enrolment_id, "short_code": p.short_code,
             "unit": p.unit, "result": p.result, "test_score": p.test_score,
             "certificate_no": p.certificate_no}
            for p in detail.participants
        ],
    }
    if args.json:
        print_json(document)
    else:
        say(f"{c.name} ({c.programme_name}), {len(detail.sessions)} buổi, "
            f"{c.enrolled} học viên, {LABELS.get(c.state, c.state).lower()}")
        for p in detail.participants:
            say(f"{p.short_code} {p.full_name:<30} {ENROLMENT_STATUSES.get(p.status, p.status)}")
    return EXIT_OK


def run_export_attendance(args: argparse.Namespace) -> int:
    from cadre_desktop.exporting.attendance_sheet import export_attendance_sheet

    if args.output.suffix.lower() != ".xlsx":
        raise UserError("Tệp điểm danh phải có đuôi .xlsx")
    db = open_database(args.db, read_only=True)
    try:
        count = export_attendance_sheet(db, args.class_id, args.output)
    finally:
        db.close()
    say(f"Đã xuất bảng điểm danh {count} học viên vào {args.output}")
    return EXIT_OK


def run_import_attendance(args: argparse.Namespace) -> int:
    from cadre_desktop.importing.attendance_sheet import import_attendance_sheet

    if not args.file.is_file():
        raise UserError(f"Không tìm thấy tệp: {args.file}")
    db = open_database(args.db, read_only=args.dry_run)
    try:
        report = import_attendance_sheet(db, args.class_id, args.file, dry_run=args.dry_run,
                                         skip_invalid=args.skip_invalid)
    finally:
        db.close()
    if args.json:
        print_json(report.to_json())
    if refuse_rejected(report.rejected, args.skip_invalid):
        return EXIT_REFUSED
    verb = "Sẽ ghi" if args.dry_run else "Đã ghi"
    say(f"{verb} {report.changed} ô điểm danh.")
    return EXIT_OK
