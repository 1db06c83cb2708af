"""Reading a filled attendance sheet (see exporting.attendance_sheet) back into a class.

Every problem is reported with the sheet row the clerk sees. A row is rejected for an
unknown participant code, a name that does not belong to the code, a participant already
given on an earlier row, or an unknown status code; a session heading that matches no
session of the class is rejected at the heading row. By default nothing is written when
anything is rejected; with skip_invalid the valid rows are written. A blank cell changes
nothing (what is recorded stays).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.attendance_marks import accepted
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.domain.wording import class_phrase
from cadre_desktop.exporting.attendance_sheet import CLASS_ID_LABEL, REMARK_HEADING
from cadre_desktop.importing.tabular import read_grid
from cadre_desktop.store import attendance as marks_store
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store import training
from cadre_desktop.store.attendance import MarkChange
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import Participant
from cadre_desktop.store.training import Session

_CODE_HEADINGS = {"ma hv", "ma hoc vien", "ma"}
_NAME_HEADINGS = {"ho va ten", "ho ten"}
_IGNORED_HEADINGS = {"stt", "tt", "nam sinh", "ngay sinh", "don vi", text.fold(REMARK_HEADING)}
_SESSION = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:hg](\d{2}))?")


@dataclass(frozen=True)
class RowIssue:
    row: int  # sheet row number
    message: str


@dataclass
class AttendanceImportReport:
    class_id: str
    cells: int = 0  # statuses read from accepted rows
    changed: int = 0  # records written (or that would be, in a dry run)
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    written: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"class_id": self.class_id, "cells": self.cells, "changed": self.changed,
                "written": self.written,
                "rejected": [{"row": i.row, "reason": i.message} for i in self.rejected],
                "warnings": [{"row": i.row, "message": i.message} for i in self.warnings]}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return text.clean(str(value))


def _find_header(rows: list[list[Any]]) -> int:
    for index, row in enumerate(rows[:40]):
        folded = {text.fold(_text(v)) for v in row}
        if folded & _CODE_HEADINGS and folded & _NAME_HEADINGS:
            return index
    raise UserError("Không tìm thấy dòng tiêu đề (cần có cột 'Mã HV' và 'Họ và tên')")


def _sheet_class_id(rows: list[list[Any]], header: int) -> str | None:
    for row in rows[:header]:
        cells = [_text(v) for v in row]
        if cells and text.fold(cells[0]) == text.fold(CLASS_ID_LABEL):
            return next((c for c in cells[1:] if c), None)
    return None


def _session_key(value: Any) -> tuple[dt.date, str | None] | None:
    """(date, 'HH:MM' or None) from a session heading, None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date(), f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, dt.date):
        return value, None
    match = _SESSION.match(_text(value))
    if not match:
        return None
    day, month, year, hour, minute = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date, (f"{int(hour):02d}:{minute}" if hour else None)


def _session_columns(heading: list[Any], header_row: int, sessions: list[Session],
                     report: AttendanceImportReport) -> dict[int, Session]:
    columns: dict[int, Session] = {}
    taken: dict[str, int] = {}
    for col, value in enumerate(heading):
        label = _text(value)
        folded = text.fold(label)
        if not label or folded in _CODE_HEADINGS | _NAME_HEADINGS | _IGNORED_HEADINGS:
            continue
        key = _session_key(value)
        if key is None:
            report.warnings.append(RowIssue(header_row, f"Cột '{label}' không phải buổi học, "
                                                        "bỏ qua"))
            continue
        day, start = key
        found = [s for s in sessions if s.date == day and start in (None, s.start_time)]
        if len(found) != 1:
            why = "không khớp buổi học nào của lớp" if not found else \
                "khớp nhiều buổi học (cần ghi cả giờ bắt đầu)"
            report.rejected.append(RowIssue(header_row, f"Cột '{label}' {why}"))
            continue
        session = found[0]
        if session.id in taken:
            report.rejected.append(RowIssue(
                header_row, f"Cột '{label}' trùng buổi học với cột {taken[session.id] + 1}"))
            continue
        taken[session.id] = col
        columns[col] = session
    return columns


def _column(heading: list[Any], names: set[str]) -> int | None:
    return next((i for i, v in enumerate(heading) if text.fold(_text(v)) in names), None)


def _code(value: Any) -> str:
    raw = _text(value)
    return enrol_store.format_code(int(raw)) if raw.isdigit() else raw


def import_attendance_sheet(db: Database, class_id: str, path: str | Path, *,
                            dry_run: bool = False, skip_invalid: bool = False,
                            today: dt.date | None = None,
                            progress: Progress = NO_PROGRESS) -> AttendanceImportReport:
    """Read a filled sheet, check every row and (unless dry_run) write the valid marks in
    one undoable action. A cancel (progress) before the end writes nothing."""
    today = today or dt.date.today()
    cls = training.get_class(db, class_id)
    reading = progress.part(0, 0.5)
    checking = progress.part(0.5, 0.8)
    writing = progress.part(0.8, 1)
    rows = read_grid(Path(path), tick=lambda done, total: reading.step(
        "Đang đọc tệp điểm danh…", done, total)).rows
    header = _find_header(rows)
    sheet_class = _sheet_class_id(rows, header)
    if sheet_class and sheet_class != class_id:
        raise UserError(f"Tệp này là bảng điểm danh của lớp khác (mã lớp {sheet_class})")
    report = AttendanceImportReport(class_id)
    heading = rows[header]
    header_row = header + 1
    code_col = _column(heading, _CODE_HEADINGS)
    name_col = _column(heading, _NAME_HEADINGS)
    columns = _session_columns(heading, header_row, training.list_sessions(db, class_id),
                               report)
    seated = enrol_store.list_participants(db, class_id, ("enrolled",))
    everyone = {p.short_code: p for p in enrol_store.list_participants(db, class_id)}
    by_code = {p.short_code: p for p in seated}
    by_short = marks_store.status_by_short(db)
    typed = accepted(by_short, lambda s: s.code)
    seen: dict[str, int] = {}
    changes: list[MarkChange] = []
    for index in range(header + 1, len(rows)):
        checking.step("Đang kiểm tra từng dòng…", index, len(rows))
        row, row_no = rows[index], index + 1

        def cell(col: int | None, row: list[Any] = row) -> Any:
            return row[col] if col is not None and col < len(row) else None

        code, name = _code(cell(code_col)), _text(cell(name_col))
        values = {col: _text(cell(col)).upper() for col in columns if _text(cell(col))}
        if not code and not name:
            if values:
                report.rejected.append(RowIssue(row_no, "Dòng có điểm danh nhưng không có "
                                                        "mã học viên và họ tên"))
            continue
        problems: list[str] = []
        notes: list[str] = []
        participant = _participant(code, name, by_code, everyone, seated, problems, notes)
        if participant and participant.enrolment_id in seen:
            problems.append(f"học viên {participant.short_code} ({participant.full_name}) "
                            f"đã có ở dòng {seen[participant.enrolment_id]}")
        row_changes = []
        for col, short in values.items():
            session = columns[col]
            status = typed.get(short)
            if status is None:
                problems.append(f"buổi {session.label}: ký hiệu '{short}' không có "
                                f"(dùng {', '.join(by_short)})")
            elif session.date > today:
                problems.append(f"buổi {session.label} chưa diễn ra")
            elif participant:
                row_changes.append(MarkChange(participant.enrolment_id, session.id,
                                              status.code))
        if participant and participant.enrolment_id not in seen:
            seen[participant.enrolment_id] = row_no
        if problems:
            joined = "; ".join(problems)
            report.rejected.append(RowIssue(row_no, joined[:1].upper() + joined[1:]))
            continue
        report.warnings.extend(RowIssue(row_no, note) for note in notes)
        report.cells += len(row_changes)
        changes.extend(row_changes)
    missing = [p for p in seated if p.enrolment_id not in seen]
    for participant in missing:
        report.warnings.append(RowIssue(header_row, f"Học viên {participant.short_code} "
                                                    f"{participant.full_name} không có trong tệp"))
    report.rejected.sort(key=lambda i: i.row)
    if report.rejected and not skip_invalid:
        return report
    existing = marks_store.marks_for_class(db, class_id)
    report.changed = sum(
        1 for c in changes
        if (m := existing.get((c.enrolment_id, c.session_id))) is None
        or m.status_code != c.status_code)
    if dry_run or not report.changed:
        return report
    writing.step("Đang ghi điểm danh…", 0, 1)
    with db.write(f"Nhập điểm danh {class_phrase(cls.name)} từ {Path(path).name}") as tx:
        marks_store.apply_marks(tx, class_id, changes, db.clerk)
        writing.check()  # the last moment a cancel still rolls the marks back
    report.written = True
    writing.done()
    return report


def _participant(code: str, name: str, by_code: dict[str, Participant],
                 everyone: dict[str, Participant], seated: list[Participant],
                 problems: list[str], notes: list[str]) -> Participant | None:
    """The row's participant by code (checked against the name) or, without a code, by a
    name that only one participant has."""
    if code:
        participant = by_code.get(code)
        if participant is None:
            other = everyone.get(code)
            if other is not None:
                problems.append(f"học viên {code} ({other.full_name}) không ở danh sách "
                                "chính thức của lớp")
            else:
                problems.append(f"mã học viên '{code}' không có trong lớp")
            return None
        if name and text.fold(name) != text.fold(participant.full_name):
            problems.append(f"mã {code} là của {participant.full_name}, không phải '{name}'")
            return None
        return participant
    found = [p for p in seated if text.fold(p.full_name) == text.fold(name)]
    if len(found) == 1:
        notes.append(f"Không có mã học viên; nhận theo họ tên ({found[0].short_code})")
        return found[0]
    if found:
        problems.append(f"có {len(found)} học viên tên '{name}', cần ghi mã học viên")
    else:
        problems.append(f"không có học viên '{name}' trong lớp")
    return None
