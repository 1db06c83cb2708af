"""Reading the audit trail for the names of the tables that actions wrote."""

from __future__ import annotations

from cadre_desktop.store.handle import Handle


def last_txn_id(db: Handle) -> int:
    row = db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM txn").fetchone()
    return int(row[0])


def tables_written_after(db: Handle, txn_id: int) -> frozenset[str]:
    rows = db.conn.execute(
        "SELECT DISTINCT table_name FROM audit WHERE txn_id > ?", (txn_id,)
    ).fetchall()
    return frozenset(str(r[0]) for r in rows)
