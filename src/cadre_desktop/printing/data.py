"""Reading what a document prints from the office database (read-only SQL).

Every string leaves here NFC-normalised: reportlab does no shaping, so decomposed text
would print with its marks beside the letters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cadre_desktop.domain import doc_number, text
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.printing.model import (
    AttendanceSheet,
    Certificate,
    CertificateSet,
    ClassInfo,
    Document,
    DocumentHeader,
    Participant,
    ParticipantList,
    Schedule,
    Session,
    Signature,
)
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import OfficeProfile, load_profile


def _s(value: Any) -> str:
    return text.clean(str(value)) if value is not None else ""


def _upper(value: str) -> str:
    return text.clean(value.upper())


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def date_line(place: str, on: dt.date) -> str:
    """'Gia Lộc, ngày 05 tháng 01 năm 2026': days below 10 and months 1 and 2 get a zero."""
    day = f"{on.day:02d}"
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    where = place or "\u2026\u2026\u2026"
    return f"{where}, ngày {day} tháng {month} năm {on.year}"


def number_line(number: str | None, kind: str, suffix: str) -> str:
    """'Số: 12-DS/ĐTN'; the number stays blank for the clerk when none is given. The number
    may be typed as it reads in the register ("12-DS/ĐTN"): the tail is never doubled, and
    a kind or a symbol other than the document's and the settings' raises InvalidInput."""
    return doc_number.number_line(doc_number.parse_number(number, kind, suffix), kind, suffix)


def _issuing_body(db: Database, profile: OfficeProfile) -> str:
    if profile.office_name:
        return _upper(profile.office_name)
    row = db.conn.execute("SELECT name FROM office WHERE is_self = 1").fetchone()
    return _upper(str(row[0])) if row and row[0] else ""


def header(db: Database, profile: OfficeProfile, kind: str, number: str | None,
           on: dt.date) -> DocumentHeader:
    return DocumentHeader(
        upper_body=_upper(profile.upper_body),
        issuing_body=_issuing_body(db, profile),
        number_line=number_line(number, kind, profile.doc_suffix),
        date_line=date_line(text.clean(profile.place_name), on),
    )


def signature(profile: OfficeProfile, fallback_role: str = "BÍ THƯ") -> Signature:
    """The profile's signer for the Standing Committee; without one, `fallback_role`
    ("NGƯỜI LẬP BIỂU" signs for themselves, not on the committee's behalf)."""
    if profile.signer_title:
        return Signature("TM. BAN THƯỜNG VỤ", _upper(profile.signer_title),
                         text.clean(profile.signer_name))
    if fallback_role == "BÍ THƯ":
        return Signature("TM. BAN THƯỜNG VỤ", fallback_role, text.clean(profile.signer_name))
    return Signature("", fallback_role, "")


def load_class(db: Database, class_id: str) -> ClassInfo:
    row = db.conn.execute(
        "SELECT c.id, c.name, p.name, c.year, c.start_date, c.end_date, c.venue, c.mode,"
        " c.link, c.organiser FROM training_class c"
        " LEFT JOIN programme p ON p.id = c.programme_id"
        " WHERE c.id = ? AND c.deleted = 0",
        (class_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy lớp có mã {class_id}")
    return ClassInfo(
        id=str(row[0]), name=_s(row[1]), programme=_s(row[2]), year=int(row[3]),
        start=_day(row[4]), end=_day(row[5]), venue=_s(row[6]), mode=str(row[7]),
        link=_s(row[8]), organiser=_s(row[9]),
    )


def load_sessions(db: Database, class_id: str) -> list[tuple[str, Session]]:
    """(session id, Session) in date and time order."""
    rows = db.conn.execute(
        "SELECT s.id, s.date, s.start_time, s.end_time, s.topic,"
        " COALESCE(NULLIF(s.lecturer_name, ''), lp.full_name, ''), s.room"
        " FROM class_session s LEFT JOIN person lp ON lp.id = s.lecturer_person_id"
        " WHERE s.class_id = ? AND s.deleted = 0"
        " ORDER BY s.date, s.start_time, s.id",
        (class_id,),
    ).fetchall()
    sessions = []
    for number, row in enumerate(rows, start=1):
        day = _day(row[1])
        if day is None:
            continue
        sessions.append((str(row[0]), Session(
            number=number, date=day, start_time=_s(row[2]), end_time=_s(row[3]),
            topic=_s(row[4]), lecturer=_s(row[5]), room=_s(row[6]),
        )))
    return sessions


_PARTICIPANTS = (
    "SELECT e.id, p.id, p.full_name, p.gender, p.birth_date,"
    " (SELECT l.label FROM position_assignment pa"
    "   JOIN lookup l ON l.kind = 'position' AND l.code = pa.position_code"
    "   WHERE pa.person_id = p.id AND pa.deleted = 0 AND pa.end_date IS NULL"
    "   ORDER BY l.sort_order, pa.start_date DESC LIMIT 1),"
    " u.name, e.short_code, e.result, e.test_score, e.certificate_no"
    " FROM enrolment e JOIN person p ON p.id = e.person_id"
    " LEFT JOIN unit u ON u.id = p.unit_id"
    " WHERE e.class_id = ? AND e.deleted = 0 AND e.status = 'enrolled' AND p.deleted = 0"
    " ORDER BY p.name_key, p.id"
)


def _birth(value: str | None) -> tuple[str, str]:
    if not value:
        return "", ""
    try:
        birth = PartialDate.from_iso(value)
    except ValueError:
        return _s(value), ""
    return birth.display(), str(birth.year)


def load_participants(
    db: Database, cls: ClassInfo, session_ids: list[str] | None = None
) -> list[Participant]:
    """The enrolled participants in official name order; with session ids, each one's
    recorded attendance (the status's short code) per session."""
    rows = db.conn.execute(_PARTICIPANTS, (cls.id,)).fetchall()
    if not rows:
        raise UserError(f"Lớp “{cls.name}” chưa có học viên nào được ghi danh: không có gì để in.")
    marks: dict[tuple[str, str], str] = {}
    if session_ids:
        for enrolment_id, session_id, short in db.conn.execute(
            "SELECT a.enrolment_id, a.session_id, st.short FROM attendance a"
            " JOIN enrolment e ON e.id = a.enrolment_id"
            " JOIN attendance_status st ON st.code = a.status_code"
            " WHERE e.class_id = ? AND a.deleted = 0 AND e.deleted = 0",
            (cls.id,),
        ):
            marks[(str(enrolment_id), str(session_id))] = _s(short)
    people = []
    for number, row in enumerate(rows, start=1):
        birth, year = _birth(row[4])
        score = row[9]
        people.append(Participant(
            number=number, person_id=str(row[1]), full_name=_s(row[2]),
            gender=row[3] if row[3] in ("M", "F") else None, birth=birth, birth_year=year,
            position=_s(row[5]), unit=_s(row[6]), short_code=_s(row[7]),
            marks=tuple(marks.get((str(row[0]), sid), "") for sid in session_ids or []),
            result=row[8], test_score=float(score) if score is not None else None,
            certificate_no=_s(row[10]),
        ))
    return people


def _legend(db: Database, used: set[str]) -> str:
    if not used:
        return ""
    rows = db.conn.execute(
        "SELECT short, label FROM attendance_status WHERE deleted = 0 ORDER BY sort_order, code"
    ).fetchall()
    parts = [f"{_s(short)}: {_s(label)}" for short, label in rows if _s(short) in used]
    return "Ký hiệu: " + "; ".join(parts) + "." if parts else ""


def _class_lines(cls: ClassInfo) -> list[str]:
    lines = []
    if cls.period():
        lines.append(f"Thời gian: {cls.period()}")
    if cls.place():
        lines.append(f"Địa điểm: {cls.place()}")
    return lines


def attendance_sheet(db: Database, class_id: str, number: str | None = None,
                     on: dt.date | None = None) -> AttendanceSheet:
    cls = load_class(db, class_id)
    pairs = load_sessions(db, class_id)
    participants = load_participants(db, cls, [sid for sid, _ in pairs])
    profile = load_profile(db)
    used = {m for p in participants for m in p.marks if m}
    document = Document(
        header=header(db, profile, "DS", number, on or dt.date.today()),
        title="DANH SÁCH ĐIỂM DANH HỌC VIÊN",
        subtitle=[cls.name],
        details=_class_lines(cls),
        signature=signature(profile, "NGƯỜI LẬP BIỂU"),
        recipients=["- Ban Tổ chức lớp;", "- Lưu VP."],
        pdf_title=f"Danh sách điểm danh – {cls.name}",
    )
    return AttendanceSheet(document, cls, [s for _, s in pairs], participants,
                           _legend(db, used))


def participant_list(db: Database, class_id: str, number: str | None = None,
                     on: dt.date | None = None) -> ParticipantList:
    cls = load_class(db, class_id)
    participants = load_participants(db, cls)
    profile = load_profile(db)
    document = Document(
        header=header(db, profile, "DS", number, on or dt.date.today()),
        title="DANH SÁCH HỌC VIÊN THAM DỰ LỚP",
        subtitle=[cls.name],
        details=_class_lines(cls),
        signature=signature(profile),
        recipients=["- Các đơn vị có học viên;", "- Lưu VP."],
        pdf_title=f"Danh sách học viên – {cls.name}",
    )
    return ParticipantList(document, cls, participants)


def schedule(db: Database, class_id: str, number: str | None = None,
             on: dt.date | None = None) -> Schedule:
    cls = load_class(db, class_id)
    sessions = [s for _, s in load_sessions(db, class_id)]
    if not sessions:
        raise UserError(f"Lớp “{cls.name}” chưa có buổi học nào: không có lịch để in.")
    profile = load_profile(db)
    # A schedule goes out as a notice (thông báo, "TB"): "lịch" has no document type.
    name = "l" + cls.name[1:] if cls.name.startswith("Lớp ") else cls.name
    document = Document(
        header=header(db, profile, "TB", number, on or dt.date.today()),
        title="THÔNG BÁO",
        subtitle=[f"Lịch học {name}"],
        details=_class_lines(cls),
        signature=signature(profile),
        recipients=["- Giảng viên, học viên;", "- Lưu VP."],
        pdf_title=f"Lịch học – {cls.name}",
    )
    return Schedule(document, cls, sessions)


def _result(p: Participant) -> str:
    if p.test_score is None:
        return "Hoàn thành"
    return f"Hoàn thành (điểm kiểm tra: {p.test_score:g})".replace(".", ",")


def certificates(db: Database, class_id: str, on: dt.date | None = None) -> CertificateSet:
    """One certificate per enrolled participant whose result is 'completed'."""
    cls = load_class(db, class_id)
    done = [p for p in load_participants(db, cls) if p.result == "completed"]
    if not done:
        raise UserError(f"Lớp “{cls.name}” chưa có học viên nào hoàn thành: "
                        "không có giấy chứng nhận để in.")
    profile = load_profile(db)
    # A certificate bears the day the class ended, when the clerk gives no other.
    top = header(db, profile, "GCN", None, on or cls.end or cls.start or dt.date.today())
    return CertificateSet(
        cls=cls, upper_body=top.upper_body, issuing_body=top.issuing_body,
        period=cls.period(), date_line=top.date_line, signature=signature(profile),
        certificates=[
            Certificate(full_name=p.full_name, birth=p.birth, unit=p.unit, result=_result(p),
                        number=f"Số: {p.certificate_no}" if p.certificate_no else "")
            for p in done
        ],
    )
