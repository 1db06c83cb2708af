"""Where this office stands in the tree, for the pages and the command line.

- level / is_top_office: the province (the top office: nothing above it, so no "send up"
  page) or an office below it. Databases set up before the level was asked for have
  none stored: an office with an enrolled parent is an office, one with enrolled
  children and no parent is the province.
- parent / children: the enrolled offices around this one, always by name.
- next_bundle_up: what "send up" will make now: a delta on top of the last bundle the
  parent acknowledged (its number and the day its receipt says it was received), or a
  full snapshot and why (`reason`: 'first' nothing sent yet, 'no-receipt' no receipt
  has come back, 'not-tracking' the changes since are not recorded).
- read_only_reason: why a record cannot be edited here (another office owns it: an
  office below sent it up, or the office above issued it), or None. The services refuse
  such edits anyway (store/tx.py); pages use this to show the record as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cadre_desktop.store import offices, sync_changes, sync_log, sync_rows
from cadre_desktop.store.db import Database
from cadre_desktop.store.tx import read_only_message
from cadre_desktop.sync.header import OfficeRef

_NAMES = {"province": "Tỉnh/thành đoàn (cấp cao nhất)", "office": "Đơn vị cấp dưới"}


def _ref(row: offices.OfficeRow) -> OfficeRef:
    return OfficeRef(row.id, row.code, row.display_name)


def level(db: Database) -> str:
    stored = offices.self_office(db).level
    if stored:
        return stored
    if offices.active_parent_key(db) is None and offices.active_child_keys(db):
        return "province"
    return "office"


def level_name(db: Database) -> str:
    return _NAMES[level(db)]


def is_top_office(db: Database) -> bool:
    """The province: no office above it, nothing to send up."""
    return level(db) == "province"


def office_name(db: Database, office_id: str) -> str:
    """An office named the way every view names it: by its name, never by its code."""
    row = offices.get_office(db, office_id)
    return row.display_name if row else office_id[:8]


def parent(db: Database) -> OfficeRef | None:
    key = offices.active_parent_key(db)
    row = offices.get_office(db, key.office_id) if key else None
    return _ref(row) if row else None


def children(db: Database) -> list[OfficeRef]:
    """The enrolled offices directly below, by name."""
    rows = [offices.get_office(db, key.office_id) for key in offices.active_child_keys(db)]
    return sorted((_ref(r) for r in rows if r), key=lambda ref: ref.name)


FULL_REASONS = ("first", "no-receipt", "not-tracking")


@dataclass(frozen=True)
class NextBundle:
    recipient: OfficeRef
    kind: str                    # 'delta' or 'full'
    sequence: int
    base_sequence: int | None
    changed_rows: int | None     # for a delta: rows changed since its base
    base_received_at: str | None = None  # a delta: when the parent received its base
    reason: str = ""             # a full bundle: one of FULL_REASONS

    def to_json(self) -> dict[str, Any]:
        return {"recipient": self.recipient.name, "kind": self.kind,
                "sequence": self.sequence, "base_sequence": self.base_sequence,
                "changed_rows": self.changed_rows,
                "base_received_at": self.base_received_at[:10] if self.base_received_at
                else None, "reason": self.reason or None}


def next_bundle_up(db: Database) -> NextBundle | None:
    """None at the top office, or before a parent is enrolled."""
    if is_top_office(db):
        return None
    above = parent(db)
    if above is None:
        return None
    base = sync_log.acknowledged_base(db, above.id)
    sequence = sync_log.next_sequence(db)
    if base is None or base.change_mark is None or not sync_changes.is_tracking(db):
        if base is not None:
            reason = "not-tracking"
        elif any(e.recipient_id == above.id and e.kind != "issued"
                 for e in sync_log.exports(db)):
            reason = "no-receipt"
        else:
            reason = "first"
        return NextBundle(above, "full", sequence, None, None, reason=reason)
    changed = sync_changes.changed_count(db, base.change_mark)
    return NextBundle(above, "delta", sequence, base.sequence, changed,
                      base_received_at=base.receipt_at)


def next_sequence(db: Database) -> int:
    """The number the next bundle made here will carry (up or down: one series)."""
    return sync_log.next_sequence(db)


def read_only_reason(db: Database, table: str, record_id: str | None) -> str | None:
    """The clerk's words for why this record is read-only here, or None (None too for no
    record at all, so that a page may ask about its current row whatever it is)."""
    if not record_id:
        return None
    owner = sync_rows.owners(db, table, [record_id]).get(record_id)
    if owner is None or owner == db.office_id:
        return None
    return read_only_message(db, owner)
