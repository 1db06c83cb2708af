"""The attendance sheet (danh sách điểm danh): one row per participant, one signing column
per session when they fit an A4 page, else one "Ký tên" column. Between a portrait and a
landscape page, the one with fewer pages wins, then the one where less text wraps.
Recorded attendance is printed as the status's short code in its session's column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from cadre_desktop.printing import layout
from cadre_desktop.printing.model import AttendanceSheet, Participant
from cadre_desktop.printing.paging import Book, Grid
from cadre_desktop.printing.tables import (
    BODY_SIZE,
    HEAD_SIZE,
    Col,
    cell,
    crowded,
    exact,
    fit_widths,
    head,
    natural,
)

SESSION_MIN_MM = 9.0
SIGN_MIN_MM = 20.0
HEADER_ROWS = 2
# (landscape, body font size) for one signing column per session; a landscape sheet is
# the crowded one, so its text is a point smaller.
_LAYOUTS = [(False, BODY_SIZE), (True, BODY_SIZE - 1)]


@dataclass
class _Plan:
    """Which columns the sheet has, how wide they are, the orientation and font size."""

    split: bool            # Nam/Nữ sub-columns under Năm sinh
    per_session: bool      # one signing column per session, else one "Ký tên" column
    wide: bool
    size: float
    widths: list[float]
    aligns: list[str]
    crowded: bool


def _fixed_cols(people: list[Participant], split: bool,
                size: float) -> tuple[list[Col], list[Col]]:
    """The columns before the signing columns and after them."""
    year = exact(["0000"], size, at_least_mm=10)
    before = [
        exact([str(len(people))], size, at_least_mm=9),
        Col(32, natural((p.full_name for p in people), size), 1.0),
        *([year, year] if split else [exact(["0000"], size, at_least_mm=12)]),
        Col(18, natural((p.position for p in people), size), 0.4),
        Col(22, natural((p.unit for p in people), size), 0.6),
    ]
    after = [
        exact((p.short_code for p in people), size, at_least_mm=9),
        Col(12, 0, 0.3),
    ]
    return before, after


def _plans(sheet: AttendanceSheet) -> list[_Plan]:
    """The layouts that fit: a signing column per session on a portrait and on a landscape
    page when they fit there, else one "Ký tên" column on a portrait page."""
    people = sheet.participants
    split = any(p.gender for p in people)
    n = len(sheet.sessions)
    plans = []
    for wide, size in _LAYOUTS if n else []:
        before, after = _fixed_cols(people, split, size)
        cols = [*before, *[Col(SESSION_MIN_MM, SESSION_MIN_MM * mm, 1.0, "CENTER")] * n,
                *after]
        widths = fit_widths(cols, layout.frame_width(wide))
        if widths:
            plans.append(_Plan(split, True, wide, size, widths, [c.align for c in cols],
                               crowded(cols, widths)))
    if plans:
        return plans
    before, after = _fixed_cols(people, split, BODY_SIZE)
    cols = [*before, Col(SIGN_MIN_MM, SIGN_MIN_MM * mm, 2.0, "CENTER"), *after]
    widths = fit_widths(cols, layout.frame_width(False))
    if widths is None:  # the minimums always fit a portrait page
        raise AssertionError("attendance columns do not fit an A4 page")
    return [_Plan(split, False, False, BODY_SIZE, widths, [c.align for c in cols], False)]


def _header_rows(sheet: AttendanceSheet, plan: _Plan) -> tuple[list[list[Any]], list[Any]]:
    """The two heading rows and their style commands (spans, paddings)."""
    top: list[Any] = [head("STT"), head("Họ và tên"), head("Năm sinh")]
    bottom: list[Any] = ["", "", head("Nam") if plan.split else ""]
    spans: list[Any] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    if plan.split:
        top.append("")
        bottom.append(head("Nữ"))
        spans.append(("SPAN", (2, 0), (3, 0)))
    else:
        spans.append(("SPAN", (2, 0), (2, 1)))
    col = len(top)
    top += [head("Chức vụ"), head("Đơn vị")]
    bottom += ["", ""]
    spans += [("SPAN", (col, 0), (col, 1)), ("SPAN", (col + 1, 0), (col + 1, 1))]
    col += 2
    if plan.per_session:
        n = len(sheet.sessions)
        top += [head("Ký tên theo buổi học")] + [""] * (n - 1)
        bottom += [head(f"{s.number}\n{s.day_month}", HEAD_SIZE - 1) for s in sheet.sessions]
        spans.append(("SPAN", (col, 0), (col + n - 1, 0)))
        # "02/11" must fit a narrow column on one line: almost no side padding there.
        spans.append(("LEFTPADDING", (col, 1), (col + n - 1, 1), 1))
        spans.append(("RIGHTPADDING", (col, 1), (col + n - 1, 1), 1))
        col += n
    else:
        top.append(head("Ký tên"))
        bottom.append("")
        spans.append(("SPAN", (col, 0), (col, 1)))
        col += 1
    top += [head("Mã"), head("Ghi chú")]
    bottom += ["", ""]
    spans += [("SPAN", (col, 0), (col, 1)), ("SPAN", (col + 1, 0), (col + 1, 1))]
    return [top, bottom], spans


def _grid(sheet: AttendanceSheet, plan: _Plan) -> Grid:
    heading, heading_spans = _header_rows(sheet, plan)
    w = plan.widths
    name_w, pos_w, unit_w = w[1], w[4 if plan.split else 3], w[5 if plan.split else 4]
    remark_w, size = w[-1], plan.size
    n = len(sheet.sessions) if plan.per_session else 1
    # Rows tall enough to sign in.
    grid = Grid(plan.widths, plan.aligns, heading, heading_spans, [], size=size, padding=4,
                total=f"Tổng số: {len(sheet.participants)} học viên", note=sheet.legend)
    for index, p in enumerate(sheet.participants):
        row: list[Any] = [str(p.number), cell(p.full_name, name_w, size=size)]
        if plan.split:
            if p.gender is None:
                row += [p.birth_year, ""]
                grid.row_spans[index] = [(2, 3)]
            else:
                row += [p.birth_year, ""] if p.gender == "M" else ["", p.birth_year]
        else:
            row.append(p.birth_year)
        row += [cell(p.position, pos_w, size=size), cell(p.unit, unit_w, size=size)]
        row += list(p.marks) if plan.per_session and p.marks else [""] * n
        row += [p.short_code, cell(p.remark, remark_w, size=size)]
        grid.rows.append(row)
    return grid


def story(sheet: AttendanceSheet) -> tuple[list[Flowable], bool]:
    """The flowables of the sheet and whether it needs a landscape page: the layout with
    the fewest pages, then the one where names and units wrap least, then portrait."""
    doc = sheet.document
    choices = []
    for plan in _plans(sheet):
        before: list[Flowable] = [layout.header_block(doc.header, plan.wide),
                                  *layout.title_block(doc)]
        closing = layout.closing_block(doc.signature, doc.recipients, plan.wide)
        book = Book(_grid(sheet, plan), before, plan.wide, [closing])
        choices.append(((book.pages, plan.crowded, plan.wide), book))
    book = min(choices, key=lambda choice: choice[0])[1]
    return book.flowables(), book.wide


def render(sheet: AttendanceSheet, path: Path) -> int:
    items, wide = story(sheet)
    return layout.build(items, path, wide=wide, title=sheet.document.pdf_title)
