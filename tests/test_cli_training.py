"""The command line contract of shared/design/cli.md for `class list` and `class show`."""

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from cadre_desktop.services import enrolment
from cadre_desktop.store.db import open_database
from cli_run import run
from training_roster import add_sessions, build_roster, make_class


@pytest.fixture
def filled(db_path: Path) -> tuple[Path, str, str]:
    db = open_database(db_path)
    roster = build_roster(db)
    first = make_class(db, "bd_kiem_nhiem", "Lớp kiêm nhiệm 2025", capacity=2,
                       start=dt.date(2025, 5, 5))
    later = make_class(db, "bd_co_ban", "Lớp cơ bản 2025", start=dt.date(2025, 9, 8))
    enrolment.enrol_many(db, first, [roster.id(n) for n in
                                     ("Lý Thị Ngọc", "Trần Thị Bình", "Phạm Thị Dung")])
    add_sessions(db, first, (dt.date(2025, 5, 5), "07:30", "11:30"),
                 (dt.date(2025, 5, 5), "13:30", "17:00"))
    db.close()
    return db_path, first, later


def test_class_list(filled: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, first, later = filled
    code, out, _ = run(["class", "list", "--db", str(path), "--json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [{k: r[k] for k in ("id", "name", "program", "start", "end", "enrolled")}
            for r in rows] == [
        {"id": first, "name": "Lớp kiêm nhiệm 2025",
         "program": "Bồi dưỡng cán bộ kiêm nhiệm công tác Đoàn cơ sở và Bí thư chi đoàn",
         "start": "2025-05-05", "end": "2025-05-09", "enrolled": 2},
        {"id": later, "name": "Lớp cơ bản 2025",
         "program": "Bồi dưỡng kiến thức, nghiệp vụ, kỹ năng Đoàn, Hội, Đội cơ bản",
         "start": "2025-09-08", "end": "2025-09-12", "enrolled": 0},
    ]
    assert rows[0]["waiting"] == 1


def test_class_show(filled: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, first, _ = filled
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, _ = run(["class", "show", first, "--db", str(path), "--json"], capsys)
    assert code == 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    shown = json.loads(out)
    assert shown["id"] == first and shown["name"] == "Lớp kiêm nhiệm 2025"
    assert [{k: s[k] for k in ("date", "start_time", "end_time", "topic")}
            for s in shown["sessions"]] == [
        {"date": "2025-05-05", "start_time": "07:30", "end_time": "11:30",
         "topic": "Chuyên đề 1"},
        {"date": "2025-05-05", "start_time": "13:30", "end_time": "17:00",
         "topic": "Chuyên đề 2"}]
    assert all(set(s) >= {"id", "date", "start_time", "end_time", "topic"}
               for s in shown["sessions"])
    assert [(p["full_name"], p["status"], p["short_code"]) for p in shown["participants"]] == [
        ("Trần Thị Bình", "enrolled", "001"), ("Phạm Thị Dung", "enrolled", "002"),
        ("Lý Thị Ngọc", "waiting", "003")]
    assert all(p["person_id"] for p in shown["participants"])


def test_unknown_class_and_missing_database(
        filled: tuple[Path, str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = filled
    code, out, err = run(["class", "show", "nope", "--db", str(path), "--json"], capsys)
    assert (code, out) == (1, "") and "Không tìm thấy lớp nope" in err
    missing = tmp_path / "missing.sqlite3"
    for args in (["class", "list"], ["class", "show", "x"]):
        code, out, err = run([*args, "--db", str(missing), "--json"], capsys)
        assert (code, out) == (1, "") and "Không tìm thấy" in err
    assert not missing.exists()
    code, _, _ = run(["class", "frobnicate"], capsys)
    assert code == 2


def test_attendance_sheet_through_the_command_line(
        filled: tuple[Path, str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, first, _ = filled
    sheet = tmp_path / "dd.xlsx"
    code, _, err = run(["class", "export-attendance", first, "--db", str(path), "-o", str(sheet)],
                       capsys)
    assert code == 0 and sheet.exists() and "2 học viên" in err
    code, out, _ = run(["class", "import-attendance", first, str(sheet), "--db", str(path),
                        "--dry-run", "--json"], capsys)
    assert code == 0 and json.loads(out)["rejected"] == []
