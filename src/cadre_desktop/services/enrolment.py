"""Enrolling people in a class: target group, capacity and waiting list, withdrawals.

Rules:
- Someone outside the programme's target group is enrolled only with a stated reason.
- Beyond the class capacity people go to the waiting list, in the order they came;
  a withdrawal (kept, with its date and reason) moves the first waiting person up.
- Nobody is enrolled in a finished or cancelled class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from cadre_desktop.domain import class_status, text
from cadre_desktop.domain.dates import format_iso
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.domain.target_group import matches
from cadre_desktop.domain.wording import class_phrase
from cadre_desktop.store import enrol_blockers as blocker_store
from cadre_desktop.store import enrolment as store
from cadre_desktop.store import programmes, target_sql, training
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import HistoryEntry, NewEnrolment, Participant, PersonBrief
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.target_sql import Coverage
from cadre_desktop.store.training import TrainingClass
from cadre_desktop.store.tx import Transaction

__all__ = [
    "CLOSED", "Coverage", "EnrolResult", "HistoryEntry", "NotEnrolled", "Participant",
    "PersonBrief", "candidates", "coverage_by_unit", "enrol", "enrol_many",
    "enrol_target_group", "is_in_target", "outside_target", "person_briefs",
    "promote_waiting", "remove_enrolment", "renumber_codes", "training_history",
    "untrained_people", "waiting_queue", "withdraw",
]

CLOSED = ("finished", "cancelled")


@dataclass(frozen=True)
class NotEnrolled:
    """Someone the clerk asked for who could not be enrolled, and why (Vietnamese)."""

    person_id: str
    full_name: str
    reason: str


@dataclass
class EnrolResult:
    enrolled: list[str] = field(default_factory=list)  # person ids with a seat
    waiting: list[str] = field(default_factory=list)  # person ids on the waiting list
    skipped: list[str] = field(default_factory=list)  # already enrolled or waiting
    codes: dict[str, str] = field(default_factory=dict)  # person id -> short code
    not_enrolled: list[NotEnrolled] = field(default_factory=list)  # official order

    def reasons(self) -> dict[str, int]:
        """How many were not enrolled for each reason, most frequent first."""
        counts: dict[str, int] = {}
        for item in self.not_enrolled:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _open_class(db: Database, class_id: str) -> TrainingClass:
    cls = training.get_class(db, class_id)
    if cls.status in CLOSED:
        raise UserError(f"Lớp '{cls.name}' {training.STATUSES[cls.status].lower()}, "
                        "không ghi danh thêm được")
    return cls


def outside_target(db: Database, class_id: str, person_ids: Iterable[str]) -> list[str]:
    """Those of the people who are not in the target group of the class's programme."""
    group = programmes.get_programme(db, training.get_class(db, class_id).programme_id)
    inside = set(target_sql.people_in_group(db, group.target_group))
    return [pid for pid in person_ids if pid not in inside]


def is_in_target(db: Database, class_id: str, person_id: str) -> bool:
    """One person against the class's target group (for the enrol dialog's hint)."""
    group = programmes.get_programme(db, training.get_class(db, class_id).programme_id)
    return matches(group.target_group, target_sql.person_facts(db, person_id))


def _names(db: Database, person_ids: Sequence[str]) -> str:
    briefs = store.person_briefs(db, person_ids)
    shown = ", ".join(b.full_name for b in briefs[:5])
    return shown + (f" và {len(briefs) - 5} người khác" if len(briefs) > 5 else "")


def _in_official_order(db: Database, person_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(person_ids))
    keys: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        keys.update(db.conn.execute(
            "SELECT id, name_key FROM person WHERE deleted = 0"
            f" AND id IN ({', '.join('?' for _ in chunk)})", chunk).fetchall())
    missing = [pid for pid in ids if pid not in keys]
    if missing:
        raise NotFound(f"Không tìm thấy {len(missing)} người trong danh sách "
                       f"(đã xóa hoặc không tồn tại): {', '.join(missing[:3])}")
    return sorted(ids, key=lambda pid: (keys[pid], pid))


def enrol(db: Database, class_id: str, person_id: str, reason: str = "",
          on: dt.date | None = None) -> EnrolResult:
    return enrol_many(db, class_id, [person_id], reason, on)


def enrol_many(db: Database, class_id: str, person_ids: Iterable[str], reason: str = "",
               on: dt.date | None = None, progress: Progress = NO_PROGRESS) -> EnrolResult:
    """Enrol people (one undoable action). `reason` is required when any of them is
    outside the target group, and is recorded for those only. New short codes follow
    official name order. A cancel (progress) before the end writes nobody."""
    cls = _open_class(db, class_id)
    on = on or dt.date.today()
    reason = text.clean(reason)
    ordered = _in_official_order(db, person_ids)
    result = EnrolResult()
    fresh: list[str] = []
    back: list[Participant] = []
    known = {p.person_id: p for p in store.list_participants(db, class_id)}
    for pid in ordered:
        existing = known.get(pid)
        if existing is None:
            fresh.append(pid)
        elif existing.status == "withdrawn":
            back.append(existing)
        else:
            result.skipped.append(pid)
    if not fresh and not back:
        return result
    outside = set(outside_target(db, class_id, [*fresh, *(p.person_id for p in back)]))
    if outside and not reason:
        programme = programmes.get_programme(db, cls.programme_id).name
        raise UserError(
            f"{_names(db, [pid for pid in ordered if pid in outside])} không thuộc đối tượng của "
            f"chương trình '{programme}'. Cần ghi lý do để ghi danh người ngoài đối tượng.")
    label = (f"Ghi danh {len(fresh) + len(back)} người vào {class_phrase(cls.name)}"
             if len(fresh) + len(back) != 1 else f"Ghi danh vào {class_phrase(cls.name)}")
    with db.write(label) as tx:
        promote_waiting(tx, class_id, on)
        free = _free_seats(tx, class_id)
        new_items = []
        returning = {p.person_id: p for p in back}
        coming = [*returning, *fresh]
        for done, pid in enumerate(coming):
            progress.step("Đang ghi danh…", done, len(coming))
            status = "enrolled" if free is None or free > 0 else "waiting"
            if free is not None and free > 0:
                free -= 1
            (result.enrolled if status == "enrolled" else result.waiting).append(pid)
            why = reason if pid in outside else ""
            earlier = returning.get(pid)
            if earlier:
                store.reenrol(tx, earlier.enrolment_id, status, on, why)
                result.codes[pid] = earlier.short_code
            else:
                new_items.append(NewEnrolment(pid, status, why))
        for (_, code), item in zip(store.insert_enrolments(tx, class_id, new_items, on),
                                   new_items, strict=True):
            result.codes[item.person_id] = code
        progress.check()  # the last moment a cancel still leaves the class as it was
    return result


def _free_seats(tx: Transaction, class_id: str) -> int | None:
    capacity = tx.fetch("training_class", class_id, ["capacity"])["capacity"]
    if capacity is None:
        return None
    return max(int(capacity) - store.count_enrolled(tx, class_id), 0)


def promote_waiting(tx: Transaction, class_id: str, on: dt.date) -> list[Participant]:
    """Move people up from the waiting list while there are free seats."""
    status = tx.fetch("training_class", class_id, ["status"])["status"]
    if status in CLOSED:
        return []
    free = _free_seats(tx, class_id)
    queue = store.waiting_queue(tx, class_id)
    moved = queue if free is None else queue[:free]
    for participant in moved:
        store.set_status(tx, participant.enrolment_id, "enrolled")
    return moved


def enrol_target_group(db: Database, class_id: str, unit_id: str | None = None,
                       on: dt.date | None = None,
                       person_ids: Iterable[str] | None = None,
                       progress: Progress = NO_PROGRESS) -> EnrolResult:
    """Enrol the programme's target group in the unit's subtree, or the chosen people of it
    (`person_ids`): those who can be are enrolled (seats first, then the waiting list) and
    the others are reported with their reason in `not_enrolled`, instead of the whole
    action being refused. Who can be: see store.target_sql.candidates. A cancel
    (progress) before the enrolment is written leaves the class as it was."""
    cls = _open_class(db, class_id)
    programme = programmes.get_programme(db, cls.programme_id)
    progress.step("Đang tìm người thuộc đối tượng…", 0, 0)
    group = target_sql.people_in_group(db, programme.target_group, unit_id)
    wanted = group if person_ids is None else _in_official_order(db, person_ids)
    progress.check()
    allowed = set(target_sql.candidates(db, class_id, unit_id))
    able = [pid for pid in wanted if pid in allowed]
    others = [pid for pid in wanted if pid not in allowed]
    result = (enrol_many(db, class_id, able, on=on, progress=progress.part(0.2, 0.9))
              if able else EnrolResult())
    if not others:
        return result
    found = blocker_store.blockers(db, class_id, others)
    in_group = set(group)
    everywhere = (set(target_sql.people_in_group(db, programme.target_group))
                  if unit_id else in_group)
    names = {b.id: b.full_name for b in store.person_briefs(db, others)}
    for pid in others:
        blocker = found.get(pid)
        if blocker is not None and blocker.kind == blocker_store.IN_CLASS:
            result.skipped.append(pid)
            continue
        if blocker is not None:
            reason = _blocker_reason(blocker)
        elif pid not in everywhere:
            reason = "không thuộc đối tượng của chương trình"
        elif pid not in in_group:
            reason = "không thuộc đơn vị đã chọn"
        else:
            reason = "không ghi danh được vào lớp này"
        result.not_enrolled.append(NotEnrolled(pid, names.get(pid, pid), reason))
    return result


def _blocker_reason(blocker: blocker_store.Blocker) -> str:
    day = format_iso(blocker.on)
    if blocker.kind == blocker_store.WITHDRAWN:
        return "đã rút khỏi lớp này" + (f" ngày {day}" if day else "")
    if blocker.kind == blocker_store.COMPLETED:
        return f"đã hoàn thành chương trình ở {class_phrase(blocker.class_name)}"
    return f"đã ghi danh {class_phrase(blocker.class_name)} của cùng chương trình"


def candidates(db: Handle, class_id: str, unit_id: str | None = None) -> list[PersonBrief]:
    return store.person_briefs(db, target_sql.candidates(db, class_id, unit_id))


def person_briefs(db: Handle, person_ids: Sequence[str]) -> list[PersonBrief]:
    """Name, birth, unit and current position of these people, in the order given."""
    return store.person_briefs(db, person_ids)


def waiting_queue(db: Handle, class_id: str) -> list[Participant]:
    """The class's waiting list in the order people move up from it."""
    return store.waiting_queue(db, class_id)


def withdraw(db: Database, enrolment_id: str, reason: str,
             on: dt.date | None = None) -> list[Participant]:
    """Withdraw someone (the record stays, with date and reason); returns the people moved
    up from the waiting list into the freed seat."""
    participant = store.get_enrolment(db, enrolment_id)
    reason = text.clean(reason)
    if not reason:
        raise UserError("Cần ghi lý do rút khỏi lớp")
    if participant.status == "withdrawn":
        raise UserError(f"{participant.full_name} đã rút khỏi lớp")
    on = on or dt.date.today()
    with db.write(f"{participant.full_name} rút khỏi lớp") as tx:
        store.withdraw(tx, enrolment_id, on, reason)
        return promote_waiting(tx, participant.class_id, on)


def remove_enrolment(db: Database, enrolment_id: str) -> list[Participant]:
    """Take out an enrolment made by mistake (soft delete; undo brings it back)."""
    participant = store.get_enrolment(db, enrolment_id)
    with db.write(f"Bỏ ghi danh {participant.full_name}") as tx:
        store.delete_enrolment(tx, enrolment_id)
        return promote_waiting(tx, participant.class_id, dt.date.today())


def renumber_codes(db: Database, class_id: str) -> int:
    """Short codes 001, 002, ... in official order: the seated participants first, then
    the waiting list in its order, then those who withdrew. For a class whose sheets have
    not been handed out yet; returns how many codes changed."""
    everyone = store.list_participants(db, class_id)
    seated = [p for p in everyone if p.status == "enrolled"]
    gone = [p for p in everyone if p.status == "withdrawn"]
    ordered = seated + store.waiting_queue(db, class_id) + gone
    codes = [(p.enrolment_id, store.format_code(i)) for i, p in enumerate(ordered, start=1)]
    name = training.get_class(db, class_id).name
    with db.write(f"Đánh lại mã học viên {class_phrase(name)}") as tx:
        return store.set_codes(tx, codes)


def training_history(db: Database, person_id: str,
                     today: dt.date | None = None) -> list[HistoryEntry]:
    """A person's classes, each with its status as the calendar shows it today (the same as
    the class list: class_status.current)."""
    today = today or dt.date.today()
    return [replace(e, class_status=class_status.current(e.class_status, e.start_date,
                                                         e.end_date, today))
            for e in store.person_history(db, person_id)]


def untrained_people(db: Database, programme_id: str,
                     unit_id: str | None = None) -> list[PersonBrief]:
    """People in the programme's target group (unit subtree) who have not completed it."""
    return store.person_briefs(db, target_sql.untrained(db, programme_id, unit_id))


def coverage_by_unit(db: Database, programme_id: str) -> dict[str, Coverage]:
    """Unit id -> (in target group, completed) for each unit's subtree."""
    return target_sql.coverage_by_unit(db, programme_id)
