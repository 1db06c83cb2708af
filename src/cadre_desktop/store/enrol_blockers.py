"""Why people of a class's target group are not enrolled by "enrol the target group": the
facts behind store.target_sql.candidates, person by person, for the report the clerk sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cadre_desktop.store.handle import Handle

# Kinds, in the order they are looked for: the first that applies is the reason given.
IN_CLASS = "in_class"          # already enrolled or waiting in this class
WITHDRAWN = "withdrawn"        # withdrew from this class
COMPLETED = "completed"        # completed the programme in another class
ELSEWHERE = "elsewhere"        # enrolled or waiting in another class of the programme


@dataclass(frozen=True)
class Blocker:
    person_id: str
    kind: str
    class_name: str  # the other class, for COMPLETED and ELSEWHERE
    on: str | None  # ISO date: withdrawn on, or that class's end


def blockers(db: Handle, class_id: str, person_ids: Sequence[str]) -> dict[str, Blocker]:
    """person id -> the first reason (see the kinds) that keeps them out of `class_id`'s
    target-group enrolment; people with none are left out."""
    row = db.conn.execute("SELECT programme_id FROM training_class WHERE id = ?",
                          (class_id,)).fetchone()
    if row is None:
        return {}
    programme_id = row[0]
    found: dict[str, Blocker] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for pid, status, withdrawn_on in db.conn.execute(
                "SELECT person_id, status, withdrawn_on FROM enrolment WHERE deleted = 0"
                f" AND class_id = ? AND person_id IN ({marks})", [class_id, *chunk]):
            kind = WITHDRAWN if status == "withdrawn" else IN_CLASS
            found[pid] = Blocker(pid, kind, "", withdrawn_on)
        for pid, name, end, result in db.conn.execute(
                "SELECT e.person_id, c.name, c.end_date, e.result FROM enrolment e"
                " JOIN training_class c ON c.id = e.class_id"
                " WHERE e.deleted = 0 AND c.deleted = 0 AND c.programme_id = ?"
                " AND c.id != ? AND (e.result = 'completed' OR (e.status IN"
                " ('enrolled', 'waiting') AND c.status IN ('planned', 'open', 'running')))"
                f" AND e.person_id IN ({marks})"
                " ORDER BY e.result = 'completed' DESC, c.end_date DESC, c.id",
                [programme_id, class_id, *chunk]):
            if pid not in found:
                kind = COMPLETED if result == "completed" else ELSEWHERE
                found[pid] = Blocker(pid, kind, name, end)
    return found
