"""The command line contract of shared/design/cli.md for rotations and evaluations."""

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from cadre_desktop.services import rotation as svc
from cadre_desktop.store.db import open_database
from cli_run import run
from rotation_helpers import build_office


@pytest.fixture
def filled(db_path: Path) -> tuple[Path, dict[str, str]]:
    db = open_database(db_path)
    office = build_office(db)
    rotation_id = svc.propose(db, svc.Proposal(
        office.people["Nguyễn Văn An"], dt.date(2025, 1, 1), dt.date(2025, 12, 31),
        host_unit_id=office.hosts[0].id))
    svc.approve(db, rotation_id, "30-QĐ/TĐTN", dt.date(2024, 12, 20))
    svc.start(db, rotation_id)
    db.close()
    return db_path, {**office.people, "rotation": rotation_id}


def test_rotation_list(filled: tuple[Path, dict[str, str]],
                       capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = filled
    code, out, _ = run(["rotation", "list", "--db", str(path), "--json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 1
    row = rows[0]
    assert {"id", "person_id", "full_name", "host_unit", "host_position", "start", "end",
            "status"} <= set(row)
    assert row["id"] == ids["rotation"] and row["person_id"] == ids["Nguyễn Văn An"]
    assert row["full_name"] == "Nguyễn Văn An" and row["host_unit"] == "Đoàn phường Ninh Thạnh"
    assert row["host_position"] == "Phó Bí thư"
    assert (row["start"], row["end"], row["status"]) == ("2025-01-01", "2025-12-31", "active")


def test_rotation_check(filled: tuple[Path, dict[str, str]],
                        capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = filled
    code, out, _ = run(["rotation", "check", "--db", str(path), "--person",
                        ids["Trần Thị Bình"], "--start", "2025-01-01", "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["eligible"] is True
    assert all(set(r) >= {"rule", "result", "detail"} for r in result["rules"])
    code, out, _ = run(["rotation", "check", "--db", str(path), "--person",
                        ids["Phạm Thị Dung"], "--start", "2025-03-31", "--json"], capsys)
    result = json.loads(out)
    assert result["eligible"] is False
    deferral = next(r for r in result["rules"] if r["rule"] == "deferral")
    assert deferral["result"] == "fail" and "31/03/2025" in deferral["detail"]
    code, _, err = run(["rotation", "check", "--db", str(path), "--person",
                        ids["Phạm Thị Dung"], "--start", "2025-04-01"], capsys)
    assert code == 0 and "Đủ điều kiện" in err


def test_evaluation_due(filled: tuple[Path, dict[str, str]],
                        capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = filled
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, _ = run(["evaluation", "due", "--db", str(path), "--on", "2025-07-10",
                        "--json"], capsys)
    assert code == 0
    assert json.loads(out) == [{
        "kind": "rotation_6m", "person_id": ids["Nguyễn Văn An"], "full_name": "Nguyễn Văn An",
        "due": "2025-07-01", "overdue": True, "missing": ["report", "host_evaluation"],
        "round": 1}]
    code, out, _ = run(["evaluation", "due", "--db", str(path), "--on", "2025-12-15",
                        "--within", "30", "--json"], capsys)
    assert [(i["kind"], i["overdue"]) for i in json.loads(out)] == [
        ("rotation_6m", True), ("rotation_final", False)]
    code, out, _ = run(["evaluation", "due", "--db", str(path), "--on", "2025-06-01",
                        "--within", "0", "--json"], capsys)
    assert json.loads(out) == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_refusals(filled: tuple[Path, dict[str, str]], tmp_path: Path,
                  capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = filled
    missing = tmp_path / "nope.sqlite3"
    for args in (["rotation", "list"], ["evaluation", "due"]):
        code, out, err = run([*args, "--db", str(missing), "--json"], capsys)
        assert code == 1 and out == "" and "Không tìm thấy" in err
    assert not missing.exists()
    code, out, err = run(["rotation", "check", "--db", str(path), "--person", "no-such-id",
                          "--start", "2025-01-01", "--json"], capsys)
    assert code == 1 and out == "" and "no-such-id" in err
    code, out, err = run(["rotation", "check", "--db", str(path), "--person",
                          ids["Nguyễn Văn An"], "--start", "01/01/2025", "--json"], capsys)
    assert code == 2 and out == "" and "YYYY-MM-DD" in err
    code, _, err = run(["evaluation", "due", "--db", str(path), "--on", "2025-02-30"], capsys)
    assert code == 2 and "2025-02-30" in err
    code, _, err = run(["evaluation", "due", "--db", str(path), "--within", "-1"], capsys)
    assert code == 1
