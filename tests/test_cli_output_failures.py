"""Outputs that cannot be written, read-only databases and imports that would mislead.

A --rejected-out file that cannot be written is refused before the import commits, and
when it fails after all the message says what was imported; a full disk while saving a
workbook prints our message alone; an answer lost on stdout is not reported as "nothing
happened"; a database in a read-only folder can still be read; --match id-number on a
file without ID numbers is refused; a folder given as the file, and a check into a new
database path, are handled.
"""

from __future__ import annotations

import errno
import gc
import io
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from cadre_desktop.exporting import xlsx_save
from cadre_desktop.importing import rejected_out
from cadre_desktop.importing.roster_preview import read_preview
from cadre_desktop.store import db as store_db
from cadre_desktop.store import files
from cadre_desktop.store.db import open_database
from cadre_desktop.store.failures import FULL, explain
from cli_run import run
from roster_files import populate, write_csv

ROWS = [["Họ và tên", "Ngày sinh", "Số CCCD"], ["Nguyễn Văn An", "1995", "079095000001"],
        ["Trần Văn Bình", "31/02/2001", "079095000002"]]


def _people(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def office(db_path: Path) -> Path:
    db = open_database(db_path)
    populate(db)
    db.close()
    return db_path


# --- D1: --rejected-out that cannot be written ------------------------------------------------

@pytest.mark.parametrize(("code", "reason"), [
    (errno.EROFS, "ổ đĩa hoặc thư mục này chỉ cho đọc (read-only)"),
    (errno.EACCES, "không có quyền ghi vào thư mục này")])
def test_an_unwritable_rejected_out_is_refused_before_anything_is_imported(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, code: int, reason: str) -> None:
    sheet = write_csv(tmp_path / "ds.csv", ROWS)
    out = tmp_path / "loi.xlsx"
    before = _people(office)
    real_open = os.open

    def refused(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path).startswith(str(tmp_path / ".loi.xlsx")):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    result, _out, err = run(["roster", "import", str(sheet), "--db", str(office),
                             "--skip-invalid", "--rejected-out", str(out)], capsys)
    monkeypatch.undo()
    assert result == 1
    assert err.strip() == f"Không ghi được tệp {out}: {reason}."
    assert ".partial" not in err and ".check" not in err
    assert _people(office) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "loi" in p.name) == []


def test_rejected_rows_not_saved_after_the_import_are_said_so_truthfully(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = write_csv(tmp_path / "ds.csv", ROWS)
    out = tmp_path / "loi.xlsx"
    before = _people(office)

    def full(*_args: Any) -> None:  # the disk fills between the check and the file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(rejected_out, "_write", full)
    result, _out, err = run(["roster", "import", str(sheet), "--db", str(office),
                             "--skip-invalid", "--rejected-out", str(out)], capsys)
    assert result == 1
    assert "Đã nhập 1 người mới" in err
    assert (f"Nhưng không lưu được 1 dòng bị từ chối vào {out}: ổ đĩa đã đầy. Các dòng đã "
            "nhập vẫn được giữ") in err
    assert "Dòng 3: Ngày sinh" in err  # the rejected rows are still listed
    assert "hủy" not in err and "không thay đổi." not in err.replace("người không thay đổi", "")
    assert _people(office) == before + 1
    assert not out.exists() and not list(tmp_path.glob(".*partial"))


class _FillingDisk(io.FileIO):
    """A file on a disk that fills after a few kilobytes."""

    room = 3000

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


@pytest.mark.parametrize("command", ["export", "rejected"])
def test_a_full_disk_while_saving_a_workbook_prints_our_message_alone(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    ignored: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    monkeypatch.setattr(xlsx_save, "open_target", lambda path: _FillingDisk(path, "wb"))
    out = tmp_path / "ra.xlsx"
    if command == "export":
        args = ["roster", "export", "--db", str(office), "-o", str(out)]
        expected = FULL
    else:
        rows = [ROWS[0], *([f"Người {'ABC'[i % 3]}", "31/02/2001", f"07909510{i:04d}"]
                           for i in range(300))]
        args = ["roster", "import", str(write_csv(tmp_path / "ds.csv", rows)),
                "--db", str(office), "--rejected-out", str(out)]
        expected = FULL  # nothing was imported (rows rejected): true here
    result, _out, err = run(args, capsys)
    gc.collect()
    assert result == 1
    assert err.strip().splitlines()[-1] == expected
    assert "Traceback" not in err and "Exception ignored" not in err
    assert ignored == []
    assert not out.exists() and not list(tmp_path.glob(".*partial"))


# --- D2: the answer cannot be written ---------------------------------------------------------

class _FullStdout:
    class _Buffer:
        def write(self, _data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    buffer = _Buffer()

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


def test_a_json_answer_lost_on_a_full_disk_does_not_say_nothing_happened(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = write_csv(tmp_path / "ds.csv", ROWS[:2])
    before = _people(office)
    monkeypatch.setattr(sys, "stdout", _FullStdout())
    result, _out, err = run(["roster", "import", str(sheet), "--db", str(office), "--json"],
                            capsys)
    assert result == 1
    assert err.strip().startswith("Lệnh đã làm xong, nhưng không ghi được kết quả ra đầu ra "
                                  "chuẩn (stdout): ổ đĩa đã đầy.")
    assert FULL not in err and "Traceback" not in err
    assert _people(office) == before + 1


# --- D4: a database in a read-only folder -----------------------------------------------------

def _unopenable_without_shm(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = store_db._connect

    def connect(path: Path, read_only: bool, immutable: bool = False) -> sqlite3.Connection:
        if read_only and not immutable:  # as SQLite says when it cannot make the -shm file
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(path, read_only, immutable)

    monkeypatch.setattr(store_db, "_connect", connect)
    monkeypatch.setattr(files, "folder_writable", lambda _path: False)


def test_reading_commands_work_on_a_database_in_a_read_only_folder(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _unopenable_without_shm(monkeypatch)
    result, out, err = run(["roster", "search", "", "--db", str(office), "--json"], capsys)
    assert result == 0, err
    assert len(json.loads(out)) == _people(office)
    target = tmp_path / "ds.csv"
    result, _out, err = run(["roster", "export", "--db", str(office), "-o", str(target)],
                            capsys)
    assert result == 0, err
    assert target.exists()


def test_a_read_only_open_failure_in_a_writable_folder_is_still_reported(
        office: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _unopenable_without_shm(monkeypatch)
    monkeypatch.setattr(files, "folder_writable", lambda _path: True)
    result, _out, err = run(["roster", "search", "", "--db", str(office)], capsys)
    assert result == 1 and "không phải tệp dữ liệu Cadre Desktop" in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="chmod does not restrict root")
def test_a_real_read_only_folder(office: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = office.parent
    sheet = write_csv(tmp_path.parent / f"{tmp_path.name}-ds.csv", ROWS[:2])
    os.chmod(folder, 0o555)
    try:
        result, _out, err = run(["roster", "search", "", "--db", str(office), "--json"], capsys)
        assert result == 0, err
        result, _out, err = run(["roster", "import", str(sheet), "--db", str(office)], capsys)
        assert result == 1 and "Không có quyền" in err
    finally:
        os.chmod(folder, 0o755)


def test_a_read_only_medium_is_named_as_such() -> None:
    known = explain(OSError(errno.EROFS, "Read-only file system", "/media/cd/office.sqlite3"))
    assert known is not None
    assert known.message == ("Không ghi được tệp /media/cd/office.sqlite3: ổ đĩa hoặc thư mục "
                             "này chỉ cho đọc (read-only); dữ liệu không thay đổi.")


# --- D5: --match id-number without an ID number column ----------------------------------------

def test_matching_by_id_number_without_the_column_is_refused(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(tmp_path / "ds.csv", [["Họ và tên", "Ngày sinh"], ["Lê Văn Cường", "1995"]])
    before = _people(office)
    for _attempt in range(2):
        result, _out, err = run(["roster", "import", str(sheet), "--db", str(office),
                                 "--match", "id-number"], capsys)
        assert result == 1
        assert err.strip().startswith("Tệp ds.csv không có cột Số CCCD nên không thể đối "
                                      "chiếu theo số CCCD")
        assert _people(office) == before
    result, _out, err = run(["roster", "import", str(sheet), "--db", str(office),
                             "--match", "id-number", "--dry-run"], capsys)
    assert result == 1 and "không có cột Số CCCD" in err


def test_the_wizard_preview_gets_the_same_refusal(office: Path, tmp_path: Path) -> None:
    from cadre_desktop.domain.errors import UserError

    sheet = write_csv(tmp_path / "ds.csv", [["Họ và tên", "Ngày sinh"], ["Lê Văn Cường", "1995"]])
    db = open_database(office)
    try:
        with pytest.raises(UserError, match="không có cột Số CCCD"):
            read_preview(db, sheet, match="id-number")
        assert read_preview(db, sheet).report.imported == 1  # by Mã it is a dry run as before
    finally:
        db.close()


# --- smaller: a folder as the file, a check into a new database path --------------------------

def test_a_folder_given_as_the_file_is_named_a_folder(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "danh sach"
    folder.mkdir()
    result, _out, err = run(["roster", "import", str(folder), "--db", str(office)], capsys)
    assert result == 1 and err.strip().startswith(f"{folder} là một thư mục")


@pytest.mark.parametrize("extra", [["--dry-run"], []])
def test_a_check_or_a_refusal_leaves_no_new_office_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    sheet = write_csv(tmp_path / "ds.csv", ROWS)  # one row rejected: a refusal without a flag
    new = tmp_path / "moi" / "office.sqlite3"
    new.parent.mkdir()
    result, _out, _err = run(["roster", "import", str(sheet), "--db", str(new), *extra],
                             capsys)
    assert result == 1
    assert list(new.parent.iterdir()) == []
    result, _out, err = run(["roster", "import", str(sheet), "--db", str(new),
                             "--skip-invalid"], capsys)
    assert result == 0, err
    assert new.exists() and _people(new) == 1
