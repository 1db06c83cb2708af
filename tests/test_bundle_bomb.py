"""Decompression is checked as it streams: a bomb signed by an enrolled office is refused
early, with a clear message, the database unchanged and the memory bounded."""

from __future__ import annotations

import os
import re
import tracemalloc
import zlib
from typing import Any

import pytest

from bundle_helpers import PASS, Office, craft, digest, fast_scrypt, offices, template
from cadre_desktop.sync.importer import ImportOptions
from cadre_desktop.sync.payload_read import _Inflater
from cadre_desktop.sync.strict import DEFAULT_LIMITS, BundleRefused, Limits
from cadre_desktop.sync.transaction import import_bundle

__all__ = ["fast_scrypt", "offices", "template"]

MiB = 1024 * 1024
ZEROS = 256 * MiB


def _stream(prefix: bytes, zero_mib: int, fill: bytes = b"\0") -> bytes:
    """zlib of `prefix` then `zero_mib` MiB of one repeated byte, made in milliseconds:
    after a full flush the compressor starts afresh, so every MiB compresses to the same
    bytes, which are repeated; the trailer carries the checksum of the whole."""
    engine = zlib.compressobj(9)
    head = engine.compress(prefix) + engine.flush(zlib.Z_FULL_FLUSH)
    block = fill * MiB
    one = engine.compress(block) + engine.flush(zlib.Z_FULL_FLUSH)
    assert engine.compress(block) + engine.flush(zlib.Z_FULL_FLUSH) == one
    tail = engine.flush()
    adler = zlib.adler32(prefix)
    for _ in range(zero_mib):
        adler = zlib.adler32(block, adler)
    return head + one * zero_mib + tail[:-4] + adler.to_bytes(4, "big")


def test_the_bombs_here_are_real_zlib() -> None:
    assert zlib.decompress(_stream(b"abc", 3)) == b"abc" + bytes(3 * MiB)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _stream(b"", ZEROS // MiB)


def refused(receiver: Office, data: bytes, message: str, **options: Any) -> int:
    """Refused with `message`, the database unchanged; returns the peak of Python memory
    allocated while importing."""
    before = digest(receiver.db)
    tracemalloc.start()
    try:
        with pytest.raises(BundleRefused, match=re.escape(message)):
            import_bundle(receiver.db, data, PASS, ImportOptions(**options))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert digest(receiver.db) == before
    return peak


def test_a_bomb_declaring_its_size_is_refused_before_decompressing(
        offices: dict[str, Office], bomb: bytes) -> None:
    assert len(bomb) < MiB
    data = craft(offices["A"], offices["P"], compressed=bomb, raw_length=ZEROS)
    peak = refused(offices["P"], data, f"tỷ lệ nén vượt {DEFAULT_LIMITS.max_ratio} lần")
    assert peak < 16 * MiB


def test_a_bomb_lying_about_its_size_stops_at_the_size_it_declared(
        offices: dict[str, Office], bomb: bytes) -> None:
    declared = 2 * len(bomb)  # a ratio the header may claim; the data goes far beyond it
    data = craft(offices["A"], offices["P"], compressed=bomb, raw_length=declared)
    peak = refused(offices["P"], data, "vượt quá kích thước đã khai báo")
    assert peak < declared + 16 * MiB


def test_a_bomb_behind_honest_data_is_refused_by_its_ratio() -> None:
    # Incompressible bytes, then a quarter of a gigabyte of line breaks (short lines that
    # pass the line limit), under a length the header may claim.
    stream = _stream(os.urandom(MiB), ZEROS // MiB, b"\n")
    declared = DEFAULT_LIMITS.max_ratio * len(stream)
    inflater = _Inflater(stream, declared, DEFAULT_LIMITS)
    with pytest.raises(BundleRefused, match=f"lớn hơn {DEFAULT_LIMITS.max_ratio} lần"):
        while inflater.take(MiB, MiB):
            pass
    assert inflater.produced < declared


def test_the_inflater_stops_within_a_megabyte_of_its_declared_size(bomb: bytes) -> None:
    declared = 2 * len(bomb)
    inflater = _Inflater(bomb, declared, DEFAULT_LIMITS)
    with pytest.raises(BundleRefused, match="kích thước đã khai báo"):
        while inflater.take(1, ZEROS):
            pass
    assert declared < inflater.produced <= declared + MiB


def test_a_bomb_of_short_lines_stops_at_its_first_chunk(offices: dict[str, Office]) -> None:
    lines = b'{"format":2,"sections":[{"name":"office","columns":["id","code","name",' \
        b'"parent_id","created_at","updated_at"],"count":4000000}]}\n' + b"[]\n" * 200_000
    stream = zlib.compress(lines, 9)
    data = craft(offices["A"], offices["P"], compressed=stream, raw_length=len(lines))
    refused(offices["P"], data, "Bảng office, bản ghi 1: cần 6 giá trị")


def test_a_line_longer_than_the_limit_is_refused(offices: dict[str, Office]) -> None:
    refused(offices["P"], craft(offices["A"], offices["P"]), "dài hơn 200 byte",
            limits=Limits(max_line=200))
