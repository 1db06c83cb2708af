"""The roster in SQL: search, filters and sort happen here, never over Python lists.

A list is read in two steps. `keys` gives the matching people's row keys (SQLite rowids,
small integers) in list order, straight off an index where the order allows it, as a
cursor the caller reads in chunks; `rows` then reads the shown columns of one page of
keys. Any page, the last one of 100,000 included, costs what its own rows cost (no
OFFSET), and the number of matches is the number of keys.

Search folds the query the way `person.search_fold` was folded (accent- and
case-insensitive, đ → d) and requires every word of the query to occur. Sorting by
name uses the indexed official-order key; by unit, the unit's folded name and then the
official order (index person_unit_list).

Lists of codes (positions, working status) are per office: a label is always looked up
in the list of the office that owns the record, so two offices of a province with the
same code never double a row.

Where the database holds other offices' people (a province: millions), words of two
letters or more are first looked up in the trigram index (store/person_search.py). When
they match at most INDEXED_AT_MOST people, the list starts from those (a rare name is
found in milliseconds instead of a scan of every name); when they match more, the
name-order scan gives the first keys at once and the index is not needed. count(cap=N)
stops at N, for a label that says "more than N" while the clerk types.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.store import person_search
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.offices import subtree_ids

_POSITION = (
    "(SELECT l.label FROM position_assignment pa JOIN lookup l ON l.office_id = pa.office_id"
    " AND l.kind = 'position' AND l.code = pa.position_code"
    " WHERE pa.person_id = p.id AND pa.deleted = 0 AND pa.end_date IS NULL"
    " ORDER BY pa.start_date DESC, pa.id LIMIT 1)"
)
_WORKING = (
    "(SELECT l.label FROM lookup l WHERE l.office_id = p.office_id"
    " AND l.kind = 'working_status' AND l.code = p.working_status)"
)
_UNIT = "(SELECT u.name FROM unit u WHERE u.id = p.unit_id)"
# The owning office by name (its code only when it has no name).
_OFFICE = "(SELECT COALESCE(NULLIF(o.name, ''), o.code) FROM office o WHERE o.id = p.office_id)"

# At most this many candidates from the search index: sorting them is quick, and more
# than this many matches give the first keys of the name-order scan at once.
INDEXED_AT_MOST = 10_000
_EVERYONE = " FROM person p"

# key -> (SQL of the shown value, SQL ORDER BY terms for ascending, joins the order needs)
COLUMNS: dict[str, tuple[str, str, str]] = {
    "full_name": ("p.full_name", "p.name_key", ""),
    "birth_date": ("p.birth_date", "p.birth_date IS NULL, p.birth_date", ""),
    "gender": ("p.gender", "p.gender IS NULL, p.gender", ""),
    "unit": (_UNIT, "u.name_fold IS NULL, u.name_fold",
             " LEFT JOIN unit u ON u.id = p.unit_id"),
    "position": (_POSITION, f"{_POSITION} IS NULL, {_POSITION}", ""),
    "working_status": (_WORKING, f"{_WORKING} IS NULL, {_WORKING}", ""),
    "citizen_id": ("p.citizen_id", "p.citizen_id IS NULL, p.citizen_id", ""),
    "phone": ("p.phone", "p.phone IS NULL, p.phone", ""),
    "theory_level": ("p.theory_level", "p.theory_level IS NULL, p.theory_level", ""),
    "office": (_OFFICE, "o.name IS NULL, o.name", " LEFT JOIN office o ON o.id = p.office_id"),
}
COLUMN_KEYS = ["full_name", "birth_date", "gender", "unit", "position", "working_status",
               "citizen_id", "phone"]


@dataclass(frozen=True)
class RosterFilter:
    query: str = ""
    unit_id: str | None = None  # this unit and everything below it
    deleted: bool = False  # True: only deleted people, for restoring
    office_id: str | None = None  # one office's people; None: every office
    office_below: bool = True  # with the offices below that office
    position_code: str | None = None  # holds this position now
    planning_code: str | None = None  # planned for this position
    working_status: str | None = None
    theory_level: str | None = None


@dataclass(frozen=True)
class RosterSort:
    column: str = "full_name"
    descending: bool = False


@dataclass(frozen=True)
class RosterRow:
    """One person as the roster shows them (raw values; the page formats them)."""

    key: int
    id: str
    full_name: str
    birth_date: str | None
    gender: str | None
    unit: str | None
    position: str | None
    working_status: str | None
    citizen_id: str | None
    phone: str | None
    theory_level: str | None
    office: str | None


# Per open database, its last lookup in the search index, reused while nothing was
# written (by this connection or another: data_version): the list's keys and then its
# count ask for the same search.
_last: weakref.WeakKeyDictionary[Any, tuple[tuple[Any, ...], list[int] | None]] = (
    weakref.WeakKeyDictionary())


def _candidates(db: Handle, words: list[str]) -> list[int] | None:
    key = (tuple(words), INDEXED_AT_MOST, db.conn.total_changes,
           db.conn.execute("PRAGMA data_version").fetchone()[0])
    entry = _last.get(db)
    if entry is None or entry[0] != key:
        entry = (key, person_search.rowids(db, words, INDEXED_AT_MOST + 1))
        _last[db] = entry
    return entry[1]


def _source(db: Handle, flt: RosterFilter) -> tuple[str, list[Any]]:
    """The FROM clause: every person, or the few the search index found."""
    words = [t for t in text.fold(flt.query).split(" ") if t]
    if words and person_search.available(db):
        found = _candidates(db, words)
        if found is not None and len(found) <= INDEXED_AT_MOST:
            # CROSS JOIN keeps the candidates as the outer loop (SQLite does not reorder it).
            return (" FROM json_each(?) s CROSS JOIN person p ON p.rowid = s.value",
                    [json.dumps(found)])
    return _EVERYONE, []


def _where(db: Handle, flt: RosterFilter) -> tuple[str, list[Any]]:
    clauses = ["p.deleted = ?"]
    params: list[Any] = [1 if flt.deleted else 0]
    for token in text.fold(flt.query).split(" "):
        if token:
            clauses.append("instr(p.search_fold, ?) > 0")
            params.append(token)
    if flt.unit_id:
        row = db.conn.execute("SELECT path FROM unit WHERE id = ?", (flt.unit_id,)).fetchone()
        if row:
            clauses.append("p.unit_id IN (SELECT id FROM unit WHERE path >= ? AND path < ?)")
            # A range on the path index: every path that starts with this unit's path.
            params.extend([row[0], row[0] + "\uffff"])
    if flt.office_id:
        # A province holds its children's people; one office (with those below it).
        ids = subtree_ids(db, flt.office_id) if flt.office_below else [flt.office_id]
        clauses.append("p.office_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    if flt.position_code:
        clauses.append(
            "EXISTS (SELECT 1 FROM position_assignment pa WHERE pa.person_id = p.id"
            " AND pa.deleted = 0 AND pa.end_date IS NULL AND pa.position_code = ?)")
        params.append(flt.position_code)
    if flt.planning_code:
        clauses.append(
            "EXISTS (SELECT 1 FROM planning pl WHERE pl.person_id = p.id AND pl.deleted = 0"
            " AND pl.position_code = ?)")
        params.append(flt.planning_code)
    if flt.working_status:
        clauses.append("p.working_status = ?")
        params.append(flt.working_status)
    if flt.theory_level:
        clauses.append("p.theory_level = ?")
        params.append(flt.theory_level)
    return " WHERE " + " AND ".join(clauses), params


def _order(sort: RosterSort) -> tuple[str, str]:
    _shown, terms, joins = COLUMNS.get(sort.column, COLUMNS["full_name"])
    direction = " DESC" if sort.descending else ""
    parts = [f"{part.strip()}{direction}" for part in _split_terms(terms)]
    if sort.column != "full_name":
        parts.append(f"p.name_key{direction}")
    parts.append(f"p.id{direction}")
    return " ORDER BY " + ", ".join(parts), joins


def _split_terms(terms: str) -> list[str]:
    """Split ORDER BY terms on top-level commas (a subquery has commas of its own)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(terms):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(terms[start:i])
            start = i + 1
    parts.append(terms[start:])
    return parts


def count(db: Handle, flt: RosterFilter, cap: int | None = None) -> int:
    """How many people match; with cap, at most cap (reading no further than that)."""
    source, params = _source(db, flt)
    where, more = _where(db, flt)
    sql = f"SELECT 1{source}{where}" + (f" LIMIT {int(cap)}" if cap is not None else "")
    return int(db.conn.execute(f"SELECT COUNT(*) FROM ({sql})", [*params, *more]).fetchone()[0])


def keys(db: Handle, flt: RosterFilter, sort: RosterSort,
         limit: int | None = None) -> Iterator[int]:
    """The matching people's keys in list order, read lazily (take them in chunks)."""
    source, params = _source(db, flt)
    where, more = _where(db, flt)
    if sort.column == "unit" and source == _EVERYONE:
        found = _unit_order(db, where, more, sort.descending)
    else:
        order, joins = _order(sort)
        found = (k for (k,) in db.conn.execute(
            f"SELECT p.rowid{source}{joins}{where}{order}", [*params, *more]))
    return found if limit is None else islice(found, limit)


def _unit_order(db: Handle, where: str, params: list[Any],
                descending: bool) -> Iterator[int]:
    """By unit name, then official order: the units in name order and each unit's
    people off the index person_unit_list in name order, so the whole list is never
    sorted (a sixth of the time at 100,000 people); people without a unit come after
    them (before them, descending)."""
    d = " DESC" if descending else ""
    with_unit = db.conn.execute(
        f"SELECT p.rowid FROM unit u CROSS JOIN person p ON p.unit_id = u.id{where}"
        f" ORDER BY u.name_fold{d}, u.id{d}, p.name_key{d}, p.id{d}", params)
    without = db.conn.execute(
        f"SELECT p.rowid FROM person p{where} AND p.unit_id IS NULL"
        f" ORDER BY p.name_key{d}, p.id{d}", params)
    first, second = (without, with_unit) if descending else (with_unit, without)
    return (k for (k,) in chain(first, second))


_ROW_SELECT = (
    "SELECT p.rowid, p.id, p.full_name, p.birth_date, p.gender, " + _UNIT + ", " + _POSITION
    + ", " + _WORKING + ", p.citizen_id, p.phone, p.theory_level, " + _OFFICE
    + " FROM person p WHERE p.rowid IN (SELECT value FROM json_each(?))"
)


def rows(db: Handle, wanted: Sequence[int]) -> list[RosterRow]:
    """The people with these keys, in the order of the keys (a key whose person has gone
    since the keys were read is left out)."""
    found = {r[0]: RosterRow(*r) for r in
             db.conn.execute(_ROW_SELECT, (json.dumps(list(wanted)),))}
    return [found[k] for k in wanted if k in found]


def ids_of(db: Handle, wanted: Sequence[int]) -> list[str]:
    """The record ids of these keys, in their order (a large selection of rows)."""
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 50_000):
        chunk = list(wanted[start:start + 50_000])
        found.update(db.conn.execute(
            "SELECT rowid, id FROM person WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(chunk),)).fetchall())
    return [found[k] for k in wanted if k in found]


def search(db: Handle, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """The command line's `roster search`: official order, at most `limit` people."""
    found = list(keys(db, RosterFilter(query=query), RosterSort(), limit))
    return [
        {"id": r.id, "full_name": r.full_name, "birth_date": r.birth_date,
         "gender": r.gender, "unit": r.unit, "position": r.position,
         "working_status": r.working_status, "citizen_id": r.citizen_id, "phone": r.phone}
        for r in rows(db, found)
    ]
