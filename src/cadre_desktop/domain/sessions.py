"""Class sessions as time slots: presets, recurring schedules and overlap detection.

Pure rules: the store hands in what it read, these functions say what clashes.
Two intervals on the same day overlap when each starts before the other ends, so a
session ending at 11:30 and another starting at 11:30 do not overlap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput

MORNING = (dt.time(7, 30), dt.time(11, 30))
AFTERNOON = (dt.time(13, 30), dt.time(17, 0))
PRESETS: dict[str, tuple[dt.time, dt.time]] = {"morning": MORNING, "afternoon": AFTERNOON}
PART_LABELS = {"morning": "sáng", "afternoon": "chiều"}
WORKDAYS = frozenset(range(5))  # Monday..Friday, as date.weekday() numbers them

_TIME = re.compile(r"^(\d{1,2})\s*(?:[:hHgG.]\s*(\d{1,2})?)?\s*$")


def parse_time(value: str | dt.time) -> dt.time:
    """'7:30', '07:30', '7h30', '7g', '13.30' -> time; InvalidInput otherwise."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    match = _TIME.match(str(value).strip())
    if not match:
        raise InvalidInput(f"'{value}' không phải giờ (dạng 07:30)", "time")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(f"'{value}' không phải giờ hợp lệ", "time")
    return dt.time(hour, minute)


def format_time(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


@dataclass(frozen=True, order=True)
class Slot:
    date: dt.date
    start: dt.time
    end: dt.time

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidInput(
                f"Giờ kết thúc {format_time(self.end)} phải sau giờ bắt đầu "
                f"{format_time(self.start)}", "end_time")

    def overlaps(self, other: Slot) -> bool:
        return self.date == other.date and self.start < other.end and other.start < self.end

    def display(self) -> str:
        return (f"{self.date.strftime('%d/%m/%Y')} "
                f"{format_time(self.start)}–{format_time(self.end)}")


def preset_slot(day: dt.date, part: str) -> Slot:
    if part not in PRESETS:
        raise InvalidInput(f"Buổi '{part}' không có (sáng: morning, chiều: afternoon)", "part")
    start, end = PRESETS[part]
    return Slot(day, start, end)


def recurring_slots(
    first: dt.date,
    last: dt.date,
    weekdays: Collection[int] = WORKDAYS,
    parts: Sequence[str] = ("morning",),
) -> list[Slot]:
    """Every chosen weekday from first to last (both included), one slot per part of the day.

    weekdays use date.weekday() numbers (0 Monday .. 6 Sunday); parts are 'morning' and/or
    'afternoon' (or both, in that order)."""
    if last < first:
        raise InvalidInput("Ngày kết thúc phải sau ngày bắt đầu", "end_date")
    if not weekdays or any(not 0 <= d <= 6 for d in weekdays):
        raise InvalidInput("Cần chọn ít nhất một thứ trong tuần", "weekdays")
    if not parts:
        raise InvalidInput("Cần chọn buổi sáng, buổi chiều hoặc cả hai", "parts")
    ordered = [p for p in ("morning", "afternoon") if p in parts]
    if len(ordered) != len(set(parts)):
        raise InvalidInput(f"Buổi không hợp lệ: {', '.join(parts)}", "parts")
    slots: list[Slot] = []
    day = first
    while day <= last:
        if day.weekday() in weekdays:
            slots.extend(preset_slot(day, part) for part in ordered)
        day += dt.timedelta(days=1)
    return slots


@dataclass(frozen=True)
class SessionInfo:
    """One session as overlap detection sees it."""

    id: str
    class_id: str
    class_name: str
    slot: Slot
    lecturer_person_id: str | None = None
    lecturer_name: str = ""
    room: str = ""
    participants: frozenset[str] = frozenset()  # person ids enrolled in the class

    @property
    def lecturer_key(self) -> str:
        if self.lecturer_person_id:
            return "id:" + self.lecturer_person_id
        return "name:" + text.fold(self.lecturer_name) if self.lecturer_name.strip() else ""

    @property
    def room_key(self) -> str:
        return text.fold(self.room)

    def describe(self) -> str:
        return f"{self.class_name} ({self.slot.display()})"


@dataclass(frozen=True)
class Overlap:
    kind: str  # 'lecturer' | 'room' | 'participant'
    first: SessionInfo
    second: SessionInfo
    people: tuple[str, ...] = field(default_factory=tuple)  # person ids, for 'participant'
    message: str = ""

    def involves(self, session_id: str) -> bool:
        return session_id in (self.first.id, self.second.id)


def _message(kind: str, a: SessionInfo, b: SessionInfo, names: Sequence[str]) -> str:
    both = f"{a.describe()} và {b.describe()}"
    if kind == "lecturer":
        who = a.lecturer_name or "Giảng viên"
        return f"Giảng viên {who} dạy hai buổi cùng lúc: {both}"
    if kind == "room":
        return f"Phòng/đường dẫn '{a.room}' dùng cho hai buổi cùng lúc: {both}"
    shown = ", ".join(names[:5]) + (f" và {len(names) - 5} người khác" if len(names) > 5 else "")
    return f"{len(names)} học viên ({shown}) học hai buổi cùng lúc: {both}"


def find_overlaps(
    sessions: Iterable[SessionInfo], person_names: Mapping[str, str] | None = None
) -> list[Overlap]:
    """Every pair of sessions that clash: the same lecturer, the same room or link, or
    (for sessions of different classes) people enrolled in both. One Overlap per pair
    and kind; participant clashes list everyone affected, in the order of person_names
    (give it in official name order)."""
    names = person_names or {}
    rank = {pid: i for i, pid in enumerate(names)}
    by_day: dict[dt.date, list[SessionInfo]] = {}
    for info in sessions:
        by_day.setdefault(info.slot.date, []).append(info)
    found: list[Overlap] = []
    for day in sorted(by_day):
        todays = sorted(by_day[day], key=lambda s: (s.slot.start, s.slot.end, s.id))
        for i, a in enumerate(todays):
            for b in todays[i + 1:]:
                if b.slot.start >= a.slot.end:
                    break  # sorted by start: nothing later can overlap a
                found.extend(_pair_overlaps(a, b, names, rank))
    return found


def _pair_overlaps(a: SessionInfo, b: SessionInfo, names: Mapping[str, str],
                   rank: Mapping[str, int]) -> list[Overlap]:
    result = []
    if a.lecturer_key and a.lecturer_key == b.lecturer_key:
        result.append(Overlap("lecturer", a, b, message=_message("lecturer", a, b, [])))
    if a.room_key and a.room_key == b.room_key:
        result.append(Overlap("room", a, b, message=_message("room", a, b, [])))
    if a.class_id != b.class_id:
        shared = a.participants & b.participants
        if shared:
            ordered = sorted(shared, key=lambda pid: (rank.get(pid, len(rank)), pid))
            shown = [names.get(pid, pid) for pid in ordered]
            result.append(Overlap("participant", a, b, tuple(ordered),
                                  _message("participant", a, b, shown)))
    return result
