"""The member training programme's printed forms (seed 004, Chương trình rèn luyện đoàn
viên):

- a member's registration form: the criteria registered in each of the five areas with
  the concrete plan for each, and the branch committee's decision;
- a branch's result list: every member in official order with the self-evaluation
  scores, the branch's score and the classification, then how many members are in each
  classification.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from cadre_desktop.printing import fonts, layout
from cadre_desktop.printing.form_model import BranchResults, Pair, RegistrationForm
from cadre_desktop.printing.form_parts import (
    TickBoxes,
    body,
    pair,
    pair_row,
    pairs,
    section,
    signatures,
    text_or_lines,
    together,
)
from cadre_desktop.printing.paging import Book, Grid
from cadre_desktop.printing.tables import (
    Col,
    body_style,
    cell,
    crowded,
    exact,
    fit_widths,
    head,
    heading_style,
    natural,
)

TABLE_SIZE = 11.0
AREA_FILL = colors.Color(0.94, 0.94, 0.94)
NAME_SHARES = (0.6, 0.4)
ROUND_HEAD_SIZE = 9.0


def _para(markup: str, align: int = TA_LEFT) -> Paragraph:
    return Paragraph(markup, layout.style("regular", TABLE_SIZE, align, TABLE_SIZE * 1.2))


def _items_table(form: RegistrationForm) -> Table:
    """STT | criterion | plan, under a full-width row for each area."""
    width = layout.frame_width(False)
    half = (width - 13 * mm) / 2
    widths = [13 * mm, half, half]
    data: list[list[Any]] = [[head("STT"), head("Nội dung đăng ký rèn luyện (tiêu chí)"),
                              head("Giải pháp thực hiện cụ thể")]]
    style: list[Any] = heading_style(1) + body_style(1, ["CENTER", "LEFT", "LEFT"], 2.5,
                                                     TABLE_SIZE)
    style += [("VALIGN", (0, 1), (-1, -1), "TOP"), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None])]
    for area in form.areas:
        row = len(data)
        data.append([_para(f"<b>{layout.escape(area.heading)}</b>"), "", ""])
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), AREA_FILL)]
        if not area.items:
            data.append(["", _para("<i>(Chưa đăng ký tiêu chí nào)</i>"), ""])
            style.append(("SPAN", (1, len(data) - 1), (-1, len(data) - 1)))
        for n, (criterion, plan) in enumerate(area.items, start=1):
            data.append([_para(f"{area.number}.{n}", TA_CENTER),
                         _para(layout.escape(criterion)), _para(layout.escape(plan))])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(style)
    return table


def registration_story(form: RegistrationForm) -> list[Flowable]:
    doc = form.document
    width = layout.frame_width(False)
    name, birth, *rest = form.member
    story: list[Flowable] = [layout.header_block(doc.header, False), *layout.title_block(doc)]
    story += [pair_row([name, birth], NAME_SHARES, width), *pairs(rest)]
    story.append(body(f"Căn cứ {layout.escape(doc.subtitle[0])} và hướng dẫn của Ban Chấp "
                      "hành chi đoàn, tôi đăng ký rèn luyện các nội dung sau:"))
    story += [Spacer(1, 2 * mm), _items_table(form), Spacer(1, 1.5 * mm)]
    story.append(body(f"<i>{layout.escape(form.total)}</i>"))
    # The decision's heading stays with its boxes, the signatures with the date; only a
    # long comment in between may run on to the next page.
    story.append(together([*section("Ý KIẾN CỦA BAN CHẤP HÀNH CHI ĐOÀN"), Spacer(1, 1 * mm),
                           TickBoxes(form.decisions, form.chosen),
                           body("- Ý kiến, đề nghị chỉnh sửa (nếu có):")], width))
    if form.chosen and not form.comment:
        story.append(body("<i>Không có.</i>"))
    else:
        story.append(text_or_lines(form.comment, 2))
    story.append(together([pair(Pair("Ngày xét duyệt", form.decided_on)),
                           signatures(form.signatures, width)], width))
    return story


def render_registration(form: RegistrationForm, path: Path) -> int:
    return layout.build(registration_story(form), path, wide=False,
                        title=form.document.pdf_title)


def _columns(results: BranchResults) -> list[Col]:
    rows = results.rows
    # A round's heading ends with its date, which must not break.
    dated = natural(["00/00/0000"], ROUND_HEAD_SIZE, fonts.BOLD) / mm
    score = exact(["100", "99,5"], at_least_mm=max(14.0, dated))
    return [
        exact([str(len(rows))], at_least_mm=10),
        Col(40, natural(r.full_name for r in rows), 1.0),
        *[score] * len(results.rounds),
        exact(["100", "99,5"], at_least_mm=18),
        Col(26, natural(r.classification for r in rows), 0.5),
        Col(20, natural(r.note for r in rows), 0.6),
    ]


def _grid(results: BranchResults, cols: list[Col], widths: list[float]) -> Grid:
    n = len(results.rounds)
    top: list[Any] = [head("STT"), head("Họ và tên")]
    bottom: list[Any] = ["", ""]
    spans: list[Any] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    if n:
        top += [head("Điểm tự đánh giá")] + [""] * (n - 1)
        bottom += [head(label, ROUND_HEAD_SIZE) for label in results.rounds]
        spans.append(("SPAN", (2, 0), (n + 1, 0)))
    last = n + 2
    top += [head("Điểm chi đoàn"), head("Xếp loại"), head("Ghi chú")]
    bottom += ["", "", ""]
    spans += [("SPAN", (c, 0), (c, 1)) for c in range(last, last + 3)]
    grid = Grid(widths, [c.align for c in cols], [top, bottom], spans, [],
                total=f"Tổng số: {len(results.rows)} đoàn viên")
    for r in results.rows:
        grid.rows.append([str(r.number), cell(r.full_name, widths[1]), *r.self_scores,
                          r.score, cell(r.classification, widths[last + 1]),
                          cell(r.note, widths[last + 2])])
    return grid


def _counts(results: BranchResults, width: float) -> Table:
    """'Trong đó:' and one line per classification with its share of the members."""
    total = len(results.rows)
    lines: list[Flowable] = [Spacer(1, 2 * mm), body("<b>Kết quả xếp loại, trong đó:</b>")]
    for label, count in results.counts:
        share = f"{100 * count / total:.1f}".replace(".", ",") if total else "0"
        lines.append(body(f"- {layout.escape(label)}: <b>{count}</b> đoàn viên "
                          f"(tỷ lệ {share}%)", TA_LEFT))
    return together(lines, width)


def results_story(results: BranchResults) -> tuple[list[Flowable], bool]:
    """Portrait, or landscape when that takes fewer pages or wraps much less."""
    cols = _columns(results)
    doc = results.document
    choices = []
    for wide in (False, True):
        widths = fit_widths(cols, layout.frame_width(wide))
        if widths is None:
            continue
        width = layout.frame_width(wide)
        before: list[Flowable] = [layout.header_block(doc.header, wide),
                                  *layout.title_block(doc)]
        after = [_counts(results, width),
                 layout.closing_block(doc.signature, doc.recipients, wide)]
        book = Book(_grid(results, cols, widths), before, wide, after)
        choices.append(((book.pages, crowded(cols, widths), wide), book))
    if not choices:
        raise AssertionError("result columns do not fit an A4 page")
    book = min(choices, key=lambda choice: choice[0])[1]
    return book.flowables(), book.wide


def render_results(results: BranchResults, path: Path) -> int:
    items, wide = results_story(results)
    return layout.build(items, path, wide=wide, title=results.document.pdf_title)
