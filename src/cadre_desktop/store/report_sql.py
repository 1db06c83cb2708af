"""The training report's figures: classes that ended in a range, their enrolments and
completions, by programme and by the participants' working status; and the clerk's draft
text of a report (sections II-IV), kept per range and kind.

The rules are those of store.target_figures: a class counts when its end date lies in the
range and it is neither cancelled nor deleted; an enrolment is a participant with status
`enrolled` who is still on the roster; a completion one whose result is `completed`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.target_figures import Scope, class_where
from cadre_desktop.store.tx import Transaction

_ENROLMENTS = (
    " FROM training_class c"
    " JOIN enrolment e ON e.class_id = c.id AND e.deleted = 0 AND e.status = 'enrolled'"
    " JOIN person p ON p.id = e.person_id AND p.deleted = 0"
)


@dataclass(frozen=True)
class ProgrammeFigures:
    programme_id: str
    name: str
    classes: int
    enrolments: int
    completions: int
    planned: int  # đồng
    actual: int


def by_programme(db: Handle, start: dt.date, end: dt.date,
                 scope: Scope) -> list[ProgrammeFigures]:
    """One row per programme with a class in the range, by programme name."""
    where, params = class_where((), start, end, scope)
    classes = {str(r[0]): (str(r[1] or ""), int(r[2]), int(r[3]), int(r[4]))
               for r in db.conn.execute(
        "SELECT c.programme_id, pr.name, COUNT(*), COALESCE(SUM(c.budget_planned), 0),"
        " COALESCE(SUM(c.budget_actual), 0) FROM training_class c"
        " LEFT JOIN programme pr ON pr.id = c.programme_id"
        f" WHERE {where} GROUP BY c.programme_id", params)}
    people = {str(r[0]): (int(r[1]), int(r[2] or 0)) for r in db.conn.execute(
        f"SELECT c.programme_id, COUNT(*), SUM(e.result = 'completed'){_ENROLMENTS}"
        f" WHERE {where} GROUP BY c.programme_id", params)}
    rows = [ProgrammeFigures(pid, name, count, *people.get(pid, (0, 0)), planned, actual)
            for pid, (name, count, planned, actual) in classes.items()]
    return sorted(rows, key=lambda r: (text.text_sort_key(r.name), r.programme_id))


def by_working_status(db: Handle, start: dt.date, end: dt.date,
                      scope: Scope) -> list[tuple[str | None, int, int]]:
    """(working status code or None, enrolments, completions): "lượt" by group."""
    where, params = class_where((), start, end, scope)
    return [(r[0], int(r[1]), int(r[2] or 0)) for r in db.conn.execute(
        f"SELECT p.working_status, COUNT(*), SUM(e.result = 'completed'){_ENROLMENTS}"
        f" WHERE {where} GROUP BY p.working_status", params)]


def people_trained(db: Handle, start: dt.date, end: dt.date, scope: Scope) -> int:
    """Different people among the enrolments (one person in two classes is two lượt)."""
    where, params = class_where((), start, end, scope)
    row = db.conn.execute(f"SELECT COUNT(DISTINCT e.person_id){_ENROLMENTS} WHERE {where}",
                          params).fetchone()
    return int(row[0])


# Drafts

DRAFT_TEXTS = ("number", "subject", "assessment", "directions", "proposals", "recipients")


@dataclass(frozen=True)
class DraftRow:
    id: str
    kind: str
    start: dt.date
    end: dt.date
    number: str
    subject: str
    assessment: str
    directions: str
    proposals: str
    recipients: str
    updated_at: str


_DRAFT = ("SELECT id, kind, from_date, to_date, number, subject, assessment, directions,"
          " proposals, recipients, updated_at FROM report_draft")


def _draft(row: Any) -> DraftRow:
    values = list(row)
    values[2], values[3] = dt.date.fromisoformat(values[2]), dt.date.fromisoformat(values[3])
    return DraftRow(*values)


def find_draft(db: Handle, start: dt.date, end: dt.date, kind: str | None) -> DraftRow | None:
    """This office's draft for the range (of the kind, when given): the latest edited."""
    sql = _DRAFT + " WHERE office_id = ? AND from_date = ? AND to_date = ? AND deleted = 0"
    params: list[Any] = [db.office_id, start.isoformat(), end.isoformat()]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind)
    row = db.conn.execute(sql + " ORDER BY updated_at DESC, id LIMIT 1", params).fetchone()
    return _draft(row) if row else None


def list_drafts(db: Handle) -> list[DraftRow]:
    return [_draft(r) for r in db.conn.execute(
        _DRAFT + " WHERE office_id = ? AND deleted = 0 ORDER BY to_date DESC, from_date DESC,"
        " kind", (db.office_id,))]


def save_draft(tx: Transaction, kind: str, start: dt.date, end: dt.date,
               values: dict[str, str]) -> str:
    """Create or update the draft of (range, kind); only the texts given change."""
    cleaned = {k: (text.clean(v) if k in ("number", "subject") else v.strip())
               for k, v in values.items() if k in DRAFT_TEXTS}
    found = find_draft(tx, start, end, kind)
    if found:
        tx.update("report_draft", found.id, cleaned)
        return found.id
    draft_id = new_id()
    tx.insert("report_draft", {"id": draft_id, "kind": kind, "from_date": start.isoformat(),
                               "to_date": end.isoformat(), **cleaned})
    return draft_id
