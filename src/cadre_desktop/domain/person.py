"""A person's fields as typed or imported, validated into clean values.

The editor dialog and the importers both go through `validate`, so a value refused in
one is refused in the other with the same message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import citizen_id as cid
from cadre_desktop.domain import dates, text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.phone import normalise_phone

GENDER_WORDS = {"nam": "M", "m": "M", "male": "M", "nu": "F", "f": "F", "female": "F"}
YES_WORDS = {"co", "x", "1", "yes", "true", "bien che", "trong bien che"}
NO_WORDS = {"khong", "0", "no", "false", "ngoai bien che", "hop dong"}


FIELD_LABELS = {
    "family_middle": "Họ và tên đệm", "given_name": "Tên", "full_name": "Họ và tên",
    "gender": "Giới tính", "birth": "Ngày sinh", "ethnicity": "Dân tộc",
    "citizen_id": "Số CCCD", "phone": "Điện thoại", "unit_id": "Đơn vị",
    "join_date": "Ngày vào Đoàn", "working_status": "Chế độ công tác",
    "permanent_staff": "Biên chế", "party_status": "Đảng",
    "theory_level": "Lý luận chính trị", "education": "Trình độ",
    "discipline_until": "Kỷ luật đến", "no_rotation_until": "Tạm hoãn cử đi cơ sở đến",
    "note": "Ghi chú",
}


@dataclass
class PersonInput:
    family_middle: str
    given_name: str
    gender: str | None = None
    birth: dates.PartialDate | None = None
    ethnicity: str = ""
    citizen_id: str | None = None
    phone: str | None = None
    unit_id: str | None = None
    join_date: dt.date | None = None
    working_status: str | None = None
    permanent_staff: bool | None = None
    party_status: str | None = None
    theory_level: str | None = None
    education: str | None = None
    discipline_until: dt.date | None = None
    no_rotation_until: dt.date | None = None
    note: str = ""

    @property
    def full_name(self) -> str:
        return text.full_name(self.family_middle, self.given_name)

    def columns(self) -> dict[str, Any]:
        """The person table's columns for these values (derived search and sort columns too)."""
        def iso(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "family_middle": self.family_middle,
            "given_name": self.given_name,
            "full_name": self.full_name,
            "search_fold": search_text(self.full_name, self.citizen_id, self.phone),
            "name_key": text.name_sort_key(self.family_middle, self.given_name),
            "gender": self.gender,
            "birth_date": self.birth.iso() if self.birth else None,
            "ethnicity": self.ethnicity,
            "citizen_id": self.citizen_id,
            "phone": self.phone,
            "unit_id": self.unit_id,
            "join_date": iso(self.join_date),
            "working_status": self.working_status,
            "permanent_staff": None if self.permanent_staff is None else int(self.permanent_staff),
            "party_status": self.party_status,
            "theory_level": self.theory_level,
            "education": self.education,
            "discipline_until": iso(self.discipline_until),
            "no_rotation_until": iso(self.no_rotation_until),
            "note": self.note,
        }


def search_text(full_name: str, citizen_id: str | None, phone: str | None) -> str:
    """What the search box matches: the folded name, then the ID and phone numbers."""
    return " ".join(p for p in (text.fold(full_name), citizen_id or "", phone or "") if p)


@dataclass
class Validation:
    person: PersonInput | None
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def parse_gender(value: object) -> str | None:
    folded = text.fold(str(value)) if value is not None else ""
    if not folded:
        return None
    if folded in GENDER_WORDS:
        return GENDER_WORDS[folded]
    raise InvalidInput(f"Giới tính '{value}' không hợp lệ (Nam hoặc Nữ)", "gender")


def parse_yes_no(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    folded = text.fold(str(value))
    if not folded:
        return None
    if folded in YES_WORDS:
        return True
    if folded in NO_WORDS:
        return False
    raise InvalidInput(f"'{value}' không phải Có/Không", "permanent_staff")


def validate(raw: dict[str, Any]) -> Validation:
    """Check raw field values (strings from a form or cells from a sheet).

    Keys: family_middle, given_name (or full_name), gender, birth, ethnicity, citizen_id,
    phone, unit_id, join_date, working_status, permanent_staff, party_status,
    theory_level, education, discipline_until, no_rotation_until, note. Lookup fields
    must already be codes.
    """
    errors: dict[str, str] = {}
    warnings: list[str] = []
    for key, value in raw.items():
        if isinstance(value, str) and (bad := text.forbidden_char(value)) is not None:
            errors[key] = text.forbidden_message(FIELD_LABELS.get(key, key), bad)
    if errors:  # nothing else is looked at: every other message would show the text
        return Validation(None, errors, warnings)

    def attempt(key: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except InvalidInput as exc:
            errors[key] = exc.message
            return None

    family = text.clean(raw.get("family_middle"))
    given = text.clean(raw.get("given_name"))
    if not given and raw.get("full_name"):
        family, given = text.split_full_name(str(raw["full_name"]))
    if not given:
        errors["given_name"] = "Thiếu họ tên"
    elif any(ch.isdigit() for ch in family + given):
        errors["given_name"] = f"Họ tên '{text.full_name(family, given)}' có chữ số"

    gender = attempt("gender", parse_gender, raw.get("gender"))
    birth = attempt("birth", dates.parse_partial, raw.get("birth"))
    if birth is not None and birth.year > dt.date.today().year:
        errors["birth"] = f"Năm sinh {birth.year} ở tương lai"
    id_check = attempt("citizen_id", cid.normalise, raw.get("citizen_id"))
    if id_check is not None:
        warnings.extend(id_check.warnings)
        warnings.extend(cid.consistency_warnings(id_check.value, birth, gender))
    phone = attempt("phone", normalise_phone, raw.get("phone"))
    if phone is not None:
        warnings.extend(phone[1])
    join_date = attempt("join_date", dates.parse_full, raw.get("join_date"))
    staff = attempt("permanent_staff", parse_yes_no, raw.get("permanent_staff"))
    discipline = attempt("discipline_until", dates.parse_full, raw.get("discipline_until"))
    deferral = attempt("no_rotation_until", dates.parse_full, raw.get("no_rotation_until"))

    if errors:
        return Validation(None, errors, warnings)

    def code(key: str) -> str | None:
        value = raw.get(key)
        return str(value) if value not in (None, "") else None

    person = PersonInput(
        family_middle=family,
        given_name=given,
        gender=gender,
        birth=birth,
        ethnicity=text.clean(raw.get("ethnicity")),
        citizen_id=id_check.value if id_check else None,
        phone=phone[0] if phone else None,
        unit_id=code("unit_id"),
        join_date=join_date,
        working_status=code("working_status"),
        permanent_staff=staff,
        party_status=code("party_status"),
        theory_level=code("theory_level"),
        education=code("education"),
        discipline_until=discipline,
        no_rotation_until=deferral,
        note=text.clean(raw.get("note")),
    )
    return Validation(person, errors, warnings)
