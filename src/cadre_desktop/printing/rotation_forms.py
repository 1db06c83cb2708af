"""The rotation's printed forms (Tây Ninh plan 51-KH/TĐTN-TCKT, part VI: a written report
by the cadre and the host unit's evaluation every six months and at the end):

- the evaluation form of one scheduled evaluation, to be filled in and signed by the
  cadre and the host unit's Standing Committee; what is already recorded is printed,
  the rest is left as dotted lines;
- the summary of one rotation: who, where, when, the eligibility check rule by rule with
  the Standing Committee's overrides, the changes of end date and every evaluation.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from cadre_desktop.printing import layout
from cadre_desktop.printing.form_model import EvaluationForm, Pair, RotationSummaryDoc
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
from cadre_desktop.printing.paging import height_of
from cadre_desktop.printing.tables import PAD, body_style, head, heading_style

TABLE_SIZE = 11.0
NAME_SHARES = (0.6, 0.4)  # 'Họ và tên' and 'Ngày sinh' on one line
# Lines to write the report's summary by hand (the host's comments get one more): as many
# as let the form stay on one page, never fewer than the last.
HAND_LINES = (5, 4, 3, 2)


def evaluation_story(form: EvaluationForm, hand_lines: int = HAND_LINES[0]) -> list[Flowable]:
    doc = form.document
    width = layout.frame_width(False)
    story: list[Flowable] = [layout.header_block(doc.header, False), *layout.title_block(doc)]
    story += section("I. THÔNG TIN CÁN BỘ")
    name, birth, *rest = form.cadre
    story += [pair_row([name, birth], NAME_SHARES, width), *pairs(rest)]
    story += section("II. BÁO CÁO CỦA CÁN BỘ")
    story.append(pair(Pair("Ngày nhận báo cáo", form.report_received)))
    story.append(body("- Tóm tắt nội dung báo cáo <i>(những việc đã làm, đóng góp của bản "
                      "thân, vấn đề đặt ra tại cơ sở, đề xuất, kiến nghị)</i>:"))
    story.append(text_or_lines(form.report_summary, hand_lines))
    story += section("III. NHẬN XÉT, ĐÁNH GIÁ CỦA ĐƠN VỊ TIẾP NHẬN")
    story.append(body("1. Mức độ hoàn thành nhiệm vụ <i>(đánh dấu X vào một ô)</i>:"))
    story.append(Spacer(1, 1 * mm))
    story.append(TickBoxes(form.levels, form.chosen))
    story.append(body("2. Nhận xét <i>(ưu điểm, hạn chế, khả năng phát triển của cán "
                      "bộ)</i>:"))
    story.append(text_or_lines(form.comments, hand_lines + 1))
    # The signatures stay with the evaluation they sign.
    story.append(together([pair_row([Pair("Người đánh giá", form.evaluator),
                                     Pair("Ngày đánh giá", form.evaluated_on)],
                                    NAME_SHARES, width),
                           signatures(form.signatures, width)], width))
    return story


def render_evaluation(form: EvaluationForm, path: Path) -> int:
    width, room = layout.frame_width(False), layout.frame_height(False) - 2
    for count in HAND_LINES:
        story = evaluation_story(form, count)
        if height_of(story, width) <= room:
            break
    return layout.build(story, path, wide=False, title=form.document.pdf_title)


def _cell(markup: str, align: int = TA_LEFT) -> Paragraph:
    return Paragraph(markup, layout.style("regular", TABLE_SIZE, align, TABLE_SIZE * 1.2))


def grid(heading: Sequence[str], rows: Sequence[Sequence[Any]], widths_mm: Sequence[float],
         aligns: Sequence[str]) -> Table:
    """A small bordered table with a grey heading row repeated on a new page; the last
    column takes what the others leave."""
    width = layout.frame_width(False)
    widths = [w * mm for w in widths_mm]
    widths.append(width - sum(widths))
    table = Table([[head(h) for h in heading], *rows], colWidths=widths, repeatRows=1)
    table.setStyle(heading_style(1) + body_style(1, aligns, 2.5, TABLE_SIZE)
                   + [("VALIGN", (0, 1), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                      ("RIGHTPADDING", (0, 0), (-1, -1), PAD)])
    return table


def _rules_table(summary: RotationSummaryDoc) -> Table:
    rows = []
    for n, rule in enumerate(summary.rules, start=1):
        result = layout.escape(rule.result)
        rows.append([_cell(str(n), TA_CENTER), _cell(layout.escape(rule.title)),
                     _cell(result if rule.passed else f"<b>{result}</b>", TA_CENTER),
                     _cell(layout.escape(rule.detail))])
    return grid(["STT", "Điều kiện", "Kết quả", "Chi tiết"], rows, [11, 52, 22],
                ["CENTER", "LEFT", "CENTER", "LEFT"])


def _evaluations_table(summary: RotationSummaryDoc) -> Table:
    rows = []
    for n, e in enumerate(summary.evaluations, start=1):
        when = (f"<b>{layout.escape(e.label)}</b><br/>{layout.escape(e.period)}<br/>"
                f"<i>Hạn: {layout.escape(e.due)}</i>")
        rows.append([_cell(str(n), TA_CENTER), _cell(when), _cell(layout.escape(e.report)),
                     _cell(layout.escape(e.host))])
    return grid(["STT", "Kỳ đánh giá", "Báo cáo của cán bộ", "Đánh giá của đơn vị tiếp nhận"],
                rows, [11, 40, 55], ["CENTER", "LEFT", "LEFT", "LEFT"])


def _list(lines: Sequence[str], empty: str) -> list[Flowable]:
    if not lines:
        return [body(f"<i>{layout.escape(empty)}</i>")]
    return [body(f"- {layout.escape(line)}") for line in lines]


def summary_story(summary: RotationSummaryDoc) -> list[Flowable]:
    doc = summary.document
    story: list[Flowable] = [layout.header_block(doc.header, False), *layout.title_block(doc)]
    story += section("I. THÔNG TIN CHUNG")
    story += pairs(summary.general)
    story += section("II. ĐIỀU KIỆN, TIÊU CHUẨN")
    if summary.rules:
        story.append(body(f"<i>{layout.escape(summary.check_heading)}:</i>"))
        story += [Spacer(1, 1.5 * mm), _rules_table(summary), Spacer(1, 1.5 * mm)]
        story.append(body(f"<b>{layout.escape(summary.verdict)}</b>"))
    else:
        story.append(body("<i>Không lưu kết quả kiểm tra điều kiện khi đề xuất.</i>"))
    story.append(body("Ngoại lệ do Ban Thường vụ quyết định:"))
    story += _list(summary.overrides, "Không có.")
    story += section("III. GIA HẠN, KẾT THÚC SỚM")
    story += _list(summary.events, "Không có.")
    story += section("IV. KẾT QUẢ ĐÁNH GIÁ ĐỊNH KỲ VÀ CUỐI KỲ")
    if summary.evaluations:
        story += [Spacer(1, 1.5 * mm), _evaluations_table(summary)]
    else:
        story += _list([], "Chưa có lịch đánh giá.")
    closing = layout.closing_block(doc.signature, doc.recipients, False)
    story += [Spacer(1, 2 * mm), closing]
    return story


def render_summary(summary: RotationSummaryDoc, path: Path) -> int:
    return layout.build(summary_story(summary), path, wide=False,
                        title=summary.document.pdf_title)
