"""Bundle bookkeeping: the ledger of imported bundles per sending office, the bundles this
office has made (whose highest number is its sequence counter) with the receipts that
came back, and alerts for the clerk. Local tables: they never travel.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

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


_LEDGER = "sender_id, sequence, bundle_id, header_sha256, created, imported_at, summary"


def _ledger(row: Any) -> LedgerEntry:
    return LedgerEntry(str(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]),
                       str(row[5]), json.loads(row[6]))


def ledger_entry(conn: sqlite3.Connection, sender_id: str, sequence: int) -> LedgerEntry | None:
    row = conn.execute(f"SELECT {_LEDGER} FROM sync_ledger WHERE sender_id = ? AND sequence = ?",
                       (sender_id, sequence)).fetchone()
    return _ledger(row) if row else None


def last_entry(conn: sqlite3.Connection, sender_id: str) -> LedgerEntry | None:
    row = conn.execute(f"SELECT {_LEDGER} FROM sync_ledger WHERE sender_id = ? "
                       "ORDER BY sequence DESC LIMIT 1", (sender_id,)).fetchone()
    return _ledger(row) if row else None


def last_entries(conn: sqlite3.Connection) -> dict[str, LedgerEntry]:
    rows = conn.execute(
        f"SELECT {_LEDGER} FROM sync_ledger l WHERE sequence = "
        "(SELECT MAX(sequence) FROM sync_ledger m WHERE m.sender_id = l.sender_id)")
    return {e.sender_id: e for e in map(_ledger, rows)}


def record_import(tx: Transaction, entry: LedgerEntry) -> None:
    tx.conn.execute(
        f"INSERT INTO sync_ledger ({_LEDGER}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (entry.sender_id, entry.sequence, entry.bundle_id, entry.header_sha256, entry.created,
         entry.imported_at, json.dumps(entry.summary, ensure_ascii=False, sort_keys=True)))


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


_EXPORT = ("bundle_id, sequence, recipient_id, header_sha256, created_at, file_name, size, "
           "summary, receipt_at, receipt_by, receipt_imported_at")


def _export(row: Any) -> ExportEntry:
    values = list(row)
    values[7] = json.loads(values[7])
    return ExportEntry(*values)


def next_sequence(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(sequence), 0) + 1 FROM sync_export"
                            ).fetchone()[0])


def record_export(tx: Transaction, entry: ExportEntry) -> None:
    tx.conn.execute(
        f"INSERT INTO sync_export ({_EXPORT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.bundle_id, entry.sequence, entry.recipient_id, entry.header_sha256,
         entry.created_at, entry.file_name, entry.size,
         json.dumps(entry.summary, ensure_ascii=False, sort_keys=True), None, None, None))
    tx.note("sync_export", entry.bundle_id, {"sequence": entry.sequence,
                                             "recipient": entry.recipient_id})


def exports(conn: sqlite3.Connection) -> list[ExportEntry]:
    return [_export(r) for r in conn.execute(
        f"SELECT {_EXPORT} FROM sync_export ORDER BY sequence DESC")]


def export_entry(conn: sqlite3.Connection, bundle_id: str) -> ExportEntry | None:
    row = conn.execute(f"SELECT {_EXPORT} FROM sync_export WHERE bundle_id = ?",
                       (bundle_id,)).fetchone()
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


def alerts(conn: sqlite3.Connection) -> list[Alert]:
    return [Alert(*r) for r in conn.execute(
        "SELECT id, at, office_id, kind, message, bundle_id, sequence FROM sync_alert "
        "ORDER BY id DESC")]
