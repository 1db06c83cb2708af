"""What every command shares to answer: the exit codes, JSON on stdout, messages for
people on stderr (Vietnamese, UTF-8 whatever the terminal says)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import unicodedata
from typing import Any

from cadre_desktop.domain.errors import UserError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
# Where scripts give the office's passphrase (else it is asked for on the terminal).
PASSPHRASE_ENV = "CADRE_PASSPHRASE"


class AnswerNotWritten(UserError):
    """The command's work is done, but its answer could not be written to stdout (a full
    disk, a closed pipe): the clerk must not read this as "nothing happened"."""


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def print_json(document: Any) -> None:
    text = json.dumps(_nfc(document), ensure_ascii=False, indent=2)
    try:
        sys.stdout.buffer.write(text.encode("utf-8", errors="backslashreplace") + b"\n")
        sys.stdout.flush()
    except OSError as exc:  # BrokenPipeError too
        _drop_stdout()
        raise AnswerNotWritten(
            "Lệnh đã làm xong, nhưng không ghi được kết quả ra đầu ra chuẩn (stdout): "
            f"{_reason(exc)}. Những gì lệnh đã ghi vào dữ liệu (nếu có) vẫn được giữ: "
            "đừng chạy lại một lệnh nhập chỉ vì thiếu kết quả.") from exc


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "ổ đĩa đã đầy"
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        return "chương trình nhận kết quả đã đóng"
    return exc.strerror or str(exc)


def _drop_stdout() -> None:
    """Point stdout at the null device: what is left in its buffer would otherwise fail
    again as Python exits, with a traceback after our message."""
    with contextlib.suppress(Exception):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def say(message: str) -> None:
    """A message for people: stderr, so that --json output stays clean. A file name that
    is not valid UTF-8 is shown with escapes rather than failing."""
    sys.stderr.buffer.write(message.encode("utf-8", errors="backslashreplace") + b"\n")
    sys.stderr.flush()


def refuse_rejected(rejected: list[Any], skip_invalid: bool) -> bool:
    """Name each rejected row for the clerk; True when the import must write nothing
    (rejected rows without --skip-invalid)."""
    for issue in rejected:
        say(f"Dòng {issue.row}: {issue.message}")
    if rejected and not skip_invalid:
        say(f"Không nhập: {len(rejected)} dòng bị từ chối "
            "(dùng --skip-invalid để chỉ nhập các dòng hợp lệ).")
        return True
    return False
