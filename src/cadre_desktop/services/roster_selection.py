"""The people a roster view shows, for printing and exporting "what is on screen"
(store.roster_selection), and the unit a command names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.store import units
from cadre_desktop.store.db import Database
from cadre_desktop.store.roster_selection import (
    SORT_COLUMNS,
    Selection,
    selected_rows,
    selection_count,
)

__all__ = ["SORT_COLUMNS", "Selection", "count", "find_unit", "people", "selection_for",
           "unit_name"]

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
    return selection_count(db, selection)


def people(db: Database, selection: Selection, columns: str) -> Iterator[Any]:
    """The selected people as rows of `columns` (SQL over `person p`, its unit `u`, its
    position `pos` and working status `ws`), streamed in the selection's order."""
    return selected_rows(db, selection, columns)


def unit_name(db: Database, selection: Selection) -> str:
    """The unit the selection is limited to ('' for the whole office)."""
    if not selection.unit_id:
        return ""
    unit = units.get_unit(db, selection.unit_id)
    return text.clean(unit.name) if unit else ""
