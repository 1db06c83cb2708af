"""Names of the training codes as the interface shows them (translated; the store keeps
codes, and Vietnamese labels for its own messages)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from cadre_desktop.domain.dates import format_date

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("Training", "…")


def class_statuses() -> dict[str, str]:
    return {
        "planned": translate("Training", "Planned"),
        "open": translate("Training", "Open for enrolment"),
        "running": translate("Training", "Running"),
        "finished": translate("Training", "Finished"),
        "cancelled": translate("Training", "Cancelled"),
    }


def class_states() -> dict[str, str]:
    """The statuses a class may show (class_status.current): the recorded ones, and a
    class whose last day has passed without being closed."""
    states = class_statuses()
    states["ended"] = translate("Training", "Ended, to be closed")
    return states


def modes() -> dict[str, str]:
    return {
        "in_person": translate("Training", "In person"),
        "online": translate("Training", "Online"),
        "mixed": translate("Training", "Mixed"),
    }


def programme_kinds() -> dict[str, str]:
    return {
        "title": translate("Training", "Title-based"),
        "professional": translate("Training", "Professional"),
        "skills": translate("Training", "Skills"),
    }


def results() -> dict[str, str]:
    return {
        "completed": translate("Training", "Completed"),
        "not_completed": translate("Training", "Not completed"),
    }


def weekdays() -> list[str]:
    """Monday first, as date.weekday() numbers them."""
    return [
        translate("Training", "Mon"), translate("Training", "Tue"),
        translate("Training", "Wed"), translate("Training", "Thu"),
        translate("Training", "Fri"), translate("Training", "Sat"),
        translate("Training", "Sun"),
    ]


def overlap_kinds() -> dict[str, str]:
    return {
        "lecturer": translate("Training", "Lecturer"),
        "room": translate("Training", "Room"),
        "participant": translate("Training", "Participants"),
    }


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return f"{format_date(start)} – {format_date(end)}"
    return format_date(start or end)


def weekday_date(day: dt.date) -> str:
    return f"{weekdays()[day.weekday()]} {format_date(day)}"
