"""What an office issues down to the offices below it, in a bundle of content "issued".

The tables named here travel down: the rows the sending office owns, and those the
offices above it issued to it, in full each time (they are small lists). The receiving
office keeps them as issued from above and read-only (store/tx.py refuses changes to a
record another office owns), and sends back a receipt.

Extension point: a later table joins the downward bundle by adding its name to
ISSUED_TABLES, nothing else (it must be a synchronised table: id, office_id, updated_at,
deleted). Rows of these tables that an office below made itself still go
up in its own bundles, as every synchronised row does.

Not here, on purpose: attendance statuses, rating scales and rule settings, whose codes
and keys are unique within an office's database regardless of owner (rating scales are
the same everywhere anyway), so two owners' copies would collide; and the default rows
every database is created with (registry.shared_default_ids), which never travel in
either direction.
"""

from __future__ import annotations

from cadre_desktop.store.handle import Handle
from cadre_desktop.sync.registry import SyncTable, synchronised_tables

# The programme catalogue and the shared lists (positions, working statuses and the
# other lookups, the member programme's criteria).
ISSUED_TABLES: tuple[str, ...] = (
    "lookup",
    "programme",
    "member_criterion",
    # The province's plans with their yearly plans and targets, which the offices below
    # carry out and report on.
    "plan",
    "plan_year",
    "plan_target",
)


def issued_tables(db: Handle, names: tuple[str, ...] | None = None) -> list[SyncTable]:
    """The synchronised tables that travel down, in the registry's order."""
    wanted = set(ISSUED_TABLES if names is None else names)
    return [t for t in synchronised_tables(db) if t.name in wanted]
