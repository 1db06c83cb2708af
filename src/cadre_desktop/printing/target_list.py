"""`print target`: one target's figures unit by unit and the people who do not yet meet
it, in official name order, as an A4 document in the Đoàn format (header, title, the
by-unit table, the list with its heading on every page, Nơi nhận and signature).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.targets import MEASURES, count_text, percent
from cadre_desktop.printing import data, layout
from cadre_desktop.printing.model import Document
from cadre_desktop.printing.paging import Book, Grid, height_of
from cadre_desktop.printing.report_parts import (
    figure_table,
    money,
    number_col,
    sentence,
    sub_heading,
    text_col,
)
from cadre_desktop.printing.tables import Col, cell, exact, fit_widths, head, natural
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import person_briefs
from cadre_desktop.store.profile import load_profile


def _document(db: Database, f: TargetFigures, number: str | None, on: dt.date) -> Document:
    profile = load_profile(db)
    people = f.kind in ("coverage", "share")
    title = "DANH SÁCH" if people else "KẾT QUẢ THỰC HIỆN CHỈ TIÊU"
    subtitle = ["Cán bộ, đoàn viên chưa đạt chỉ tiêu"] if people else []
    return Document(
        header=data.header(db, profile, "DS" if people else "BC", number, on),
        title=title, subtitle=[*subtitle, f"“{f.name}”"],
        details=[f"{f.plan.name} (từ ngày {f.start:%d/%m/%Y} đến ngày {f.end:%d/%m/%Y})"],
        signature=data.signature(profile),
        pdf_title=f"Chỉ tiêu: {f.name}")


def _summary(f: TargetFigures) -> str:
    verdict = "<b>đạt</b>" if f.met else "<b>chưa đạt</b>"
    if f.kind == "count":
        return (f"Kết quả: <b>{count_text(f.numerator)}</b> {MEASURES[f.target.measure]} so với "
                f"chỉ tiêu {count_text(f.goal)}: {verdict}.")
    if f.kind == "budget":
        return (f"Kinh phí đã thực hiện <b>{money(f.numerator)}</b> đồng trên dự toán "
                f"{money(f.denominator)} đồng ({percent(f.value)}; chỉ tiêu {f.goal_text}): "
                f"{verdict}.")
    return (f"Kết quả: <b>{f.numerator}/{f.denominator}</b> người ({percent(f.value)}) so với "
            f"chỉ tiêu {percent(f.goal)}: {verdict}; còn <b>{len(f.unmet())}</b> người chưa đạt.")


def _units_table(f: TargetFigures, width: float) -> list[Flowable]:
    if f.kind in ("coverage", "share") and f.by_unit:
        rows = [[str(n), u.unit, str(u.denominator), str(u.numerator),
                 str((u.denominator or 0) - u.numerator), percent(u.value)]
                for n, u in enumerate(f.by_unit, start=1)]
        total = ["", "Tổng cộng", str(f.denominator), str(f.numerator),
                 str((f.denominator or 0) - f.numerator), percent(f.value)]
        cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
                *(number_col([r[i] for r in [*rows, total]]) for i in range(2, 6))]
        return [sub_heading("1. Kết quả theo đơn vị"), figure_table(
            ["STT", "Đơn vị", "Trong đối tượng", "Đã đạt", "Chưa đạt", "Tỷ lệ"], rows, cols,
            width, total)]
    if f.kind == "count" and f.by_unit:
        rows = [[str(n), u.unit, count_text(u.numerator)] for n, u in enumerate(f.by_unit, 1)]
        total = ["", "Tổng cộng", count_text(f.numerator)]
        cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
                number_col([r[2] for r in [*rows, total]])]
        return [sub_heading("1. Kết quả theo đơn vị"), figure_table(
            ["STT", "Đơn vị", MEASURES[f.target.measure].capitalize()], rows, cols, width,
            total)]
    return []


def _offices_table(f: TargetFigures, width: float) -> list[Flowable]:
    if len(f.by_office) < 2:
        return []
    fraction = f.kind in ("coverage", "share")
    rows = [[str(n), o.name or o.office, count_text(o.numerator),
             str(o.denominator) if fraction else "",
             percent(o.numerator / o.denominator if fraction and o.denominator else None)]
            for n, o in enumerate(f.by_office, start=1)]
    cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
            *(number_col([r[i] for r in rows]) for i in range(2, 5))]
    return [sub_heading("Kết quả theo đơn vị trực thuộc"), figure_table(
        ["STT", "Đơn vị", "Đạt", "Trong đối tượng", "Tỷ lệ"], rows, cols, width)]


def _classes_table(f: TargetFigures, width: float) -> list[Flowable]:
    """What a count or budget target counted: its classes."""
    if not f.classes:
        return []
    rows = [[str(n), c.name, f"{c.end:%d/%m/%Y}", count_text(c.enrolments),
             count_text(c.completions), money(c.actual)]
            for n, c in enumerate(f.classes, start=1)]
    cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
            exact([r[2] for r in rows], at_least_mm=20),
            *(number_col([r[i] for r in rows]) for i in range(3, 6))]
    return [sub_heading("Các lớp được tính"), figure_table(
        ["STT", "Lớp", "Kết thúc", "Lượt học viên", "Hoàn thành", "Kinh phí thực hiện (đồng)"],
        rows, cols, width)]


def _grid(db: Database, f: TargetFigures, width: float) -> Grid:
    briefs = person_briefs(db, [p.person_id for p in f.unmet()])
    rows = [[str(n), b.full_name,
             str(PartialDate.from_iso(b.birth_date).year) if b.birth_date else "",
             b.position, b.unit, ""] for n, b in enumerate(briefs, start=1)]
    cols = [exact([str(len(rows))], at_least_mm=9), Col(34, natural(r[1] for r in rows), 1.0),
            exact([r[2] for r in rows] or ["2000"], at_least_mm=14),
            Col(22, natural(r[3] for r in rows), 0.5), Col(30, natural(r[4] for r in rows), 0.8),
            Col(18, 0, 0.4)]
    widths = fit_widths(cols, width) or [width / len(cols)] * len(cols)
    heading: list[Any] = [head(h) for h in ("STT", "Họ và tên", "Năm sinh", "Chức vụ",
                                            "Đơn vị", "Ghi chú")]
    grid = Grid(widths, [c.align for c in cols], [heading], [], [],
                total=f"Tổng số: {len(rows)} người")
    for row in rows:
        grid.rows.append([row[0], cell(row[1], widths[1]), row[2], cell(row[3], widths[3]),
                          cell(row[4], widths[4]), ""])
    return grid


def story(db: Database, f: TargetFigures, number: str | None = None,
          on: dt.date | None = None) -> list[Flowable]:
    doc = _document(db, f, number, on or dt.date.today())
    width = layout.frame_width(False)
    first: list[Flowable] = [layout.header_block(doc.header, False), *layout.title_block(doc),
                             sentence(_summary(f)), *_units_table(f, width),
                             *_offices_table(f, width)]
    closing = layout.closing_block(doc.signature, doc.recipients, False)
    if f.kind not in ("coverage", "share"):
        return [*first, *_classes_table(f, width), closing]
    heading = sub_heading(f"2. Danh sách chưa đạt ({len(f.unmet())} người)")
    if height_of(first, width) > 0.6 * layout.frame_height(False):
        # A long unit table: the list starts on a page of its own.
        book = Book(_grid(db, f, width), [heading], False, [closing])
        return [*first, PageBreak(), *book.flowables()]
    book = Book(_grid(db, f, width), [*first, heading], False, [closing])
    return book.flowables()


def print_target(db: Database, figures: TargetFigures, path: str | Path, *,
                 number: str | None = None, on: dt.date | None = None) -> int:
    """Write the target's document (figures from services.targets.target_detail); the
    number of pages."""
    items = story(db, figures, number, on)
    return layout.build(items, Path(path), wide=False, title=f"Chỉ tiêu: {figures.name}")
