"""The byte layout shared by bundles, receipts, identity files and rotation statements.

    offset  size  field
    0       8     magic b"CADRSYNC"
    8       2     format version, big-endian (1)
    10      16    key id of the signing key (a hint only)
    26      4     header length H, big-endian
    30      H     header: canonical JSON (UTF-8, sorted keys, no spaces)
    30+H    64    Ed25519 signature over bytes 0 .. 30+H (magic, version, key id, length
                  and header)
    94+H    P     payload: exactly the length the header declares, whose SHA-256 the
                  header also declares; nothing may follow it

Reading is verify-before-parse: split() only checks the fixed-size fields against the
real file size and the limits; the signature is verified over the raw bytes before the
header is parsed as JSON, and the payload is only hashed until then. Nothing from the
file is ever used as a path.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cadre_desktop.domain.wording import format_bytes
from cadre_desktop.sync.crypto import KEY_ID_LEN, SIGNATURE_LEN
from cadre_desktop.sync.strict import BundleRefused, Limits

MAGIC = b"CADRSYNC"
FORMAT_VERSION = 1
_PREFIX = struct.Struct(">8sH16sI")
PREFIX_LEN = _PREFIX.size  # 30


@dataclass(frozen=True)
class Frame:
    version: int
    key_id: bytes
    header: bytes
    signature: bytes
    payload: bytes
    signed: bytes  # magic .. end of header: what the signature covers

    @property
    def header_sha256(self) -> str:
        """Identifies the whole file: the header declares the payload's hash."""
        return hashlib.sha256(self.signed).hexdigest()


def read_file(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file:
            raise BundleRefused(
                f"Tệp {path.name} quá lớn ({format_bytes(size)}, "
                f"giới hạn {format_bytes(limits.max_file)})")
        with path.open("rb") as handle:
            data = handle.read(limits.max_file + 1)
    except OSError as exc:
        raise BundleRefused(f"Không đọc được tệp {path.name}: {exc.strerror or exc}") from exc
    if len(data) > limits.max_file:
        raise BundleRefused(f"Tệp {path.name} quá lớn (giới hạn {format_bytes(limits.max_file)})")
    return data


def split(data: bytes, limits: Limits) -> Frame:
    if len(data) > limits.max_file:
        raise BundleRefused(f"Tệp quá lớn ({format_bytes(len(data))}, "
                            f"giới hạn {format_bytes(limits.max_file)})")
    if len(data) < PREFIX_LEN + SIGNATURE_LEN:
        raise BundleRefused("Tệp quá ngắn: không phải tệp của Cadre Desktop, hoặc đã bị cắt cụt")
    magic, version, key_id, header_len = _PREFIX.unpack_from(data)
    if magic != MAGIC:
        raise BundleRefused(
            "Không phải tệp gói dữ liệu của Cadre Desktop (sai dấu nhận dạng ở đầu tệp, "
            "có thể đã bị thêm dữ liệu vào đầu tệp)")
    if version != FORMAT_VERSION:
        raise BundleRefused(
            f"Tệp dùng định dạng phiên bản {version}, chương trình này chỉ đọc phiên bản "
            f"{FORMAT_VERSION}: hãy cập nhật Cadre Desktop")
    if header_len > limits.max_header:
        raise BundleRefused(
            f"Phần đầu tệp khai báo dài {format_bytes(header_len)}, vượt giới hạn "
            f"{format_bytes(limits.max_header)}")
    end = PREFIX_LEN + header_len
    if end + SIGNATURE_LEN > len(data):
        raise BundleRefused("Tệp bị cắt cụt: thiếu phần đầu hoặc chữ ký")
    return Frame(
        version=version,
        key_id=bytes(key_id),
        header=data[PREFIX_LEN:end],
        signature=data[end:end + SIGNATURE_LEN],
        payload=data[end + SIGNATURE_LEN:],
        signed=data[:end],
    )


def build(key_id: bytes, header: bytes, sign: Callable[[bytes], bytes], payload: bytes) -> bytes:
    if len(key_id) != KEY_ID_LEN:
        raise ValueError("key id must be 16 bytes")
    signed = _PREFIX.pack(MAGIC, FORMAT_VERSION, key_id, len(header)) + header
    signature = sign(signed)
    if len(signature) != SIGNATURE_LEN:
        raise ValueError("Ed25519 signatures are 64 bytes")
    return signed + signature + payload


def check_payload(frame: Frame, length: int, sha256_hex: str) -> None:
    """The payload must be exactly what the verified header declares."""
    if len(frame.payload) > length:
        raise BundleRefused(
            f"Có {format_bytes(len(frame.payload) - length)} thừa sau phần dữ liệu đã ký: "
            "tệp đã bị sửa hoặc ghép thêm")
    if len(frame.payload) < length:
        raise BundleRefused(
            f"Tệp bị cắt cụt: phần dữ liệu thiếu {format_bytes(length - len(frame.payload))}")
    if hashlib.sha256(frame.payload).hexdigest() != sha256_hex:
        raise BundleRefused("Mã băm của phần dữ liệu không khớp với phần đầu đã ký: tệp đã "
                            "bị sửa hoặc hỏng")
