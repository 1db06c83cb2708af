"""What the start page shows, read in one go: the office's size, the evaluations due,
already grouped (each rotation's on its own line, the members' self-evaluations per
branch and round) and the offices below that are late with their bundles.

Each due line carries where it opens (a page key and a target), so the page only shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cadre_desktop.services import office_status, rotation_followup
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.services.rotation_followup import KIND_MEMBER, DueItem
from cadre_desktop.store import (
    member_programme,
    profile,
    rotation_evaluations,
    rotations,
    unit_counts,
    units,
)
from cadre_desktop.store.db import Database


@dataclass(frozen=True)
class DueRotation:
    item: DueItem
    rotation_id: str | None  # where the line opens (the rotation and its evaluation)


@dataclass(frozen=True)
class DueBranch:
    """Members of one branch without their self-evaluation of one round."""

    unit_id: str | None
    unit_name: str  # '' for members without a branch
    round: int
    due: dt.date
    members: int
    overdue: bool


@dataclass(frozen=True)
class StartOverview:
    office_name: str
    day: dt.date
    people: int
    units: int
    rotations_under_way: int
    rotations_due: list[DueRotation] = field(default_factory=list)
    branches_due: list[DueBranch] = field(default_factory=list)
    children: list[OfficeStatus] = field(default_factory=list)  # enrolled offices below

    @property
    def nothing_due(self) -> bool:
        return not self.rotations_due and not self.branches_due

    @property
    def late_children(self) -> list[OfficeStatus]:
        return [s for s in self.children if s.overdue]


def overview(db: Database, day: dt.date) -> StartOverview:
    found_units = units.list_units(db)
    items = rotation_followup.due_items(db, day)
    rotation_items = sorted((i for i in items if i.kind != KIND_MEMBER),
                            key=lambda i: (not i.overdue, i.due))
    member_items = [i for i in items if i.kind == KIND_MEMBER]
    rotation_of = rotation_evaluations.rotation_ids(db, [i.reference_id for i in rotation_items])
    statuses = office_status.list_offices(db, day)
    return StartOverview(
        office_name=profile.load_profile(db).office_name,
        day=day,
        people=sum(unit_counts.people_per_unit(db).values()),
        units=sum(1 for u in found_units if u.active),
        rotations_under_way=len(rotations.list_rotations(db, statuses=("active",))),
        rotations_due=[DueRotation(i, rotation_of.get(i.reference_id)) for i in rotation_items],
        branches_due=_branches(db, member_items, found_units),
        children=[s for s in statuses if s.relation == "child" and s.key_status == "active"],
    )


def _branches(db: Database, items: list[DueItem], found: list[units.Unit]) -> list[DueBranch]:
    """One line per (branch, round, due date): overdue first, then by date and in the
    organisation tree's order."""
    names = {u.id: u.name for u in found}
    place = {u.id: n for n, u in enumerate(found)}
    unit_of = member_programme.registration_units(db, [i.reference_id for i in items])
    counted: dict[tuple[str | None, int, dt.date], tuple[int, bool]] = {}
    for item in items:
        key = (unit_of.get(item.reference_id), item.round, item.due)
        count, overdue = counted.get(key, (0, False))
        counted[key] = (count + 1, overdue or item.overdue)
    lines = [DueBranch(unit_id, names.get(unit_id or "", ""), round_no, due, count, overdue)
             for (unit_id, round_no, due), (count, overdue) in counted.items()]
    lines.sort(key=lambda b: (not b.overdue, b.due, place.get(b.unit_id or "", len(place))))
    return lines
