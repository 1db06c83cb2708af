"""The command line contract of shared/design/cli.md for offices and bundles."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bundle_helpers import PASS, digest, fast_scrypt
from cadre_desktop.demo import generate_demo
from cadre_desktop.store.db import open_database
from cli_run import run

__all__ = ["fast_scrypt"]


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_scrypt: None,
         capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    paths = {"P": tmp_path / "p.sqlite3", "A": tmp_path / "a.sqlite3"}
    db = open_database(paths["A"])
    generate_demo(db, members=100, seed=4)
    db.close()
    assert run(["office", "init", "--db", str(paths["P"]), "--code", "TD-TN", "--name",
                "Tỉnh đoàn Tây Ninh"], capsys)[0] == 0
    code, out, err = run(["office", "init", "--db", str(paths["A"]), "--code", "DP-GL",
                          "--name", "Đoàn phường Gia Lộc", "--json"], capsys)
    assert code == 0 and json.loads(out)["code"] == "DP-GL"
    for key in ("P", "A"):
        assert run(["office", "identity", "--db", str(paths[key]), "-o",
                    str(tmp_path / f"{key}.id")], capsys)[0] == 0
    prints = {}
    for key in ("P", "A"):
        code, out, _ = run(["office", "fingerprint", "--file", str(tmp_path / f"{key}.id")],
                           capsys)
        prints[key] = out.strip()
        assert len(prints[key].split()) == 6
    code, _, err = run(["office", "enrol", str(tmp_path / "P.id"), "--db", str(paths["A"]),
                        "--role", "parent", "--fingerprint", "12345 " * 6], capsys)
    assert code == 1 and "không khớp" in err
    for receiver, sender, role in (("A", "P", "parent"), ("P", "A", "child")):
        code, out, err = run(["office", "enrol", str(tmp_path / f"{sender}.id"), "--db",
                              str(paths[receiver]), "--role", role, "--fingerprint",
                              prints[sender], "--json"], capsys)
        assert code == 0, err
        assert json.loads(out)["status"] == "enrolled"
    return paths


def test_export_dry_run_import_and_receipt(pair: dict[str, Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bundle, receipt = tmp_path / "a.cadre", tmp_path / "r.cadre"
    code, out, err = run(["bundle", "export", "--db", str(pair["A"]), "-o", str(bundle),
                          "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["sequence"] == 1

    db = open_database(pair["P"])
    before = digest(db)
    db.close()
    code, out, err = run(["bundle", "import", str(bundle), "--db", str(pair["P"]), "--dry-run",
                          "--json"], capsys)
    assert code == 0, err
    preview = json.loads(out)
    assert {"office", "sequence", "status", "tables", "warnings"} <= set(preview)
    assert (preview["office"], preview["sequence"], preview["status"]) == ("DP-GL", 1, "dry-run")
    assert preview["tables"]["person"] == {"inserted": 100, "updated": 0, "deleted": 0,
                                           "unchanged": 0}
    db = open_database(pair["P"])
    assert digest(db) == before
    db.close()

    code, out, err = run(["bundle", "import", str(bundle), "--db", str(pair["P"]), "--json",
                          "--receipt", str(receipt)], capsys)
    assert code == 0, err
    assert json.loads(out)["status"] == "imported" and receipt.exists()
    code, out, _ = run(["bundle", "import", str(bundle), "--db", str(pair["P"]), "--json"],
                       capsys)
    assert code == 0 and json.loads(out)["status"] == "already-imported"

    code, out, err = run(["bundle", "receipt", "import", str(receipt), "--db", str(pair["A"]),
                          "--json"], capsys)
    assert code == 0 and json.loads(out)["status"] == "recorded", err
    code, out, _ = run(["bundle", "history", "--db", str(pair["A"]), "--json"], capsys)
    assert "Tỉnh đoàn Tây Ninh đã nhận ngày" in json.loads(out)[0]["status"]

    code, out, _ = run(["office", "list", "--db", str(pair["P"]), "--json"], capsys)
    listing = {row["code"]: row for row in json.loads(out)}
    assert listing["DP-GL"]["last_sequence"] == 1 and listing["DP-GL"]["people"] == 100
    assert listing["DP-GL"]["overdue"] is False
    code, out, _ = run(["office", "list", "--db", str(pair["P"]), "--on", "2099-01-01",
                        "--json"], capsys)
    assert {row["code"]: row for row in json.loads(out)}["DP-GL"]["overdue"] is True


def test_a_refused_bundle_exits_1_and_changes_nothing(pair: dict[str, Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bundle = tmp_path / "a.cadre"
    assert run(["bundle", "export", "--db", str(pair["A"]), "-o", str(bundle)], capsys)[0] == 0
    data = bytearray(bundle.read_bytes())
    data[-5] ^= 0x10
    bundle.write_bytes(bytes(data))
    db = open_database(pair["P"])
    before = digest(db)
    db.close()
    code, out, err = run(["bundle", "import", str(bundle), "--db", str(pair["P"]), "--json"],
                         capsys)
    assert code == 1
    assert json.loads(out)["status"] == "refused" and "Mã băm" in err
    db = open_database(pair["P"])
    assert digest(db) == before
    db.close()


def test_no_passphrase_and_no_terminal_is_refused(pair: dict[str, Path], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("CADRE_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run(["bundle", "export", "--db", str(pair["A"]), "-o",
                        str(tmp_path / "x.cadre")], capsys)
    assert code == 1 and "CADRE_PASSPHRASE" in err
    assert not (tmp_path / "x.cadre").exists()


def test_key_rotation_and_revocation_commands(pair: dict[str, Path], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    statement = tmp_path / "rotation.cadre"
    code, _, err = run(["office", "rotate", "--db", str(pair["A"]), "-o", str(statement)], capsys)
    assert code == 0, err
    code, _, err = run(["office", "accept-rotation", str(statement), "--db", str(pair["P"])],
                       capsys)
    assert code == 0 and "khóa mới" in err
    bundle = tmp_path / "a.cadre"
    assert run(["bundle", "export", "--db", str(pair["A"]), "-o", str(bundle)], capsys)[0] == 0
    assert run(["office", "revoke", "DP-GL", "--db", str(pair["P"]), "--reason", "mất máy"],
               capsys)[0] == 0
    code, _, err = run(["bundle", "import", str(bundle), "--db", str(pair["P"])], capsys)
    assert code == 1 and "thu hồi" in err
    code, out, _ = run(["bundle", "alerts", "--db", str(pair["P"]), "--json"], capsys)
    assert code == 0 and json.loads(out) == []
