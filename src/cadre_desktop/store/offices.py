"""Offices as a tree, this installation's keys and the keys of the offices it trusts.

The office table holds this installation (is_self = 1), its enrolled parent and children,
and the offices below them that arrived in their bundles; parent_id links each to the
office above. An office's subtree is itself and everything below it through parent_id.
Key rows are local: they never travel (see sync/registry.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction

LEVELS = ("province", "office")


@dataclass(frozen=True)
class OfficeRow:
    id: str
    code: str
    name: str
    parent_id: str | None
    is_self: bool
    level: str | None = None  # 'province' or 'office' (this installation's row only)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.code else (self.name or self.id[:8])

    @property
    def display_name(self) -> str:
        """What every view shows: the name, the code only when there is no name."""
        return self.name or self.code or self.id[:8]


_OFFICE = "id, code, name, parent_id, is_self, level"


def _office(row: Any) -> OfficeRow:
    return OfficeRow(str(row[0]), str(row[1]), str(row[2]), row[3], bool(row[4]), row[5])


def get_office(db: Handle, office_id: str) -> OfficeRow | None:
    row = db.conn.execute(f"SELECT {_OFFICE} FROM office WHERE id = ?", (office_id,)).fetchone()
    return _office(row) if row else None


def self_office(db: Handle) -> OfficeRow:
    row = get_office(db, db.office_id)
    if row is None:
        raise DatabaseError("Tệp dữ liệu không có thông tin đơn vị (office)")
    return row


def all_offices(db: Handle) -> list[OfficeRow]:
    return [_office(r) for r in db.conn.execute(
        f"SELECT {_OFFICE} FROM office ORDER BY code, name")]


def names(db: Handle, ids: list[str]) -> dict[str, str]:
    """id -> display name of these offices (those known here)."""
    return {str(r[0]): (str(r[1]) or str(r[2]) or str(r[0])[:8]) for r in db.conn.execute(
        "SELECT o.id, o.name, o.code FROM office o JOIN json_each(?) j ON j.value = o.id",
        (json.dumps(ids),))}


def set_level(tx: Transaction, office_id: str, level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    old = tx.fetch("office", office_id, ["level"])["level"]
    if old != level:
        tx.conn.execute("UPDATE office SET level = ?, updated_at = ? WHERE id = ?",
                        (level, tx.stamp, office_id))
        tx.note("office", office_id, {"old": {"level": old}, "new": {"level": level}})


def subtree_ids(db: Handle, root_id: str) -> list[str]:
    """The office and every office below it, the office first."""
    rows = db.conn.execute(
        "WITH RECURSIVE below(id, depth) AS (SELECT ?, 0 UNION "
        "SELECT o.id, b.depth + 1 FROM office o JOIN below b ON o.parent_id = b.id "
        "WHERE b.depth < 64) SELECT id FROM below ORDER BY depth, id", (root_id,)).fetchall()
    seen: dict[str, None] = {}
    for (office_id,) in rows:
        seen.setdefault(str(office_id), None)
    return list(seen)


def ancestor_ids(db: Handle, office_id: str) -> list[str]:
    """The offices above, nearest first (bounded: a damaged cycle cannot loop)."""
    result: list[str] = []
    current = get_office(db, office_id)
    while current and current.parent_id and len(result) < 64:
        if current.parent_id in result:
            break
        result.append(current.parent_id)
        current = get_office(db, current.parent_id)
    return result


def own_and_issued(db: Handle) -> str:
    """JSON list of the offices whose list entries this office offers as its own choices:
    itself and the offices above it (which issue lists down, sync/issued.py)."""
    return json.dumps([db.office_id, *ancestor_ids(db, db.office_id)])


def office_records(db: Handle, ids: list[str]) -> list[tuple[Any, ...]]:
    """Rows in the bundle's office section order (id, code, name, parent_id, created_at,
    updated_at), in the order of ids."""
    found = {str(r[0]): tuple(r) for r in db.conn.execute(
        "SELECT o.id, o.code, o.name, o.parent_id, o.created_at, o.updated_at FROM office o "
        "JOIN json_each(?) j ON j.value = o.id", (json.dumps(ids),))}
    return [found[i] for i in ids if i in found]


def set_names(tx: Transaction, office_id: str, code: str, name: str) -> None:
    old = tx.fetch("office", office_id, ["code", "name"])
    if old == {"code": code, "name": name}:
        return
    tx.conn.execute("UPDATE office SET code = ?, name = ?, updated_at = ? WHERE id = ?",
                    (code, name, tx.stamp, office_id))
    tx.note("office", office_id, {"old": old, "new": {"code": code, "name": name}})


def ensure_office(tx: Transaction, office_id: str, code: str, name: str,
                  parent_id: str | None) -> None:
    """Create or update a non-self office row (enrolment)."""
    if get_office(tx, office_id) is None:
        tx.conn.execute(
            "INSERT INTO office (id, code, name, is_self, parent_id, created_at, updated_at) "
            "VALUES (?, ?, ?, 0, ?, ?, ?)", (office_id, code, name, parent_id, tx.stamp, tx.stamp))
        tx.note("office", office_id, {"created": {"code": code, "name": name,
                                                  "parent_id": parent_id}})
        return
    set_names(tx, office_id, code, name)
    set_parent(tx, office_id, parent_id)


def set_parent(tx: Transaction, office_id: str, parent_id: str | None) -> None:
    old = tx.fetch("office", office_id, ["parent_id"])["parent_id"]
    if old != parent_id:
        tx.conn.execute("UPDATE office SET parent_id = ?, updated_at = ? WHERE id = ?",
                        (parent_id, tx.stamp, office_id))
        tx.note("office", office_id, {"old": {"parent_id": old}, "new": {"parent_id": parent_id}})


def apply_office_records(tx: Transaction, rows: list[tuple[Any, ...]], sender_id: str,
                         receiver_id: str, upward: bool = True) -> tuple[int, int, int]:
    """The office section of an authorised bundle: (inserted, updated, unchanged). In a
    bundle from below, the sender's own row stays under the receiver whatever the bundle
    says; in one from above (the sender and the offices above it), the rows are taken as
    they come."""
    inserted = updated = unchanged = 0
    for office_id, code, name, parent_id, created_at, updated_at in rows:
        parent = receiver_id if upward and office_id == sender_id else parent_id
        current = tx.conn.execute(
            "SELECT code, name, parent_id, created_at, updated_at FROM office WHERE id = ?",
            (office_id,)).fetchone()
        if current is None:
            tx.conn.execute(
                "INSERT INTO office (id, code, name, is_self, parent_id, created_at, updated_at)"
                " VALUES (?, ?, ?, 0, ?, ?, ?)",
                (office_id, code, name, parent, created_at, updated_at))
            inserted += 1
        elif tuple(current) != (code, name, parent, created_at, updated_at):
            tx.conn.execute(
                "UPDATE office SET code = ?, name = ?, parent_id = ?, created_at = ?, "
                "updated_at = ? WHERE id = ?",
                (code, name, parent, created_at, updated_at, office_id))
            updated += 1
        else:
            unchanged += 1
    return inserted, updated, unchanged


# --- this installation's keys -------------------------------------------------------

@dataclass(frozen=True)
class IdentityRow:
    id: int
    office_id: str
    key_id: str
    sign_public: bytes
    enc_public: bytes
    secret: str
    identity: bytes
    status: str
    created_at: str


_IDENTITY = ("id, office_id, key_id, sign_public, enc_public, secret, identity, status, "
             "created_at")


def active_identity(db: Handle) -> IdentityRow | None:
    row = db.conn.execute(f"SELECT {_IDENTITY} FROM sync_identity WHERE status = 'active'"
                       ).fetchone()
    return IdentityRow(*row) if row else None


def identity_by_key_id(db: Handle, key_id: str) -> IdentityRow | None:
    row = db.conn.execute(f"SELECT {_IDENTITY} FROM sync_identity WHERE key_id = ?",
                       (key_id,)).fetchone()
    return IdentityRow(*row) if row else None


def add_identity(tx: Transaction, key_id: str, sign_public: bytes, enc_public: bytes,
                 secret: str, identity: bytes) -> None:
    """The new active identity; any previous one is retired and its private key erased
    (its public part stays, to recognise the office's older bundles and receipts)."""
    tx.conn.execute("PRAGMA secure_delete = ON")  # the old sealed key's bytes are zeroed
    tx.conn.execute("UPDATE sync_identity SET status = 'retired', retired_at = ?, secret = '' "
                    "WHERE status = 'active'", (tx.stamp,))
    tx.conn.execute(
        "INSERT INTO sync_identity (office_id, key_id, sign_public, enc_public, secret, "
        "identity, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?)",
        (tx.office_id, key_id, sign_public, enc_public, secret, identity, tx.stamp))
    tx.note("sync_identity", key_id, {"created": key_id})


def set_identity_secret(tx: Transaction, key_id: str, secret: str) -> None:
    """Seal an identity's private key again (a new passphrase, a higher scrypt cost)."""
    tx.conn.execute("PRAGMA secure_delete = ON")
    tx.conn.execute("UPDATE sync_identity SET secret = ? WHERE key_id = ?", (secret, key_id))
    tx.note("sync_identity", key_id, {"resealed": key_id})


def forget_old_pages(db: Handle) -> None:
    """After erasing or resealing a key (outside any transaction): copy the write-ahead log
    into the database and empty it, so no older page holding the old sealed key stays in
    the -wal file."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# --- keys of other offices ------------------------------------------------------------

@dataclass(frozen=True)
class OfficeKey:
    key_id: str
    office_id: str
    role: str  # 'child' or 'parent'
    sign_public: bytes
    enc_public: bytes
    fingerprint: str
    status: str  # 'active', 'rotated' or 'revoked'
    enrolled_at: str
    status_at: str | None
    status_note: str


_KEY = ("key_id, office_id, role, sign_public, enc_public, fingerprint, status, enrolled_at, "
        "status_at, status_note")


def key_by_id(db: Handle, key_id: str) -> OfficeKey | None:
    row = db.conn.execute(f"SELECT {_KEY} FROM sync_office_key WHERE key_id = ?",
                       (key_id,)).fetchone()
    return OfficeKey(*row) if row else None


def active_key(db: Handle, office_id: str) -> OfficeKey | None:
    row = db.conn.execute(f"SELECT {_KEY} FROM sync_office_key WHERE office_id = ? "
                       "AND status = 'active'", (office_id,)).fetchone()
    return OfficeKey(*row) if row else None


def active_parent_key(db: Handle) -> OfficeKey | None:
    row = db.conn.execute(f"SELECT {_KEY} FROM sync_office_key WHERE role = 'parent' "
                       "AND status = 'active'").fetchone()
    return OfficeKey(*row) if row else None


def all_keys(db: Handle) -> list[OfficeKey]:
    return [OfficeKey(*r) for r in db.conn.execute(
        f"SELECT {_KEY} FROM sync_office_key ORDER BY enrolled_at, rowid")]


def add_key(tx: Transaction, key: OfficeKey) -> None:
    tx.conn.execute(
        f"INSERT INTO sync_office_key ({_KEY}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key.key_id, key.office_id, key.role, key.sign_public, key.enc_public,
         key.fingerprint, key.status, key.enrolled_at, key.status_at, key.status_note))
    tx.note("sync_office_key", key.key_id, {"enrolled": key.office_id, "role": key.role})


def active_child_keys(db: Handle) -> list[OfficeKey]:
    return [OfficeKey(*r) for r in db.conn.execute(
        f"SELECT {_KEY} FROM sync_office_key WHERE role = 'child' AND status = 'active' "
        "ORDER BY enrolled_at, rowid")]


def set_key_status(tx: Transaction, key_id: str, status: str, note: str) -> None:
    tx.conn.execute("UPDATE sync_office_key SET status = ?, status_at = ?, status_note = ? "
                    "WHERE key_id = ?", (status, tx.stamp, note, key_id))
    tx.note("sync_office_key", key_id, {"status": status, "note": note})
