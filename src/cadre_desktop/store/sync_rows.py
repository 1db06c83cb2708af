"""Reading and writing the rows of synchronised tables in bulk, for bundles.

Table and column names come from the receiving database's own schema (the registry);
the importer checks a bundle's names against it before anything reaches this module.
Values are bound parameters. Rows keep their id, owner and timestamps as the sending
office wrote them; a row missing from a full snapshot is soft-deleted here.

Reads are streamed in chunks (a province's table holds millions of rows): nothing here
returns a whole table as one list.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from cadre_desktop.store import person_search
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
_CHUNK = 50_000
FETCH = 10_000  # rows per chunk when streaming a table (a few MB of text)


def _name(value: str) -> str:
    if not _IDENT.match(value):
        raise ValueError(f"bad identifier {value!r}")
    return f'"{value}"'


def _cols(columns: Sequence[str], alias: str = "") -> str:
    return ", ".join(f"{alias}{_name(c)}" for c in columns)


def _ids(values: Iterable[str]) -> str:
    return json.dumps(list(values))


# The export reads with '+office_id' so that SQLite keeps to a plain scan: in an office's
# own database nearly every row qualifies, and the office_id index would only add random
# reads. Shared default rows (the same ids in every database) are left out.
_EXPORT_WHERE = ("+t.office_id IN (SELECT value FROM json_each(?)) "
                 "AND t.id NOT IN (SELECT value FROM json_each(?))")
_CHANGED_FROM = ("FROM sync_change c JOIN {table} t ON t.id = c.row_id "
                 "WHERE c.table_name = ? AND c.seq > ? AND ")


def count_for_export(db: Handle, table: str, office_ids: Sequence[str],
                     exclude: Collection[str], since: int | None = None) -> int:
    """How many rows iter_for_export will give (all of them, or those changed after the
    change mark `since`)."""
    if since is None:
        # Through the office_id index (much smaller than the table), less the shared
        # default rows found by their ids: not a second scan of the table.
        sql = (f"SELECT (SELECT COUNT(*) FROM {_name(table)} "
               "WHERE office_id IN (SELECT value FROM json_each(?))) - "
               f"(SELECT COUNT(*) FROM json_each(?) j JOIN {_name(table)} t ON t.id = j.value "
               "WHERE t.office_id IN (SELECT value FROM json_each(?)))")
        params: tuple[Any, ...] = (_ids(office_ids), _ids(exclude), _ids(office_ids))
    else:
        sql = "SELECT COUNT(*) " + _CHANGED_FROM.format(table=_name(table)) + _EXPORT_WHERE
        params = (table, since, _ids(office_ids), _ids(exclude))
    return int(db.conn.execute(sql, params).fetchone()[0])


def iter_for_export(db: Handle, table: str, columns: Sequence[str],
                    office_ids: Sequence[str], exclude: Collection[str],
                    since: int | None = None) -> Iterator[list[tuple[Any, ...]]]:
    """Every row (deleted ones too: the flag travels) of these offices, or only those
    changed after `since`, in chunks."""
    if since is None:
        sql = f"SELECT {_cols(columns, 't.')} FROM {_name(table)} t WHERE {_EXPORT_WHERE}"
        params: tuple[Any, ...] = (_ids(office_ids), _ids(exclude))
    else:
        sql = (f"SELECT {_cols(columns, 't.')} " + _CHANGED_FROM.format(table=_name(table))
               + _EXPORT_WHERE + " ORDER BY c.seq")
        params = (table, since, _ids(office_ids), _ids(exclude))
    cur = db.conn.execute(sql, params)
    while True:
        rows = cur.fetchmany(FETCH)
        if not rows:
            return
        yield rows


def rows_by_id(db: Handle, table: str, columns: Sequence[str],
               ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """id -> row (in `columns` order) of those ids that exist here, whoever owns them."""
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), _CHUNK):
        cur = db.conn.execute(
            f"SELECT {_cols(columns, 't.')} FROM json_each(?) j JOIN {_name(table)} t "
            "ON t.id = j.value", (_ids(ids[start:start + _CHUNK]),))
        found.update((row[0], tuple(row)) for row in cur)
    return found


def owners(db: Handle, table: str, ids: Iterable[str]) -> dict[str, str]:
    """id -> owning office of the given ids that exist in the table."""
    found: dict[str, str] = {}
    batch = list(ids)
    for start in range(0, len(batch), _CHUNK):
        found.update((str(a), str(b)) for a, b in db.conn.execute(
            f"SELECT t.id, t.office_id FROM json_each(?) j JOIN {_name(table)} t "
            "ON t.id = j.value", (_ids(batch[start:start + _CHUNK]),)))
    return found


def live_ids(db: Handle, table: str, office_ids: Sequence[str]) -> Iterator[str]:
    """Ids of the rows these offices own that are not deleted (through the office_id
    index: in a province these are a small part of the table)."""
    cur = db.conn.execute(
        f"SELECT id FROM {_name(table)} WHERE deleted = 0 AND "
        "office_id IN (SELECT value FROM json_each(?))", (_ids(office_ids),))
    while True:
        rows = cur.fetchmany(FETCH * 10)
        if not rows:
            return
        yield from (str(r[0]) for r in rows)


def live_count(db: Handle, table: str, office_ids: Sequence[str]) -> int:
    return int(db.conn.execute(
        f"SELECT COUNT(*) FROM {_name(table)} WHERE deleted = 0 AND "
        "office_id IN (SELECT value FROM json_each(?))", (_ids(office_ids),)).fetchone()[0])


# Insert triggers that act on this office's own rows only (their WHEN clause says so): the
# unique live ID number within the office, and the office's search index. SQLite runs a
# trigger's program for every inserted row even when its WHEN is false, which doubled
# the time of inserting another office's 20,000 people at the province (1.17 s against
# 0.51 s without them, measured here). A section of another office's rows skips them.
_OWN_ROWS_ONLY = {"person": ("person_citizen_unique_insert", "person_search_insert")}
_SUSPEND_FROM = 1_000  # rows: below this, dropping and re-creating costs more than it saves


def insert_rows(tx: Transaction, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    if rows:
        tx.conn.executemany(
            f"INSERT INTO {_name(table)} ({_cols(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})", rows)
        if table == "person":
            person_search.index_new(tx, [str(row[0]) for row in rows])


@contextlib.contextmanager
def own_triggers_suspended(tx: Transaction, table: str, rows: int) -> Iterator[None]:
    """While a section of `rows` rows of other offices (never this office's: the caller
    has checked their owners) is written, drop the table's own-rows-only insert triggers;
    create them again after, inside the transaction (a failure rolls the drop back with
    the rows)."""
    names = _OWN_ROWS_ONLY.get(table, ())
    if rows < _SUSPEND_FROM or not names:
        yield
        return
    saved = tx.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
        "AND name IN (SELECT value FROM json_each(?))", (table, _ids(names))).fetchall()
    for name, _sql in saved:
        tx.conn.execute(f"DROP TRIGGER {_name(name)}")
    try:
        yield
    finally:
        for sql in (row[1] for row in saved):
            tx.conn.execute(sql)


def update_rows(tx: Transaction, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """columns[0] is id; every other column is set from the row."""
    if rows:
        ids = [str(row[0]) for row in rows]
        before = person_search.texts(tx, ids) if table == "person" else {}
        assignments = ", ".join(f"{_name(c)} = ?" for c in columns[1:])
        tx.conn.executemany(
            f"UPDATE {_name(table)} SET {assignments} WHERE id = ?",
            [(*row[1:], row[0]) for row in rows])
        person_search.reindex_changed(tx, before)


def soft_delete_rows(tx: Transaction, table: str, ids: Sequence[str]) -> None:
    if ids:
        tx.conn.executemany(
            f"UPDATE {_name(table)} SET deleted = 1, updated_at = ? WHERE id = ?",
            [(tx.stamp, record_id) for record_id in ids])
