"""Training classes and their sessions: create, edit, soft delete, list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from cadre_desktop.domain import class_status, text
from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.domain.sessions import SessionInfo, Slot, format_time, parse_time
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction

MODES = {"in_person": "Trực tiếp", "online": "Trực tuyến", "mixed": "Kết hợp"}
STATUSES = {code: class_status.LABELS[code] for code in class_status.RECORDED}


@dataclass(frozen=True)
class TrainingClass:
    id: str
    programme_id: str
    programme_name: str
    name: str
    year: int
    organiser: str
    venue: str
    mode: str
    link: str
    start_date: dt.date | None
    end_date: dt.date | None
    capacity: int | None
    budget_planned: int | None
    budget_actual: int | None
    status: str  # as recorded by the clerk
    enrolled: int  # status 'enrolled'
    waiting: int
    sessions: int
    deleted: bool = False
    # As the calendar shows it on a given day (domain.class_status.current): the services
    # fill it in; read straight from the store it is the recorded status.
    state: str = ""

    def __post_init__(self) -> None:
        if not self.state:
            object.__setattr__(self, "state", self.status)

    def on(self, today: dt.date) -> TrainingClass:
        """This class with its state on `today`."""
        return replace(self, state=class_status.current(self.status, self.start_date,
                                                       self.end_date, today))


@dataclass
class ClassInput:
    programme_id: str
    name: str
    year: int
    organiser: str = ""
    venue: str = ""
    mode: str = "in_person"
    link: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    capacity: int | None = None
    budget_planned: int | None = None
    budget_actual: int | None = None
    status: str = "planned"

    def columns(self) -> dict[str, Any]:
        name = text.clean(self.name)
        if not name:
            raise InvalidInput("Tên lớp không được để trống", "name")
        for key, label in (("name", "Tên lớp"), ("organiser", "Đơn vị tổ chức"),
                           ("venue", "Địa điểm"), ("link", "Đường dẫn")):
            text.refuse_forbidden(getattr(self, key), label, key)  # as bundles refuse them
        if not 1900 <= self.year <= 2100:
            raise InvalidInput(f"Năm {self.year} không hợp lệ", "year")
        if self.mode not in MODES:
            raise InvalidInput(f"Hình thức '{self.mode}' không hợp lệ", "mode")
        if self.status not in STATUSES:
            raise InvalidInput(f"Trạng thái '{self.status}' không hợp lệ", "status")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise InvalidInput("Ngày kết thúc phải sau ngày khai giảng", "end_date")
        if self.capacity is not None and self.capacity < 1:
            raise InvalidInput("Sĩ số tối đa phải lớn hơn 0", "capacity")
        for key in ("budget_planned", "budget_actual"):
            value = getattr(self, key)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise InvalidInput("Kinh phí là số đồng, không âm", key)
        return {
            "programme_id": self.programme_id, "name": name, "year": int(self.year),
            "organiser": text.clean(self.organiser), "venue": text.clean(self.venue),
            "mode": self.mode, "link": self.link.strip(),
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "capacity": self.capacity, "budget_planned": self.budget_planned,
            "budget_actual": self.budget_actual, "status": self.status,
        }


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


_CLASS_SELECT = (
    "SELECT c.id, c.programme_id, COALESCE(p.name, ''), c.name, c.year, c.organiser, c.venue,"
    " c.mode, c.link, c.start_date, c.end_date, c.capacity, c.budget_planned, c.budget_actual,"
    " c.status,"
    " (SELECT COUNT(*) FROM enrolment e JOIN person ep ON ep.id = e.person_id"
    "  WHERE e.class_id = c.id AND e.deleted = 0 AND ep.deleted = 0"
    "  AND e.status = 'enrolled'),"
    " (SELECT COUNT(*) FROM enrolment e JOIN person ep ON ep.id = e.person_id"
    "  WHERE e.class_id = c.id AND e.deleted = 0 AND ep.deleted = 0"
    "  AND e.status = 'waiting'),"
    " (SELECT COUNT(*) FROM class_session s WHERE s.class_id = c.id AND s.deleted = 0),"
    " c.deleted"
    " FROM training_class c LEFT JOIN programme p ON p.id = c.programme_id"
)


def _class(row: Sequence[Any]) -> TrainingClass:
    values = list(row)
    values[9], values[10] = _day(values[9]), _day(values[10])
    values[-1] = bool(values[-1])
    return TrainingClass(*values)


def list_classes(
    db: Handle, *, year: int | None = None, status: str | None = None,
    programme_id: str | None = None, include_deleted: bool = False,
) -> list[TrainingClass]:
    """Classes in date order (undated ones last), then by name."""
    where, params = [], []
    if not include_deleted:
        where.append("c.deleted = 0")
    for column, value in (("c.year", year), ("c.status", status),
                          ("c.programme_id", programme_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = _CLASS_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY c.start_date IS NULL, c.start_date, c.year, c.name, c.id"
    return [_class(r) for r in db.conn.execute(sql, params).fetchall()]


def get_class(db: Handle, class_id: str) -> TrainingClass:
    row = db.conn.execute(_CLASS_SELECT + " WHERE c.id = ?", (class_id,)).fetchone()
    if row is None or row[-1]:
        raise NotFound(f"Không tìm thấy lớp {class_id}")
    return _class(row)


def _check_programme(tx: Transaction, programme_id: str) -> None:
    row = tx.conn.execute("SELECT deleted FROM programme WHERE id = ?",
                          (programme_id,)).fetchone()
    if row is None or row[0]:
        raise InvalidInput("Chương trình bồi dưỡng không tồn tại", "programme_id")


def create_class(tx: Transaction, data: ClassInput, class_id: str | None = None) -> str:
    columns = data.columns()
    _check_programme(tx, data.programme_id)
    class_id = class_id or new_id()
    tx.insert("training_class", {"id": class_id, **columns})
    return class_id


def update_class(tx: Transaction, class_id: str, data: ClassInput) -> dict[str, Any]:
    columns = data.columns()
    _check_programme(tx, data.programme_id)
    return tx.update("training_class", class_id, columns)


def set_class_status(tx: Transaction, class_id: str, status: str) -> None:
    if status not in STATUSES:
        raise InvalidInput(f"Trạng thái '{status}' không hợp lệ", "status")
    tx.update("training_class", class_id, {"status": status})


def delete_class(tx: Transaction, class_id: str) -> bool:
    return tx.soft_delete("training_class", class_id)


def restore_class(tx: Transaction, class_id: str) -> bool:
    return tx.restore("training_class", class_id)


# Sessions

@dataclass(frozen=True)
class Session:
    id: str
    class_id: str
    date: dt.date
    start_time: str  # 'HH:MM'
    end_time: str
    topic: str
    lecturer_person_id: str | None
    lecturer_name: str  # the outside name, or the roster person's name
    room: str

    @property
    def slot(self) -> Slot:
        return Slot(self.date, parse_time(self.start_time), parse_time(self.end_time))

    @property
    def label(self) -> str:
        """The column heading on attendance sheets: '07/03/2025 07:30'."""
        return f"{self.date.strftime('%d/%m/%Y')} {self.start_time}"


@dataclass
class SessionInput:
    date: dt.date
    start: dt.time
    end: dt.time
    topic: str = ""
    lecturer_person_id: str | None = None
    lecturer_name: str = ""  # someone from outside the roster
    room: str = ""  # room, or the link of an online session

    def columns(self) -> dict[str, Any]:
        slot = Slot(self.date, self.start, self.end)  # checks end after start
        for key, label in (("topic", "Chủ đề"), ("lecturer_name", "Giảng viên"),
                           ("room", "Phòng hoặc đường dẫn")):
            text.refuse_forbidden(getattr(self, key), label, key)  # as bundles refuse them
        return {
            "date": slot.date.isoformat(), "start_time": format_time(slot.start),
            "end_time": format_time(slot.end), "topic": text.clean(self.topic),
            "lecturer_person_id": self.lecturer_person_id or None,
            "lecturer_name": "" if self.lecturer_person_id else text.clean(self.lecturer_name),
            "room": self.room.strip(),
        }


_SESSION_SELECT = (
    "SELECT s.id, s.class_id, s.date, s.start_time, s.end_time, s.topic,"
    " s.lecturer_person_id, COALESCE(lp.full_name, s.lecturer_name), s.room"
    " FROM class_session s LEFT JOIN person lp ON lp.id = s.lecturer_person_id"
)


def _session(row: Sequence[Any]) -> Session:
    values = list(row)
    values[2] = dt.date.fromisoformat(values[2])
    return Session(*values)


def list_sessions(db: Handle, class_id: str) -> list[Session]:
    rows = db.conn.execute(
        _SESSION_SELECT + " WHERE s.class_id = ? AND s.deleted = 0"
        " ORDER BY s.date, s.start_time, s.end_time, s.id", (class_id,)).fetchall()
    return [_session(r) for r in rows]


def get_session(db: Handle, session_id: str) -> Session:
    row = db.conn.execute(_SESSION_SELECT + " WHERE s.id = ? AND s.deleted = 0",
                          (session_id,)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy buổi học {session_id}")
    return _session(row)


def create_sessions(tx: Transaction, class_id: str, items: Iterable[SessionInput]) -> list[str]:
    rows = [{"id": new_id(), "class_id": class_id, **item.columns()} for item in items]
    tx.insert_many("class_session", rows)
    return [str(r["id"]) for r in rows]


def update_session(tx: Transaction, session_id: str, data: SessionInput) -> dict[str, Any]:
    return tx.update("class_session", session_id, data.columns())


def delete_session(tx: Transaction, session_id: str) -> bool:
    return tx.soft_delete("class_session", session_id)


def session_infos(db: Handle, first: dt.date, last: dt.date) -> list[SessionInfo]:
    """Sessions of live classes between two dates, with who attends them, for overlaps."""
    rows = db.conn.execute(
        "SELECT s.id, s.class_id, c.name, s.date, s.start_time, s.end_time,"
        " s.lecturer_person_id, COALESCE(lp.full_name, s.lecturer_name), s.room"
        " FROM class_session s JOIN training_class c ON c.id = s.class_id"
        " LEFT JOIN person lp ON lp.id = s.lecturer_person_id"
        " WHERE s.deleted = 0 AND c.deleted = 0 AND c.status != 'cancelled'"
        " AND s.date BETWEEN ? AND ?", (first.isoformat(), last.isoformat())).fetchall()
    class_ids = sorted({r[1] for r in rows})
    people: dict[str, set[str]] = {c: set() for c in class_ids}
    if class_ids:
        marks = ", ".join("?" for _ in class_ids)
        for class_id, person_id in db.conn.execute(
            f"SELECT class_id, person_id FROM enrolment WHERE deleted = 0"
            f" AND status = 'enrolled' AND class_id IN ({marks})", class_ids
        ):
            people[class_id].add(person_id)
    return [
        SessionInfo(sid, cid, cname,
                    Slot(dt.date.fromisoformat(day), parse_time(start), parse_time(end)),
                    lecturer_id, lecturer or "", room, frozenset(people[cid]))
        for sid, cid, cname, day, start, end, lecturer_id, lecturer, room in rows
    ]
