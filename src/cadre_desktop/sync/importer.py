"""Importing a bundle, in the order of shared/design/bundles.md:

 1. framing and size checks, the enrolled key, the signature over the raw header, then
    the header, and the payload's length and hash (verify.py);
 2. a bundle addressed to this office, from a schema we know: a full snapshot or a delta
    from an enrolled child, or the issued lists from the enrolled parent;
 3. the sequence ledger: the same file again is "already-imported" (nothing changes);
    an older number is refused; the same number with other content is refused and an
    alert is recorded; a gap is accepted with a warning (a full snapshot heals it). A
    delta is applied only on top of its base: the bundle it names must be one imported
    here (any bundle imported since then is covered too, as the delta carries every row
    changed since its base); otherwise it is refused and a full bundle asked for;
 4. decryption (the associated data binds sender, recipient, id, number and base),
    then the payload as a stream: bounded decompression, strict parsing (payload_read.py);
 5. authorisation as the payload is read: the offices first, then every chunk's records
    inside the bundle's scope, references resolvable (authorise.py);
 6. the writes, chunk by chunk (apply_rows.py), the ledger entry and one audit entry, all
    inside the caller's transaction. Foreign keys are checked at commit (deferred).

transaction.py runs this for one bundle or many. A dry run is the same code with the
transaction rolled back at the end, so it reports exactly what the import would do and
leaves the database unchanged. A bundle that would delete more than MASS_DELETE_SHARE of
the sender's live rows (and at least MASS_DELETE_MIN rows) is only imported with
confirm_mass_delete, an option that comes from the clerk, never from the bundle.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain.dates import format_iso
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.domain.wording import format_count
from cadre_desktop.store import migrate, offices, sync_log, sync_rows
from cadre_desktop.store.db import Database, now_utc
from cadre_desktop.store.sync_log import LedgerEntry
from cadre_desktop.store.tx import Transaction
from cadre_desktop.sync import authorise, crypto
from cadre_desktop.sync.apply_rows import SectionWriter, TableCounts
from cadre_desktop.sync.header import DELTA, ISSUED, BundleHeader, OfficeRef
from cadre_desktop.sync.issued import issued_tables
from cadre_desktop.sync.keys import OfficeKeys, unlock
from cadre_desktop.sync.payload_read import OFFICE_RULES, PayloadReader, TextRules
from cadre_desktop.sync.registry import by_name
from cadre_desktop.sync.strict import DEFAULT_LIMITS, BundleRefused, Limits
from cadre_desktop.sync.verify import Verified, open_signed

__all__ = ["ImportOptions", "ImportReport", "KeyCache", "Prepared", "SequenceConflict",
           "TableCounts", "apply_bundle", "prepare"]

MASS_DELETE_SHARE = 0.30
MASS_DELETE_MIN = 20


@dataclass
class ImportReport:
    sender: OfficeRef
    sequence: int
    bundle_id: str
    created: str
    status: str  # 'imported', 'already-imported' or 'dry-run'
    kind: str = "full"  # 'full', 'delta' or 'issued'
    base_sequence: int | None = None
    tables: dict[str, TableCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    needs_confirmation: bool = False
    receipt: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        return {"office": self.sender.code or self.sender.name, "office_id": self.sender.id,
                "office_name": self.sender.name, "sequence": self.sequence,
                "kind": self.kind, "base_sequence": self.base_sequence,
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


class SequenceConflict(BundleRefused):
    """The same number with other content: refused, and an alert must be recorded."""

    def __init__(self, message: str, sender_id: str, bundle_id: str, sequence: int) -> None:
        super().__init__(message)
        self.sender_id = sender_id
        self.bundle_id = bundle_id
        self.sequence = sequence


class MissingBase(BundleRefused):
    """A delta whose base this office does not hold: a full bundle is needed."""


@dataclass(frozen=True)
class Prepared:
    """A bundle whose framing, key, signature, header and payload hash are verified."""

    verified: Verified
    header: BundleHeader


def prepare(db: Database, data: bytes, limits: Limits) -> Prepared:
    """Everything that needs no passphrase and no write: a hostile file stops here."""
    verified = open_signed(db, data, limits)
    return Prepared(verified, _check_bundle(db, verified))


def _check_bundle(db: Database, verified: Verified) -> BundleHeader:
    header = verified.header
    if not isinstance(header, BundleHeader):
        raise BundleRefused("Đây là biên nhận, không phải gói dữ liệu: hãy dùng 'Nhập biên nhận'")
    if header.content == ISSUED and verified.key.role != "parent":
        raise BundleRefused(f"Gói danh mục gửi xuống chỉ nhận từ đơn vị cấp trên đã đăng ký; "
                            f"{header.sender.label} là đơn vị cấp dưới.")
    if header.content != ISSUED and verified.key.role != "child":
        raise BundleRefused(f"{header.sender.label} là đơn vị cấp trên: chỉ nhận gói dữ liệu "
                            "của đơn vị cấp dưới đã đăng ký, và gói danh mục do cấp trên gửi "
                            "xuống.")
    if header.recipient_id != db.office_id:
        raise BundleRefused(f"Gói của {header.sender.label} gửi cho một đơn vị khác, không phải "
                            "đơn vị này: không nhập.")
    if header.schema > migrate.latest_version():
        raise BundleRefused(f"Gói được tạo bằng phiên bản Cadre Desktop mới hơn (lược đồ "
                            f"{header.schema}): hãy cập nhật chương trình rồi nhập lại.")
    if header.base is not None and header.base.sequence >= header.sequence:
        raise BundleRefused("Gói thay đổi có số gói gốc không nhỏ hơn số của chính nó")
    return header


def _ledger(db: Database, header: BundleHeader, verified: Verified) -> list[str]:
    """Warnings; raises for a stale or conflicting number, or a delta without its base."""
    sender = header.sender
    same = sync_log.ledger_entry(db, sender.id, header.sequence)
    if same is not None and same.header_sha256 != verified.header_sha256:
        raise SequenceConflict(
            f"Gói số {header.sequence} của {sender.label} đã được nhập ngày "
            f"{format_iso(same.imported_at)} với nội dung khác. Có thể đơn vị gửi đã khôi "
            "phục một bản sao lưu cũ, hoặc khóa của đơn vị đã bị lộ. Không nhập; đã ghi cảnh "
            "báo. Hãy liên hệ đơn vị gửi.", sender.id, header.bundle_id, header.sequence)
    last = sync_log.last_entry(db, sender.id)
    if last is not None and header.sequence < last.sequence:
        raise BundleRefused(f"Gói số {header.sequence} của {sender.label} cũ hơn gói số "
                            f"{last.sequence} đã nhập ngày {format_iso(last.imported_at)}: "
                            "không nhập gói cũ.")
    if header.content == DELTA:
        _check_base(db, header, last)
        return []
    expected = (last.sequence if last else 0) + 1
    if header.content != ISSUED and header.sequence > expected:
        missing = (f"số {expected}" if header.sequence == expected + 1
                   else f"các số {expected}–{header.sequence - 1}")
        return [f"Chưa nhận được gói {missing} của {sender.label}; gói này là bản đầy đủ nên "
                "thay thế cho các gói còn thiếu."]
    return []


def _check_base(db: Database, header: BundleHeader, last: LedgerEntry | None) -> None:
    base = header.base
    assert base is not None
    held = sync_log.ledger_entry(db, header.sender.id, base.sequence)
    if held is not None and held.bundle_id == base.bundle_id:
        return
    sender = header.sender
    have = (f"gói cuối cùng đã nhập ở đây là số {last.sequence}" if last
            else "ở đây chưa nhập gói nào của đơn vị này")
    raise MissingBase(
        f"Gói số {header.sequence} của {sender.label} chỉ gồm các thay đổi kể từ gói số "
        f"{base.sequence}, nhưng gói số {base.sequence} đó chưa được nhập ở đây ({have}). "
        f"Không nhập gì. Hãy đề nghị {sender.label} gửi một gói đầy đủ (chọn 'Gửi gói đầy "
        "đủ', hoặc lệnh bundle export --full).")


KeyCache = dict[str, OfficeKeys]


def apply_bundle(db: Database, tx: Transaction, prepared: Prepared, passphrase: str | None,
                 options: ImportOptions, keys: KeyCache,
                 progress: Progress = NO_PROGRESS) -> ImportReport:
    """The rest of the pipeline, inside the caller's transaction (or savepoint): ledger,
    decryption, the payload read and written as a stream, the ledger entry, the audit
    entry. Raises BundleRefused (the caller rolls back)."""
    header, verified = prepared.header, prepared.verified
    report = ImportReport(header.sender, header.sequence, header.bundle_id, header.created,
                          "dry-run" if options.dry_run else "imported", header.kind,
                          header.base.sequence if header.base else None)
    done = sync_log.ledger_entry(db, header.sender.id, header.sequence)
    if done is not None and done.header_sha256 == verified.header_sha256:
        report.status = "already-imported"
        return report
    report.warnings += _ledger(db, header, verified)
    progress.step("Đang giải mã", 0, 1)
    key_id = header.recipient_key_id.hex()
    if key_id not in keys:
        keys[key_id] = unlock(db, passphrase, key_id)
    compressed = crypto.decrypt(keys[key_id].enc_private, header.ephemeral,
                                verified.frame.payload, header.aad)
    if compressed is None:
        raise BundleRefused("Không giải mã được gói: dữ liệu mã hóa đã bị sửa, hoặc gói không "
                            f"được tạo cho đơn vị này bởi {header.sender.label}. Không nhập.")
    reader = PayloadReader(compressed, header.payload.raw_length, options.limits)
    scope = _read_and_write(db, tx, header, reader, report, progress.part(0.05, 0.95))
    del compressed
    _mass_delete_check(tx, report, header.sender, scope, options)
    summary = {name: counts.to_json() for name, counts in report.tables.items()}
    sync_log.record_import(tx, LedgerEntry(
        header.sender.id, header.sequence, header.bundle_id, verified.header_sha256,
        header.created, now_utc(), summary, header.kind, report.base_sequence))
    tx.note("office", header.sender.id, {"bundle_id": header.bundle_id, "kind": header.kind,
                                         "sequence": header.sequence, "tables": summary})
    progress.done("Đã ghi xong")
    return report


def _read_and_write(db: Database, tx: Transaction, header: BundleHeader,
                    reader: PayloadReader, report: ImportReport,
                    progress: Progress) -> authorise.Scope:
    issued = header.content == ISSUED
    tables = by_name(db)
    allowed = {t.name for t in issued_tables(db)} if issued else None
    sections = reader.sections
    checked = [authorise.check_section(s.name, s.columns, tables, allowed) for s in sections[1:]]
    office_rows = [row for chunk in reader.rows(sections[0], OFFICE_RULES) for row in chunk]
    check = authorise.check_issuers if issued else authorise.check_offices
    scope = check(db, header.sender, db.office_id, office_rows)
    inserted, updated, unchanged = offices.apply_office_records(
        tx, office_rows, header.sender.id, db.office_id, upward=not issued)
    report.tables["office"] = TableCounts(inserted, updated, 0, unchanged)
    references = authorise.References(tables, [s.name for s in sections[1:]])
    allowed_owners = frozenset(scope.bundle_offices)
    replaces = header.content != DELTA
    for position, (info, table) in enumerate(zip(sections[1:], checked, strict=True)):
        counts = report.tables.setdefault(info.name, TableCounts())
        rules = TextRules(table.single_line, table.machine, table.identifiers)
        checks = authorise.SectionCheck(info.name, info.columns, allowed_owners)
        writer = SectionWriter(tx, info.name, info.columns, scope.compared, header.sender,
                               counts)
        # Every row is checked to belong to the bundle's offices (checks.chunk): when
        # this office is not one of them, its own-rows-only triggers need not run.
        suspended = (contextlib.nullcontext() if db.office_id in allowed_owners
                     else sync_rows.own_triggers_suspended(tx, info.name, info.count))
        with suspended:
            for rows in reader.rows(info, rules):
                progress.step(f"Đang ghi bảng {info.name}", reader.fraction, 1)
                checks.chunk(rows, header.sender)
                references.check(tx, info.name, info.columns, rows, position)
                writer.write(rows)
        if replaces:
            writer.delete_missing(checks.seen)
        checks.seen.clear()
    reader.finish()
    references.finish(tx)
    return scope


def _mass_delete_check(tx: Transaction, report: ImportReport, sender: OfficeRef,
                       scope: authorise.Scope, options: ImportOptions) -> None:
    deleted = sum(c.deleted for c in report.tables.values())
    if deleted < MASS_DELETE_MIN:
        return
    live = 0
    for name, counts in report.tables.items():
        if name != "office":
            now = sync_rows.live_count(tx, name, scope.compared)
            live += now + counts.deleted - counts.appeared
    if deleted <= MASS_DELETE_SHARE * live:
        return
    report.needs_confirmation = True
    message = (f"Gói này sẽ xóa {format_count(deleted)} trong {format_count(live)} "
               f"bản ghi đang có của {sender.label} "
               f"({100 * deleted / max(live, 1):.0f}%). Hãy kiểm tra với đơn vị gửi trước khi "
               "xác nhận nhập.")
    report.warnings.append(message)
    if not options.dry_run and not options.confirm_mass_delete:
        raise BundleRefused(message + " Cần xác nhận xóa hàng loạt để nhập (không nhập gì).")
