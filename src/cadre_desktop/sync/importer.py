"""Importing a child office's bundle, in the order of shared/design/bundles.md:

 1. framing and size checks, the enrolled key, the signature over the raw header, then
    the header, and the payload's length and hash (verify.py);
 2. a bundle from an enrolled child, addressed to this office, from a schema we know;
 3. the sequence ledger: the same file again is "already-imported" (nothing changes);
    an older number is refused; the same number with other content is refused and an
    alert is recorded; a gap is accepted with a warning (a full snapshot heals it);
 4. decryption (the associated data binds sender, recipient, id and number), bounded
    decompression, strict parsing (payload.py);
 5. authorisation: every office and record inside the sender's subtree, references
    resolvable (authorise.py);
 6. one transaction: the office rows, every table's inserts, updates and soft deletes of
    rows missing from the snapshot, the ledger entry and one audit entry. Foreign keys
    are checked at commit (deferred), after the references were checked above.

This module is the pipeline for one bundle; transaction.py runs it inside one transaction
(a savepoint per bundle when several are imported in one go). A dry run is the same code
with the transaction rolled back at the end, so it reports exactly what the import would
do and leaves the database unchanged. A snapshot that would
delete more than MASS_DELETE_SHARE of the sender's live rows (and at least
MASS_DELETE_MIN rows) is only imported with confirm_mass_delete, an option that comes
from the clerk, never from the bundle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain.dates import format_iso
from cadre_desktop.domain.wording import format_count
from cadre_desktop.store import migrate, offices, sync_log, sync_rows
from cadre_desktop.store.db import Database, now_utc
from cadre_desktop.store.sync_log import LedgerEntry
from cadre_desktop.store.tx import Transaction
from cadre_desktop.sync import authorise, crypto, payload
from cadre_desktop.sync.header import BundleHeader, OfficeRef
from cadre_desktop.sync.keys import OfficeKeys, unlock
from cadre_desktop.sync.registry import by_name
from cadre_desktop.sync.strict import (
    DEFAULT_LIMITS,
    BundleRefused,
    CancelledFn,
    Limits,
)
from cadre_desktop.sync.verify import Verified, open_signed

MASS_DELETE_SHARE = 0.30
MASS_DELETE_MIN = 20


@dataclass
class TableCounts:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    def to_json(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "deleted": self.deleted,
                "unchanged": self.unchanged}


@dataclass
class ImportReport:
    sender: OfficeRef
    sequence: int
    bundle_id: str
    created: str
    status: str  # 'imported', 'already-imported' or 'dry-run'
    tables: dict[str, TableCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    needs_confirmation: bool = False
    receipt: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        return {"office": self.sender.code or self.sender.name, "office_id": self.sender.id,
                "office_name": self.sender.name, "sequence": self.sequence,
                "bundle_id": self.bundle_id, "created": self.created, "status": self.status,
                "tables": {k: v.to_json() for k, v in self.tables.items()},
                "warnings": list(self.warnings),
                "needs_confirmation": self.needs_confirmation}


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    confirm_mass_delete: bool = False
    make_receipt: bool = True
    limits: Limits = DEFAULT_LIMITS


@dataclass
class _TablePlan:
    columns: tuple[str, ...]
    inserts: list[tuple[Any, ...]]
    updates: list[tuple[Any, ...]]
    deletes: list[str]
    live_before: int


class SequenceConflict(BundleRefused):
    """The same number with other content: refused, and an alert must be recorded."""

    def __init__(self, message: str, sender_id: str, bundle_id: str, sequence: int) -> None:
        super().__init__(message)
        self.sender_id = sender_id
        self.bundle_id = bundle_id
        self.sequence = sequence


@dataclass(frozen=True)
class Prepared:
    """A bundle whose framing, key, signature, header and payload hash are verified."""

    verified: Verified
    header: BundleHeader


def prepare(db: Database, data: bytes, limits: Limits) -> Prepared:
    """Everything that needs no passphrase and no write: a hostile file stops here."""
    verified = open_signed(db.conn, data, limits)
    return Prepared(verified, _check_bundle(db, verified))


def _check_bundle(db: Database, verified: Verified) -> BundleHeader:
    header = verified.header
    if not isinstance(header, BundleHeader):
        raise BundleRefused("Đây là biên nhận, không phải gói dữ liệu: hãy dùng 'Nhập biên nhận'")
    if verified.key.role != "child":
        raise BundleRefused(f"{header.sender.label} là đơn vị cấp trên: chỉ nhận gói dữ liệu "
                            "của đơn vị cấp dưới đã đăng ký.")
    if header.recipient_id != db.office_id:
        raise BundleRefused(f"Gói của {header.sender.label} gửi cho một đơn vị khác, không phải "
                            "đơn vị này: không nhập.")
    if header.schema > migrate.latest_version():
        raise BundleRefused(f"Gói được tạo bằng phiên bản Cadre Desktop mới hơn (lược đồ "
                            f"{header.schema}): hãy cập nhật chương trình rồi nhập lại.")
    return header


def _ledger(db: Database, header: BundleHeader, verified: Verified) -> list[str]:
    """Warnings; raises for a stale or conflicting number."""
    sender = header.sender
    same = sync_log.ledger_entry(db.conn, sender.id, header.sequence)
    if same is not None and same.header_sha256 != verified.header_sha256:
        raise SequenceConflict(
            f"Gói số {header.sequence} của {sender.label} đã được nhập ngày "
            f"{format_iso(same.imported_at)} với nội dung khác. Có thể đơn vị gửi đã khôi "
            "phục một bản sao lưu cũ, hoặc khóa của đơn vị đã bị lộ. Không nhập; đã ghi cảnh "
            "báo. Hãy liên hệ đơn vị gửi.", sender.id, header.bundle_id, header.sequence)
    last = sync_log.last_entry(db.conn, sender.id)
    if last is not None and header.sequence < last.sequence:
        raise BundleRefused(f"Gói số {header.sequence} của {sender.label} cũ hơn gói số "
                            f"{last.sequence} đã nhập ngày {format_iso(last.imported_at)}: "
                            "không nhập gói cũ.")
    expected = (last.sequence if last else 0) + 1
    if header.sequence > expected:
        missing = (f"số {expected}" if header.sequence == expected + 1
                   else f"các số {expected}–{header.sequence - 1}")
        return [f"Chưa nhận được gói {missing} của {sender.label}; gói này là bản đầy đủ nên "
                "thay thế cho các gói còn thiếu."]
    return []


def _plan_table(conn: sqlite3.Connection, section: payload.Section, scope: authorise.Scope,
                counts: TableCounts) -> _TablePlan:
    columns = section.columns
    existing = sync_rows.rows_of_offices(conn, section.name, columns, scope.compared)
    flag = columns.index("deleted")
    if not existing:  # an office's first bundle: everything is new
        counts.inserted = len(section.rows)
        return _TablePlan(columns, section.rows, [], [], 0)
    inserts, updates = [], []
    for row in section.rows:
        old = existing.get(row[0])
        if old is None:
            inserts.append(row)
        elif old != row:
            updates.append(row)
            if row[flag] and not old[flag]:
                counts.deleted += 1
            else:
                counts.updated += 1
        else:
            counts.unchanged += 1
    counts.inserted = len(inserts)
    incoming = {row[0] for row in section.rows}
    deletes = [i for i, old in existing.items() if i not in incoming and not old[flag]]
    counts.deleted += len(deletes)
    live = sum(1 for old in existing.values() if not old[flag])
    return _TablePlan(columns, inserts, updates, deletes, live)


def _foreign(conn: sqlite3.Connection, name: str, plan: _TablePlan, sender: OfficeRef,
             scope: authorise.Scope) -> None:
    """After a failed insert: is it a record of another office? (The primary key refuses
    it either way; this only finds the words. Rows of this bundle inserted before the
    failing one are in the scope and not counted.)"""
    ours = set(scope.compared)
    found = sync_rows.owners(conn, name, (r[0] for r in plan.inserts))
    foreign = {k: v for k, v in found.items() if v not in ours}
    if foreign:
        record_id, owner = next(iter(foreign.items()))
        office = offices.get_office(conn, owner)
        raise BundleRefused(
            f"Gói của {sender.label} có bản ghi {record_id} (bảng {name}) đã có ở đây và "
            f"thuộc {office.label if office else owner}, không thuộc đơn vị gửi: không nhập.")


def _apply(tx: Transaction, name: str, plan: _TablePlan, sender: OfficeRef,
           scope: authorise.Scope) -> None:
    try:
        sync_rows.insert_rows(tx.conn, name, plan.columns, plan.inserts)
    except sqlite3.IntegrityError as exc:
        _foreign(tx.conn, name, plan, sender, scope)
        raise BundleRefused(f"Bảng {name}: dữ liệu trong gói vi phạm ràng buộc của cơ sở dữ liệu "
                            f"({exc}). Không nhập.") from exc
    try:
        sync_rows.update_rows(tx.conn, name, plan.columns, plan.updates)
        sync_rows.soft_delete_rows(tx.conn, name, plan.deletes, tx.stamp)
    except sqlite3.IntegrityError as exc:
        raise BundleRefused(f"Bảng {name}: dữ liệu trong gói vi phạm ràng buộc của cơ sở dữ liệu "
                            f"({exc}). Không nhập.") from exc


KeyCache = dict[str, OfficeKeys]


def apply_bundle(db: Database, tx: Transaction, prepared: Prepared, passphrase: str | None,
                 options: ImportOptions, keys: KeyCache,
                 step: Callable[[str, float], None],
                 cancelled: CancelledFn | None = None) -> ImportReport:
    """The rest of the pipeline, inside the caller's transaction (its own savepoint):
    ledger, decryption, decoding, authorisation, the writes, the ledger entry, the audit
    entry. Raises BundleRefused (the caller rolls the savepoint back)."""
    header, verified = prepared.header, prepared.verified
    report = ImportReport(header.sender, header.sequence, header.bundle_id, header.created,
                          "dry-run" if options.dry_run else "imported")
    done = sync_log.ledger_entry(db.conn, header.sender.id, header.sequence)
    if done is not None and done.header_sha256 == verified.header_sha256:
        report.status = "already-imported"
        return report
    report.warnings += _ledger(db, header, verified)
    step("Đang giải mã", 0.1)
    key_id = header.recipient_key_id.hex()
    if key_id not in keys:
        keys[key_id] = unlock(db.conn, passphrase, key_id)
    compressed = crypto.decrypt(keys[key_id].enc_private, header.ephemeral,
                                verified.frame.payload, header.aad)
    if compressed is None:
        raise BundleRefused("Không giải mã được gói: dữ liệu mã hóa đã bị sửa, hoặc gói không "
                            f"được tạo cho đơn vị này bởi {header.sender.label}. Không nhập.")
    step("Đang giải nén", 0.2)
    plain = payload.decompress(compressed, header.payload.raw_length, options.limits)
    del compressed
    tables = by_name(db.conn)
    rules = {n: payload.TextRules(t.single_line, t.machine, t.identifiers)
             for n, t in tables.items()}
    snapshot = payload.decode(plain, options.limits, rules, cancelled)
    del plain
    step("Đang kiểm tra quyền", 0.35)
    scope = authorise.check_offices(db.conn, header.sender, db.office_id, snapshot.offices)
    authorise.check_sections(snapshot, tables, scope, header.sender)
    authorise.check_references(db.conn, snapshot, tables)
    _write(db, tx, prepared, snapshot, scope, report, options, step)
    return report


def _write(db: Database, tx: Transaction, prepared: Prepared, snapshot: payload.Snapshot,
           scope: authorise.Scope, report: ImportReport, options: ImportOptions,
           step: Callable[[str, float], None]) -> None:
    header = prepared.header
    sender = header.sender
    plans: dict[str, _TablePlan] = {}
    for section in snapshot.tables:
        counts = report.tables.setdefault(section.name, TableCounts())
        plans[section.name] = _plan_table(db.conn, section, scope, counts)
    _mass_delete_check(plans, report, sender, options)
    office_counts = offices.apply_office_records(tx, snapshot.offices.rows, sender.id,
                                                 db.office_id)
    report.tables = {"office": TableCounts(*office_counts[:2], 0, office_counts[2]),
                     **report.tables}
    for number, (name, plan) in enumerate(plans.items(), start=1):
        step(f"Đang ghi bảng {name}", 0.4 + 0.55 * number / max(len(plans), 1))
        _apply(tx, name, plan, sender, scope)
    summary = {name: counts.to_json() for name, counts in report.tables.items()}
    sync_log.record_import(tx, LedgerEntry(
        sender.id, header.sequence, header.bundle_id, prepared.verified.header_sha256,
        header.created, now_utc(), summary))
    tx.note("office", sender.id, {"bundle_id": header.bundle_id, "sequence": header.sequence,
                                  "tables": summary})


def _mass_delete_check(plans: dict[str, _TablePlan], report: ImportReport, sender: OfficeRef,
                       options: ImportOptions) -> None:
    deleted = sum(c.deleted for c in report.tables.values())
    live = sum(p.live_before for p in plans.values())
    if deleted < MASS_DELETE_MIN or deleted <= MASS_DELETE_SHARE * live:
        return
    report.needs_confirmation = True
    message = (f"Gói này sẽ xóa {format_count(deleted)} trong {format_count(live)} "
               f"bản ghi đang có của {sender.label} "
               f"({100 * deleted / max(live, 1):.0f}%). Hãy kiểm tra với đơn vị gửi trước khi "
               "xác nhận nhập.")
    report.warnings.append(message)
    if not options.dry_run and not options.confirm_mass_delete:
        raise BundleRefused(message + " Cần xác nhận xóa hàng loạt để nhập (không nhập gì).")

