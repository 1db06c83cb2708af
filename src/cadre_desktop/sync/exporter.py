"""Making a bundle: a full snapshot of the office's subtree, compressed, encrypted to the
parent office's key and signed with this office's key.

The snapshot, the sequence number and the record of the export are taken in one write
transaction, which commits before the caller writes the file: a number once handed out is
never handed out again, even when writing the file then fails (the receiver sees a gap,
which a full snapshot heals).
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import uuid
from dataclasses import dataclass

from cadre_desktop import __version__
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store import migrate, offices, sync_log, sync_rows
from cadre_desktop.store.db import Database, now_utc
from cadre_desktop.store.offices import OfficeKey
from cadre_desktop.sync import crypto, payload
from cadre_desktop.sync.framing import PREFIX_LEN
from cadre_desktop.sync.header import BundleHeader, OfficeRef, PayloadInfo
from cadre_desktop.sync.keys import OfficeKeys
from cadre_desktop.sync.payload import OFFICE_COLUMNS, OFFICE_SECTION, Section, Snapshot
from cadre_desktop.sync.registry import shared_default_ids, synchronised_tables
from cadre_desktop.sync.strict import CancelledFn, ProgressFn, canonical, check_cancel


@dataclass(frozen=True)
class SealedBundle:
    data: bytes
    header: BundleHeader
    header_sha256: str
    counts: dict[str, int]


def collect_snapshot(conn: sqlite3.Connection, root_id: str,
                     cancelled: CancelledFn | None = None) -> Snapshot:
    """Every synchronised row of the office and the offices below it, without the shared
    default list rows (registry.shared_default_ids)."""
    office_ids = offices.subtree_ids(conn, root_id)
    shared = shared_default_ids()
    sections = []
    for table in synchronised_tables(conn):
        check_cancel(cancelled)
        columns = ("id", *(c for c in table.columns if c != "id"))
        rows = sync_rows.read_for_export(conn, table.name, columns, office_ids)
        skip = shared.get(table.name)
        if skip:
            rows = [r for r in rows if r[0] not in skip]
        sections.append(Section(table.name, columns, rows))
    office_rows = offices.office_records(conn, office_ids)
    return Snapshot(Section(OFFICE_SECTION, OFFICE_COLUMNS, office_rows), sections)


def seal_compressed(keys: OfficeKeys, sender: OfficeRef, recipient_id: str,
                    recipient_key_id: bytes, recipient_enc: bytes, sequence: int,
                    compressed: bytes, raw_length: int, schema: int,
                    bundle_id: str | None = None,
                    created: str | None = None) -> tuple[bytes, BundleHeader, str]:
    """The framed file, its header and the SHA-256 of its signed part."""
    eph, eph_public = crypto.new_ephemeral()
    unsealed = BundleHeader(
        bundle_id=bundle_id or str(uuid.uuid4()), sequence=sequence, sender=sender,
        recipient_id=recipient_id, recipient_key_id=recipient_key_id,
        created=created or now_utc(), schema=schema, app=__version__, ephemeral=eph_public,
        payload=PayloadInfo(0, "", raw_length))
    ciphertext = crypto.encrypt(eph, recipient_enc, compressed, unsealed.aad)
    header = dataclasses.replace(unsealed, payload=PayloadInfo(
        len(ciphertext), hashlib.sha256(ciphertext).hexdigest(), raw_length))
    header_bytes = canonical(header.to_json())
    data = keys.frame(header_bytes, ciphertext)
    signed_sha = hashlib.sha256(data[:PREFIX_LEN + len(header_bytes)]).hexdigest()
    return data, header, signed_sha


def seal(keys: OfficeKeys, sender: OfficeRef, recipient: OfficeKey, sequence: int,
         snapshot: Snapshot, schema: int) -> SealedBundle:
    compressed, raw_length = payload.encode_compressed(snapshot)
    data, header, signed_sha = seal_compressed(
        keys, sender, recipient.office_id, bytes.fromhex(recipient.key_id),
        recipient.enc_public, sequence, compressed, raw_length, schema)
    counts = {s.name: len(s.rows) for s in [snapshot.offices, *snapshot.tables]}
    return SealedBundle(data, header, signed_sha, counts)


def export_bundle(db: Database, keys: OfficeKeys, file_name: str,
                  progress: ProgressFn | None = None,
                  cancelled: CancelledFn | None = None) -> SealedBundle:
    """Take the snapshot, number it and record it; the caller then writes the file."""
    parent = offices.active_parent_key(db.conn)
    if parent is None:
        raise UserError("Chưa đăng ký đơn vị cấp trên: hãy nhập tệp định danh của đơn vị cấp "
                        "trên và xác nhận mã số trước khi gửi dữ liệu.")
    recipient = offices.get_office(db.conn, parent.office_id)
    me = offices.self_office(db)
    if recipient is None:
        raise UserError("Không tìm thấy đơn vị cấp trên đã đăng ký")
    with db.write(f"Xuất gói dữ liệu gửi {recipient.label}", undoable=False) as tx:
        tx.keep_empty = True
        sequence = sync_log.next_sequence(db.conn)
        if progress:
            progress("Đang đọc dữ liệu", 0.1)
        snapshot = collect_snapshot(db.conn, me.id, cancelled)
        check_cancel(cancelled)
        if progress:
            progress("Đang nén, mã hóa và ký", 0.5)
        sealed = seal(keys, OfficeRef(me.id, me.code, me.name), parent, sequence, snapshot,
                      migrate.current_version(db.conn))
        check_cancel(cancelled)
        sync_log.record_export(tx, sync_log.ExportEntry(
            bundle_id=sealed.header.bundle_id, sequence=sequence, recipient_id=recipient.id,
            header_sha256=sealed.header_sha256, created_at=sealed.header.created,
            file_name=file_name, size=len(sealed.data), summary=sealed.counts,
            receipt_at=None, receipt_by=None, receipt_imported_at=None))
    if progress:
        progress("Đã tạo gói", 1.0)
    return sealed
