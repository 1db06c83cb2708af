"""Reading and writing the rows of synchronised tables in bulk, for bundles.

Table and column names come from the receiving database's own schema (the registry);
the importer checks a bundle's names against it before anything reaches this module.
Values are bound parameters. Rows keep their id, owner and timestamps as the sending
office wrote them; a row missing from a full snapshot is soft-deleted here.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
_CHUNK = 50_000


def _name(value: str) -> str:
    if not _IDENT.match(value):
        raise ValueError(f"bad identifier {value!r}")
    return f'"{value}"'


def _cols(columns: Sequence[str]) -> str:
    return ", ".join(_name(c) for c in columns)


def read_for_export(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                    office_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """Every row (deleted ones too: the flag travels) of these offices, sorted by id.
    '+office_id' keeps SQLite on a plain scan: in an office's own database nearly
    every row qualifies, and the office_id index would only add random reads."""
    rows = conn.execute(
        f"SELECT {_cols(columns)} FROM {_name(table)} "
        "WHERE +office_id IN (SELECT value FROM json_each(?))", (json.dumps(list(office_ids)),)
    ).fetchall()
    rows.sort(key=lambda r: r[0])
    return rows


def rows_of_offices(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                    office_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """id -> row (in `columns` order, id first) of the rows these offices own."""
    cur = conn.execute(
        f"SELECT {_cols(columns)} FROM {_name(table)} "
        "WHERE office_id IN (SELECT value FROM json_each(?))", (json.dumps(list(office_ids)),))
    return {row[0]: tuple(row) for row in cur}


def owners(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> dict[str, str]:
    """id -> owning office of the given ids that exist in the table."""
    found: dict[str, str] = {}
    batch = list(ids)
    for start in range(0, len(batch), _CHUNK):
        found.update((str(a), str(b)) for a, b in conn.execute(
            f"SELECT t.id, t.office_id FROM json_each(?) j JOIN {_name(table)} t "
            "ON t.id = j.value", (json.dumps(batch[start:start + _CHUNK]),)))
    return found


def live_count(conn: sqlite3.Connection, table: str, office_ids: Sequence[str]) -> int:
    return int(conn.execute(
        f"SELECT COUNT(*) FROM {_name(table)} WHERE deleted = 0 AND "
        "office_id IN (SELECT value FROM json_each(?))", (json.dumps(list(office_ids)),)
    ).fetchone()[0])


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    if rows:
        conn.executemany(
            f"INSERT INTO {_name(table)} ({_cols(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})", rows)


def update_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """columns[0] is id; every other column is set from the row."""
    if rows:
        assignments = ", ".join(f"{_name(c)} = ?" for c in columns[1:])
        conn.executemany(
            f"UPDATE {_name(table)} SET {assignments} WHERE id = ?",
            [(*row[1:], row[0]) for row in rows])


def soft_delete_rows(conn: sqlite3.Connection, table: str, ids: Sequence[str],
                     stamp: str) -> None:
    if ids:
        conn.executemany(
            f"UPDATE {_name(table)} SET deleted = 1, updated_at = ? WHERE id = ?",
            [(stamp, record_id) for record_id in ids])
