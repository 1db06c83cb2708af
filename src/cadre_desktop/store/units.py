"""The organisation tree: units with a parent, a level label and validity dates.

Each unit keeps a materialised path of ids ('/root/child/') so that "this unit and
everything below it" is one indexed prefix match.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class Unit:
    id: str
    parent_id: str | None
    name: str
    level_label: str
    status: str
    valid_from: str | None
    valid_to: str | None
    path: str

    @property
    def active(self) -> bool:
        return self.status == "active"


_COLUMNS = "id, parent_id, name, level_label, status, valid_from, valid_to, path"


def list_units(db: Handle, include_deleted: bool = False) -> list[Unit]:
    where = "" if include_deleted else "WHERE deleted = 0"
    rows = db.conn.execute(f"SELECT {_COLUMNS} FROM unit {where} ORDER BY path").fetchall()
    units = [Unit(*row) for row in rows]
    units.sort(key=lambda u: (u.parent_id or "", text.text_sort_key(u.name)))
    return units


def get_unit(db: Handle, unit_id: str) -> Unit | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM unit WHERE id = ?", (unit_id,)).fetchone()
    return Unit(*row) if row else None


def root_unit(db: Handle) -> Unit | None:
    row = db.conn.execute(
        f"SELECT {_COLUMNS} FROM unit WHERE parent_id IS NULL AND deleted = 0 "
        "AND office_id = ? ORDER BY created_at LIMIT 1",
        (db.office_id,),
    ).fetchone()
    return Unit(*row) if row else None


def create_unit(
    tx: Transaction,
    name: str,
    parent: Unit | None,
    level_label: str = "",
    valid_from: dt.date | None = None,
    unit_id: str | None = None,
) -> Unit:
    text.refuse_forbidden(name, "Tên đơn vị", "name")
    text.refuse_forbidden(level_label, "Cấp đơn vị", "level_label")
    name = text.clean(name)
    if not name:
        raise InvalidInput("Tên đơn vị không được để trống", "name")
    unit_id = unit_id or new_id()
    path = f"{parent.path if parent else '/'}{unit_id}/"
    row = {
        "id": unit_id,
        "parent_id": parent.id if parent else None,
        "name": name,
        "name_fold": text.fold(name),
        "level_label": text.clean(level_label),
        "valid_from": valid_from.isoformat() if valid_from else None,
        "valid_to": None,
        "status": "active",
        "path": path,
    }
    tx.insert("unit", row)
    return Unit(unit_id, parent.id if parent else None, name, text.clean(level_label), "active",
                row["valid_from"], None, path)


def rename_unit(tx: Transaction, unit_id: str, name: str, level_label: str) -> None:
    text.refuse_forbidden(name, "Tên đơn vị", "name")
    text.refuse_forbidden(level_label, "Cấp đơn vị", "level_label")
    name = text.clean(name)
    if not name:
        raise InvalidInput("Tên đơn vị không được để trống", "name")
    tx.update("unit", unit_id, {"name": name, "name_fold": text.fold(name),
                                "level_label": text.clean(level_label)})


def close_unit(tx: Transaction, unit_id: str, on: dt.date, merged_into: str | None = None) -> None:
    """Dissolve a unit, or merge it into another; it stays in the tree for history."""
    tx.update("unit", unit_id, {
        "status": "merged" if merged_into else "dissolved",
        "merged_into": merged_into,
        "valid_to": on.isoformat(),
    })


def find_unit(db: Handle, name_or_path: str) -> Unit | None:
    """A unit by its name or its path from the office down ('Đoàn phường X / Chi đoàn Khu phố 1'),
    compared accent- and case-insensitively; the path's last part must match the unit."""
    parts = [text.fold(p) for p in name_or_path.replace(">", "/").split("/") if p.strip()]
    if not parts:
        return None
    candidates = db.conn.execute(
        f"SELECT {_COLUMNS} FROM unit WHERE name_fold = ? AND deleted = 0", (parts[-1],)
    ).fetchall()
    if not candidates:
        return None
    if len(parts) == 1 or len(candidates) == 1:
        # Prefer a unit still in use when an old and a new one share a name.
        candidates.sort(key=lambda r: r[4] != "active")
        return Unit(*candidates[0])
    names = dict(db.conn.execute("SELECT id, name_fold FROM unit").fetchall())
    for row in candidates:
        unit = Unit(*row)
        chain = [names.get(i, "") for i in unit.path.strip("/").split("/")]
        if chain[-len(parts):] == parts:
            return unit
    return None


def subtree_ids(db: Handle, unit_id: str) -> list[str]:
    unit = get_unit(db, unit_id)
    if unit is None:
        return []
    rows = db.conn.execute("SELECT id FROM unit WHERE path LIKE ? || '%'", (unit.path,))
    return [r[0] for r in rows]


def unit_display_path(db: Handle, unit: Unit) -> str:
    names = dict(db.conn.execute("SELECT id, name FROM unit").fetchall())
    return " / ".join(names.get(i, "?") for i in unit.path.strip("/").split("/"))
