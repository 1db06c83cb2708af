"""The command line (see shared/design/cli.md): a stable contract for scripts.

Exit codes: 0 success; 1 refused for a reason the user can fix; 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cadre_desktop import __version__
from cadre_desktop.cli.output import (  # noqa: F401 - the commands' shared answers
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    PASSPHRASE_ENV,
    print_json,
    refuse_rejected,
    say,
)
from cadre_desktop.domain.errors import UserError


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("CadreDesktop", appauthor=False)) / "cadre.sqlite3"


def _not_utf8(argv: list[str]) -> int | None:
    """The 1-based position of an argument that is not valid UTF-8 (Python keeps such
    bytes as lone surrogates), or None."""
    for position, value in enumerate(argv, start=1):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return position
    return None


def _who(argv: list[str]) -> str:
    words = [w for w in argv if not w.startswith("-")][:2]
    return "lệnh " + " ".join(words) if words else "một lệnh Cadre Desktop"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        say(f"{self.prog}: lỗi: {message}")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from cadre_desktop.cli import (
        bundle_cmds,
        demo_cmd,
        office_cmds,
        plan_cmds,
        print_cmds,
        report_cmds,
        roster_cmds,
        rotation_cmds,
        training_cmds,
    )

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="the office database file (default: the user data folder)")
    parser = _Parser(prog="cadre-desktop", parents=[common],
                     description="Cadre Desktop: roster, training and reporting for Đoàn offices")
    parser.add_argument("--version", action="version", version=f"cadre-desktop {__version__}")
    parser.add_argument("--lang", choices=["vi", "en"], default=None,
                        help="GUI language (default: the last chosen, else Vietnamese)")
    # Open the GUI and close it once its window is shown (packaged-build checks).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    roster_cmds.register(commands, common)
    training_cmds.register(commands, common)
    demo_cmd.register(commands, common)
    print_cmds.register(commands, common)
    rotation_cmds.register(commands, common)
    office_cmds.register(commands, common)
    bundle_cmds.register(commands, common)
    plan_cmds.register(commands, common)
    report_cmds.register(commands, common)
    return parser


def _head_start(argv: list[str]) -> bool:
    """Begin unlocking the office's keys while the program loads (sync/key_ahead.py)."""
    import os

    from cadre_desktop.sync import key_ahead

    path, passphrase = key_ahead.wanted(argv), os.environ.get(PASSPHRASE_ENV)
    if path is None or not passphrase:
        return False
    return key_ahead.start(path, passphrase)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = _not_utf8(argv)
    if bad is not None:
        say(f"Tham số thứ {bad} (tên tệp hoặc chữ) không phải văn bản UTF-8 hợp lệ: hãy đổi "
            "tên tệp hoặc thư mục cho đúng (ví dụ lưu lại từ Windows Explorer) rồi làm lại.")
        return EXIT_REFUSED
    begun = _head_start(argv)
    try:
        return _run(argv)
    finally:
        if begun:  # a command refused before its unlock leaves nothing derived behind
            from cadre_desktop.sync import crypto

            crypto.forget_ahead()


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = default_db_path()
    if args.command is None:
        from cadre_desktop.app import run_gui

        return run_gui(args.db, args.lang, smoke_test=args.smoke_test)
    from cadre_desktop.services.failures import explain
    from cadre_desktop.store.db import cli_writer_locks

    try:
        with cli_writer_locks(_who(argv)):
            return int(args.handler(args))
    except UserError as exc:
        say(exc.message)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        say("Đã dừng; dữ liệu không thay đổi.")
        return EXIT_REFUSED
    except MemoryError:
        say("Không đủ bộ nhớ cho việc này: dữ liệu không thay đổi. Hãy chia tệp nhỏ hơn.")
        return EXIT_REFUSED
    except Exception as exc:  # SQLite's and the disk's failures; anything else is a bug
        known = explain(exc)
        if known is None:
            raise
        say(known.message)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
