"""The rotation plan's thresholds and lists as settings (defaults: Tây Ninh plan 51-KH/TĐTN-TCKT).

A province with other rules edits these values; the rules in eligibility.py and
rotation_plan.py read them and hold no numbers of their own. Settings are stored one
key per row (store/rule_settings.py) as JSON; `from_settings` fills any key that is
missing with its default and refuses a value of the wrong type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain.errors import InvalidInput

SCOPE = "rotation"


@dataclass(frozen=True)
class GroupRule:
    """One target group (đối tượng) of the plan and the posts its cadres take at the host.

    A person belongs when every condition named holds: current position in
    member_positions, working status in working_status, planned for one of
    planned_positions (any planned post when empty) and, with planned_higher, for a post
    that ranks above the current one in RotationRules.position_rank.
    """

    code: str
    label: str
    member_positions: tuple[str, ...] = ()
    working_status: tuple[str, ...] = ()
    planned_positions: tuple[str, ...] = ()
    planned_higher: bool = False
    host_positions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v
                for k, v in dataclasses.asdict(self).items()}

    @classmethod
    def from_json(cls, data: object) -> GroupRule:
        if not isinstance(data, dict) or not isinstance(data.get("code"), str):
            raise InvalidInput(f"Đối tượng luân chuyển không hợp lệ: {data!r}")
        values: dict[str, Any] = {"code": data["code"], "label": str(data.get("label", ""))}
        for key in ("member_positions", "working_status", "planned_positions",
                    "host_positions"):
            values[key] = _codes(data.get(key, []), key)
        values["planned_higher"] = bool(data.get("planned_higher", False))
        return cls(**values)


GROUP_1 = GroupRule(
    code="1",
    label="Đối tượng 1: Ủy viên Ban Chấp hành chuyên trách, có quy hoạch vị trí cao hơn",
    member_positions=("pho_bi_thu_tt", "pho_bi_thu", "uv_btv", "uv_bch"),
    working_status=("chuyen_trach",),
    planned_higher=True,
    host_positions=("pho_bi_thu",),
)
GROUP_2 = GroupRule(
    code="2",
    label="Đối tượng 2: cán bộ được quy hoạch phó trưởng ban hoặc tương đương trở lên",
    planned_positions=("pho_truong_ban", "truong_ban", "uv_btv", "pho_bi_thu",
                       "pho_bi_thu_tt", "bi_thu"),
    host_positions=("uv_btv", "uv_bch"),
)


@dataclass(frozen=True)
class RotationRules:
    require_permanent_staff: bool = True
    party_statuses: tuple[str, ...] = ("dang_vien", "nguon")
    max_age: int = 30
    rating_years: int = 2
    min_rating_rank: int = 3  # rank of "Hoàn thành tốt nhiệm vụ" (and "Khá" before 2019)
    # Committee posts, highest first: "planned for a higher post" compares places here.
    position_rank: tuple[str, ...] = ("bi_thu", "pho_bi_thu_tt", "pho_bi_thu", "uv_btv",
                                      "uv_bch")
    groups: tuple[GroupRule, ...] = (GROUP_1, GROUP_2)
    quota_per_year: int = 2
    min_months: int = 12
    latest_start_quarter: int = 1
    evaluation_every_months: int = 6
    due_horizon_days: int = 30
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_settings(self) -> dict[str, Any]:
        """key -> JSON-able value, one stored row each."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name == "groups":
                value = [g.to_json() for g in value]
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> RotationRules:
        defaults = cls()
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name == "extra" or f.name not in values:
                continue
            raw = values[f.name]
            default = getattr(defaults, f.name)
            if f.name == "groups":
                if not isinstance(raw, list):
                    raise InvalidInput("Danh sách đối tượng luân chuyển phải là một danh sách")
                kwargs[f.name] = tuple(GroupRule.from_json(g) for g in raw)
            elif isinstance(default, bool):
                if not isinstance(raw, bool):
                    raise InvalidInput(f"Thiết lập '{f.name}' phải là đúng/sai")
                kwargs[f.name] = raw
            elif isinstance(default, int):
                if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                    raise InvalidInput(f"Thiết lập '{f.name}' phải là số nguyên không âm")
                kwargs[f.name] = raw
            else:
                kwargs[f.name] = _codes(raw, f.name)
        known = {f.name for f in dataclasses.fields(cls)}
        rules = cls(**kwargs, extra={k: v for k, v in values.items() if k not in known})
        rules.validate()
        return rules

    def validate(self) -> None:
        if self.rating_years < 1:
            raise InvalidInput("Số năm xếp loại cần xét phải từ 1 trở lên")
        if not 1 <= self.latest_start_quarter <= 4:
            raise InvalidInput("Quý bắt đầu phải từ 1 đến 4")
        if self.evaluation_every_months < 1:
            raise InvalidInput("Chu kỳ đánh giá phải từ 1 tháng trở lên")
        if len({g.code for g in self.groups}) != len(self.groups):
            raise InvalidInput("Mã đối tượng luân chuyển bị trùng")

    def group(self, code: str) -> GroupRule | None:
        return next((g for g in self.groups if g.code == code), None)


def _codes(raw: object, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple) or not all(isinstance(c, str) for c in raw):
        raise InvalidInput(f"Thiết lập '{key}' phải là danh sách mã")
    return tuple(raw)
