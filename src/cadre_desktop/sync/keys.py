"""An office's key pairs, its self-signed identity file and key rotation statements.

An identity file is a framed file (framing.py) of kind "identity", signed by the key it
carries: the signature only proves that whoever made it holds the key. Trust comes from
the two clerks reading the fingerprint to each other before enrolment.

A rotation statement names the office, its old and new public keys; the old key signs
the statement and the new key signs the whole file, so an office that trusts the old key
can move to the new one without another phone call. A stolen old key could do the same:
that is what revocation (by the office above) is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.handle import Handle
from cadre_desktop.sync import crypto, framing
from cadre_desktop.sync.header import (
    EMPTY_SHA256,
    Header,
    IdentityHeader,
    OfficeRef,
    RotationHeader,
    parse,
)
from cadre_desktop.sync.strict import DEFAULT_LIMITS, BundleRefused, Limits, canonical


@dataclass(frozen=True)
class PublicKeys:
    sign: bytes
    enc: bytes

    @property
    def key_id(self) -> bytes:
        return crypto.key_id(self.sign)

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.sign, self.enc)


@dataclass(frozen=True)
class OfficeKeys:
    """An unlocked key pair; lives in memory only for the action that needs it."""

    sign_private: Ed25519PrivateKey
    enc_private: X25519PrivateKey

    @classmethod
    def generate(cls) -> OfficeKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def from_secret(cls, secret: bytes) -> OfficeKeys:
        if len(secret) != 64:
            raise BundleRefused("Khóa đã lưu có độ dài sai: tệp dữ liệu có thể đã hỏng")
        return cls(Ed25519PrivateKey.from_private_bytes(secret[:32]),
                   X25519PrivateKey.from_private_bytes(secret[32:]))

    def secret(self) -> bytes:
        return self.sign_private.private_bytes_raw() + self.enc_private.private_bytes_raw()

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(crypto.public_bytes_ed(self.sign_private),
                          crypto.public_bytes_x(self.enc_private))

    def sign(self, data: bytes) -> bytes:
        return self.sign_private.sign(data)

    def frame(self, header: bytes, payload: bytes = b"") -> bytes:
        return framing.build(self.public.key_id, header, self.sign, payload)


@dataclass(frozen=True)
class Identity:
    office: OfficeRef
    keys: PublicKeys
    created: str

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint


def build_identity(keys: OfficeKeys, office: OfficeRef, created: str) -> bytes:
    public = keys.public
    header = IdentityHeader(office, public.sign, public.enc, created)
    return keys.frame(canonical(header.to_json()))


def _self_signed(data: bytes, limits: Limits) -> tuple[framing.Frame, Header]:
    """Parsed before its signature is checked, because the key is inside; the framing
    limits bound that work."""
    frame = framing.split(data, limits)
    head = parse(frame.header, limits)
    framing.check_payload(frame, 0, EMPTY_SHA256)
    return frame, head


def read_identity(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Identity:
    """A verified identity file: well formed and signed by the key it carries."""
    frame, head = _self_signed(data, limits)
    if not isinstance(head, IdentityHeader):
        raise BundleRefused("Đây không phải tệp định danh của một đơn vị")
    keys = PublicKeys(head.sign_public, head.enc_public)
    if frame.key_id != keys.key_id or not crypto.verify(keys.sign, frame.signature,
                                                         frame.signed):
        raise BundleRefused("Tệp định danh có chữ ký không hợp lệ: tệp đã bị sửa hoặc hỏng")
    return Identity(head.office, keys, head.created)


@dataclass(frozen=True)
class Rotation:
    office: OfficeRef
    old: PublicKeys
    new: PublicKeys
    created: str


def build_rotation(old: OfficeKeys, new: OfficeKeys, office: OfficeRef, created: str) -> bytes:
    unsigned = RotationHeader(office, old.public.sign, old.public.enc, new.public.sign,
                              new.public.enc, created, bytes(crypto.SIGNATURE_LEN))
    signed = RotationHeader(office, old.public.sign, old.public.enc, new.public.sign,
                            new.public.enc, created, old.sign(unsigned.signed_statement))
    return new.frame(canonical(signed.to_json()))


def read_rotation(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Rotation:
    """A rotation statement whose two signatures are valid; whether the old key is
    trusted is for the caller to check against its own table."""
    frame, head = _self_signed(data, limits)
    if not isinstance(head, RotationHeader):
        raise BundleRefused("Đây không phải bản đổi khóa của một đơn vị")
    new = PublicKeys(head.new_sign, head.new_enc)
    old = PublicKeys(head.old_sign, head.old_enc)
    if frame.key_id != new.key_id or not crypto.verify(new.sign, frame.signature, frame.signed):
        raise BundleRefused("Bản đổi khóa có chữ ký của khóa mới không hợp lệ")
    if not crypto.verify(old.sign, head.old_signature, head.signed_statement):
        raise BundleRefused("Bản đổi khóa có chữ ký của khóa cũ không hợp lệ")
    if old.sign == new.sign:
        raise BundleRefused("Bản đổi khóa không đổi khóa nào")
    return Rotation(head.office, old, new, head.created)


def unlock(db: Handle, passphrase: str | None, key_id: str | None = None) -> OfficeKeys:
    """This office's private keys (the active ones, or those with this key id)."""
    from cadre_desktop.store import offices

    row = (offices.identity_by_key_id(db, key_id) if key_id
           else offices.active_identity(db))
    if row is None:
        if key_id:
            raise BundleRefused("Gói được mã hóa cho một khóa không phải của đơn vị này: "
                                "có thể gói gửi nhầm đơn vị nhận.")
        raise UserError("Đơn vị chưa có khóa: hãy khởi tạo định danh đơn vị (office init).")
    if not row.secret:
        # Key rotation erases the retired private key: a bundle still encrypted to it
        # cannot be opened by anyone any more, which is the point of retiring it.
        raise BundleRefused("Gói được mã hóa cho khóa cũ của đơn vị, khóa này đã bị xóa khi "
                            "đổi khóa: hãy nhờ đơn vị gửi làm lại gói với khóa mới.")
    if not passphrase:
        raise UserError("Cần mật khẩu của đơn vị để mở khóa.")
    return OfficeKeys.from_secret(crypto.open_secret(row.secret, passphrase))
