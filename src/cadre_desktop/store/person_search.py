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

A word of two letters ("ly", "da") has no trigram of its own, but every place it occurs
in a text of three characters or more lies in a trigram that starts or ends with it:
the word followed or preceded by one character. So it is looked up as the OR of those
trigrams: the terms of the index that start with it, and the word after each character
a term starts with (read off the index's vocabulary by seeking, a few milliseconds, and
kept while nothing is written). A text under three characters has no trigram at all;
the partial index person_short_search finds those few. A word of one letter narrows
nothing (the trigrams holding it are too many to ask for): the other words do, and
alone it is left to the scan.

The index is made (and filled from the people already there) when a database with an
enrolled child is opened for writing, or when the first child is enrolled; an office
without offices below it has none and pays nothing for it.
"""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Sequence
from typing import Any

from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction

TABLE = "person_search"
SHORT = "person_short_search"
# The index's terms, read by seeking (fts5vocab 'instance' reads no counts). In the main
# schema, made with the index: a read-only connection may create nothing, not even in temp.
TERMS = "person_search_terms"
_SHORT_WORDS = [
    f"CREATE INDEX IF NOT EXISTS {SHORT} ON person(search_fold) WHERE length(search_fold) < 3",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS} USING fts5vocab({TABLE}, instance)",
]
_LAST = "\U0010ffff"  # above every character: the end of a range of terms

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
        *_SHORT_WORDS,
    ]


def _exists(conn: sqlite3.Connection, name: str = TABLE) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() \
        is not None


def wanted(conn: sqlite3.Connection) -> bool:
    """An office with an enrolled office below it holds, or will hold, its people."""
    return conn.execute("SELECT 1 FROM sync_office_key WHERE role = 'child' LIMIT 1"
                        ).fetchone() is not None


def missing_statements(conn: sqlite3.Connection) -> list[str]:
    """What makes the index, when this office wants one and has none (else nothing).
    Runs while opening a database for writing, before a Database exists, and inside the
    transaction that enrols a child."""
    if not wanted(conn):
        return []
    if _exists(conn):
        # A province made before short words were looked up gets what they need.
        return [] if _exists(conn, SHORT) and _exists(conn, TERMS) else _SHORT_WORDS
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


# Per open database: (data_version, total_changes) -> the characters the index holds.
_alphabets: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], str]] = (
    weakref.WeakKeyDictionary())


def _seek(db: Handle, at_least: str, below: str) -> str | None:
    """The index's first term from `at_least` (and under `below`): one seek, no counts."""
    row = db.conn.execute(f"SELECT term FROM {TERMS} WHERE term >= ? AND term < ? "
                          "LIMIT 1", (at_least, below)).fetchone()
    return None if row is None else str(row[0])


def _alphabet(db: Handle) -> str:
    """Every character some indexed trigram starts with: one seek per character."""
    key = (int(db.conn.execute("PRAGMA data_version").fetchone()[0]), db.conn.total_changes)
    cached = _alphabets.get(db)
    if cached is not None and cached[0] == key:
        return cached[1]
    found, after = [], ""
    while (term := _seek(db, after, _LAST)) is not None:
        found.append(term[0])
        after = chr(ord(term[0]) + 1)
    alphabet = "".join(found)
    _alphabets[db] = (key, alphabet)
    return alphabet


def _starting(db: Handle, prefix: str) -> list[str]:
    """The index's terms that start with `prefix`: one seek each."""
    found, after = [], prefix
    while (term := _seek(db, after, prefix + _LAST)) is not None:
        found.append(term)
        after = term + "\x00"
    return found


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _match(db: Handle, words: Sequence[str]) -> str | None:
    """The FTS5 query for these folded words, None when none of them narrows."""
    groups = []
    # A province opened read-only before it was last opened for writing by this version
    # has no vocabulary table yet: its short words are left to the scan.
    short = _exists(db.conn, SHORT) and _exists(db.conn, TERMS)
    for word in dict.fromkeys(words):
        if len(word) >= 3:
            groups.append(_phrase(word))
        elif len(word) == 2 and short:
            # Where it opens a text, only a trigram starting with it holds it: those are
            # read off the index; elsewhere, the character before it starts one.
            grams = sorted({*(c + word for c in _alphabet(db)), *_starting(db, word)})
            # No trigram holds the word: only a short text could.
            groups.append("(" + " OR ".join(map(_phrase, grams)) + ")" if grams else "")
    if "" in groups:
        return ""
    return " AND ".join(groups) if groups else None


def rowids(db: Handle, words: Sequence[str], limit: int) -> list[int] | None:
    """Rowids of people whose search text holds every word (already folded), at most
    `limit` of them; None when the index cannot narrow these words (one-letter words
    only), and then the caller scans."""
    match = _match(db, [w for w in words if w])
    if match is None:
        return None
    found = [int(r[0]) for r in db.conn.execute(
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?", (match, limit))] \
        if match else []
    if all(len(w) < 3 for w in words) and len(found) < limit:  # (then SHORT exists)
        # Texts under three characters hold no trigram (the caller checks every word).
        found.extend(int(r[0]) for r in db.conn.execute(
            f"SELECT rowid FROM person INDEXED BY {SHORT} WHERE length(search_fold) < 3"))
    return found[:limit]
