"""Bundles for the GUI and the command line: export, preview (dry run), import, receipts.

The GUI runs export_to_file, preview_file and import_file in a worker thread with its own
Database (open_database on the same path), passing a domain.progress.Progress; a cancel
raises Cancelled and changes nothing (in a batch: the bundle being written; those before
it stay imported). Every refusal is a BundleRefused (a UserError) whose message is shown
as it is.

Sending up: export_to_file(db, path, passphrase) makes a delta (the changes since the last
bundle the parent acknowledged with a receipt) when it can, a full snapshot otherwise or
with full=True; to=CHILD_CODE makes the bundle of issued lists for that child office.

Usual flow at the receiving office:
    report = preview_file(db, path, passphrase)        # status 'dry-run'
    ...show report.tables / report.warnings; if report.needs_confirmation, ask...
    report = import_file(db, path, passphrase, confirm_mass_delete=answer)
    save_receipt(report, receipt_path)                  # hand it back to the sender
A province with many files: import_files(db, paths, passphrase) gives one BatchItem
(report or error) per file, all in one transaction (see sync/transaction.py).
At the sending office: import_receipt_file(db, path), then sent_bundles(db) shows
"received by ... on DATE".
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.services.offices import unlock_keys
from cadre_desktop.store import files, offices, sync_log
from cadre_desktop.store.db import Database
from cadre_desktop.sync import framing
from cadre_desktop.sync.exporter import export_bundle
from cadre_desktop.sync.importer import ImportOptions, ImportReport
from cadre_desktop.sync.receipts import ReceiptResult, build_receipt, import_receipt, issuer_ref
from cadre_desktop.sync.strict import DEFAULT_LIMITS, Limits
from cadre_desktop.sync.transaction import BatchItem, import_bundle, import_bundles

__all__ = ["BatchItem", "ExportResult", "ImportReport", "ReceiptResult", "SentBundle",
           "export_to_file", "import_file", "import_files", "import_receipt_file",
           "preview_file", "receipt_for", "save_receipt", "sent_bundles"]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    sequence: int
    size: int
    recipient: str
    counts: dict[str, int]
    kind: str = "full"  # 'full', 'delta' or 'issued'
    base_sequence: int | None = None

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "sequence": self.sequence,
                "base_sequence": self.base_sequence, "rows": self.rows, "bytes": self.size,
                "file": str(self.path), "bundle_id": self.bundle_id, "size": self.size,
                "recipient": self.recipient, "tables": self.counts}


def write_atomically(path: Path, data: bytes) -> None:
    """A half-written bundle never carries the final name; on disk before the rename,
    readable by its owner only."""
    files.write_private(path, data, durable=True)


def export_to_file(db: Database, path: Path, passphrase: str, full: bool = False,
                   to: str | None = None, progress: Progress = NO_PROGRESS) -> ExportResult:
    path = Path(path)
    if not path.parent.is_dir():
        raise UserError(f"Không có thư mục {path.parent}")
    keys = unlock_keys(db, passphrase)
    sealed = export_bundle(db, keys, path.name, full=full, to=to, progress=progress)
    try:
        write_atomically(path, sealed.data)
    except OSError as exc:
        raise UserError(f"Đã tạo gói số {sealed.header.sequence} nhưng không ghi được tệp "
                        f"{path}: {exc.strerror or exc}. Hãy xuất lại (gói mới sẽ mang số "
                        "tiếp theo).") from exc
    recipient = offices.get_office(db, sealed.header.recipient_id)
    base = sealed.header.base
    return ExportResult(path, sealed.header.bundle_id, sealed.header.sequence, len(sealed.data),
                        recipient.display_name if recipient else sealed.header.recipient_id,
                        sealed.counts, sealed.header.kind, base.sequence if base else None)


def _read(path: Path, limits: Limits) -> bytes:
    return framing.read_file(Path(path), limits)


def preview_file(db: Database, path: Path, passphrase: str | None,
                 progress: Progress = NO_PROGRESS,
                 limits: Limits = DEFAULT_LIMITS) -> ImportReport:
    """What importing would do, per table; the database is left unchanged."""
    return import_bundle(db, _read(path, limits), passphrase,
                         ImportOptions(dry_run=True, limits=limits), progress)


def import_file(db: Database, path: Path, passphrase: str | None,
                confirm_mass_delete: bool = False, progress: Progress = NO_PROGRESS,
                limits: Limits = DEFAULT_LIMITS) -> ImportReport:
    """Import in one transaction; report.receipt holds the signed receipt to send back."""
    options = ImportOptions(confirm_mass_delete=confirm_mass_delete, limits=limits)
    return import_bundle(db, _read(path, limits), passphrase, options, progress)


def import_files(db: Database, paths: Sequence[Path], passphrase: str | None,
                 confirm_mass_delete: bool = False, dry_run: bool = False,
                 progress: Progress = NO_PROGRESS,
                 limits: Limits = DEFAULT_LIMITS) -> list[BatchItem]:
    """Several bundles in one go (the province's batch), each all or nothing in its own
    transaction (a dry run: all in one, rolled back); a refused file is reported in its
    item and the others are imported. Files are read when they are needed, one at a time."""
    options = ImportOptions(dry_run=dry_run, confirm_mass_delete=confirm_mass_delete,
                            limits=limits)
    files = [(str(path), functools.partial(_read, Path(path), limits)) for path in paths]
    return import_bundles(db, files, passphrase, options, progress)


def save_receipt(report: ImportReport, path: Path) -> None:
    if report.receipt is None:
        raise UserError("Không có biên nhận cho lần nhập này")
    write_atomically(Path(path), report.receipt)


def receipt_for(db: Database, passphrase: str, office_code_or_id: str,
                sequence: int | None = None) -> bytes:
    """A receipt again for a bundle already imported (the latest one by default)."""
    from cadre_desktop.services.offices import find_office

    office = find_office(db, office_code_or_id)
    entry = (sync_log.ledger_entry(db, office.id, sequence) if sequence is not None
             else sync_log.last_entry(db, office.id))
    if entry is None:
        raise UserError(f"Chưa nhập gói nào{f' số {sequence}' if sequence else ''} của "
                        f"{office.label}")
    return build_receipt(unlock_keys(db, passphrase), issuer_ref(db), entry)


def import_receipt_file(db: Database, path: Path,
                        limits: Limits = DEFAULT_LIMITS) -> ReceiptResult:
    return import_receipt(db, _read(path, limits), limits)


@dataclass(frozen=True)
class SentBundle:
    sequence: int
    bundle_id: str
    created_at: str
    file_name: str
    size: int
    recipient: str
    received_at: str | None
    received_by: str | None
    kind: str = "full"
    base_sequence: int | None = None
    recipient_id: str = ""

    @property
    def status_text(self) -> str:
        if self.received_at:
            return (f"{self.received_by or 'Đơn vị cấp trên'} đã nhận ngày "
                    f"{format_date(dt.date.fromisoformat(self.received_at[:10]))}")
        return "Chưa có biên nhận"

    def to_json(self) -> dict[str, Any]:
        return {"sequence": self.sequence, "bundle_id": self.bundle_id,
                "created": self.created_at[:10], "file": self.file_name, "size": self.size,
                "recipient": self.recipient, "kind": self.kind,
                "base_sequence": self.base_sequence, "received_at": _day(self.received_at),
                "received_by": self.received_by, "status": self.status_text}


def _day(stamp: str | None) -> str | None:
    return stamp[:10] if stamp else None


def sent_bundles(db: Database) -> list[SentBundle]:
    """Bundles this office has made, newest first, with the receipts that came back."""
    result = []
    for entry in sync_log.exports(db):
        recipient = offices.get_office(db, entry.recipient_id)
        by = offices.get_office(db, entry.receipt_by) if entry.receipt_by else None
        result.append(SentBundle(entry.sequence, entry.bundle_id, entry.created_at,
                                 entry.file_name, entry.size,
                                 recipient.display_name if recipient else entry.recipient_id,
                                 entry.receipt_at, by.display_name if by else None,
                                 entry.kind, entry.base_sequence, entry.recipient_id))
    return result
