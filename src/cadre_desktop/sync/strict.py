"""Refusals, limits and the strict reading of untrusted bytes shared by every sync module.

Everything read from a bundle is parsed here: UTF-8 only (invalid sequences refuse the
file), JSON without duplicate keys, NaN, Infinity or numbers that overflow to infinity,
with a bounded nesting depth. Text is refused, not cleaned, when it carries control
characters or bidirectional overrides: a name that renders differently from what it
contains is a forgery tool, and silently changing a signed record would make the two
offices' data differ.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.errors import UserError

_MiB = 1024 * 1024


class BundleRefused(UserError):
    """The file is not accepted; nothing was changed. The message says why (Vietnamese)."""


@dataclass(frozen=True)
class Limits:
    """Caps on the work a file can cause, checked before the work is done."""

    max_file: int = 512 * _MiB
    max_header: int = 64 * 1024
    max_raw: int = 1024 * _MiB       # decompressed payload
    # Decompressed bytes per compressed byte, declared and while decompressing. A real
    # payload compresses about 10:1 (every row carries random ids); a bomb 1000:1.
    max_ratio: int = 100
    max_line: int = 8 * _MiB         # one record's line in the payload
    max_records: int = 5_000_000
    max_text: int = 100_000          # characters in one field
    max_depth: int = 8               # JSON nesting of the header and the manifest


DEFAULT_LIMITS = Limits()

_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_RE = re.compile(f"^{_UUID}$")
_UUID_LINES = re.compile(f"(?:{_UUID}\n)*")
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")

# C0 controls except tab/newline/CR, DEL, C1 controls, and the bidirectional embeddings,
# overrides, isolates and marks.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                        "\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n\r]")


def all_uuids(values: Sequence[Any]) -> bool:
    """One regex pass instead of one match per id."""
    if not all(type(v) is str for v in values):
        return False
    return _UUID_LINES.fullmatch("".join(v + "\n" for v in values)) is not None


def canonical(value: Any) -> bytes:
    """The one byte form of a JSON value that is signed and hashed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BundleRefused(f"Dữ liệu JSON có khóa trùng lặp '{key[:40]}'")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise BundleRefused(f"Dữ liệu JSON chứa giá trị không hợp lệ {name}")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BundleRefused("Dữ liệu JSON chứa số vượt giới hạn (vô cực)")
    return value


DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                           parse_float=_finite_float)


def decode_utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRefused(f"{what}: không phải văn bản UTF-8 hợp lệ (byte {exc.start})") from exc


def loads(data: bytes | str, what: str, max_depth: int) -> Any:
    """Strict JSON from untrusted bytes; any problem is a BundleRefused naming `what`."""
    text = decode_utf8(data, what) if isinstance(data, bytes) else data
    try:
        value = DECODER.decode(text)
    except BundleRefused as exc:
        raise BundleRefused(f"{what}: {exc.message}") from exc
    except RecursionError as exc:
        raise BundleRefused(f"{what}: cấu trúc JSON lồng nhau quá sâu") from exc
    except ValueError as exc:
        raise BundleRefused(f"{what}: JSON không hợp lệ ({str(exc)[:80]})") from exc
    if depth(value) > max_depth:
        raise BundleRefused(f"{what}: cấu trúc JSON lồng nhau quá sâu")
    return value


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


def text_problem(value: str, single_line: bool, max_text: int) -> str | None:
    """Why a text value is refused, or None."""
    if len(value) > max_text:
        return f"văn bản dài {len(value)} ký tự, vượt giới hạn {max_text}"
    bad = _FORBIDDEN.search(value)
    if bad:
        return f"có ký tự điều khiển hoặc ký tự đảo chiều U+{ord(bad.group()):04X}"
    if single_line and _LINE_BREAKS.search(value):
        return "có ký tự xuống dòng hoặc tab trong một trường một dòng"
    return None


def first_text_problem(values: Sequence[str], single_line: bool,
                       max_text: int) -> tuple[int, str] | None:
    """(index, reason) of the first refused value; one regex pass over all of them
    when they are clean, which is the common case."""
    joined = "\n".join(values)
    clean = _FORBIDDEN.search(joined) is None and max(map(len, values), default=0) <= max_text
    if clean and (not single_line or (joined.count("\n") == len(values) - 1
                                      and "\t" not in joined and "\r" not in joined)):
        return None
    for index, value in enumerate(values):
        problem = text_problem(value, single_line, max_text)
        if problem:
            return index, problem
    return None


def expect_dict(value: Any, keys: set[str], what: str) -> dict[str, Any]:
    """A JSON object with exactly these keys."""
    if not isinstance(value, dict):
        raise BundleRefused(f"{what}: cần một đối tượng JSON")
    if set(value) != keys:
        extra = sorted(set(value) - keys)
        missing = sorted(keys - set(value))
        raise BundleRefused(f"{what}: trường không đúng (thừa {extra}, thiếu {missing})")
    return value


def expect_str(value: Any, what: str, pattern: re.Pattern[str] | None = None,
               max_len: int = 400) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise BundleRefused(f"{what}: cần một chuỗi")
    if pattern is not None and not pattern.match(value):
        raise BundleRefused(f"{what}: giá trị không đúng dạng")
    problem = text_problem(value, True, max_len)
    if problem:
        raise BundleRefused(f"{what}: {problem}")
    return value


def expect_int(value: Any, what: str, low: int = 0, high: int = 2**62) -> int:
    if type(value) is not int or not low <= value <= high:
        raise BundleRefused(f"{what}: cần một số nguyên từ {low} đến {high}")
    return value


def expect_hex(value: Any, what: str, size: int) -> bytes:
    text = expect_str(value, what, max_len=2 * size)
    if len(text) != 2 * size or text != text.lower():
        raise BundleRefused(f"{what}: cần {size} byte dạng hex")
    try:
        return bytes.fromhex(text)
    except ValueError as exc:
        raise BundleRefused(f"{what}: cần {size} byte dạng hex") from exc
