"""`office init | identity | fingerprint | enrol | list | rotate | accept-rotation | revoke
| passphrase`.

The passphrase comes from CADRE_PASSPHRASE, or from a prompt when the command runs in a
terminal; with neither, the command is refused (exit 1) rather than waiting for input.
`office passphrase` takes the new one from CADRE_NEW_PASSPHRASE or a prompt (twice).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from cadre_desktop.cli.output import EXIT_OK, PASSPHRASE_ENV, print_json, say
from cadre_desktop.domain.dates import format_iso
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database

NEW_PASSPHRASE_ENV = "CADRE_NEW_PASSPHRASE"


def read_passphrase(confirm: bool = False) -> str:
    from cadre_desktop.sync.crypto import FORGOTTEN

    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UserError(f"Cần mật khẩu của đơn vị: đặt biến môi trường {PASSPHRASE_ENV} "
                        "hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập mật khẩu.")
    if confirm:
        say(FORGOTTEN)
    first = getpass.getpass("Mật khẩu của đơn vị: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise UserError("Hai lần nhập mật khẩu không giống nhau")
    return first


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    office = commands.add_parser("office", help="this office's identity and trusted offices")
    sub = office.add_subparsers(dest="office_command", required=True, parser_class=type(office))

    init = sub.add_parser("init", parents=[common], help="create this office's identity and keys")
    init.add_argument("--code", required=True)
    init.add_argument("--name", required=True)
    init.add_argument("--level", choices=["province", "office"],
                      help="province: the top office (nothing above it); office: any other "
                           "(without it: inferred from the offices enrolled later)")
    init.add_argument("--json", action="store_true")
    init.set_defaults(handler=run_init)

    ident = sub.add_parser("identity", parents=[common], help="write the public identity file")
    ident.add_argument("-o", "--output", type=Path, required=True)
    ident.set_defaults(handler=run_identity)

    fpr = sub.add_parser("fingerprint", parents=[common], help="the fingerprint to read aloud")
    fpr.add_argument("--file", type=Path, help="an identity file instead of this office")
    fpr.add_argument("--json", action="store_true")
    fpr.set_defaults(handler=run_fingerprint)

    enrol = sub.add_parser("enrol", parents=[common], help="trust another office")
    enrol.add_argument("file", type=Path)
    enrol.add_argument("--role", choices=["child", "parent"], required=True)
    enrol.add_argument("--fingerprint", required=True, help="the digits read by phone")
    enrol.add_argument("--json", action="store_true")
    enrol.set_defaults(handler=run_enrol)

    lst = sub.add_parser("list", parents=[common], help="offices, last bundles, overdue")
    lst.add_argument("--on", help="the day overdue is counted from (YYYY-MM-DD)")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=run_list)

    rotate = sub.add_parser("rotate", parents=[common], help="new keys for this office")
    rotate.add_argument("-o", "--output", type=Path, required=True,
                        help="the rotation statement for the parent and the children")
    rotate.set_defaults(handler=run_rotate)

    change = sub.add_parser("passphrase", parents=[common],
                            help="change the passphrase that seals this office's keys")
    change.set_defaults(handler=run_passphrase)

    accept = sub.add_parser("accept-rotation", parents=[common],
                            help="accept another office's rotation statement")
    accept.add_argument("file", type=Path)
    accept.set_defaults(handler=run_accept)

    revoke = sub.add_parser("revoke", parents=[common], help="stop trusting an office's key")
    revoke.add_argument("office", help="office code or id")
    revoke.add_argument("--reason", default="")
    revoke.set_defaults(handler=run_revoke)


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp: {path}")
    return path.read_bytes()[:1024 * 1024]


def run_init(args: argparse.Namespace) -> int:
    from cadre_desktop.services import office_role, offices

    passphrase = read_passphrase(confirm=True)
    db = open_database(args.db, create=True)
    try:
        info = offices.init_office(db, args.code, args.name, passphrase, args.level)
        level = office_role.level(db)
    finally:
        db.close()
    if args.json:
        print_json({"office_id": info.office.id, "code": info.office.code,
                    "name": info.office.name, "level": level,
                    "fingerprint": info.fingerprint_display})
    say(f"Đã tạo định danh cho {info.office.label}. Mã số xác nhận: {info.fingerprint_display}")
    return EXIT_OK


def run_identity(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices
    from cadre_desktop.services.bundles import write_atomically

    db = open_database(args.db, read_only=True)
    try:
        data = offices.identity_file(db)
    finally:
        db.close()
    write_atomically(args.output, data)
    say(f"Đã ghi tệp định danh vào {args.output}")
    return EXIT_OK


def run_fingerprint(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices
    from cadre_desktop.sync.crypto import format_fingerprint

    if args.file is not None:
        identity = offices.read_identity_file(_read(args.file))
        office, digits = identity.office, identity.fingerprint
    else:
        db = open_database(args.db, read_only=True)
        try:
            info = offices.identity_info(db)
        finally:
            db.close()
        if info is None:
            raise UserError("Đơn vị chưa có định danh: hãy chạy 'office init' trước.")
        office, digits = info.office, info.fingerprint
    if args.json:
        print_json({"office_id": office.id, "code": office.code, "name": office.name,
                    "fingerprint": format_fingerprint(digits)})
    else:
        print(format_fingerprint(digits))
    say(f"Mã số xác nhận của {office.label}: {format_fingerprint(digits)}")
    return EXIT_OK


def run_enrol(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices

    data = _read(args.file)
    db = open_database(args.db, create=True)
    try:
        result = offices.enrol(db, data, args.role, args.fingerprint)
    finally:
        db.close()
    if args.json:
        print_json({"office_id": result.office.id, "code": result.office.code,
                    "name": result.office.name, "role": result.role, "status": result.status,
                    "warnings": result.warnings})
    for warning in result.warnings:
        say(warning)
    verb = "Đã đăng ký" if result.status == "enrolled" else "Đã đăng ký từ trước"
    say(f"{verb} {result.office.label} ({'cấp dưới' if result.role == 'child' else 'cấp trên'})")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from cadre_desktop.services.office_status import list_offices

    try:
        on = dt.date.fromisoformat(args.on) if args.on else None
    except ValueError as exc:
        raise UserError("--on phải có dạng YYYY-MM-DD") from exc
    db = open_database(args.db, read_only=True)
    try:
        rows = list_offices(db, on)
    finally:
        db.close()
    if args.json:
        print_json([row.to_json() for row in rows])
    else:
        for row in rows:
            last = (f"gói số {row.last_sequence}, nhận {format_iso(row.last_imported_at)}"
                    if row.last_sequence and row.last_imported_at else "chưa nhận gói nào")
            flag = "  QUÁ HẠN" if row.overdue else ""
            say(f"{row.office.code:<14} {row.office.name:<36} {row.relation:<7} {last}{flag}")
    return EXIT_OK


def run_rotate(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices
    from cadre_desktop.services.bundles import write_atomically

    passphrase = read_passphrase()
    db = open_database(args.db, create=False)
    try:
        statement = offices.rotate_keys(db, passphrase)
        info = offices.identity_info(db)
    finally:
        db.close()
    write_atomically(args.output, statement)
    if info:
        say(f"Đã đổi khóa. Mã số xác nhận mới: {info.fingerprint_display}")
    say(f"Gửi {args.output} cho đơn vị cấp trên và các đơn vị cấp dưới.")
    return EXIT_OK


def run_passphrase(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices

    old = read_passphrase()
    new = os.environ.get(NEW_PASSPHRASE_ENV)
    if not new:
        if not sys.stdin.isatty():
            raise UserError(f"Cần mật khẩu mới: đặt biến môi trường {NEW_PASSPHRASE_ENV} "
                            "hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.")
        new = getpass.getpass("Mật khẩu mới của đơn vị: ")
        if getpass.getpass("Nhập lại mật khẩu mới: ") != new:
            raise UserError("Hai lần nhập mật khẩu mới không giống nhau")
    db = open_database(args.db, create=False)
    try:
        offices.change_passphrase(db, old, new)
    finally:
        db.close()
    say("Đã đổi mật khẩu của đơn vị. Khóa và mã số xác nhận giữ nguyên; từ nay dùng mật khẩu "
        "mới.")
    return EXIT_OK


def run_accept(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices

    data = _read(args.file)
    db = open_database(args.db, create=False)
    try:
        result = offices.accept_rotation(db, data)
    finally:
        db.close()
    say(f"Đã nhận khóa mới của {result.office.label}")
    return EXIT_OK


def run_revoke(args: argparse.Namespace) -> int:
    from cadre_desktop.services import offices

    db = open_database(args.db, create=False)
    try:
        office = offices.revoke(db, args.office, args.reason)
    finally:
        db.close()
    say(f"Đã thu hồi khóa của {office.label}")
    return EXIT_OK
