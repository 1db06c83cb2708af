"""What the start page shows, read in one go: the office's size, what needs doing (the
evaluations due, already grouped: each rotation's on its own line, the members'
self-evaluations per branch and round; the classes whose days are over and that wait to be
closed; the offices below that are late with their bundles) and, for an office that is
still empty, how far it got with its first steps.

Every list is in order of urgency (the most urgent first), so the page shows the head of
each and counts the rest. Each due line carries where it opens (a page key and a target),
so the page only shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cadre_desktop.domain import class_status
from cadre_desktop.services import office_status, offices, rotation_followup, training
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
class ClassToClose:
    """A class whose last day is over and whose results are not recorded yet."""

    class_id: str
    name: str
    end_date: dt.date


@dataclass(frozen=True)
class FirstSteps:
    """What an office has set up so far (the start page of an empty office shows the rest)."""

    profile_complete: bool  # the names and signer printed on every document
    units: bool  # at least one unit
    people: bool  # at least one person
    identity: bool  # the office's keys, to send its data up


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
    classes_to_close: list[ClassToClose] = field(default_factory=list)
    steps: FirstSteps = FirstSteps(False, False, False, False)

    @property
    def empty(self) -> bool:
        """Nobody on the roster yet: the page shows the first steps."""
        return self.people == 0

    @property
    def nothing_due(self) -> bool:
        return not (self.rotations_due or self.branches_due or self.classes_to_close
                    or self.late_children)

    @property
    def late_children(self) -> list[OfficeStatus]:
        return [s for s in self.children if s.overdue]

    @property
    def rotations_overdue(self) -> int:
        return sum(1 for line in self.rotations_due if line.item.overdue)

    @property
    def members_due(self) -> int:
        return sum(b.members for b in self.branches_due)

    @property
    def members_overdue(self) -> int:
        return sum(b.members for b in self.branches_due if b.overdue)


def overview(db: Database, day: dt.date) -> StartOverview:
    found_units = units.list_units(db)
    items = rotation_followup.due_items(db, day)
    rotation_items = sorted((i for i in items if i.kind != KIND_MEMBER),
                            key=lambda i: (not i.overdue, i.due))
    member_items = [i for i in items if i.kind == KIND_MEMBER]
    rotation_of = rotation_evaluations.rotation_ids(db, [i.reference_id for i in rotation_items])
    statuses = office_status.list_offices(db, day)
    children = [s for s in statuses if s.relation == "child" and s.key_status == "active"]
    children.sort(key=lambda s: (not s.overdue, -_silent_days(s, day)))  # the latest first
    office_profile = profile.load_profile(db)
    people = sum(unit_counts.people_per_unit(db).values())
    active_units = sum(1 for u in found_units if u.active)
    return StartOverview(
        office_name=office_profile.office_name,
        day=day,
        people=people,
        units=active_units,
        rotations_under_way=len(rotations.list_rotations(db, statuses=("active",))),
        rotations_due=[DueRotation(i, rotation_of.get(i.reference_id)) for i in rotation_items],
        branches_due=_branches(db, member_items, found_units),
        children=children,
        classes_to_close=_classes_to_close(db, day),
        steps=FirstSteps(profile_complete=office_profile.complete, units=active_units > 0,
                         people=people > 0, identity=offices.identity_info(db) is not None),
    )


def _silent_days(status: OfficeStatus, day: dt.date) -> int:
    """Days since the office's last bundle came, or since it was enrolled."""
    if status.days_since is not None:
        return status.days_since
    if status.enrolled_at:
        return (day - dt.date.fromisoformat(status.enrolled_at[:10])).days
    return 0


def _classes_to_close(db: Database, day: dt.date) -> list[ClassToClose]:
    """The classes that ended and wait to be closed, the longest waiting first."""
    ended = [c for c in training.list_classes(db, today=day)
             if class_status.needs_closing(c.state) and c.end_date is not None]
    ended.sort(key=lambda c: (c.end_date or day, c.name))
    return [ClassToClose(c.id, c.name, c.end_date or day) for c in ended]


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
