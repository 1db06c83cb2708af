"""Sessions: presets, recurring generation and overlap detection (pure and across classes)."""

import datetime as dt

import pytest

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.sessions import (
    SessionInfo,
    Slot,
    find_overlaps,
    parse_time,
    preset_slot,
    recurring_slots,
)
from cadre_desktop.services import enrolment
from cadre_desktop.services import training as service
from cadre_desktop.store.db import Database
from cadre_desktop.store.training import SessionInput
from training_roster import add_sessions, build_roster, make_class

DAY = dt.date(2025, 3, 3)  # a Monday


def info(sid: str, cls: str, start: str, end: str, *, lecturer: str = "", lecturer_id: str = "",
         room: str = "", people: frozenset[str] = frozenset(), day: dt.date = DAY) -> SessionInfo:
    return SessionInfo(sid, cls, f"Lớp {cls}", Slot(day, parse_time(start), parse_time(end)),
                       lecturer_id or None, lecturer, room, people)


def test_time_parsing_and_presets() -> None:
    assert parse_time("7h30") == dt.time(7, 30)
    assert parse_time("07:30") == dt.time(7, 30)
    assert parse_time("13g") == dt.time(13, 0)
    with pytest.raises(InvalidInput):
        parse_time("25:00")
    with pytest.raises(InvalidInput):
        Slot(DAY, dt.time(11, 30), dt.time(7, 30))
    assert preset_slot(DAY, "morning") == Slot(DAY, dt.time(7, 30), dt.time(11, 30))
    assert preset_slot(DAY, "afternoon") == Slot(DAY, dt.time(13, 30), dt.time(17, 0))


def test_recurring_weekdays_and_parts() -> None:
    every_workday = recurring_slots(DAY, DAY + dt.timedelta(days=13), parts=["morning"])
    assert len(every_workday) == 10
    assert all(s.date.weekday() < 5 for s in every_workday)
    tue_thu = recurring_slots(DAY, DAY + dt.timedelta(days=13), {1, 3}, ["afternoon", "morning"])
    assert [(s.date.isoformat(), s.start.isoformat("minutes")) for s in tue_thu[:4]] == [
        ("2025-03-04", "07:30"), ("2025-03-04", "13:30"),
        ("2025-03-06", "07:30"), ("2025-03-06", "13:30")]
    assert len(tue_thu) == 8
    assert recurring_slots(DAY + dt.timedelta(days=5), DAY + dt.timedelta(days=6)) == []
    with pytest.raises(InvalidInput):
        recurring_slots(DAY, DAY - dt.timedelta(days=1))
    with pytest.raises(InvalidInput):
        recurring_slots(DAY, DAY, set(), ["morning"])
    with pytest.raises(InvalidInput):
        recurring_slots(DAY, DAY, {0}, ["evening"])


def test_lecturer_room_and_participant_overlaps() -> None:
    sessions = [
        info("a", "1", "07:30", "11:30", lecturer="ThS. Nguyễn Thu Hà", room="Hội trường A",
             people=frozenset({"p1", "p2"})),
        info("b", "2", "09:00", "10:00", lecturer="ths. nguyen thu ha", room="Phòng 2",
             people=frozenset({"p2", "p3"})),
        info("c", "3", "10:30", "12:00", room="hội trường a"),
        info("d", "4", "13:30", "17:00", lecturer_id="x", people=frozenset({"p1"})),
        info("e", "5", "14:00", "15:00", lecturer_id="x"),
        info("f", "5", "07:30", "11:30", lecturer="Giảng viên khác",
             day=DAY + dt.timedelta(days=1), people=frozenset({"p1"})),
    ]
    found = find_overlaps(sessions, {"p3": "Lê Văn Anh", "p2": "Trần Thị Ánh", "p1": "X"})
    assert [(o.kind, o.first.id, o.second.id) for o in found] == [
        ("lecturer", "a", "b"), ("participant", "a", "b"), ("room", "a", "c"),
        ("lecturer", "d", "e")]
    participant = found[1]
    assert participant.people == ("p2",)
    assert participant.message == (
        "1 học viên (Trần Thị Ánh) học hai buổi cùng lúc: Lớp 1 (03/03/2025 07:30–11:30) "
        "và Lớp 2 (03/03/2025 09:00–10:00)")
    assert found[0].message.startswith("Giảng viên ThS. Nguyễn Thu Hà dạy hai buổi cùng lúc")
    assert found[2].message.startswith("Phòng/đường dẫn 'Hội trường A' dùng cho hai buổi")


def test_touching_sessions_do_not_overlap() -> None:
    sessions = [
        info("a", "1", "07:30", "11:30", lecturer="A", room="R", people=frozenset({"p"})),
        info("b", "2", "11:30", "13:30", lecturer="A", room="R", people=frozenset({"p"})),
        info("c", "3", "13:30", "17:00", lecturer="A", room="R", people=frozenset({"p"})),
    ]
    assert find_overlaps(sessions) == []


def test_people_in_two_sessions_of_one_class_are_not_a_clash() -> None:
    people = frozenset({"p1"})
    sessions = [info("a", "1", "07:30", "11:30", people=people),
                info("b", "1", "08:00", "09:00", people=people)]
    assert find_overlaps(sessions) == []


def test_overlaps_across_classes_in_the_database(db: Database) -> None:
    roster = build_roster(db)
    first = make_class(db, "bd_co_ban", "Lớp cơ bản")
    second = make_class(db, "bd_kiem_nhiem", "Lớp kiêm nhiệm")
    both = roster.id("Trần Thị Bình")  # in both target groups
    enrolment.enrol_many(db, first, [both, roster.id("Nguyễn Văn An")])
    enrolment.enrol_many(db, second, [both, roster.id("Phạm Thị Dung")])
    add_sessions(db, first, (DAY, "07:30", "11:30"), lecturer="Lê Hoàng Phúc", room="Phòng 1")
    added = service.add_sessions(db, second, [SessionInput(
        DAY, dt.time(8, 0), dt.time(10, 0), "Kỹ năng", lecturer_name="Lê Hoàng Phúc",
        room="Phòng 2")])
    kinds = sorted(o.kind for o in added.overlaps)
    assert kinds == ["lecturer", "participant"]
    clash = next(o for o in added.overlaps if o.kind == "participant")
    assert clash.people == (both,)
    assert "Trần Thị Bình" in clash.message
    assert added.warnings == []
    # A session that only touches the other one is fine.
    later = service.add_sessions(db, second, [SessionInput(
        DAY, dt.time(11, 30), dt.time(12, 30), lecturer_name="Lê Hoàng Phúc", room="Phòng 1")])
    assert later.overlaps == []
    # Generated sessions outside the class dates are flagged.
    generated = service.generate_sessions(db, second, DAY + dt.timedelta(days=7),
                                          DAY + dt.timedelta(days=8), {0, 1}, ["morning"])
    assert len(generated.session_ids) == 2
    assert generated.warnings == ["Buổi 10/03/2025 nằm ngoài thời gian của lớp",
                                  "Buổi 11/03/2025 nằm ngoài thời gian của lớp"]
    assert len(service.class_overlaps(db, first)) == 2
