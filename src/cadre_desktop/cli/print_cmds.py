"""`print attendance | participants | schedule | certificates`: a class's PDF documents."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from cadre_desktop.cli.main import EXIT_OK, say
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database

_DOCUMENTS = {
    "attendance": "the attendance sheet (one signing column per session)",
    "participants": "the list of participants",
    "schedule": "the schedule of sessions",
    "certificates": "one certificate per participant who completed the class",
}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {value} (cần YYYY-MM-DD)") from None


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    printing = commands.add_parser("print", help="print a class's documents to PDF")
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


def run_print(args: argparse.Namespace) -> int:
    from cadre_desktop import printing

    out: Path = args.output
    if out.suffix.lower() != ".pdf":
        raise UserError("Tệp in phải có đuôi .pdf")
    if not out.parent.resolve().is_dir():
        raise UserError(f"Không có thư mục {out.parent}")
    db = open_database(args.db, read_only=True)
    try:
        if args.document == "attendance":
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
