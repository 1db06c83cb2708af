"""Office identity, fingerprints, enrolment, rotation and revocation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bundle_helpers import PASS, Office, craft, digest, fast_scrypt, new_office, offices, template
from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.services import offices as office_service
from cadre_desktop.store import offices as office_store
from cadre_desktop.store.db import open_database
from cadre_desktop.sync import crypto
from cadre_desktop.sync.keys import OfficeKeys, read_identity, unlock
from cadre_desktop.sync.strict import BundleRefused
from cadre_desktop.sync.transaction import import_bundle

__all__ = ["fast_scrypt", "offices", "template"]


def test_fingerprint_is_thirty_digits_in_six_groups_of_five() -> None:
    keys = OfficeKeys.generate().public
    digits = crypto.fingerprint(keys.sign, keys.enc)
    assert re.fullmatch(r"\d{30}", digits)
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", crypto.format_fingerprint(digits))
    assert crypto.fingerprint(keys.sign, keys.enc) == digits
    other = OfficeKeys.generate().public
    assert crypto.fingerprint(keys.sign, other.enc) != digits
    assert crypto.fingerprint_matches(crypto.format_fingerprint(digits).replace(" ", "-"), digits)
    assert not crypto.fingerprint_matches(digits[:-1], digits)


def test_init_makes_keys_sealed_with_the_passphrase(db_path: Path, fast_scrypt: None) -> None:
    db = open_database(db_path)
    try:
        info = office_service.init_office(db, " TD-TN ", "Tỉnh  đoàn Tây Ninh", PASS)
        assert (info.office.code, info.office.name) == ("TD-TN", "Tỉnh đoàn Tây Ninh")
        keys = unlock(db, PASS)
        row = office_store.active_identity(db)
        assert row is not None
        files = [db_path, db_path.with_name(db_path.name + "-wal")]
        stored = b"".join(f.read_bytes() for f in files if f.exists())
        for secret in (keys.secret()[:32], keys.secret()[32:]):
            assert secret not in stored and secret.hex().encode() not in stored
        with pytest.raises(UserError, match="không ai, kể cả người làm chương trình"):
            unlock(db, "quên rồi")
        with pytest.raises(UserError, match="đã có định danh"):
            office_service.init_office(db, "X", "Y", PASS)
        identity = read_identity(office_service.identity_file(db))
        assert identity.fingerprint == info.fingerprint and identity.office == info.office
    finally:
        db.close()


def test_a_short_passphrase_is_refused(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with pytest.raises(InvalidInput, match="ít nhất 10 ký tự"):
            office_service.init_office(db, "X", "Y", "ngắn")
        assert office_store.active_identity(db) is None
    finally:
        db.close()


def test_a_wrong_fingerprint_is_refused(offices: dict[str, Office], tmp_path: Path) -> None:
    p = offices["P"]
    c = new_office(tmp_path / "C.sqlite3", "C")
    try:
        info = office_service.identity_info(c)
        assert info is not None
        wrong = ("1" if info.fingerprint[0] != "1" else "2") + info.fingerprint[1:]
        before = digest(p.db)
        with pytest.raises(UserError, match="Mã số xác nhận không khớp"):
            office_service.enrol(p.db, office_service.identity_file(c), "child", wrong)
        assert digest(p.db) == before
        result = office_service.enrol(p.db, office_service.identity_file(c), "child",
                                      info.fingerprint_display.replace(" ", "-"))
        assert result.status == "enrolled"
        again = office_service.enrol(p.db, office_service.identity_file(c), "child",
                                     info.fingerprint)
        assert again.status == "already-enrolled"
    finally:
        c.close()


def test_a_tampered_identity_file_is_refused(offices: dict[str, Office]) -> None:
    data = office_service.identity_file(offices["A"].db)
    forged = data.replace("Gia Lộc".encode(), "Gia Lốc".encode())
    with pytest.raises(BundleRefused, match="chữ ký không hợp lệ"):
        read_identity(forged)


def test_a_second_key_for_an_office_needs_revocation_first(offices: dict[str, Office],
                                                           tmp_path: Path) -> None:
    """A lost key: the office makes new keys; the province revokes the old one, then enrols
    the new identity after the phone check; bundles signed with the new key import."""
    a, p = offices["A"], offices["P"]
    clone = tmp_path / "A2.sqlite3"
    a.db.close()
    clone.write_bytes(a.path.read_bytes())
    a.db = open_database(a.path)
    replacement = open_database(clone)
    try:
        replacement.conn.execute("DELETE FROM sync_identity")  # the lost laptop's keys
        keys = OfficeKeys.generate()
        with replacement.write("khóa mới") as tx:
            office_service._store_keys(tx, replacement, keys, PASS)
        info = office_service.identity_info(replacement)
        assert info is not None
        new_identity = office_service.identity_file(replacement)
        with pytest.raises(UserError, match="đã có một khóa đang dùng"):
            office_service.enrol(p.db, new_identity, "child", info.fingerprint)
        office_service.revoke(p.db, "DP-GL", "mất máy")
        office_service.enrol(p.db, new_identity, "child", info.fingerprint)
        fresh = Office(replacement, clone)
        assert import_bundle(p.db, craft(fresh, p), PASS).status == "imported"
        with pytest.raises(BundleRefused, match="đã bị thu hồi"):
            import_bundle(p.db, craft(a, p, sequence=2), PASS)
    finally:
        replacement.close()


def test_rotation_is_accepted_by_parent_and_children(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    statement = office_service.rotate_keys(p.db, PASS)
    assert office_service.accept_rotation(a.db, statement).status == "enrolled"
    assert office_service.accept_rotation(a.db, statement).status == "already-enrolled"
    # A bundle to the province is now encrypted to its new key, which it can open.
    assert import_bundle(p.db, craft(a, p), PASS).status == "imported"
    statement = office_service.rotate_keys(a.db, PASS)
    office_service.accept_rotation(p.db, statement)
    assert import_bundle(p.db, craft(a, p, sequence=2), PASS).status == "imported"


def test_a_rotation_of_an_unknown_or_revoked_key_is_refused(offices: dict[str, Office],
                                                            tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    office_service.revoke(p.db, "DP-GL")
    statement = office_service.rotate_keys(a.db, PASS)
    with pytest.raises(UserError, match="trạng thái 'revoked'"):
        office_service.accept_rotation(p.db, statement)
    stranger = new_office(tmp_path / "C.sqlite3", "C")
    try:
        with pytest.raises(UserError, match="chưa đăng ký ở đây"):
            office_service.accept_rotation(p.db, office_service.rotate_keys(stranger, PASS))
    finally:
        stranger.close()
    forged = statement.replace(b'"old":{"enc":"', b'"old":{"enc":"0', 1)
    with pytest.raises(BundleRefused):
        office_service.accept_rotation(p.db, forged)


def test_export_needs_an_enrolled_parent(db_path: Path, fast_scrypt: None,
                                         tmp_path: Path) -> None:
    db = new_office(db_path, "C")
    try:
        from cadre_desktop.services import bundles

        with pytest.raises(UserError, match="Chưa đăng ký đơn vị cấp trên"):
            bundles.export_to_file(db, tmp_path / "x.cadre", PASS)
        assert not (tmp_path / "x.cadre").exists()
    finally:
        db.close()
