"""Pagination of the office lists: at least MIN_ROWS rows go to the last page with the
total and the signature, and a page that gives them keeps MIN_ROWS of its own (no lone
row, no lone signature). The row counts swept here include those that used to leave a
single row on the last page (23 participants, 13 on a 4-session attendance sheet)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadre_desktop.printing import attendance, paging, participants
from cadre_desktop.printing.model import (
    AttendanceSheet,
    ClassInfo,
    Document,
    DocumentHeader,
    Participant,
    ParticipantList,
    Session,
)
from pdf_read import page_texts

DOC = Document(DocumentHeader("TỈNH ĐOÀN TÂY NINH", "BCH ĐOÀN PHƯỜNG GIA LỘC", "Số: 15-DS/ĐTN",
                              "Gia Lộc, ngày 22 tháng 11 năm 2026"),
               "DANH SÁCH HỌC VIÊN", ["Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2026"],
               ["Thời gian: từ ngày 02/11/2026 đến ngày 04/11/2026",
                "Địa điểm: Hội trường UBND phường"])
CLS = ClassInfo("c", "Lớp bồi dưỡng", "Bồi dưỡng", 2026, dt.date(2026, 11, 2),
                dt.date(2026, 11, 4), "Hội trường", "in_person", "", "")
SESSIONS = [Session(i + 1, dt.date(2026, 11, 2 + i // 2), "07:30", "11:00", "Chuyên đề", "", "")
            for i in range(4)]


def people(n: int) -> list[Participant]:
    return [Participant(i + 1, f"p{i}", f"Nguyễn Văn Người{i + 1:03d}", "MF"[i % 2], "1998",
                        "1998", "Bí thư chi đoàn", "Chi đoàn Khu phố 1", f"{i + 1:03d}")
            for i in range(n)]


@pytest.fixture
def books(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[paging.Book]]:
    """Every Book the documents plan (they try portrait and landscape)."""
    made: list[paging.Book] = []

    class Recorded(paging.Book):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(participants, "Book", Recorded)
    monkeypatch.setattr(attendance, "Book", Recorded)
    yield made


def _chosen(made: list[paging.Book], wide: bool) -> list[int]:
    book = min((b for b in made if b.wide == wide), key=lambda b: b.pages)
    return [end - start for start, end in book.ranges]


@pytest.mark.parametrize("kind", ["participants", "attendance"])
def test_no_page_has_fewer_than_min_rows(books: list[paging.Book], kind: str) -> None:
    for n in range(5, 100):
        books.clear()
        if kind == "participants":
            _, wide = participants.story(ParticipantList(DOC, CLS, people(n)))
        else:
            _, wide = attendance.story(AttendanceSheet(DOC, CLS, SESSIONS, people(n)))
        counts = _chosen(books, wide)
        assert sum(counts) == n
        if len(counts) > 1:
            assert min(counts) >= paging.MIN_ROWS, (n, counts)


@pytest.mark.parametrize(("kind", "n"), [("participants", 23), ("participants", 60),
                                         ("attendance", 13), ("attendance", 32)])
def test_the_last_page_holds_rows_total_and_signature(
    books: list[paging.Book], tmp_path: Path, kind: str, n: int
) -> None:
    out = tmp_path / f"{kind}-{n}.pdf"
    if kind == "participants":
        pages = participants.render(ParticipantList(DOC, CLS, people(n)), out)
    else:
        pages = attendance.render(AttendanceSheet(DOC, CLS, SESSIONS, people(n)), out)
    texts = page_texts(out)
    assert len(texts) == pages >= 2  # the plan and reportlab's layout agree
    last = texts[-1]
    assert f"Tổng số: {n} học viên" in last and "Nơi nhận" in last
    assert all("Nơi nhận" not in page for page in texts[:-1])
    on_last = [i for i in range(1, n + 1) if f"Người{i:03d}" in last]
    assert len(on_last) >= paging.MIN_ROWS and on_last[-1] == n
    # Every row printed once, in order, across the pages.
    everywhere = [i for page in texts for i in range(1, n + 1) if f"Người{i:03d}" in page]
    assert everywhere == list(range(1, n + 1))
