"""`roster search | import | export`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, EXIT_REFUSED, print_json, refuse_rejected, say
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    roster = commands.add_parser("roster", help="members and cadres")
    sub = roster.add_subparsers(dest="roster_command", required=True,
                                parser_class=type(roster))

    search = sub.add_parser("search", parents=[common], help="find people by name or ID number")
    search.add_argument("query", help="part of a name or ID number ('' lists everyone)")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=run_search)

    imp = sub.add_parser("import", parents=[common], help="import an .xlsx or .csv list")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows even when some are rejected")
    imp.add_argument("--match", choices=["code", "id-number"], default="code",
                     help="id-number: a row whose Số CCCD belongs to a person updates them")
    imp.add_argument("--rejected-out", type=Path, default=None, metavar="FILE.xlsx",
                     help="save the rejected rows, with the reason, to this .xlsx file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)

    exp = sub.add_parser("export", parents=[common], help="write the roster file")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--query", default=None,
                     help="only the people `roster search QUERY` finds, in its order")
    exp.add_argument("--unit", default=None,
                     help="only the people of this unit and the units below it (its name, "
                          "or its path 'Đoàn phường X / Chi đoàn Y' when names repeat)")
    exp.set_defaults(handler=run_export)


def run_search(args: argparse.Namespace) -> int:
    from cadre_desktop.services import roster

    if args.limit < 0:
        raise UserError("--limit phải là số không âm")
    db = open_database(args.db, read_only=True)
    try:
        rows = roster.search(db, args.query, args.limit)
    finally:
        db.close()
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            birth = PartialDate.from_iso(row["birth_date"]).display() if row["birth_date"] else ""
            say(f"{row['full_name']:<30} {birth:<10} {row['unit'] or ''}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from cadre_desktop.importing.rejected_out import write_rejected
    from cadre_desktop.importing.roster_import import import_roster
    from cadre_desktop.store import files

    if args.file.is_dir():
        raise UserError(f"{args.file} là một thư mục, không phải tệp danh sách: hãy chọn "
                        "tệp .xlsx, .xls hoặc .csv")
    if not args.file.is_file():
        raise UserError(f"Không tìm thấy tệp: {args.file}")
    out = args.rejected_out
    if out is not None:
        if out.suffix.lower() != ".xlsx":
            raise UserError("Tệp các dòng bị từ chối (--rejected-out) phải có đuôi .xlsx")
        if out.resolve() == args.file.resolve():
            raise UserError("--rejected-out không được trùng với tệp đang nhập")
        # Before the import commits: afterwards a refusal could no longer keep the data
        # as it was.
        files.check_writable(out)
    new_file = not args.db.exists()
    db = open_database(args.db, create=True)
    written = False
    try:
        report = import_roster(db, args.file, dry_run=args.dry_run,
                               skip_invalid=args.skip_invalid, match=args.match,
                               keep_rejected=out is not None)
        written = report.written
    finally:
        db.close()
        if new_file and not written:
            _remove_new_database(args.db)  # a check or a refusal leaves no office behind
    not_saved: files.NotWritten | None = None
    if out is not None and report.rejected:
        try:
            write_rejected(report, out)
        except files.NotWritten as exc:
            if not report.written:
                raise  # nothing was imported: the refusal's words are true
            not_saved = exc
    if args.json:
        print_json(report.to_json())
    for unit in report.new_units:
        near = f" (gần giống: {', '.join(unit.similar_to)})" if unit.similar_to else ""
        say(f"Đơn vị mới: {unit.name}{near}")
    refused = refuse_rejected(report.rejected, args.skip_invalid)
    if out is not None and report.rejected and not_saved is None:
        say(f"Đã lưu {len(report.rejected)} dòng bị từ chối (kèm lý do) vào {out}")
    if refused:
        return EXIT_REFUSED
    verb = "Sẽ nhập" if args.dry_run else "Đã nhập"
    say(f"{verb} {report.imported} người mới, cập nhật {report.updated} người"
        f" ({report.unchanged} người không thay đổi).")
    if not_saved is not None:
        say(f"Nhưng không lưu được {len(report.rejected)} dòng bị từ chối vào {out}: "
            f"{not_saved.reason}. Các dòng đã nhập vẫn được giữ (đừng nhập lại cả tệp); "
            "các dòng bị từ chối được liệt kê ở trên.")
        return EXIT_REFUSED
    return EXIT_OK


def _remove_new_database(path: Path) -> None:
    import contextlib

    for leftover in (path, *(path.with_name(path.name + end)
                             for end in ("-wal", "-shm", "-journal", ".lock"))):
        with contextlib.suppress(OSError):
            leftover.unlink()


def run_export(args: argparse.Namespace) -> int:
    from cadre_desktop.exporting.roster_export import export_roster
    from cadre_desktop.services.roster_selection import selection_for

    if args.output.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError("Tệp xuất phải có đuôi .xlsx hoặc .csv")
    db = open_database(args.db, read_only=True)
    try:
        selection = (selection_for(db, args.query or "", args.unit)
                     if args.query is not None or args.unit is not None else None)
        count = export_roster(db, args.output, selection=selection)
    finally:
        db.close()
    say(f"Đã xuất {count} người vào {args.output}")
    return EXIT_OK
