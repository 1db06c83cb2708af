"""Writing one section of a bundle, a chunk at a time.

Each chunk's rows are compared with the rows of the same ids here (primary key lookups,
never "every row of the office" in memory): new ones are inserted, different ones
updated, equal ones counted as unchanged. A row whose id exists here under an office
outside the bundle's scope refuses the bundle. After a full snapshot's (or an issued
bundle's) last chunk, the rows of the scope's offices that it did not carry are
soft-deleted; a delta deletes only what it carries with the deleted flag set.

While a section's office has no row at all in the table here (a first bundle, the usual
case in a province importing many offices) its chunks are inserted without the lookups;
an id that then collides is found by the constraint and named.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from cadre_desktop.store import offices, sync_rows
from cadre_desktop.store.tx import Transaction
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.sync.payload import Row
from cadre_desktop.sync.strict import BundleRefused


@dataclass
class TableCounts:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    # For the mass-deletion check: live rows that appeared (inserted live, or restored).
    appeared: int = 0

    def to_json(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "deleted": self.deleted,
                "unchanged": self.unchanged}


def _constraint(name: str, exc: sqlite3.IntegrityError) -> BundleRefused:
    return BundleRefused(f"Bảng {name}: dữ liệu trong gói vi phạm ràng buộc của cơ sở dữ liệu "
                         f"({exc}). Không nhập.")


class SectionWriter:
    def __init__(self, tx: Transaction, name: str, columns: tuple[str, ...],
                 compared: tuple[str, ...], sender: OfficeRef, counts: TableCounts) -> None:
        self.tx = tx
        self.name = name
        self.columns = columns
        self.compared = compared
        self._compared = frozenset(compared)
        self.sender = sender
        self.counts = counts
        self._owner = columns.index("office_id")
        self._flag = columns.index("deleted")
        self._empty = not tx.conn.execute(
            f'SELECT 1 FROM "{name}" WHERE office_id IN (SELECT value FROM json_each(?)) '
            "LIMIT 1", (_json(compared),)).fetchone()

    def write(self, rows: list[Row]) -> None:
        if self._empty:
            self._insert_new(rows)
            return
        existing = sync_rows.rows_by_id(self.tx, self.name, self.columns, [r[0] for r in rows])
        inserts, updates = [], []
        counts, flag = self.counts, self._flag
        for row in rows:
            old = existing.get(row[0])
            if old is None:
                inserts.append(row)
                counts.appeared += not row[flag]
            elif old[self._owner] not in self._compared:
                self._refuse_foreign(row[0], str(old[self._owner]))
            elif old != row:
                updates.append(row)
                if row[flag] and not old[flag]:
                    counts.deleted += 1
                else:
                    counts.updated += 1
                    counts.appeared += bool(old[flag] and not row[flag])
            else:
                counts.unchanged += 1
        counts.inserted += len(inserts)
        try:
            sync_rows.insert_rows(self.tx, self.name, self.columns, inserts)
            sync_rows.update_rows(self.tx, self.name, self.columns, updates)
        except sqlite3.IntegrityError as exc:
            raise _constraint(self.name, exc) from exc

    def _insert_new(self, rows: list[Row]) -> None:
        try:
            sync_rows.insert_rows(self.tx, self.name, self.columns, rows)
        except sqlite3.IntegrityError as exc:
            found = sync_rows.owners(self.tx, self.name, (r[0] for r in rows))
            foreign = {k: v for k, v in found.items() if v not in self._compared}
            if foreign:
                record_id, owner = next(iter(foreign.items()))
                self._refuse_foreign(record_id, owner)
            raise _constraint(self.name, exc) from exc
        self.counts.inserted += len(rows)
        self.counts.appeared += sum(1 for r in rows if not r[self._flag])

    def _refuse_foreign(self, record_id: str, owner: str) -> None:
        office = offices.get_office(self.tx, owner)
        raise BundleRefused(
            f"Gói của {self.sender.label} có bản ghi {record_id} (bảng {self.name}) đã có ở "
            f"đây và thuộc {office.label if office else owner}, không thuộc đơn vị gửi: "
            "không nhập.")

    def delete_missing(self, seen: set[str]) -> None:
        """After the last chunk of a full snapshot: soft-delete what it did not carry."""
        if self._empty:
            return
        gone = [i for i in sync_rows.live_ids(self.tx, self.name, self.compared)
                if i not in seen]
        try:
            sync_rows.soft_delete_rows(self.tx, self.name, gone)
        except sqlite3.IntegrityError as exc:
            raise _constraint(self.name, exc) from exc
        self.counts.deleted += len(gone)


def _json(values: tuple[str, ...]) -> str:
    import json

    return json.dumps(list(values))
