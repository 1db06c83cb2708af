"""The plaintext inside a bundle: line-delimited JSON with a manifest, zlib-compressed.

    first       each section's records in manifest order, one JSON array per line,
                values in the order of the section's columns
    last line   the manifest {"format": 1, "sections": [{"name", "columns", "count",
                "sha256"}, ...]}

(The manifest comes last so that an export can compress each section while encoding the
next; the whole payload is decompressed, within its declared length, before parsing.)

The first section is "office" (id, code, name, parent_id, created_at, updated_at: the
offices of the sender's subtree, the sender first); then one section per synchronised
table in the registry's order. A section's sha256 is over its lines, each with its "\\n".
Values are strings, integers (64-bit), finite floats or null; nothing nests.

Decoding is bounded and strict: decompression stops at the length the signed header
declares (which must be within Limits.max_raw), the record count is checked against
Limits.max_records before any record is parsed, every section's hash is checked before
its lines are, and text values are refused when they hold control or bidi characters.
"""

from __future__ import annotations

import functools
import hashlib
import json
import json.encoder
import operator
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.wording import format_bytes, format_count
from cadre_desktop.sync.strict import (
    DECODER,
    HEX64_RE,
    BundleRefused,
    CancelledFn,
    Limits,
    canonical,
    check_cancel,
    decode_utf8,
    expect_dict,
    expect_int,
    expect_str,
    first_text_problem,
    loads,
)

PAYLOAD_FORMAT = 1
OFFICE_SECTION = "office"
OFFICE_COLUMNS = ("id", "code", "name", "parent_id", "created_at", "updated_at")
_INT64 = 2**63


@dataclass
class Section:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass
class Snapshot:
    offices: Section
    tables: list[Section]

    def section(self, name: str) -> Section | None:
        return next((s for s in self.tables if s.name == name), None)


def _fail(value: Any) -> Any:
    raise TypeError(f"cannot put {type(value).__name__} in a bundle")


def _row_encoder() -> Callable[[Any], str]:
    """json's C encoder called directly: the same text as json.dumps(row,
    ensure_ascii=False, separators=(",", ":"), allow_nan=False), without the per-call
    set-up that makes dumps twice as slow on a hundred thousand small rows."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython always has it
        encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return encoder.encode
    fast = make(None, _fail, json.encoder.encode_basestring, None, ":", ",", False, False,
                False)
    return lambda row: "".join(fast(row, 0))


def _blocks(snapshot: Snapshot) -> Iterator[tuple[bytes, dict[str, Any]]]:
    line = _row_encoder()
    for section in [snapshot.offices, *snapshot.tables]:
        block = "".join([line(row) + "\n" for row in section.rows]).encode("utf-8")
        yield block, {"name": section.name, "columns": list(section.columns),
                      "count": len(section.rows), "sha256": hashlib.sha256(block).hexdigest()}


def _manifest_line(manifest: list[dict[str, Any]]) -> bytes:
    return canonical({"format": PAYLOAD_FORMAT, "sections": manifest}) + b"\n"


def encode(snapshot: Snapshot) -> bytes:
    blocks, manifest = [], []
    for block, entry in _blocks(snapshot):
        blocks.append(block)
        manifest.append(entry)
    return b"".join(blocks) + _manifest_line(manifest)


def encode_compressed(snapshot: Snapshot, level: int = 4) -> tuple[bytes, int]:
    """zlib.compress(encode(snapshot)) and its raw length, with each section compressed in
    a worker thread while the next one is encoded (zlib releases the GIL): the two
    halves of an export's work overlap instead of adding up."""
    engine = zlib.compressobj(level)
    manifest: list[dict[str, Any]] = []
    raw = 0
    with ThreadPoolExecutor(max_workers=1) as pool:  # one worker keeps the order
        parts = []
        for block, entry in _blocks(snapshot):
            manifest.append(entry)
            raw += len(block)
            parts.append(pool.submit(engine.compress, block))
        tail = _manifest_line(manifest)
        raw += len(tail)
        parts.append(pool.submit(engine.compress, tail))
        parts.append(pool.submit(engine.flush))
        return b"".join(part.result() for part in parts), raw


def compress(plain: bytes) -> bytes:
    return zlib.compress(plain, 6)


def decompress(data: bytes, raw_length: int, limits: Limits) -> bytes:
    if raw_length > limits.max_raw:
        raise BundleRefused(
            f"Gói khai báo {format_bytes(raw_length)} dữ liệu sau giải nén, vượt giới hạn "
            f"{format_bytes(limits.max_raw)}")
    engine = zlib.decompressobj()
    try:
        plain = engine.decompress(data, raw_length + 1)
    except zlib.error as exc:
        raise BundleRefused(f"Dữ liệu nén bị hỏng ({exc})") from exc
    if len(plain) > raw_length or engine.unconsumed_tail:
        raise BundleRefused("Dữ liệu giải nén vượt quá kích thước đã khai báo: tệp bị từ chối "
                            "(có thể là bom giải nén)")
    if not engine.eof or engine.unused_data or len(plain) != raw_length:
        raise BundleRefused("Dữ liệu nén không đầy đủ hoặc có phần thừa")
    return plain


def _manifest(line: bytes, limits: Limits) -> list[tuple[str, tuple[str, ...], int, str]]:
    obj = expect_dict(loads(line, "Mục lục gói", limits.max_depth), {"format", "sections"},
                      "Mục lục gói")
    if obj["format"] != PAYLOAD_FORMAT or not isinstance(obj["sections"], list):
        raise BundleRefused("Mục lục gói: phiên bản không được hỗ trợ")
    result = []
    names: set[str] = set()
    for item in obj["sections"]:
        entry = expect_dict(item, {"name", "columns", "count", "sha256"}, "Mục lục gói")
        name = expect_str(entry["name"], "Mục lục gói: tên bảng", max_len=64)
        columns = entry["columns"]
        if (not isinstance(columns, list) or not columns or len(columns) > 200
                or len(set(columns)) != len(columns)):
            raise BundleRefused(f"Mục lục gói: danh sách cột của bảng {name} không hợp lệ")
        cols = tuple(expect_str(c, f"Mục lục gói: cột của {name}", max_len=64) for c in columns)
        if name in names:
            raise BundleRefused(f"Mục lục gói: bảng {name} xuất hiện hai lần")
        names.add(name)
        result.append((name, cols, expect_int(entry["count"], "Mục lục gói: số bản ghi"),
                       expect_str(entry["sha256"], "Mục lục gói: mã băm", HEX64_RE)))
    if not result or result[0][0] != OFFICE_SECTION or result[0][1] != OFFICE_COLUMNS:
        raise BundleRefused("Mục lục gói: thiếu danh sách đơn vị ở đầu")
    return result


@dataclass(frozen=True)
class TextRules:
    """How a table's text columns are checked: single_line ones may not hold line breaks;
    machine ones (sort keys) are only limited in length; identifiers are left to the
    checks against known ids."""

    single_line: frozenset[str]
    machine: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()


_OFFICE_RULES = TextRules(frozenset(OFFICE_COLUMNS))


def decode(plain: bytes, limits: Limits, rules: dict[str, TextRules],
           cancelled: CancelledFn | None = None) -> Snapshot:
    """rules: per table name; a table without rules has every column checked as one line
    of text."""
    if not plain.endswith(b"\n"):
        raise BundleRefused("Gói không có mục lục hợp lệ")
    last = plain.rfind(b"\n", 0, len(plain) - 1) + 1
    if len(plain) - last > limits.max_header * 16:
        raise BundleRefused("Mục lục gói quá lớn")
    manifest = _manifest(plain[last:-1], limits)
    total = sum(count for _, _, count, _ in manifest)
    if total > limits.max_records:
        raise BundleRefused(f"Gói có {format_count(total)} bản ghi, "
                            f"vượt giới hạn {format_count(limits.max_records)}")
    lines = plain[:last].split(b"\n")
    if lines.pop() != b"" or len(lines) != total:
        raise BundleRefused("Số dòng dữ liệu không khớp với mục lục gói")
    sections: list[Section] = []
    start = position = 0
    body = memoryview(plain)
    for name, columns, count, digest in manifest:
        check_cancel(cancelled)
        chunk = lines[start:start + count]
        start += count
        size = sum(map(len, chunk)) + count
        block = body[position:position + size]
        position += size
        if hashlib.sha256(block).hexdigest() != digest:
            raise BundleRefused(f"Mã băm của bảng {name} không khớp với mục lục gói")
        rows = _parse_rows(name, columns, bytes(block), chunk)
        _check_values(name, columns, rows, rules.get(name, _OFFICE_RULES), limits)
        sections.append(Section(name, columns, rows))
    return Snapshot(sections[0], sections[1:])


def _parse_rows(name: str, columns: tuple[str, ...], block: bytes,
                chunk: list[bytes]) -> list[tuple[Any, ...]]:
    try:
        texts = block.decode("utf-8").split("\n")[:-1]
    except UnicodeDecodeError:
        for number, line in enumerate(chunk, start=1):  # name the record at fault
            decode_utf8(line, f"Bảng {name}, bản ghi {number}")
        raise BundleRefused(f"Bảng {name}: không phải văn bản UTF-8 hợp lệ") from None
    rows: list[tuple[Any, ...]] = []
    width = len(columns)
    # The C scanner behind JSONDecoder.decode, without its whitespace handling: one value,
    # the same strict hooks, about a third faster on many short lines.
    scan: Callable[[str, int], tuple[Any, int]] = DECODER.scan_once  # type: ignore[attr-defined]
    for number, text in enumerate(texts, start=1):
        try:
            value, end = scan(text, 0)
        except BundleRefused as exc:
            raise BundleRefused(f"Bảng {name}, bản ghi {number}: {exc.message}") from exc
        except (StopIteration, ValueError, RecursionError) as exc:
            raise BundleRefused(f"Bảng {name}, bản ghi {number}: JSON không hợp lệ") from exc
        if end != len(text):
            raise BundleRefused(f"Bảng {name}, bản ghi {number}: có dữ liệu thừa sau bản ghi")
        if type(value) is not list or len(value) != width:
            raise BundleRefused(f"Bảng {name}, bản ghi {number}: cần {width} giá trị")
        rows.append(tuple(value))
    return rows


def _only(values: tuple[Any, ...], kind: type, kinds: set[type]) -> Sequence[Any]:
    """The values of one type, without a Python loop in the usual cases."""
    if kinds == {kind}:
        return values
    if kinds == {kind, type(None)}:
        return list(filter(_NOT_NONE, values))
    return [v for v in values if type(v) is kind]


_NOT_NONE = functools.partial(operator.is_not, None)


def _check_values(name: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                  rules: TextRules, limits: Limits) -> None:
    """Column by column, so that the common case runs in C."""
    if not rows:
        return
    for column, values in zip(columns, zip(*rows, strict=True), strict=True):
        kinds = set(map(type, values))
        if not kinds <= {str, int, float, type(None)}:
            raise BundleRefused(f"Bảng {name}, cột {column}: giá trị lồng nhau hoặc kiểu "
                                "không được phép")
        if int in kinds:
            ints = _only(values, int, kinds)
            if min(ints) < -_INT64 or max(ints) >= _INT64:
                raise BundleRefused(f"Bảng {name}, cột {column}: số nguyên vượt giới hạn")
        if column in rules.identifiers:
            continue
        if str in kinds and column in rules.machine:
            if max(map(len, _only(values, str, kinds))) > limits.max_text:
                raise BundleRefused(f"Bảng {name}, cột {column}: văn bản quá dài")
        elif str in kinds:
            texts = _only(values, str, kinds)
            problem = first_text_problem(texts, column in rules.single_line, limits.max_text)
            if problem:
                index, reason = problem
                raise BundleRefused(f"Bảng {name}, cột {column}: {reason} "
                                    f"(giá trị {texts[index][:40]!r})")
