"""The attendance spreadsheet of a class, to fill in elsewhere and import back.

Layout (importing.attendance_sheet reads exactly this, and tolerates what a clerk does to
it: reordered or added columns, extra blank rows):
  row 1  title; row 2 the class; row 3 "Mã lớp" and the class id; row 4 the legend
  row 6  STT | Mã HV | Họ và tên | Năm sinh | Đơn vị | one column per session | Ghi chú
  then one row per participant in official name order, with what is recorded so far.
A session column is headed by its date and start time ('07/03/2025 07:30').
"""

from __future__ import annotations

from pathlib import Path

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.exporting.xlsx_save import save_book
from cadre_desktop.store import attendance as marks_store
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store import files, training
from cadre_desktop.store.db import Database

TITLE = "DANH SÁCH ĐIỂM DANH HỌC VIÊN"
CLASS_ID_LABEL = "Mã lớp"
HEADER_ROW = 6
FIXED_HEADINGS = ["STT", "Mã HV", "Họ và tên", "Năm sinh", "Đơn vị"]
REMARK_HEADING = "Ghi chú"
_FONT = "Times New Roman"


def _birth_year(value: str | None) -> str:
    return str(PartialDate.from_iso(value).year) if value else ""


def export_attendance_sheet(db: Database, class_id: str, path: str | Path,
                            progress: Progress = NO_PROGRESS) -> int:
    """Write the sheet; returns the number of participants in it. A cancel (progress)
    leaves no file behind."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError("Tệp điểm danh phải có đuôi .xlsx")
    cls = training.get_class(db, class_id)
    sessions = training.list_sessions(db, class_id)
    participants = enrol_store.list_participants(db, class_id, ("enrolled",))
    statuses = marks_store.list_statuses(db)
    short_of = {s.code: s.short for s in statuses}
    marks = marks_store.marks_for_class(db, class_id)

    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = "Điểm danh"
    plain, bold = Font(name=_FONT, size=12), Font(name=_FONT, size=12, bold=True)
    ws["A1"] = TITLE
    ws["A1"].font = Font(name=_FONT, size=14, bold=True)
    dates = ""
    if cls.start_date:
        dates = f" ({cls.start_date.strftime('%d/%m/%Y')}"
        dates += f" – {cls.end_date.strftime('%d/%m/%Y')})" if cls.end_date else ")"
    ws["A2"] = f"Lớp: {cls.name}{dates}"
    ws["A3"], ws["C3"] = CLASS_ID_LABEL, cls.id
    legend = "; ".join(f"{s.short} = {s.label}" for s in statuses)
    ws["A4"] = f"Ký hiệu: {legend}. Để trống nếu chưa điểm danh."
    for cell in ("A2", "A3", "C3", "A4"):
        ws[cell].font = plain

    headings = [*FIXED_HEADINGS, *(s.label for s in sessions), REMARK_HEADING]
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, heading in enumerate(headings, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=heading)
        cell.font = bold
        cell.border = box
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first_session_col = len(FIXED_HEADINGS) + 1
    for number, participant in enumerate(participants, start=1):
        progress.step("Đang ghi bảng điểm danh…", number, len(participants))
        row = HEADER_ROW + number
        values: list[object] = [number, participant.short_code, participant.full_name,
                                _birth_year(participant.birth_date), participant.unit]
        for session in sessions:
            mark = marks.get((participant.enrolment_id, session.id))
            values.append(short_of.get(mark.status_code, mark.status_code) if mark else None)
        values.append(None)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.font = plain
            cell.border = box
            if col == 2 or col >= first_session_col:
                cell.alignment = Alignment(horizontal="center")
        # Codes are text: '001' must not turn into 1 when the clerk edits the cell.
        ws.cell(row=row, column=2).number_format = "@"

    widths = [6, 8, 28, 10, 26, *([12] * len(sessions)), 20]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=first_session_col)
    if sessions and participants and statuses:
        choices = ",".join(s.short for s in statuses)
        check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True,
                               showErrorMessage=True, errorTitle="Ký hiệu không đúng",
                               error=f"Chỉ dùng: {choices}")
        last_col = get_column_letter(first_session_col + len(sessions) - 1)
        check.add(f"{get_column_letter(first_session_col)}{HEADER_ROW + 1}:"
                  f"{last_col}{HEADER_ROW + len(participants)}")
        ws.add_data_validation(check)
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    progress.check()
    path.parent.mkdir(parents=True, exist_ok=True)
    with files.written_whole(path) as temporary:  # the class's people: owner-only
        save_book(book, temporary)
    return len(participants)
