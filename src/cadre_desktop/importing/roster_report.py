"""What a roster import did (or, in a dry run, would do): the report and its JSON.

Row numbers are the sheet rows the clerk sees. Every person row has an outcome: new,
changed (with the fields that change), unchanged, or rejected (with the reason); `updated`
counts the changed rows only, so re-importing an unchanged export updates nobody. Units
the file names that do not exist are listed with the nearest existing names in every
report, dry runs and refused runs included, so that a typo is caught before it becomes a
unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"
MATCH_CODE, MATCH_ID_NUMBER = "code", "id-number"
MATCHES = (MATCH_CODE, MATCH_ID_NUMBER)


@dataclass(slots=True)
class RowIssue:
    row: int
    message: str


@dataclass(slots=True)
class RowOutcome:
    row: int
    status: str  # NEW, CHANGED, UNCHANGED or REJECTED
    fields: tuple[str, ...] = ()  # for CHANGED: the field keys (headers.py) that change
    reason: str = ""  # for REJECTED
    person_id: str | None = None  # the stored person the row updates (or would)

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"row": self.row, "status": self.status}
        if self.status == CHANGED:
            document["fields"] = list(self.fields)
        if self.person_id is not None:
            document["id"] = self.person_id
        return document


@dataclass
class NewUnit:
    """A unit the import creates (or would): its path below the office, the existing
    units whose names are nearest, and the first row that names it."""

    name: str
    similar: list[tuple[str, str]]  # (unit id, path) of the nearest existing units
    unit_id: str
    row: int
    written: str  # the Đơn vị value as the file first writes it (key of a unit_map)

    @property
    def similar_to(self) -> list[str]:
        return [path for _unit_id, path in self.similar]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "similar_to": self.similar_to}


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    new_units: list[NewUnit] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    written: bool = False
    legacy_encoding: str | None = None
    sheet: str | None = None
    match: str = MATCH_CODE
    headings: list[str] = field(default_factory=list)  # the file's heading row, as written
    rejected_cells: dict[int, list[Any]] = field(default_factory=dict)  # row -> its cells

    @property
    def created_units(self) -> list[str]:
        return [unit.name for unit in self.new_units]

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [{"row": i.row, "reason": i.message} for i in self.rejected],
            "warnings": [{"row": i.row, "message": i.message} for i in self.warnings],
            "created_units": [unit.to_json() for unit in self.new_units],
            "match": self.match,
            "rows": [outcome.to_json() for outcome in self.rows],
        }
