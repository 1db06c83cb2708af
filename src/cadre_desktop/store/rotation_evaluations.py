"""The scheduled evaluations of a rotation: the cadre's written report and the host unit's
evaluation, each recorded on the same item."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.evaluation_schedule import ScheduledEvaluation
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction

# Rotations whose evaluations are expected: not a mere proposal, not cancelled.
FOLLOWED_STATUSES = ("approved", "active", "completed")


@dataclass(frozen=True)
class RotationEvaluation:
    id: str
    rotation_id: str
    kind: str  # 'periodic' or 'final'
    seq: int
    due_date: str
    period_start: str
    period_end: str
    report_received: str | None
    report_summary: str
    host_level_id: str | None
    host_level: str  # the rating level's label, '' when not evaluated
    host_comments: str
    evaluator: str
    host_evaluated_on: str | None

    @property
    def report_done(self) -> bool:
        return self.report_received is not None

    @property
    def host_done(self) -> bool:
        return self.host_level_id is not None

    @property
    def done(self) -> bool:
        return self.report_done and self.host_done

    @property
    def due(self) -> dt.date:
        return dt.date.fromisoformat(self.due_date)


@dataclass(frozen=True)
class PendingEvaluation:
    evaluation: RotationEvaluation
    person_id: str
    full_name: str
    rotation_status: str


_SELECT = (
    "SELECT e.id, e.rotation_id, e.kind, e.seq, e.due_date, e.period_start, e.period_end,"
    " e.report_received, e.report_summary, e.host_level_id, COALESCE(l.label, ''),"
    " e.host_comments, e.evaluator, e.host_evaluated_on"
    " FROM rotation_evaluation e LEFT JOIN rating_level l ON l.id = e.host_level_id"
)
_NOT_DONE = "(e.report_received IS NULL OR e.host_level_id IS NULL)"


def list_for(db: Handle, rotation_id: str) -> list[RotationEvaluation]:
    rows = db.conn.execute(
        f"{_SELECT} WHERE e.rotation_id = ? AND e.deleted = 0 ORDER BY e.due_date, e.seq",
        (rotation_id,),
    ).fetchall()
    return [RotationEvaluation(*r) for r in rows]


def get_evaluation(db: Handle, evaluation_id: str) -> RotationEvaluation | None:
    row = db.conn.execute(
        f"{_SELECT} WHERE e.id = ? AND e.deleted = 0", (evaluation_id,)
    ).fetchone()
    return RotationEvaluation(*row) if row else None


def schedule_rows(rotation_id: str, items: Sequence[ScheduledEvaluation],
                  ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Rows for new evaluations (also used by the bulk demo path)."""
    return [
        {"id": ids[i] if ids else new_id(), "rotation_id": rotation_id, "kind": item.kind,
         "seq": item.seq, "due_date": item.due.isoformat(),
         "period_start": item.period_start.isoformat(),
         "period_end": item.period_end.isoformat()}
        for i, item in enumerate(items)
    ]


def sync_schedule(tx: Transaction, db: Handle, rotation_id: str,
                  items: Sequence[ScheduledEvaluation]) -> tuple[int, int, int]:
    """Bring the rotation's evaluations in line with a new schedule (after a change of
    dates): items with a report or an evaluation are kept as they are, pending ones move
    to their new date or go when the schedule no longer has them. Returns (added, moved,
    removed)."""
    existing = {(e.kind, e.seq): e for e in list_for(db, rotation_id)}
    added = moved = removed = 0
    wanted = {(i.kind, i.seq): i for i in items}
    for key, evaluation in existing.items():
        touched = evaluation.report_done or evaluation.host_done
        item = wanted.get(key)
        if item is None:
            if not touched:
                tx.soft_delete("rotation_evaluation", evaluation.id)
                removed += 1
            continue
        if not touched and tx.update("rotation_evaluation", evaluation.id, {
            "due_date": item.due.isoformat(), "period_start": item.period_start.isoformat(),
            "period_end": item.period_end.isoformat(),
        }):
            moved += 1
    new = [i for key, i in wanted.items() if key not in existing]
    if new:
        added = tx.insert_many("rotation_evaluation", schedule_rows(rotation_id, new))
    return added, moved, removed


def update_evaluation(tx: Transaction, evaluation_id: str, changes: Mapping[str, Any]) -> None:
    tx.update("rotation_evaluation", evaluation_id, changes)


def pending(db: Handle, until: dt.date) -> list[PendingEvaluation]:
    """Evaluations due on or before `until` that still miss a part, for rotations that are
    approved, under way or finished, oldest first."""
    marks = ", ".join("?" for _ in FOLLOWED_STATUSES)
    rows = db.conn.execute(
        f"{_SELECT.replace('SELECT', 'SELECT r.person_id, p.full_name, r.status,', 1)}"
        " JOIN rotation r ON r.id = e.rotation_id JOIN person p ON p.id = r.person_id"
        f" WHERE e.deleted = 0 AND r.deleted = 0 AND r.status IN ({marks})"
        f" AND e.due_date <= ? AND {_NOT_DONE} ORDER BY e.due_date, p.name_key, e.seq",
        (*FOLLOWED_STATUSES, until.isoformat()),
    ).fetchall()
    return [PendingEvaluation(RotationEvaluation(*r[3:]), r[0], r[1], r[2]) for r in rows]


def rotation_ids(db: Handle, evaluation_ids: Sequence[str]) -> dict[str, str]:
    """evaluation id -> its rotation, for many evaluations in one read."""
    rows = db.conn.execute(
        "SELECT id, rotation_id FROM rotation_evaluation"
        " WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0",
        (json.dumps(list(evaluation_ids)),)).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}
