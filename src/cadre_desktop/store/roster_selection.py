"""The people a roster view shows, read for printing and exporting "what is on screen".

A Selection is what the roster page filters and sorts by: the search words (as `roster
search Q` matches them), a unit with every unit below it, the office (at a province), the
list filters and the sort column. Its people come in the view's order (official list
order by default: tên, họ, đệm), read by key a chunk at a time, so that a list of 100,000
is streamed into its file, never held twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from cadre_desktop.store import roster_query
from cadre_desktop.store.handle import Handle

SORT_COLUMNS = list(roster_query.COLUMNS)
CHUNK = 2_000

# What a selection's columns may name: the person `p`, its unit `u`, its current position
# `pos` and its working status `ws` (each label from the list of the person's office).
_FROM = (
    " FROM person p LEFT JOIN unit u ON u.id = p.unit_id"
    " LEFT JOIN lookup ws ON ws.office_id = p.office_id AND ws.kind = 'working_status'"
    "  AND ws.code = p.working_status"
    " LEFT JOIN lookup pos ON pos.office_id = p.office_id AND pos.kind = 'position'"
    "  AND pos.code = (SELECT pa.position_code FROM position_assignment pa"
    "  WHERE pa.person_id = p.id AND pa.deleted = 0 AND pa.end_date IS NULL"
    "  ORDER BY pa.start_date DESC, pa.id LIMIT 1)"
)


@dataclass(frozen=True)
class Selection:
    query: str = ""
    unit_id: str | None = None      # this unit and every unit below it
    office_id: str | None = None    # one office's people (a province holds several)
    office_below: bool = True       # with the offices below that office
    sort: str = "full_name"         # one of SORT_COLUMNS
    descending: bool = False
    position_code: str | None = None
    planning_code: str | None = None
    working_status: str | None = None
    theory_level: str | None = None

    def roster_filter(self) -> roster_query.RosterFilter:
        return roster_query.RosterFilter(
            query=self.query, unit_id=self.unit_id, office_id=self.office_id,
            office_below=self.office_below, position_code=self.position_code,
            planning_code=self.planning_code, working_status=self.working_status,
            theory_level=self.theory_level)

    def roster_sort(self) -> roster_query.RosterSort:
        if self.sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {self.sort!r}")
        return roster_query.RosterSort(self.sort, self.descending)

    @classmethod
    def of(cls, flt: roster_query.RosterFilter, sort: roster_query.RosterSort) -> Selection:
        """The selection of a roster view's filter and sort."""
        return cls(query=flt.query, unit_id=flt.unit_id, office_id=flt.office_id,
                   office_below=flt.office_below, sort=sort.column,
                   descending=sort.descending, position_code=flt.position_code,
                   planning_code=flt.planning_code, working_status=flt.working_status,
                   theory_level=flt.theory_level)


def selection_count(db: Handle, selection: Selection) -> int:
    return roster_query.count(db, selection.roster_filter())


def selected_rows(db: Handle, selection: Selection, columns: str) -> Iterator[Any]:
    """The selected people as rows of `columns` (SQL over `p`, `u`, `pos` and `ws`),
    streamed in the selection's order."""
    found = roster_query.keys(db, selection.roster_filter(), selection.roster_sort())
    while chunk := list(islice(found, CHUNK)):
        rows = {r[0]: r[1:] for r in db.conn.execute(
            f"SELECT p.rowid, {columns}{_FROM} WHERE p.rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(chunk),))}
        for key in chunk:
            if key in rows:
                yield rows[key]
