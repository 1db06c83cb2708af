"""What is printed, as plain values: built by data.py, drawn by the document modules.

All strings are NFC and final (numbers, dates and labels already formatted), so the
drawing code never touches the database or formats anything itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MOTTO = "ĐOÀN TNCS HỒ CHÍ MINH"


@dataclass(frozen=True)
class DocumentHeader:
    """The two-column header of Hướng dẫn 29-HD/TWĐTN-VP."""

    upper_body: str            # "TỈNH ĐOÀN TÂY NINH" (may be empty)
    issuing_body: str          # "BCH ĐOÀN PHƯỜNG GIA LỘC", printed bold
    number_line: str           # "Số: 12-DS/ĐTN"
    date_line: str             # "Gia Lộc, ngày 22 tháng 11 năm 2026", printed italic
    motto: str = MOTTO         # printed bold and underlined


@dataclass(frozen=True)
class Signature:
    """The block bottom-right: "TM. BAN THƯỜNG VỤ" / "BÍ THƯ" / space to sign / the name."""

    on_behalf: str             # "TM. BAN THƯỜNG VỤ", or "" when a person signs for themselves
    role: str                  # "BÍ THƯ", "NGƯỜI LẬP BIỂU"
    name: str                  # may be empty: the clerk writes it by hand


@dataclass(frozen=True)
class ClassInfo:
    id: str
    name: str
    programme: str
    year: int
    start: dt.date | None
    end: dt.date | None
    venue: str
    mode: str                  # in_person | online | mixed
    link: str
    organiser: str

    def period(self) -> str:
        """'từ ngày 05/11/2026 đến ngày 07/11/2026', or one day, or '' when unknown."""
        if self.start and self.end and self.start != self.end:
            return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"
        day = self.start or self.end
        return f"ngày {day:%d/%m/%Y}" if day else ""

    def place(self) -> str:
        if self.mode == "online":
            return f"trực tuyến {self.link}".strip()
        if self.mode == "mixed" and self.link:
            return f"{self.venue} và trực tuyến {self.link}".strip()
        return self.venue


@dataclass(frozen=True)
class Session:
    number: int                # 1-based, in date/time order
    date: dt.date
    start_time: str            # "07:30"
    end_time: str
    topic: str
    lecturer: str
    room: str                  # a room, or a meeting link for online classes

    @property
    def day_month(self) -> str:
        return f"{self.date:%d/%m}"


@dataclass(frozen=True)
class Participant:
    number: int                # STT
    person_id: str
    full_name: str
    gender: str | None         # 'M', 'F' or None
    birth: str                 # as shown: "1998" or "12/03/1998" ("" when unknown)
    birth_year: str            # "1998" ("" when unknown)
    position: str
    unit: str
    short_code: str
    remark: str = ""
    marks: tuple[str, ...] = ()      # recorded status short codes, one per session ("" none)
    result: str | None = None        # completed | not_completed | None
    test_score: float | None = None
    certificate_no: str = ""


@dataclass(frozen=True)
class Document:
    """What every office document shares: header, title lines, signature, recipients."""

    header: DocumentHeader
    title: str                       # bold capitals, centred
    subtitle: list[str] = field(default_factory=list)     # bold, centred (the class name)
    details: list[str] = field(default_factory=list)      # italic, centred (dates, venue)
    signature: Signature = Signature("TM. BAN THƯỜNG VỤ", "BÍ THƯ", "")
    recipients: list[str] = field(default_factory=lambda: ["- Lưu VP."])
    pdf_title: str = ""


@dataclass(frozen=True)
class AttendanceSheet:
    document: Document
    cls: ClassInfo
    sessions: list[Session]
    participants: list[Participant]
    legend: str = ""                 # the status codes used in the marks, if any


@dataclass(frozen=True)
class ParticipantList:
    document: Document
    cls: ClassInfo
    participants: list[Participant]


@dataclass(frozen=True)
class Schedule:
    document: Document
    cls: ClassInfo
    sessions: list[Session]


@dataclass(frozen=True)
class Certificate:
    """What differs between the certificates of one class: one landscape page each."""

    full_name: str
    birth: str                       # "12/03/1998" or "1998"
    unit: str
    result: str                      # "Hoàn thành" (with the score when there is one)
    number: str                      # "Số: 15/GCN" or ""


@dataclass(frozen=True)
class CertificateSet:
    """The certificates of one class and what they all share."""

    cls: ClassInfo
    upper_body: str
    issuing_body: str
    period: str
    date_line: str
    signature: Signature
    certificates: list[Certificate]
