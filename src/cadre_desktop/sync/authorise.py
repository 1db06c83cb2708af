"""What a verified, decrypted snapshot may contain: authorisation before any write.

- The office section is a tree rooted at the sender. An office other than the sender
  must be new to this database or already below the sender here; never this office, an
  office above it, or an office that belongs to another part of the tree (an office
  enrolled here directly, or below another child).
- Every table is one this program synchronises, with known columns (id first and the
  required id, office_id, updated_at, deleted); ids are UUID-shaped and unique per table;
  every record's office_id is one of the bundle's offices.
- Every reference (PRAGMA foreign_key_list) points at a record in the bundle or one that
  exists here (the shared default lists); a dangling reference refuses the bundle.
A record whose id exists here under an office outside the sender's subtree is caught
when the import compares rows (importer.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from cadre_desktop.store import offices, sync_rows
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.sync.payload import Section, Snapshot
from cadre_desktop.sync.registry import REQUIRED_COLUMNS, SyncTable
from cadre_desktop.sync.strict import UUID_RE, BundleRefused, all_uuids


@dataclass(frozen=True)
class Scope:
    bundle_offices: tuple[str, ...]   # offices in the bundle, the sender first
    known_below: tuple[str, ...]      # the sender's subtree here, before the import

    @property
    def compared(self) -> tuple[str, ...]:
        """Offices whose rows here the snapshot replaces."""
        return tuple(dict.fromkeys((*self.bundle_offices, *self.known_below)))


def _label(conn: sqlite3.Connection, office_id: str) -> str:
    office = offices.get_office(conn, office_id)
    return office.label if office else office_id


def check_offices(conn: sqlite3.Connection, sender: OfficeRef, receiver_id: str,
                  section: Section) -> Scope:
    rows = section.rows
    for row in rows:
        office_id, code, name, parent_id, created_at, updated_at = row
        if not (isinstance(office_id, str) and UUID_RE.match(office_id)
                and all(isinstance(v, str) for v in (code, name, created_at, updated_at))
                and (parent_id is None or isinstance(parent_id, str))):
            raise BundleRefused("Danh sách đơn vị trong gói có giá trị không hợp lệ")
    parents = {row[0]: row[3] for row in rows}
    if len(parents) != len(rows):
        raise BundleRefused("Danh sách đơn vị trong gói có mã đơn vị trùng nhau")
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
    known_below = offices.subtree_ids(conn, sender.id)
    above_me = {receiver_id, *offices.ancestor_ids(conn, receiver_id)}
    for office_id in parents:
        if office_id == sender.id:
            continue
        if office_id in above_me:
            raise BundleRefused(
                f"Gói của {sender.label} tự nhận quản lý {_label(conn, office_id)}, là đơn vị "
                "này hoặc cấp trên của nó: không nhập.")
        if offices.get_office(conn, office_id) is not None and office_id not in known_below:
            raise BundleRefused(
                f"Gói của {sender.label} chứa dữ liệu của {_label(conn, office_id)}, đơn vị "
                f"không thuộc {sender.label} ở đây: không nhập.")
    return Scope(tuple(parents), tuple(known_below))


def check_sections(snapshot: Snapshot, tables: dict[str, SyncTable], scope: Scope,
                   sender: OfficeRef) -> None:
    allowed_offices = set(scope.bundle_offices)
    for section in snapshot.tables:
        table = tables.get(section.name)
        if table is None:
            raise BundleRefused(
                f"Gói có bảng '{section.name}' mà chương trình này không đồng bộ: hãy cập nhật "
                "Cadre Desktop (hoặc tệp không hợp lệ).")
        unknown = set(section.columns) - set(table.columns)
        if unknown or not set(section.columns) >= REQUIRED_COLUMNS or section.columns[0] != "id":
            raise BundleRefused(
                f"Bảng {section.name} trong gói có cột không hợp lệ "
                f"({', '.join(sorted(unknown)) or 'thiếu cột bắt buộc'})")
        ids = [row[0] for row in section.rows]
        if not all_uuids(ids):
            raise BundleRefused(f"Bảng {section.name}: có mã bản ghi không đúng dạng")
        if len(set(ids)) != len(ids):
            raise BundleRefused(f"Bảng {section.name}: có mã bản ghi trùng nhau trong gói")
        owner = section.columns.index("office_id")
        flag = section.columns.index("deleted")
        owners = {row[owner] for row in section.rows}
        if not owners <= allowed_offices:
            stranger = next(row for row in section.rows if row[owner] not in allowed_offices)
            raise BundleRefused(
                f"Gói của {sender.label} có bản ghi của một đơn vị khác (bảng "
                f"{section.name}, mã {stranger[0]}): mọi bản ghi phải thuộc đơn vị gửi hoặc "
                "đơn vị cấp dưới của nó. Không nhập.")
        flags = [row[flag] for row in section.rows]
        if not set(map(type, flags)) <= {int} or not set(flags) <= {0, 1}:
            raise BundleRefused(f"Bảng {section.name}: cờ xóa không hợp lệ")


def check_references(conn: sqlite3.Connection, snapshot: Snapshot,
                     tables: dict[str, SyncTable]) -> None:
    ids: dict[str, set[Any]] = {s.name: {r[0] for r in s.rows} for s in snapshot.tables}
    ids["office"] = {r[0] for r in snapshot.offices.rows}
    for section in snapshot.tables:
        for column, target in tables[section.name].references:
            if column == "office_id" or column not in section.columns:
                continue
            index = section.columns.index(column)
            values = {row[index] for row in section.rows} - {None}
            if not all(isinstance(v, str) for v in values):
                raise BundleRefused(f"Bảng {section.name}, cột {column}: tham chiếu không hợp lệ")
            missing = values - ids.get(target, set())
            if missing and target == "office":
                missing = {m for m in missing if offices.get_office(conn, m) is None}
            elif missing:
                missing -= set(sync_rows.owners(conn, target, missing))
            if missing:
                raise BundleRefused(
                    f"Bảng {section.name}, cột {column}: tham chiếu tới bản ghi không tồn tại "
                    f"trong bảng {target} ({sorted(missing)[0]}). Không nhập.")
