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
from cadre_desktop.importing.unit_names import expand, match_key, similar
from cadre_desktop.store import lookups, units
from cadre_desktop.store.db import new_id
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.profile import load_profile
from cadre_desktop.store.units import Unit

DEFAULT_ROOT_NAME = "Đơn vị gốc"
_SEPARATORS = re.compile(r"[/>]")


def split_path(value: str) -> list[str]:
    return [text.clean(p) for p in _SEPARATORS.split(value) if p.strip()]


class UnitPlanner:
    """aliases: the clerk's choices for names that match no unit, value as written ->
    the existing unit to use instead of creating one (the wizard's "map to a unit")."""

    def __init__(self, db: Handle, aliases: dict[str, str] | None = None) -> None:
        self.db = db
        self.aliases = {_path_key(value): unit_id for value, unit_id in (aliases or {}).items()}
        self.names: dict[str, str] = {}
        self.keys: dict[str, str] = {}  # unit id -> match key of its name
        self.parents: dict[str, str | None] = {}
        self.by_key: dict[str, list[str]] = {}  # match key -> unit ids, units in use first
        self.children: dict[tuple[str | None, str], str] = {}
        rows = db.conn.execute(
            "SELECT id, parent_id, name FROM unit WHERE deleted = 0"
            " ORDER BY status != 'active', created_at"
        ).fetchall()
        for unit_id, parent_id, name in rows:
            self._know(unit_id, parent_id, name)
        self.existing = set(self.names)
        self.root: Unit | None = units.root_unit(db)
        self.planned: dict[str, Unit] = {}  # in the order they must be created
        self.first_row: dict[str, int] = {}  # planned unit id -> first row naming it
        self.written: dict[str, str] = {}  # planned unit id -> the value first naming it
        self._units: dict[str, Unit] = {}
        self._cache: dict[str, str] = {}  # path of match keys -> unit id
        self._raw: dict[str, str | None] = {}  # value as written -> unit id
        levels = [item.label for item in lookups.items(db, "unit_level")]
        self._levels = sorted(((text.fold(lv), lv) for lv in levels), key=lambda p: -len(p[0]))

    def _know(self, unit_id: str, parent_id: str | None, name: str) -> None:
        key = match_key(name)
        self.names[unit_id] = name
        self.keys[unit_id] = key
        self.parents[unit_id] = parent_id
        self.by_key.setdefault(key, []).append(unit_id)
        self.children.setdefault((parent_id, key), unit_id)

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
        chain: list[str] = []
        current: str | None = unit_id
        while current is not None and len(chain) < 64:
            chain.append(current)
            current = self.parents.get(current)
        return chain[::-1]

    def _find(self, keys: list[str]) -> str | None:
        for candidate in self.by_key.get(keys[-1], []):
            chain = [self.keys[i] for i in self._chain(candidate)]
            if chain[-len(keys):] == keys:
                return candidate
        return None

    # --- planning -----------------------------------------------------------------------

    def resolve(self, value: str, row: int = 0) -> str | None:
        """The id of the unit the value names, planning it (and its parents) if missing."""
        if value in self._raw:
            return self._raw[value]
        self._raw[value] = found = self._resolve(value, row)
        return found

    def _resolve(self, value: str, row: int) -> str | None:
        parts = split_path(value)
        if not parts:
            return None
        keys = [match_key(p) for p in parts]
        path = "/".join(keys)
        if path not in self._cache:
            alias = self.aliases.get(path)
            if alias is not None and alias in self.existing:
                self._cache[path] = alias
            else:
                self._cache[path] = self._find(keys) or self._create_chain(parts, keys, row)
                if self._cache[path] in self.planned:
                    self.written.setdefault(self._cache[path], value)
        return self._cache[path]

    def _create_chain(self, parts: list[str], keys: list[str], row: int) -> str:
        start: Unit | None = None
        rest = parts
        for k in range(len(parts) - 1, 0, -1):
            found = self._find(keys[:k])
            if found is not None:
                start, rest = self.unit(found), parts[k:]
                break
        if start is None:
            start = self._ensure_root(row)
            if keys[0] == self.keys.get(start.id):
                rest = parts[1:]
        for part in rest:
            start = self._child(start, part, row)
        return start.id

    def _ensure_root(self, row: int) -> Unit:
        if self.root is None:
            name = load_profile(self.db).office_name or DEFAULT_ROOT_NAME
            self.root = self._plan(name, None, row)
        return self.root

    def _child(self, parent: Unit, name: str, row: int) -> Unit:
        existing = self.children.get((parent.id, match_key(name)))
        if existing is not None:
            return self.unit(existing)
        return self._plan(expand(name), parent, row)

    def _plan(self, name: str, parent: Unit | None, row: int) -> Unit:
        unit_id = new_id()
        folded = text.fold(name)
        level = next((label for key, label in self._levels if folded.startswith(key)), "")
        path = f"{parent.path if parent else '/'}{unit_id}/"
        unit = Unit(unit_id, parent.id if parent else None, name, level, "active", None, None,
                    path)
        self.planned[unit_id] = unit
        self.first_row[unit_id] = row
        self._know(unit_id, unit.parent_id, name)
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
        return self._display(unit.id)

    def _display(self, unit_id: str) -> str:
        chain = self._chain(unit_id)
        below = chain[1:] if len(chain) > 1 else chain
        return " / ".join(self.names.get(i, "?") for i in below)

    def similar_to(self, unit: Unit) -> list[tuple[str, str]]:
        """(id, path) of the existing units whose names are nearest to this planned one's."""
        candidates = [(self.keys[i], i) for i in self.existing]
        return [(i, self._display(i)) for i in similar(unit.name, candidates)]


def _path_key(value: str) -> str:
    return "/".join(match_key(p) for p in split_path(value))
