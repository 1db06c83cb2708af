"""Target groups as SQL: who in the roster a programme is for, and who still lacks it.

`group_condition` turns the clauses of domain.target_group into one WHERE condition on
`person p`; it must agree with `target_group.matches` (a test checks both on one roster).
Positions are current ones (position_assignment with no end date); unit levels compare
folded, through a SQL function registered on the connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.target_group import Clause, PersonFacts, TargetGroup
from cadre_desktop.store.handle import Handle

FOLD_FUNCTION = "cadre_fold"


def ensure_fold(db: Handle) -> None:
    db.conn.create_function(FOLD_FUNCTION, 1, text.fold, deterministic=True)


def marks(values: Sequence[Any]) -> str:
    """The placeholders of an IN list."""
    return ", ".join("?" for _ in values)


def current_positions(clause: Clause) -> tuple[str, list[Any]]:
    """The current position assignments (`pa`, its unit `pu`) a clause asks for: the FROM
    and WHERE of a query that adds its own link to the person."""
    sql = ("FROM position_assignment pa LEFT JOIN unit pu ON pu.id = pa.unit_id"
           " WHERE pa.deleted = 0 AND pa.end_date IS NULL")
    params: list[Any] = []
    if clause.positions:
        sql += f" AND pa.position_code IN ({marks(clause.positions)})"
        params.extend(clause.positions)
    if clause.unit_levels:
        levels = sorted({text.fold(level) for level in clause.unit_levels})
        sql += f" AND {FOLD_FUNCTION}(COALESCE(pu.level_label, '')) IN ({marks(levels)})"
        params.extend(levels)
    return sql, params


def clause_condition(clause: Clause) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if clause.positions or clause.unit_levels:
        sql, found = current_positions(clause)
        parts.append(f"EXISTS (SELECT 1 {sql} AND pa.person_id = p.id)")
        params.extend(found)
    if clause.working_status:
        parts.append(f"p.working_status IN ({marks(clause.working_status)})")
        params.extend(clause.working_status)
    if clause.planned:
        parts.append("EXISTS (SELECT 1 FROM planning pl WHERE pl.person_id = p.id"
                     f" AND pl.deleted = 0 AND pl.position_code IN ({marks(clause.planned)}))")
        params.extend(clause.planned)
    return ("(" + " AND ".join(parts) + ")" if parts else "1"), params


def group_condition(group: TargetGroup) -> tuple[str, list[Any]]:
    """A condition on `person p` true for exactly the people the group matches."""
    if group.everyone:
        return "1", []
    conditions, params = [], []
    for clause in group.clauses:
        sql, clause_params = clause_condition(clause)
        conditions.append(sql)
        params.extend(clause_params)
    return "(" + " OR ".join(conditions) + ")", params


def _unit_condition(db: Handle, unit_id: str | None) -> tuple[str, list[Any]]:
    if not unit_id:
        return "1", []
    row = db.conn.execute("SELECT path FROM unit WHERE id = ?", (unit_id,)).fetchone()
    if row is None:
        return "0", []
    return ("p.unit_id IN (SELECT id FROM unit WHERE path >= ? AND path < ?)",
            [row[0], row[0] + "\uffff"])


def people_in_group(db: Handle, group: TargetGroup, unit_id: str | None = None) -> list[str]:
    """Ids of people (not deleted) in the group, within a unit's subtree, official order."""
    ensure_fold(db)
    cond, params = group_condition(group)
    unit_cond, unit_params = _unit_condition(db, unit_id)
    rows = db.conn.execute(
        f"SELECT p.id FROM person p WHERE p.deleted = 0 AND {cond} AND {unit_cond}"
        " ORDER BY p.name_key, p.id", [*params, *unit_params]).fetchall()
    return [r[0] for r in rows]


# A completed enrolment in any live class of the programme.
_COMPLETED = (
    "EXISTS (SELECT 1 FROM enrolment ce JOIN training_class cc ON cc.id = ce.class_id"
    " WHERE ce.person_id = p.id AND ce.deleted = 0 AND ce.result = 'completed'"
    " AND cc.deleted = 0 AND cc.programme_id = ?)"
)
# Enrolled or waiting in a class of the programme that has not ended yet.
_UPCOMING = (
    "EXISTS (SELECT 1 FROM enrolment ue JOIN training_class uc ON uc.id = ue.class_id"
    " WHERE ue.person_id = p.id AND ue.deleted = 0 AND ue.status IN ('enrolled', 'waiting')"
    " AND uc.deleted = 0 AND uc.programme_id = ?"
    " AND uc.status IN ('planned', 'open', 'running'))"
)


def candidates(db: Handle, class_id: str, unit_id: str | None = None) -> list[str]:
    """People in the class programme's target group, in the unit's subtree, who have not
    had the programme: not completed it in any class, not enrolled in this class (in any
    status, withdrawn included), not enrolled or waiting in another class of the programme
    that has not ended. Official name order."""
    row = db.conn.execute(
        "SELECT c.programme_id, p.target_group FROM training_class c"
        " JOIN programme p ON p.id = c.programme_id WHERE c.id = ?", (class_id,)).fetchone()
    if row is None:
        return []
    programme_id, group_json = row
    ensure_fold(db)
    cond, params = group_condition(TargetGroup.from_json(group_json))
    unit_cond, unit_params = _unit_condition(db, unit_id)
    sql = (
        f"SELECT p.id FROM person p WHERE p.deleted = 0 AND {cond} AND {unit_cond}"
        f" AND NOT {_COMPLETED} AND NOT {_UPCOMING}"
        " AND NOT EXISTS (SELECT 1 FROM enrolment te WHERE te.person_id = p.id"
        "  AND te.class_id = ? AND te.deleted = 0)"
        " ORDER BY p.name_key, p.id"
    )
    rows = db.conn.execute(
        sql, [*params, *unit_params, programme_id, programme_id, class_id]).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class Coverage:
    in_target: int
    trained: int

    @property
    def untrained(self) -> int:
        return self.in_target - self.trained


def untrained(db: Handle, programme_id: str, unit_id: str | None = None) -> list[str]:
    """People in the programme's target group (in the unit's subtree) who have not
    completed it, official name order."""
    group = _group_of(db, programme_id)
    ensure_fold(db)
    cond, params = group_condition(group)
    unit_cond, unit_params = _unit_condition(db, unit_id)
    rows = db.conn.execute(
        f"SELECT p.id FROM person p WHERE p.deleted = 0 AND {cond} AND {unit_cond}"
        f" AND NOT {_COMPLETED} ORDER BY p.name_key, p.id",
        [*params, *unit_params, programme_id]).fetchall()
    return [r[0] for r in rows]


def coverage_by_unit(db: Handle, programme_id: str) -> dict[str, Coverage]:
    """For every unit: people of its subtree in the target group, and how many of them
    completed the programme. Units without anyone in the target group are left out."""
    group = _group_of(db, programme_id)
    ensure_fold(db)
    cond, params = group_condition(group)
    rows = db.conn.execute(
        f"SELECT p.unit_id, COUNT(*), SUM({_COMPLETED}) FROM person p"
        f" WHERE p.deleted = 0 AND p.unit_id IS NOT NULL AND {cond} GROUP BY p.unit_id",
        [programme_id, *params]).fetchall()
    direct = {unit: (int(total), int(done or 0)) for unit, total, done in rows}
    totals: dict[str, list[int]] = {}
    for unit_id, path in db.conn.execute("SELECT id, path FROM unit"):
        here = direct.get(unit_id)
        if not here:
            continue
        for ancestor in str(path).strip("/").split("/"):
            entry = totals.setdefault(ancestor, [0, 0])
            entry[0] += here[0]
            entry[1] += here[1]
    return {unit: Coverage(t[0], t[1]) for unit, t in totals.items()}


def _group_of(db: Handle, programme_id: str) -> TargetGroup:
    row = db.conn.execute("SELECT target_group FROM programme WHERE id = ?",
                          (programme_id,)).fetchone()
    return TargetGroup.from_json(row[0] if row else "[]")


def person_facts(db: Handle, person_id: str) -> PersonFacts:
    """What target_group.matches needs to know about one person."""
    positions = frozenset(
        (code, level or "") for code, level in db.conn.execute(
            "SELECT pa.position_code, u.level_label FROM position_assignment pa"
            " LEFT JOIN unit u ON u.id = pa.unit_id"
            " WHERE pa.person_id = ? AND pa.deleted = 0 AND pa.end_date IS NULL",
            (person_id,)))
    row = db.conn.execute("SELECT working_status FROM person WHERE id = ?",
                          (person_id,)).fetchone()
    planned = frozenset(r[0] for r in db.conn.execute(
        "SELECT position_code FROM planning WHERE person_id = ? AND deleted = 0",
        (person_id,)))
    return PersonFacts(positions, row[0] if row else None, planned)
