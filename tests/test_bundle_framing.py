"""Adversarial bundles, file level (shared/design/bundles.md): each is refused with its
message and leaves the receiving database unchanged in content."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from bundle_helpers import (
    PASS,
    Office,
    craft,
    digest,
    fast_scrypt,
    new_office,
    offices,
    resign,
    template,
)
from cadre_desktop.services import bundles
from cadre_desktop.services import offices as office_service
from cadre_desktop.sync import framing
from cadre_desktop.sync.crypto import SIGNATURE_LEN
from cadre_desktop.sync.importer import ImportOptions
from cadre_desktop.sync.keys import OfficeKeys
from cadre_desktop.sync.strict import DEFAULT_LIMITS, BundleRefused, Limits
from cadre_desktop.sync.transaction import import_bundle

__all__ = ["fast_scrypt", "offices", "template"]


def refused(receiver: Office, data: bytes, message: str, **options: object) -> BundleRefused:
    before = digest(receiver.db)
    with pytest.raises(BundleRefused, match=re.escape(message)) as caught:
        import_bundle(receiver.db, data, PASS, ImportOptions(**options))  # type: ignore[arg-type]
    assert digest(receiver.db) == before
    return caught.value


def header_len(data: bytes) -> int:
    return int.from_bytes(data[26:30], "big")


def flip(data: bytes, position: int, mask: int = 0x01) -> bytes:
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1:]


@pytest.fixture
def bundle(offices: dict[str, Office]) -> bytes:
    return craft(offices["A"], offices["P"])


def test_the_valid_bundle_is_accepted(offices: dict[str, Office], bundle: bytes) -> None:
    report = import_bundle(offices["P"].db, bundle, PASS)
    assert report.status == "imported"
    assert report.tables["person"].inserted == 100


@pytest.mark.parametrize(("region", "offset", "mask", "message"), [
    ("magic", lambda h: 3, 0x01, "sai dấu nhận dạng"),
    ("version", lambda h: 9, 0x02, "định dạng phiên bản 3"),
    ("key id", lambda h: 12, 0x01, "khóa chưa đăng ký"),
    ("header length, low bit", lambda h: 29, 0x01, "Chữ ký không hợp lệ"),
    ("header length, high bit", lambda h: 26, 0x80, "vượt giới hạn"),
    ("header", lambda h: 30 + h // 2, 0x01, "Chữ ký không hợp lệ"),
    ("signature", lambda h: 30 + h + 10, 0x01, "Chữ ký không hợp lệ"),
    ("payload", lambda h: 30 + h + SIGNATURE_LEN + 100, 0x01, "Mã băm của phần dữ liệu"),
    ("last byte", lambda h: -1, 0x01, "Mã băm của phần dữ liệu"),
])
def test_a_bit_flip_in_each_region_is_refused(offices: dict[str, Office], bundle: bytes,
                                              region: str, offset: object, mask: int,
                                              message: str) -> None:
    position = offset(header_len(bundle))  # type: ignore[operator]
    refused(offices["P"], flip(bundle, position % len(bundle), mask), message)


@pytest.mark.parametrize(("cut", "message"), [
    (lambda h: 0, "quá ngắn"),
    (lambda h: 8, "quá ngắn"),
    (lambda h: 30, "quá ngắn"),
    (lambda h: 30 + h // 2, "thiếu phần đầu hoặc chữ ký"),
    (lambda h: 30 + h, "thiếu phần đầu hoặc chữ ký"),
    (lambda h: 30 + h + 32, "thiếu phần đầu hoặc chữ ký"),
    (lambda h: 30 + h + SIGNATURE_LEN, "phần dữ liệu thiếu"),
    (lambda h: 30 + h + SIGNATURE_LEN + 1000, "phần dữ liệu thiếu"),
    (lambda h: -1, "phần dữ liệu thiếu 1 byte"),
])
def test_truncation_at_every_boundary_is_refused(offices: dict[str, Office], bundle: bytes,
                                                 cut: object, message: str) -> None:
    end = cut(header_len(bundle))  # type: ignore[operator]
    refused(offices["P"], bundle[:end], message)


def test_bytes_prepended_are_refused(offices: dict[str, Office], bundle: bytes) -> None:
    refused(offices["P"], b"\x00" + bundle, "sai dấu nhận dạng")
    refused(offices["P"], bundle[:30] + bundle, "Chữ ký không hợp lệ")


def test_bytes_appended_are_refused(offices: dict[str, Office], bundle: bytes) -> None:
    refused(offices["P"], bundle + b"\x00", "1 byte thừa sau phần dữ liệu đã ký")
    refused(offices["P"], bundle + bundle, "byte thừa sau phần dữ liệu đã ký")


def test_length_fields_set_huge_are_refused(offices: dict[str, Office], bundle: bytes) -> None:
    huge = bundle[:26] + struct.pack(">I", 0xFFFFFFFF) + bundle[30:]
    refused(offices["P"], huge, "vượt giới hạn")
    beyond = bundle[:26] + struct.pack(">I", len(bundle)) + bundle[30:]
    refused(offices["P"], beyond, "thiếu phần đầu hoặc chữ ký",
            limits=Limits(max_header=10**9))


def test_a_header_over_its_limit_is_refused(offices: dict[str, Office], bundle: bytes) -> None:
    refused(offices["P"], bundle, "Phần đầu tệp khai báo dài", limits=Limits(max_header=100))


def test_an_oversize_file_is_refused_before_it_is_read(offices: dict[str, Office], bundle: bytes,
                                                       tmp_path: Path) -> None:
    refused(offices["P"], bundle, "Tệp quá lớn", limits=Limits(max_file=len(bundle) - 1))
    path = tmp_path / "big.cadre"
    path.write_bytes(bundle)
    before = digest(offices["P"].db)
    with pytest.raises(BundleRefused, match="quá lớn"):
        bundles.import_file(offices["P"].db, path, PASS, limits=Limits(max_file=1000))
    assert digest(offices["P"].db) == before


def test_an_unknown_format_version_is_refused(offices: dict[str, Office], bundle: bytes) -> None:
    refused(offices["P"], bundle[:8] + struct.pack(">H", 2) + bundle[10:],
            "phiên bản 2, chương trình này chỉ đọc phiên bản 1")


def test_an_unknown_key_is_refused(offices: dict[str, Office], tmp_path: Path) -> None:
    stranger = Office(new_office(tmp_path / "C.sqlite3", "C"), tmp_path / "C.sqlite3")
    try:
        data = craft(stranger, offices["P"])
        refused(offices["P"], data, "khóa chưa đăng ký ở đơn vị này")
    finally:
        stranger.db.close()


def test_a_revoked_key_is_refused(offices: dict[str, Office], bundle: bytes) -> None:
    office_service.revoke(offices["P"].db, "DP-GL", "mất máy tính")
    refused(offices["P"], bundle, "đã bị thu hồi")


def test_an_old_key_after_rotation_is_refused(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    old_keys = a.keys()
    statement = office_service.rotate_keys(a.db, PASS)
    office_service.accept_rotation(p.db, statement)
    refused(p, craft(a, p, keys=old_keys), "khóa cũ")
    assert import_bundle(p.db, craft(a, p), PASS).status == "imported"


def test_a_signature_by_another_key_is_refused(offices: dict[str, Office],
                                               bundle: bytes) -> None:
    frame = framing.split(bundle, DEFAULT_LIMITS)
    forged = frame.signed + offices["B"].keys().sign(frame.signed) + frame.payload
    refused(offices["P"], forged, "không phải do Đoàn phường Gia Lộc (DP-GL) ký")
    stranger = OfficeKeys.generate()
    forged = frame.signed + stranger.sign(frame.signed) + frame.payload
    refused(offices["P"], forged, "Chữ ký không hợp lệ")


def test_a_key_of_office_a_claiming_office_b_is_refused(offices: dict[str, Office]) -> None:
    data = craft(offices["A"], offices["P"], claimed=offices["B"].ref)
    refused(offices["P"], data, "tự nhận là của đơn vị Đoàn xã Tân Hưng (DX-TH) nhưng được ký "
            "bằng khóa của Đoàn phường Gia Lộc (DP-GL)")


def test_a_ciphertext_re_signed_by_another_office_is_refused(offices: dict[str, Office],
                                                             bundle: bytes) -> None:
    b = offices["B"]

    def as_b(header: dict[str, object]) -> None:
        header["sender"] = b.ref.to_json()

    refused(offices["P"], resign(bundle, b.keys(), as_b), "Không giải mã được gói")


def test_a_tampered_aead_tag_is_refused(offices: dict[str, Office], bundle: bytes) -> None:
    payload = framing.split(bundle, DEFAULT_LIMITS).payload
    tampered = payload[:-1] + bytes([payload[-1] ^ 0x01])
    data = resign(bundle, offices["A"].keys(), lambda h: None, new_payload=tampered)
    refused(offices["P"], data, "Không giải mã được gói")


def test_a_bundle_for_another_recipient_is_refused(offices: dict[str, Office]) -> None:
    a, p, b = offices["A"], offices["P"], offices["B"]
    refused(p, craft(a, p, recipient_id=b.id), "gửi cho một đơn vị khác")
    refused(p, craft(a, p, recipient=b), "mã hóa cho một khóa không phải của đơn vị này")


def test_a_payload_hash_that_lies_is_refused(offices: dict[str, Office], bundle: bytes) -> None:
    def lie(header: dict[str, dict[str, object]]) -> None:
        header["payload"]["sha256"] = "0" * 64

    refused(offices["P"], resign(bundle, offices["A"].keys(), lie), "Mã băm của phần dữ liệu")


@pytest.mark.parametrize(("delta", "message"), [(10, "phần dữ liệu thiếu 10 byte"),
                                                (-10, "10 byte thừa")])
def test_a_payload_length_that_lies_is_refused(offices: dict[str, Office], bundle: bytes,
                                               delta: int, message: str) -> None:
    def lie(header: dict[str, dict[str, int]]) -> None:
        header["payload"]["length"] += delta

    refused(offices["P"], resign(bundle, offices["A"].keys(), lie), message)


def test_a_bundle_from_the_parent_or_a_receipt_is_refused(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    refused(a, craft(p, a), "là đơn vị cấp trên")
    report = import_bundle(p.db, craft(a, p), PASS)
    assert report.receipt is not None
    with pytest.raises(BundleRefused, match="Đây là biên nhận"):
        import_bundle(a.db, report.receipt, PASS)


def test_a_bundle_from_a_newer_program_is_refused(offices: dict[str, Office],
                                                  bundle: bytes) -> None:
    def newer(header: dict[str, object]) -> None:
        header["schema"] = 999

    refused(offices["P"], resign(bundle, offices["A"].keys(), newer), "phiên bản Cadre Desktop "
            "mới hơn")


def test_a_header_with_an_unknown_field_is_refused(offices: dict[str, Office],
                                                   bundle: bytes) -> None:
    def extra(header: dict[str, object]) -> None:
        header["trust_me"] = True

    refused(offices["P"], resign(bundle, offices["A"].keys(), extra), "thừa ['trust_me']")


def test_a_deeply_nested_header_is_refused(offices: dict[str, Office], bundle: bytes) -> None:
    def nest(header: dict[str, object]) -> None:
        value: object = 1
        for _ in range(50):
            value = [value]
        header["app"] = value

    refused(offices["P"], resign(bundle, offices["A"].keys(), nest), "lồng nhau quá sâu")


def test_wrong_or_missing_passphrase(offices: dict[str, Office], bundle: bytes) -> None:
    p = offices["P"]
    before = digest(p.db)
    with pytest.raises(Exception, match="Mật khẩu của đơn vị không đúng"):
        import_bundle(p.db, bundle, "sai mật khẩu")
    with pytest.raises(Exception, match="Cần mật khẩu"):
        import_bundle(p.db, bundle, None)
    assert digest(p.db) == before
