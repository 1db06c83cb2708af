"""Enrol the people who do not yet meet a target into a class, in one action.

The enrolment rules are those of services.enrolment (capacity and waiting list, a reason
for people outside the programme's target group, no enrolment in a closed class); this
only sorts out beforehand who cannot be enrolled and says why, so that one person does
not stop the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.targets import PEOPLE_KINDS
from cadre_desktop.services import enrolment
from cadre_desktop.services.targets import PersonStatus, refuse_problems, target_detail
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store import plans, programmes, training
from cadre_desktop.store.db import Database


@dataclass(frozen=True)
class PersonRef:
    person_id: str
    full_name: str


@dataclass(frozen=True)
class Refusal:
    person_id: str
    full_name: str
    reason: str


@dataclass
class TargetEnrolment:
    class_id: str
    enrolled: list[PersonRef] = field(default_factory=list)  # with a seat
    waiting: list[PersonRef] = field(default_factory=list)  # on the waiting list
    refused: list[Refusal] = field(default_factory=list)


@dataclass(frozen=True)
class ClassChoice:
    """A class the people of a target could be enrolled into."""

    class_id: str
    name: str
    programme: str
    start: dt.date | None
    end: dt.date | None
    capacity: int | None
    enrolled: int
    waiting: int
    counts: bool  # a class of one of the target's programmes (completing it counts)


def class_choices(db: Database, target_id: str, today: dt.date | None = None
                  ) -> list[ClassChoice]:
    """The classes that still take people (not finished or cancelled, not yet ended by
    the calendar): those whose completion counts for the target first, then by date."""
    target = plans.get_target(db, target_id)
    today = today or dt.date.today()
    found = [c for c in training.list_classes(db) if c.status not in enrolment.CLOSED
             and (c.end_date is None or c.end_date >= today)]
    choices = [ClassChoice(c.id, c.name, c.programme_name, c.start_date, c.end_date,
                           c.capacity, c.enrolled, c.waiting,
                           c.programme_id in target.programmes) for c in found]
    return sorted(choices, key=lambda c: (not c.counts, c.start or dt.date.max, c.name))


def enrol_unmet(db: Database, target_id: str, class_id: str,
                person_ids: Sequence[str] | None = None, reason: str = "",
                on: dt.date | None = None, enrolled_on: dt.date | None = None
                ) -> TargetEnrolment:
    """Enrol `person_ids` (default: everyone of the target's group who does not yet meet
    it on the reporting date `on`, today by default) into the class, dated `enrolled_on`
    (today). People who already meet the target, are not in its group, are already in
    the class, or are outside the class programme's target group while no `reason` is
    given, are refused with the reason; the others are enrolled (or put on the waiting
    list when the class is full) as one undoable action."""
    figures = target_detail(db, target_id, on)
    refuse_problems([figures])
    if figures.kind not in PEOPLE_KINDS:
        raise UserError(f"Chỉ tiêu '{figures.name}' đếm lớp, lượt hoặc kinh phí, không có "
                        "danh sách người để ghi danh")
    cls = training.get_class(db, class_id)
    if cls.status in enrolment.CLOSED:
        raise UserError(f"Lớp '{cls.name}' {training.STATUSES[cls.status].lower()}, "
                        "không ghi danh thêm được")
    people = {p.person_id: p for p in figures.people or []}
    wanted = list(dict.fromkeys(person_ids if person_ids is not None
                                else [p.person_id for p in figures.unmet()]))
    result = TargetEnrolment(class_id)
    names = {b.id: b.full_name for b in enrol_store.person_briefs(db, wanted)}
    in_class = {p.person_id: p.status for p in enrol_store.list_participants(db, class_id)
                if p.status != "withdrawn"}
    outside = set(enrolment.outside_target(db, class_id, wanted))
    programme = programmes.get_programme(db, cls.programme_id).name
    reason = text.clean(reason)
    chosen: list[str] = []
    for pid in wanted:
        name = names.get(pid, "")
        why = _refusal(pid, name, people, in_class, pid in outside and not reason, programme)
        if why:
            result.refused.append(Refusal(pid, name, why))
        else:
            chosen.append(pid)
    if chosen:
        done = enrolment.enrol_many(db, class_id, chosen, reason, enrolled_on)
        result.enrolled = [PersonRef(p, names[p]) for p in done.enrolled]
        result.waiting = [PersonRef(p, names[p]) for p in done.waiting]
    return result


def _refusal(pid: str, name: str, people: dict[str, PersonStatus], in_class: dict[str, str],
             needs_reason: bool, programme: str) -> str:
    if not name:
        return "Không có trong danh sách (đã xóa hoặc không tồn tại)"
    status = people.get(pid)
    if status is None:
        return "Không thuộc đối tượng của chỉ tiêu (hoặc đã bị xóa khỏi danh sách)"
    if status.met:
        return "Đã đạt chỉ tiêu"
    if pid in in_class:
        return ("Đã có tên trong lớp" if in_class[pid] == "enrolled"
                else "Đã ở danh sách chờ của lớp")
    if needs_reason:
        return (f"Không thuộc đối tượng của chương trình '{programme}'; cần ghi lý do để "
                "ghi danh người ngoài đối tượng")
    return ""
