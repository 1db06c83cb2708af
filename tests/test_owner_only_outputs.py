"""Every file the program writes for the clerk holds personal data and is readable by its
owner only (docs/cli.md), whatever the umask: printed documents, spreadsheets, the lock
file, and the GUI's own "Save as PDF"."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadre_desktop.cli.main import main
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import saved_files
from cadre_desktop.store import lock

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
TODAY = "2025-06-01"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """umask 000: a file created with the usual permissions comes out 0666."""
    old = os.umask(0)
    yield
    os.umask(old)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(args)
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.fixture
def office(tmp_path: Path, open_umask: None, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office.sqlite3"
    _run(["demo", "--db", str(path), "--members", "100", "--seed", "2", "--today", TODAY], capsys)
    return path


def test_every_printed_and_exported_file_is_owner_only(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(office)]
    classes = json.loads(_run(["class", "list", *db, "--json"], capsys))
    class_id = next(c["id"] for c in classes if c["status"] == "finished")
    targets = json.loads(_run(["target", "list", *db, "--json"], capsys))
    target_id = targets[0]["id"]
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "roster.pdf": ["print", "roster"],
        "attendance.pdf": ["print", "attendance", "--class", class_id],
        "participants.pdf": ["print", "participants", "--class", class_id],
        "schedule.pdf": ["print", "schedule", "--class", class_id],
        "certificates.pdf": ["print", "certificates", "--class", class_id],
        "target.pdf": ["print", "target", "--target", target_id],
        "target.xlsx": ["target", "export", target_id],
        "attendance.xlsx": ["class", "export-attendance", class_id],
        "training.xlsx": ["report", "training", "--from", "2025-01-01", "--to", TODAY],
        "training.pdf": ["report", "training", "--from", "2025-01-01", "--to", TODAY],
        "offices.xlsx": ["report", "offices"],
        "offices.pdf": ["report", "offices"],
        "roster.xlsx": ["roster", "export"],
    }
    for name, command in commands.items():
        _run([*command, *db, "-o", str(out / name)], capsys)
    modes = {p.name: oct(_mode(p)) for p in out.iterdir()}
    assert modes == dict.fromkeys(commands, oct(0o600))
    # An existing file of the same name (made readable by an older version) is replaced
    # by an owner-only one.
    os.chmod(out / "roster.pdf", 0o644)
    _run(["print", "roster", *db, "-o", str(out / "roster.pdf")], capsys)
    assert _mode(out / "roster.pdf") == 0o600


def test_the_lock_file_is_owner_only_and_an_older_one_is_narrowed(office: Path) -> None:
    path = lock.lock_path(office)
    path.unlink(missing_ok=True)
    held = lock.acquire(office)
    try:
        assert _mode(path) == 0o600
        assert json.loads(path.read_text("utf-8"))["pid"] == os.getpid()
    finally:
        held.release()
    os.chmod(path, 0o666)  # as an older version left it
    held = lock.acquire(office)
    try:
        assert _mode(path) == 0o600
    finally:
        held.release()


def test_the_gui_saves_go_through_the_owner_only_writer(tmp_path: Path,
                                                        open_umask: None) -> None:
    made = tmp_path / "made.pdf"
    made.write_bytes(b"%PDF-1.4 list of people")
    os.chmod(made, 0o644)
    saved_files.save_copy(made, tmp_path / "copy.pdf")
    saved_files.save_bytes(tmp_path / "saved.pdf", made.read_bytes())
    for name in ("copy.pdf", "saved.pdf"):
        assert (tmp_path / name).read_bytes() == made.read_bytes()
        assert _mode(tmp_path / name) == 0o600
    with pytest.raises(UserError, match="thư mục"):
        saved_files.save_bytes(tmp_path, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf", "made.pdf", "saved.pdf"]
