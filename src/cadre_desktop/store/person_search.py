"""A substring index on people's search text, for offices that hold other offices' people.

The roster's search finds every word of the query inside person.search_fold. An office's
own roster (100,000 people at most) is searched by scanning the covering index in name
order, well within a keystroke. A province holding a hundred offices (two million
people) cannot: a name few people have means reading the whole index. So an office with
enrolled offices below it keeps an SQLite FTS5 index with the trigram tokenizer over
search_fold (external content: it stores the trigrams, not the text), kept in step by
triggers on person. A query word of three letters or more then finds its candidates in
milliseconds; store/roster_query.py uses them when they are few and keeps the name-order
scan when they are many (then the first page fills at once).

The index is made (and filled from the people already there) when a database with an
enrolled child is opened for writing, or when the first child is enrolled; an office
without offices below it has none and pays nothing for it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction

TABLE = "person_search"

_DELETE = (f"INSERT INTO {TABLE}({TABLE}, rowid, search_fold) "
           "VALUES ('delete', old.rowid, old.search_fold)")
_INSERT = f"INSERT INTO {TABLE}(rowid, search_fold) VALUES (new.rowid, new.search_fold)"


def _create(self_id: str) -> list[str]:
    # The office's own people only (its id written into the triggers: no lookup per row).
    own = "'" + self_id.replace("'", "''") + "'"
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_fold, content='person', "
        "content_rowid='rowid', tokenize='trigram')",
        f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON person WHEN new.office_id = {own} "
        f"BEGIN {_INSERT}; END",
        f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON person WHEN old.office_id = {own} "
        f"BEGIN {_DELETE}; END",
        f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF search_fold ON person "
        f"WHEN new.office_id = {own} AND old.search_fold IS NOT new.search_fold "
        f"BEGIN {_DELETE}; {_INSERT}; END",
        f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    ]


def _exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone() \
        is not None


def wanted(conn: sqlite3.Connection) -> bool:
    """An office with an enrolled office below it holds, or will hold, its people."""
    return conn.execute("SELECT 1 FROM sync_office_key WHERE role = 'child' LIMIT 1"
                        ).fetchone() is not None


def missing_statements(conn: sqlite3.Connection) -> list[str]:
    """What makes the index, when this office wants one and has none (else nothing).
    Runs while opening a database for writing, before a Database exists, and inside the
    transaction that enrols a child."""
    if _exists(conn) or not wanted(conn):
        return []
    row = conn.execute("SELECT id FROM office WHERE is_self = 1").fetchone()
    return _create(str(row[0])) if row else []


def ensure(tx: Transaction) -> None:
    """After a child is enrolled: the index, if this office has none yet."""
    for statement in missing_statements(tx.conn):
        tx.conn.execute(statement)


def available(db: Handle) -> bool:
    return _exists(db.conn)


def _ids(ids: Sequence[str]) -> str:
    return json.dumps(list(ids))


def index_new(tx: Transaction, ids: Sequence[str]) -> None:
    """People a bundle brought (owned by other offices: the triggers index this office's
    own people)."""
    if ids and available(tx):
        tx.conn.execute(
            f"INSERT INTO {TABLE}(rowid, search_fold) SELECT p.rowid, p.search_fold "
            "FROM json_each(?) j JOIN person p ON p.id = j.value WHERE p.office_id != ?",
            (_ids(ids), tx.office_id))


def texts(tx: Transaction, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """id -> (rowid, search text) of these people, before a bundle changes them."""
    if not ids or not available(tx):
        return {}
    return {str(r[0]): (int(r[1]), str(r[2])) for r in tx.conn.execute(
        "SELECT p.id, p.rowid, p.search_fold FROM json_each(?) j JOIN person p "
        "ON p.id = j.value WHERE p.office_id != ?", (_ids(ids), tx.office_id))}


def reindex_changed(tx: Transaction, before: dict[str, tuple[int, str]]) -> None:
    """After a bundle changed these people: those whose search text changed."""
    if not before:
        return
    now = {str(r[0]): str(r[1]) for r in tx.conn.execute(
        "SELECT p.id, p.search_fold FROM json_each(?) j JOIN person p ON p.id = j.value",
        (_ids(list(before)),))}
    for person_id, (rowid, old) in before.items():
        new = now.get(person_id)
        if new is not None and new != old:
            tx.conn.execute(f"INSERT INTO {TABLE}({TABLE}, rowid, search_fold) "
                            "VALUES ('delete', ?, ?)", (rowid, old))
            tx.conn.execute(f"INSERT INTO {TABLE}(rowid, search_fold) VALUES (?, ?)",
                            (rowid, new))


def rowids(db: Handle, words: Sequence[str], limit: int) -> list[int]:
    """Rowids of people whose search text holds every word (each of three letters or
    more, already folded), at most `limit` of them."""
    match = " AND ".join('"' + word.replace('"', '""') + '"' for word in words)
    return [int(r[0]) for r in db.conn.execute(
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?", (match, limit))]
