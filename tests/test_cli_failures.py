"""Failures the clerk can act on get a clear message, exit 1, and the data as it was.

Case 6 of the roster-files review (damaged pages, a full disk at COMMIT, a CSV field over
the csv module's limit, invalid UTF-8 in an argument, a locked database, an empty or
foreign file), case 7's limits and partial files, and the crash test: imports killed
half-way leave the database unchanged and consistent.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.exporting.roster_export import export_roster
from cadre_desktop.importing import limits, tabular, xlsx_book
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.importing.sheet_cells import Limits
from cadre_desktop.store import db as store_db
from cadre_desktop.store import lock
from cadre_desktop.store.db import open_database
from cadre_desktop.store.failures import DAMAGED, FULL, LOCKED
from cli_run import run
from roster_files import new_db, populate, with_shared_strings, write_csv, write_xlsx

SRC = Path(__file__).resolve().parent.parent / "src"


def _rows(count: int, start: int = 0) -> list[list[object]]:
    rows: list[list[object]] = [["Họ và tên", "Ngày sinh", "Số CCCD", "Đơn vị"]]
    for i in range(start, start + count):
        rows.append([f"Nguyễn Văn {'ABCDE'[i % 5]}n", "1995", f"0790950{i:05d}",
                     f"Chi đoàn {i % 7 + 1}"])
    return rows


def _state(db_path: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(db_path)
    try:
        people = conn.execute("SELECT COUNT(*) FROM person").fetchone()[0]
        txns = conn.execute("SELECT COUNT(*) FROM txn").fetchone()[0]
        return int(people), int(txns), str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def filled(db_path: Path, tmp_path: Path) -> Path:
    db = open_database(db_path)
    populate(db)
    import_roster(db, write_csv(tmp_path / "many.csv", _rows(3000)))
    db.close()
    return db_path


# --- damaged pages ------------------------------------------------------------------------

def test_a_database_with_damaged_middle_pages_gives_a_message_for_every_command(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    size = filled.stat().st_size
    page = 4096
    with filled.open("r+b") as handle:  # garbage over the middle third, page 1 intact
        for offset in range(size // 3 // page * page, 2 * size // 3, page):
            handle.seek(offset)
            handle.write(os.urandom(page))
    sheet = write_csv(tmp_path / "more.csv", _rows(5, start=9000))
    db = str(filled)
    commands = [
        ["roster", "search", "", "--db", db, "--json"],
        ["roster", "search", "nguyen", "--db", db],
        ["roster", "import", str(sheet), "--db", db],
        ["roster", "export", "--db", db, "-o", str(tmp_path / "x.xlsx")],
        ["class", "list", "--db", db, "--json"],
        ["rotation", "list", "--db", db, "--json"],
        ["evaluation", "due", "--db", db, "--json"],
        ["office", "list", "--db", db],
    ]
    damaged = 0
    for command in commands:
        code, _out, err = run(command, capsys)  # an exception here would fail the test
        assert code in (0, 1), (command, err)
        if code == 1:
            assert err.strip(), command
        damaged += DAMAGED in err
    assert damaged >= 3
    assert not (tmp_path / "x.xlsx").exists()


# --- a full disk --------------------------------------------------------------------------

class _FullAtCommit(sqlite3.Connection):
    armed = True

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if self.armed and sql.strip().upper() == "COMMIT" and self.in_transaction:
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def _connect_with(factory: type[sqlite3.Connection],
                  pragmas: tuple[str, ...] = ()) -> Any:
    def connect(path: Path, read_only: bool) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               factory=factory)
        conn.execute("PRAGMA foreign_keys = ON")
        for pragma in pragmas:
            conn.execute(pragma)
        return conn

    return connect


def test_a_full_disk_at_commit_changes_nothing(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _state(filled)
    sheet = write_csv(tmp_path / "more.csv", _rows(500, start=9000))
    monkeypatch.setattr(store_db, "_connect", _connect_with(_FullAtCommit))
    code, _out, err = run(["roster", "import", str(sheet), "--db", str(filled)], capsys)
    assert (code, err.strip()) == (1, FULL)
    monkeypatch.undo()
    assert _state(filled) == before
    code, _out, _err = run(["roster", "import", str(sheet), "--db", str(filled)], capsys)
    assert code == 0 and _state(filled)[0] == before[0] + 500


def test_a_disk_that_fills_during_the_import_changes_nothing(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _state(filled)
    pages = sqlite3.connect(filled).execute("PRAGMA page_count").fetchone()[0]
    sheet = write_csv(tmp_path / "more.csv", _rows(3000, start=9000))
    monkeypatch.setattr(store_db, "_connect", _connect_with(
        sqlite3.Connection, (f"PRAGMA max_page_count = {pages + 20}",)))
    code, _out, err = run(["roster", "import", str(sheet), "--db", str(filled)], capsys)
    assert (code, err.strip()) == (1, FULL)
    monkeypatch.undo()
    assert _state(filled) == before


def test_a_failed_export_leaves_no_partial_file_and_keeps_the_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cadre_desktop.exporting import roster_export, xlsx_save

    db = new_db(tmp_path)
    populate(db)
    old = tmp_path / "ds.xlsx"
    old.write_bytes(b"the previous export")

    def full(book: Any, filename: Path) -> None:  # the disk fills as the file is closed
        xlsx_save.save_book(book, filename)
        raise OSError(errno.ENOSPC, "No space left on device", str(filename))

    monkeypatch.setattr(roster_export, "save_book", full)
    with pytest.raises(UserError) as caught:
        export_roster(db, old)
    assert caught.value.message == FULL
    assert old.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds.xlsx", "office.sqlite3",
                                                          "office.sqlite3-shm",
                                                          "office.sqlite3-wal"]
    monkeypatch.undo()

    def broken_rows(*_args: Any) -> list[str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("cadre_desktop.exporting.roster_export.csv_row", broken_rows)
    with pytest.raises(UserError):
        export_roster(db, tmp_path / "ds.csv")
    assert not (tmp_path / "ds.csv").exists()
    assert not list(tmp_path.glob("*.partial"))
    db.close()


# --- bad files and arguments ---------------------------------------------------------------

@pytest.mark.parametrize("length", [40_000, 140_000])
def test_a_csv_field_over_the_limits_is_refused_clearly(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], length: int) -> None:
    sheet = write_csv(tmp_path / "ds.csv", [["Họ và tên", "Ghi chú"], ["Nguyễn Văn An", "x"],
                                            ["Trần Văn Bình", "y" * length]])
    code, _out, err = run(["roster", "import", str(sheet), "--db", str(db_path)], capsys)
    assert code == 1
    assert "ds.csv dài hơn 32.767 ký tự (giới hạn của Excel)" in err
    assert ("Ô B3" in err) if length < 131_072 else ("ở dòng 3" in err)


def test_invalid_utf8_in_an_argument_or_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = os.fsdecode(b"danh_s\xe1ch.csv")  # Latin-1 bytes in a file name
    for args in (["roster", "import", str(tmp_path / bad), "--db", str(tmp_path / "o.sqlite3")],
                 ["roster", "search", "", "--db", str(tmp_path / bad)],
                 ["roster", "export", "--db", str(tmp_path / "o.sqlite3"), "-o",
                  str(tmp_path / (bad + ".xlsx"))]):
        code, _out, err = run(args, capsys)
        assert code == 1
        assert "không phải văn bản UTF-8 hợp lệ" in err
    assert not (tmp_path / "o.sqlite3").exists()


def test_a_locked_database_is_said_so(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _state(filled)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, without our lock
    try:
        sheet = write_csv(tmp_path / "more.csv", _rows(5, start=9000))
        code, _out, err = run(["roster", "import", str(sheet), "--db", str(filled)], capsys)
        assert (code, err.strip()) == (1, LOCKED)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _state(filled) == before


def test_the_writer_lock_names_who_holds_it(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db_path).close()
    held = lock.acquire(db_path, "lệnh roster import")
    try:
        sheet = write_csv(tmp_path / "ds.csv", _rows(3))
        code, _out, err = run(["roster", "import", str(sheet), "--db", str(db_path)], capsys)
        assert code == 1
        assert (f"Tệp dữ liệu office.sqlite3 đang được mở để ghi bởi lệnh roster import "
                f"(tiến trình {os.getpid()}, người dùng ") in err
        code, _out, _err = run(["roster", "search", "", "--db", str(db_path)], capsys)
        assert code == 0  # reading needs no writer lock
    finally:
        held.release()
    assert _state(db_path)[0] == 0


@pytest.mark.parametrize(("content", "message"), [
    (b"", "rỗng (0 byte)"),
    (b"Ho va ten,Ngay sinh\n", "không phải tệp dữ liệu Cadre Desktop"),
    (b"SQLite format 3\x00" + b"\x00" * 84, "không phải tệp dữ liệu Cadre Desktop"),
])
def test_an_empty_or_foreign_file_is_refused_and_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
        message: str) -> None:
    target = tmp_path / "office.sqlite3"
    target.write_bytes(content)
    sheet = write_csv(tmp_path / "ds.csv", _rows(3))
    for args in (["roster", "import", str(sheet), "--db", str(target)],
                 ["roster", "search", "", "--db", str(target)],
                 ["demo", "--db", str(target), "--members", "10"]):
        code, _out, err = run(args, capsys)
        assert code == 1 and message in err, (args, err)
        assert target.read_bytes() == content
    left = sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock")
    assert left == ["ds.csv", "office.sqlite3"]


def test_another_programs_sqlite_file_is_not_made_an_office(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    before = target.read_bytes()
    code, _out, err = run(["roster", "import", str(write_csv(tmp_path / "ds.csv", _rows(2))),
                           "--db", str(target)], capsys)
    assert code == 1 and "của một chương trình khác" in err
    assert target.read_bytes() == before


# --- limits ---------------------------------------------------------------------------------

def test_limits_on_rows_columns_cells_and_shared_strings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = new_db(tmp_path)
    monkeypatch.setattr(tabular, "LIMITS", Limits(rows=50, columns=20, cell_chars=1000))
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    with pytest.raises(UserError, match="có hơn 50 dòng, quá giới hạn một lần nhập"):
        import_roster(db, write_xlsx(tmp_path / "rows.xlsx", _rows(60)))
    with pytest.raises(UserError, match="có hơn 50 dòng"):
        import_roster(db, write_csv(tmp_path / "rows.csv", _rows(60)))
    wide = [["Họ và tên", *range(30)], ["Nguyễn Văn An", *range(30)]]
    with pytest.raises(UserError, match=r"Dòng 1 của tệp wide\.xlsx có hơn"):
        import_roster(db, write_xlsx(tmp_path / "wide.xlsx", wide))
    long_cell = [["Họ và tên", "Ghi chú"], ["Nguyễn Văn An", "x" * 1001]]
    with pytest.raises(UserError, match=r"Ô B2 của tệp long\.xlsx dài hơn"):
        import_roster(db, write_xlsx(tmp_path / "long.xlsx", long_cell))
    monkeypatch.setattr(xlsx_book, "MAX_SHARED_STRINGS", 5)
    strings = with_shared_strings(write_xlsx(tmp_path / "sst.xlsx", _rows(10)))
    with pytest.raises(UserError, match="chứa quá nhiều chữ"):
        import_roster(db, strings)
    assert db.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 0
    db.close()


# --- crash test -----------------------------------------------------------------------------

def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


@pytest.mark.slow
def test_killed_imports_leave_the_database_unchanged_and_consistent(
        filled: Path, tmp_path: Path) -> None:
    """Two imports running at once (one writing, one refused or waiting) are killed while
    the first is writing; the database is as before and passes integrity_check."""
    before = _state(filled)
    sheet = write_csv(tmp_path / "big.csv", _rows(30_000, start=10_000))
    wal = filled.with_name(filled.name + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    script = (
        "from cadre_desktop.importing.roster_import import import_roster\n"
        "from cadre_desktop.store.db import open_database\n"
        f"import_roster(open_database({str(filled)!r}), {str(sheet)!r})\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script], env=_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(2)]
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until one is writing pages
            if wal.exists() and wal.stat().st_size > start_size + 2_000_000:
                break
            if all(p.poll() is not None for p in procs):
                break
            time.sleep(0.05)
        assert any(p.poll() is None for p in procs), "the imports ended before the kill"
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait()
    assert _state(filled) == before
