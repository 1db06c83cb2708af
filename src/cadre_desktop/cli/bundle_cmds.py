"""`bundle export | import | import-all | receipt import | receipt export | history | alerts`.

`bundle export -o FILE [--full] [--to OFFICE_CODE] --json` prints {"kind": "delta" |
"full" | "issued", "sequence", "base_sequence", "rows", "bytes"} (plus file, bundle_id,
size, recipient, tables): a delta when the parent acknowledged an earlier bundle with a
receipt, a full snapshot otherwise or with --full; --to makes the bundle of issued lists
for that child office.

`bundle import FILE --json` prints {"office", "sequence", "kind", "status": "imported" |
"already-imported" | "dry-run", "tables": {TABLE: {"inserted", "updated", "deleted",
"unchanged"}}, "warnings": [...]} (plus office_id, office_name, base_sequence, bundle_id,
created, needs_confirmation). A refused bundle (a delta whose base is not here included)
exits 1, changes nothing, and with --json prints {"status": "refused", "error": "..."}.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cadre_desktop.cli.office_cmds import read_passphrase
from cadre_desktop.cli.output import EXIT_OK, EXIT_REFUSED, print_json, say
from cadre_desktop.domain.dates import format_iso
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.wording import format_count, format_size
from cadre_desktop.store.db import open_database


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser("bundle", help="signed bundles between offices")
    sub = bundle.add_subparsers(dest="bundle_command", required=True, parser_class=type(bundle))

    exp = sub.add_parser("export", parents=[common], help="this office's data for its parent")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--full", action="store_true",
                     help="a full snapshot even when a delta could be sent")
    exp.add_argument("--to", metavar="OFFICE_CODE",
                     help="the issued lists for this child office (a bundle sent down)")
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(handler=run_export)

    imp = sub.add_parser("import", parents=[common], help="a child office's bundle")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="report what would change")
    imp.add_argument("--confirm-mass-delete", action="store_true",
                     help="accept a snapshot that deletes many of the office's records")
    imp.add_argument("--receipt", type=Path, help="write the signed receipt to this file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)

    many = sub.add_parser("import-all", parents=[common],
                          help="several bundles in one go (one transaction)")
    many.add_argument("files", type=Path, nargs="+")
    many.add_argument("--dry-run", action="store_true", help="report what would change")
    many.add_argument("--confirm-mass-delete", action="store_true")
    many.add_argument("--receipts", type=Path, help="a folder for the signed receipts")
    many.add_argument("--json", action="store_true")
    many.set_defaults(handler=run_import_all)

    receipt = sub.add_parser("receipt", help="receipts for imported bundles")
    rsub = receipt.add_subparsers(dest="receipt_command", required=True,
                                  parser_class=type(receipt))
    rimp = rsub.add_parser("import", parents=[common], help="the parent's receipt")
    rimp.add_argument("file", type=Path)
    rimp.add_argument("--json", action="store_true")
    rimp.set_defaults(handler=run_receipt_import)
    rexp = rsub.add_parser("export", parents=[common], help="a receipt again")
    rexp.add_argument("--office", required=True, help="the sending office's code or id")
    rexp.add_argument("--sequence", type=int)
    rexp.add_argument("-o", "--output", type=Path, required=True)
    rexp.set_defaults(handler=run_receipt_export)

    hist = sub.add_parser("history", parents=[common], help="bundles sent and their receipts")
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(handler=run_history)

    alerts = sub.add_parser("alerts", parents=[common], help="warnings about received bundles")
    alerts.add_argument("--json", action="store_true")
    alerts.set_defaults(handler=run_alerts)


def run_export(args: argparse.Namespace) -> int:
    from cadre_desktop.services.bundles import export_to_file

    if args.full and args.to:
        raise UserError("--full chỉ dùng cho gói gửi lên; gói gửi xuống (--to) luôn đầy đủ")
    passphrase = read_passphrase()
    db = open_database(args.db, create=False)
    try:
        result = export_to_file(db, args.output, passphrase, full=args.full, to=args.to)
    finally:
        db.close()
    if args.json:
        print_json(result.to_json())
    what = {"full": "gói đầy đủ", "delta": f"gói thay đổi (kể từ gói số {result.base_sequence})",
            "issued": "gói danh mục gửi xuống"}[result.kind]
    say(f"Đã tạo {what} số {result.sequence} gửi {result.recipient}: {args.output} "
        f"({format_size(result.size)}, {format_count(result.rows)} bản ghi)")
    return EXIT_OK


def _file(path: Path) -> None:
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp: {path}")


def run_import(args: argparse.Namespace) -> int:
    from cadre_desktop.services import bundles

    try:
        _file(args.file)
        passphrase = read_passphrase()
        db = open_database(args.db, create=False)
        try:
            if args.dry_run:
                report = bundles.preview_file(db, args.file, passphrase)
            else:
                report = bundles.import_file(db, args.file, passphrase,
                                             confirm_mass_delete=args.confirm_mass_delete)
        finally:
            db.close()
    except UserError as exc:
        if args.json:
            print_json({"status": "refused", "error": exc.message})
        say(exc.message)
        return EXIT_REFUSED
    if args.receipt is not None and report.receipt is not None:
        bundles.save_receipt(report, args.receipt)
        say(f"Đã ghi biên nhận vào {args.receipt}: gửi lại cho {report.sender.label}.")
    if args.json:
        print_json(report.to_json())
    for warning in report.warnings:
        say(warning)
    messages = {"imported": "Đã nhập", "dry-run": "Xem trước (chưa ghi gì):",
                "already-imported": "Gói này đã được nhập trước đây:"}
    say(f"{messages[report.status]} gói số {report.sequence} của {report.sender.label}")
    return EXIT_OK


def run_import_all(args: argparse.Namespace) -> int:
    """JSON: a list with one object per file: the `bundle import` report plus "file", or
    {"file", "status": "refused", "error"}. Exit 1 when any file was refused."""
    from cadre_desktop.services import bundles

    if args.receipts is not None and not args.receipts.is_dir():
        raise UserError(f"Không có thư mục {args.receipts}")
    passphrase = read_passphrase()
    db = open_database(args.db, create=False)
    try:
        items = bundles.import_files(db, args.files, passphrase,
                                     confirm_mass_delete=args.confirm_mass_delete,
                                     dry_run=args.dry_run)
    finally:
        db.close()
    documents = []
    for path, item in zip(args.files, items, strict=True):
        if item.report is None:
            assert item.error is not None
            say(f"{path.name}: {item.error.message}")
            documents.append({"file": str(path), "status": "refused",
                              "error": item.error.message})
            continue
        report = item.report
        if args.receipts is not None and report.receipt is not None:
            bundles.save_receipt(report, args.receipts / f"{path.stem}.receipt.cadre")
        say(f"{path.name}: {report.status}, gói số {report.sequence} của {report.sender.label}")
        documents.append({"file": str(path), **report.to_json()})
    if args.json:
        print_json(documents)
    return EXIT_REFUSED if any(item.error for item in items) else EXIT_OK


def run_receipt_import(args: argparse.Namespace) -> int:
    from cadre_desktop.services.bundles import import_receipt_file

    _file(args.file)
    db = open_database(args.db, create=False)
    try:
        result = import_receipt_file(db, args.file)
    finally:
        db.close()
    if args.json:
        print_json(result.to_json())
    say(f"{result.received_by.label} đã nhận gói số {result.sequence} ngày "
        f"{format_iso(result.received_at)}")
    return EXIT_OK


def run_receipt_export(args: argparse.Namespace) -> int:
    from cadre_desktop.services.bundles import receipt_for, write_atomically

    passphrase = read_passphrase()
    db = open_database(args.db, read_only=True)
    try:
        data = receipt_for(db, passphrase, args.office, args.sequence)
    finally:
        db.close()
    write_atomically(args.output, data)
    say(f"Đã ghi biên nhận vào {args.output}")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    from cadre_desktop.services.bundles import sent_bundles

    db = open_database(args.db, read_only=True)
    try:
        rows = sent_bundles(db)
    finally:
        db.close()
    if args.json:
        print_json([row.to_json() for row in rows])
    for row in rows:
        say(f"Gói số {row.sequence} ({format_iso(row.created_at)}, {row.recipient}): "
            f"{row.status_text}")
    return EXIT_OK


def run_alerts(args: argparse.Namespace) -> int:
    from cadre_desktop.store.sync_log import alerts

    db = open_database(args.db, read_only=True)
    try:
        rows = alerts(db)
    finally:
        db.close()
    if args.json:
        print_json([{"at": a.at, "office_id": a.office_id, "kind": a.kind,
                     "message": a.message, "bundle_id": a.bundle_id, "sequence": a.sequence}
                    for a in rows])
    for alert in rows:
        say(f"{format_iso(alert.at)}: {alert.message}")
    return EXIT_OK
