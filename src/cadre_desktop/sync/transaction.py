"""Running imports: one bundle, or many in one go, each all or nothing.

Every file is first verified without writing anything (importer.prepare: framing, key,
signature, header, payload hash), so a hostile file is refused before the database is
touched; only each file's header is kept from that pass, never its bytes, so a province
importing a hundred offices holds one bundle at a time. The verified bundles are then
applied in sequence order per sending office (a delta after its base, when both are in
the folder), each read and verified again:

- an import commits each bundle in its own transaction (its data, its ledger entry, its
  audit entry) and checkpoints the write-ahead log before the next, so the log stays the
  size of one bundle instead of growing with the whole run. A refused bundle is rolled
  back and the others go on; a crash or kill leaves every bundle either imported or not
  at all (importing the folder again skips those already imported). A cancel rolls back
  the bundle being written; those before it stay imported and are reported so.
- a dry run applies them all in one transaction, a savepoint each, rolled back at the end:
  it reports what the import would do (a delta after its base included) and leaves the
  database unchanged.

Alerts for a sequence conflict are written after their bundle is rolled back, so they are
kept. Receipts are signed after each commit, for the bundles imported and those already
imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from cadre_desktop.bulk import gc_paused
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Cancelled, Progress
from cadre_desktop.store import offices as office_store
from cadre_desktop.store import sync_log
from cadre_desktop.store.db import Database
from cadre_desktop.store.tx import Transaction
from cadre_desktop.sync.importer import (
    ImportOptions,
    ImportReport,
    KeyCache,
    Prepared,
    SequenceConflict,
    apply_bundle,
    prepare,
)
from cadre_desktop.sync.keys import OfficeKeys, unlock
from cadre_desktop.sync.receipts import build_receipt, issuer_ref
from cadre_desktop.sync.strict import BundleRefused

# SQLite's page cache while importing (KiB). A province's indexes are touched all over,
# but a cache much larger than this buys no speed (measured) and only adds to the
# memory the import holds.
CACHE_KIB = 64 * 1024
# The write-ahead log is checkpointed after each bundle; once checkpointed it is cut back
# to this size instead of keeping the size of the largest bundle on disk.
WAL_KEEP = 64 * 1024 * 1024

Loader = Callable[[], bytes]


@dataclass
class BatchItem:
    name: str
    report: ImportReport | None
    error: UserError | None


@dataclass(frozen=True)
class _Checked:
    index: int
    header_sha256: str
    sender_id: str
    sequence: int
    prepared: Prepared | None  # kept only when a single file is imported


class _RollBack(Exception):
    """Ends a dry run's transaction once its reports are complete."""


@contextmanager
def _import_pragmas(db: Database) -> Iterator[None]:
    old = int(db.conn.execute("PRAGMA cache_size").fetchone()[0])
    old_limit = int(db.conn.execute("PRAGMA journal_size_limit").fetchone()[0])
    db.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.conn.execute(f"PRAGMA journal_size_limit = {WAL_KEEP}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {old}")
        db.conn.execute(f"PRAGMA journal_size_limit = {old_limit}")


def import_bundle(db: Database, data: bytes, passphrase: str | None,
                  options: ImportOptions | None = None,
                  progress: Progress = NO_PROGRESS) -> ImportReport:
    """One bundle; raises its refusal (BundleRefused or another UserError)."""
    item = import_bundles(db, [("", lambda: data)], passphrase, options, progress)[0]
    if item.error is not None:
        raise item.error
    assert item.report is not None
    return item.report


def import_bundles(db: Database, files: Sequence[tuple[str, Loader | bytes]],
                   passphrase: str | None, options: ImportOptions | None = None,
                   progress: Progress = NO_PROGRESS) -> list[BatchItem]:
    """Many bundles in one go: (name, bytes or a function that reads them); one item per
    file, in the order given."""
    options = options or ImportOptions()
    loaders = [(name, (lambda d=data: d) if isinstance(data, bytes) else data)
               for name, data in files]
    items = [BatchItem(name, None, None) for name, _ in loaders]
    checked = _verify_all(db, loaders, items, options, progress.part(0.0, 0.05))
    if checked:
        keys: KeyCache = {}
        work = progress.part(0.05, 1.0)
        with gc_paused(), _import_pragmas(db):
            if options.dry_run:
                _dry_run(db, loaders, checked, items, passphrase, options, keys, work)
            else:
                _import(db, loaders, checked, items, passphrase, options, keys, work)
    return items


def _verify_all(db: Database, loaders: list[tuple[str, Loader]], items: list[BatchItem],
                options: ImportOptions, progress: Progress) -> list[_Checked]:
    found: list[_Checked] = []
    for index, (_, load) in enumerate(loaders):
        progress.step(f"Đang kiểm tra chữ ký ({index + 1}/{len(loaders)})", index,
                      len(loaders))
        try:
            prepared = prepare(db, load(), options.limits)
        except UserError as exc:
            items[index].error = exc
            continue
        header = prepared.header
        found.append(_Checked(index, prepared.verified.header_sha256, header.sender.id,
                              header.sequence, prepared if len(loaders) == 1 else None))
    first_seen: dict[str, int] = {}
    for check in found:
        first_seen.setdefault(check.sender_id, check.index)
    return sorted(found, key=lambda c: (first_seen[c.sender_id], c.sequence, c.index))


def _prepared(db: Database, load: Loader, check: _Checked, options: ImportOptions) -> Prepared:
    if check.prepared is not None:
        return check.prepared
    prepared = prepare(db, load(), options.limits)
    if prepared.verified.header_sha256 != check.header_sha256:
        raise BundleRefused("Tệp đã thay đổi trong khi đang nhập: không nhập tệp này")
    return prepared


def _label(prepared: Prepared) -> str:
    header = prepared.header
    what = "danh mục" if header.kind == "issued" else "dữ liệu"
    return f"Nhập gói {what} số {header.sequence} của {header.sender.label}"


def _import(db: Database, loaders: list[tuple[str, Loader]], checked: list[_Checked],
            items: list[BatchItem], passphrase: str | None, options: ImportOptions,
            keys: KeyCache, progress: Progress) -> None:
    own: list[OfficeKeys] = []
    imported = 0
    for done, check in enumerate(checked):
        item = items[check.index]
        part = progress.part(done / len(checked), (done + 1) / len(checked))
        try:
            prepared = _prepared(db, loaders[check.index][1], check, options)
            with db.write(_label(prepared), undoable=False) as tx:
                db.conn.execute("PRAGMA defer_foreign_keys = ON")
                item.report = apply_bundle(db, tx, prepared, passphrase, options, keys, part)
        except Cancelled as exc:
            if imported == 0:
                raise
            for rest in checked[done:]:
                items[rest.index].error = exc
            return
        except UserError as exc:
            item.report, item.error = None, exc
            if isinstance(exc, SequenceConflict):
                with db.write("Cảnh báo gói dữ liệu", undoable=False) as tx:
                    sync_log.record_alert(tx, exc.sender_id, "sequence-conflict", exc.message,
                                          exc.bundle_id, exc.sequence)
            continue
        except sqlite3.Error as exc:  # a failed COMMIT (deferred foreign keys) stays open
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            item.report, item.error = None, BundleRefused(
                f"Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu ({exc}). Không nhập tệp này.")
            continue
        imported += 1
        db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        if options.make_receipt:
            _receipt(db, item.report, passphrase, own, keys)


def _dry_run(db: Database, loaders: list[tuple[str, Loader]], checked: list[_Checked],
             items: list[BatchItem], passphrase: str | None, options: ImportOptions,
             keys: KeyCache, progress: Progress) -> None:
    try:
        with db.write(f"Xem trước {len(checked)} gói dữ liệu", undoable=False) as tx:
            db.conn.execute("PRAGMA defer_foreign_keys = ON")
            for done, check in enumerate(checked):
                part = progress.part(done / len(checked), (done + 1) / len(checked))
                _savepoint(db, tx, loaders[check.index][1], check, items[check.index],
                           passphrase, options, keys, part)
            raise _RollBack()
    except _RollBack:
        pass


def _savepoint(db: Database, tx: Transaction, load: Loader, check: _Checked, item: BatchItem,
               passphrase: str | None, options: ImportOptions, keys: KeyCache,
               progress: Progress) -> None:
    mark = tx.changes
    db.conn.execute("SAVEPOINT bundle")
    try:
        item.report = apply_bundle(db, tx, _prepared(db, load, check, options), passphrase,
                                   options, keys, progress)
    except Cancelled:
        raise
    except UserError as exc:
        db.conn.execute("ROLLBACK TO bundle")
        tx.changes = mark  # the rolled-back audit entries are gone
        item.error = exc
    db.conn.execute("RELEASE bundle")


def _receipt(db: Database, report: ImportReport | None, passphrase: str | None,
             own: list[OfficeKeys], keys: KeyCache) -> None:
    """Signed with this office's keys, unlocked once per run (the keys that decrypted the
    bundles are those keys, unless they were rotated since)."""
    if report is None or not passphrase:
        return
    if not own:
        active = office_store.active_identity(db)
        if active is not None and active.key_id in keys:
            own.append(keys[active.key_id])
        else:
            try:
                own.append(unlock(db, passphrase))
            except UserError:  # only when nothing needed decrypting: no receipt then
                return
    entry = sync_log.ledger_entry(db, report.sender.id, report.sequence)
    if entry is not None:
        report.receipt = build_receipt(own[0], issuer_ref(db), entry)
