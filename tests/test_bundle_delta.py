"""Delta bundles: an office sends the changes since the last bundle its parent acknowledged
with a receipt; the parent applies a delta only on top of a base it holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bundle_helpers import PASS, Office, digest, fast_scrypt, offices, template
from cadre_desktop.services import bundles
from cadre_desktop.store import sync_changes
from cadre_desktop.store.db import Database, new_id
from cadre_desktop.sync.exporter import collect_snapshot
from cadre_desktop.sync.importer import MissingBase
from cadre_desktop.sync.strict import BundleRefused

__all__ = ["fast_scrypt", "offices", "template"]


def send(office: Office, tmp_path: Path, full: bool = False) -> bundles.ExportResult:
    number = len(list(tmp_path.glob("*.cadre"))) + 1
    return bundles.export_to_file(office.db, tmp_path / f"up-{number}.cadre", PASS, full=full)


def receive(sender: Office, receiver: Office, sent: bundles.ExportResult,
            tmp_path: Path, receipt: bool = True) -> bundles.ImportReport:
    """Import at the receiver; the receipt goes back to the sender (unless lost)."""
    report = bundles.import_file(receiver.db, sent.path, PASS)
    if receipt:
        path = tmp_path / f"receipt-{sent.sequence}.rcpt"
        bundles.save_receipt(report, path)
        bundles.import_receipt_file(sender.db, path)
    return report


def _people(db: Database, count: int) -> list[str]:
    return [str(r[0]) for r in db.conn.execute(
        "SELECT id FROM person WHERE deleted = 0 ORDER BY id LIMIT ?", (count,))]


def change_people(office: Office, renamed: int = 3, deleted: int = 1) -> list[str]:
    """Rename some people, soft-delete one, add one: what a clerk does between bundles."""
    ids = _people(office.db, renamed + deleted)
    with office.db.write("Sửa để thử") as tx:
        for number, person_id in enumerate(ids[:renamed]):
            tx.update("person", person_id, {"note": f"đã sửa lần {number}"})
        for person_id in ids[renamed:]:
            tx.soft_delete("person", person_id)
        unit = office.db.conn.execute("SELECT unit_id FROM person LIMIT 1").fetchone()[0]
        tx.insert("person", {"id": new_id(), "family_middle": "Phạm Thị", "given_name": "Mới",
                             "full_name": "Phạm Thị Mới", "name_key": "moi\x1fpham thi",
                             "search_fold": "pham thi moi", "unit_id": unit})
    return ids


def same_rows(receiver: Office, sender: Office) -> bool:
    mine, theirs = collect_snapshot(sender.db, sender.id), collect_snapshot(receiver.db, sender.id)
    return ({s.name: sorted(s.rows) for s in mine.tables}
            == {s.name: sorted(s.rows) for s in theirs.tables})


def test_a_delta_carries_the_changes_and_soft_deletes(offices: dict[str, Office],
                                                      tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    first = send(a, tmp_path)
    assert (first.kind, first.base_sequence) == ("full", None)
    receive(a, p, first, tmp_path)
    changed = change_people(a)
    second = send(a, tmp_path)
    assert (second.kind, second.sequence, second.base_sequence) == ("delta", 2, 1)
    assert second.counts["person"] == 5 and second.rows < 20
    assert second.size < first.size / 5
    report = receive(a, p, second, tmp_path)
    assert (report.kind, report.base_sequence, report.status) == ("delta", 1, "imported")
    assert report.tables["person"].to_json() == {"inserted": 1, "updated": 3, "deleted": 1,
                                                 "unchanged": 0}
    assert same_rows(p, a)
    gone = p.db.conn.execute("SELECT deleted FROM person WHERE id = ?", (changed[3],))
    assert gone.fetchone()[0] == 1
    # The receipt made bundle 2 the base: the change log before it is no longer kept.
    assert sync_changes.changed_count(a.db, 0) == 0
    third = send(a, tmp_path)
    assert (third.kind, third.base_sequence, third.rows) == ("delta", 2, 1)  # the office row


def test_a_delta_without_its_base_is_refused_and_changes_nothing(
        offices: dict[str, Office], tmp_path: Path) -> None:
    a, p, b = offices["A"], offices["P"], offices["B"]
    empty = tmp_path / "province-before.sqlite3"
    p.db.conn.execute(f"VACUUM INTO '{empty}'")
    receive(a, p, send(a, tmp_path), tmp_path)
    change_people(a)
    delta = send(a, tmp_path)
    assert delta.kind == "delta"
    from cadre_desktop.store.db import open_database

    fresh = Office(open_database(empty), empty)
    try:
        before = digest(fresh.db)
        with pytest.raises(MissingBase, match=re.escape(
                "chỉ gồm các thay đổi kể từ gói số 1, nhưng gói số 1 đó chưa được nhập ở đây")):
            bundles.import_file(fresh.db, delta.path, PASS)
        assert digest(fresh.db) == before
        with pytest.raises(BundleRefused, match="gửi một gói đầy đủ"):
            bundles.preview_file(fresh.db, delta.path, PASS)
    finally:
        fresh.db.close()
    assert b.id  # the other child is untouched by all this


def test_a_replayed_delta_is_already_imported(offices: dict[str, Office],
                                             tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    receive(a, p, send(a, tmp_path), tmp_path)
    change_people(a)
    delta = send(a, tmp_path)
    assert receive(a, p, delta, tmp_path).status == "imported"
    before = digest(p.db)
    again = bundles.import_file(p.db, delta.path, PASS)
    assert again.status == "already-imported" and again.tables == {}
    assert digest(p.db) == before


def test_an_older_delta_is_refused_after_a_newer_bundle(offices: dict[str, Office],
                                                       tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    receive(a, p, send(a, tmp_path), tmp_path)
    change_people(a)
    older = send(a, tmp_path)
    change_people(a, renamed=1, deleted=0)
    newer = send(a, tmp_path)  # no receipt for `older`: still on top of bundle 1
    assert (older.base_sequence, newer.base_sequence) == (1, 1)
    receive(a, p, newer, tmp_path, receipt=False)
    with pytest.raises(BundleRefused, match="cũ hơn gói số 3"):
        bundles.import_file(p.db, older.path, PASS)
    assert same_rows(p, a)


def test_a_delta_after_a_full_and_after_a_lost_receipt(offices: dict[str, Office],
                                                      tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    receive(a, p, send(a, tmp_path), tmp_path)
    change_people(a)
    full = send(a, tmp_path, full=True)
    assert (full.kind, full.base_sequence) == ("full", None)
    receive(a, p, full, tmp_path, receipt=False)  # the receipt of bundle 2 is lost
    change_people(a, renamed=2, deleted=1)
    delta = send(a, tmp_path)
    # Still on top of bundle 1, the last acknowledged: it carries every row changed since,
    # so it applies on top of bundle 2 as well.
    assert (delta.kind, delta.base_sequence) == ("delta", 1)
    assert receive(a, p, delta, tmp_path).status == "imported"
    assert same_rows(p, a)
    change_people(a, renamed=1, deleted=0)
    after = send(a, tmp_path)
    assert (after.kind, after.base_sequence) == ("delta", 3)
    assert receive(a, p, after, tmp_path).status == "imported"
    assert same_rows(p, a)


def test_a_chain_of_deltas_in_one_go_is_applied_in_order(offices: dict[str, Office],
                                                        tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    receive(a, p, send(a, tmp_path), tmp_path)
    change_people(a)
    second = send(a, tmp_path)
    # The office above imports bundle 2 on a copy elsewhere and its receipt comes back.
    copy = tmp_path / "p-copy.sqlite3"
    p.db.conn.execute(f"VACUUM INTO '{copy}'")
    from cadre_desktop.store.db import open_database

    elsewhere = Office(open_database(copy), copy)
    try:
        receive(a, elsewhere, second, tmp_path)
    finally:
        elsewhere.db.close()
    change_people(a, renamed=2, deleted=0)
    third = send(a, tmp_path)
    assert third.base_sequence == 2
    preview = bundles.import_files(p.db, [third.path, second.path], PASS, dry_run=True)
    assert [i.report.kind for i in preview if i.report] == ["delta", "delta"]
    items = bundles.import_files(p.db, [third.path, second.path], PASS)
    assert [(i.report.sequence, i.report.status) for i in items if i.report] == [
        (3, "imported"), (2, "imported")]
    assert same_rows(p, a)


def test_changes_are_tracked_only_below_the_top(offices: dict[str, Office],
                                               tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    receive(a, p, send(a, tmp_path), tmp_path)
    assert not sync_changes.is_tracking(p.db) and sync_changes.is_tracking(a.db)
    assert sync_changes.changed_count(p.db, 0) == 0  # 100 people imported, none logged
    change_people(a)
    assert sync_changes.changed_count(a.db, 0) == 5
