"""The yearly plan's limits on a proposed rotation, and Standing Committee overrides.

Blocking issues (a third cadre in a year with a quota of 2, a rotation shorter than 12
months, a person who is not eligible) refuse the proposal unless an override records the
Standing Committee's decision number, date and reason. A start after the first quarter
only warns (the plan says "bắt đầu từ quý I hằng năm": a custom, not a limit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.eligibility import EligibilityCheck
from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.domain.evaluation_schedule import lasts_at_least, quarter
from cadre_desktop.domain.rotation_rules import RotationRules

QUOTA, DURATION, ELIGIBILITY, START_QUARTER = "quota", "duration", "eligibility", "start_quarter"
OVERRIDE_KINDS = (ELIGIBILITY, QUOTA, DURATION)
OVERRIDE_LABELS = {
    ELIGIBILITY: "Cử đi dù chưa đủ điều kiện",
    QUOTA: "Vượt số lượng cán bộ cử đi trong năm",
    DURATION: "Thời gian ngắn hơn quy định",
}

STATUSES = ("proposed", "approved", "active", "completed", "cancelled")
STATUS_LABELS = {
    "proposed": "Đề xuất",
    "approved": "Đã duyệt",
    "active": "Đang thực hiện",
    "completed": "Đã kết thúc",
    "cancelled": "Đã hủy",
}
_NEXT = {
    "proposed": ("approved", "cancelled"),
    "approved": ("active", "cancelled"),
    "active": ("completed", "cancelled"),
    "completed": (),
    "cancelled": (),
}


@dataclass(frozen=True)
class Override:
    kind: str
    decision_no: str
    decision_date: dt.date
    reason: str

    def validated(self) -> Override:
        if self.kind not in OVERRIDE_KINDS:
            raise InvalidInput(f"Loại ngoại lệ '{self.kind}' không hợp lệ", "kind")
        number, reason = text.clean(self.decision_no), text.clean(self.reason)
        if not number:
            raise InvalidInput("Cần số quyết định của Ban Thường vụ", "decision_no")
        if not reason:
            raise InvalidInput("Cần ghi lý do của ngoại lệ", "reason")
        return Override(self.kind, number, self.decision_date, reason)


@dataclass(frozen=True)
class PlanIssue:
    kind: str
    message: str
    blocking: bool


class RotationRefused(UserError):
    """A proposal refused by blocking issues that no override covers."""

    def __init__(self, issues: list[PlanIssue]) -> None:
        super().__init__("Không thể đề xuất: " + "; ".join(i.message for i in issues))
        self.issues = issues


def plan_issues(start: dt.date, end: dt.date, already_in_year: int, quota: int,
                rules: RotationRules) -> list[PlanIssue]:
    """Issues of the yearly plan for one more rotation from start to end."""
    if end < start:
        raise InvalidInput(f"Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}",
                           "end")
    issues = []
    if already_in_year >= quota:
        issues.append(PlanIssue(QUOTA, f"Năm {start.year} đã có {already_in_year} cán bộ được "
                                f"cử đi, tối đa {quota} cán bộ/năm", True))
    if not lasts_at_least(start, end, rules.min_months):
        issues.append(PlanIssue(DURATION, f"Thời gian từ {start:%d/%m/%Y} đến {end:%d/%m/%Y} "
                                f"ngắn hơn {rules.min_months} tháng", True))
    if quarter(start) > rules.latest_start_quarter:
        issues.append(PlanIssue(START_QUARTER, f"Bắt đầu ở quý {quarter(start)}, kế hoạch "
                                f"bắt đầu từ quý {rules.latest_start_quarter} hằng năm", False))
    return issues


def eligibility_issue(check: EligibilityCheck) -> PlanIssue | None:
    if check.eligible:
        return None
    reasons = "; ".join(f"{r.title or r.rule}: {r.detail}" for r in check.problems())
    return PlanIssue(ELIGIBILITY, f"Chưa đủ điều kiện ({reasons})", True)


def unresolved(issues: Iterable[PlanIssue], overrides: Iterable[Override]) -> list[PlanIssue]:
    covered = {o.kind for o in overrides}
    return [i for i in issues if i.blocking and i.kind not in covered]


def check_transition(old: str, new: str) -> None:
    if new not in _NEXT.get(old, ()):
        raise UserError(f"Không thể chuyển đợt luân chuyển từ '{STATUS_LABELS.get(old, old)}' "
                        f"sang '{STATUS_LABELS.get(new, new)}'")
