"""Opening a signed bundle or receipt: framing, the enrolled key, the signature over the
raw header, and only then the header's JSON and the payload's length and hash.

Trust comes from this office's table of enrolled keys: the key id in the file only picks
which enrolled key to try, and the office the file claims to come from must be the
office that key was enrolled for.
"""

from __future__ import annotations

from dataclasses import dataclass

from cadre_desktop.domain.dates import format_iso
from cadre_desktop.store import offices
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.offices import OfficeKey
from cadre_desktop.sync import crypto, framing
from cadre_desktop.sync.framing import Frame
from cadre_desktop.sync.header import BundleHeader, ReceiptHeader, kind_name, parse
from cadre_desktop.sync.strict import BundleRefused, Limits


@dataclass(frozen=True)
class Verified:
    frame: Frame
    header: BundleHeader | ReceiptHeader
    key: OfficeKey
    header_sha256: str


def _who(db: Handle, key: OfficeKey) -> str:
    office = offices.get_office(db, key.office_id)
    return office.label if office else key.office_id


def open_signed(db: Handle, data: bytes, limits: Limits) -> Verified:
    frame = framing.split(data, limits)
    key = offices.key_by_id(db, frame.key_id.hex())
    if key is None:
        raise BundleRefused(
            "Tệp được ký bằng một khóa chưa đăng ký ở đơn vị này: hãy đăng ký đơn vị gửi "
            "(nhập tệp định danh và đối chiếu mã số qua điện thoại) trước khi nhập.")
    if not crypto.verify(key.sign_public, frame.signature, frame.signed):
        raise BundleRefused(
            f"Chữ ký không hợp lệ: tệp đã bị sửa hoặc hỏng, hoặc không phải do "
            f"{_who(db, key)} ký. Không nhập gì.")
    if key.status == "revoked":
        raise BundleRefused(
            f"Khóa của {_who(db, key)} đã bị thu hồi ({format_iso(key.status_at)}"
            f"{': ' + key.status_note if key.status_note else ''}). Tệp ký bằng khóa này "
            "không được nhận.")
    if key.status != "active":
        raise BundleRefused(
            f"Tệp được ký bằng khóa cũ của {_who(db, key)} (đã đổi khóa ngày "
            f"{format_iso(key.status_at)}): hãy đề nghị đơn vị đó tạo lại tệp.")
    header = parse(frame.header, limits)
    if not isinstance(header, BundleHeader | ReceiptHeader):
        raise BundleRefused(f"Đây là {kind_name(header)}, không phải gói dữ liệu hay biên nhận")
    if header.sender.id != key.office_id:
        raise BundleRefused(
            f"Tệp tự nhận là của đơn vị {header.sender.label} nhưng được ký bằng khóa của "
            f"{_who(db, key)}: không nhập.")
    framing.check_payload(frame, header.payload.length, header.payload.sha256)
    return Verified(frame, header, key, frame.header_sha256)
