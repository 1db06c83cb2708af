"""The periodic training report (báo cáo sơ kết / tổng kết) as an A4 PDF in the Đoàn
document format: the two-column header with "Số: NN-BC/…", the title "BÁO CÁO" and its
subject, I. results (tables by programme and by group, the targets with a chart, the
budget), II.-IV. the clerk's text, then "Nơi nhận" and the signature block.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from cadre_desktop.domain import text
from cadre_desktop.domain.money import format_vnd
from cadre_desktop.domain.targets import count_text, percent
from cadre_desktop.printing import data, layout
from cadre_desktop.printing.form_parts import together
from cadre_desktop.printing.model import Document
from cadre_desktop.printing.report_parts import (
    figure_table,
    legend,
    money,
    number_col,
    numbered,
    paragraphs,
    sentence,
    sub_heading,
    targets_chart,
    text_col,
)
from cadre_desktop.printing.tables import exact
from cadre_desktop.services.reports import TrainingReport
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store import units
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import load_profile


def document(db: Database, report: TrainingReport, number: str | None,
             on: dt.date | None) -> Document:
    profile = load_profile(db)
    day = on or dt.date.today()
    return Document(
        header=data.header(db, profile, "BC", number or report.draft.number or None, day),
        title="BÁO CÁO", subtitle=[text.clean(report.subject)],
        details=[f"(Từ ngày {report.start:%d/%m/%Y} đến ngày {report.end:%d/%m/%Y})"],
        signature=data.signature(profile), recipients=report.recipients,
        pdf_title=f"Báo cáo {report.subject}")


def _intro(db: Database, report: TrainingReport) -> list[Flowable]:
    root = units.root_unit(db)
    body_name = f"Ban Thường vụ {root.name}" if root else "Ban Thường vụ"
    basis = ""
    if report.plans:
        plan = report.plans[0]
        number = f" số {plan.number}" if plan.number else ""
        issuer = f" của {plan.issuer}" if plan.issuer else ""
        basis = f"Thực hiện {plan.name[0].lower()}{plan.name[1:]} (Kế hoạch{number}{issuer}), "
    lead = f"{basis}{body_name} báo cáo {report.subject[0].lower()}{report.subject[1:]} như sau:"
    return [Spacer(1, 2), sentence(layout.escape(lead))]


def _classes(report: TrainingReport, width: float) -> list[Flowable]:
    rate = percent(report.completion_rate)
    items: list[Flowable] = [sub_heading("1. Tổ chức các lớp bồi dưỡng"), sentence(
        f"Trong kỳ đã tổ chức <b>{report.classes}</b> lớp bồi dưỡng với "
        f"<b>{count_text(report.enrolments)}</b> lượt học viên "
        f"({count_text(report.people)} người); <b>{count_text(report.completions)}</b> lượt "
        f"hoàn thành chương trình (đạt {rate}).")]
    if report.by_programme:
        rows = [[str(n), p.name, str(p.classes), count_text(p.enrolments),
                 count_text(p.completions),
                 percent(p.completions / p.enrolments if p.enrolments else None)]
                for n, p in enumerate(report.by_programme, start=1)]
        total = ["", "Tổng cộng", str(report.classes), count_text(report.enrolments),
                 count_text(report.completions), rate]
        cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
                *(number_col([r[i] for r in [*rows, total]]) for i in range(2, 6))]
        items.append(figure_table(["STT", "Chương trình bồi dưỡng", "Số lớp", "Lượt học viên",
                                   "Hoàn thành", "Tỷ lệ"], rows, cols, width, total))
    return items


def _groups(report: TrainingReport, width: float) -> list[Flowable]:
    if not report.by_group:
        return []
    rows = [[str(n), g.group, count_text(g.enrolments), count_text(g.completions)]
            for n, g in enumerate(report.by_group, start=1)]
    total = ["", "Tổng cộng", count_text(report.enrolments), count_text(report.completions)]
    cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
            number_col([r[2] for r in [*rows, total]]), number_col([r[3] for r in [*rows, total]])]
    return [sub_heading("2. Lượt học viên theo đối tượng"),
            figure_table(["STT", "Đối tượng", "Lượt học viên", "Hoàn thành"], rows, cols, width,
                         total)]


def chart_text(f: TargetFigures) -> str:
    """The short value beside a target's bar."""
    if f.kind == "count":
        return f"{count_text(f.numerator)}/{count_text(f.goal)}"
    return f"{percent(f.value)} / {'≤ ' if f.target.at_most else ''}{percent(f.goal)}"


def progress(f: TargetFigures) -> float | None:
    """How far a target is towards its goal (1.0 = the goal)."""
    if f.value is None or not f.goal:
        return None
    return f.value / f.goal


def _targets(report: TrainingReport, width: float) -> list[Flowable]:
    if not report.targets:
        return [sub_heading("3. Thực hiện chỉ tiêu"),
                sentence("Chưa có kế hoạch nào có chỉ tiêu trong khoảng thời gian này.")]
    rows = [[str(n), f.name, f.value_text, f.goal_text, "Đạt" if f.met else "Chưa đạt"]
            for n, f in enumerate(report.targets, start=1)]
    cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows], 55),
            text_col([r[2] for r in rows], 30), text_col([r[3] for r in rows], 18),
            exact(["Chưa đạt"], align="CENTER")]
    met = sum(f.met for f in report.targets)
    bars = [(str(n), progress(f), f.met, chart_text(f))
            for n, f in enumerate(report.targets, start=1)]
    return [sub_heading("3. Thực hiện chỉ tiêu"), sentence(
        f"Tính đến ngày {report.end:%d/%m/%Y}, đạt <b>{met}/{len(report.targets)}</b> chỉ tiêu "
        "của kế hoạch."),
        figure_table(["STT", "Chỉ tiêu", "Kết quả", "Chỉ tiêu đề ra", "Đánh giá"], rows, cols,
                     width),
        Spacer(1, 3), together([targets_chart(bars, width), legend(
            "Biểu đồ: mức đạt so với chỉ tiêu (vạch đứt là chỉ tiêu; xanh: đạt, cam: chưa "
            "đạt; chỉ tiêu kinh phí có dấu ≤ đạt khi không vượt mức).")], width)]


def _amount(value: int) -> str:
    """An amount that never breaks before its "đồng" (a justified line would otherwise
    stretch its words apart to push "đồng." onto a line of its own)."""
    return format_vnd(value, "đồng").replace(" đồng", "&nbsp;đồng")


def _budget(report: TrainingReport, width: float) -> list[Flowable]:
    items: list[Flowable] = [sub_heading("4. Kinh phí"), sentence(
        f"Dự toán kinh phí các lớp trong kỳ: <b>{_amount(report.budget_planned)}</b>; đã thực "
        f"hiện: <b>{_amount(report.budget_actual)}</b>.")]
    if report.budget_items:
        rows = [[str(n), b.label, money(b.estimate), money(b.actual)]
                for n, b in enumerate(report.budget_items, start=1)]
        total = ["", "Tổng cộng", money(sum(b.estimate for b in report.budget_items)),
                 money(sum(b.actual for b in report.budget_items))]
        cols = [exact([str(len(rows))], at_least_mm=9), text_col([r[1] for r in rows]),
                number_col([r[2] for r in [*rows, total]]),
                number_col([r[3] for r in [*rows, total]])]
        items.append(figure_table(["STT", "Khoản chi", "Dự toán (đồng)", "Thực hiện (đồng)"],
                                  rows, cols, width, total))
    years = [y for y in report.year_budgets if y.estimate is not None or y.actual]
    if years:
        rows = [[str(y.year), money(y.estimate), money(y.actual),
                 percent(y.actual / y.estimate if y.estimate else None)] for y in years]
        cols = [exact([r[0] for r in rows], at_least_mm=14), *(number_col([r[i] for r in rows])
                                                             for i in range(1, 4))]
        # The lead-in stays with its table (never alone at the foot of a page).
        items.append(together([sentence("Dự toán của kế hoạch năm và kinh phí đã thực hiện:"),
                               figure_table(["Năm", "Dự toán kế hoạch năm (đồng)",
                                             "Đã thực hiện (đồng)", "Tỷ lệ"], rows, cols,
                                            width)], width))
    return items


def story(db: Database, report: TrainingReport, number: str | None = None,
          on: dt.date | None = None) -> list[Flowable]:
    doc = document(db, report, number, on)
    width = layout.frame_width(False)
    draft = report.draft
    return [
        layout.header_block(doc.header, False), *layout.title_block(doc),
        *_intro(db, report),
        *numbered("I. KẾT QUẢ THỰC HIỆN"),
        *_classes(report, width), *_groups(report, width), *_targets(report, width),
        *_budget(report, width),
        *numbered("II. ĐÁNH GIÁ CHUNG"), *paragraphs(draft.assessment),
        *numbered("III. PHƯƠNG HƯỚNG, NHIỆM VỤ"), *paragraphs(draft.directions),
        *numbered("IV. ĐỀ XUẤT, KIẾN NGHỊ"), *paragraphs(draft.proposals, 3),
        layout.closing_block(doc.signature, doc.recipients, False),
    ]


def print_training_report(db: Database, report: TrainingReport, path: str | Path, *,
                          number: str | None = None, on: dt.date | None = None) -> int:
    """Write the report's PDF; the number of pages. `number` overrides the draft's;
    `on` is the date of the place/date line (today)."""
    items = story(db, report, number, on)
    return layout.build(items, Path(path), wide=False,
                        title=document(db, report, number, on).pdf_title)
