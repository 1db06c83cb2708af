"""Writes inside one user action, each recorded in the audit trail.

Every change the program makes to office data goes through a Transaction, so the audit
trail, undo and (later) bundles all see the same history.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cadre_desktop.domain.errors import NotFound, ReadOnlyRecord
from cadre_desktop.store.handle import Handle

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
Row = Mapping[str, Any]


def _ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"bad identifier {name!r}")
    return name


# One encoder for every audit entry: json.dumps with options builds a new one per call,
# which is a noticeable share of a 20,000-row import.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _dump(values: Mapping[str, Any] | None) -> str | None:
    if values is None:
        return None
    return _ENCODER.encode(dict(values))


def read_only_message(db: Handle, owner: str) -> str:
    """Why a record owned by `owner` is read-only in this office's database."""
    row = db.conn.execute("SELECT name, code FROM office WHERE id = ?", (owner,)).fetchone()
    name = (row[0] or row[1]) if row else owner[:8]
    above = db.conn.execute(
        "WITH RECURSIVE up(id, depth) AS (SELECT parent_id, 0 FROM office WHERE id = ? "
        "UNION SELECT o.parent_id, up.depth + 1 FROM office o JOIN up ON o.id = up.id "
        "WHERE up.depth < 64) SELECT 1 FROM up WHERE id = ?", (db.office_id, owner)).fetchone()
    if above:
        return f"Mục này do {name} (cấp trên) ban hành: ở đây chỉ xem, không sửa hay xóa được."
    return (f"Bản ghi này thuộc {name} (đơn vị cấp dưới), nhận qua gói dữ liệu: chỉ {name} "
            "sửa được rồi gửi lên; ở đây chỉ xem, không sửa hay xóa được.")


class Transaction:
    def __init__(self, conn: sqlite3.Connection, txn_id: int, office_id: str, stamp: str) -> None:
        self.conn = conn
        self.txn_id = txn_id
        self.office_id = office_id
        self.stamp = stamp
        self.changes = 0
        self.keep_empty = False
        # A bulk generation (demo data) that cannot be undone records one note per table
        # instead of an entry per row (the note still tells which tables changed);
        # everything else audits every row.
        self.audit_rows = True
        self._bulk_noted: set[str] = set()
        self._owned: dict[str, bool] = {}  # table -> has an office_id column

    # -- ownership: records of other offices are read-only here ---------------------------

    def _has_owner(self, table: str) -> bool:
        if table not in self._owned:
            columns = {str(r[1]) for r in self.conn.execute(f"PRAGMA table_info({_ident(table)})")}
            self._owned[table] = "office_id" in columns
        return self._owned[table]

    def check_owner(self, table: str, record_id: str, owner: Any) -> None:
        """Refuse to change a record another office owns (ReadOnlyRecord)."""
        if owner is None or owner == self.office_id:
            return
        raise ReadOnlyRecord(read_only_message(self, str(owner)), table, record_id, str(owner))

    def _fetch_own(self, table: str, record_id: str, columns: Sequence[str]) -> dict[str, Any]:
        """fetch(), after checking that this office owns the record."""
        if not self._has_owner(table):
            return self.fetch(table, record_id, columns)
        wanted = list(columns)
        row = self.fetch(table, record_id, [*wanted, "office_id"] if "office_id" not in wanted
                         else wanted)
        owner = row["office_id"] if "office_id" in wanted else row.pop("office_id")
        self.check_owner(table, record_id, owner)
        return row

    def _audit(self, action: str, table: str, record_id: str,
               old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        self.conn.execute(
            "INSERT INTO audit (txn_id, action, table_name, record_id, old_values, new_values)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (self.txn_id, action, table, record_id, _dump(old), _dump(new)),
        )
        self.changes += 1

    def _complete(self, row: Row) -> dict[str, Any]:
        full = dict(row)
        full.setdefault("office_id", self.office_id)
        full.setdefault("created_at", self.stamp)
        full["updated_at"] = self.stamp
        return full

    def insert(self, table: str, row: Row) -> None:
        self.insert_many(table, [row])

    def insert_many(self, table: str, rows: Iterable[Row]) -> int:
        """Bulk insert; all rows must have the same keys."""
        full_rows = [self._complete(r) for r in rows]
        if not full_rows:
            return 0
        for row in full_rows:
            self.check_owner(table, row["id"], row["office_id"])
        columns = list(full_rows[0])
        sql = (
            f"INSERT INTO {_ident(table)} ({', '.join(_ident(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        self.conn.executemany(sql, [[r[c] for c in columns] for r in full_rows])
        if self.audit_rows:
            self.conn.executemany(
                "INSERT INTO audit (txn_id, action, table_name, record_id, old_values,"
                " new_values) VALUES (?, 'insert', ?, ?, NULL, ?)",
                [(self.txn_id, table, r["id"], _dump(r)) for r in full_rows],
            )
        elif table not in self._bulk_noted:
            self._bulk_noted.add(table)
            self._audit("note", table, "*", None, {"bulk": "insert"})
        self.changes += len(full_rows)
        return len(full_rows)

    def fetch(
        self, table: str, record_id: str, columns: Sequence[str] | None = None
    ) -> dict[str, Any]:
        cols = ", ".join(_ident(c) for c in columns) if columns else "*"
        cur = self.conn.execute(f"SELECT {cols} FROM {_ident(table)} WHERE id = ?", (record_id,))
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"Không tìm thấy bản ghi {record_id}")
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def update(self, table: str, record_id: str, changes: Row) -> dict[str, Any]:
        """Set the given columns; only columns whose value changes are written and audited.
        Returns the changed columns' new values."""
        old = self._fetch_own(table, record_id, list(changes))
        diff = {k: v for k, v in changes.items() if old[k] != v}
        if not diff:
            return {}
        self._write(table, record_id, diff)
        self._audit("update", table, record_id, {k: old[k] for k in diff}, diff)
        return diff

    def _write(self, table: str, record_id: str, values: Row) -> None:
        assignments = ", ".join(f"{_ident(k)} = ?" for k in values)
        self.conn.execute(
            f"UPDATE {_ident(table)} SET {assignments}, updated_at = ? WHERE id = ?",
            [*values.values(), self.stamp, record_id],
        )

    def soft_delete(self, table: str, record_id: str) -> bool:
        if self._fetch_own(table, record_id, ["deleted"])["deleted"]:
            return False
        self._write(table, record_id, {"deleted": 1})
        self._audit("delete", table, record_id, {"deleted": 0}, {"deleted": 1})
        return True

    def restore(self, table: str, record_id: str) -> bool:
        if not self._fetch_own(table, record_id, ["deleted"])["deleted"]:
            return False
        self._write(table, record_id, {"deleted": 0})
        self._audit("restore", table, record_id, {"deleted": 1}, {"deleted": 0})
        return True

    def note(self, table: str, record_id: str, what: Mapping[str, Any]) -> None:
        """An audit entry for work that is not a row change (a bulk generation, a restore)."""
        self._audit("note", table, record_id, None, what)

    def revert(self, action: str, table: str, record_id: str,
               old: Mapping[str, Any] | None) -> None:
        """Apply the inverse of one audited change (used by undo)."""
        if action == "insert":
            self.soft_delete(table, record_id)
        elif action == "update" and old:
            current = self.fetch(table, record_id, list(old))
            self._write(table, record_id, old)
            self._audit("update", table, record_id, current, old)
        elif action == "delete":
            self.restore(table, record_id)
        elif action == "restore":
            self.soft_delete(table, record_id)
