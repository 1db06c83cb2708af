"""The command line contract of shared/design/cli.md for the roster commands."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import units
from cadre_desktop.store.db import open_database
from cli_run import run


@pytest.fixture
def filled(db_path: Path) -> Path:
    db = open_database(db_path)
    with db.write("units") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None)
        branch = units.create_unit(tx, "Chi đoàn Khu phố 1", root)
    for name, birth, gender, cid in [
        ("Trần Thị Ánh", "05/1999", "Nữ", "072199001234"),
        ("Nguyễn Văn Đức", "12/03/1998", "Nam", "079098001234"),
        ("Lê Văn Anh", "2001", "Nam", None),
        ("Đỗ Thị Đào", "01/01/2000", "Nữ", None),
    ]:
        save_person(db, PersonForm({"full_name": name, "birth": birth, "gender": gender,
                                    "citizen_id": cid, "unit_id": branch.id}))
    db.close()
    return db_path


def test_search_is_accent_insensitive_in_official_order(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["roster", "search", "", "--db", str(filled), "--json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [r["full_name"] for r in rows] == [
        "Lê Văn Anh", "Trần Thị Ánh", "Đỗ Thị Đào", "Nguyễn Văn Đức",
    ]
    assert rows[1]["birth_date"] == "1999-05" and rows[1]["gender"] == "F"
    assert rows[0]["unit"] == "Chi đoàn Khu phố 1"
    assert {"id", "full_name", "birth_date", "gender", "unit"} <= set(rows[0])

    code, out, _ = run(["roster", "search", "DUC", "--db", str(filled), "--json"], capsys)
    assert [r["full_name"] for r in json.loads(out)] == ["Nguyễn Văn Đức"]
    code, out, _ = run(["roster", "search", "072199", "--db", str(filled), "--json"], capsys)
    assert [r["full_name"] for r in json.loads(out)] == ["Trần Thị Ánh"]
    code, out, _ = run(["--db", str(filled), "roster", "search", "a", "--limit", "1", "--json"],
                       capsys)
    assert len(json.loads(out)) == 1


def test_search_never_changes_the_file(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashlib.sha256(filled.read_bytes()).hexdigest()
    run(["roster", "search", "an", "--db", str(filled), "--json"], capsys)
    assert hashlib.sha256(filled.read_bytes()).hexdigest() == before


def test_missing_database_is_refused_for_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.sqlite3"
    code, out, err = run(["roster", "search", "", "--db", str(missing), "--json"], capsys)
    assert code == 1 and out == "" and "Không tìm thấy" in err
    assert not missing.exists()


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["roster", "frobnicate"], capsys)
    assert code == 2
    code, _, _ = run(["roster", "search"], capsys)
    assert code == 2


def test_version_and_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "cadre_desktop", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.startswith("cadre-desktop ")
