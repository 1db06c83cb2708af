"""Setting up the province and its offices from the command line, and the bundle commands'
additions: --level, --full, --to, the "kind" of a bundle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundle_helpers import PASS, digest, fast_scrypt
from cadre_desktop.services import office_role
from cadre_desktop.store import profile
from cadre_desktop.store.db import open_database
from cli_run import run
from test_cli_bundles import pair

__all__ = ["fast_scrypt", "pair"]

EXPORT_KEYS = {"kind", "sequence", "base_sequence", "rows", "bytes"}


def test_province_init_sets_its_name_and_level(tmp_path: Path, fast_scrypt: None,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    path = tmp_path / "tinh.sqlite3"
    code, out, err = run(["office", "init", "--db", str(path), "--code", "TD-TN", "--name",
                          "Tỉnh đoàn Tây Ninh", "--level", "province", "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["level"] == "province" and "Tỉnh đoàn Tây Ninh" in err
    db = open_database(path, read_only=True)
    try:
        assert office_role.is_top_office(db) and office_role.level(db) == "province"
        assert office_role.next_bundle_up(db) is None
        me = profile.load_profile(db)
        assert (me.office_name, me.office_code) == ("Tỉnh đoàn Tây Ninh", "TD-TN")
        assert office_role.office_name(db, db.office_id) == "Tỉnh đoàn Tây Ninh"
    finally:
        db.close()
    code, _, err = run(["office", "init", "--db", str(tmp_path / "x.sqlite3"), "--code", "X",
                        "--name", "X", "--level", "district"], capsys)
    assert code == 2 and "district" in err


def test_an_office_sends_a_full_then_a_delta_and_the_province_sends_down(
        pair: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    province, office = pair["P"], pair["A"]
    db = open_database(office)
    try:
        assert not office_role.is_top_office(db)
        assert office_role.parent(db) is not None
        assert office_role.parent(db).name == "Tỉnh đoàn Tây Ninh"  # type: ignore[union-attr]
        upcoming = office_role.next_bundle_up(db)
        assert upcoming is not None and (upcoming.kind, upcoming.sequence) == ("full", 1)
    finally:
        db.close()
    db = open_database(province)
    try:
        assert office_role.is_top_office(db)  # no level stored: inferred from its keys
        assert [c.name for c in office_role.children(db)] == ["Đoàn phường Gia Lộc"]
    finally:
        db.close()

    first, receipt = tmp_path / "1.cadre", tmp_path / "r1.cadre"
    code, out, err = run(["bundle", "export", "--db", str(office), "-o", str(first), "--json"],
                         capsys)
    assert code == 0, err
    sent = json.loads(out)
    assert set(sent) >= EXPORT_KEYS and (sent["kind"], sent["base_sequence"]) == ("full", None)
    assert sent["bytes"] == first.stat().st_size and sent["rows"] > 100
    code, out, err = run(["bundle", "import", str(first), "--db", str(province), "--json",
                          "--receipt", str(receipt)], capsys)
    assert code == 0 and json.loads(out)["kind"] == "full", err
    assert run(["bundle", "receipt", "import", str(receipt), "--db", str(office)],
               capsys)[0] == 0

    db = open_database(office)
    try:
        person = db.conn.execute("SELECT id FROM person LIMIT 1").fetchone()[0]
        with db.write("Sửa") as tx:
            tx.update("person", person, {"note": "đã sửa"})
        upcoming = office_role.next_bundle_up(db)
        assert upcoming is not None
        assert (upcoming.kind, upcoming.base_sequence, upcoming.changed_rows) == ("delta", 1, 1)
    finally:
        db.close()
    second = tmp_path / "2.cadre"
    code, out, err = run(["bundle", "export", "--db", str(office), "-o", str(second), "--json"],
                         capsys)
    delta = json.loads(out)
    assert (delta["kind"], delta["sequence"], delta["base_sequence"]) == ("delta", 2, 1)
    assert delta["bytes"] * 5 < sent["bytes"] and "kể từ gói số 1" in err
    full = tmp_path / "3.cadre"
    code, out, _ = run(["bundle", "export", "--db", str(office), "-o", str(full), "--full",
                        "--json"], capsys)
    assert code == 0 and json.loads(out)["kind"] == "full"
    code, out, err = run(["bundle", "import", str(second), "--db", str(province), "--json"],
                         capsys)
    assert code == 0 and json.loads(out)["kind"] == "delta", err
    assert json.loads(out)["tables"]["person"]["updated"] == 1

    down = tmp_path / "down.cadre"
    code, out, err = run(["bundle", "export", "--db", str(province), "-o", str(down), "--to",
                          "DP-GL", "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["kind"] == "issued" and "gửi xuống" in err
    code, out, err = run(["bundle", "import", str(down), "--db", str(office), "--json"], capsys)
    assert code == 0 and json.loads(out)["kind"] == "issued", err
    code, _, err = run(["bundle", "export", "--db", str(province), "-o", str(down), "--to",
                        "KHONG-CO"], capsys)
    assert code == 1 and "không phải đơn vị cấp dưới đã đăng ký" in err


def test_a_delta_whose_base_is_missing_exits_1_and_changes_nothing(
        pair: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    province, office = pair["P"], pair["A"]
    spare = tmp_path / "spare.sqlite3"
    db = open_database(province)
    db.conn.execute(f"VACUUM INTO '{spare}'")
    db.close()
    first, receipt, second = tmp_path / "1.cadre", tmp_path / "r.cadre", tmp_path / "2.cadre"
    assert run(["bundle", "export", "--db", str(office), "-o", str(first)], capsys)[0] == 0
    assert run(["bundle", "import", str(first), "--db", str(province), "--receipt",
                str(receipt)], capsys)[0] == 0
    assert run(["bundle", "receipt", "import", str(receipt), "--db", str(office)],
               capsys)[0] == 0
    assert run(["bundle", "export", "--db", str(office), "-o", str(second)], capsys)[0] == 0
    db = open_database(spare)
    before = digest(db)
    db.close()
    code, out, err = run(["bundle", "import", str(second), "--db", str(spare), "--json"],
                         capsys)
    assert code == 1 and json.loads(out)["status"] == "refused"
    assert "bundle export --full" in err
    db = open_database(spare)
    assert digest(db) == before
    db.close()
