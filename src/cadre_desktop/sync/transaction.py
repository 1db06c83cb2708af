"""Running imports: one bundle, or many in one go, inside one SQLite transaction.

Every file is first verified without writing anything (importer.prepare: framing, key,
signature, header, payload hash), so a hostile file is refused before the database is
touched. The verified bundles are then applied in one write transaction, each inside its
own savepoint: a refused bundle is rolled back to its savepoint and the others go on, and
a bundle is never half imported. The transaction commits once at the end; a crash or kill
before that leaves the database exactly as before the whole run (importing again then
succeeds). Importing a province's 30 bundles in one transaction also writes each shared
index page once instead of once per bundle, which is what keeps it within two minutes.

A dry run is the same code with the transaction rolled back at the end. A cancel (the
GUI's cancelled() returning true) rolls everything back. Alerts for a sequence conflict
are written after their bundle's savepoint is rolled back, so they are kept.
Receipts are signed after the commit, for the bundles imported and those already imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from cadre_desktop.bulk import gc_paused
from cadre_desktop.domain.errors import UserError
from cadre_desktop.store import sync_log
from cadre_desktop.store.db import Database
from cadre_desktop.sync.importer import (
    ImportOptions,
    ImportReport,
    KeyCache,
    Prepared,
    SequenceConflict,
    apply_bundle,
    prepare,
)
from cadre_desktop.sync.keys import unlock
from cadre_desktop.sync.receipts import build_receipt, issuer_ref
from cadre_desktop.sync.strict import (
    BundleRefused,
    Cancelled,
    CancelledFn,
    ProgressFn,
    check_cancel,
)

# SQLite's page cache while importing (KiB): a province's indexes are touched all over.
CACHE_KIB = 1024 * 1024


@dataclass
class BatchItem:
    name: str
    report: ImportReport | None
    error: UserError | None


class _RollBack(Exception):
    """Ends a dry run's transaction once its reports are complete."""


@contextmanager
def _large_cache(db: Database) -> Iterator[None]:
    old = int(db.conn.execute("PRAGMA cache_size").fetchone()[0])
    db.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {old}")


def import_bundle(db: Database, data: bytes, passphrase: str | None,
                  options: ImportOptions | None = None,
                  progress: ProgressFn | None = None,
                  cancelled: CancelledFn | None = None) -> ImportReport:
    """One bundle; raises its refusal (BundleRefused or another UserError)."""
    item = import_bundles(db, [("", data)], passphrase, options, progress, cancelled)[0]
    if item.error is not None:
        raise item.error
    assert item.report is not None
    return item.report


def import_bundles(db: Database, files: Sequence[tuple[str, bytes]], passphrase: str | None,
                   options: ImportOptions | None = None,
                   progress: ProgressFn | None = None,
                   cancelled: CancelledFn | None = None) -> list[BatchItem]:
    """Many bundles in one go (name, bytes); one item per file, in order."""
    options = options or ImportOptions()
    items = [BatchItem(name, None, None) for name, _ in files]
    verified: list[tuple[int, Prepared]] = []
    for index, (_, data) in enumerate(files):
        check_cancel(cancelled)
        if progress:
            progress(f"Đang kiểm tra chữ ký ({index + 1}/{len(files)})", 0.0)
        try:
            verified.append((index, prepare(db, data, options.limits)))
        except BundleRefused as exc:
            items[index].error = exc
    keys: KeyCache = {}
    if verified:
        with gc_paused(), _large_cache(db):
            try:
                _run(db, verified, items, passphrase, options, keys, progress, cancelled)
            except _RollBack:
                pass
            except sqlite3.Error as exc:  # a failed COMMIT leaves the transaction open
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                refusal = BundleRefused(f"Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu ({exc}). "
                                        "Không nhập gì.")
                for item in items:
                    if item.report is not None:
                        item.report, item.error = None, refusal
    if options.make_receipt and not options.dry_run:
        _receipts(db, items, passphrase)
    return items


def _run(db: Database, verified: list[tuple[int, Prepared]], items: list[BatchItem],
         passphrase: str | None, options: ImportOptions, keys: KeyCache,
         progress: ProgressFn | None, cancelled: CancelledFn | None) -> None:
    label = (f"Nhập gói dữ liệu số {verified[0][1].header.sequence} của "
             f"{verified[0][1].header.sender.label}" if len(verified) == 1
             else f"Nhập {len(verified)} gói dữ liệu")
    with db.write(label, undoable=False) as tx:
        db.conn.execute("PRAGMA defer_foreign_keys = ON")
        for done, (index, prepared) in enumerate(verified):
            def step(what: str, fraction: float, done: int = done) -> None:
                check_cancel(cancelled)
                if progress:
                    progress(what, (done + fraction) / len(verified))

            mark = tx.changes
            db.conn.execute("SAVEPOINT bundle")
            try:
                items[index].report = apply_bundle(db, tx, prepared, passphrase, options, keys,
                                                   step, cancelled)
            except Cancelled:
                raise
            except UserError as exc:
                db.conn.execute("ROLLBACK TO bundle")
                db.conn.execute("RELEASE bundle")
                tx.changes = mark  # the rolled-back audit entries are gone
                items[index].error = exc
                if isinstance(exc, SequenceConflict):
                    sync_log.record_alert(tx, exc.sender_id, "sequence-conflict", exc.message,
                                          exc.bundle_id, exc.sequence)
                continue
            db.conn.execute("RELEASE bundle")
        if progress:
            progress("Đang lưu", 1.0)
        if options.dry_run:
            raise _RollBack()


def _receipts(db: Database, items: list[BatchItem], passphrase: str | None) -> None:
    wanted = [i.report for i in items if i.report is not None
              and i.report.status in ("imported", "already-imported")]
    if not wanted or not passphrase:
        return
    try:
        own = unlock(db.conn, passphrase)
    except UserError:  # only possible when nothing needed decrypting: no receipt then
        return
    issuer = issuer_ref(db)
    for report in wanted:
        entry = sync_log.ledger_entry(db.conn, report.sender.id, report.sequence)
        if entry is not None:
            report.receipt = build_receipt(own, issuer, entry)
