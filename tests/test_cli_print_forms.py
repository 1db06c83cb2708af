"""`print rotation-evaluation | rotation-summary | registration | branch-results`: PDFs
from a database the command never changes, refusals with exit codes 1 and 2."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cadre_desktop.cli.main import main
from cadre_desktop.store.db import open_database
from print_forms_helpers import Printed, everything


@pytest.fixture
def filled(db_path: Path) -> Printed:
    db = open_database(db_path)
    try:
        return everything(db)
    finally:
        db.close()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


def test_each_form_prints_without_changing_the_database(
    filled: Printed, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    commands = {
        "rotation-evaluation": ["--evaluation", filled.evaluation_ids[0]],
        "rotation-summary": ["--rotation", filled.rotation_id, "--date", "2026-01-10"],
        "registration": ["--registration", filled.registrations["Đoàn Thị Giang"]],
        "branch-results": ["--year", filled.year_id, "--unit", filled.office.branch.id],
    }
    for document, options in commands.items():
        out = tmp_path / f"{document}.pdf"
        code, err = run(["print", document, "--db", str(db_path), *options, "-o", str(out)],
                        capsys)
        assert code == 0, err
        assert out.read_bytes().startswith(b"%PDF") and "Đã in" in err, document
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_refusals_and_usage_errors(
    filled: Printed, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    out = str(tmp_path / "x.pdf")
    code, err = run(["print", "rotation-evaluation", "--db", str(db_path),
                     "--evaluation", "nope", "-o", out], capsys)
    assert code == 1 and "Không tìm thấy lần đánh giá" in err
    code, err = run(["print", "rotation-summary", "--db", str(db_path), "--rotation", "nope",
                     "-o", out], capsys)
    assert code == 1 and "Không tìm thấy đợt luân chuyển" in err
    code, err = run(["print", "registration", "--db", str(db_path), "--registration", "nope",
                     "-o", out], capsys)
    assert code == 1 and "Không tìm thấy phiếu đăng ký" in err
    code, err = run(["print", "branch-results", "--db", str(db_path), "--year",
                     filled.year_id, "--unit", filled.office.hosts[1].id, "-o", out], capsys)
    assert code == 1 and "không có đoàn viên nào" in err
    code, err = run(["print", "rotation-summary", "--db", str(db_path), "--rotation",
                     filled.rotation_id, "-o", str(tmp_path / "x.txt")], capsys)
    assert code == 1 and ".pdf" in err
    code, _ = run(["print", "rotation-summary", "--db", str(tmp_path / "missing.sqlite3"),
                   "--rotation", filled.rotation_id, "-o", out], capsys)
    assert code == 1
    code, _ = run(["print", "branch-results", "--db", str(db_path), "--year", filled.year_id,
                   "-o", out], capsys)
    assert code == 2  # --unit is required
    code, _ = run(["print", "rotation-summary", "--db", str(db_path), "--rotation",
                   filled.rotation_id, "--date", "10/01/2026", "-o", out], capsys)
    assert code == 2
    assert not Path(out).exists()
    assert not (tmp_path / "missing.sqlite3").exists()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
