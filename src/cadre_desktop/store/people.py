"""People: create, update, soft delete and restore, with position, planning and ratings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.person import PersonInput
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction


@dataclass
class PositionEntry:
    id: str
    position_code: str
    position: str
    unit_id: str | None
    start_date: str | None
    end_date: str | None


@dataclass
class PersonDetail:
    id: str
    values: dict[str, Any]
    positions: list[PositionEntry] = field(default_factory=list)
    planning: list[tuple[str, str, str]] = field(default_factory=list)  # (id, position_code, term)
    ratings: dict[int, str] = field(default_factory=dict)  # year -> rating level id

    @property
    def current_position(self) -> str | None:
        for entry in self.positions:
            if entry.end_date is None:
                return entry.position_code
        return None

    def as_input(self) -> PersonInput:
        v = self.values

        def day(key: str) -> dt.date | None:
            return dt.date.fromisoformat(v[key]) if v[key] else None

        return PersonInput(
            family_middle=v["family_middle"], given_name=v["given_name"], gender=v["gender"],
            birth=PartialDate.from_iso(v["birth_date"]) if v["birth_date"] else None,
            ethnicity=v["ethnicity"], citizen_id=v["citizen_id"], phone=v["phone"],
            unit_id=v["unit_id"], join_date=day("join_date"),
            working_status=v["working_status"],
            permanent_staff=None if v["permanent_staff"] is None else bool(v["permanent_staff"]),
            party_status=v["party_status"], theory_level=v["theory_level"],
            education=v["education"], discipline_until=day("discipline_until"),
            no_rotation_until=day("no_rotation_until"), note=v["note"],
        )


def create_person(tx: Transaction, person: PersonInput, person_id: str | None = None) -> str:
    person_id = person_id or new_id()
    tx.insert("person", {"id": person_id, **person.columns()})
    return person_id


def update_person(tx: Transaction, person_id: str, person: PersonInput) -> dict[str, Any]:
    return tx.update("person", person_id, person.columns())


def delete_person(tx: Transaction, person_id: str) -> bool:
    return tx.soft_delete("person", person_id)


def restore_person(tx: Transaction, person_id: str) -> bool:
    return tx.restore("person", person_id)


def get_person(db: Handle, person_id: str) -> PersonDetail | None:
    cur = db.conn.execute("SELECT * FROM person WHERE id = ?", (person_id,))
    row = cur.fetchone()
    if row is None:
        return None
    values = dict(zip([d[0] for d in cur.description], row, strict=True))
    detail = PersonDetail(person_id, values)
    for r in db.conn.execute(
        "SELECT pa.id, pa.position_code, COALESCE(l.label, pa.position_code), pa.unit_id,"
        " pa.start_date, pa.end_date FROM position_assignment pa"
        " LEFT JOIN lookup l ON l.kind = 'position' AND l.code = pa.position_code"
        " WHERE pa.person_id = ? AND pa.deleted = 0"
        " ORDER BY pa.end_date IS NOT NULL, pa.start_date DESC",
        (person_id,),
    ):
        detail.positions.append(PositionEntry(*r))
    detail.planning = [
        (r[0], r[1], r[2]) for r in db.conn.execute(
            "SELECT id, position_code, term FROM planning WHERE person_id = ? AND deleted = 0",
            (person_id,))
    ]
    detail.ratings = {
        int(r[0]): str(r[1]) for r in db.conn.execute(
            "SELECT year, level_id FROM rating WHERE person_id = ? AND deleted = 0",
            (person_id,))
    }
    return detail


def set_current_position(
    tx: Transaction, person_id: str, position_code: str | None,
    unit_id: str | None, since: dt.date | None = None,
) -> None:
    """Make position_code the person's current position, ending the previous one.
    None ends the current position (a plain member)."""
    current = tx.conn.execute(
        "SELECT id, position_code, unit_id FROM position_assignment"
        " WHERE person_id = ? AND deleted = 0 AND end_date IS NULL",
        (person_id,),
    ).fetchall()
    for entry_id, code, entry_unit in current:
        if code == position_code and entry_unit == unit_id:
            return
        tx.update("position_assignment", entry_id,
                  {"end_date": (since or dt.date.today()).isoformat()})
    if position_code:
        tx.insert("position_assignment", {
            "id": new_id(), "person_id": person_id, "position_code": position_code,
            "unit_id": unit_id, "start_date": since.isoformat() if since else None,
            "end_date": None,
        })


def set_planning(
    tx: Transaction, person_id: str, position_code: str | None, term: str = ""
) -> None:
    """The person's one current planning entry (planned position and term)."""
    existing = tx.conn.execute(
        "SELECT id, position_code, term FROM planning WHERE person_id = ? AND deleted = 0",
        (person_id,),
    ).fetchall()
    for entry_id, code, old_term in existing:
        if code == position_code and (not term or term == old_term):
            return
        tx.soft_delete("planning", entry_id)
    if position_code:
        tx.insert("planning", {"id": new_id(), "person_id": person_id,
                               "position_code": position_code, "term": term})


def set_rating(tx: Transaction, person_id: str, year: int, level_id: str | None) -> None:
    row = tx.conn.execute(
        "SELECT id, level_id FROM rating WHERE person_id = ? AND year = ? AND deleted = 0",
        (person_id, year),
    ).fetchone()
    if row and level_id:
        tx.update("rating", row[0], {"level_id": level_id})
    elif row:
        tx.soft_delete("rating", row[0])
    elif level_id:
        tx.insert("rating", {"id": new_id(), "person_id": person_id, "year": year,
                             "level_id": level_id})


def find_by_citizen_id(db: Handle, citizen_id: str) -> str | None:
    row = db.conn.execute(
        "SELECT id FROM person WHERE citizen_id = ? AND deleted = 0", (citizen_id,)
    ).fetchone()
    return str(row[0]) if row else None


def citizen_id_holder(db: Handle, citizen_id: str,
                      other_than: str | None = None) -> tuple[str, str] | None:
    """(id, full name) of this office's live person holding the ID number, or None."""
    row = db.conn.execute(
        "SELECT id, full_name FROM person WHERE office_id = ? AND citizen_id = ?"
        " AND deleted = 0 AND id IS NOT ?", (db.office_id, citizen_id, other_than)
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def exists(db: Handle, person_id: str) -> bool:
    return db.conn.execute(
        "SELECT 1 FROM person WHERE id = ? AND deleted = 0", (person_id,)
    ).fetchone() is not None


@dataclass
class NewPerson:
    """A person to create in bulk, with the current position, planning and ratings."""

    person: PersonInput
    person_id: str = field(default_factory=new_id)
    position_code: str | None = None
    planning_code: str | None = None
    planning_term: str = ""
    ratings: dict[int, str] = field(default_factory=dict)  # year -> rating level id


def create_many(tx: Transaction, entries: list[NewPerson]) -> int:
    """Bulk create_person + set_current_position + set_planning + set_rating for new people
    (one executemany per table: an import of thousands of rows)."""
    tx.insert_many("person", [{"id": e.person_id, **e.person.columns()} for e in entries])
    tx.insert_many("position_assignment", [
        {"id": new_id(), "person_id": e.person_id, "position_code": e.position_code,
         "unit_id": e.person.unit_id, "start_date": None, "end_date": None}
        for e in entries if e.position_code
    ])
    tx.insert_many("planning", [
        {"id": new_id(), "person_id": e.person_id, "position_code": e.planning_code,
         "term": e.planning_term}
        for e in entries if e.planning_code
    ])
    tx.insert_many("rating", [
        {"id": new_id(), "person_id": e.person_id, "year": year, "level_id": level_id}
        for e in entries for year, level_id in sorted(e.ratings.items())
    ])
    return len(entries)
