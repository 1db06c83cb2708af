"""Which tables are synchronised, from the schema itself.

A table travels in bundles when it has the columns id, office_id, updated_at and deleted
and is not local-only (setting, txn, audit, schema_migration, office, and every table
named sync_*: keys, ledger, exports, alerts, the change log). A later migration's table
with those columns therefore travels, and is change-tracked, without new sync code.
"""

from __future__ import annotations

import sqlite3

REQUIRED_COLUMNS = frozenset({"id", "office_id", "updated_at", "deleted"})
LOCAL_ONLY = frozenset({"office", "setting", "txn", "audit", "schema_migration"})
LOCAL_PREFIX = "sync_"


def is_synchronised(name: str, columns: set[str] | frozenset[str]) -> bool:
    return (name not in LOCAL_ONLY and not name.startswith(LOCAL_PREFIX)
            and not name.startswith("sqlite_") and columns >= REQUIRED_COLUMNS)


def table_columns(conn: sqlite3.Connection, name: str) -> tuple[str, ...]:
    return tuple(str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")'))


def synchronised_names(conn: sqlite3.Connection) -> list[str]:
    """In schema order. Takes the connection: also used while opening, before a
    Database exists."""
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    return [n for n in names if is_synchronised(n, set(table_columns(conn, n)))]

