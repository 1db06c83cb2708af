"""Who takes part in a class: enrolments, the waiting list, withdrawals, results.

Each enrolment has a short code (three digits, '001', unique within its class) that a
clerk types back from a filled paper sheet. Codes are handed out in official name order
when people are enrolled together, and never reused within a class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.errors import NotFound
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction

ENROLMENT_STATUSES = {"enrolled": "Chính thức", "waiting": "Danh sách chờ",
                      "withdrawn": "Đã rút"}
RESULTS = {"completed": "Hoàn thành", "not_completed": "Không hoàn thành"}


@dataclass(frozen=True)
class Participant:
    enrolment_id: str
    class_id: str
    person_id: str
    full_name: str
    short_code: str
    status: str
    birth_date: str | None  # partial ISO, as stored on the person
    gender: str | None
    unit: str
    position: str  # current position's label, '' for a plain member
    outside_reason: str
    enrolled_on: dt.date
    withdrawn_on: dt.date | None
    withdraw_reason: str
    test_score: float | None
    result: str | None
    certificate_no: str | None


_SELECT = (
    "SELECT e.id, e.class_id, e.person_id, p.full_name, e.short_code, e.status, p.birth_date,"
    " p.gender, COALESCE(u.name, ''), COALESCE(pos.label, pa.position_code, ''),"
    " e.outside_reason, e.enrolled_on, e.withdrawn_on, e.withdraw_reason, e.test_score,"
    " e.result, e.certificate_no"
    " FROM enrolment e JOIN person p ON p.id = e.person_id"
    " LEFT JOIN unit u ON u.id = p.unit_id"
    " LEFT JOIN position_assignment pa ON pa.id = (SELECT id FROM position_assignment"
    "  WHERE person_id = p.id AND deleted = 0 AND end_date IS NULL"
    "  ORDER BY start_date DESC, id LIMIT 1)"
    " LEFT JOIN lookup pos ON pos.kind = 'position' AND pos.code = pa.position_code"
)


def _participant(row: Sequence[Any]) -> Participant:
    values = list(row)
    values[11] = dt.date.fromisoformat(values[11])
    values[12] = dt.date.fromisoformat(values[12]) if values[12] else None
    return Participant(*values)


def list_participants(
    db: Handle, class_id: str, statuses: Collection[str] | None = None
) -> list[Participant]:
    """Enrolments of a class in official name order (tên, họ, đệm). People deleted from
    the roster are left out (as on printed lists); their enrolment stays."""
    sql = _SELECT + " WHERE e.class_id = ? AND e.deleted = 0 AND p.deleted = 0"
    params: list[Any] = [class_id]
    if statuses is not None:
        wanted = sorted(statuses)
        sql += f" AND e.status IN ({', '.join('?' for _ in wanted)})"
        params.extend(wanted)
    sql += " ORDER BY p.name_key, p.id"
    return [_participant(r) for r in db.conn.execute(sql, params).fetchall()]


def waiting_queue(db: Handle, class_id: str) -> list[Participant]:
    """The waiting list in the order people joined it."""
    rows = db.conn.execute(
        _SELECT + " WHERE e.class_id = ? AND e.deleted = 0 AND p.deleted = 0"
        " AND e.status = 'waiting'"
        " ORDER BY e.enrolled_on, e.created_at, e.short_code, e.id", (class_id,)).fetchall()
    return [_participant(r) for r in rows]


def get_enrolment(db: Handle, enrolment_id: str) -> Participant:
    row = db.conn.execute(_SELECT + " WHERE e.id = ? AND e.deleted = 0",
                               (enrolment_id,)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy đăng ký {enrolment_id}")
    return _participant(row)


def find_enrolment(db: Handle, class_id: str,
                   person_id: str) -> Participant | None:
    row = db.conn.execute(
        _SELECT + " WHERE e.class_id = ? AND e.person_id = ? AND e.deleted = 0",
        (class_id, person_id)).fetchone()
    return _participant(row) if row else None


def count_enrolled(db: Handle, class_id: str) -> int:
    return int(db.conn.execute(
        "SELECT COUNT(*) FROM enrolment e JOIN person p ON p.id = e.person_id"
        " WHERE e.class_id = ? AND e.deleted = 0 AND p.deleted = 0"
        " AND e.status = 'enrolled'", (class_id,)).fetchone()[0])


def format_code(number: int) -> str:
    return f"{number:03d}"


def next_code_number(db: Handle, class_id: str) -> int:
    """One past the highest code ever given in the class (deleted rows included, so that
    undoing and redoing never hands one code to two people)."""
    rows = db.conn.execute("SELECT short_code FROM enrolment WHERE class_id = ?",
                                (class_id,)).fetchall()
    numbers = [int(r[0]) for r in rows if str(r[0]).isdigit()]
    return max(numbers, default=0) + 1


@dataclass(frozen=True)
class NewEnrolment:
    person_id: str
    status: str  # 'enrolled' | 'waiting'
    outside_reason: str = ""


def insert_enrolments(
    tx: Transaction, class_id: str, items: Sequence[NewEnrolment], on: dt.date
) -> list[tuple[str, str]]:
    """Insert in the given order, numbering codes on from the class's last one.
    Returns (enrolment id, short code) per item."""
    first = next_code_number(tx, class_id)
    rows = [
        {"id": new_id(), "class_id": class_id, "person_id": item.person_id,
         "status": item.status, "outside_reason": item.outside_reason,
         "enrolled_on": on.isoformat(), "withdrawn_on": None, "withdraw_reason": "",
         "short_code": format_code(first + i), "test_score": None, "result": None,
         "certificate_no": None}
        for i, item in enumerate(items)
    ]
    tx.insert_many("enrolment", rows)
    return [(str(r["id"]), str(r["short_code"])) for r in rows]


def set_status(tx: Transaction, enrolment_id: str, status: str) -> None:
    tx.update("enrolment", enrolment_id, {"status": status})


def withdraw(tx: Transaction, enrolment_id: str, on: dt.date, reason: str) -> None:
    tx.update("enrolment", enrolment_id, {"status": "withdrawn",
                                          "withdrawn_on": on.isoformat(),
                                          "withdraw_reason": reason})


def reenrol(tx: Transaction, enrolment_id: str, status: str, on: dt.date,
            outside_reason: str) -> None:
    """A withdrawn person back in the class; the withdrawal is in the audit trail."""
    tx.update("enrolment", enrolment_id, {
        "status": status, "withdrawn_on": None, "withdraw_reason": "",
        "enrolled_on": on.isoformat(), "outside_reason": outside_reason})


def set_codes(tx: Transaction, codes: Iterable[tuple[str, str]]) -> int:
    return sum(bool(tx.update("enrolment", eid, {"short_code": code})) for eid, code in codes)


def set_test_score(tx: Transaction, enrolment_id: str, score: float | None) -> None:
    tx.update("enrolment", enrolment_id, {"test_score": score})


def set_result(tx: Transaction, enrolment_id: str, result: str | None) -> None:
    tx.update("enrolment", enrolment_id, {"result": result})


def set_certificate(tx: Transaction, enrolment_id: str, number: str | None) -> None:
    tx.update("enrolment", enrolment_id, {"certificate_no": number})


def delete_enrolment(tx: Transaction, enrolment_id: str) -> bool:
    """For an enrolment made by mistake; a real withdrawal uses withdraw()."""
    return tx.soft_delete("enrolment", enrolment_id)


def certificates_of_year(db: Handle, year: int) -> set[str]:
    return {r[0] for r in db.conn.execute(
        "SELECT e.certificate_no FROM enrolment e JOIN training_class c ON c.id = e.class_id"
        " WHERE e.deleted = 0 AND e.certificate_no IS NOT NULL"
        # The year of the date a certificate bears: the class's end date when it has one.
        " AND COALESCE(CAST(substr(c.end_date, 1, 4) AS INTEGER), c.year) = ?", (year,))}


@dataclass(frozen=True)
class HistoryEntry:
    enrolment_id: str
    class_id: str
    class_name: str
    programme_id: str
    programme_name: str
    year: int
    start_date: dt.date | None
    end_date: dt.date | None
    class_status: str
    status: str
    result: str | None
    certificate_no: str | None
    test_score: float | None


def person_history(db: Handle, person_id: str) -> list[HistoryEntry]:
    """Every class the person was enrolled in (withdrawals too), newest first."""
    rows = db.conn.execute(
        "SELECT e.id, c.id, c.name, c.programme_id, COALESCE(p.name, ''), c.year,"
        " c.start_date, c.end_date, c.status, e.status, e.result, e.certificate_no,"
        " e.test_score FROM enrolment e JOIN training_class c ON c.id = e.class_id"
        " LEFT JOIN programme p ON p.id = c.programme_id"
        " WHERE e.person_id = ? AND e.deleted = 0 AND c.deleted = 0"
        " ORDER BY c.start_date IS NULL, c.start_date DESC, c.year DESC, c.name",
        (person_id,)).fetchall()
    entries = []
    for row in rows:
        values = list(row)
        values[6] = dt.date.fromisoformat(values[6]) if values[6] else None
        values[7] = dt.date.fromisoformat(values[7]) if values[7] else None
        entries.append(HistoryEntry(*values))
    return entries


@dataclass(frozen=True)
class PersonBrief:
    id: str
    full_name: str
    birth_date: str | None
    unit: str
    position: str


def person_briefs(db: Handle, person_ids: Sequence[str]) -> list[PersonBrief]:
    """Name, birth, unit and current position of people, in the order given."""
    found: dict[str, PersonBrief] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in db.conn.execute(
            "SELECT p.id, p.full_name, p.birth_date, COALESCE(u.name, ''),"
            " COALESCE((SELECT COALESCE(l.label, pa.position_code) FROM position_assignment pa"
            "  LEFT JOIN lookup l ON l.kind = 'position' AND l.code = pa.position_code"
            "  WHERE pa.person_id = p.id AND pa.deleted = 0 AND pa.end_date IS NULL"
            "  ORDER BY pa.start_date DESC, pa.id LIMIT 1), '')"
            " FROM person p LEFT JOIN unit u ON u.id = p.unit_id"
            f" WHERE p.id IN ({', '.join('?' for _ in chunk)})", chunk):
            found[row[0]] = PersonBrief(*row)
    return [found[i] for i in ids if i in found]
