"""Printed documents (A4 PDF, Đoàn document format, Hướng dẫn 29-HD/TWĐTN-VP).

Each function reads what it prints from the database (read-only), writes the PDF to
`path` and returns the number of pages. An unknown class, rotation, evaluation,
registration, programme year or unit raises NotFound; nothing to print raises UserError
with the reason in Vietnamese.

`number` is the document number from the office's register ("12" in "Số: 12-DS/ĐTN"; typed
as the register reads it, "12-DS/ĐTN", it is understood, never doubled), left blank for the
clerk when None; the kind and symbol come from the document and the office's settings, and
another one raises InvalidInput. `on` is the date of the place/date line (today).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from cadre_desktop.domain.progress import NO_PROGRESS, Progress

if TYPE_CHECKING:
    from cadre_desktop.store.db import Database
    from cadre_desktop.store.roster_selection import Selection

# Each function imports the modules of its own document when called: `print attendance`
# then loads reportlab's tables but not the forms' drawing code, nor the other documents'.

__all__ = [
    "print_attendance", "print_branch_results", "print_certificates", "print_class_participants",
    "print_classes",
    "print_due_evaluations", "print_member_registration", "print_offices", "print_participants",
    "print_report", "print_rollup", "print_roster", "print_rotation_evaluation",
    "print_rotation_summary", "print_schedule", "print_target_list",
]


def print_attendance(db: Database, class_id: str, path: str | Path, *,
                     number: str | None = None, on: dt.date | None = None) -> int:
    """The attendance sheet: every enrolled participant, a signing column per session."""
    from cadre_desktop.printing import attendance, data

    return attendance.render(data.attendance_sheet(db, class_id, number, on), Path(path))


def print_participants(db: Database, class_id: str, path: str | Path, *,
                       number: str | None = None, on: dt.date | None = None) -> int:
    """The list of enrolled participants in official name order."""
    from cadre_desktop.printing import data, participants

    return participants.render(data.participant_list(db, class_id, number, on), Path(path))


def print_schedule(db: Database, class_id: str, path: str | Path, *,
                   number: str | None = None, on: dt.date | None = None) -> int:
    """The class's sessions: date, time, topic, lecturer, room or link."""
    from cadre_desktop.printing import data, schedule

    return schedule.render(data.schedule(db, class_id, number, on), Path(path))


def print_certificates(db: Database, class_id: str, path: str | Path, *,
                       on: dt.date | None = None) -> int:
    """One certificate page per participant whose result is 'completed', numbered as they
    were given (Settings' pattern) and dated the class's end date unless `on` is given."""
    from cadre_desktop.printing import certificate, data

    return certificate.render(data.certificates(db, class_id, on), Path(path))


def print_rotation_evaluation(db: Database, evaluation_id: str, path: str | Path) -> int:
    """The evaluation form of one scheduled evaluation of a rotation: the cadre's report
    and the host unit's evaluation, printed when recorded, blank lines when not."""
    from cadre_desktop.printing import rotation_data, rotation_forms

    return rotation_forms.render_evaluation(rotation_data.evaluation_form(db, evaluation_id),
                                            Path(path))


def print_rotation_summary(db: Database, rotation_id: str, path: str | Path, *,
                           on: dt.date | None = None) -> int:
    """One rotation: person, host, dates, decision, the eligibility check rule by rule with
    the overrides, the changes of end date and every evaluation with its results."""
    from cadre_desktop.printing import rotation_data, rotation_forms

    return rotation_forms.render_summary(rotation_data.rotation_summary(db, rotation_id, on),
                                         Path(path))


def print_member_registration(db: Database, registration_id: str, path: str | Path) -> int:
    """A member's registration form: the criteria by area with their plans, the branch's
    decision and the signatures."""
    from cadre_desktop.printing import member_data, member_forms

    return member_forms.render_registration(member_data.registration_form(db, registration_id),
                                            Path(path))


def print_branch_results(db: Database, year_id: str, unit_id: str, path: str | Path, *,
                         on: dt.date | None = None) -> int:
    """A branch's results for a programme year: every member in official order with the
    scores and the classification, and how many members are in each classification."""
    from cadre_desktop.printing import member_data, member_forms

    return member_forms.render_results(member_data.branch_results(db, year_id, unit_id, on),
                                       Path(path))


def print_target_list(db: Database, target_id: str, path: str | Path, *,
                      number: str | None = None, on: dt.date | None = None,
                      office: str | None = None) -> int:
    """A target's figures unit by unit and the people who do not yet meet it, counted to
    `on` (today), which is also the date of the place/date line (`print target`);
    `office` (a code or id) counts only that office and those below it."""
    from cadre_desktop.printing.target_list import print_target
    from cadre_desktop.services.targets import refuse_problems, target_detail

    figures = target_detail(db, target_id, on, office)
    refuse_problems([figures])
    return print_target(db, figures, path, number=number, on=on)


def print_report(db: Database, start: dt.date | str, end: dt.date | str, path: str | Path, *,
                 kind: str | None = None, number: str | None = None,
                 on: dt.date | None = None, office: str | None = None) -> int:
    """The periodic training report of [start, end] (dates or YYYY-MM-DD) with the saved
    draft's text (`report training -o FILE.pdf`); `office` (a code or id) reports for that
    office and those below it."""
    from cadre_desktop.printing.training_report import print_training_report
    from cadre_desktop.services.reports import training_report

    first = start if isinstance(start, dt.date) else dt.date.fromisoformat(start)
    last = end if isinstance(end, dt.date) else dt.date.fromisoformat(end)
    report = training_report(db, first, last, kind, office)
    return print_training_report(db, report, path, number=number, on=on)


# The lists of the pages, as they are on screen (services.list_tables).


def print_roster(db: Database, path: str | Path, selection: Selection | None = None, *,
                 number: str | None = None, on: dt.date | None = None,
                 progress: Progress = NO_PROGRESS) -> int:
    """The people the roster shows (everyone, or `selection`: the search, the unit with its
    sub-units, the sort) as "DANH SÁCH ĐOÀN VIÊN <UNIT>"."""
    from cadre_desktop.printing import lists
    from cadre_desktop.services import list_tables

    return lists.render(db, list_tables.roster(db, selection), Path(path), number=number,
                        on=on, progress=progress)


def print_classes(db: Database, path: str | Path, *, year: int | None = None,
                  status: str | None = None, number: str | None = None,
                  on: dt.date | None = None) -> int:
    """The training classes (of a year, in a status) as the classes page lists them."""
    from cadre_desktop.printing import lists
    from cadre_desktop.services import list_tables

    return lists.render(db, list_tables.classes(db, year, status, on), Path(path),
                        number=number, on=on)


def print_class_participants(db: Database, class_id: str, path: str | Path, *,
                             number: str | None = None, on: dt.date | None = None) -> int:
    """Every enrolment of a class as its Participants tab shows it (the official list, the
    waiting list and those who withdrew, with their state); print_participants is the
    official list of those enrolled."""
    from cadre_desktop.printing import lists
    from cadre_desktop.services import list_tables

    return lists.render(db, list_tables.participants(db, class_id), Path(path),
                        number=number, on=on)


def print_due_evaluations(db: Database, path: str | Path, *, on: dt.date | None = None,
                          within_days: int | None = None, number: str | None = None,
                          rotations_only: bool = False) -> int:
    """The evaluations overdue or falling due soon, as `evaluation due` lists them (only
    the rotations' evaluations, as the rotations page shows them, with `rotations_only`)."""
    from cadre_desktop.printing import lists
    from cadre_desktop.services import list_tables

    table = list_tables.due_evaluations(db, on, within_days, rotations_only)
    return lists.render(db, table, Path(path), number=number, on=on)


def print_offices(db: Database, path: str | Path, *, on: dt.date | None = None,
                  number: str | None = None, include_self: bool = True) -> int:
    """The offices this one knows, with their keys and last bundles (the offices page
    lists them without this office: `include_self=False`)."""
    from cadre_desktop.printing import lists
    from cadre_desktop.services import list_tables

    return lists.render(db, list_tables.offices(db, on, include_self), Path(path),
                        number=number, on=on)


def print_rollup(db: Database, path: str | Path, *, plan_id: str | None = None,
                 on: dt.date | None = None, number: str | None = None,
                 progress: Progress = NO_PROGRESS) -> int:
    """The province's roll-up: an office below per row (its last bundle, overdue or not)
    and its figure for each target of the plan (services.rollup)."""
    from cadre_desktop.printing import lists
    from cadre_desktop.services import rollup

    found = rollup.office_rollup(db, plan_id, on, progress.part(0.0, 0.4))
    return lists.render(db, rollup.rollup_table(found, for_print=True), Path(path),
                        number=number, on=on, progress=progress.part(0.4, 1.0))
