"""Vietnamese numbers and sizes, dates in messages, class phrases, and a class's status as
the calendar shows it."""

from __future__ import annotations

import datetime as dt

import pytest

from cadre_desktop.domain import class_status
from cadre_desktop.domain.dates import format_iso
from cadre_desktop.domain.wording import class_phrase, format_bytes, format_count, format_size


@pytest.mark.parametrize(("n", "size"), [
    (0, "0 byte"), (1023, "1.023 byte"), (1024, "1,00 KB"), (1_502_215, "1,43 MB"),
    (15_022_150, "14,33 MB"), (150_221_500, "143,26 MB"), (3 * 1024 ** 3, "3,00 GB"),
    (5 * 1024 ** 5, "5.120,00 TB"),
])
def test_sizes_read_as_explorer_shows_them(n: int, size: str) -> None:
    assert format_size(n) == size


def test_counts_and_bytes_group_thousands_with_dots() -> None:
    assert format_count(1_502_215) == "1.502.215"
    assert format_count(-1200) == "-1.200"
    assert format_bytes(1_502_215) == "1.502.215 byte"


def test_iso_text_reads_as_a_day() -> None:
    assert format_iso("2026-12-03") == "03/12/2026"
    assert format_iso(None) == ""
    stamp = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    assert format_iso(stamp.isoformat()) == format_iso(stamp.astimezone().date().isoformat())
    assert format_iso("không phải ngày") == "không phải ngày"


def test_class_phrase_never_doubles_the_word() -> None:
    assert class_phrase("Lớp bồi dưỡng kỹ năng số năm 2026") == "lớp bồi dưỡng kỹ năng số năm 2026"
    assert class_phrase("LỚP A") == "lớp A"
    assert class_phrase("K12 Tin học") == "lớp K12 Tin học"
    assert class_phrase("Lớpa") == "lớp Lớpa"


START, END = dt.date(2026, 3, 2), dt.date(2026, 3, 6)


@pytest.mark.parametrize(("recorded", "today", "shown"), [
    ("planned", dt.date(2026, 3, 1), "planned"),
    ("open", dt.date(2026, 3, 1), "open"),
    ("open", START, "running"),          # the first day came
    ("planned", END, "running"),
    ("running", dt.date(2026, 3, 7), "ended"),   # over, not closed: asks to be closed
    ("open", dt.date(2027, 1, 1), "ended"),
    ("finished", dt.date(2026, 3, 3), "finished"),  # the clerk's close always holds
    ("cancelled", dt.date(2027, 1, 1), "cancelled"),
])
def test_class_status_follows_the_calendar(recorded: str, today: dt.date, shown: str) -> None:
    assert class_status.current(recorded, START, END, today) == shown
    assert class_status.needs_closing(shown) == (shown == "ended")


def test_undated_class_keeps_its_recorded_status() -> None:
    assert class_status.current("open", None, None, dt.date(2030, 1, 1)) == "open"
    assert class_status.current("running", START, None, dt.date(2026, 3, 3)) == "running"
    assert class_status.current("planned", START, None, dt.date(2026, 3, 9)) == "running"
