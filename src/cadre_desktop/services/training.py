"""Training use cases: the programme catalogue, classes and their sessions, overlaps.

Enrolment lives in services.enrolment, attendance and completion in services.attendance.
Every change is one undoable action with a label the clerk recognises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.sessions import Overlap, find_overlaps, recurring_slots
from cadre_desktop.domain.wording import class_phrase
from cadre_desktop.store import budget, programmes, training
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import Participant
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.programmes import Programme, ProgrammeInput
from cadre_desktop.store.training import ClassInput, Session, SessionInput, TrainingClass
from cadre_desktop.store.tx import Transaction

__all__ = [
    "ClassDetail", "ClassInput", "Overlap", "Participant", "Programme", "ProgrammeInput",
    "Session", "SessionInput", "SessionsAdded", "TrainingClass", "add_sessions",
    "class_detail", "class_overlaps", "delete_class", "delete_programme", "delete_sessions",
    "generate_sessions", "get_programme", "list_classes", "list_programmes",
    "overlaps_between", "restore_class", "restore_programme", "save_class", "save_programme",
    "set_class_status", "update_session",
]

# Programmes


def list_programmes(db: Handle, include_deleted: bool = False) -> list[Programme]:
    """The catalogue in its order (the deleted ones too when asked, for restoring)."""
    return programmes.list_programmes(db, include_deleted)


def get_programme(db: Handle, programme_id: str) -> Programme:
    return programmes.get_programme(db, programme_id)


def save_programme(db: Database, data: ProgrammeInput, programme_id: str | None = None) -> str:
    label = f"Sửa chương trình {data.name}" if programme_id else f"Thêm chương trình {data.name}"
    with db.write(label) as tx:
        if programme_id is None:
            return programmes.create_programme(tx, data)
        programmes.update_programme(tx, programme_id, data)
        return programme_id


def delete_programme(db: Database, programme_id: str) -> bool:
    name = programmes.get_programme(db, programme_id).name
    with db.write(f"Xóa chương trình {name}") as tx:
        return programmes.delete_programme(tx, programme_id)


def restore_programme(db: Database, programme_id: str) -> bool:
    name = programmes.get_programme(db, programme_id).name
    with db.write(f"Khôi phục chương trình {name}") as tx:
        return programmes.restore_programme(tx, programme_id)


# Classes


def list_classes(db: Database, year: int | None = None, status: str | None = None,
                 today: dt.date | None = None) -> list[TrainingClass]:
    """Classes with their status as the calendar shows it today (class_status.current);
    `status` keeps the classes in that state ("ended" included)."""
    today = today or dt.date.today()
    found = [c.on(today) for c in training.list_classes(db, year=year)]
    return [c for c in found if status is None or c.state == status]


@dataclass(frozen=True)
class ClassDetail:
    training_class: TrainingClass
    programme: Programme
    sessions: list[Session]
    participants: list[Participant]  # every status, official name order

    def enrolled(self) -> list[Participant]:
        return [p for p in self.participants if p.status == "enrolled"]


def class_detail(db: Database, class_id: str, today: dt.date | None = None) -> ClassDetail:
    cls = training.get_class(db, class_id).on(today or dt.date.today())
    return ClassDetail(cls, programmes.get_programme(db, cls.programme_id),
                       training.list_sessions(db, class_id),
                       enrol_store.list_participants(db, class_id))


def save_class(db: Database, data: ClassInput, class_id: str | None = None) -> str:
    """Create or edit a class. A larger capacity moves people up from the waiting list.
    A planned or actual budget typed as one figure becomes the class's only budget line
    of that stage (refused when the class already has several: see store.budget)."""
    if class_id is None:
        with db.write(f"Thêm lớp {data.name}") as tx:
            new_class = training.create_class(tx, data)
            _adopt_budget(tx, new_class, data)
            return new_class
    from cadre_desktop.services.enrolment import promote_waiting

    with db.write(f"Sửa {class_phrase(data.name)}") as tx:
        training.update_class(tx, class_id, data)
        _adopt_budget(tx, class_id, data)
        promote_waiting(tx, class_id, dt.date.today())
    return class_id


def _adopt_budget(tx: Transaction, class_id: str, data: ClassInput) -> None:
    budget.adopt_total(tx, class_id, "estimate", data.budget_planned)
    budget.adopt_total(tx, class_id, "actual", data.budget_actual)


def set_class_status(db: Database, class_id: str, status: str) -> None:
    cls = training.get_class(db, class_id)
    phrase = class_phrase(cls.name)
    with db.write(f"{phrase[:1].upper()}{phrase[1:]}: {training.STATUSES.get(status, status)}"
                  ) as tx:
        training.set_class_status(tx, class_id, status)


def delete_class(db: Database, class_id: str) -> bool:
    cls = training.get_class(db, class_id)
    with db.write(f"Xóa {class_phrase(cls.name)}") as tx:
        return training.delete_class(tx, class_id)


def restore_class(db: Database, class_id: str) -> bool:
    with db.write("Khôi phục lớp") as tx:
        return training.restore_class(tx, class_id)


# Sessions


@dataclass(frozen=True)
class SessionsAdded:
    session_ids: list[str]
    overlaps: list[Overlap]  # clashes the new sessions take part in
    warnings: list[str]  # e.g. a session outside the class's dates


def _date_warnings(cls: TrainingClass, items: Sequence[SessionInput]) -> list[str]:
    warnings = []
    for item in items:
        outside = ((cls.start_date and item.date < cls.start_date)
                   or (cls.end_date and item.date > cls.end_date))
        if outside:
            warnings.append(f"Buổi {item.date.strftime('%d/%m/%Y')} nằm ngoài thời gian "
                            "của lớp")
    return warnings


def add_sessions(db: Database, class_id: str, items: Sequence[SessionInput]) -> SessionsAdded:
    if not items:
        raise InvalidInput("Không có buổi học nào để thêm")
    cls = training.get_class(db, class_id)
    count = f"{len(items)} buổi học" if len(items) > 1 else "buổi học"
    with db.write(f"Thêm {count} cho {class_phrase(cls.name)}") as tx:
        ids = training.create_sessions(tx, class_id, items)
    days = [item.date for item in items]
    clashes = [o for o in class_overlaps(db, class_id, min(days), max(days))
               if any(o.involves(i) for i in ids)]
    return SessionsAdded(ids, clashes, _date_warnings(cls, items))


def generate_sessions(
    db: Database, class_id: str, first: dt.date, last: dt.date,
    weekdays: Collection[int], parts: Sequence[str], template: SessionInput | None = None,
) -> SessionsAdded:
    """Sessions on every chosen weekday between two dates, mornings and/or afternoons,
    each with the template's topic, lecturer and room."""
    base = template or SessionInput(first, dt.time(7, 30), dt.time(11, 30))
    items = [replace(base, date=slot.date, start=slot.start, end=slot.end)
             for slot in recurring_slots(first, last, weekdays, parts)]
    return add_sessions(db, class_id, items)


def update_session(db: Database, session_id: str, data: SessionInput) -> list[Overlap]:
    session = training.get_session(db, session_id)
    with db.write(f"Sửa buổi học {session.label}") as tx:
        training.update_session(tx, session_id, data)
    return [o for o in class_overlaps(db, session.class_id, data.date, data.date)
            if o.involves(session_id)]


def delete_sessions(db: Database, session_ids: Iterable[str]) -> int:
    ids = list(session_ids)
    with db.write(f"Xóa {len(ids)} buổi học") as tx:
        return sum(training.delete_session(tx, i) for i in ids)


def overlaps_between(db: Database, first: dt.date, last: dt.date) -> list[Overlap]:
    """Every clash between sessions of live classes in a date range."""
    infos = training.session_infos(db, first, last)
    people = {pid for info in infos for pid in info.participants}
    return find_overlaps(infos, _names_in_order(db, people))


def class_overlaps(db: Database, class_id: str, first: dt.date | None = None,
                   last: dt.date | None = None) -> list[Overlap]:
    """Clashes that involve a session of this class (with any other class)."""
    sessions = training.list_sessions(db, class_id)
    if not sessions:
        return []
    first = first or sessions[0].date
    last = last or sessions[-1].date
    own = {s.id for s in sessions}
    return [o for o in overlaps_between(db, first, last)
            if o.first.id in own or o.second.id in own]


def _names_in_order(db: Database, person_ids: Collection[str]) -> dict[str, str]:
    """Person id -> full name, in official name order."""
    ids = sorted(person_ids)
    rows: list[tuple[str, str, str]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows.extend(db.conn.execute(
            "SELECT id, full_name, name_key FROM person"
            f" WHERE id IN ({', '.join('?' for _ in chunk)})", chunk).fetchall())
    rows.sort(key=lambda r: (r[2], r[0]))
    return {r[0]: r[1] for r in rows}
