"""The member training programme: years, the criteria library, registrations with their
items, self-evaluations and the branch's final scores."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.member_programme import RegistrationItem
from cadre_desktop.domain.member_score import ScoreBand, bands_from_json
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class ProgrammeYear:
    id: str
    name: str
    start_year: int
    registration_deadline: str
    evaluation_deadline: str
    evaluation_every_months: int
    min_criteria: int
    score_bands: str
    rating_year: int
    status: str
    ratings_applied_at: str | None

    @property
    def bands(self) -> tuple[ScoreBand, ...]:
        return bands_from_json(self.score_bands)

    @property
    def registration_by(self) -> dt.date:
        return dt.date.fromisoformat(self.registration_deadline)

    @property
    def evaluation_by(self) -> dt.date:
        return dt.date.fromisoformat(self.evaluation_deadline)


@dataclass(frozen=True)
class Criterion:
    id: str
    area: str
    code: str
    text: str
    sort_order: int


@dataclass(frozen=True)
class Registration:
    id: str
    year_id: str
    person_id: str
    full_name: str
    unit_id: str | None
    status: str
    submitted_on: str | None
    decided_on: str | None
    decided_by: str
    comment: str
    score: float | None
    score_note: str


@dataclass(frozen=True)
class SelfEvaluation:
    id: str
    registration_id: str
    round: int
    kind: str
    evaluated_on: str
    self_score: float | None
    summary: str


@dataclass(frozen=True)
class BranchRow:
    """One line of a branch's score grid; registration fields are None when the member
    has not registered."""

    person_id: str
    full_name: str
    unit_id: str | None
    registration_id: str | None
    status: str | None
    self_score: float | None
    score: float | None
    score_note: str


_YEAR_COLUMNS = ("id, name, start_year, registration_deadline, evaluation_deadline,"
                 " evaluation_every_months, min_criteria, score_bands, rating_year, status,"
                 " ratings_applied_at")
_REG_SELECT = (
    "SELECT r.id, r.year_id, r.person_id, p.full_name, r.unit_id, r.status, r.submitted_on,"
    " r.decided_on, r.decided_by, r.comment, r.score, r.score_note"
    " FROM member_registration r JOIN person p ON p.id = r.person_id"
)


def list_years(db: Handle) -> list[ProgrammeYear]:
    rows = db.conn.execute(
        f"SELECT {_YEAR_COLUMNS} FROM member_programme_year WHERE deleted = 0"
        " AND office_id = ? ORDER BY start_year DESC", (db.office_id,)
    ).fetchall()
    return [ProgrammeYear(*r) for r in rows]


def get_year(db: Handle, year_id: str) -> ProgrammeYear | None:
    row = db.conn.execute(
        f"SELECT {_YEAR_COLUMNS} FROM member_programme_year WHERE id = ? AND deleted = 0",
        (year_id,),
    ).fetchone()
    return ProgrammeYear(*row) if row else None


def year_starting(db: Handle, start_year: int) -> ProgrammeYear | None:
    row = db.conn.execute(
        f"SELECT {_YEAR_COLUMNS} FROM member_programme_year WHERE start_year = ?"
        " AND deleted = 0 AND office_id = ?", (start_year, db.office_id),
    ).fetchone()
    return ProgrammeYear(*row) if row else None


def insert_year(tx: Transaction, values: Mapping[str, Any]) -> str:
    year_id = str(values.get("id") or new_id())
    tx.insert("member_programme_year", {**values, "id": year_id})
    return year_id


def update_year(tx: Transaction, year_id: str, changes: Mapping[str, Any]) -> None:
    tx.update("member_programme_year", year_id, changes)


def list_criteria(db: Handle, area: str | None = None) -> list[Criterion]:
    where, params = ("AND area = ?", [area]) if area else ("", [])
    rows = db.conn.execute(
        f"SELECT id, area, code, text, sort_order FROM member_criterion WHERE deleted = 0"
        f" {where} ORDER BY sort_order, code, id", params,
    ).fetchall()
    return [Criterion(*r) for r in rows]


def insert_criterion(tx: Transaction, area: str, text: str, code: str = "") -> str:
    criterion_id = new_id()
    order = tx.conn.execute(
        "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM member_criterion"
    ).fetchone()[0]
    tx.insert("member_criterion", {"id": criterion_id, "area": area, "code": code,
                                   "text": text, "sort_order": order})
    return criterion_id


def update_criterion(tx: Transaction, criterion_id: str, changes: Mapping[str, Any]) -> None:
    tx.update("member_criterion", criterion_id, changes)


def delete_criterion(tx: Transaction, criterion_id: str) -> bool:
    return tx.soft_delete("member_criterion", criterion_id)


def get_registration(db: Handle, registration_id: str) -> Registration | None:
    row = db.conn.execute(f"{_REG_SELECT} WHERE r.id = ? AND r.deleted = 0",
                          (registration_id,)).fetchone()
    return Registration(*row) if row else None


def find_registration(db: Handle, year_id: str, person_id: str) -> Registration | None:
    row = db.conn.execute(
        f"{_REG_SELECT} WHERE r.year_id = ? AND r.person_id = ? AND r.deleted = 0",
        (year_id, person_id),
    ).fetchone()
    return Registration(*row) if row else None


def insert_registration(tx: Transaction, values: Mapping[str, Any]) -> str:
    registration_id = str(values.get("id") or new_id())
    tx.insert("member_registration", {**values, "id": registration_id})
    return registration_id


def update_registration(tx: Transaction, registration_id: str,
                        changes: Mapping[str, Any]) -> dict[str, Any]:
    return tx.update("member_registration", registration_id, changes)


def list_items(db: Handle, registration_id: str) -> list[RegistrationItem]:
    rows = db.conn.execute(
        "SELECT area, text, plan, criterion_id FROM member_registration_item"
        " WHERE registration_id = ? AND deleted = 0 ORDER BY sort_order, id",
        (registration_id,),
    ).fetchall()
    return [RegistrationItem(*r) for r in rows]


def replace_items(tx: Transaction, registration_id: str,
                  items: Sequence[RegistrationItem]) -> None:
    """Make the registration's items these, in this order: rows are updated in place
    where there is one, so a small edit is a small audited change."""
    existing = [r[0] for r in tx.conn.execute(
        "SELECT id FROM member_registration_item WHERE registration_id = ? AND deleted = 0"
        " ORDER BY sort_order, id", (registration_id,))]
    for n, item in enumerate(items):
        values = {"area": item.area, "criterion_id": item.criterion_id, "text": item.text,
                  "plan": item.plan, "sort_order": n}
        if n < len(existing):
            tx.update("member_registration_item", existing[n], values)
        else:
            tx.insert("member_registration_item",
                      {"id": new_id(), "registration_id": registration_id, **values})
    for item_id in existing[len(items):]:
        tx.soft_delete("member_registration_item", item_id)


def list_self_evaluations(db: Handle, registration_id: str) -> list[SelfEvaluation]:
    rows = db.conn.execute(
        "SELECT id, registration_id, round, kind, evaluated_on, self_score, summary"
        " FROM member_self_evaluation WHERE registration_id = ? AND deleted = 0 ORDER BY round",
        (registration_id,),
    ).fetchall()
    return [SelfEvaluation(*r) for r in rows]


def save_self_evaluation(tx: Transaction, registration_id: str, round_no: int, kind: str,
                         evaluated_on: dt.date, self_score: float | None, summary: str) -> str:
    row = tx.conn.execute(
        "SELECT id FROM member_self_evaluation WHERE registration_id = ? AND round = ?"
        " AND deleted = 0", (registration_id, round_no),
    ).fetchone()
    values = {"kind": kind, "evaluated_on": evaluated_on.isoformat(),
              "self_score": self_score, "summary": summary}
    if row:
        tx.update("member_self_evaluation", row[0], values)
        return str(row[0])
    evaluation_id = new_id()
    tx.insert("member_self_evaluation", {"id": evaluation_id, "registration_id": registration_id,
                                         "round": round_no, **values})
    return evaluation_id


def branch_rows(db: Handle, year_id: str, unit_ids: Sequence[str],
                final_round: int) -> list[BranchRow]:
    """The members of these units (a branch and what is below it) in official order, with
    their registration, final self-score (round `final_round`) and score."""
    if not unit_ids:
        return []
    marks = ", ".join("?" for _ in unit_ids)
    rows = db.conn.execute(
        "SELECT p.id, p.full_name, p.unit_id, r.id, r.status, s.self_score, r.score,"
        " COALESCE(r.score_note, '') FROM person p"
        " LEFT JOIN member_registration r ON r.person_id = p.id AND r.year_id = ?"
        "  AND r.deleted = 0"
        " LEFT JOIN member_self_evaluation s ON s.registration_id = r.id AND s.round = ?"
        "  AND s.deleted = 0"
        f" WHERE p.deleted = 0 AND p.unit_id IN ({marks}) ORDER BY p.name_key, p.id",
        (year_id, final_round, *unit_ids),
    ).fetchall()
    return [BranchRow(*r) for r in rows]


def scored(db: Handle, year_id: str) -> list[Registration]:
    rows = db.conn.execute(
        f"{_REG_SELECT} WHERE r.year_id = ? AND r.deleted = 0 AND p.deleted = 0"
        " AND r.score IS NOT NULL ORDER BY p.name_key, p.id", (year_id,),
    ).fetchall()
    return [Registration(*r) for r in rows]


def missing_self_evaluation(db: Handle, year_id: str,
                            round_no: int) -> list[tuple[str, str, str]]:
    """(registration id, person id, full name) of registered members without a
    self-evaluation for a round."""
    rows = db.conn.execute(
        "SELECT r.id, p.id, p.full_name FROM member_registration r"
        " JOIN person p ON p.id = r.person_id"
        " WHERE r.year_id = ? AND r.deleted = 0 AND p.deleted = 0"
        " AND r.status IN ('submitted', 'approved')"
        " AND NOT EXISTS (SELECT 1 FROM member_self_evaluation s WHERE s.registration_id = r.id"
        "  AND s.round = ? AND s.deleted = 0) ORDER BY p.name_key, p.id",
        (year_id, round_no),
    ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def registration_units(db: Handle, registration_ids: Sequence[str]) -> dict[str, str | None]:
    """registration id -> the branch it belongs to, for many registrations in one read."""
    rows = db.conn.execute(
        "SELECT id, unit_id FROM member_registration WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(registration_ids)),)).fetchall()
    return {str(r[0]): r[1] for r in rows}
