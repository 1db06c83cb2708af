"""Making a bundle: up to the parent office (a full snapshot of the office's subtree, or
the changes since the last bundle the parent acknowledged), or down to a child office
(the lists this office issues, sync/issued.py); compressed, encrypted to the recipient's
key and signed with this office's key.

Rows are streamed from the database into the compressor a chunk at a time: an export
holds the compressed bundle, never the raw snapshot.

The snapshot, the sequence number and the record of the export are taken in one write
transaction, which commits before the caller writes the file: a number once handed out is
never handed out again, even when writing the file then fails (the receiver sees a gap,
which a full snapshot heals). The record keeps the change mark the bundle covers, so the
next delta starts where the acknowledged one ended (store/sync_changes.py).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import uuid
from dataclasses import dataclass

from cadre_desktop import __version__
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.store import migrate, offices, sync_changes, sync_log, sync_rows
from cadre_desktop.store.db import Database, now_utc
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.offices import OfficeKey, OfficeRow
from cadre_desktop.store.sync_log import ExportEntry
from cadre_desktop.sync import crypto, payload
from cadre_desktop.sync.framing import PREFIX_LEN
from cadre_desktop.sync.header import (
    DELTA,
    FULL,
    ISSUED,
    BaseRef,
    BundleHeader,
    OfficeRef,
    PayloadInfo,
)
from cadre_desktop.sync.issued import issued_tables
from cadre_desktop.sync.keys import OfficeKeys
from cadre_desktop.sync.payload import OFFICE_COLUMNS, OFFICE_SECTION, SectionSource, Snapshot
from cadre_desktop.sync.registry import SyncTable, shared_default_ids, synchronised_tables
from cadre_desktop.sync.strict import canonical


@dataclass(frozen=True)
class SealedBundle:
    data: bytes
    header: BundleHeader
    header_sha256: str
    counts: dict[str, int]
    raw_length: int = 0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _columns(table: SyncTable) -> tuple[str, ...]:
    return ("id", *(c for c in table.columns if c != "id"))


def table_sources(db: Handle, tables: list[SyncTable], office_ids: list[str],
                  since: int | None = None, skip_empty: bool = False) -> list[SectionSource]:
    """One streamed section per table: the rows these offices own (or those changed after
    the mark `since`), without the shared default list rows."""
    shared = shared_default_ids()
    result = []
    for table in tables:
        columns = _columns(table)
        exclude = shared.get(table.name, frozenset())
        count = sync_rows.count_for_export(db, table.name, office_ids, exclude, since)
        if skip_empty and count == 0:
            continue
        chunks = functools.partial(sync_rows.iter_for_export, db, table.name, columns,
                                   office_ids, exclude, since)
        result.append(SectionSource(table.name, columns, count, chunks))
    return result


def office_source(db: Handle, office_ids: list[str]) -> SectionSource:
    rows = offices.office_records(db, office_ids)
    return SectionSource(OFFICE_SECTION, OFFICE_COLUMNS, len(rows), lambda: [rows])


def collect_snapshot(db: Handle, root_id: str) -> Snapshot:
    """The full snapshot of an office's subtree in memory (tests and small offices)."""
    office_ids = offices.subtree_ids(db, root_id)
    sources = [office_source(db, office_ids),
               *table_sources(db, synchronised_tables(db), office_ids)]
    sections = [payload.Section(s.name, s.columns, [r for chunk in s.chunks() for r in chunk])
                for s in sources]
    return Snapshot(sections[0], sections[1:])


def seal_compressed(keys: OfficeKeys, sender: OfficeRef, recipient_id: str,
                    recipient_key_id: bytes, recipient_enc: bytes, sequence: int,
                    compressed: bytes, raw_length: int, schema: int,
                    bundle_id: str | None = None, created: str | None = None,
                    content: str = FULL,
                    base: BaseRef | None = None) -> tuple[bytes, BundleHeader, str]:
    """The framed file, its header and the SHA-256 of its signed part."""
    eph, eph_public = crypto.new_ephemeral()
    unsealed = BundleHeader(
        bundle_id=bundle_id or str(uuid.uuid4()), sequence=sequence, sender=sender,
        recipient_id=recipient_id, recipient_key_id=recipient_key_id,
        created=created or now_utc(), schema=schema, app=__version__, ephemeral=eph_public,
        payload=PayloadInfo(0, "", raw_length), content=content, base=base)
    ciphertext = crypto.encrypt(eph, recipient_enc, compressed, unsealed.aad)
    header = dataclasses.replace(unsealed, payload=PayloadInfo(
        len(ciphertext), hashlib.sha256(ciphertext).hexdigest(), raw_length))
    header_bytes = canonical(header.to_json())
    data = keys.frame(header_bytes, ciphertext)
    signed_sha = hashlib.sha256(data[:PREFIX_LEN + len(header_bytes)]).hexdigest()
    return data, header, signed_sha


@dataclass(frozen=True)
class _Target:
    office: OfficeRow
    key: OfficeKey
    content: str
    base: ExportEntry | None


def _parent_target(db: Database, full: bool) -> _Target:
    parent = offices.active_parent_key(db)
    if parent is None:
        raise UserError("Chưa đăng ký đơn vị cấp trên: hãy nhập tệp định danh của đơn vị cấp "
                        "trên và xác nhận mã số trước khi gửi dữ liệu.")
    recipient = offices.get_office(db, parent.office_id)
    if recipient is None:
        raise UserError("Không tìm thấy đơn vị cấp trên đã đăng ký")
    base = None if full else sync_log.acknowledged_base(db, recipient.id)
    if base is not None and not sync_changes.is_tracking(db):
        base = None
    return _Target(recipient, parent, DELTA if base else FULL, base)


def _child_target(db: Database, code_or_id: str) -> _Target:
    from cadre_desktop.domain import text

    wanted = text.fold(code_or_id)
    for key in offices.active_child_keys(db):
        office = offices.get_office(db, key.office_id)
        if office and (office.id == code_or_id or (office.code and
                                                   text.fold(office.code) == wanted)):
            return _Target(office, key, ISSUED, None)
    raise UserError(f"'{code_or_id}' không phải đơn vị cấp dưới đã đăng ký (có khóa đang dùng) "
                    "của đơn vị này: chỉ gửi xuống được cho đơn vị cấp dưới đã đăng ký.")


def _sources(db: Database, me: OfficeRow, target: _Target) -> list[SectionSource]:
    if target.content == ISSUED:
        chain = [me.id, *offices.ancestor_ids(db, me.id)]
        return [office_source(db, chain), *table_sources(db, issued_tables(db), chain)]
    office_ids = offices.subtree_ids(db, me.id)
    since = target.base.change_mark if target.base else None
    return [office_source(db, office_ids),
            *table_sources(db, synchronised_tables(db), office_ids, since,
                           skip_empty=since is not None)]


def export_bundle(db: Database, keys: OfficeKeys, file_name: str, full: bool = False,
                  to: str | None = None, progress: Progress = NO_PROGRESS) -> SealedBundle:
    """Take the snapshot (or the changes, or the issued lists for the child office `to`),
    number it and record it; the caller then writes the file."""
    target = _child_target(db, to) if to else _parent_target(db, full)
    me = offices.self_office(db)
    verb = "gửi xuống" if target.content == ISSUED else "gửi"
    with db.write(f"Xuất gói dữ liệu {verb} {target.office.display_name}",
                  undoable=False) as tx:
        tx.keep_empty = True
        sequence = sync_log.next_sequence(db)
        mark = sync_changes.current_mark(db)
        progress.step("Đang đọc dữ liệu", 0, 1)
        sources = _sources(db, me, target)
        compressed, raw_length = payload.write_compressed(sources,
                                                          progress=progress.part(0.0, 0.9))
        progress.step("Đang mã hóa và ký", 9, 10)
        base = (BaseRef(target.base.sequence, target.base.bundle_id) if target.base else None)
        data, header, signed_sha = seal_compressed(
            keys, OfficeRef(me.id, me.code, me.name), target.office.id,
            bytes.fromhex(target.key.key_id), target.key.enc_public, sequence, compressed,
            raw_length, migrate.current_version(db.conn), content=target.content, base=base)
        del compressed
        progress.check()
        counts = {s.name: s.count for s in sources}
        sync_log.record_export(tx, ExportEntry(
            bundle_id=header.bundle_id, sequence=sequence, recipient_id=target.office.id,
            header_sha256=signed_sha, created_at=header.created, file_name=file_name,
            size=len(data), summary=counts, receipt_at=None, receipt_by=None,
            receipt_imported_at=None, kind=header.kind,
            base_sequence=base.sequence if base else None,
            change_mark=None if target.content == ISSUED else mark))
    progress.done("Đã tạo gói")
    return SealedBundle(data, header, signed_sha, counts, raw_length)
