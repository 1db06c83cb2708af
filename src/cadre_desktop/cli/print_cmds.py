"""`print attendance | participants | schedule | certificates`: a class's PDF documents;
`print roster`: the people `roster search` shows (within a unit) as a Đoàn-format list;
`print rotation-evaluation | rotation-summary`: a rotation's forms; `print registration |
branch-results`: the member training programme's forms; `print target`: a plan target
with the people not yet meeting it. Every one reads the database without changing it."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from types import ModuleType
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, say
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import Database, open_database

_DOCUMENTS = {
    "attendance": "the attendance sheet (one signing column per session)",
    "participants": "the list of participants",
    "schedule": "the schedule of sessions",
    "certificates": "one certificate per participant who completed the class",
}
# Document -> (help, [(option, destination, help)]) for the forms that are not a class's.
_FORMS = {
    "rotation-evaluation": ("the evaluation form of one scheduled evaluation of a rotation",
                            [("--evaluation", "evaluation_id", "the evaluation id")]),
    "rotation-summary": ("the summary of one rotation",
                         [("--rotation", "rotation_id", "the rotation id")]),
    "registration": ("a member's training programme registration form",
                     [("--registration", "registration_id", "the registration id")]),
    "branch-results": ("a branch's training programme results for a year",
                       [("--year", "year_id", "the programme year id"),
                        ("--unit", "unit_id", "the branch's unit id")]),
    "target": ("a plan target by unit and the people not yet meeting it",
               [("--target", "target_id", "the target id")]),
}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {value} (cần YYYY-MM-DD)") from None


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    printing = commands.add_parser("print", help="print documents to PDF (A4)")
    sub = printing.add_subparsers(dest="print_command", required=True,
                                  parser_class=type(printing))
    for name, help_text in _DOCUMENTS.items():
        doc = sub.add_parser(name, parents=[common], help=help_text)
        doc.add_argument("--class", dest="class_id", required=True, help="the class id")
        doc.add_argument("-o", "--output", type=Path, required=True, help="the PDF file")
        if name != "certificates":
            doc.add_argument("--number", default=None,
                             help="the document number (blank on the page when omitted)")
        doc.add_argument("--date", type=_date, default=None,
                         help="the date of the place/date line, YYYY-MM-DD (default: today)")
        doc.set_defaults(handler=run_print, document=name)
    roster = sub.add_parser("roster", parents=[common],
                            help="the people `roster search` shows, as a list (DANH SÁCH)")
    roster.add_argument("--query", default="", help="part of a name or ID number")
    roster.add_argument("--unit", default=None,
                        help="this unit and the units below it (its name, or its path)")
    roster.add_argument("-o", "--output", type=Path, required=True, help="the PDF file")
    roster.add_argument("--number", default=None,
                        help="the document number (blank on the page when omitted)")
    roster.add_argument("--date", type=_date, default=None,
                        help="the date of the place/date line, YYYY-MM-DD (default: today)")
    roster.set_defaults(handler=run_print, document="roster")
    for name, (help_text, options) in _FORMS.items():
        doc = sub.add_parser(name, parents=[common], help=help_text)
        for option, dest, option_help in options:
            doc.add_argument(option, dest=dest, required=True, help=option_help)
        doc.add_argument("-o", "--output", type=Path, required=True, help="the PDF file")
        if name in ("rotation-summary", "branch-results", "target"):
            doc.add_argument("--date", type=_date, default=None,
                             help="the date of the place/date line, YYYY-MM-DD "
                                  "(default: today); for a target also the day counted to")
        doc.set_defaults(handler=run_print, document=name)


def _print_form(printing: ModuleType, db: Database, args: argparse.Namespace, out: Path) -> int:
    if args.document == "rotation-evaluation":
        return int(printing.print_rotation_evaluation(db, args.evaluation_id, out))
    if args.document == "rotation-summary":
        return int(printing.print_rotation_summary(db, args.rotation_id, out, on=args.date))
    if args.document == "target":
        from cadre_desktop.printing.target_list import print_target
        from cadre_desktop.services.targets import refuse_problems, target_detail

        figures = target_detail(db, args.target_id, args.date)
        refuse_problems([figures])
        return print_target(db, figures, out, on=args.date)
    if args.document == "registration":
        return int(printing.print_member_registration(db, args.registration_id, out))
    return int(printing.print_branch_results(db, args.year_id, args.unit_id, out,
                                             on=args.date))


def run_print(args: argparse.Namespace) -> int:
    from cadre_desktop import printing

    out: Path = args.output
    if out.suffix.lower() != ".pdf":
        raise UserError("Tệp in phải có đuôi .pdf")
    if not out.parent.resolve().is_dir():
        raise UserError(f"Không có thư mục {out.parent}")
    db = open_database(args.db, read_only=True)
    try:
        if args.document in _FORMS:
            pages = _print_form(printing, db, args, out)
        elif args.document == "roster":
            from cadre_desktop.services.roster_selection import selection_for

            pages = printing.print_roster(db, out, selection_for(db, args.query, args.unit),
                                          number=args.number, on=args.date)
        elif args.document == "attendance":
            pages = printing.print_attendance(db, args.class_id, out, number=args.number,
                                              on=args.date)
        elif args.document == "participants":
            pages = printing.print_participants(db, args.class_id, out, number=args.number,
                                                on=args.date)
        elif args.document == "schedule":
            pages = printing.print_schedule(db, args.class_id, out, number=args.number,
                                            on=args.date)
        else:
            pages = printing.print_certificates(db, args.class_id, out, on=args.date)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {out}: {exc.strerror or exc}") from exc
    finally:
        db.close()
    say(f"Đã in {pages} trang vào {out}")
    return EXIT_OK
