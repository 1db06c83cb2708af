"""Office identity and trust between offices, for the GUI and the command line.

- init_office: this installation's code, name, level (the province at the top, or an
  office below) and keys (Ed25519 for signing, X25519 for encryption), the private parts
  sealed with the office passphrase. A forgotten passphrase cannot be bypassed
  (FORGOTTEN says so in the clerk's words). The code and name also fill the office
  profile (printed headers, the window title) where it is still empty.
- identity_file / fingerprint: what is handed to the other office, and the 30 digits
  the two clerks read to each other by phone (six groups of five).
- enrol: trust a child office (at the province) or the parent office (at the district)
  only after the typed fingerprint matches; a wrong one is refused.
- rotate_keys / accept_rotation: a new key pair, announced by a statement signed by the
  old and the new key. revoke: stop trusting an office's key (a lost or stolen key); the
  office is then enrolled again with its new identity file.
"""

from __future__ import annotations

from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.services.passphrase_rules import (  # noqa: F401 - re-exported
    MIN_PASSPHRASE,
    check_passphrase,
)
from cadre_desktop.store import offices, person_search, profile, sync_changes
from cadre_desktop.store.db import Database
from cadre_desktop.store.offices import OfficeKey, OfficeRow
from cadre_desktop.store.tx import Transaction
from cadre_desktop.sync import crypto
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.sync.keys import (
    Identity,
    OfficeKeys,
    build_identity,
    build_rotation,
    read_identity,
    read_rotation,
    unlock,
)

ROLES = ("child", "parent")
LEVELS = offices.LEVELS  # 'province', 'office'


@dataclass(frozen=True)
class IdentityInfo:
    office: OfficeRef
    fingerprint: str  # 30 digits
    key_id: str
    created_at: str

    @property
    def fingerprint_display(self) -> str:
        return crypto.format_fingerprint(self.fingerprint)


@dataclass(frozen=True)
class EnrolResult:
    office: OfficeRef
    role: str
    fingerprint: str
    status: str  # 'enrolled' or 'already-enrolled'
    warnings: list[str]


def _ref(row: OfficeRow) -> OfficeRef:
    return OfficeRef(row.id, row.code, row.name)


def init_office(db: Database, code: str, name: str, passphrase: str,
                level: str | None = None) -> IdentityInfo:
    """level: 'province' or 'office'; None leaves it to be inferred from the offices
    enrolled later (services/office_role.py)."""
    text.refuse_forbidden(code, "Mã đơn vị", "code")
    text.refuse_forbidden(name, "Tên đơn vị", "name")
    code, name = text.clean(code), text.clean(name)
    if not code or not name:
        raise InvalidInput("Cần cả mã và tên của đơn vị", "code" if not code else "name")
    if len(code) > 60 or len(name) > 200:
        raise InvalidInput("Mã hoặc tên đơn vị quá dài", "name")
    if level is not None and level not in LEVELS:
        raise InvalidInput("Cấp của đơn vị phải là 'province' (tỉnh, cấp cao nhất) hoặc "
                           "'office' (đơn vị cấp dưới)", "level")
    check_passphrase(passphrase, office_words=(code, name))
    if offices.active_identity(db) is not None:
        raise UserError("Đơn vị này đã có định danh và khóa. Muốn thay khóa thì dùng chức năng "
                        "đổi khóa; không khởi tạo lại.")
    keys = OfficeKeys.generate()
    with db.write("Khởi tạo định danh đơn vị", undoable=False) as tx:
        current = profile.load_profile(db)
        current.office_name = current.office_name or name
        current.office_code = current.office_code or code
        profile.save_profile(tx, current)
        offices.set_names(tx, db.office_id, code, name)
        if level is not None:
            offices.set_level(tx, db.office_id, level)
        _store_keys(tx, db, keys, passphrase)
    info = identity_info(db)
    assert info is not None
    return info


def _store_keys(tx: Transaction, db: Database, keys: OfficeKeys,
                passphrase: str) -> None:
    me = offices.get_office(tx, db.office_id)
    assert me is not None
    public = keys.public
    document = build_identity(keys, _ref(me), tx.stamp)
    offices.add_identity(tx, public.key_id.hex(), public.sign, public.enc,
                         crypto.seal_secret(keys.secret(), passphrase), document)


def identity_info(db: Database) -> IdentityInfo | None:
    row = offices.active_identity(db)
    if row is None:
        return None
    me = offices.self_office(db)
    return IdentityInfo(_ref(me), crypto.fingerprint(row.sign_public, row.enc_public),
                        row.key_id, row.created_at)


def identity_file(db: Database) -> bytes:
    """The signed identity file made with the keys (it names the office as it was then;
    the receiving office takes later changes of code or name from the bundles)."""
    row = offices.active_identity(db)
    if row is None:
        raise UserError("Đơn vị chưa có định danh: hãy khởi tạo (mã, tên và mật khẩu) trước.")
    return bytes(row.identity)


def read_identity_file(data: bytes) -> Identity:
    return read_identity(data)


def enrol(db: Database, data: bytes, role: str, typed_fingerprint: str) -> EnrolResult:
    if role not in ROLES:
        raise InvalidInput("Vai trò phải là 'child' (cấp dưới) hoặc 'parent' (cấp trên)", "role")
    identity = read_identity(data)
    office = identity.office
    if not crypto.fingerprint_matches(typed_fingerprint, identity.fingerprint):
        raise UserError(
            f"Mã số xác nhận không khớp với tệp định danh của {office.label}: không đăng ký. "
            "Hãy đọc lại mã số qua điện thoại với đơn vị đó; nếu vẫn khác, tệp có thể đã bị "
            "tráo.")
    if office.id == db.office_id:
        raise UserError("Đây là tệp định danh của chính đơn vị này")
    key_id = identity.keys.key_id.hex()
    known = offices.key_by_id(db, key_id)
    if known is not None:
        if known.status == "active" and known.office_id == office.id and known.role == role:
            return EnrolResult(office, role, identity.fingerprint, "already-enrolled", [])
        raise UserError(f"Khóa này đã đăng ký trước đây và hiện ở trạng thái '{known.status}': "
                        "không đăng ký lại.")
    current = offices.active_key(db, office.id)
    if current is not None:
        raise UserError(f"{office.label} đã có một khóa đang dùng. Hãy thu hồi khóa cũ trước, "
                        "hoặc nhập bản đổi khóa do đơn vị đó gửi.")
    warnings: list[str] = []
    if role == "parent":
        parent = offices.active_parent_key(db)
        if parent is not None:
            raise UserError("Đơn vị này đã có đơn vị cấp trên đang dùng: hãy thu hồi trước.")
        if office.id in offices.subtree_ids(db, db.office_id):
            raise UserError(f"{office.label} đang là đơn vị cấp dưới của đơn vị này")
    else:
        if office.id in offices.ancestor_ids(db, db.office_id):
            raise UserError(f"{office.label} là đơn vị cấp trên của đơn vị này")
        existing = offices.get_office(db, office.id)
        if existing and existing.parent_id not in (None, db.office_id):
            above = offices.get_office(db, existing.parent_id)
            warnings.append(f"{office.label} trước đây thuộc {above.label if above else '?'}; từ "
                            "nay đơn vị này nhận dữ liệu trực tiếp từ đơn vị đó.")
    with db.write(f"Đăng ký {office.label}", undoable=False) as tx:
        if role == "parent":
            offices.ensure_office(tx, office.id, office.code, office.name, None)
            offices.set_parent(tx, db.office_id, office.id)
            sync_changes.start_tracking(tx)
        else:
            offices.ensure_office(tx, office.id, office.code, office.name, db.office_id)
        offices.add_key(tx, OfficeKey(
            key_id=key_id, office_id=office.id, role=role, sign_public=identity.keys.sign,
            enc_public=identity.keys.enc, fingerprint=identity.fingerprint, status="active",
            enrolled_at=tx.stamp, status_at=None, status_note=""))
        if role == "child":
            person_search.ensure(tx)  # its people will be searched here
    return EnrolResult(office, role, identity.fingerprint, "enrolled", warnings)


def unlock_keys(db: Database, passphrase: str | None, key_id: str | None = None) -> OfficeKeys:
    """This office's private keys; a key sealed by an older version at a lower scrypt
    cost is sealed again at today's cost on the way (once: then it is current)."""
    keys = unlock(db, passphrase, key_id)
    row = (offices.identity_by_key_id(db, key_id) if key_id
           else offices.active_identity(db))
    if (passphrase and row is not None and row.secret and crypto.needs_resealing(row.secret)
            and not db.read_only):
        with db.write("Tăng độ bền mã hóa khóa của đơn vị", undoable=False) as tx:
            offices.set_identity_secret(tx, row.key_id,
                                        crypto.seal_secret(keys.secret(), passphrase))
        offices.forget_old_pages(db)
    return keys


def change_passphrase(db: Database, old: str, new: str) -> None:
    """Seal this office's private key with a new passphrase (the keys stay the same, so
    nothing changes for the other offices). The old passphrase must open it."""
    me = offices.self_office(db)
    check_passphrase(new, office_words=(me.code, me.name))
    if new == old:
        raise InvalidInput("Mật khẩu mới giống mật khẩu cũ", "passphrase")
    row = offices.active_identity(db)
    if row is None:
        raise UserError("Đơn vị chưa có khóa: hãy khởi tạo định danh đơn vị (office init).")
    keys = unlock(db, old)
    with db.write("Đổi mật khẩu của đơn vị", undoable=False) as tx:
        offices.set_identity_secret(tx, row.key_id, crypto.seal_secret(keys.secret(), new))
    offices.forget_old_pages(db)


def rotate_keys(db: Database, passphrase: str) -> bytes:
    """New keys for this office; returns the rotation statement to send to the offices
    that trust the old key (the parent and the children). The passphrase stays the same.
    The retired private key is erased: nothing encrypted to it can be opened any more."""
    old = unlock(db, passphrase)
    new = OfficeKeys.generate()
    me = offices.self_office(db)
    with db.write("Đổi khóa của đơn vị", undoable=False) as tx:
        statement = build_rotation(old, new, _ref(me), tx.stamp)
        _store_keys(tx, db, new, passphrase)
    offices.forget_old_pages(db)
    return statement


def accept_rotation(db: Database, data: bytes) -> EnrolResult:
    rotation = read_rotation(data)
    old = offices.key_by_id(db, rotation.old.key_id.hex())
    if old is None or old.office_id != rotation.office.id:
        raise UserError("Bản đổi khóa thay cho một khóa chưa đăng ký ở đây: hãy đăng ký đơn vị "
                        "bằng tệp định danh mới và mã số xác nhận.")
    new_id = rotation.new.key_id.hex()
    known = offices.key_by_id(db, new_id)
    if known is not None and known.status == "active":
        return EnrolResult(rotation.office, known.role, known.fingerprint, "already-enrolled", [])
    if old.status != "active" or known is not None:
        raise UserError(f"Khóa cũ của {rotation.office.label} đã ở trạng thái '{old.status}': "
                        "không nhận bản đổi khóa này.")
    with db.write(f"Đổi khóa của {rotation.office.label}", undoable=False) as tx:
        offices.set_key_status(tx, old.key_id, "rotated", f"thay bằng {new_id}")
        offices.add_key(tx, OfficeKey(
            key_id=new_id, office_id=old.office_id, role=old.role,
            sign_public=rotation.new.sign, enc_public=rotation.new.enc,
            fingerprint=rotation.new.fingerprint, status="active", enrolled_at=tx.stamp,
            status_at=None, status_note=f"đổi từ {old.key_id}"))
    return EnrolResult(rotation.office, old.role, rotation.new.fingerprint, "enrolled", [])


def find_office(db: Database, code_or_id: str) -> OfficeRow:
    wanted = text.fold(code_or_id)
    for office in offices.all_offices(db):
        if office.id == code_or_id or (office.code and text.fold(office.code) == wanted):
            return office
    raise UserError(f"Không tìm thấy đơn vị '{code_or_id}'")


def revoke(db: Database, code_or_id: str, reason: str = "") -> OfficeRef:
    office = find_office(db, code_or_id)
    key = offices.active_key(db, office.id)
    if key is None:
        raise UserError(f"{office.label} không có khóa nào đang dùng")
    with db.write(f"Thu hồi khóa của {office.label}", undoable=False) as tx:
        offices.set_key_status(tx, key.key_id, "revoked", text.clean(reason))
    return _ref(office)

