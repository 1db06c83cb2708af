"""Rotations: eligibility checks from roster data, the year's candidates, proposals with
their plan limits and overrides, and the life cycle (approve, start, extend, end).

Every write is one audited, undoable action. A proposal is refused with RotationRefused
(listing each blocking issue) unless an Override with the Standing Committee's decision
covers it; `review` gives the same issues without writing, for the form to show first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from cadre_desktop.domain import eligibility, text
from cadre_desktop.domain.eligibility import FAIL, UNKNOWN, EligibilityCheck, PersonFacts
from cadre_desktop.domain.errors import InvalidInput, NotFound, UserError
from cadre_desktop.domain.evaluation_schedule import schedule
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.domain.rotation_plan import (
    Override,
    PlanIssue,
    RotationRefused,
    check_transition,
    eligibility_issue,
    plan_issues,
    unresolved,
)
from cadre_desktop.domain.rotation_rules import SCOPE, RotationRules
from cadre_desktop.store import lookups, people, rotation_evaluations, rotations, rule_settings
from cadre_desktop.store.db import Database
from cadre_desktop.store.rotations import Rotation as Rotation  # the pages' type
from cadre_desktop.store.rotations import RotationPlan
from cadre_desktop.store.tx import Transaction


def load_rules(db: Database) -> RotationRules:
    return RotationRules.from_settings(rule_settings.load(db, SCOPE))


def save_rules(db: Database, rules: RotationRules) -> int:
    rules.validate()
    with db.write("Sửa quy định cử cán bộ đi cơ sở") as tx:
        return rule_settings.save(tx, SCOPE, rules.to_settings())


def labels(db: Database) -> dict[str, str]:
    """Code -> label for positions, party and working statuses, as the rules print them."""
    out: dict[str, str] = {}
    for kind in ("position", "party_status", "working_status"):
        out.update(lookups.labels(db, kind))
    return out


def person_facts(db: Database, person_id: str) -> PersonFacts:
    detail = people.get_person(db, person_id)
    if detail is None or detail.values["deleted"]:
        raise NotFound(f"Không tìm thấy người có mã {person_id}")
    levels = {lv.id: lv for lv in lookups.rating_levels(db)}
    person = detail.as_input()
    return PersonFacts(
        birth=person.birth, permanent_staff=person.permanent_staff,
        party_status=person.party_status, working_status=person.working_status,
        current_position=detail.current_position,
        planned=tuple((code, term) for _id, code, term in detail.planning),
        ratings={year: eligibility.RatingFact(levels[level].rank, levels[level].label)
                 for year, level in detail.ratings.items() if level in levels},
        discipline_until=person.discipline_until, no_rotation_until=person.no_rotation_until,
    )


def check_person(db: Database, person_id: str, start: dt.date,
                 rules: RotationRules | None = None) -> EligibilityCheck:
    return eligibility.check(person_facts(db, person_id), rules or load_rules(db), start,
                             labels(db))


@dataclass(frozen=True)
class Candidate:
    person_id: str
    full_name: str
    unit: str
    check: EligibilityCheck


def default_start(db: Database, year: int) -> dt.date:
    plan = rotations.get_plan(db, year)
    if plan and plan.planned_start:
        return dt.date.fromisoformat(plan.planned_start)
    return dt.date(year, 1, 1)


def candidates(db: Database, year: int, start: dt.date | None = None,
               unit_id: str | None = None,
               progress: Progress = NO_PROGRESS) -> list[Candidate]:
    """The cadres who could be sent in `year` (permanent staff, full-time or planned),
    eligible first, then by how many rules fail and how many lack data. People already
    on an open rotation are left out. Each cadre is checked in full (a read per person),
    so a large office takes a while: progress is stepped per cadre."""
    rules = load_rules(db)
    start = start or default_start(db, year)
    statuses = sorted({s for g in rules.groups for s in g.working_status}) or [""]
    params: list[object] = [*statuses]
    where = ""
    if unit_id:
        path = db.conn.execute("SELECT path FROM unit WHERE id = ?", (unit_id,)).fetchone()
        if path is None:
            raise NotFound(f"Không tìm thấy đơn vị {unit_id}")
        where = " AND p.unit_id IN (SELECT id FROM unit WHERE path >= ? AND path < ?)"
        params += [path[0], path[0] + "\uffff"]
    rows = db.conn.execute(
        "SELECT p.id, p.full_name, COALESCE(u.name, '') FROM person p"
        " LEFT JOIN unit u ON u.id = p.unit_id WHERE p.deleted = 0 AND (p.permanent_staff = 1"
        f" OR p.working_status IN ({', '.join('?' for _ in statuses)})"
        " OR EXISTS (SELECT 1 FROM planning pl WHERE pl.person_id = p.id AND pl.deleted = 0))"
        f"{where} ORDER BY p.name_key, p.id", params,
    ).fetchall()
    busy = rotations.open_rotations(db)
    names = labels(db)
    found = []
    for done, (pid, name, unit) in enumerate(rows):
        progress.step("Đang kiểm tra điều kiện", done, len(rows))
        if pid not in busy:
            found.append(Candidate(pid, name, unit, eligibility.check(
                person_facts(db, pid), rules, start, names)))
    # sorted() is stable, so the official name order stays within each rank.
    return sorted(found, key=lambda c: (c.check.count(FAIL), c.check.count(UNKNOWN)))


@dataclass
class Proposal:
    person_id: str
    start: dt.date
    end: dt.date
    host_unit_id: str | None = None
    host_unit_name: str = ""
    host_position: str = ""  # position code; empty: the group's first host post
    group_code: str | None = None  # empty: the group the check found
    note: str = ""


@dataclass(frozen=True)
class ProposalReview:
    check: EligibilityCheck
    issues: list[PlanIssue] = field(default_factory=list)
    quota: int = 0
    already_in_year: int = 0

    @property
    def blocking(self) -> list[PlanIssue]:
        return [i for i in self.issues if i.blocking]

    @property
    def warnings(self) -> list[PlanIssue]:
        return [i for i in self.issues if not i.blocking]


def review(db: Database, proposal: Proposal) -> ProposalReview:
    """The check and the plan's issues for a proposal, without writing anything."""
    rules = load_rules(db)
    check = check_person(db, proposal.person_id, proposal.start, rules)
    open_ = rotations.open_rotations(db)
    if proposal.person_id in open_:
        raise UserError("Người này đang có một đợt luân chuyển chưa kết thúc")
    plan = rotations.get_plan(db, proposal.start.year)
    quota = plan.quota if plan else rules.quota_per_year
    already = rotations.count_in_year(db, proposal.start.year)
    issues = plan_issues(proposal.start, proposal.end, already, quota, rules)
    problem = eligibility_issue(check)
    if problem:
        issues.insert(0, problem)
    return ProposalReview(check, issues, quota, already)


def ensure_plan(tx: Transaction, db: Database, year: int, rules: RotationRules) -> RotationPlan:
    plan = rotations.get_plan(db, year)
    return plan or rotations.insert_plan(tx, year, rules.quota_per_year, dt.date(year, 1, 1))


def save_plan(db: Database, year: int, quota: int, planned_start: dt.date | None = None,
              decision_no: str = "", note: str = "") -> RotationPlan:
    if quota < 0:
        raise InvalidInput("Số lượng cán bộ cử đi không được âm", "quota")
    if planned_start and planned_start.year != year:
        raise InvalidInput(f"Ngày bắt đầu dự kiến phải trong năm {year}", "planned_start")
    with db.write(f"Kế hoạch cử cán bộ đi cơ sở năm {year}") as tx:
        plan = rotations.get_plan(db, year)
        start = planned_start or dt.date(year, 1, 1)
        if plan is None:
            return rotations.insert_plan(tx, year, quota, start, text.clean(decision_no),
                                         text.clean(note))
        rotations.update_plan(tx, plan.id, {"quota": quota, "planned_start": start.isoformat(),
                                            "decision_no": text.clean(decision_no),
                                            "note": text.clean(note)})
    found = rotations.get_plan(db, year)
    assert found is not None
    return found


def propose(db: Database, proposal: Proposal, overrides: Iterable[Override] = ()) -> str:
    """Record a proposed rotation with its check, overrides and evaluation schedule."""
    host_name = text.clean(proposal.host_unit_name)
    if not proposal.host_unit_id and not host_name:
        raise InvalidInput("Cần chọn đơn vị tiếp nhận", "host_unit")
    rules = load_rules(db)
    result = review(db, proposal)
    given = [o.validated() for o in overrides]
    refused = unresolved(result.issues, given)
    if refused:
        raise RotationRefused(refused)
    needed = {i.kind for i in result.blocking}
    group_code = proposal.group_code or result.check.group_code or ""
    group = rules.group(group_code)
    position = proposal.host_position or (group.host_positions[0] if group and
                                          group.host_positions else "")
    name = people.get_person(db, proposal.person_id)
    full_name = name.values["full_name"] if name else proposal.person_id
    with db.write(f"Đề xuất cử {full_name} đi cơ sở") as tx:
        plan = ensure_plan(tx, db, proposal.start.year, rules)
        rotation_id = rotations.insert_rotation(tx, {
            "plan_id": plan.id, "person_id": proposal.person_id, "group_code": group_code,
            "host_unit_id": proposal.host_unit_id, "host_unit_name": host_name,
            "host_position": position, "planned_start": proposal.start.isoformat(),
            "planned_end": proposal.end.isoformat(), "status": "proposed",
            "eligible": int(result.check.eligible),
            "eligibility": _dump(result.check), "note": text.clean(proposal.note),
        })
        for override in given:
            if override.kind in needed:
                rotations.insert_override(tx, rotation_id, override)
        tx.insert_many("rotation_evaluation", rotation_evaluations.schedule_rows(
            rotation_id, schedule(proposal.start, proposal.end, rules.evaluation_every_months)))
    return rotation_id


def _dump(check: EligibilityCheck) -> str:
    return rule_settings.dump(check.to_json())


def stored_check(rotation: Rotation) -> EligibilityCheck | None:
    """The check made when the rotation was proposed."""
    data = json.loads(rotation.eligibility or "{}")
    return EligibilityCheck.from_json(data) if data.get("start") else None


def list_rotations(db: Database) -> list[Rotation]:
    """Every rotation of the office, by start date (the rotations page's list)."""
    return rotations.list_rotations(db)


def get(db: Database, rotation_id: str) -> Rotation:
    rotation = rotations.get_rotation(db, rotation_id)
    if rotation is None:
        raise NotFound(f"Không tìm thấy đợt luân chuyển {rotation_id}")
    return rotation


def _reschedule(tx: Transaction, db: Database, rotation_id: str) -> None:
    rotation = rotations.get_rotation(db, rotation_id)
    assert rotation is not None
    items = schedule(rotation.start, rotation.end, load_rules(db).evaluation_every_months)
    rotation_evaluations.sync_schedule(tx, db, rotation_id, items)


def approve(db: Database, rotation_id: str, decision_no: str, decision_date: dt.date) -> None:
    rotation = get(db, rotation_id)
    check_transition(rotation.status, "approved")
    if not text.clean(decision_no):
        raise InvalidInput("Cần số quyết định cử cán bộ", "decision_no")
    with db.write(f"Duyệt cử {rotation.full_name} đi cơ sở") as tx:
        rotations.update_rotation(tx, rotation_id, {
            "status": "approved", "decision_no": text.clean(decision_no),
            "decision_date": decision_date.isoformat()})


def start(db: Database, rotation_id: str, actual_start: dt.date | None = None) -> None:
    """The cadre has taken up the post; the schedule follows the actual start (the end
    stays as decided: a later start shortens the stay unless it is extended)."""
    rotation = get(db, rotation_id)
    check_transition(rotation.status, "active")
    day = actual_start or dt.date.fromisoformat(rotation.planned_start)
    if day > rotation.end:
        raise InvalidInput("Ngày bắt đầu thực tế sau ngày kết thúc", "actual_start")
    with db.write(f"{rotation.full_name} bắt đầu đi cơ sở") as tx:
        rotations.update_rotation(tx, rotation_id, {"status": "active",
                                                    "actual_start": day.isoformat()})
        _reschedule(tx, db, rotation_id)


def complete(db: Database, rotation_id: str) -> None:
    """The rotation ended on its (possibly extended or shortened) end date."""
    rotation = get(db, rotation_id)
    check_transition(rotation.status, "completed")
    with db.write(f"{rotation.full_name} kết thúc đợt đi cơ sở") as tx:
        rotations.update_rotation(tx, rotation_id, {"status": "completed",
                                                    "actual_end": rotation.planned_end})


def cancel(db: Database, rotation_id: str, reason: str) -> None:
    rotation = get(db, rotation_id)
    check_transition(rotation.status, "cancelled")
    if not text.clean(reason):
        raise InvalidInput("Cần ghi lý do hủy", "reason")
    with db.write(f"Hủy đợt đi cơ sở của {rotation.full_name}") as tx:
        rotations.update_rotation(tx, rotation_id, {"status": "cancelled",
                                                    "status_reason": text.clean(reason)})


def change_end(db: Database, rotation_id: str, new_end: dt.date, reason: str,
               decision_no: str = "", on: dt.date | None = None) -> str:
    """Extend (a later end) or end early (an earlier one), with a reason; the evaluations
    follow the new end. Returns the event kind."""
    rotation = get(db, rotation_id)
    if rotation.status not in ("proposed", "approved", "active"):
        raise UserError("Chỉ gia hạn hoặc kết thúc sớm một đợt chưa kết thúc")
    if not text.clean(reason):
        raise InvalidInput("Cần ghi lý do", "reason")
    if new_end < rotation.start:
        raise InvalidInput("Ngày kết thúc mới trước ngày bắt đầu", "new_end")
    if new_end == rotation.end:
        raise InvalidInput("Ngày kết thúc mới trùng ngày kết thúc hiện tại", "new_end")
    kind = "extension" if new_end > rotation.end else "early_end"
    verb = "Gia hạn" if kind == "extension" else "Kết thúc sớm"
    with db.write(f"{verb} đợt đi cơ sở của {rotation.full_name}") as tx:
        rotations.insert_event(tx, rotation_id, kind, on or dt.date.today(),
                               rotation.planned_end, new_end, text.clean(reason),
                               text.clean(decision_no))
        rotations.update_rotation(tx, rotation_id, {"planned_end": new_end.isoformat()})
        _reschedule(tx, db, rotation_id)
    return kind
