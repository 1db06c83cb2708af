"""The registry of synchronised tables, derived from the schema itself.

A table travels in bundles when it has the columns id, office_id, updated_at and deleted
and is not local-only (store/sync_tables.py). A later migration's table with those
columns therefore travels without new sync code; it should also get an index on
office_id (a full snapshot's import reads "the rows of these offices").

Tables come in an order where a table follows those it refers to (PRAGMA
foreign_key_list), so inserts meet their parents first; a cycle, or a table referring to
itself (unit.parent_id), is still fine because the import defers foreign key checks to
its end and checks references itself.

Default list rows (lookups, rating scales, programmes, attendance statuses, rule
settings, criteria) have the same name-based ids in every office database; each office
owns its own copy, so they never travel: shared_default_ids() lists them by building a
fresh database in memory.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cadre_desktop.store.handle import Handle
from cadre_desktop.store.sync_tables import (
    LOCAL_ONLY,
    REQUIRED_COLUMNS,
    synchronised_names,
    table_columns,
)

__all__ = ["LOCAL_ONLY", "REQUIRED_COLUMNS", "SyncTable", "by_name", "shared_default_ids",
           "synchronised_tables"]


@dataclass(frozen=True)
class SyncTable:
    name: str
    columns: tuple[str, ...]
    references: tuple[tuple[str, str], ...]  # (column, table it refers to)

    @property
    def single_line(self) -> frozenset[str]:
        """Columns whose text may not hold line breaks or tabs (names, codes, ids)."""
        return frozenset(c for c in self.columns if _single_line(c))

    @property
    def identifiers(self) -> frozenset[str]:
        """id, office_id and the references: checked against known ids (authorise.py),
        which is stricter than any text check."""
        return frozenset({"id", "office_id", *(c for c, _ in self.references)})

    @property
    def machine(self) -> frozenset[str]:
        """Sort keys computed by the program (person.name_key uses control characters as
        separators): never shown, so only their length is checked."""
        return frozenset(c for c in self.columns if c.endswith("_key"))


def _single_line(column: str) -> bool:
    return (column in ("id", "code", "name", "short", "label", "family_middle", "gender")
            or column.endswith(("_id", "_name", "_code")))


def _tables(conn: sqlite3.Connection) -> list[SyncTable]:
    found: dict[str, SyncTable] = {}
    for name in synchronised_names(conn):
        refs = tuple((str(r[3]), str(r[2])) for r in conn.execute(
            f'PRAGMA foreign_key_list("{name}")'))
        found[name] = SyncTable(name, table_columns(conn, name), refs)
    return _topological(found)


def synchronised_tables(db: Handle) -> list[SyncTable]:
    return _tables(db.conn)


def _topological(tables: dict[str, SyncTable]) -> list[SyncTable]:
    ordered: list[SyncTable] = []
    placed: set[str] = set()
    pending = list(tables)
    while pending:
        progress = False
        for name in list(pending):
            needs = {target for _, target in tables[name].references
                     if target in tables and target != name}
            if needs <= placed:
                ordered.append(tables[name])
                placed.add(name)
                pending.remove(name)
                progress = True
        if not progress:  # a cycle between tables: keep schema order, checks are deferred
            ordered.extend(tables[n] for n in pending)
            break
    return ordered


def by_name(db: Handle) -> dict[str, SyncTable]:
    return {t.name: t for t in synchronised_tables(db)}


@functools.cache
def shared_default_ids() -> dict[str, frozenset[str]]:
    """Ids of the rows every office database is created with, per table."""
    from cadre_desktop.store import migrate, seed_data

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate.migrate(conn, Path(":memory:"))
        conn.execute("INSERT INTO office (id, code, name, is_self, created_at, updated_at) "
                     "VALUES ('defaults', '', '', 1, '', '')")
        seed_data.insert_defaults(conn, "defaults", "")
        return {t.name: frozenset(str(r[0]) for r in conn.execute(f'SELECT id FROM "{t.name}"'))
                for t in _tables(conn)}
    finally:
        conn.close()
