"""The organisation tree: the units, how many people each holds, and the clerk's edits
(add, rename, dissolve or merge), each one undoable action."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadre_desktop.store import unit_counts, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.units import Unit

__all__ = ["Unit", "UnitTree", "add_unit", "close_unit", "get_unit", "list_units",
           "rename_unit", "subtree_ids", "unit_tree"]


@dataclass(frozen=True)
class UnitTree:
    """The units with their people: directly in each unit, in each unit with everything
    below it, and in all (people without a unit included)."""

    units: list[Unit]
    direct: dict[str | None, int]
    below: dict[str, int]
    total: int


def list_units(db: Handle, include_deleted: bool = False) -> list[Unit]:
    return units.list_units(db, include_deleted)


def get_unit(db: Handle, unit_id: str) -> Unit | None:
    return units.get_unit(db, unit_id)


def subtree_ids(db: Handle, unit_id: str) -> list[str]:
    return units.subtree_ids(db, unit_id)


def unit_tree(db: Handle, deleted: bool = False) -> UnitTree:
    """The tree beside the roster; deleted: count the deleted people instead."""
    direct = unit_counts.people_per_unit(db, deleted)
    return UnitTree(units.list_units(db), direct, unit_counts.subtree_totals(db, direct),
                    sum(direct.values()))


def add_unit(db: Database, parent: Unit | None, name: str, level_label: str,
             on: dt.date | None = None) -> Unit:
    with db.write(f"Thêm đơn vị {name}") as tx:
        return units.create_unit(tx, name, parent, level_label, on or dt.date.today())


def rename_unit(db: Database, unit: Unit, name: str, level_label: str) -> None:
    with db.write(f"Đổi tên đơn vị {unit.name}") as tx:
        units.rename_unit(tx, unit.id, name, level_label)


def close_unit(db: Database, unit: Unit, on: dt.date, merged_into: Unit | None) -> None:
    label = (f"Sáp nhập đơn vị {unit.name} vào {merged_into.name}" if merged_into
             else f"Giải thể đơn vị {unit.name}")
    with db.write(label) as tx:
        units.close_unit(tx, unit.id, on, merged_into.id if merged_into else None)
