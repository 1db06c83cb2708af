"""The local log of changed synchronised rows, behind delta bundles.

While this office has an office above it (its own office row has a parent), every
synchronised table has two triggers (after insert, after update) that move the row's
entry in sync_change to a new, higher seq. A province, which sends nothing up, has none:
a trigger costs about a third of the time of every row written, which a province
importing millions of rows would pay for nothing. The triggers are made when a database
is opened for writing (or when a parent is enrolled), for every synchronised table that
lacks them, so a table added by a later migration is tracked without new code here.

Why a log and not updated_at: rows imported from the offices below keep their senders'
clocks, and clocks are never used for ordering (shared/design/bundles.md). The log also
needs no clock: a bundle records the highest seq it covers (its mark); the next delta
carries every row whose seq is above the mark of the last bundle the office above
acknowledged. Because a change only ever raises a row's seq, that set contains every row
that differs between the acknowledged state and now, whatever was sent in between.

Soft deletes are updates, so they travel like any change; nothing is ever hard-deleted.
"""

from __future__ import annotations

import sqlite3

from cadre_desktop.store.handle import Handle
from cadre_desktop.store.sync_tables import synchronised_names
from cadre_desktop.store.tx import Transaction

_TRACKING = "(SELECT parent_id FROM office WHERE is_self = 1) IS NOT NULL"


def _trigger_sql(table: str, event: str) -> str:
    # DELETE then INSERT rather than INSERT OR REPLACE: an outer INSERT OR IGNORE (the
    # default lists' seeding) would impose its own conflict policy on the trigger's
    # statement and keep the old seq.
    return (
        f'CREATE TRIGGER IF NOT EXISTS "sync_change_{table}_{event.lower()}" '
        f'AFTER {event} ON "{table}" BEGIN '
        f"DELETE FROM sync_change WHERE table_name = '{table}' AND row_id = NEW.id; "
        f"INSERT INTO sync_change (table_name, row_id) VALUES ('{table}', NEW.id); END")


def trigger_changes(conn: sqlite3.Connection) -> list[str]:
    """The statements that make the triggers match this office's place: those missing
    while it has an office above it, or dropping them while it has none. Runs while
    opening a database for writing (before a Database exists) and when a parent is
    enrolled."""
    have = {str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_change_%'")}
    if not conn.execute(f"SELECT {_TRACKING}").fetchone()[0]:
        return [f'DROP TRIGGER IF EXISTS "{name}"' for name in sorted(have)]
    wanted = []
    for table in synchronised_names(conn):
        if not table.replace("_", "").isalnum():
            continue  # a name the triggers could not quote safely never comes from our schema
        for event in ("INSERT", "UPDATE"):
            if f"sync_change_{table}_{event.lower()}" not in have:
                wanted.append(_trigger_sql(table, event))
    return wanted


def start_tracking(tx: Transaction) -> None:
    """When a parent is enrolled: from now on every change is logged (the first bundle up
    is a full snapshot, so nothing before matters)."""
    for statement in trigger_changes(tx.conn):
        tx.conn.execute(statement)


def current_mark(db: Handle) -> int:
    """The highest seq handed out so far (0 before any change was logged)."""
    row = db.conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'sync_change'").fetchone()
    return int(row[0]) if row else 0


def is_tracking(db: Handle) -> bool:
    """Whether changes are being logged: this office has an office above it and the
    triggers exist."""
    return bool(db.conn.execute(f"SELECT {_TRACKING}").fetchone()[0]) and bool(
        db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' "
                        "AND name LIKE 'sync_change_%' LIMIT 1").fetchone())


def changed_count(db: Handle, since: int) -> int:
    """Rows changed after the mark `since` (in every synchronised table)."""
    return int(db.conn.execute("SELECT COUNT(*) FROM sync_change WHERE seq > ?",
                               (since,)).fetchone()[0])


def prune(tx: Transaction, up_to: int) -> int:
    """Forget the changes the office above has acknowledged (seq <= up_to)."""
    cur = tx.conn.execute("DELETE FROM sync_change WHERE seq <= ?", (up_to,))
    if cur.rowcount:
        tx.note("sync_change", "", {"pruned_up_to": up_to, "rows": cur.rowcount})
    return int(cur.rowcount)
