"""Signed receipts: the receiving office's word that it imported a bundle.

A receipt is a framed file of kind "receipt" with no payload, signed by the office that
imported the bundle. It names the bundle's id, sequence number and the SHA-256 of its
signed header (which covers the payload's hash), and the date it was imported there.
It is not encrypted: it holds no personal data. The sending office accepts it only when
it is signed by the enrolled office the bundle was made for (the parent for a bundle sent
up, the child for the lists sent down) and matches a bundle it made itself; importing the
same receipt again changes nothing, so receipts need no ledger of their own.

A receipt for a bundle sent up makes that bundle the base of the next delta, and the
change log up to its mark is no longer needed (store/sync_changes.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cadre_desktop.store import offices, sync_changes, sync_log
from cadre_desktop.store.db import Database, now_utc
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.sync_log import LedgerEntry
from cadre_desktop.sync.header import OfficeRef, ReceiptHeader
from cadre_desktop.sync.keys import OfficeKeys
from cadre_desktop.sync.strict import DEFAULT_LIMITS, BundleRefused, Limits, canonical
from cadre_desktop.sync.verify import open_signed


@dataclass(frozen=True)
class ReceiptResult:
    bundle_id: str
    sequence: int
    received_by: OfficeRef
    received_at: str
    status: str  # 'recorded' or 'already-recorded'

    def to_json(self) -> dict[str, object]:
        return {"bundle_id": self.bundle_id, "sequence": self.sequence,
                "received_by": self.received_by.label, "received_by_id": self.received_by.id,
                "received_at": self.received_at, "status": self.status}


def build_receipt(keys: OfficeKeys, issuer: OfficeRef, entry: LedgerEntry) -> bytes:
    header = ReceiptHeader(
        receipt_id=str(uuid.uuid4()), sender=issuer, recipient_id=entry.sender_id,
        created=now_utc(), bundle_id=entry.bundle_id, sequence=entry.sequence,
        bundle_sha256=entry.header_sha256, imported_at=entry.imported_at)
    return keys.frame(canonical(header.to_json()))


def import_receipt(db: Database, data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReceiptResult:
    verified = open_signed(db, data, limits)
    header = verified.header
    if not isinstance(header, ReceiptHeader):
        raise BundleRefused("Đây là gói dữ liệu, không phải biên nhận: hãy dùng 'Nhập gói dữ liệu'")
    if header.recipient_id != db.office_id:
        raise BundleRefused("Biên nhận này gửi cho một đơn vị khác, không phải đơn vị này")
    sent = sync_log.export_entry(db, header.bundle_id)
    if sent is None:
        raise BundleRefused("Biên nhận nói về một gói không do đơn vị này tạo ra")
    if (sent.sequence != header.sequence or sent.header_sha256 != header.bundle_sha256
            or sent.recipient_id != verified.key.office_id):
        raise BundleRefused(
            f"Biên nhận không khớp với gói số {sent.sequence} đã gửi (số, nội dung hoặc đơn vị "
            "nhận khác): không ghi nhận.")
    result = ReceiptResult(header.bundle_id, header.sequence, header.sender, header.imported_at,
                           "already-recorded")
    if sent.receipt_at == header.imported_at and sent.receipt_by == verified.key.office_id:
        return result
    with db.write(f"Nhận biên nhận gói số {header.sequence}", undoable=False) as tx:
        sync_log.mark_received(tx, header.bundle_id, header.imported_at, verified.key.office_id)
        base = sync_log.acknowledged_base(tx, sent.recipient_id)
        if base is not None and base.change_mark is not None:
            sync_changes.prune(tx, base.change_mark)
    return ReceiptResult(header.bundle_id, header.sequence, header.sender, header.imported_at,
                         "recorded")


def issuer_ref(db: Handle) -> OfficeRef:
    me = offices.self_office(db)
    return OfficeRef(me.id, me.code, me.name)
