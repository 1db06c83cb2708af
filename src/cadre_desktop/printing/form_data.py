"""What the rotation and member programme forms share when they read the database: a
person's particulars, the header of a unit's own document, dates written out or left
blank. Reads only; every string leaves NFC (text.clean).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import NotFound
from cadre_desktop.printing import data
from cadre_desktop.printing.model import DocumentHeader
from cadre_desktop.store import lookups, people, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import load_profile

# A date written by hand: "……, ngày …… tháng …… năm ………"
BLANK_DATE_LINE = "\u2026" * 6 + ", ngày \u2026\u2026 tháng \u2026\u2026 năm \u2026\u2026\u2026"
BLANK_DAY = "\u2026\u2026/\u2026\u2026/\u2026\u2026\u2026"


def clean(value: object) -> str:
    return text.clean(str(value)) if value is not None else ""


def upper(value: str) -> str:
    return text.clean(value.upper())


def iso_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def show(value: str | dt.date | None) -> str:
    """An ISO date (or a date) as dd/mm/yyyy; "" when missing."""
    day = value if isinstance(value, dt.date) else iso_day(value)
    return f"{day:%d/%m/%Y}" if day else ""


@dataclass(frozen=True)
class PersonInfo:
    full_name: str
    birth_label: str       # "Ngày sinh" or "Năm sinh" (only the year or month is known)
    birth: str
    position: str          # the current position's label ("" none)
    unit: str              # the unit's name ("" none)
    unit_id: str | None

    @property
    def post(self) -> str:
        """'Ủy viên BCH – Ban Tổ chức - Kiểm tra', or whichever of the two is known."""
        return " – ".join(v for v in (self.position, self.unit) if v)


def person_info(db: Database, person_id: str) -> PersonInfo:
    detail = people.get_person(db, person_id)
    if detail is None:
        raise NotFound(f"Không tìm thấy người có mã {person_id}")
    values = detail.values
    birth, label = "", "Ngày sinh"
    if values.get("birth_date"):
        try:
            partial = PartialDate.from_iso(values["birth_date"])
            birth = partial.display()
            label = "Ngày sinh" if partial.is_full else "Năm sinh"
        except ValueError:
            birth = clean(values["birth_date"])
    code = detail.current_position
    position = lookups.labels(db, "position").get(code, code) if code else ""
    unit = units.get_unit(db, values["unit_id"]) if values.get("unit_id") else None
    return PersonInfo(clean(values["full_name"]), label, birth, clean(position),
                      clean(unit.name) if unit else "", values.get("unit_id"))


def committee_of(name: str) -> str:
    """'Đoàn phường Ninh Thạnh' -> 'BCH ĐOÀN PHƯỜNG NINH THẠNH': a unit's documents are
    issued by its executive committee."""
    body = upper(name)
    return body if body.startswith(("BCH ", "BAN ")) or not body else f"BCH {body}"


def unit_header(db: Database, unit_id: str | None, name: str, date_line: str,
                committee: bool = True) -> DocumentHeader:
    """The header of a document of a unit of the tree (a host unit, a branch): its parent
    above, the unit (its committee when `committee`) in bold; a form carries no number.
    A unit outside the tree (a host typed by name) has no line above."""
    unit = units.get_unit(db, unit_id) if unit_id else None
    parent = units.get_unit(db, unit.parent_id) if unit and unit.parent_id else None
    if unit is None and not name:
        return office_header(db, date_line)
    own = clean(unit.name) if unit else name
    return DocumentHeader(upper_body=upper(parent.name) if parent else "",
                          issuing_body=committee_of(own) if committee else upper(own),
                          number_line="", date_line=date_line)


_SECRETARY = (
    "SELECT p.full_name FROM position_assignment pa JOIN person p ON p.id = pa.person_id"
    " WHERE pa.position_code IN ('bi_thu_chi_doan', 'bi_thu') AND pa.deleted = 0"
    " AND pa.end_date IS NULL AND p.deleted = 0"
    " AND (pa.unit_id = ? OR (pa.unit_id IS NULL AND p.unit_id = ?))"
    " ORDER BY pa.position_code = 'bi_thu', pa.start_date DESC, p.name_key LIMIT 1"
)


def secretary(db: Database, unit_id: str | None) -> str:
    """The name of the unit's secretary (Bí thư chi đoàn, else Bí thư), '' when none is
    recorded: the clerk writes it by hand."""
    if not unit_id:
        return ""
    row = db.conn.execute(_SECRETARY, (unit_id, unit_id)).fetchone()
    return clean(row[0]) if row else ""


def office_header(db: Database, date_line: str) -> DocumentHeader:
    """The office's own header (profile settings) without a number: a record, not a
    dispatched document."""
    found = data.header(db, load_profile(db), "", None, dt.date.today())
    return DocumentHeader(found.upper_body, found.issuing_body, "", date_line)


def office_date_line(db: Database, on: dt.date | None) -> str:
    """The office's place and the date; all blank without a date."""
    if on is None:
        return BLANK_DATE_LINE
    return data.date_line(text.clean(load_profile(db).place_name), on)


def dated_line(on: dt.date | None) -> str:
    """The place/date line of a form: the date when it is known, else all blank (the
    place is where the form is signed, which the office does not know)."""
    return data.date_line("", on) if on else BLANK_DATE_LINE
