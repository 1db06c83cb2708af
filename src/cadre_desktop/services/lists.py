"""The editable lists (positions, working status, ...) as the Settings page edits them."""

from __future__ import annotations

from cadre_desktop.domain.errors import NotFound
from cadre_desktop.store import lookups
from cadre_desktop.store.db import Database
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.lookups import LookupItem, RatingLevel

__all__ = ["EDITABLE_KINDS", "LookupItem", "RatingLevel", "add", "choices", "hide", "items",
           "labels", "levels_for_year", "rename"]

# The lists a clerk may edit; rating scales and attendance codes have their own editors.
EDITABLE_KINDS = ("position", "working_status", "party_status", "theory_level", "education",
                  "unit_level")


def items(db: Handle, kind: str) -> list[lookups.LookupItem]:
    return lookups.items(db, kind)


def choices(db: Handle, kind: str) -> list[tuple[str, str]]:
    """(code, label) of a list's items, in the list's order (for a combo box)."""
    return [(item.code, item.label) for item in lookups.items(db, kind)]


def labels(db: Handle, kind: str) -> dict[str, str]:
    """code -> label of a list, hidden items included (records may still use them)."""
    return lookups.labels(db, kind)


def levels_for_year(db: Handle, year: int) -> list[RatingLevel]:
    """The rating levels in force in a year (the scales are versioned)."""
    return lookups.levels_for_year(db, year)


def add(db: Database, kind: str, label: str) -> lookups.LookupItem:
    if kind not in EDITABLE_KINDS:
        raise NotFound(f"Không có danh mục '{kind}'")
    with db.write(f"Thêm '{label.strip()}' vào danh mục") as tx:
        return lookups.add_item(tx, db, kind, label)


def rename(db: Database, item_id: str, label: str) -> None:
    item = _get(db, item_id)
    with db.write(f"Đổi tên '{item.label}'") as tx:
        lookups.rename_item(tx, db, item, label)


def hide(db: Database, item_id: str) -> None:
    item = _get(db, item_id)
    with db.write(f"Ẩn '{item.label}' khỏi danh mục") as tx:
        lookups.hide_item(tx, item.id)


def _get(db: Database, item_id: str) -> lookups.LookupItem:
    item = lookups.get_item(db, item_id)
    if item is None or item.kind not in EDITABLE_KINDS:
        raise NotFound("Không tìm thấy mục trong danh mục")
    return item
