"""The participant list (danh sách học viên tham dự lớp), in official name order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from cadre_desktop.printing import layout
from cadre_desktop.printing.model import ParticipantList
from cadre_desktop.printing.paging import Book, Grid
from cadre_desktop.printing.tables import (
    Col,
    cell,
    crowded,
    exact,
    fit_widths,
    head,
    natural,
)

HEADER_ROWS = 2


def _columns(plist: ParticipantList) -> list[Col]:
    people = plist.participants
    birth = exact((p.birth for p in people), at_least_mm=14)
    return [
        exact([str(len(people))], at_least_mm=9),
        Col(34, natural(p.full_name for p in people), 1.0),
        birth, birth,
        Col(20, natural(p.position for p in people), 0.5),
        Col(24, natural(p.unit for p in people), 0.8),
        exact((p.short_code for p in people), at_least_mm=9),
        Col(14, 0, 0.5),
    ]


def _grid(plist: ParticipantList, cols: list[Col], widths: list[float]) -> Grid:
    top: list[Any] = [head("STT"), head("Họ và tên"), head("Ngày sinh"), "", head("Chức vụ"),
                      head("Đơn vị"), head("Mã"), head("Ghi chú")]
    bottom: list[Any] = ["", "", head("Nam"), head("Nữ"), "", "", "", ""]
    spans: list[Any] = [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 4, 5, 6, 7)]
    spans.append(("SPAN", (2, 0), (3, 0)))
    grid = Grid(widths, [c.align for c in cols], [top, bottom], spans, [],
                total=f"Tổng số: {len(plist.participants)} học viên")
    for index, p in enumerate(plist.participants):
        if p.gender is None:
            born = [p.birth, ""]
            grid.row_spans[index] = [(2, 3)]
        else:
            born = [p.birth, ""] if p.gender == "M" else ["", p.birth]
        grid.rows.append([str(p.number), cell(p.full_name, widths[1]), *born,
                          cell(p.position, widths[4]), cell(p.unit, widths[5]), p.short_code,
                          cell(p.remark, widths[7])])
    return grid


def story(plist: ParticipantList) -> tuple[list[Flowable], bool]:
    """Portrait, or landscape when that takes fewer pages or wraps much less."""
    cols = _columns(plist)
    doc = plist.document
    choices = []
    for wide in (False, True):
        widths = fit_widths(cols, layout.frame_width(wide))
        if widths is None:
            continue
        before: list[Flowable] = [layout.header_block(doc.header, wide),
                                  *layout.title_block(doc)]
        closing = layout.closing_block(doc.signature, doc.recipients, wide)
        book = Book(_grid(plist, cols, widths), before, wide, [closing])
        choices.append(((book.pages, crowded(cols, widths), wide), book))
    if not choices:
        raise AssertionError("participant columns do not fit an A4 page")
    book = min(choices, key=lambda choice: choice[0])[1]
    return book.flowables(), book.wide


def render(plist: ParticipantList, path: Path) -> int:
    items, wide = story(plist)
    return layout.build(items, path, wide=wide, title=plist.document.pdf_title)
