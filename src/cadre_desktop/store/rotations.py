"""Rotation plans, rotations, their overrides and their extension / early-end events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.rotation_plan import Override
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class RotationPlan:
    id: str
    year: int
    quota: int
    planned_start: str | None
    decision_no: str
    note: str


@dataclass(frozen=True)
class Rotation:
    id: str
    plan_id: str
    year: int
    person_id: str
    full_name: str
    group_code: str
    host_unit_id: str | None
    host_unit: str  # the unit's current name, or the name typed for a unit outside the tree
    host_position: str
    planned_start: str
    planned_end: str
    actual_start: str | None
    actual_end: str | None
    decision_no: str
    decision_date: str | None
    status: str
    status_reason: str
    eligible: bool
    eligibility: str  # JSON of the check made at the proposal
    note: str

    @property
    def start(self) -> dt.date:
        return dt.date.fromisoformat(self.actual_start or self.planned_start)

    @property
    def end(self) -> dt.date:
        return dt.date.fromisoformat(self.actual_end or self.planned_end)


@dataclass(frozen=True)
class OverrideRecord:
    id: str
    rotation_id: str
    override: Override


@dataclass(frozen=True)
class RotationEvent:
    id: str
    rotation_id: str
    kind: str  # 'extension' or 'early_end'
    event_date: str
    old_end: str
    new_end: str
    reason: str
    decision_no: str


_PLAN_COLUMNS = "id, year, quota, planned_start, decision_no, note"
_ROTATION_SELECT = (
    "SELECT r.id, r.plan_id, pl.year, r.person_id, p.full_name, r.group_code,"
    " r.host_unit_id, COALESCE(u.name, r.host_unit_name), r.host_position, r.planned_start,"
    " r.planned_end, r.actual_start, r.actual_end, r.decision_no, r.decision_date, r.status,"
    " r.status_reason, r.eligible, r.eligibility, r.note"
    " FROM rotation r JOIN rotation_plan pl ON pl.id = r.plan_id"
    " JOIN person p ON p.id = r.person_id LEFT JOIN unit u ON u.id = r.host_unit_id"
)


def _rotation(row: tuple[Any, ...]) -> Rotation:
    values = list(row)
    values[17] = bool(values[17])
    return Rotation(*values)


def get_plan(db: Handle, year: int) -> RotationPlan | None:
    row = db.conn.execute(
        f"SELECT {_PLAN_COLUMNS} FROM rotation_plan WHERE year = ? AND deleted = 0"
        " AND office_id = ?", (year, db.office_id)
    ).fetchone()
    return RotationPlan(*row) if row else None


def list_plans(db: Handle) -> list[RotationPlan]:
    rows = db.conn.execute(
        f"SELECT {_PLAN_COLUMNS} FROM rotation_plan WHERE deleted = 0 AND office_id = ?"
        " ORDER BY year", (db.office_id,)
    ).fetchall()
    return [RotationPlan(*r) for r in rows]


def insert_plan(tx: Transaction, year: int, quota: int, planned_start: dt.date | None,
                decision_no: str = "", note: str = "") -> RotationPlan:
    plan = RotationPlan(new_id(), year, quota,
                        planned_start.isoformat() if planned_start else None, decision_no, note)
    tx.insert("rotation_plan", {"id": plan.id, "year": year, "quota": quota,
                                "planned_start": plan.planned_start,
                                "decision_no": decision_no, "note": note})
    return plan


def update_plan(tx: Transaction, plan_id: str, changes: Mapping[str, Any]) -> None:
    tx.update("rotation_plan", plan_id, changes)


def insert_rotation(tx: Transaction, values: Mapping[str, Any]) -> str:
    rotation_id = str(values.get("id") or new_id())
    tx.insert("rotation", {**values, "id": rotation_id})
    return rotation_id


def update_rotation(tx: Transaction, rotation_id: str, changes: Mapping[str, Any]) -> None:
    tx.update("rotation", rotation_id, changes)


def get_rotation(db: Handle, rotation_id: str) -> Rotation | None:
    row = db.conn.execute(
        f"{_ROTATION_SELECT} WHERE r.id = ? AND r.deleted = 0", (rotation_id,)
    ).fetchone()
    return _rotation(row) if row else None


def list_rotations(db: Handle, year: int | None = None, person_id: str | None = None,
                   statuses: tuple[str, ...] | None = None) -> list[Rotation]:
    """Rotations by start date (actual, else planned), then name."""
    clauses: list[str] = ["r.deleted = 0"]
    params: list[Any] = []
    if year is not None:
        clauses.append("pl.year = ?")
        params.append(year)
    if person_id is not None:
        clauses.append("r.person_id = ?")
        params.append(person_id)
    if statuses:
        clauses.append(f"r.status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    rows = db.conn.execute(
        f"{_ROTATION_SELECT} WHERE {' AND '.join(clauses)}"
        " ORDER BY COALESCE(r.actual_start, r.planned_start), p.name_key, r.id",
        params,
    ).fetchall()
    return [_rotation(r) for r in rows]


def count_in_year(db: Handle, year: int, exclude_id: str | None = None) -> int:
    """Rotations that count towards the year's quota: all but the cancelled ones."""
    return int(db.conn.execute(
        "SELECT COUNT(*) FROM rotation r JOIN rotation_plan pl ON pl.id = r.plan_id"
        " WHERE pl.year = ? AND r.deleted = 0 AND r.status != 'cancelled' AND r.id != ?",
        (year, exclude_id or ""),
    ).fetchone()[0])


def open_rotations(db: Handle) -> dict[str, str]:
    """person id -> rotation id for every rotation proposed, approved or under way."""
    rows = db.conn.execute(
        "SELECT person_id, id FROM rotation WHERE deleted = 0"
        " AND status IN ('proposed', 'approved', 'active')"
    ).fetchall()
    return {str(p): str(r) for p, r in rows}


def insert_override(tx: Transaction, rotation_id: str, override: Override) -> str:
    override_id = new_id()
    tx.insert("rotation_override", {
        "id": override_id, "rotation_id": rotation_id, "kind": override.kind,
        "decision_no": override.decision_no,
        "decision_date": override.decision_date.isoformat(), "reason": override.reason,
    })
    return override_id


def list_overrides(db: Handle, rotation_id: str) -> list[OverrideRecord]:
    rows = db.conn.execute(
        "SELECT id, rotation_id, kind, decision_no, decision_date, reason"
        " FROM rotation_override WHERE rotation_id = ? AND deleted = 0 ORDER BY created_at, id",
        (rotation_id,),
    ).fetchall()
    return [OverrideRecord(r[0], r[1], Override(r[2], r[3], dt.date.fromisoformat(r[4]), r[5]))
            for r in rows]


def insert_event(tx: Transaction, rotation_id: str, kind: str, event_date: dt.date,
                 old_end: str, new_end: dt.date, reason: str, decision_no: str = "") -> str:
    event_id = new_id()
    tx.insert("rotation_event", {
        "id": event_id, "rotation_id": rotation_id, "kind": kind,
        "event_date": event_date.isoformat(), "old_end": old_end,
        "new_end": new_end.isoformat(), "reason": reason, "decision_no": decision_no,
    })
    return event_id


def list_events(db: Handle, rotation_id: str) -> list[RotationEvent]:
    rows = db.conn.execute(
        "SELECT id, rotation_id, kind, event_date, old_end, new_end, reason, decision_no"
        " FROM rotation_event WHERE rotation_id = ? AND deleted = 0 ORDER BY event_date, id",
        (rotation_id,),
    ).fetchall()
    return [RotationEvent(*r) for r in rows]
