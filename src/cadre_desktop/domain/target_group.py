"""Who a training programme is for, in terms of roster data.

A target group is a list of clauses; a person belongs when any clause matches, and a
clause matches when every condition it names holds:
  positions       current position is one of these codes
  unit_levels     ... at a unit whose level label is one of these (folded compare)
  working_status  working status is one of these codes
  planned         planned (quy hoạch) for one of these position codes
Example, "Bí thư Đoàn cơ sở and those planned for it":
  [{"positions": ["bi_thu"], "unit_levels": ["Đoàn cơ sở"]}, {"planned": ["bi_thu"]}]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput

KEYS = ("positions", "unit_levels", "working_status", "planned")


@dataclass(frozen=True)
class Clause:
    positions: tuple[str, ...] = ()
    unit_levels: tuple[str, ...] = ()
    working_status: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonFacts:
    """The least a match needs to know about one person."""

    positions: frozenset[tuple[str, str]] = frozenset()  # (position code, unit level label)
    working_status: str | None = None
    planned: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TargetGroup:
    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    @property
    def everyone(self) -> bool:
        return not self.clauses

    def to_json(self) -> str:
        return json.dumps(
            [{k: list(getattr(c, k)) for k in KEYS if getattr(c, k)} for c in self.clauses],
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, raw: str) -> TargetGroup:
        try:
            data = json.loads(raw or "[]")
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"Đối tượng của chương trình không đọc được: {exc}") from exc
        if not isinstance(data, list):
            raise InvalidInput("Đối tượng của chương trình phải là một danh sách điều kiện")
        clauses = []
        for item in data:
            if not isinstance(item, dict) or set(item) - set(KEYS):
                raise InvalidInput(f"Điều kiện không hợp lệ: {item!r}")
            values = {}
            for key in KEYS:
                codes = item.get(key, [])
                if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                    raise InvalidInput(f"Điều kiện '{key}' phải là danh sách mã")
                values[key] = tuple(codes)
            clauses.append(Clause(**values))
        return cls(tuple(clauses))


def _clause_matches(clause: Clause, facts: PersonFacts) -> bool:
    if clause.positions or clause.unit_levels:
        levels = {text.fold(level) for level in clause.unit_levels}
        if not any(
            (not clause.positions or code in clause.positions)
            and (not levels or text.fold(level) in levels)
            for code, level in facts.positions
        ):
            return False
    if clause.working_status and facts.working_status not in clause.working_status:
        return False
    return not clause.planned or bool(facts.planned & set(clause.planned))


def matches(group: TargetGroup, facts: PersonFacts) -> bool:
    return group.everyone or any(_clause_matches(c, facts) for c in group.clauses)


def describe(group: TargetGroup, labels: dict[str, str]) -> str:
    """A sentence a clerk understands, from code labels (positions, statuses)."""
    if group.everyone:
        return "Mọi đoàn viên, cán bộ"

    def names(codes: Iterable[str]) -> str:
        return ", ".join(labels.get(c, c) for c in codes)

    parts = []
    for clause in group.clauses:
        bits = []
        if clause.positions:
            bits.append(names(clause.positions))
        if clause.unit_levels:
            bits.append("ở cấp " + ", ".join(clause.unit_levels))
        if clause.working_status:
            bits.append("cán bộ " + names(clause.working_status).lower())
        if clause.planned:
            bits.append("được quy hoạch " + names(clause.planned))
        parts.append(" ".join(bits))
    return "; hoặc ".join(parts)
