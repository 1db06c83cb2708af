"""The programme catalogue: what is taught, to whom, and what completing it requires."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.completion import DEFAULT_MIN_PCT, Rule
from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.domain.target_group import TargetGroup
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.offices import own_and_issued
from cadre_desktop.store.tx import Transaction

KINDS = {"title": "Theo chức danh", "professional": "Chuyên môn, nghiệp vụ",
         "skills": "Kỹ năng"}
_CODE = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Programme:
    id: str
    code: str
    name: str
    kind: str
    level: str
    target_group: TargetGroup
    target_description: str
    default_hours: int
    min_attendance_pct: int
    pass_score: float | None
    deleted: bool = False
    issued_by: str | None = None  # the office above that issued it (read-only here)

    @property
    def rule(self) -> Rule:
        return Rule(self.min_attendance_pct, self.pass_score)


@dataclass
class ProgrammeInput:
    name: str
    code: str = ""  # derived from the name when blank
    kind: str = "professional"
    level: str = ""
    target_group: TargetGroup = field(default_factory=TargetGroup)
    target_description: str = ""
    default_hours: int = 0
    min_attendance_pct: int = DEFAULT_MIN_PCT
    pass_score: float | None = None

    def columns(self) -> dict[str, object]:
        name = text.clean(self.name)
        if not name:
            raise InvalidInput("Tên chương trình không được để trống", "name")
        for key, label in (("name", "Tên chương trình"), ("level", "Cấp"),
                           ("target_description", "Mô tả đối tượng")):
            text.refuse_forbidden(getattr(self, key), label, key)  # as bundles refuse them
        code = text.clean(self.code) or text.fold(name).replace(" ", "_")
        code = re.sub(r"[^a-z0-9_]", "", code.lower())
        if not _CODE.match(code):
            raise InvalidInput("Mã chương trình chỉ gồm chữ không dấu, số và '_'", "code")
        if self.kind not in KINDS:
            raise InvalidInput(f"Loại chương trình '{self.kind}' không hợp lệ", "kind")
        if self.default_hours < 0:
            raise InvalidInput("Số giờ không được âm", "default_hours")
        if not 0 < self.min_attendance_pct <= 100:
            raise InvalidInput("Tỷ lệ tham dự tối thiểu phải từ 1 đến 100%",
                               "min_attendance_pct")
        if self.pass_score is not None and self.pass_score < 0:
            raise InvalidInput("Điểm đạt không được âm", "pass_score")
        return {
            "code": code, "name": name, "kind": self.kind, "level": text.clean(self.level),
            "target_group": self.target_group.to_json(),
            "target_description": text.clean(self.target_description),
            "default_hours": int(self.default_hours),
            "min_attendance_pct": int(self.min_attendance_pct),
            "pass_score": None if self.pass_score is None else float(self.pass_score),
        }


_COLUMNS = ("p.id, p.code, p.name, p.kind, p.level, p.target_group, p.target_description,"
            " p.default_hours, p.min_attendance_pct, p.pass_score, p.deleted,"
            " CASE WHEN p.office_id = ? THEN NULL ELSE COALESCE(NULLIF(o.name, ''), o.code) END")
_FROM = " FROM programme p LEFT JOIN office o ON o.id = p.office_id"


def _programme(row: Sequence[Any]) -> Programme:
    (pid, code, name, kind, level, group, description, hours, pct, score, deleted,
     issued_by) = row
    return Programme(
        pid, code, name, kind, level, TargetGroup.from_json(group), description, int(hours),
        int(pct), None if score is None else float(score), bool(deleted), issued_by,
    )


def list_programmes(db: Handle, include_deleted: bool = False) -> list[Programme]:
    """This office's programmes and those the offices above issued to it."""
    where = (" WHERE p.office_id IN (SELECT value FROM json_each(?))"
             + ("" if include_deleted else " AND p.deleted = 0"))
    rows = db.conn.execute(f"SELECT {_COLUMNS}{_FROM}{where}",
                           (db.office_id, own_and_issued(db))).fetchall()
    found = [_programme(r) for r in rows]
    found.sort(key=lambda p: (p.deleted, text.text_sort_key(p.name)))
    return found


def get_programme(db: Handle, programme_id: str) -> Programme:
    row = db.conn.execute(f"SELECT {_COLUMNS}{_FROM} WHERE p.id = ?",
                          (db.office_id, programme_id)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy chương trình {programme_id}")
    return _programme(row)


def find_programme(db: Handle, code_or_name: str) -> Programme | None:
    wanted = text.fold(code_or_name)
    for programme in list_programmes(db):
        if wanted in (programme.code, text.fold(programme.name)):
            return programme
    return None


def _check_code_free(tx: Transaction, code: str, own_id: str | None) -> None:
    row = tx.conn.execute("SELECT id FROM programme WHERE code = ? AND deleted = 0"
                          " AND office_id = ?", (code, tx.office_id)).fetchone()
    if row and row[0] != own_id:
        raise InvalidInput(f"Mã chương trình '{code}' đã được dùng", "code")


def create_programme(tx: Transaction, data: ProgrammeInput) -> str:
    columns = data.columns()
    _check_code_free(tx, str(columns["code"]), None)
    programme_id = new_id()
    tx.insert("programme", {"id": programme_id, **columns})
    return programme_id


def update_programme(tx: Transaction, programme_id: str, data: ProgrammeInput) -> None:
    columns = data.columns()
    _check_code_free(tx, str(columns["code"]), programme_id)
    tx.update("programme", programme_id, columns)


def delete_programme(tx: Transaction, programme_id: str) -> bool:
    """Soft delete; refused while a class that is not finished or cancelled uses it."""
    row = tx.conn.execute(
        "SELECT name FROM training_class WHERE programme_id = ? AND deleted = 0"
        " AND status NOT IN ('finished', 'cancelled') LIMIT 1", (programme_id,)
    ).fetchone()
    if row:
        raise InvalidInput(f"Chương trình đang được dùng cho lớp '{row[0]}'", "programme")
    return tx.soft_delete("programme", programme_id)


def restore_programme(tx: Transaction, programme_id: str) -> bool:
    code = tx.fetch("programme", programme_id, ["code"])["code"]
    _check_code_free(tx, str(code), programme_id)
    return tx.restore("programme", programme_id)
