"""Rule thresholds and lists, one JSON value per (scope, key), synchronised like office data.

The defaults are inserted by seed_rotation with stable ids; a clerk's change is an audited
update of that row, so undo and bundles see it like any other edit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction


def load(db: Handle, scope: str) -> dict[str, Any]:
    rows = db.conn.execute(
        "SELECT key, value FROM rule_setting WHERE scope = ? AND deleted = 0"
        " AND office_id = ?", (scope, db.office_id)
    ).fetchall()
    return {str(key): json.loads(value) for key, value in rows}


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def save(tx: Transaction, scope: str, values: Mapping[str, Any]) -> int:
    """Write the given keys; returns how many changed."""
    changed = 0
    for key, value in values.items():
        row = tx.conn.execute(
            "SELECT id, value FROM rule_setting WHERE scope = ? AND key = ? AND deleted = 0"
            " AND office_id = ?", (scope, key, tx.office_id),
        ).fetchone()
        text = dump(value)
        if row is None:
            tx.insert("rule_setting", {"id": new_id(), "scope": scope, "key": key,
                                       "value": text})
            changed += 1
        elif json.loads(row[1]) != json.loads(text):
            tx.update("rule_setting", row[0], {"value": text})
            changed += 1
    return changed
