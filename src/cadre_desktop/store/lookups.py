"""The editable lists (positions, statuses, levels) and rating scales."""

from __future__ import annotations

from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.offices import own_and_issued
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class LookupItem:
    id: str
    kind: str
    code: str
    label: str
    issued_by: str | None = None  # the office above that issued it (read-only here)


@dataclass(frozen=True)
class RatingLevel:
    id: str
    scale_code: str
    code: str
    label: str
    rank: int
    from_year: int
    to_year: int | None


def items(db: Handle, kind: str) -> list[LookupItem]:
    """This office's own entries and those the offices above issued to it (a province
    also holds its children's lists, which are not offered in its own choices)."""
    rows = db.conn.execute(
        "SELECT l.id, l.kind, l.code, l.label, CASE WHEN l.office_id = ? THEN NULL "
        "ELSE COALESCE(NULLIF(o.name, ''), o.code) END FROM lookup l "
        "LEFT JOIN office o ON o.id = l.office_id WHERE l.kind = ? AND l.deleted = 0 "
        "AND l.office_id IN (SELECT value FROM json_each(?)) ORDER BY l.sort_order, l.label",
        (db.office_id, kind, own_and_issued(db)),
    ).fetchall()
    return [LookupItem(*r) for r in rows]


def labels(db: Handle, kind: str) -> dict[str, str]:
    """code -> label for showing records of every office held here; this office's own
    label wins when another office uses the same code."""
    rows = db.conn.execute(
        "SELECT code, label FROM lookup WHERE kind = ? AND deleted = 0 "
        "ORDER BY office_id = ?, sort_order, label",
        (kind, db.office_id),
    ).fetchall()
    return {str(code): str(label) for code, label in rows}


def code_for(db: Handle, kind: str, label_or_code: str) -> str | None:
    """Match a label typed or imported (accent- and case-insensitively) to its code."""
    wanted = text.fold(label_or_code)
    if not wanted:
        return None
    for item in items(db, kind):
        if wanted in (text.fold(item.label), text.fold(item.code)):
            return item.code
    return None


def add_item(tx: Transaction, db: Handle, kind: str, label: str) -> LookupItem:
    text.refuse_forbidden(label, "Tên mục", "label")
    label = text.clean(label)
    if not label:
        raise InvalidInput("Tên mục không được để trống", "label")
    code = text.fold(label).replace(" ", "_")
    if code_for(db, kind, label):
        raise InvalidInput(f"'{label}' đã có trong danh mục", "label")
    hidden = db.conn.execute(
        "SELECT id FROM lookup WHERE office_id = ? AND kind = ? AND code = ? AND deleted = 1",
        (tx.office_id, kind, code)).fetchone()
    if hidden is not None:
        # The code is unique per office and list, hidden items included: adding a hidden
        # item again brings it back (records that used it keep their value).
        tx.restore("lookup", str(hidden[0]))
        tx.update("lookup", str(hidden[0]), {"label": label})
        return LookupItem(str(hidden[0]), kind, code, label)
    order = db.conn.execute(
        "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM lookup WHERE kind = ? AND office_id = ?",
        (kind, tx.office_id),
    ).fetchone()[0]
    item = LookupItem(new_id(), kind, code, label)
    tx.insert("lookup", {"id": item.id, "kind": kind, "code": code, "label": label,
                         "sort_order": order})
    return item


def rating_levels(db: Handle) -> list[RatingLevel]:
    rows = db.conn.execute(
        "SELECT l.id, s.code, l.code, l.label, l.rank, s.from_year, s.to_year "
        "FROM rating_level l JOIN rating_scale s ON s.id = l.scale_id "
        "WHERE l.deleted = 0 AND s.deleted = 0 ORDER BY s.from_year DESC, l.rank DESC"
    ).fetchall()
    return [RatingLevel(*r) for r in rows]


def levels_for_year(db: Handle, year: int) -> list[RatingLevel]:
    return [lv for lv in rating_levels(db)
            if lv.from_year <= year and (lv.to_year is None or year <= lv.to_year)]


def rating_level_for(db: Handle, year: int, label_or_code: str) -> RatingLevel | None:
    wanted = text.fold(label_or_code)
    for level in levels_for_year(db, year):
        label = text.fold(level.label)
        # "Hoàn thành tốt" and "Hoàn thành tốt nhiệm vụ" are both written in lists.
        if wanted in (label, text.fold(level.code), label.removesuffix(" nhiem vu")):
            return level
    return None


def get_item(db: Handle, item_id: str) -> LookupItem | None:
    row = db.conn.execute(
        "SELECT id, kind, code, label FROM lookup WHERE id = ?", (item_id,)
    ).fetchone()
    return LookupItem(*row) if row else None


def rename_item(tx: Transaction, db: Handle, item: LookupItem, label: str) -> None:
    """A new label for the same code: people keep their value, lists show the new name."""
    text.refuse_forbidden(label, "Tên mục", "label")
    label = text.clean(label)
    if not label:
        raise InvalidInput("Tên mục không được để trống", "label")
    same = code_for(db, item.kind, label)
    if same is not None and same != item.code:
        raise InvalidInput(f"'{label}' đã có trong danh mục", "label")
    tx.update("lookup", item.id, {"label": label})


def hide_item(tx: Transaction, item_id: str) -> None:
    """No longer offered for new entries; records that use it still show its label."""
    tx.soft_delete("lookup", item_id)
