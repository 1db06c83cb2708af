"""The editable lists (positions, working status, ...) as the Settings page edits them."""

from __future__ import annotations

from cadre_desktop.domain.errors import NotFound
from cadre_desktop.store import lookups
from cadre_desktop.store.db import Database

# The lists a clerk may edit; rating scales and attendance codes have their own editors.
EDITABLE_KINDS = ("position", "working_status", "party_status", "theory_level", "education",
                  "unit_level")


def items(db: Database, kind: str) -> list[lookups.LookupItem]:
    return lookups.items(db, kind)


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
