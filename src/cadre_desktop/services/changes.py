"""Which tables changed: read from the audit trail, so that the GUI reloads only the
pages that show them.

Every write goes through a Transaction, and every Transaction leaves audit entries that
name their table (bulk writers leave one note per table), so the trail is the one
record of what changed, whichever thread or command wrote it.
"""

from __future__ import annotations

from cadre_desktop.store import audit_tables
from cadre_desktop.store.handle import Handle

EVERYTHING = "*"
"""A table name that stands for every table (a restored backup, a reopened file)."""


def last_change(db: Handle) -> int:
    """A mark for `tables_changed_since`: the newest action so far."""
    return audit_tables.last_txn_id(db)


def tables_changed_since(db: Handle, mark: int) -> tuple[frozenset[str], int]:
    """The tables written by actions after `mark`, and the new mark."""
    newest = audit_tables.last_txn_id(db)
    if newest <= mark:
        return frozenset(), newest
    return audit_tables.tables_written_after(db, mark), newest
