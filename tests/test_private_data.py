"""Personal data at rest (Decree 13/2023/NĐ-CP): owner-only files, strong sealing of the
office keys, checked passphrases that can be changed, retired keys erased."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_helpers import PASS
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.exporting.roster_export import export_roster
from cadre_desktop.importing.rejected_out import write_rejected
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.services import offices as office_service
from cadre_desktop.services.passphrase_rules import passphrase_problem
from cadre_desktop.store import backup
from cadre_desktop.store import offices as office_store
from cadre_desktop.store.db import open_database
from cadre_desktop.sync import crypto
from cadre_desktop.sync.crypto import WrongPassphrase
from cadre_desktop.sync.keys import unlock
from cadre_desktop.sync.strict import BundleRefused
from cli_run import run
from roster_files import new_db, populate, write_xlsx

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask, under which plain files come out readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)


@posix_only
def test_database_backups_and_exports_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    db = new_db(tmp_path)
    populate(db)
    assert _mode(tmp_path / "office.sqlite3") == 0o600
    for name in ("ds.xlsx", "ds.csv"):
        export_roster(db, tmp_path / name)
        assert _mode(tmp_path / name) == 0o600
    report = import_roster(db, write_xlsx(tmp_path / "bad.xlsx", [["Họ và tên", "Ngày sinh"],
                                                                  ["Nguyễn Văn An", "x"]]),
                           keep_rejected=True, dry_run=True)
    write_rejected(report, tmp_path / "loi.xlsx")
    assert _mode(tmp_path / "loi.xlsx") == 0o600
    db.close()
    made = backup.take_backup(tmp_path / "office.sqlite3", dt.datetime(2025, 1, 2, 3, 4, 5))
    assert _mode(made.path) == 0o600 and _mode(made.path.parent) == 0o700


@posix_only
def test_an_existing_readable_database_is_narrowed_when_opened_for_writing(
        tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "office.sqlite3"
    open_database(path).close()
    os.chmod(path, 0o644)
    open_database(path, read_only=True).close()
    assert _mode(path) == 0o644  # a command that only reads changes nothing
    open_database(path).close()
    assert _mode(path) == 0o600


def test_keys_are_sealed_at_high_cost_and_old_ones_resealed(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert crypto.STRONG_SCRYPT_N >= 2**17
    assert crypto.SCRYPT_N >= crypto.STRONG_SCRYPT_N or crypto.SCRYPT_N == 2**10  # tests
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)  # as an older version sealed it
    db = open_database(db_path)
    try:
        office_service.init_office(db, "GL", "Đoàn phường Gia Lộc", PASS)
        row = office_store.active_identity(db)
        assert row is not None and crypto.sealed_cost(row.secret) == 2**10
        monkeypatch.setattr(crypto, "SCRYPT_N", 2**11)  # the program's cost went up
        office_service.unlock_keys(db, PASS)
        row = office_store.active_identity(db)
        assert row is not None and crypto.sealed_cost(row.secret) == 2**11
        assert unlock(db, PASS).public == office_service.unlock_keys(db, PASS).public
    finally:
        db.close()


@pytest.mark.parametrize("weak", ["12345678", " " * 8, "1234567890", "matkhau123",
                                  "Mật khẩu 123", "aaaaaaaaaaaa", "abababababab",
                                  "Đoàn Thanh Niên", "GIALOC2025x"])
def test_weak_passphrases_are_refused(weak: str) -> None:
    assert passphrase_problem(weak, office_words=("GIALOC2025x",)) is not None


def test_a_good_passphrase_is_accepted() -> None:
    assert passphrase_problem("mùa thu Gia Lộc năm 2025") is None


def test_init_refuses_a_common_passphrase(db_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch,
                                          cheap_scrypt: None) -> None:
    for weak in ("12345678", " " * 8, "123456789a"):
        monkeypatch.setenv("CADRE_PASSPHRASE", weak)
        code, _out, err = run(["office", "init", "--db", str(db_path), "--code", "GL",
                               "--name", "Đoàn phường Gia Lộc"], capsys)
        assert code == 1 and "Mật khẩu" in err


def test_office_passphrase_changes_it(db_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch,
                                      cheap_scrypt: None) -> None:
    db = open_database(db_path)
    info = office_service.init_office(db, "GL", "Đoàn phường Gia Lộc", PASS)
    db.close()
    new = "cây đa đầu làng Gia Lộc"
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    monkeypatch.setenv("CADRE_NEW_PASSPHRASE", "12345678")
    code, _out, err = run(["office", "passphrase", "--db", str(db_path)], capsys)
    assert code == 1 and "ít nhất 10 ký tự" in err
    monkeypatch.setenv("CADRE_PASSPHRASE", "sai mật khẩu rồi")
    monkeypatch.setenv("CADRE_NEW_PASSPHRASE", new)
    code, _out, err = run(["office", "passphrase", "--db", str(db_path)], capsys)
    assert code == 1 and "không đúng" in err
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    code, _out, err = run(["office", "passphrase", "--db", str(db_path)], capsys)
    assert code == 0, err
    db = open_database(db_path)
    try:
        with pytest.raises(WrongPassphrase):
            unlock(db, PASS)
        unlock(db, new)
        assert office_service.identity_info(db).fingerprint == info.fingerprint  # type: ignore[union-attr]
        with pytest.raises(InvalidInput):
            office_service.change_passphrase(db, new, new)
    finally:
        db.close()


def test_key_rotation_erases_the_retired_private_key(db_path: Path, cheap_scrypt: None) -> None:
    db = open_database(db_path)
    try:
        office_service.init_office(db, "GL", "Đoàn phường Gia Lộc", PASS)
        old = office_store.active_identity(db)
        assert old is not None
        sealed = json.loads(old.secret)["sealed"]
        office_service.rotate_keys(db, PASS)
        retired = office_store.identity_by_key_id(db, old.key_id)
        assert retired is not None and (retired.status, retired.secret) == ("retired", "")
        with pytest.raises(BundleRefused, match="đã bị xóa khi đổi khóa"):
            unlock(db, PASS, old.key_id)
        unlock(db, PASS)  # the new key opens
    finally:
        db.close()
    stored = b"".join(p.read_bytes() for p in db_path.parent.glob("office.sqlite3*")
                      if p.is_file())
    assert sealed.encode() not in stored and bytes.fromhex(sealed) not in stored
