"""Reading a bundle's payload (payload.py) as a stream, with bounded memory and work.

Decompression is checked as it goes, so a bomb is refused early:
- before any decompression: the declared raw length within Limits.max_raw, and within
  Limits.max_ratio times the compressed length;
- while decompressing (a megabyte of output at a time): never beyond the declared raw
  length, and never more than max_ratio times the input consumed so far;
- the manifest line within a bound; its declared record counts within
  Limits.max_records before any record is read; no line longer than Limits.max_line;
- each section exactly as many lines as declared, its hash checked at the end, and the
  stream ending exactly at the declared length with nothing after it.

Rows come out in chunks, each checked strictly (types, control and bidi characters,
lengths) before the caller sees it. The caller holds one chunk at a time.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.sync.payload import (
    OFFICE_COLUMNS,
    OFFICE_SECTION,
    PAYLOAD_FORMAT,
    Row,
    Section,
    Snapshot,
)
from cadre_desktop.sync.strict import (
    DECODER,
    HEX64_RE,
    BundleRefused,
    Limits,
    decode_utf8,
    expect_dict,
    expect_int,
    expect_str,
    first_text_problem,
    loads,
)

_INT64 = 2**63
_OUT_STEP = 1024 * 1024   # bytes of output per decompression call
_IN_STEP = 256 * 1024     # bytes of input fed at a time
_RATIO_SLACK = 1024 * 1024
CHUNK_ROWS = 2_000

BOMB = ("Dữ liệu giải nén vượt quá kích thước đã khai báo: tệp bị từ chối (có thể là bom "
        "giải nén)")


@dataclass(frozen=True)
class SectionInfo:
    name: str
    columns: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class TextRules:
    """How a table's text columns are checked: single_line ones may not hold line breaks;
    machine ones (sort keys) are only limited in length; identifiers are left to the
    checks against known ids."""

    single_line: frozenset[str]
    machine: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()


OFFICE_RULES = TextRules(frozenset(OFFICE_COLUMNS))


class _Inflater:
    """Decompressed lines, a run at a time, within the declared length and ratio."""

    def __init__(self, compressed: bytes, raw_length: int, limits: Limits) -> None:
        if raw_length > limits.max_raw:
            raise BundleRefused(
                f"Gói khai báo {raw_length:,} byte dữ liệu sau giải nén, vượt giới hạn "
                f"{limits.max_raw:,} byte")
        if raw_length > limits.max_ratio * len(compressed) + _RATIO_SLACK:
            raise BundleRefused(
                f"Gói khai báo {raw_length:,} byte sau giải nén từ {len(compressed):,} byte "
                f"nén: tỷ lệ nén vượt {limits.max_ratio} lần, tệp bị từ chối (có thể là bom "
                "giải nén)")
        self._data = memoryview(compressed)
        self._fed = 0
        self._raw_length = raw_length
        self._ratio = limits.max_ratio
        self._engine = zlib.decompressobj()
        self._buffer = b""
        self.produced = 0

    def _fill(self) -> bool:
        """More output into the buffer; False when the stream has ended."""
        engine = self._engine
        try:
            if engine.unconsumed_tail:
                data = engine.decompress(engine.unconsumed_tail, _OUT_STEP)
            elif self._fed < len(self._data):
                piece = self._data[self._fed:self._fed + _IN_STEP]
                self._fed += len(piece)
                data = engine.decompress(piece, _OUT_STEP)
            elif not engine.eof:
                data = engine.decompress(b"", _OUT_STEP)
                if not data:
                    raise BundleRefused("Dữ liệu nén không đầy đủ (bị cắt cụt)")
            else:
                return False
        except zlib.error as exc:
            raise BundleRefused(f"Dữ liệu nén bị hỏng ({exc})") from exc
        self.produced += len(data)
        if self.produced > self._raw_length:
            raise BundleRefused(BOMB)
        consumed = self._fed - len(engine.unconsumed_tail)
        if self.produced > self._ratio * consumed + _RATIO_SLACK:
            raise BundleRefused(f"Dữ liệu giải nén lớn hơn {self._ratio} lần dữ liệu nén: tệp bị "
                                "từ chối (có thể là bom giải nén)")
        self._buffer += data
        return True

    def take(self, lines: int, max_line: int) -> bytes:
        """Up to `lines` complete lines (each ending with a newline): fewer only where
        the stream ends. b"" at the end."""
        while True:
            parts = self._buffer.split(b"\n", lines)
            if len(parts) > lines:
                break
            if len(parts[-1]) > max_line:
                raise BundleRefused(f"Gói có một dòng dài hơn {max_line:,} byte: tệp bị từ chối")
            if not self._fill():
                break
        size = len(self._buffer) - len(parts[-1])
        region, self._buffer = self._buffer[:size], self._buffer[size:]
        return region

    def finish(self) -> None:
        while self._fill():
            if len(self._buffer) > 0:
                break
        if self._buffer or self._fed < len(self._data) or self._engine.unconsumed_tail:
            raise BundleRefused("Gói có dữ liệu thừa sau phần cuối")
        if not self._engine.eof or self._engine.unused_data:
            raise BundleRefused("Dữ liệu nén không đầy đủ hoặc có phần thừa")
        if self.produced != self._raw_length:
            raise BundleRefused("Dữ liệu giải nén ngắn hơn kích thước đã khai báo")


class PayloadReader:
    """manifest first, then rows(section) for each section in order, then finish()."""

    def __init__(self, compressed: bytes, raw_length: int, limits: Limits) -> None:
        self._limits = limits
        self._lines = _Inflater(compressed, raw_length, limits)
        self._hashes: list[str] = []
        self.sections = self._manifest()
        self._total = sum(s.count for s in self.sections)
        self._read = 0
        self._next = 0

    @property
    def fraction(self) -> float:
        """Of the declared records, those read so far."""
        return self._read / max(self._total, 1)

    def _manifest(self) -> list[SectionInfo]:
        limit = self._limits.max_header * 16
        line = self._lines.take(1, limit)
        if not line:
            raise BundleRefused("Gói không có mục lục hợp lệ")
        obj = expect_dict(loads(line[:-1], "Mục lục gói", self._limits.max_depth),
                          {"format", "sections"}, "Mục lục gói")
        if obj["format"] != PAYLOAD_FORMAT or not isinstance(obj["sections"], list):
            raise BundleRefused("Mục lục gói: phiên bản không được hỗ trợ (hãy cập nhật Cadre "
                                "Desktop ở cả hai đơn vị)")
        result: list[SectionInfo] = []
        names: set[str] = set()
        for item in obj["sections"]:
            entry = expect_dict(item, {"name", "columns", "count"}, "Mục lục gói")
            name = expect_str(entry["name"], "Mục lục gói: tên bảng", max_len=64)
            columns = entry["columns"]
            if (not isinstance(columns, list) or not columns or len(columns) > 200
                    or len(set(columns)) != len(columns)):
                raise BundleRefused(f"Mục lục gói: danh sách cột của bảng {name} không hợp lệ")
            cols = tuple(expect_str(c, f"Mục lục gói: cột của {name}", max_len=64)
                         for c in columns)
            if name in names:
                raise BundleRefused(f"Mục lục gói: bảng {name} xuất hiện hai lần")
            names.add(name)
            result.append(SectionInfo(name, cols, expect_int(entry["count"],
                                                             "Mục lục gói: số bản ghi")))
        if not result or result[0].name != OFFICE_SECTION or result[0].columns != OFFICE_COLUMNS:
            raise BundleRefused("Mục lục gói: thiếu danh sách đơn vị ở đầu")
        total = sum(s.count for s in result)
        if total > self._limits.max_records:
            raise BundleRefused(f"Gói có {total:,} bản ghi, vượt giới hạn "
                                f"{self._limits.max_records:,}")
        return result

    def rows(self, info: SectionInfo, rules: TextRules,
             chunk_rows: int = CHUNK_ROWS) -> Iterator[list[Row]]:
        """The section's rows, checked, a chunk at a time; sections are read in order."""
        if self._next >= len(self.sections) or self.sections[self._next] is not info:
            raise RuntimeError("sections are read once each, in manifest order")
        self._next += 1
        digest = hashlib.sha256()
        remaining, number = info.count, 0
        while remaining:
            region = self._lines.take(min(chunk_rows, remaining), self._limits.max_line)
            count = region.count(b"\n")
            if count == 0:
                raise BundleRefused(f"Số dòng dữ liệu của bảng {info.name} không khớp với mục "
                                    "lục gói")
            digest.update(region)
            remaining -= count
            self._read += count
            rows = _parse_rows(info.name, info.columns, region, number)
            number += count
            _check_values(info.name, info.columns, rows, rules, self._limits)
            yield rows
        self._hashes.append(digest.hexdigest())

    def finish(self) -> None:
        """After every section: the hashes, and nothing after the last line."""
        if self._next != len(self.sections):
            raise RuntimeError("finish() before every section was read")
        line = self._lines.take(1, self._limits.max_header * 16)
        if not line:
            raise BundleRefused("Gói thiếu phần kiểm tra ở cuối (mã băm các bảng)")
        obj = expect_dict(loads(line[:-1], "Phần cuối gói", self._limits.max_depth),
                          {"sha256"}, "Phần cuối gói")
        hashes = obj["sha256"]
        if not isinstance(hashes, list) or len(hashes) != len(self.sections):
            raise BundleRefused("Số dòng dữ liệu không khớp với mục lục gói")
        for info, claimed, actual in zip(self.sections, hashes, self._hashes, strict=True):
            if expect_str(claimed, "Phần cuối gói: mã băm", HEX64_RE) != actual:
                raise BundleRefused(f"Mã băm của bảng {info.name} không khớp với mục lục gói")
        self._lines.finish()


def _parse_rows(name: str, columns: tuple[str, ...], block: bytes, before: int) -> list[Row]:
    try:
        texts = block.decode("utf-8").split("\n")[:-1]
    except UnicodeDecodeError:
        for number, line in enumerate(block.split(b"\n")[:-1], start=before + 1):
            decode_utf8(line, f"Bảng {name}, bản ghi {number}")  # name the record at fault
        raise BundleRefused(f"Bảng {name}: không phải văn bản UTF-8 hợp lệ") from None
    rows: list[Row] = []
    width = len(columns)
    # The C scanner behind JSONDecoder.decode, without its whitespace handling: one value,
    # the same strict hooks, about a third faster on many short lines.
    scan: Callable[[str, int], tuple[Any, int]] = DECODER.scan_once  # type: ignore[attr-defined]
    for number, text in enumerate(texts, start=before + 1):
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


def _check_values(name: str, columns: tuple[str, ...], rows: list[Row], rules: TextRules,
                  limits: Limits) -> None:
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


def read_all(compressed: bytes, raw_length: int, limits: Limits,
             rules: dict[str, TextRules]) -> Snapshot:
    """The whole payload in memory: for tests and small bundles only."""
    reader = PayloadReader(compressed, raw_length, limits)
    sections = []
    for info in reader.sections:
        rule = OFFICE_RULES if info.name == OFFICE_SECTION else rules.get(info.name, OFFICE_RULES)
        rows = [row for chunk in reader.rows(info, rule) for row in chunk]
        sections.append(Section(info.name, info.columns, rows))
    reader.finish()
    return Snapshot(sections[0], sections[1:])
