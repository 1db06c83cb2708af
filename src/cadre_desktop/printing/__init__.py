"""Printed documents (A4 PDF, Đoàn document format, Hướng dẫn 29-HD/TWĐTN-VP).

Each function reads the class from the database (read-only), writes the PDF to `path`
and returns the number of pages. An unknown class raises NotFound; a class with nothing
to print raises UserError with the reason in Vietnamese.

`number` is the document number from the office's register ("12" in "Số: 12-DS/ĐTN"),
left blank for the clerk when None; `on` is the date of the place/date line (today).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cadre_desktop.printing import attendance, certificate, data, participants, schedule
from cadre_desktop.store.db import Database

__all__ = ["print_attendance", "print_certificates", "print_participants", "print_schedule"]


def print_attendance(db: Database, class_id: str, path: str | Path, *,
                     number: str | None = None, on: dt.date | None = None) -> int:
    """The attendance sheet: every enrolled participant, a signing column per session."""
    return attendance.render(data.attendance_sheet(db, class_id, number, on), Path(path))


def print_participants(db: Database, class_id: str, path: str | Path, *,
                       number: str | None = None, on: dt.date | None = None) -> int:
    """The list of enrolled participants in official name order."""
    return participants.render(data.participant_list(db, class_id, number, on), Path(path))


def print_schedule(db: Database, class_id: str, path: str | Path, *,
                   number: str | None = None, on: dt.date | None = None) -> int:
    """The class's sessions: date, time, topic, lecturer, room or link."""
    return schedule.render(data.schedule(db, class_id, number, on), Path(path))


def print_certificates(db: Database, class_id: str, path: str | Path, *,
                       on: dt.date | None = None) -> int:
    """One certificate page per participant whose result is 'completed'."""
    return certificate.render(data.certificates(db, class_id, on), Path(path))
