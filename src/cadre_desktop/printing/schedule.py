"""The class schedule (lịch học): one row per session in date and time order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from cadre_desktop.printing import layout
from cadre_desktop.printing.model import Schedule, Session
from cadre_desktop.printing.paging import Book, Grid
from cadre_desktop.printing.tables import (
    Col,
    cell,
    exact,
    fit_widths,
    head,
    natural,
)

_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def _day(s: Session) -> str:
    return f"{_WEEKDAYS[s.date.weekday()]}\n{s.date:%d/%m/%Y}"


def _time(s: Session) -> str:
    return f"{s.start_time} – {s.end_time}" if s.end_time else s.start_time


def story(plan: Schedule) -> tuple[list[Flowable], bool]:
    sessions = plan.sessions
    cols = [
        exact([str(len(sessions)), "Buổi"], at_least_mm=9),
        exact(["00/00/0000", "Chủ nhật"], at_least_mm=22),
        Col(22, natural(_time(s) for s in sessions), 0, "CENTER"),
        Col(45, natural(s.topic for s in sessions), 2.0),
        Col(28, natural(s.lecturer for s in sessions), 0.6),
        Col(25, natural(s.room for s in sessions), 0.6),
    ]
    widths = fit_widths(cols, layout.frame_width(False))
    if widths is None:
        raise AssertionError("schedule columns do not fit an A4 page")
    heading: list[Any] = [head("Buổi"), head("Ngày"), head("Thời gian"), head("Nội dung"),
                          head("Giảng viên"), head("Địa điểm")]
    grid = Grid(widths, [c.align for c in cols], [heading], [], [], padding=4)
    for s in sessions:
        grid.rows.append([str(s.number), _day(s), cell(_time(s), widths[2], "CENTER"),
                          cell(s.topic, widths[3]), cell(s.lecturer, widths[4]),
                          cell(s.room, widths[5])])
    doc = plan.document
    before: list[Flowable] = [layout.header_block(doc.header, False), *layout.title_block(doc)]
    closing = layout.closing_block(doc.signature, doc.recipients, False)
    return Book(grid, before, False, [closing]).flowables(), False


def render(plan: Schedule, path: Path) -> int:
    items, wide = story(plan)
    return layout.build(items, path, wide=wide, title=plan.document.pdf_title)
