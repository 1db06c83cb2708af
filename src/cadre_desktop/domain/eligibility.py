"""Who may be sent on a rotation: each condition of the plan as a rule with a reason.

Every rule answers pass, fail or unknown (the data it needs is missing) with a sentence
a clerk understands. A person is eligible when every rule passes; unknown is not a pass.

Readings of the plan (51-KH/TĐTN-TCKT, part II) fixed here:
- Age: completed years on the start date from the full birth date, so the 30th birthday
  on the start date is 30 (passes "at most 30") and the 31st is 31 (fails). With only a
  birth year (or month and year) the age is counted by year and the detail says so.
- Ratings: the N calendar years before the start year (2023 and 2024 for a start in
  2025). A year below the minimum fails; otherwise a year without a rating is unknown.
- Discipline and deferral dates are the last day the restriction applies ("kỷ luật đến",
  "tạm hoãn cử đi cơ sở đến", as the roster file says). A restriction ending on the
  start date still applies that day, so it fails; one ending the day before passes.
  A blank date means no restriction recorded, which passes.
- The deferral covers pregnancy and a child under 24 months without saying why, and its
  detail never says why either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain.dates import PartialDate, age_on
from cadre_desktop.domain.rotation_rules import GroupRule, RotationRules

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
RESULTS = (PASS, FAIL, UNKNOWN)

_TERM_YEARS = re.compile(r"(\d{4})\D+(\d{4})")


@dataclass(frozen=True)
class RatingFact:
    rank: int
    label: str


@dataclass(frozen=True)
class PersonFacts:
    """The least the rules need to know about one person (no medical facts)."""

    birth: PartialDate | None = None
    permanent_staff: bool | None = None
    party_status: str | None = None
    working_status: str | None = None
    current_position: str | None = None
    planned: tuple[tuple[str, str], ...] = ()  # (position code, term such as "2022–2027")
    ratings: dict[int, RatingFact] = field(default_factory=dict)
    discipline_until: dt.date | None = None
    no_rotation_until: dt.date | None = None


@dataclass(frozen=True)
class RuleResult:
    rule: str
    result: str  # PASS, FAIL or UNKNOWN
    detail: str
    title: str = ""

    def to_json(self) -> dict[str, str]:
        return {"rule": self.rule, "result": self.result, "detail": self.detail,
                "title": self.title}


@dataclass(frozen=True)
class EligibilityCheck:
    start: dt.date
    results: tuple[RuleResult, ...]
    group_code: str | None = None

    @property
    def eligible(self) -> bool:
        return all(r.result == PASS for r in self.results)

    def count(self, result: str) -> int:
        return sum(r.result == result for r in self.results)

    def problems(self) -> list[RuleResult]:
        return [r for r in self.results if r.result != PASS]

    def to_json(self) -> dict[str, Any]:
        return {"eligible": self.eligible, "start": self.start.isoformat(),
                "group": self.group_code, "rules": [r.to_json() for r in self.results]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EligibilityCheck:
        results = tuple(RuleResult(r["rule"], r["result"], r["detail"], r.get("title", ""))
                        for r in data.get("rules", []))
        return cls(dt.date.fromisoformat(data["start"]), results, data.get("group"))


Labels = Mapping[str, str]
Rule = Callable[[PersonFacts, RotationRules, dt.date, Labels], RuleResult]


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _names(codes: tuple[str, ...], labels: Labels) -> str:
    return ", ".join(labels.get(c, c) for c in codes)


def permanent_staff(facts: PersonFacts, rules: RotationRules, start: dt.date,
                    labels: Labels) -> RuleResult:
    title = "Trong biên chế"
    if not rules.require_permanent_staff:
        return RuleResult("permanent_staff", PASS, "Kế hoạch không yêu cầu biên chế", title)
    if facts.permanent_staff is None:
        return RuleResult("permanent_staff", UNKNOWN, "Chưa ghi có trong biên chế hay không",
                          title)
    if facts.permanent_staff:
        return RuleResult("permanent_staff", PASS, "Là cán bộ trong biên chế", title)
    return RuleResult("permanent_staff", FAIL, "Không trong biên chế của cơ quan", title)


def party(facts: PersonFacts, rules: RotationRules, start: dt.date,
          labels: Labels) -> RuleResult:
    title = "Đảng viên hoặc nguồn phát triển đảng"
    wanted = _names(rules.party_statuses, labels)
    if facts.party_status is None:
        return RuleResult("party", UNKNOWN, f"Chưa ghi thông tin đảng (cần: {wanted})", title)
    label = labels.get(facts.party_status, facts.party_status)
    if facts.party_status in rules.party_statuses:
        return RuleResult("party", PASS, f"Là {label}", title)
    return RuleResult("party", FAIL, f"Là {label}, không thuộc {wanted}", title)


def age(facts: PersonFacts, rules: RotationRules, start: dt.date, labels: Labels) -> RuleResult:
    title = f"Không quá {rules.max_age} tuổi"
    if facts.birth is None:
        return RuleResult("age", UNKNOWN, "Chưa có ngày sinh", title)
    years = age_on(facts.birth, start)
    verdict = PASS if years <= rules.max_age else FAIL
    limit = (f"không quá {rules.max_age} tuổi" if verdict == PASS
             else f"quá {rules.max_age} tuổi")
    if facts.birth.is_full:
        detail = f"{years} tuổi vào ngày {_d(start)} (sinh {facts.birth.display()}), {limit}"
    else:
        detail = (f"{years} tuổi tính theo năm {start.year} (ngày sinh chưa đầy đủ: "
                  f"{facts.birth.display()}), {limit}. Lưu ý: chỉ tính theo năm, cần ngày "
                  "sinh đầy đủ để chắc chắn")
    return RuleResult("age", verdict, detail, title)


def rating(facts: PersonFacts, rules: RotationRules, start: dt.date,
           labels: Labels) -> RuleResult:
    n = rules.rating_years
    title = f"Hoàn thành tốt nhiệm vụ trở lên {n} năm liền trước"
    years = list(range(start.year - n, start.year))
    missing = [y for y in years if y not in facts.ratings]
    low = [y for y in years
           if y not in missing and facts.ratings[y].rank < rules.min_rating_rank]
    if low:
        detail = "; ".join(f"năm {y} xếp loại {facts.ratings[y].label}" for y in low)
        return RuleResult("rating", FAIL, f"{detail[0].upper()}{detail[1:]}, "
                          "dưới mức Hoàn thành tốt nhiệm vụ", title)
    if missing:
        return RuleResult("rating", UNKNOWN, "Chưa có xếp loại năm "
                          + ", ".join(str(y) for y in missing), title)
    detail = "; ".join(f"năm {y}: {facts.ratings[y].label}" for y in years)
    return RuleResult("rating", PASS, detail[0].upper() + detail[1:], title)


def discipline(facts: PersonFacts, rules: RotationRules, start: dt.date,
               labels: Labels) -> RuleResult:
    title = "Không trong thời gian kỷ luật hoặc xem xét kỷ luật"
    until = facts.discipline_until
    if until is None:
        return RuleResult("discipline", PASS, "Không có kỷ luật hoặc xem xét kỷ luật", title)
    if until >= start:
        return RuleResult("discipline", FAIL, "Đang thi hành hoặc xem xét kỷ luật đến hết ngày "
                          f"{_d(until)}, chưa hết vào ngày bắt đầu {_d(start)}", title)
    return RuleResult("discipline", PASS, f"Kỷ luật đã hết từ sau ngày {_d(until)}", title)


def deferral(facts: PersonFacts, rules: RotationRules, start: dt.date,
             labels: Labels) -> RuleResult:
    title = "Không trong thời gian tạm hoãn cử đi cơ sở"
    until = facts.no_rotation_until
    if until is None:
        return RuleResult("deferral", PASS, "Không có tạm hoãn", title)
    if until >= start:
        return RuleResult("deferral", FAIL, f"Tạm hoãn cử đi cơ sở đến hết ngày {_d(until)}; "
                          f"có thể cử đi từ ngày {_d(until + dt.timedelta(days=1))}", title)
    return RuleResult("deferral", PASS, f"Tạm hoãn đã hết sau ngày {_d(until)}", title)


def term_covers(term: str, year: int) -> bool:
    """Whether a planning term such as '2022–2027' includes the year; an unreadable or
    empty term is taken as current."""
    match = _TERM_YEARS.search(term or "")
    if not match:
        return True
    return int(match.group(1)) <= year <= int(match.group(2))


def _group_matches(group: GroupRule, facts: PersonFacts, rules: RotationRules,
                   planned: list[str]) -> bool | None:
    """True/False, or None when only a missing working status stands in the way."""
    if group.member_positions and facts.current_position not in group.member_positions:
        return False
    wanted = [c for c in planned if not group.planned_positions or c in group.planned_positions]
    if group.planned_higher:
        rank = rules.position_rank
        here = rank.index(facts.current_position) if facts.current_position in rank else None
        wanted = [c for c in wanted if c in rank and (here is None or rank.index(c) < here)]
    if not wanted:
        return False
    if group.working_status and facts.working_status not in group.working_status:
        return None if facts.working_status is None else False
    return True


def match_group(facts: PersonFacts, rules: RotationRules, start: dt.date) -> GroupRule | None:
    planned = [c for c, term in facts.planned if term_covers(term, start.year)]
    return next((g for g in rules.groups if _group_matches(g, facts, rules, planned)), None)


def planning(facts: PersonFacts, rules: RotationRules, start: dt.date,
             labels: Labels) -> RuleResult:
    title = "Trong quy hoạch chức danh cao hơn"
    current = [(c, t) for c, t in facts.planned if term_covers(t, start.year)]
    if not current:
        expired = [f"{labels.get(c, c)} ({t})" for c, t in facts.planned]
        detail = ("Quy hoạch " + ", ".join(expired) + f" không còn hiệu lực năm {start.year}"
                  if expired else "Chưa có trong quy hoạch chức danh cao hơn")
        return RuleResult("planning", FAIL, detail + "; chỉ cử đi khi Ban Thường vụ quyết định",
                          title)
    planned_text = ", ".join(f"{labels.get(c, c)}" + (f" ({t})" if t else "") for c, t in current)
    group = match_group(facts, rules, start)
    if group is not None:
        return RuleResult("planning", PASS, f"{group.label}; quy hoạch {planned_text}; vị trí "
                          f"tiếp nhận: {_names(group.host_positions, labels)}", title)
    codes = [c for c, _t in current]
    if any(_group_matches(g, facts, rules, codes) is None for g in rules.groups):
        return RuleResult("planning", UNKNOWN, f"Quy hoạch {planned_text}; chưa ghi chế độ "
                          "công tác để xác định đối tượng", title)
    return RuleResult("planning", FAIL, f"Quy hoạch {planned_text} nhưng không thuộc đối tượng "
                      "nào của kế hoạch; chỉ cử đi khi Ban Thường vụ quyết định", title)


RULES: tuple[Rule, ...] = (permanent_staff, party, age, rating, discipline, deferral, planning)


def check(facts: PersonFacts, rules: RotationRules, start: dt.date,
          labels: Labels | None = None) -> EligibilityCheck:
    labels = labels or {}
    results = tuple(rule(facts, rules, start, labels) for rule in RULES)
    group = match_group(facts, rules, start)
    return EligibilityCheck(start, results, group.code if group else None)
