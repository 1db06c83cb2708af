"""Undo of the last user actions, newest first, from the audit trail."""

from __future__ import annotations

import json

from cadre_desktop.store.db import Database
from cadre_desktop.store.handle import Handle


def last_undoable(db: Handle) -> tuple[int, str] | None:
    """(txn id, label) of the action Ctrl+Z would undo, if any.

    Actions that only changed settings (audit notes) are stepped over; any other
    action that cannot be undone (demo data, a bulk generation) ends the undo history.
    """
    rows = db.conn.execute(
        "SELECT t.id, t.label, t.undoable, EXISTS (SELECT 1 FROM audit a WHERE a.txn_id = t.id"
        " AND a.action != 'note') FROM txn t WHERE t.undo_of IS NULL AND t.undone_by IS NULL"
        " ORDER BY t.id DESC"
    )
    for txn_id, label, undoable, changes_rows in rows:
        if undoable:
            return int(txn_id), str(label)
        if changes_rows:
            return None
    return None


def undo_last(db: Database) -> str | None:
    """Undo the newest action that has not been undone; returns its label."""
    target = last_undoable(db)
    if target is None:
        return None
    txn_id, label = target
    entries = db.conn.execute(
        "SELECT action, table_name, record_id, old_values FROM audit "
        "WHERE txn_id = ? ORDER BY id DESC",
        (txn_id,),
    ).fetchall()
    with db.write(f"Hoàn tác: {label}") as tx:
        tx.keep_empty = True
        for action, table, record_id, old_json in entries:
            if action == "note":
                continue
            old = json.loads(old_json) if old_json else None
            tx.revert(action, table, record_id, old)
        db.conn.execute("UPDATE txn SET undo_of = ? WHERE id = ?", (txn_id, tx.txn_id))
        db.conn.execute("UPDATE txn SET undone_by = ? WHERE id = ?", (tx.txn_id, txn_id))
    return label
