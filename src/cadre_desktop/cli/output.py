"""What every command shares to answer: the exit codes, JSON on stdout, messages for
people on stderr (Vietnamese, UTF-8 whatever the terminal says)."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


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
    sys.stdout.buffer.write(text.encode("utf-8", errors="backslashreplace") + b"\n")
    sys.stdout.flush()


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
