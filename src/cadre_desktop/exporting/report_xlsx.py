"""The training report and a target's list as .xlsx, with the figures of the PDFs.

Numbers are written as numbers (shares with a percent format, money with grouping) so the
province can add them up; text is always text: a name or unit beginning with = + - @ is
stored as a string with Excel's quote prefix, never as a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.targets import KINDS, MEASURES
from cadre_desktop.exporting.xlsx_save import save_book
from cadre_desktop.services.reports import TrainingReport
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store import files
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import person_briefs

_RISKY = ("=", "+", "-", "@", "\t", "\r")
PERCENT, MONEY, COUNT = "0.0%", "#,##0", "#,##0"


class _Sheet:
    """A write-only sheet: a title row, a heading row, then rows of values."""

    def __init__(self, book: Any, name: str, title: str, headings: Sequence[str],
                 widths: Sequence[int]) -> None:
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.sheet = book.create_sheet(name)
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.bold = Font(bold=True)
        self.row([title], bold=True)
        self.row(list(headings), bold=True)

    def row(self, values: Sequence[Any], formats: Sequence[str | None] = (),
            bold: bool = False) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(self.sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would take "=..." for a formula
                if value.startswith(_RISKY):
                    cell.quotePrefix = True  # and Excel keeps it text when edited
            fmt = formats[index] if index < len(formats) else None
            if fmt and value is not None and not isinstance(value, str):
                cell.number_format = fmt
            if bold:
                cell.font = self.bold
            cells.append(cell)
        self.sheet.append(cells)


def _save(book: Any, path: Path) -> None:
    """Whole or not at all, readable by its owner only (names of people, their units)."""
    try:
        with files.written_whole(path) as temporary:
            save_book(book, temporary)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {path}: {exc.strerror or exc}") from exc


def _check(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UserError("Tệp bảng tính phải có đuôi .xlsx")
    if not path.parent.resolve().is_dir():
        raise UserError(f"Không có thư mục {path.parent}")


def _share(numerator: int, denominator: int | None) -> float | None:
    return numerator / denominator if denominator else None


def _target_row(n: int, f: TargetFigures) -> tuple[list[Any], list[str | None]]:
    fraction = f.kind != "count"
    unit = MEASURES.get(f.target.measure, "người" if f.kind != "budget" else "đồng")
    return ([n, f.name, KINDS[f.kind], f.numerator, f.denominator,
             f.value, f.goal, "≤" if f.target.at_most else "≥", unit,
             "Đạt" if f.met else "Chưa đạt", f.id],
            [None, None, None, COUNT, COUNT, PERCENT if fraction else COUNT,
             PERCENT if fraction else COUNT])


_TARGET_HEADINGS = ["STT", "Chỉ tiêu", "Loại", "Đạt được", "Trên tổng số", "Kết quả",
                    "Chỉ tiêu đề ra", "So sánh", "Đơn vị tính", "Đánh giá", "Mã chỉ tiêu"]
_TARGET_WIDTHS = [6, 60, 20, 14, 16, 12, 14, 8, 16, 12, 38]


def export_training_report(report: TrainingReport, path: str | Path) -> None:
    """The report's section I as five sheets (summary, programmes, groups, targets,
    budget)."""
    from openpyxl import Workbook

    path = Path(path)
    _check(path)
    book = Workbook(write_only=True)
    period = f"từ {report.start:%d/%m/%Y} đến {report.end:%d/%m/%Y}"
    summary = _Sheet(book, "Tổng hợp", f"Báo cáo: {report.subject} ({period})",
                     ["Chỉ số", "Giá trị"], [50, 20])
    for label, value, fmt in (
            ("Từ ngày", report.start, "DD/MM/YYYY"), ("Đến ngày", report.end, "DD/MM/YYYY"),
            ("Số lớp", report.classes, COUNT), ("Lượt học viên", report.enrolments, COUNT),
            ("Số người tham gia", report.people, COUNT),
            ("Lượt hoàn thành", report.completions, COUNT),
            ("Tỷ lệ hoàn thành", report.completion_rate, PERCENT),
            ("Kinh phí dự toán (đồng)", report.budget_planned, MONEY),
            ("Kinh phí thực hiện (đồng)", report.budget_actual, MONEY)):
        summary.row([label, value], [None, fmt])
    programmes = _Sheet(book, "Theo chương trình", "Các lớp theo chương trình bồi dưỡng",
                        ["STT", "Chương trình", "Số lớp", "Lượt học viên", "Hoàn thành",
                         "Tỷ lệ", "Dự toán (đồng)", "Thực hiện (đồng)", "Mã chương trình"],
                        [6, 60, 10, 14, 12, 10, 18, 18, 38])
    for n, p in enumerate(report.by_programme, start=1):
        programmes.row([n, p.name, p.classes, p.enrolments, p.completions,
                        _share(p.completions, p.enrolments), p.planned, p.actual,
                        p.programme_id],
                       [None, None, COUNT, COUNT, COUNT, PERCENT, MONEY, MONEY])
    programmes.row(["", "Tổng cộng", report.classes, report.enrolments, report.completions,
                    report.completion_rate, report.budget_planned, report.budget_actual],
                   [None, None, COUNT, COUNT, COUNT, PERCENT, MONEY, MONEY], bold=True)
    groups = _Sheet(book, "Theo đối tượng", "Lượt học viên theo đối tượng",
                    ["STT", "Đối tượng", "Lượt học viên", "Hoàn thành"], [6, 40, 14, 12])
    for n, g in enumerate(report.by_group, start=1):
        groups.row([n, g.group, g.enrolments, g.completions], [None, None, COUNT, COUNT])
    targets = _Sheet(book, "Chỉ tiêu", f"Thực hiện chỉ tiêu tính đến {report.end:%d/%m/%Y}",
                     _TARGET_HEADINGS, _TARGET_WIDTHS)
    for n, f in enumerate(report.targets, start=1):
        targets.row(*_target_row(n, f))
    money_sheet = _Sheet(book, "Kinh phí", "Kinh phí theo khoản chi",
                         ["STT", "Khoản chi", "Dự toán (đồng)", "Thực hiện (đồng)"],
                         [6, 40, 18, 18])
    for n, b in enumerate(report.budget_items, start=1):
        money_sheet.row([n, b.label, b.estimate, b.actual], [None, None, MONEY, MONEY])
    money_sheet.row([])
    money_sheet.row(["Năm", "Dự toán kế hoạch năm (đồng)", "Đã thực hiện (đồng)", "Tỷ lệ"],
                    bold=True)
    for y in report.year_budgets:
        money_sheet.row([y.year, y.estimate, y.actual, _share(y.actual, y.estimate)],
                        [None, MONEY, MONEY, PERCENT])
    _save(book, path)


def export_target(db: Database, figures: TargetFigures, path: str | Path) -> int:
    """A target's figures by unit and the people who do not yet meet it (and, on a third
    sheet, the whole denominator with whether each counts); the number of people not
    yet meeting it."""
    from openpyxl import Workbook

    path = Path(path)
    _check(path)
    f = figures
    book = Workbook(write_only=True)
    head = _Sheet(book, "Chỉ tiêu", f"{f.name} (từ {f.start:%d/%m/%Y} đến {f.end:%d/%m/%Y})",
                  _TARGET_HEADINGS, _TARGET_WIDTHS)
    head.row(*_target_row(1, f))
    units = _Sheet(book, "Theo đơn vị", f"{f.name}: kết quả theo đơn vị",
                   ["STT", "Đơn vị", "Đạt được", "Trên tổng số", "Tỷ lệ"], [6, 50, 12, 14, 10])
    for n, u in enumerate(f.by_unit, start=1):
        units.row([n, u.unit, u.numerator, u.denominator, u.value],
                  [None, None, COUNT, COUNT, PERCENT])
    if len(f.by_office) > 1:
        offices = _Sheet(book, "Theo đơn vị trực thuộc", f"{f.name}: theo đơn vị trực thuộc",
                         ["STT", "Mã đơn vị", "Tên", "Đạt được", "Trên tổng số"],
                         [6, 14, 40, 12, 14])
        for n, o in enumerate(f.by_office, start=1):
            offices.row([n, o.office, o.name, o.numerator, o.denominator],
                        [None, None, None, COUNT, COUNT])
    unmet = f.unmet()
    if f.classes is not None:
        classes = _Sheet(book, "Các lớp", f"{f.name}: các lớp được tính",
                         ["STT", "Lớp", "Kết thúc", "Lượt học viên", "Hoàn thành",
                          "Dự toán (đồng)", "Thực hiện (đồng)", "Mã lớp"],
                         [6, 50, 12, 14, 12, 18, 18, 38])
        for n, c in enumerate(f.classes, start=1):
            classes.row([n, c.name, c.end, c.enrolments, c.completions, c.planned, c.actual,
                         c.class_id], [None, None, "DD/MM/YYYY", COUNT, COUNT, MONEY, MONEY])
    if f.people is not None:
        briefs = {b.id: b for b in person_briefs(db, [p.person_id for p in f.people])}
        headings = ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị", "Mã"]
        widths = [6, 30, 10, 30, 40, 38]
        missing = _Sheet(book, "Chưa đạt", f"Danh sách chưa đạt: {f.name}", headings, widths)
        every = _Sheet(book, "Toàn bộ đối tượng", f"Đối tượng của chỉ tiêu: {f.name}",
                       [*headings[:5], "Đạt", "Mã"], [*widths[:5], 8, 38])
        for n, person in enumerate(unmet, start=1):
            b = briefs[person.person_id]
            missing.row([n, b.full_name, _year(b.birth_date), b.position, b.unit, b.id])
        for n, person in enumerate(f.people, start=1):
            b = briefs[person.person_id]
            every.row([n, b.full_name, _year(b.birth_date), b.position, b.unit,
                       "x" if person.met else "", b.id])
    _save(book, path)
    return len(unmet)


def _year(birth: str | None) -> int | None:
    return PartialDate.from_iso(birth).year if birth else None
