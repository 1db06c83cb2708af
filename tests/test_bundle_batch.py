"""Several bundles in one go: each all or nothing in its own transaction (a dry run: one
transaction, a savepoint per bundle, rolled back)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundle_helpers import (
    PASS,
    Office,
    craft,
    digest,
    fast_scrypt,
    offices,
    replace_row,
    template,
)
from cadre_desktop.cli.main import main
from cadre_desktop.domain.progress import Cancelled, Progress, Step
from cadre_desktop.store import sync_log
from cadre_desktop.sync.importer import ImportOptions
from cadre_desktop.sync.payload import Snapshot
from cadre_desktop.sync.transaction import import_bundles

__all__ = ["fast_scrypt", "offices", "template"]


def _people(office: Office, owner: str) -> int:
    return int(office.db.conn.execute("SELECT COUNT(*) FROM person WHERE office_id = ?",
                                      (owner,)).fetchone()[0])


def _bad(snap: Snapshot) -> None:
    replace_row(snap, "person", 3, family_middle="Lê\u202eVăn")


def test_a_refused_bundle_does_not_stop_the_others(offices: dict[str, Office]) -> None:
    a, b, p = offices["A"], offices["B"], offices["P"]
    files = [("a-bad", craft(a, p, edit=_bad)), ("b", craft(b, p)), ("junk", b"junk"),
             ("b-again", craft(b, p))]
    items = import_bundles(p.db, files, PASS)
    assert [i.name for i in items] == ["a-bad", "b", "junk", "b-again"]
    assert items[0].error is not None and "U+202E" in items[0].error.message
    assert items[1].report is not None and items[1].report.status == "imported"
    assert items[1].report.receipt is not None
    assert items[2].error is not None and "quá ngắn" in items[2].error.message
    assert items[3].error is not None and "với nội dung khác" in items[3].error.message
    assert (_people(p, a.id), _people(p, b.id)) == (0, 100)
    assert [x.kind for x in sync_log.alerts(p.db)] == ["sequence-conflict"]


def test_the_same_file_twice_in_one_go(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    data = craft(a, p)
    items = import_bundles(p.db, [("1", data), ("2", data)], PASS)
    assert [i.report.status for i in items if i.report] == ["imported", "already-imported"]


def test_a_dry_run_of_many_changes_nothing(offices: dict[str, Office]) -> None:
    a, b, p = offices["A"], offices["B"], offices["P"]
    before = digest(p.db)
    items = import_bundles(p.db, [("a", craft(a, p)), ("b", craft(b, p))], PASS,
                           ImportOptions(dry_run=True))
    assert [i.report.status for i in items if i.report] == ["dry-run", "dry-run"]
    assert all(i.report and i.report.receipt is None for i in items)
    assert digest(p.db) == before


def _cancel_when(count: int) -> Progress:
    """A progress cancelled once `count` bundles have started decrypting."""
    seen: list[str] = []

    def observe(step: Step) -> None:
        seen.append(step.what)
        if sum(1 for s in seen if s.startswith("Đang giải mã")) >= count:
            progress.cancel()

    progress = Progress(observe, min_interval=0)
    return progress


def test_a_cancel_in_the_first_bundle_changes_nothing(offices: dict[str, Office]) -> None:
    a, b, p = offices["A"], offices["B"], offices["P"]
    before = digest(p.db)
    with pytest.raises(Cancelled):
        import_bundles(p.db, [("a", craft(a, p)), ("b", craft(b, p))], PASS, None,
                       _cancel_when(1))
    assert digest(p.db) == before


def test_a_cancel_keeps_the_bundles_already_imported(offices: dict[str, Office]) -> None:
    a, b, p = offices["A"], offices["B"], offices["P"]
    items = import_bundles(p.db, [("a", craft(a, p)), ("b", craft(b, p))], PASS, None,
                           _cancel_when(2))
    assert items[0].report is not None and items[0].report.status == "imported"
    assert isinstance(items[1].error, Cancelled) and items[1].report is None
    assert (_people(p, a.id), _people(p, b.id)) == (100, 0)
    assert [e.sender_id for e in sync_log.last_entries(p.db).values()] == [a.id]


def test_import_all_command(offices: dict[str, Office], tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    a, b, p = offices["A"], offices["B"], offices["P"]
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    good, bad = tmp_path / "b.cadre", tmp_path / "a.cadre"
    good.write_bytes(craft(b, p))
    bad.write_bytes(craft(a, p, edit=_bad))
    folder = tmp_path / "receipts"
    folder.mkdir()
    p.db.close()
    try:
        code = main(["bundle", "import-all", str(bad), str(good), "--db", str(p.path), "--json",
                     "--receipts", str(folder)])
    finally:
        from cadre_desktop.store.db import open_database

        p.db = open_database(p.path)
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [d["status"] for d in out] == ["refused", "imported"]
    assert out[1]["office"] == "DX-TH" and out[1]["tables"]["person"]["inserted"] == 100
    assert [f.name for f in folder.iterdir()] == ["b.receipt.cadre"]
