"""`demo`: a realistic demo office, the same for the same seed and the same day."""

from __future__ import annotations

import argparse
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, say
from cadre_desktop.cli.rotation_cmds import iso_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common],
                               help="fill an empty database with demo data")
    demo.add_argument("--members", type=int, default=3000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                      help="make the demo as it would be on this day (default: today)")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from cadre_desktop.demo import generate_demo

    if args.members < 1:
        raise UserError("--members phải lớn hơn 0")
    db = open_database(args.db, create=True)
    try:
        summary = generate_demo(db, members=args.members, seed=args.seed, today=args.today)
    finally:
        db.close()
    say(f"Đã tạo dữ liệu mẫu: {summary}")
    return EXIT_OK
