"""The signed header of each kind of file, built and strictly validated.

Every header has "format" (1), "kind" and "payload" {length, sha256, raw_length}; any
missing or unknown field refuses the file. Kinds:

- bundle: bundle_id, sequence, sender {id, code, name}, recipient {id, key_id}, created
  (the sender's clock, shown only), schema (the sender's migration number), app,
  content, encryption {scheme, ephemeral}, compression "zlib". content is
  "full-snapshot" (everything of the sender's subtree: rows missing from it are deleted
  at the receiver), "delta" (the rows changed since the bundle named by "base"
  {sequence, bundle_id}, which the receiver must hold; only with this content) or
  "issued" (the lists an office issues down to an office below it).
- receipt: receipt_id, sender (the office that imported), recipient {id}, created,
  bundle {id, sequence, sha256 (of the bundle's signed header), imported_at}.
- identity: office {id, code, name}, keys {sign, enc}, created.
- rotation: office, old {sign, enc}, new {sign, enc}, created, old_signature.

The AEAD associated data of a bundle is a hash of its header without "payload": it binds
the sender office, the recipient, the bundle id, the sequence and the ephemeral key, so a
ciphertext re-signed by another office, or moved under another number, does not decrypt.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from cadre_desktop.sync import crypto
from cadre_desktop.sync.strict import (
    HEX64_RE,
    UUID_RE,
    BundleRefused,
    Limits,
    canonical,
    expect_dict,
    expect_hex,
    expect_int,
    expect_str,
    loads,
)

HEADER_FORMAT = 1
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
KINDS = {"bundle": "gói dữ liệu", "receipt": "biên nhận", "identity": "tệp định danh",
         "rotation": "bản đổi khóa"}
FULL, DELTA, ISSUED = "full-snapshot", "delta", "issued"
CONTENTS = (FULL, DELTA, ISSUED)


@dataclass(frozen=True)
class OfficeRef:
    id: str
    code: str
    name: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "name": self.name}

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


@dataclass(frozen=True)
class PayloadInfo:
    length: int
    sha256: str
    raw_length: int

    def to_json(self) -> dict[str, Any]:
        return {"length": self.length, "sha256": self.sha256, "raw_length": self.raw_length}


NO_PAYLOAD = PayloadInfo(0, EMPTY_SHA256, 0)


@dataclass(frozen=True)
class BaseRef:
    """The earlier bundle a delta is made on top of."""

    sequence: int
    bundle_id: str

    def to_json(self) -> dict[str, Any]:
        return {"sequence": self.sequence, "bundle_id": self.bundle_id}


@dataclass(frozen=True)
class BundleHeader:
    bundle_id: str
    sequence: int
    sender: OfficeRef
    recipient_id: str
    recipient_key_id: bytes
    created: str
    schema: int
    app: str
    ephemeral: bytes
    payload: PayloadInfo
    content: str = FULL
    base: BaseRef | None = None  # a delta's base, and only a delta's

    @property
    def kind(self) -> str:
        """'full', 'delta' or 'issued': the word the ledger and the command line use."""
        return {FULL: "full", DELTA: "delta", ISSUED: "issued"}[self.content]

    def core(self) -> dict[str, Any]:
        core = {
            "format": HEADER_FORMAT, "kind": "bundle", "bundle_id": self.bundle_id,
            "sequence": self.sequence, "sender": self.sender.to_json(),
            "recipient": {"id": self.recipient_id, "key_id": self.recipient_key_id.hex()},
            "created": self.created, "schema": self.schema, "app": self.app,
            "content": self.content, "compression": "zlib",
            "encryption": {"scheme": crypto.ENCRYPTION_SCHEME, "ephemeral": self.ephemeral.hex()},
        }
        if self.base is not None:
            core["base"] = self.base.to_json()
        return core

    def to_json(self) -> dict[str, Any]:
        return {**self.core(), "payload": self.payload.to_json()}

    @property
    def aad(self) -> bytes:
        return hashlib.sha256(b"cadre-bundle-aad-v1\x00" + canonical(self.core())).digest()


@dataclass(frozen=True)
class ReceiptHeader:
    receipt_id: str
    sender: OfficeRef
    recipient_id: str
    created: str
    bundle_id: str
    sequence: int
    bundle_sha256: str
    imported_at: str

    @property
    def payload(self) -> PayloadInfo:
        return NO_PAYLOAD

    def to_json(self) -> dict[str, Any]:
        return {
            "format": HEADER_FORMAT, "kind": "receipt", "receipt_id": self.receipt_id,
            "sender": self.sender.to_json(), "recipient": {"id": self.recipient_id},
            "created": self.created,
            "bundle": {"id": self.bundle_id, "sequence": self.sequence,
                       "sha256": self.bundle_sha256, "imported_at": self.imported_at},
            "payload": NO_PAYLOAD.to_json(),
        }


@dataclass(frozen=True)
class IdentityHeader:
    office: OfficeRef
    sign_public: bytes
    enc_public: bytes
    created: str

    def to_json(self) -> dict[str, Any]:
        return {"format": HEADER_FORMAT, "kind": "identity", "office": self.office.to_json(),
                "keys": {"sign": self.sign_public.hex(), "enc": self.enc_public.hex()},
                "created": self.created, "payload": NO_PAYLOAD.to_json()}


@dataclass(frozen=True)
class RotationHeader:
    office: OfficeRef
    old_sign: bytes
    old_enc: bytes
    new_sign: bytes
    new_enc: bytes
    created: str
    old_signature: bytes

    def statement(self) -> dict[str, Any]:
        return {"format": HEADER_FORMAT, "kind": "rotation", "office": self.office.to_json(),
                "old": {"sign": self.old_sign.hex(), "enc": self.old_enc.hex()},
                "new": {"sign": self.new_sign.hex(), "enc": self.new_enc.hex()},
                "created": self.created, "payload": NO_PAYLOAD.to_json()}

    @property
    def signed_statement(self) -> bytes:
        """What the old key signs: the statement without its own signature."""
        return b"cadre-rotation-v1\x00" + canonical(self.statement())

    def to_json(self) -> dict[str, Any]:
        return {**self.statement(), "old_signature": self.old_signature.hex()}


Header = BundleHeader | ReceiptHeader | IdentityHeader | RotationHeader

_COMMON = {"format", "kind", "payload"}
_FIELDS = {
    "bundle": _COMMON | {"bundle_id", "sequence", "sender", "recipient", "created", "schema",
                         "app", "content", "compression", "encryption"},
    "receipt": _COMMON | {"receipt_id", "sender", "recipient", "created", "bundle"},
    "identity": _COMMON | {"office", "keys", "created"},
    "rotation": _COMMON | {"office", "old", "new", "created", "old_signature"},
}


def _office(value: Any, what: str) -> OfficeRef:
    obj = expect_dict(value, {"id", "code", "name"}, what)
    return OfficeRef(expect_str(obj["id"], f"{what}.id", UUID_RE),
                     expect_str(obj["code"], f"{what}.code", max_len=60),
                     expect_str(obj["name"], f"{what}.name", max_len=200))


def _keys(value: Any, what: str) -> tuple[bytes, bytes]:
    obj = expect_dict(value, {"sign", "enc"}, what)
    return (expect_hex(obj["sign"], f"{what}.sign", crypto.PUBLIC_LEN),
            expect_hex(obj["enc"], f"{what}.enc", crypto.PUBLIC_LEN))


def _payload(value: Any) -> PayloadInfo:
    obj = expect_dict(value, {"length", "sha256", "raw_length"}, "payload")
    return PayloadInfo(expect_int(obj["length"], "payload.length"),
                       expect_str(obj["sha256"], "payload.sha256", HEX64_RE),
                       expect_int(obj["raw_length"], "payload.raw_length"))


def parse(raw: bytes, limits: Limits) -> Header:
    """Only called on header bytes whose signature has been verified (or, for an identity
    file, that are about to be checked against the key they carry)."""
    obj = loads(raw, "Phần đầu tệp", limits.max_depth)
    if not isinstance(obj, dict):
        raise BundleRefused("Phần đầu tệp: cần một đối tượng JSON")
    kind = obj.get("kind")
    if obj.get("format") != HEADER_FORMAT or not isinstance(kind, str) or kind not in _FIELDS:
        raise BundleRefused("Phần đầu tệp: loại tệp hoặc phiên bản không được hỗ trợ")
    fields = _FIELDS[kind] | ({"base"} if kind == "bundle" and obj.get("content") == DELTA
                              else set())
    obj = expect_dict(obj, fields, "Phần đầu tệp")
    payload = _payload(obj["payload"])
    created = expect_str(obj["created"], "created", max_len=40)
    if kind == "bundle":
        recipient = expect_dict(obj["recipient"], {"id", "key_id"}, "recipient")
        encryption = expect_dict(obj["encryption"], {"scheme", "ephemeral"}, "encryption")
        if (obj["content"] not in CONTENTS or obj["compression"] != "zlib"
                or encryption["scheme"] != crypto.ENCRYPTION_SCHEME):
            raise BundleRefused("Phần đầu tệp: cách nén, mã hóa hoặc nội dung không được hỗ trợ")
        base = None
        if obj["content"] == DELTA:
            ref = expect_dict(obj["base"], {"sequence", "bundle_id"}, "base")
            base = BaseRef(expect_int(ref["sequence"], "base.sequence", 1),
                           expect_str(ref["bundle_id"], "base.bundle_id", UUID_RE))
        return BundleHeader(
            bundle_id=expect_str(obj["bundle_id"], "bundle_id", UUID_RE),
            sequence=expect_int(obj["sequence"], "sequence", 1),
            sender=_office(obj["sender"], "sender"),
            recipient_id=expect_str(recipient["id"], "recipient.id", UUID_RE),
            recipient_key_id=expect_hex(recipient["key_id"], "recipient.key_id",
                                        crypto.KEY_ID_LEN),
            created=created, schema=expect_int(obj["schema"], "schema"),
            app=expect_str(obj["app"], "app", max_len=40),
            ephemeral=expect_hex(encryption["ephemeral"], "encryption.ephemeral",
                                 crypto.PUBLIC_LEN),
            payload=payload, content=str(obj["content"]), base=base)
    if payload != NO_PAYLOAD:
        raise BundleRefused("Phần đầu tệp: loại tệp này không có phần dữ liệu")
    if kind == "receipt":
        recipient = expect_dict(obj["recipient"], {"id"}, "recipient")
        bundle = expect_dict(obj["bundle"], {"id", "sequence", "sha256", "imported_at"}, "bundle")
        return ReceiptHeader(
            receipt_id=expect_str(obj["receipt_id"], "receipt_id", UUID_RE),
            sender=_office(obj["sender"], "sender"),
            recipient_id=expect_str(recipient["id"], "recipient.id", UUID_RE),
            created=created, bundle_id=expect_str(bundle["id"], "bundle.id", UUID_RE),
            sequence=expect_int(bundle["sequence"], "bundle.sequence", 1),
            bundle_sha256=expect_str(bundle["sha256"], "bundle.sha256", HEX64_RE),
            imported_at=expect_str(bundle["imported_at"], "bundle.imported_at", max_len=40))
    if kind == "identity":
        sign, enc = _keys(obj["keys"], "keys")
        return IdentityHeader(_office(obj["office"], "office"), sign, enc, created)
    old_sign, old_enc = _keys(obj["old"], "old")
    new_sign, new_enc = _keys(obj["new"], "new")
    return RotationHeader(_office(obj["office"], "office"), old_sign, old_enc, new_sign,
                          new_enc, created,
                          expect_hex(obj["old_signature"], "old_signature",
                                     crypto.SIGNATURE_LEN))


def kind_name(header: Header) -> str:
    kind = {BundleHeader: "bundle", ReceiptHeader: "receipt", IdentityHeader: "identity",
            RotationHeader: "rotation"}[type(header)]
    return KINDS[kind]
