"""How many people each unit holds, for the organisation tree (read only)."""

from __future__ import annotations

from cadre_desktop.store.handle import Handle


def people_per_unit(db: Handle, deleted: bool = False) -> dict[str | None, int]:
    """People directly in each unit (key None: people without a unit)."""
    # '+deleted' keeps SQLite off the (deleted, name_key) index, whose row lookups cost
    # ~20x more at 100,000 people than reading the (unit_id, deleted) index alone.
    rows = db.conn.execute(
        "SELECT unit_id, COUNT(*) FROM person WHERE +deleted = ? GROUP BY unit_id",
        (1 if deleted else 0,),
    ).fetchall()
    return {row[0]: int(row[1]) for row in rows}


def subtree_totals(db: Handle, direct: dict[str | None, int]) -> dict[str, int]:
    """People in each unit and everything below it, from people_per_unit's counts."""
    totals: dict[str, int] = {}
    for unit_id, path in db.conn.execute("SELECT id, path FROM unit").fetchall():
        here = direct.get(unit_id, 0)
        if not here:
            continue
        # A unit's path lists its ancestors' ids, so its people count for each of them.
        for ancestor in str(path).strip("/").split("/"):
            totals[ancestor] = totals.get(ancestor, 0) + here
    return totals


def people_per_subtree(db: Handle, deleted: bool = False) -> dict[str, int]:
    return subtree_totals(db, people_per_unit(db, deleted))
