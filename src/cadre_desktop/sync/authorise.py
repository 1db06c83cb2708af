"""What a verified, decrypted payload may contain: authorisation as it is read.

- A bundle from below: the office section is a tree rooted at the sender. An office other
  than the sender must be new to this database or already below the sender here; never
  this office, an office above it, or an office that belongs to another part of the tree
  (an office enrolled here directly, or below another child).
- A bundle from above (content "issued"): the office section is the sender, then the
  office above it, and so on up; none of them this office or an office below it.
- Every table is one this program synchronises (for a bundle from above: one of the
  issued tables), with known columns (id first and the required id, office_id,
  updated_at, deleted); ids are UUID-shaped and unique per table; every record's
  office_id is one of the bundle's offices; deleted is 0 or 1.
- Every reference (PRAGMA foreign_key_list) points at a record that exists here once the
  bundle's earlier sections are written (the bundle's own rows, or the shared default
  lists); a reference to a later section or to its own is checked when that is written.
A record whose id exists here under an office outside the bundle's scope is caught when
its chunk is compared (apply_rows.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.store import offices, sync_rows
from cadre_desktop.store.handle import Handle
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.sync.payload import Row
from cadre_desktop.sync.registry import REQUIRED_COLUMNS, SyncTable
from cadre_desktop.sync.strict import UUID_RE, BundleRefused, all_uuids

MAX_OFFICES = 10_000


@dataclass(frozen=True)
class Scope:
    bundle_offices: tuple[str, ...]   # offices in the bundle, the sender first
    known_below: tuple[str, ...]      # the sender's subtree here, before the import

    @property
    def compared(self) -> tuple[str, ...]:
        """Offices whose rows here the bundle replaces or updates."""
        return tuple(dict.fromkeys((*self.bundle_offices, *self.known_below)))


def _label(db: Handle, office_id: str) -> str:
    office = offices.get_office(db, office_id)
    return office.label if office else office_id


def _check_rows(rows: list[Row]) -> None:
    if len(rows) > MAX_OFFICES:
        raise BundleRefused(f"Gói có hơn {MAX_OFFICES:,} đơn vị")
    for row in rows:
        office_id, code, name, parent_id, created_at, updated_at = row
        if not (isinstance(office_id, str) and UUID_RE.match(office_id)
                and all(isinstance(v, str) for v in (code, name, created_at, updated_at))
                and (parent_id is None or isinstance(parent_id, str))):
            raise BundleRefused("Danh sách đơn vị trong gói có giá trị không hợp lệ")
    if len({row[0] for row in rows}) != len(rows):
        raise BundleRefused("Danh sách đơn vị trong gói có mã đơn vị trùng nhau")


def check_offices(db: Handle, sender: OfficeRef, receiver_id: str, rows: list[Row]) -> Scope:
    """A bundle from an office below."""
    _check_rows(rows)
    parents = {row[0]: row[3] for row in rows}
    if not rows or rows[0][0] != sender.id:
        raise BundleRefused("Danh sách đơn vị trong gói không bắt đầu bằng đơn vị gửi")
    for office_id in parents:
        seen = {office_id}
        current = office_id
        while current != sender.id:
            current = parents.get(current)
            if current is None or current in seen:
                raise BundleRefused(
                    f"Đơn vị {office_id} trong gói không nằm dưới đơn vị gửi {sender.label}")
            seen.add(current)
    known_below = offices.subtree_ids(db, sender.id)
    above_me = {receiver_id, *offices.ancestor_ids(db, receiver_id)}
    for office_id in parents:
        if office_id == sender.id:
            continue
        if office_id in above_me:
            raise BundleRefused(
                f"Gói của {sender.label} tự nhận quản lý {_label(db, office_id)}, là đơn vị "
                "này hoặc cấp trên của nó: không nhập.")
        if offices.get_office(db, office_id) is not None and office_id not in known_below:
            raise BundleRefused(
                f"Gói của {sender.label} chứa dữ liệu của {_label(db, office_id)}, đơn vị "
                f"không thuộc {sender.label} ở đây: không nhập.")
    return Scope(tuple(parents), tuple(known_below))


def check_issuers(db: Handle, sender: OfficeRef, receiver_id: str, rows: list[Row]) -> Scope:
    """A bundle from the office above: the sender, then each office above the one
    before."""
    _check_rows(rows)
    if not rows or rows[0][0] != sender.id:
        raise BundleRefused("Danh sách đơn vị trong gói không bắt đầu bằng đơn vị gửi")
    for row, above in itertools.pairwise(rows):
        if row[3] != above[0]:
            raise BundleRefused("Danh sách đơn vị cấp trên trong gói không liền một chuỗi")
    mine = set(offices.subtree_ids(db, receiver_id))
    for row in rows:
        if row[0] in mine:
            raise BundleRefused(
                f"Gói của {sender.label} gửi xuống có đơn vị {_label(db, row[0])}, là đơn vị "
                "này hoặc cấp dưới của nó: không nhập.")
    ids = tuple(row[0] for row in rows)
    return Scope(ids, ids)


def check_section(name: str, columns: tuple[str, ...], tables: dict[str, SyncTable],
                  allowed: set[str] | None) -> SyncTable:
    """A section's table and columns, from the manifest, before any row is read."""
    table = tables.get(name)
    if table is None:
        raise BundleRefused(
            f"Gói có bảng '{name}' mà chương trình này không đồng bộ: hãy cập nhật "
            "Cadre Desktop (hoặc tệp không hợp lệ).")
    if allowed is not None and name not in allowed:
        raise BundleRefused(f"Gói gửi xuống có bảng '{name}', không phải danh mục do cấp trên "
                            "ban hành: không nhập.")
    unknown = set(columns) - set(table.columns)
    if unknown or not set(columns) >= REQUIRED_COLUMNS or columns[0] != "id":
        raise BundleRefused(
            f"Bảng {name} trong gói có cột không hợp lệ "
            f"({', '.join(sorted(unknown)) or 'thiếu cột bắt buộc'})")
    return table


@dataclass
class SectionCheck:
    """The checks of one section that span its chunks."""

    name: str
    columns: tuple[str, ...]
    allowed_offices: frozenset[str]
    seen: set[str] = field(default_factory=set)

    def chunk(self, rows: list[Row], sender: OfficeRef) -> None:
        ids = [row[0] for row in rows]
        if not all_uuids(ids):
            raise BundleRefused(f"Bảng {self.name}: có mã bản ghi không đúng dạng")
        before = len(self.seen)
        self.seen.update(ids)
        if len(self.seen) != before + len(ids):
            raise BundleRefused(f"Bảng {self.name}: có mã bản ghi trùng nhau trong gói")
        owner = self.columns.index("office_id")
        flag = self.columns.index("deleted")
        owners = {row[owner] for row in rows}
        if not owners <= self.allowed_offices:
            stranger = next(r for r in rows if r[owner] not in self.allowed_offices)
            raise BundleRefused(
                f"Gói của {sender.label} có bản ghi của một đơn vị khác (bảng "
                f"{self.name}, mã {stranger[0]}): mọi bản ghi phải thuộc đơn vị gửi hoặc "
                "đơn vị cấp dưới của nó. Không nhập.")
        flags = {row[flag] for row in rows}
        if not set(map(type, flags)) <= {int} or not flags <= {0, 1}:
            raise BundleRefused(f"Bảng {self.name}: cờ xóa không hợp lệ")


@dataclass
class References:
    """References resolved against this database as sections are written; those to the
    section being written or to a later one wait until it is written."""

    tables: dict[str, SyncTable]
    order: list[str]  # the bundle's sections, in order
    pending: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)

    def _missing(self, db: Handle, target: str, values: Iterable[str]) -> set[str]:
        wanted = set(values)
        if not wanted:
            return wanted
        if target == "office":
            return {v for v in wanted if offices.get_office(db, v) is None}
        return wanted - set(sync_rows.owners(db, target, wanted))

    def check(self, db: Handle, name: str, columns: tuple[str, ...], rows: list[Row],
              position: int) -> None:
        """Before a chunk of section `name` (number `position` in the bundle) is written."""
        for column, target in self.tables[name].references:
            if column == "office_id" or column not in columns:
                continue
            index = columns.index(column)
            values = {row[index] for row in rows} - {None}
            if not all(isinstance(v, str) for v in values):
                raise BundleRefused(f"Bảng {name}, cột {column}: tham chiếu không hợp lệ")
            missing = self._missing(db, target, values)
            if not missing:
                continue
            later = target in self.order[position:]
            if not later:
                _dangling(name, column, target, missing)
            self.pending.setdefault((name, column, target), set()).update(missing)

    def finish(self, db: Handle) -> None:
        for (name, column, target), values in self.pending.items():
            missing = self._missing(db, target, values)
            if missing:
                _dangling(name, column, target, missing)
        self.pending.clear()


def _dangling(name: str, column: str, target: str, missing: set[Any]) -> None:
    raise BundleRefused(
        f"Bảng {name}, cột {column}: tham chiếu tới bản ghi không tồn tại "
        f"trong bảng {target} ({sorted(missing)[0]}). Không nhập.")
