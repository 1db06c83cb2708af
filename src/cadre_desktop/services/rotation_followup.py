"""Following a rotation up: the cadre's reports and the host unit's evaluations, what is
due or overdue (member self-evaluations included), and one rotation's summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import EligibilityCheck
from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.domain.evaluation_schedule import FINAL
from cadre_desktop.domain.rotation_plan import OVERRIDE_LABELS, STATUS_LABELS
from cadre_desktop.services import member_programme
from cadre_desktop.services.rotation import get, labels, load_rules, stored_check
from cadre_desktop.store import lookups, rotation_evaluations, rotations
from cadre_desktop.store.db import Database
from cadre_desktop.store.rotation_evaluations import (
    RotationEvaluation as RotationEvaluation,  # the pages' type
)
from cadre_desktop.store.rotations import OverrideRecord, Rotation, RotationEvent

KIND_PERIODIC = "rotation_6m"
KIND_FINAL = "rotation_final"
KIND_MEMBER = "member_self_evaluation"


def get_evaluation(db: Database, evaluation_id: str) -> RotationEvaluation:
    found = rotation_evaluations.get_evaluation(db, evaluation_id)
    if found is None:
        raise NotFound(f"Không tìm thấy lần đánh giá {evaluation_id}")
    return found


def record_report(db: Database, evaluation_id: str, received: dt.date, summary: str) -> None:
    """The cadre's written report for this period has arrived."""
    evaluation = get_evaluation(db, evaluation_id)
    rotation = get(db, evaluation.rotation_id)
    with db.write(f"Nhận báo cáo của {rotation.full_name}") as tx:
        rotation_evaluations.update_evaluation(tx, evaluation_id, {
            "report_received": received.isoformat(), "report_summary": text.clean(summary)})


def record_host_evaluation(db: Database, evaluation_id: str, level: str, comments: str,
                           evaluator: str, on: dt.date) -> None:
    """The host unit's evaluation on the four-level scale; `level` is a rating level id,
    code or label of the scale in force in the year of `on`."""
    evaluation = get_evaluation(db, evaluation_id)
    rotation = get(db, evaluation.rotation_id)
    known = {lv.id for lv in lookups.rating_levels(db)}
    if level in known:
        level_id = level
    else:
        found = lookups.rating_level_for(db, on.year, level)
        if found is None:
            raise InvalidInput(f"Mức đánh giá '{level}' không có trong thang năm {on.year}",
                               "level")
        level_id = found.id
    with db.write(f"Đơn vị tiếp nhận đánh giá {rotation.full_name}") as tx:
        rotation_evaluations.update_evaluation(tx, evaluation_id, {
            "host_level_id": level_id, "host_comments": text.clean(comments),
            "evaluator": text.clean(evaluator), "host_evaluated_on": on.isoformat()})


@dataclass(frozen=True)
class DueItem:
    kind: str  # KIND_PERIODIC, KIND_FINAL or KIND_MEMBER
    person_id: str
    full_name: str
    due: dt.date
    overdue: bool
    missing: tuple[str, ...]  # 'report', 'host_evaluation', 'self_evaluation'
    reference_id: str  # the rotation evaluation's id, or the member's registration id
    round: int  # the evaluation's number in its schedule

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "person_id": self.person_id, "full_name": self.full_name,
                "due": self.due.isoformat(), "overdue": self.overdue,
                "missing": list(self.missing), "round": self.round}


def due_items(db: Database, on: dt.date | None = None,
              within_days: int | None = None) -> list[DueItem]:
    """Evaluations not yet done that were due before `on` (overdue) or fall due within the
    next `within_days` days (the rotation rules' horizon by default), oldest first."""
    on = on or dt.date.today()
    horizon = load_rules(db).due_horizon_days if within_days is None else within_days
    if horizon < 0:
        raise InvalidInput("Số ngày phải không âm", "within_days")
    until = on + dt.timedelta(days=horizon)
    items: list[DueItem] = []
    for pending in rotation_evaluations.pending(db, until):
        e = pending.evaluation
        missing = tuple(m for m, done in (("report", e.report_done),
                                          ("host_evaluation", e.host_done)) if not done)
        items.append(DueItem(KIND_FINAL if e.kind == FINAL else KIND_PERIODIC,
                             pending.person_id, pending.full_name, e.due, e.due < on,
                             missing, e.id, e.seq))
    for member in member_programme.due_self_evaluations(db, until):
        items.append(DueItem(KIND_MEMBER, member.person_id, member.full_name, member.due,
                             member.due < on, ("self_evaluation",), member.registration_id,
                             member.round))
    items.sort(key=lambda i: (i.due, i.kind))
    return items


def rotation_rows(db: Database) -> list[dict[str, Any]]:
    """`rotation list --json`: every rotation by start date."""
    names = labels(db)
    return [
        {"id": r.id, "person_id": r.person_id, "full_name": r.full_name,
         "host_unit": r.host_unit, "host_position": names.get(r.host_position, r.host_position),
         "host_position_code": r.host_position,
         "start": r.start.isoformat(), "end": r.end.isoformat(), "status": r.status,
         "year": r.year, "eligible": r.eligible}
        for r in rotations.list_rotations(db)
    ]


@dataclass
class RotationSummary:
    rotation: Rotation
    check: EligibilityCheck | None
    overrides: list[OverrideRecord]
    events: list[RotationEvent]
    evaluations: list[RotationEvaluation]
    lines: list[str] = field(default_factory=list)  # a plain-text report, Vietnamese


def summary(db: Database, rotation_id: str, on: dt.date | None = None) -> RotationSummary:
    rotation = get(db, rotation_id)
    on = on or dt.date.today()
    names = labels(db)
    result = RotationSummary(rotation, stored_check(rotation),
                             rotations.list_overrides(db, rotation_id),
                             rotations.list_events(db, rotation_id),
                             rotation_evaluations.list_for(db, rotation_id))
    group = load_rules(db).group(rotation.group_code)
    lines = result.lines
    lines.append(f"Cán bộ: {rotation.full_name}")
    if group:
        lines.append(group.label)
    lines.append(f"Nơi đến: {rotation.host_unit}, vị trí "
                 f"{names.get(rotation.host_position, rotation.host_position) or '(chưa ghi)'}")
    lines.append(f"Thời gian: {format_date(rotation.start)} – {format_date(rotation.end)}; "
                 f"trạng thái: {STATUS_LABELS.get(rotation.status, rotation.status)}")
    if rotation.decision_no:
        decided = dt.date.fromisoformat(rotation.decision_date) if rotation.decision_date \
            else None
        lines.append(f"Quyết định số {rotation.decision_no} ngày {format_date(decided)}")
    if result.check:
        verdict = "đủ điều kiện" if result.check.eligible else "chưa đủ điều kiện"
        lines.append(f"Kiểm tra điều kiện khi đề xuất ({format_date(result.check.start)}): "
                     f"{verdict}")
        lines.extend(f"  - {r.title or r.rule}: {r.detail}" for r in result.check.problems())
    for record in result.overrides:
        o = record.override
        lines.append(f"Ngoại lệ ({OVERRIDE_LABELS.get(o.kind, o.kind)}): quyết định "
                     f"{o.decision_no} ngày {format_date(o.decision_date)} – {o.reason}")
    for event in result.events:
        verb = "Gia hạn" if event.kind == "extension" else "Kết thúc sớm"
        lines.append(f"{verb} đến {format_date(dt.date.fromisoformat(event.new_end))}: "
                     f"{event.reason}")
    for e in result.evaluations:
        kind = "Đánh giá kết thúc" if e.kind == FINAL else f"Đánh giá định kỳ lần {e.seq}"
        report = (f"báo cáo nhận {format_date(dt.date.fromisoformat(e.report_received))}"
                  if e.report_received else "chưa có báo cáo")
        host = f"đơn vị đánh giá: {e.host_level}" if e.host_done else "đơn vị chưa đánh giá"
        late = " (quá hạn)" if not e.done and e.due < on else ""
        lines.append(f"{kind}, hạn {format_date(e.due)}: {report}; {host}{late}")
    return result
