"""The people a roster view shows, for printing and exporting "what is on screen".

A Selection is what the roster page filters and sorts by: the search words (as `roster
search Q` matches them), a unit with every unit below it, the office (at a province) and
the sort column. The people come off the database cursor one at a time, in the view's order
(official list order by default: tên, họ, đệm), so that a list of 100,000 is streamed
into its file, never held twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.store import roster_query, units
from cadre_desktop.store.db import Database

SORT_COLUMNS = [*roster_query.COLUMN_KEYS, roster_query.OFFICE_COLUMN[0]]


@dataclass(frozen=True)
class Selection:
    query: str = ""
    unit_id: str | None = None      # this unit and every unit below it
    office_id: str | None = None    # one office's people (a province holds several)
    office_below: bool = True       # with the offices below that office
    sort: str = "full_name"         # one of SORT_COLUMNS
    descending: bool = False

    def _filter(self) -> roster_query.RosterFilter:
        return roster_query.RosterFilter(query=self.query, unit_id=self.unit_id,
                                         office_id=self.office_id,
                                         office_below=self.office_below)

    def _sort(self) -> roster_query.RosterSort:
        if self.sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {self.sort!r}")
        return roster_query.RosterSort(self.sort, self.descending)


def find_unit(db: Database, name: str) -> units.Unit:
    """The unit named `name` (or its path from the office down, "Đoàn phường X / Chi đoàn
    Khu phố 1"), accent- and case-insensitively; NotFound when there is none, UserError
    when several share the name and the path does not tell them apart."""
    wanted = text.clean(name)
    unit = units.find_unit(db, wanted)
    if unit is None:
        raise NotFound(f"Không có đơn vị nào tên “{wanted}”")
    if "/" not in wanted and ">" not in wanted:
        same = db.conn.execute(
            "SELECT id FROM unit WHERE name_fold = ? AND deleted = 0 AND status = ?",
            (text.fold(wanted), unit.status)).fetchall()
        if len(same) > 1:
            paths = sorted(units.unit_display_path(db, u) for u in
                           (units.get_unit(db, r[0]) for r in same) if u is not None)
            raise UserError(f"Có {len(same)} đơn vị tên “{wanted}”: ghi cả đường dẫn, ví dụ "
                            f"“{paths[0]}”. Các đơn vị: " + "; ".join(paths))
    return unit


def selection_for(db: Database, query: str = "", unit: str | None = None) -> Selection:
    """The selection of the command line: `roster search Q`'s people, within a unit named
    by the clerk (with the units below it)."""
    return Selection(query=query, unit_id=find_unit(db, unit).id if unit else None)


def count(db: Database, selection: Selection) -> int:
    return roster_query.count(db, selection._filter())


def people(db: Database, selection: Selection, columns: str) -> Iterator[Any]:
    """The selected people as rows of `columns` (SQL over `person p`, its unit `u`, its
    position `pos` and working status `ws`), streamed in the selection's order."""
    return roster_query.select(db, selection._filter(), selection._sort(), columns)


def unit_name(db: Database, selection: Selection) -> str:
    """The unit the selection is limited to ('' for the whole office)."""
    if not selection.unit_id:
        return ""
    unit = units.get_unit(db, selection.unit_id)
    return text.clean(unit.name) if unit else ""
