"""Matching the Đơn vị column to units, and planning the units an import must create.

A value is a unit name or a path from the office down ("Đoàn trường A / Chi đoàn 12A").
Existing units are found through store.units.find_unit (accent-insensitive); a path must
match the unit's real ancestors. What is not found is created below the deepest part of the
path that exists, else below the office's root unit, which is itself created (named after
the office profile) when the database has none yet. Nothing is written here: the units are
planned with their ids so rows can refer to them, and created by the importer's write.
"""

from __future__ import annotations

import re

from cadre_desktop.domain import text
from cadre_desktop.store import lookups, units
from cadre_desktop.store.db import Database, new_id
from cadre_desktop.store.profile import load_profile
from cadre_desktop.store.units import Unit

DEFAULT_ROOT_NAME = "Đơn vị gốc"
_SEPARATORS = re.compile(r"[/>]")


def split_path(value: str) -> list[str]:
    return [text.clean(p) for p in _SEPARATORS.split(value) if p.strip()]


class UnitPlanner:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.names: dict[str, str] = {}
        self.children: dict[tuple[str | None, str], str] = {}
        rows = db.conn.execute(
            "SELECT id, parent_id, name, name_fold, status FROM unit WHERE deleted = 0"
            " ORDER BY status != 'active', created_at"
        ).fetchall()
        for unit_id, parent_id, name, name_fold, _status in rows:
            self.names[unit_id] = name
            self.children.setdefault((parent_id, name_fold), unit_id)
        self.root: Unit | None = units.root_unit(db)
        self.planned: dict[str, Unit] = {}  # in the order they must be created
        self._units: dict[str, Unit] = {}
        self._cache: dict[str, str] = {}  # folded path -> unit id
        self._raw: dict[str, str | None] = {}  # value as written -> unit id
        levels = [item.label for item in lookups.items(db, "unit_level")]
        self._levels = sorted(((text.fold(lv), lv) for lv in levels), key=lambda p: -len(p[0]))

    # --- lookups ------------------------------------------------------------------------

    def unit(self, unit_id: str) -> Unit:
        if unit_id in self.planned:
            return self.planned[unit_id]
        if unit_id not in self._units:
            found = units.get_unit(self.db, unit_id)
            if found is None:  # pragma: no cover - ids come from the unit table
                raise KeyError(unit_id)
            self._units[unit_id] = found
        return self._units[unit_id]

    def _chain(self, unit_id: str) -> list[str]:
        return [i for i in self.unit(unit_id).path.strip("/").split("/") if i]

    def _chain_matches(self, unit_id: str, parts: list[str]) -> bool:
        folded = [text.fold(self.names.get(i, "")) for i in self._chain(unit_id)]
        return folded[-len(parts):] == [text.fold(p) for p in parts]

    def _find(self, parts: list[str]) -> str | None:
        key = "/".join(text.fold(p) for p in parts)
        if key in self._cache:
            return self._cache[key]
        found = units.find_unit(self.db, " / ".join(parts))
        if found is not None and found.id in self.names and self._chain_matches(found.id, parts):
            return found.id
        return None

    # --- planning -----------------------------------------------------------------------

    def resolve(self, value: str) -> str | None:
        """The id of the unit the value names, planning it (and its parents) if missing."""
        if value in self._raw:
            return self._raw[value]
        self._raw[value] = found = self._resolve(value)
        return found

    def _resolve(self, value: str) -> str | None:
        parts = split_path(value)
        if not parts:
            return None
        key = "/".join(text.fold(p) for p in parts)
        if key not in self._cache:
            self._cache[key] = self._find(parts) or self._create_chain(parts)
        return self._cache[key]

    def _create_chain(self, parts: list[str]) -> str:
        start: Unit | None = None
        rest = parts
        for k in range(len(parts) - 1, 0, -1):
            found = self._find(parts[:k])
            if found is not None:
                start, rest = self.unit(found), parts[k:]
                break
        if start is None:
            start = self._ensure_root()
            if text.fold(parts[0]) == text.fold(start.name):
                rest = parts[1:]
        for part in rest:
            start = self._child(start, part)
        return start.id

    def _ensure_root(self) -> Unit:
        if self.root is None:
            name = load_profile(self.db).office_name or DEFAULT_ROOT_NAME
            self.root = self._plan(name, None)
        return self.root

    def _child(self, parent: Unit, name: str) -> Unit:
        existing = self.children.get((parent.id, text.fold(name)))
        if existing is not None:
            return self.unit(existing)
        return self._plan(name, parent)

    def _plan(self, name: str, parent: Unit | None) -> Unit:
        unit_id = new_id()
        folded = text.fold(name)
        level = next((label for key, label in self._levels if folded.startswith(key)), "")
        path = f"{parent.path if parent else '/'}{unit_id}/"
        unit = Unit(unit_id, parent.id if parent else None, name, level, "active", None, None,
                    path)
        self.planned[unit_id] = unit
        self.names[unit_id] = name
        self.children[(unit.parent_id, folded)] = unit_id
        return unit

    def needed(self, unit_ids: set[str]) -> list[Unit]:
        """The planned units the given units need (themselves and planned parents), in
        creation order."""
        wanted: set[str] = set()
        for unit_id in unit_ids:
            current: str | None = unit_id
            while current is not None and current in self.planned and current not in wanted:
                wanted.add(current)
                current = self.planned[current].parent_id
        return [u for u in self.planned.values() if u.id in wanted]

    def display(self, unit: Unit) -> str:
        """The unit's path below the office root ("Chi đoàn A / Tổ 1"); the root's own name."""
        chain = self._chain(unit.id)
        below = chain[1:] if len(chain) > 1 else chain
        return " / ".join(self.names.get(i, "?") for i in below)
