"""The head start of the commands that unlock the office's keys (sync/key_ahead.py): the
scrypt begun while the program loads is the one the unlock uses, once, and only for
exactly its inputs."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from bundle_helpers import PASS, fast_scrypt, template
from cadre_desktop.cli.main import main
from cadre_desktop.sync import crypto, key_ahead

__all__ = ["fast_scrypt", "template"]


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread of every scrypt run."""
    done: list[str] = []
    real = crypto._scrypt

    def counted(normalised: bytes, salt: bytes, n: int) -> bytes:
        done.append(threading.current_thread().name)
        return real(normalised, salt, n)

    monkeypatch.setattr(crypto, "_scrypt", counted)
    return done


def test_a_derivation_begun_ahead_is_the_one_the_unlock_uses(
        fast_scrypt: None, derivations: list[str]) -> None:
    blob = crypto.seal_secret(b"bi mat cua don vi", PASS)
    record = json.loads(blob)
    salt, n = bytes.fromhex(record["salt"]), int(record["n"])
    assert len(derivations) == 1
    crypto.derive_ahead(PASS, salt, n)
    assert crypto.open_secret(blob, PASS) == b"bi mat cua don vi"
    assert len(derivations) == 2  # sealing, then the head start; the unlock ran none
    # Used once: the next unlock derives again.
    assert crypto.open_secret(blob, PASS) == b"bi mat cua don vi"
    assert len(derivations) == 3


def test_a_head_start_for_other_inputs_is_never_used(
        fast_scrypt: None, derivations: list[str]) -> None:
    blob = crypto.seal_secret(b"bi mat", PASS)
    record = json.loads(blob)
    salt, n = bytes.fromhex(record["salt"]), int(record["n"])
    crypto.derive_ahead("mật khẩu khác hẳn", salt, n)
    assert crypto.open_secret(blob, PASS) == b"bi mat"  # derived anew for this passphrase
    with pytest.raises(crypto.WrongPassphrase):
        crypto.open_secret(blob, "mật khẩu khác hẳn")  # the begun one, and it is wrong
    assert len(derivations) == 3
    crypto.derive_ahead(PASS, salt, 2**40)  # an absurd cost is not begun at all
    assert len(derivations) == 3


@pytest.mark.parametrize(("argv", "expected"), [
    (["bundle", "import", "a.cadre", "--db", "p.sqlite3"], "p.sqlite3"),
    (["--db=p.sqlite3", "bundle", "export", "-o", "a.cadre", "--full"], "p.sqlite3"),
    (["bundle", "import", "a.cadre"], None),  # the default database: not looked up early
    (["bundle", "history", "--db", "p.sqlite3"], None),
    (["roster", "import", "x.xlsx", "--db", "p.sqlite3"], None),
    (["bundle"], None),
])
def test_only_the_commands_that_unlock_get_a_head_start(argv: list[str],
                                                        expected: str | None) -> None:
    found = key_ahead.wanted(argv)
    assert (str(found) if found else None) == expected


def test_no_head_start_without_a_readable_key(tmp_path: Path) -> None:
    assert not key_ahead.start(tmp_path / "missing.sqlite3", PASS)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    assert not key_ahead.start(broken, PASS)
    assert broken.read_bytes() == b"not a database at all" * 100


def test_a_command_refused_before_its_unlock_keeps_nothing_derived(
        template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        derivations: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    province = tmp_path / "P.sqlite3"
    shutil.copy(template / "P.sqlite3", province)
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    missing = tmp_path / "khong-co.cadre"
    assert main(["bundle", "import", str(missing), "--db", str(province)]) == 1
    assert "Không tìm thấy tệp" in capsys.readouterr().err
    assert not crypto._ahead  # dropped when the command ended, taken or not
    for thread in threading.enumerate():
        if thread.name == "scrypt-ahead":
            thread.join(10)
    assert derivations == ["scrypt-ahead"]


def test_a_command_line_export_and_import_unlock_once_each(
        template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        derivations: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    province, office = tmp_path / "P.sqlite3", tmp_path / "A.sqlite3"
    shutil.copy(template / "P.sqlite3", province)
    shutil.copy(template / "A.sqlite3", office)
    monkeypatch.setenv("CADRE_PASSPHRASE", PASS)
    bundle = tmp_path / "a.cadre"
    assert main(["bundle", "export", "--db", str(office), "-o", str(bundle)]) == 0
    assert main(["bundle", "import", str(bundle), "--db", str(province)]) == 0
    assert "Đã nhập" in capsys.readouterr().err
    # One each, begun ahead and taken by the unlock.
    assert derivations == ["scrypt-ahead", "scrypt-ahead"]
    assert not crypto._ahead
    # A wrong passphrase begun ahead is refused as wrong, with nothing imported.
    monkeypatch.setenv("CADRE_PASSPHRASE", "không phải mật khẩu này")
    again = tmp_path / "again.cadre"
    assert main(["bundle", "export", "--db", str(office), "-o", str(again)]) == 1
    assert "mật khẩu" in capsys.readouterr().err.lower()
    assert not again.exists() and not crypto._ahead
