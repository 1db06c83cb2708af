"""Attendance and completion: the grid, quick entry, results and certificates.

Sessions held are those dated up to today (all of them once the class is finished);
attendance for a session that has not happened yet is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from cadre_desktop.domain.attendance_marks import accepted
from cadre_desktop.domain.completion import (
    Outcome,
    can_still_reach,
    evaluate,
    sessions_held,
)
from cadre_desktop.domain.doc_number import certificate_number
from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.domain.wording import class_phrase
from cadre_desktop.store import attendance as marks_store
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store import programmes, training
from cadre_desktop.store.attendance import AttendanceStatus, Mark, MarkChange
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import Participant
from cadre_desktop.store.profile import load_profile
from cadre_desktop.store.training import Session, TrainingClass
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class AttendanceMatrix:
    training_class: TrainingClass
    sessions: list[Session]
    participants: list[Participant]  # official name order
    marks: dict[tuple[str, str], Mark]  # (enrolment id, session id) -> record
    statuses: list[AttendanceStatus]

    @cached_property
    def short_of(self) -> dict[str, str]:
        """Status code -> its short code."""
        return {s.code: s.short for s in self.statuses}

    @cached_property
    def typed(self) -> dict[str, str]:
        """What may be typed in a cell (upper case) -> the short code it records: the
        office's own codes and the marks of old Excel sheets ("x", "v")."""
        found = accepted({s.short.upper(): s for s in self.statuses}, lambda s: s.code)
        return {typed: status.short for typed, status in found.items()}

    def short(self, enrolment_id: str, session_id: str) -> str:
        """The cell as typed: 'C', 'K', ... or '' when nothing is recorded."""
        mark = self.marks.get((enrolment_id, session_id))
        if mark is None:
            return ""
        return self.short_of.get(mark.status_code, mark.status_code)


def attendance_matrix(db: Database, class_id: str,
                      include_withdrawn: bool = False) -> AttendanceMatrix:
    wanted = ("enrolled", "withdrawn") if include_withdrawn else ("enrolled",)
    return AttendanceMatrix(
        training.get_class(db, class_id).on(dt.date.today()),
        training.list_sessions(db, class_id),
        enrol_store.list_participants(db, class_id, wanted),
        marks_store.marks_for_class(db, class_id), marks_store.list_statuses(db))


def set_marks(db: Database, class_id: str, changes: Iterable[MarkChange],
              today: dt.date | None = None) -> int:
    """Write grid edits (status codes, or None to clear) in one undoable action."""
    today = today or dt.date.today()
    cls = training.get_class(db, class_id)
    sessions = {s.id: s for s in training.list_sessions(db, class_id)}
    seated = {p.enrolment_id for p in enrol_store.list_participants(db, class_id,
                                                                    ("enrolled",))}
    codes = {s.code for s in marks_store.list_statuses(db)}
    items = list(changes)
    for change in items:
        session = sessions.get(change.session_id)
        if session is None:
            raise InvalidInput("Buổi học không thuộc lớp này", "session")
        if session.date > today:
            raise UserError(f"Buổi {session.label} chưa diễn ra, chưa điểm danh được")
        if change.enrolment_id not in seated:
            raise InvalidInput("Học viên không có trong danh sách chính thức của lớp",
                               "enrolment")
        if change.status_code is not None and change.status_code not in codes:
            raise InvalidInput(f"Trạng thái điểm danh '{change.status_code}' không có",
                               "status")
    if not items:
        return 0
    with db.write(f"Điểm danh {class_phrase(cls.name)}") as tx:
        return marks_store.apply_marks(tx, class_id, items, db.clerk)


def set_marks_by_short(db: Database, class_id: str,
                       cells: Iterable[tuple[str, str, str]],
                       today: dt.date | None = None) -> int:
    """Grid edits as typed: (enrolment id, session id, short status or '' to clear)."""
    by_short = marks_store.status_by_short(db)
    typed = accepted(by_short, lambda s: s.code)
    changes = []
    for enrolment_id, session_id, short in cells:
        key = short.strip().upper()
        if key and key not in typed:
            raise InvalidInput(f"Ký hiệu '{short}' không có (dùng {', '.join(by_short)})",
                               "status")
        changes.append(MarkChange(enrolment_id, session_id,
                                  typed[key].code if key else None))
    return set_marks(db, class_id, changes, today)


def all_present(db: Database, session_id: str, overwrite: bool = False,
                today: dt.date | None = None) -> int:
    """Mark every participant present for a session; without overwrite only the cells
    still empty (so absences already entered stay)."""
    session = training.get_session(db, session_id)
    present = marks_store.present_status(db)
    existing = marks_store.marks_for_class(db, session.class_id)
    changes = [
        MarkChange(p.enrolment_id, session_id, present.code)
        for p in enrol_store.list_participants(db, session.class_id, ("enrolled",))
        if overwrite or (p.enrolment_id, session_id) not in existing
    ]
    return set_marks(db, session.class_id, changes, today)


_ENTRY = re.compile(r"(\d+)\s*([^\d\s,;]+)")


def parse_quick_entry(value: str) -> dict[str, str]:
    """'3K, 017 P; 21m' -> {'003': 'K', '017': 'P', '021': 'M'}."""
    leftover = _ENTRY.sub("", value).replace(",", "").replace(";", "").strip()
    if leftover:
        raise InvalidInput(f"Không hiểu '{leftover}' (nhập dạng 003 K, 017 P)", "entry")
    return {enrol_store.format_code(int(code)): short.upper()
            for code, short in _ENTRY.findall(value)}


def record_by_codes(db: Database, session_id: str, entries: Mapping[str, str],
                    others_present: bool = False, today: dt.date | None = None) -> int:
    """Quick entry from a paper sheet: participant short code -> status short code.
    others_present marks everyone not named (and still empty) present. Unknown codes
    are refused all together, and nothing is written."""
    session = training.get_session(db, session_id)
    seated = {p.short_code: p for p in
              enrol_store.list_participants(db, session.class_id, ("enrolled",))}
    by_short = accepted(marks_store.status_by_short(db), lambda s: s.code)
    errors = []
    changes = []
    for code, short in entries.items():
        participant = seated.get(code.strip())
        status = by_short.get(short.strip().upper())
        if participant is None:
            errors.append(f"mã học viên '{code}' không có trong lớp")
        if status is None:
            errors.append(f"ký hiệu '{short}' không có")
        if participant and status:
            changes.append(MarkChange(participant.enrolment_id, session_id, status.code))
    if errors:
        raise UserError("Không ghi điểm danh: " + "; ".join(errors))
    if others_present:
        named = {c.enrolment_id for c in changes}
        existing = marks_store.marks_for_class(db, session.class_id)
        present = marks_store.present_status(db).code
        changes.extend(
            MarkChange(p.enrolment_id, session_id, present) for p in seated.values()
            if p.enrolment_id not in named and (p.enrolment_id, session_id) not in existing)
    return set_marks(db, session.class_id, changes, today)


# Completion


@dataclass(frozen=True)
class Progress:
    participant: Participant
    outcome: Outcome
    total_sessions: int
    can_still_complete: bool

    @property
    def below_share(self) -> bool:
        return self.outcome.held > 0 and not self.outcome.share_ok


def class_progress(db: Database, class_id: str,
                   today: dt.date | None = None) -> list[Progress]:
    """Attendance share and result so far of everyone seated in the class."""
    today = today or dt.date.today()
    cls = training.get_class(db, class_id)
    rule = programmes.get_programme(db, cls.programme_id).rule
    sessions = training.list_sessions(db, class_id)
    finished = cls.status == "finished"
    held = sessions_held((s.date for s in sessions), today, finished)
    present = marks_store.present_counts(db, class_id, None if finished else today)
    result = []
    for participant in enrol_store.list_participants(db, class_id, ("enrolled",)):
        count = present.get(participant.enrolment_id, 0)
        outcome = evaluate(count, held, rule, participant.test_score)
        result.append(Progress(participant, outcome, len(sessions),
                               can_still_reach(count, held, len(sessions), rule.min_pct)))
    return result


def below_share(db: Database, class_id: str, today: dt.date | None = None) -> list[Progress]:
    """Participants whose attendance so far is under the programme's minimum."""
    return [p for p in class_progress(db, class_id, today) if p.below_share]


def set_test_scores(db: Database, class_id: str,
                    scores: Mapping[str, float | None]) -> int:
    """Enrolment id -> test score (None clears it)."""
    cls = training.get_class(db, class_id)
    own = {p.enrolment_id for p in enrol_store.list_participants(db, class_id)}
    for enrolment_id, score in scores.items():
        if enrolment_id not in own:
            raise InvalidInput("Học viên không thuộc lớp này", "enrolment")
        if score is not None and score < 0:
            raise InvalidInput("Điểm không được âm", "test_score")
    with db.write(f"Nhập điểm kiểm tra {class_phrase(cls.name)}") as tx:
        for enrolment_id, score in scores.items():
            enrol_store.set_test_score(tx, enrolment_id, score)
        return tx.changes


@dataclass(frozen=True)
class Results:
    completed: int
    not_completed: int


def finish_class(db: Database, class_id: str, today: dt.date | None = None) -> Results:
    """Mark the class finished and record everyone's result (completed or not), as one
    undoable action."""
    cls = training.get_class(db, class_id)
    with db.write(f"Kết thúc {class_phrase(cls.name)}") as tx:
        training.set_class_status(tx, class_id, "finished")
        return _write_results(db, tx, class_id, today)


def record_results(db: Database, class_id: str, today: dt.date | None = None) -> Results:
    """Recompute the results of a finished class (after a correction to attendance or
    scores)."""
    cls = training.get_class(db, class_id)
    if cls.status != "finished":
        raise UserError(f"Lớp '{cls.name}' chưa kết thúc, chưa xét kết quả được")
    with db.write(f"Xét kết quả {class_phrase(cls.name)}") as tx:
        return _write_results(db, tx, class_id, today)


def _write_results(db: Database, tx: Transaction, class_id: str,
                   today: dt.date | None) -> Results:
    progress = class_progress(db, class_id, today)  # sees the transaction's own changes
    for item in progress:
        value = "completed" if item.outcome.completed else "not_completed"
        enrol_store.set_result(tx, item.participant.enrolment_id, value)
    done = sum(1 for p in progress if p.outcome.completed)
    return Results(done, len(progress) - done)


def certificate_year(cls: TrainingClass) -> int:
    """The year whose sequence a class's certificates take: that of the class's end date
    (the date they bear), the class's year when it has none."""
    return cls.end_date.year if cls.end_date else cls.year


def assign_certificates(db: Database, class_id: str,
                        pattern: str | None = None) -> list[tuple[str, str]]:
    """Certificate numbers for those who completed and have none yet, in official order,
    numbered on from the year's last one, after the office's pattern (Settings) unless
    `pattern` is given. Returns (enrolment id, number)."""
    cls = training.get_class(db, class_id)
    year = certificate_year(cls)
    profile = load_profile(db)
    pattern = pattern or profile.certificate_pattern
    symbol = profile.doc_suffix
    taken = enrol_store.certificates_of_year(db, year)
    seq = len(taken)
    given = []
    for participant in enrol_store.list_participants(db, class_id, ("enrolled",)):
        if participant.result != "completed" or participant.certificate_no:
            continue
        seq += 1
        number = certificate_number(seq, year, symbol, pattern)
        while number in taken:
            seq += 1
            number = certificate_number(seq, year, symbol, pattern)
        taken.add(number)
        given.append((participant.enrolment_id, number))
    if given:
        with db.write(f"Cấp số giấy chứng nhận {class_phrase(cls.name)}") as tx:
            for enrolment_id, number in given:
                enrol_store.set_certificate(tx, enrolment_id, number)
    return given
