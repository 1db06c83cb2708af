"""The 'Offices' view: every office this database knows, with its last bundle and whether
it is overdue, and the counts of its people, classes, rotations and evaluations.

A province's database holds the records of every office below it, each row carrying its
office_id, so the existing lists already show all offices together; scope_clause()
gives the SQL condition to show one office (with or without the offices below it).
Overdue: an enrolled child whose last bundle was imported more than overdue_days ago
(the setting 'sync.overdue_days', 183 by default: offices report every six months), or
that has sent nothing that long after its enrolment. Dates are this office's own clock.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.store import offices, sync_log
from cadre_desktop.store.db import Database
from cadre_desktop.sync.header import OfficeRef

DEFAULT_OVERDUE_DAYS = 183
OVERVIEW_TABLES = {"people": "person", "classes": "training_class", "rotations": "rotation",
                   "evaluations": "rotation_evaluation"}


@dataclass(frozen=True)
class OfficeStatus:
    office: OfficeRef
    relation: str  # 'self', 'parent', 'child' (enrolled below) or 'below' (via a child)
    parent_id: str | None
    key_status: str | None
    fingerprint: str | None
    enrolled_at: str | None
    last_sequence: int | None
    last_created: str | None      # the sender's date on its last bundle
    last_imported_at: str | None
    days_since: int | None
    overdue: bool
    counts: dict[str, int] = field(default_factory=dict)
    last_kind: str | None = None  # of the last bundle: 'full', 'delta' (or 'issued')

    def to_json(self) -> dict[str, Any]:
        return {"id": self.office.id, "code": self.office.code, "name": self.office.name,
                "relation": self.relation, "parent_id": self.parent_id,
                "key_status": self.key_status, "fingerprint": self.fingerprint,
                "enrolled_at": _day(self.enrolled_at), "last_sequence": self.last_sequence,
                "last_bundle_date": _day(self.last_created),
                "last_imported_at": _day(self.last_imported_at),
                "last_bundle_kind": self.last_kind,
                "days_since": self.days_since, "overdue": self.overdue, **self.counts}


def _day(stamp: str | None) -> str | None:
    return stamp[:10] if stamp else None


def _date(stamp: str) -> dt.date:
    return dt.date.fromisoformat(stamp[:10])


def overdue_days(db: Database) -> int:
    value = db.setting("sync.overdue_days", "")
    return int(value) if value.isdigit() else DEFAULT_OVERDUE_DAYS


def counts_by_office(db: Database) -> dict[str, dict[str, int]]:
    known = {str(r[0]) for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    result: dict[str, dict[str, int]] = {}
    for label, table in OVERVIEW_TABLES.items():
        if table not in known:
            continue
        for office_id, count in db.conn.execute(
                f"SELECT office_id, COUNT(*) FROM {table} WHERE deleted = 0 GROUP BY office_id"):
            result.setdefault(str(office_id), {})[label] = int(count)
    return result


def list_offices(db: Database, today: dt.date | None = None,
                 limit_days: int | None = None) -> list[OfficeStatus]:
    today = today or dt.date.today()
    limit_days = overdue_days(db) if limit_days is None else limit_days
    all_keys = offices.all_keys(db)
    keys = {k.office_id: k for k in all_keys}  # the latest enrolled, unless one is active
    keys.update({k.office_id: k for k in all_keys if k.status == "active"})
    last = sync_log.last_entries(db)
    counts = counts_by_office(db)
    below = set(offices.subtree_ids(db, db.office_id))
    result = []
    for office in offices.all_offices(db):
        key = keys.get(office.id)
        entry = last.get(office.id)
        if office.is_self:
            relation = "self"
        elif key is not None and key.role == "parent":
            relation = "parent"
        elif key is not None:
            relation = "child"
        elif office.id in below:
            relation = "below"
        else:
            relation = "other"
        days = (today - _date(entry.imported_at)).days if entry else None
        overdue = False
        if relation == "child" and key is not None and key.status == "active":
            since = days if days is not None else (today - _date(key.enrolled_at)).days
            overdue = since > limit_days
        result.append(OfficeStatus(
            office=OfficeRef(office.id, office.code, office.display_name), relation=relation,
            parent_id=office.parent_id, key_status=key.status if key else None,
            fingerprint=key.fingerprint if key else None,
            enrolled_at=key.enrolled_at if key else None,
            last_sequence=entry.sequence if entry else None,
            last_created=entry.created if entry else None,
            last_imported_at=entry.imported_at if entry else None, days_since=days,
            overdue=overdue,
            counts={label: counts.get(office.id, {}).get(label, 0) for label in OVERVIEW_TABLES},
            last_kind=entry.kind if entry else None))
    order = {"self": 0, "parent": 1, "child": 2, "below": 3, "other": 4}
    result.sort(key=lambda s: (order[s.relation], text.text_sort_key(s.office.name), s.office.code))
    return result


def office_scope(db: Database, office_id: str, include_below: bool = True) -> list[str]:
    return offices.subtree_ids(db, office_id) if include_below else [office_id]


def scope_clause(db: Database, office_id: str | None, include_below: bool = True,
                 column: str = "office_id") -> tuple[str, list[Any]]:
    """('', []) for every office together, else a condition and its parameter for
    `WHERE ... AND <condition>` on any synchronised table."""
    if office_id is None:
        return "", []
    if not column.replace("_", "").replace(".", "").isalnum():
        raise ValueError(f"bad column {column!r}")
    ids = office_scope(db, office_id, include_below)
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
