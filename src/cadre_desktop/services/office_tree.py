"""The offices a database holds, as a tree to choose from (a province holds its
children's records; an office only its own)."""

from __future__ import annotations

from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.store import offices
from cadre_desktop.store.handle import Handle


@dataclass(frozen=True)
class OfficeChoice:
    office_id: str
    name: str
    depth: int  # 0: this office; 1: an office directly below it; ...
    offices_below: int  # the office and every office below it


@dataclass(frozen=True)
class OfficeTree:
    self_id: str
    choices: list[OfficeChoice]  # this office first, then the tree in order

    @property
    def several(self) -> bool:
        return len(self.choices) > 1


def office_tree(db: Handle) -> OfficeTree:
    """This office and the offices below it, each under its parent, by name."""
    ids = offices.subtree_ids(db, db.office_id)
    rows = {o.id: o for o in offices.all_offices(db)}
    children: dict[str, list[str]] = {}
    for office_id in ids[1:]:
        parent = rows[office_id].parent_id if office_id in rows else None
        children.setdefault(parent or db.office_id, []).append(office_id)
    found: list[OfficeChoice] = []

    def name_of(office_id: str) -> str:
        row = rows.get(office_id)
        return (row.name or row.code or office_id[:8]) if row else office_id[:8]

    def walk(office_id: str, depth: int) -> int:
        at = len(found)
        found.append(OfficeChoice(office_id, name_of(office_id), depth, 1))
        below = sorted(children.get(office_id, []),
                       key=lambda i: (text.text_sort_key(name_of(i)), i))
        total = 1 + sum(walk(child, depth + 1) for child in below)
        found[at] = OfficeChoice(office_id, name_of(office_id), depth, total)
        return total

    walk(db.office_id, 0)
    return OfficeTree(db.office_id, found)
