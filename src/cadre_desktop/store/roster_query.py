"""The roster as pages of rows: search and sort happen in SQL, never over Python lists.

Search folds the query the way `person.search_fold` was folded (accent- and
case-insensitive, đ → d) and requires every word of the query to occur. Sorting by
name uses the indexed official-order key.

Where the database holds other offices' people (a province: millions), words of three
letters or more are first looked up in the trigram index (store/person_search.py). When
they match at most INDEXED_AT_MOST people, the query starts from those (a rare name is
then found in milliseconds instead of a scan of every name); when they match more, the
name-order scan fills the first page at once and the index is not needed. An exact count
of a common word still reads every match: count(cap=N) stops at N, for a label that
says "more than N" while the clerk types.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.store import person_search
from cadre_desktop.store.db import Database
from cadre_desktop.store.offices import subtree_ids

# (key, SQL expression shown, SQL ORDER BY for ascending)
COLUMNS: list[tuple[str, str, str]] = [
    ("full_name", "p.full_name", "p.name_key"),
    ("birth_date", "p.birth_date", "p.birth_date IS NULL, p.birth_date"),
    ("gender", "p.gender", "p.gender IS NULL, p.gender"),
    ("unit", "u.name", "u.name_fold"),
    ("position", "pos.label", "pos.label IS NULL, pos.label"),
    ("working_status", "ws.label", "ws.label IS NULL, ws.label"),
    ("citizen_id", "p.citizen_id", "p.citizen_id IS NULL, p.citizen_id"),
    ("phone", "p.phone", "p.phone IS NULL, p.phone"),
]
COLUMN_KEYS = [c[0] for c in COLUMNS]
# The owning office, by name (its code only when it has no name): an extra last column
# where a province shows several offices.
OFFICE_COLUMN = ("office", "COALESCE(NULLIF(o.name, ''), o.code)", "o.name IS NULL, o.name")

# At most this many candidates from the search index: sorting them is quick, and more
# than this many matches fill the first page of the name-order scan at once.
INDEXED_AT_MOST = 10_000

_JOINS = (
    " LEFT JOIN unit u ON u.id = p.unit_id"
    " LEFT JOIN position_assignment pa ON pa.person_id = p.id AND pa.deleted = 0"
    "  AND pa.end_date IS NULL"
    " LEFT JOIN lookup pos ON pos.kind = 'position' AND pos.code = pa.position_code"
    " LEFT JOIN lookup ws ON ws.kind = 'working_status' AND ws.code = p.working_status"
)


@dataclass(frozen=True)
class RosterFilter:
    query: str = ""
    unit_id: str | None = None  # this unit and everything below it
    deleted: bool = False  # True: only deleted people, for restoring
    office_id: str | None = None  # one office's people; None: every office
    office_below: bool = True  # with the offices below that office


@dataclass(frozen=True)
class RosterSort:
    column: str = "full_name"
    descending: bool = False


# Per open database, its last lookup in the search index, reused while nothing was
# written (by this connection or another: data_version): the roster asks for the first
# page and then the count of the same search.
_last: weakref.WeakKeyDictionary[Database, tuple[tuple[Any, ...], list[int]]] = (
    weakref.WeakKeyDictionary())


def _candidates(db: Database, words: list[str]) -> list[int]:
    key = (tuple(words), INDEXED_AT_MOST, db.conn.total_changes,
           db.conn.execute("PRAGMA data_version").fetchone()[0])
    entry = _last.get(db)
    if entry is None or entry[0] != key:
        entry = (key, person_search.rowids(db, words, INDEXED_AT_MOST + 1))
        _last[db] = entry
    return entry[1]


def _people(db: Database, tokens: list[str]) -> tuple[str, list[Any]]:
    """The FROM clause: every person, or the few the search index found."""
    words = [t for t in tokens if len(t) >= 3]
    if words and person_search.available(db):
        found = _candidates(db, words)
        if len(found) <= INDEXED_AT_MOST:
            # CROSS JOIN keeps the candidates as the outer loop (SQLite does not reorder it).
            return (" FROM json_each(?) s CROSS JOIN person p ON p.rowid = s.value",
                    [json.dumps(found)])
    return " FROM person p", []


def _where(db: Database, flt: RosterFilter) -> tuple[str, list[Any]]:
    """FROM ... WHERE ... and its parameters (the joins for the shown columns go
    between them)."""
    tokens = [t for t in text.fold(flt.query).split(" ") if t]
    source, params = _people(db, tokens)
    clauses = ["p.deleted = ?"]
    params.append(1 if flt.deleted else 0)
    for token in tokens:
        clauses.append("instr(p.search_fold, ?) > 0")
        params.append(token)
    if flt.unit_id:
        row = db.conn.execute("SELECT path FROM unit WHERE id = ?", (flt.unit_id,)).fetchone()
        if row:
            clauses.append(
                "p.unit_id IN (SELECT id FROM unit WHERE path >= ? AND path < ?)"
            )
            # A range on the path index: every path that starts with this unit's path.
            params.extend([row[0], row[0] + "\uffff"])
    if flt.office_id:
        # A province holds its children's people; one office (with those below it).
        ids = subtree_ids(db, flt.office_id) if flt.office_below else [flt.office_id]
        clauses.append("p.office_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    return source + "{joins} WHERE " + " AND ".join(clauses), params


def count(db: Database, flt: RosterFilter, cap: int | None = None) -> int:
    """How many people match; with cap, at most cap (reading no further than that)."""
    where, params = _where(db, flt)
    sql = f"SELECT 1{where.replace('{joins}', '')}"
    if cap is not None:
        sql += f" LIMIT {int(cap)}"
    return int(db.conn.execute(f"SELECT COUNT(*) FROM ({sql})", params).fetchone()[0])


def _order(sort: RosterSort) -> str:
    spec = {c[0]: c[2] for c in [*COLUMNS, OFFICE_COLUMN]}.get(sort.column, "p.name_key")
    direction = " DESC" if sort.descending else ""
    parts = [f"{part.strip()}{direction}" for part in spec.split(",")]
    if sort.column != "full_name":
        parts.append(f"p.name_key{direction}")
    parts.append(f"p.id{direction}")
    return " ORDER BY " + ", ".join(parts)


def page(
    db: Database, flt: RosterFilter, sort: RosterSort, offset: int, limit: int,
    with_office: bool = False,
) -> list[tuple[Any, ...]]:
    """Rows of (id, *COLUMNS values) for one page, and the office's code last when
    with_office."""
    where, params = _where(db, flt)
    columns = [*COLUMNS, OFFICE_COLUMN] if with_office or sort.column == "office" else COLUMNS
    select = ", ".join(c[1] for c in columns)
    joins = _JOINS + (" LEFT JOIN office o ON o.id = p.office_id" if len(columns) > len(COLUMNS)
                      else "")
    # Only the page's rows are joined; the name order comes straight off the index.
    sql = f"SELECT p.id, {select}{where.replace('{joins}', joins)}{_order(sort)} LIMIT ? OFFSET ?"
    return db.conn.execute(sql, [*params, limit, offset]).fetchall()


def search(db: Database, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """The command line's `roster search`: official order, at most `limit` people."""
    rows = page(db, RosterFilter(query=query), RosterSort(), 0, limit)
    keys = ["id", *COLUMN_KEYS]
    return [dict(zip(keys, r, strict=True)) for r in rows]
