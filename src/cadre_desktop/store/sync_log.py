"""Bundle bookkeeping: the ledger of imported bundles per sending office, the bundles this
office has made (whose highest number is its sequence counter) with the receipts that
came back, and alerts for the clerk. Local tables: they never travel.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class LedgerEntry:
    sender_id: str
    sequence: int
    bundle_id: str
    header_sha256: str
    created: str
    imported_at: str
    summary: dict[str, Any]
    kind: str = "full"  # 'full', 'delta' or 'issued'
    base_sequence: int | None = None


_LEDGER = ("sender_id, sequence, bundle_id, header_sha256, created, imported_at, summary, "
           "kind, base_sequence")


def _ledger(row: Any) -> LedgerEntry:
    return LedgerEntry(str(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]),
                       str(row[5]), json.loads(row[6]), str(row[7]), row[8])


def ledger_entry(db: Handle, sender_id: str, sequence: int) -> LedgerEntry | None:
    row = db.conn.execute(
        f"SELECT {_LEDGER} FROM sync_ledger WHERE sender_id = ? AND sequence = ?",
        (sender_id, sequence)).fetchone()
    return _ledger(row) if row else None


def last_entry(db: Handle, sender_id: str) -> LedgerEntry | None:
    row = db.conn.execute(f"SELECT {_LEDGER} FROM sync_ledger WHERE sender_id = ? "
                          "ORDER BY sequence DESC LIMIT 1", (sender_id,)).fetchone()
    return _ledger(row) if row else None


def last_entries(db: Handle) -> dict[str, LedgerEntry]:
    rows = db.conn.execute(
        f"SELECT {_LEDGER} FROM sync_ledger l WHERE sequence = "
        "(SELECT MAX(sequence) FROM sync_ledger m WHERE m.sender_id = l.sender_id)")
    return {e.sender_id: e for e in map(_ledger, rows)}


def record_import(tx: Transaction, entry: LedgerEntry) -> None:
    tx.conn.execute(
        f"INSERT INTO sync_ledger ({_LEDGER}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.sender_id, entry.sequence, entry.bundle_id, entry.header_sha256, entry.created,
         entry.imported_at, json.dumps(entry.summary, ensure_ascii=False, sort_keys=True),
         entry.kind, entry.base_sequence))


@dataclass(frozen=True)
class ExportEntry:
    bundle_id: str
    sequence: int
    recipient_id: str
    header_sha256: str
    created_at: str
    file_name: str
    size: int
    summary: dict[str, Any]
    receipt_at: str | None
    receipt_by: str | None
    receipt_imported_at: str | None
    kind: str = "full"  # 'full', 'delta' or 'issued'
    base_sequence: int | None = None
    change_mark: int | None = None  # the highest sync_change.seq the bundle covers


_EXPORT = ("bundle_id, sequence, recipient_id, header_sha256, created_at, file_name, size, "
           "summary, receipt_at, receipt_by, receipt_imported_at, kind, base_sequence, "
           "change_mark")


def _export(row: Any) -> ExportEntry:
    values = list(row)
    values[7] = json.loads(values[7])
    return ExportEntry(*values)


def next_sequence(db: Handle) -> int:
    return int(db.conn.execute("SELECT COALESCE(MAX(sequence), 0) + 1 FROM sync_export"
                               ).fetchone()[0])


def record_export(tx: Transaction, entry: ExportEntry) -> None:
    tx.conn.execute(
        f"INSERT INTO sync_export ({_EXPORT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.bundle_id, entry.sequence, entry.recipient_id, entry.header_sha256,
         entry.created_at, entry.file_name, entry.size,
         json.dumps(entry.summary, ensure_ascii=False, sort_keys=True), None, None, None,
         entry.kind, entry.base_sequence, entry.change_mark))
    tx.note("sync_export", entry.bundle_id, {"sequence": entry.sequence, "kind": entry.kind,
                                             "recipient": entry.recipient_id})


def exports(db: Handle) -> list[ExportEntry]:
    return [_export(r) for r in db.conn.execute(
        f"SELECT {_EXPORT} FROM sync_export ORDER BY sequence DESC")]


def export_entry(db: Handle, bundle_id: str) -> ExportEntry | None:
    row = db.conn.execute(f"SELECT {_EXPORT} FROM sync_export WHERE bundle_id = ?",
                          (bundle_id,)).fetchone()
    return _export(row) if row else None


def acknowledged_base(db: Handle, recipient_id: str) -> ExportEntry | None:
    """The newest bundle made for this recipient whose receipt came back and that
    recorded its change mark: what a delta for that recipient is made on top of."""
    row = db.conn.execute(
        f"SELECT {_EXPORT} FROM sync_export WHERE recipient_id = ? AND receipt_at IS NOT NULL "
        "AND change_mark IS NOT NULL AND kind IN ('full', 'delta') "
        "ORDER BY sequence DESC LIMIT 1", (recipient_id,)).fetchone()
    return _export(row) if row else None


def mark_received(tx: Transaction, bundle_id: str, receipt_at: str, receipt_by: str) -> None:
    tx.conn.execute("UPDATE sync_export SET receipt_at = ?, receipt_by = ?, "
                    "receipt_imported_at = ? WHERE bundle_id = ?",
                    (receipt_at, receipt_by, tx.stamp, bundle_id))
    tx.note("sync_export", bundle_id, {"receipt_at": receipt_at, "receipt_by": receipt_by})


@dataclass(frozen=True)
class Alert:
    id: int
    at: str
    office_id: str | None
    kind: str
    message: str
    bundle_id: str | None
    sequence: int | None


def record_alert(tx: Transaction, office_id: str | None, kind: str, message: str,
                 bundle_id: str | None, sequence: int | None) -> None:
    tx.conn.execute(
        "INSERT INTO sync_alert (at, office_id, kind, message, bundle_id, sequence) "
        "VALUES (?, ?, ?, ?, ?, ?)", (tx.stamp, office_id, kind, message, bundle_id, sequence))
    tx.note("sync_alert", bundle_id or "", {"kind": kind, "office": office_id})


def alerts(db: Handle) -> list[Alert]:
    return [Alert(*r) for r in db.conn.execute(
        "SELECT id, at, office_id, kind, message, bundle_id, sequence FROM sync_alert "
        "ORDER BY id DESC")]
