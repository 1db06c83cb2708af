"""A training class's status as the calendar shows it.

The clerk records a status (planned, open for enrolment, running, finished, cancelled), but
days pass without anyone touching the class: a class whose first day came is running, and
one whose last day went by is not "running" any more even though nobody has closed it yet.
Closing a class records everyone's result, so it stays the clerk's act; until then the
class says that it ended and asks to be closed ("ended", never stored).

Every page and command shows `current(...)`, so they agree on any day.
"""

from __future__ import annotations

import datetime as dt

# Recorded by the clerk (store.training checks these).
RECORDED = ("planned", "open", "running", "finished", "cancelled")
# Derived only: the last day has passed and the class was not closed.
ENDED = "ended"
CLOSED = ("finished", "cancelled")

LABELS = {
    "planned": "Dự kiến",
    "open": "Đang nhận đăng ký",
    "running": "Đang học",
    ENDED: "Đã học xong, chờ kết thúc lớp",
    "finished": "Đã kết thúc",
    "cancelled": "Đã hủy",
}


def current(recorded: str, start: dt.date | None, end: dt.date | None,
            today: dt.date) -> str:
    """The status to show on `today` for a class recorded as `recorded`."""
    if recorded in CLOSED:
        return recorded
    if end is not None and end < today:  # without an end date nobody knows it is over
        return ENDED
    if start is not None and start <= today:
        return "running"
    return recorded


def needs_closing(state: str) -> bool:
    """The class's days are over and its results are not recorded yet."""
    return state == ENDED
