"""Targets (chỉ tiêu) of a plan: what each kind counts, over which dates, and when it is met.

Kinds, each computed from the records and never typed in:
  coverage  people of a target group who hold result `completed` in a class of one of the
            named programmes whose end date lies in the window (goal: a share, 0-1)
  share     people of a target group holding an attribute, e.g. political theory
            trung cấp or above (goal: a share, 0-1)
  count     classes held, enrolments ("lượt") or completions whose class ended in the
            window, optionally of some programmes and, for people, of a target group
            (goal: a number)
  budget    money spent by the classes that ended in the window against the estimate of
            the plan's yearly plans in it (goal: a share of the estimate, usually 1)
A target is met when its value reaches the goal, or, for an `at_most` target (a budget
ceiling), when it does not exceed it. A share over nobody has no value and is not met.

The window: the plan's period (or the target's own dates) up to the reporting date; a
`year` target counts over the calendar year of the reporting date within that period.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.target_group import TargetGroup

KINDS = {"coverage": "Tỷ lệ được bồi dưỡng", "share": "Tỷ lệ đạt chuẩn",
         "count": "Số lượng", "budget": "Kinh phí"}
FRACTION_KINDS = ("coverage", "share", "budget")
PEOPLE_KINDS = ("coverage", "share")
MEASURES = {"classes": "lớp", "enrolments": "lượt học viên", "completions": "lượt hoàn thành"}
PERIODS = {"plan": "Cả giai đoạn", "year": "Hằng năm"}

# Person attributes a share target may ask for; ordered ones (their list's order in the
# office's lookups, lowest first) allow "at least".
ATTRIBUTE_FIELDS = {"theory_level": "Lý luận chính trị", "education": "Trình độ học vấn",
                    "party_status": "Đảng viên", "working_status": "Chế độ công tác"}
ORDERED_FIELDS = ("theory_level", "education")


@dataclass(frozen=True)
class Attribute:
    """What a share target's people must hold: `field` at least `at_least` (by the list's
    order), or one of `codes`."""

    field: str = ""
    at_least: str = ""
    codes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.field

    def to_json(self) -> str:
        if self.empty:
            return "{}"
        data: dict[str, Any] = {"field": self.field}
        if self.at_least:
            data["at_least"] = self.at_least
        if self.codes:
            data["codes"] = list(self.codes)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> Attribute:
        try:
            data = json.loads(raw or "{}")
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"Tiêu chí của chỉ tiêu không đọc được: {exc}") from exc
        if not isinstance(data, dict) or set(data) - {"field", "at_least", "codes"}:
            raise InvalidInput(f"Tiêu chí của chỉ tiêu không hợp lệ: {raw}")
        if not data:
            return cls()
        name = data.get("field")
        if name not in ATTRIBUTE_FIELDS:
            raise InvalidInput(f"Tiêu chí '{name}' không được hỗ trợ", "attribute")
        at_least = data.get("at_least", "")
        codes = data.get("codes", [])
        if not isinstance(at_least, str) or not isinstance(codes, list) \
                or not all(isinstance(c, str) for c in codes):
            raise InvalidInput("Tiêu chí của chỉ tiêu phải là mã trong danh mục", "attribute")
        if at_least and name not in ORDERED_FIELDS:
            raise InvalidInput(f"'{ATTRIBUTE_FIELDS[name]}' không có thứ bậc để so sánh",
                               "attribute")
        if bool(at_least) == bool(codes):
            raise InvalidInput("Tiêu chí cần một mức tối thiểu hoặc một danh sách mã",
                               "attribute")
        return cls(name, at_least, tuple(codes))

    def qualifying(self, ordered_codes: list[str]) -> list[str]:
        """The codes that count, given the field's list in its order (lowest first)."""
        if self.codes:
            return list(self.codes)
        if self.at_least not in ordered_codes:
            raise InvalidInput(f"Mức '{self.at_least}' không có trong danh mục", "attribute")
        return ordered_codes[ordered_codes.index(self.at_least):]


@dataclass
class TargetInput:
    name: str
    kind: str
    goal: float
    at_most: bool = False
    target_group: TargetGroup = field(default_factory=TargetGroup)
    programmes: tuple[str, ...] = ()
    attribute: Attribute = field(default_factory=Attribute)
    measure: str = ""
    period: str = "plan"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    sort_order: int = 0

    def columns(self) -> dict[str, Any]:
        name = text.clean(self.name)
        if not name:
            raise InvalidInput("Tên chỉ tiêu không được để trống", "name")
        if self.kind not in KINDS:
            raise InvalidInput(f"Loại chỉ tiêu '{self.kind}' không hợp lệ", "kind")
        if self.period not in PERIODS:
            raise InvalidInput(f"Kỳ tính '{self.period}' không hợp lệ", "period")
        self._check_goal()
        if self.kind == "coverage" and not self.programmes:
            raise InvalidInput("Chỉ tiêu bồi dưỡng cần ít nhất một chương trình", "programmes")
        if self.kind == "share" and self.attribute.empty:
            raise InvalidInput("Chỉ tiêu tỷ lệ cần một tiêu chí (ví dụ trình độ lý luận "
                               "chính trị)", "attribute")
        if self.kind == "count" and self.measure not in MEASURES:
            raise InvalidInput("Chỉ tiêu số lượng cần đếm lớp, lượt học viên hoặc lượt "
                               "hoàn thành", "measure")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise InvalidInput("Ngày kết thúc của chỉ tiêu phải sau ngày bắt đầu", "end_date")
        return {
            "name": name, "kind": self.kind, "goal": float(self.goal),
            "at_most": int(self.at_most), "target_group": self.target_group.to_json(),
            "programmes": json.dumps(list(dict.fromkeys(self.programmes))),
            "attribute": self.attribute.to_json() if self.kind == "share" else "{}",
            "measure": self.measure if self.kind == "count" else "",
            "period": self.period,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "sort_order": int(self.sort_order),
        }

    def _check_goal(self) -> None:
        goal = self.goal
        if isinstance(goal, bool) or not isinstance(goal, int | float) \
                or not math.isfinite(goal):
            raise InvalidInput("Chỉ tiêu phải là một số", "goal")
        if goal <= 0:
            raise InvalidInput("Chỉ tiêu phải lớn hơn 0", "goal")
        if self.kind in ("coverage", "share") and goal > 1:
            raise InvalidInput("Tỷ lệ chỉ tiêu là một phân số từ 0 đến 1 (90% là 0,9)", "goal")
        if self.kind == "count" and goal != int(goal):
            raise InvalidInput("Chỉ tiêu số lượng là một số nguyên", "goal")


def parse_programmes(raw: str) -> tuple[str, ...]:
    try:
        data = json.loads(raw or "[]")
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"Danh sách chương trình không đọc được: {exc}") from exc
    if not isinstance(data, list) or not all(isinstance(i, str) for i in data):
        raise InvalidInput("Danh sách chương trình phải là danh sách mã")
    return tuple(data)


def window(start: dt.date, end: dt.date, period: str, on: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a target counts over on the reporting date `on`: [start, min(end, on)],
    or for a yearly target the calendar year of min(on, end) within [start, end]. The
    window is empty (from after to) when `on` is before it begins."""
    if period == "year":
        year = min(on, end).year
        start = max(start, dt.date(year, 1, 1))
        end = min(end, dt.date(year, 12, 31))
    return start, min(end, on)


def ratio(numerator: int, denominator: int | None) -> float | None:
    if not denominator:
        return None
    return numerator / denominator


def is_met(value: float | None, goal: float, at_most: bool = False) -> bool:
    if value is None:
        return False
    # Shares are compared after rounding away float noise (9/10 must meet 0.9).
    value, goal = round(value, 9), round(goal, 9)
    return value <= goal if at_most else value >= goal


def percent(value: float | None, digits: int = 1) -> str:
    """'87,5%', '90%'; '—' when there is no value."""
    if value is None:
        return "—"
    shown = f"{value * 100:.{digits}f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") + "%"


def count_text(value: float) -> str:
    """A whole number with Vietnamese grouping: 1.440."""
    return f"{round(value):,}".replace(",", ".")
