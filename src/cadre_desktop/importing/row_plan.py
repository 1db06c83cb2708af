"""What the check of one sheet row decided: the person to write, the lists' values, the
changes of an update, and the row's errors and warnings (importing.roster_check makes it,
importing.lookup_maps fills in the lists' codes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain.person import PersonInput


@dataclass
class RowPlan:
    row: int
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    person: PersonInput | None = None
    person_id: str | None = None  # the stored person this row updates
    set_position: bool = False
    position: str | None = None
    set_planning: bool = False
    planning: str | None = None
    planning_term: str = ""
    ratings: dict[int, str | None] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (once-key, warning)
    changed: list[str] = field(default_factory=list)  # fields an update changes
    stored: dict[str, Any] | None = None  # the stored person's row, for an update
    stored_position: str | None = None
    stored_plannings: list[tuple[str, str]] = field(default_factory=list)  # (code, term)
    stored_ratings: dict[int, str] = field(default_factory=dict)  # year -> level id

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def reason(self) -> str:
        return "; ".join(self.errors)
