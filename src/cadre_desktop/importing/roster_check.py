"""Checking sheet rows against the rules and the database: what each row would do.

Everything the checks need from the database is loaded once (lists, units, ID numbers,
and for files that carry Mã the stored people), so a sheet of 20,000 rows costs no
query per row. Columns missing from the file leave the stored values alone; a blank cell
in a column the file has clears the value (the file is the clerk's current list).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import citizen_id as cid
from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.person import PersonInput, validate
from cadre_desktop.importing.headers import NAME_FIELDS, RATING_PREFIX
from cadre_desktop.importing.lookup_maps import LookupMaps
from cadre_desktop.importing.rows import SheetRow
from cadre_desktop.importing.units_plan import UnitPlanner
from cadre_desktop.store.db import Database

_PLAIN_FIELDS = ("gender", "citizen_id", "phone", "permanent_staff", "discipline_until",
                 "no_rotation_until", "join_date", "ethnicity", "note")
_DATE_LABELS = {"birth": "Ngày sinh", "join_date": "Ngày vào Đoàn",
                "discipline_until": "Kỷ luật đến", "no_rotation_until": "Tạm hoãn cử đi cơ sở đến"}
_MARKS = {"x", "v", "co", "1", "\u2713", "\u2714"}


@dataclass
class RowPlan:
    row: int
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    person: PersonInput | None = None
    person_id: str | None = None  # the stored person this row updates
    set_position: bool = False
    position: str | None = None
    set_planning: bool = False
    planning: str | None = None
    planning_term: str = ""
    ratings: dict[int, str | None] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (once-key, warning)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def reason(self) -> str:
        return "; ".join(self.errors)


def stored_raw(values: dict[str, Any]) -> dict[str, Any]:
    """A stored person row as raw input for validate (lookup fields are codes already)."""
    return {
        "family_middle": values["family_middle"], "given_name": values["given_name"],
        "gender": values["gender"], "birth": values["birth_date"],
        "ethnicity": values["ethnicity"], "citizen_id": values["citizen_id"],
        "phone": values["phone"], "unit_id": values["unit_id"],
        "join_date": values["join_date"], "working_status": values["working_status"],
        "permanent_staff": values["permanent_staff"], "party_status": values["party_status"],
        "theory_level": values["theory_level"], "education": values["education"],
        "discipline_until": values["discipline_until"],
        "no_rotation_until": values["no_rotation_until"], "note": values["note"],
    }


class RowChecker:
    def __init__(self, db: Database, fields: set[str], codes: set[str]) -> None:
        self.fields = fields
        self.maps = LookupMaps(db)
        self.units = UnitPlanner(db)
        self.rating_years = sorted(int(k.removeprefix(RATING_PREFIX)) for k in fields
                                   if k.startswith(RATING_PREFIX))
        self.ids: dict[str, tuple[str, str]] = {
            r[0]: (r[1], r[2]) for r in db.conn.execute(
                "SELECT citizen_id, id, full_name FROM person"
                " WHERE deleted = 0 AND citizen_id IS NOT NULL")
        }
        self.stored: dict[str, dict[str, Any]] = {}
        self.deleted: set[str] = set()
        self.positions: dict[str, str] = {}  # person -> current position code
        self.plannings: dict[str, list[tuple[str, str]]] = {}  # person -> [(code, term)]
        self.ratings: dict[str, dict[int, str]] = {}  # person -> {year: level id}
        if codes:
            self._load_stored(db)
        # A file whose Mã values all belong to another database (an export from another
        # office, or a backup going into a new file) brings new people; one unknown Mã
        # among known ones is a mistake and rejects its row.
        self.foreign_codes = bool(codes) and not any(
            c in self.stored or c in self.deleted for c in codes)
        self.foreign_note = (
            f"Không Mã nào trong tệp có trong dữ liệu này (tệp xuất từ dữ liệu khác): "
            f"{len(codes)} dòng có Mã được nhập như người mới")
        self.seen_codes: dict[str, int] = {}
        self.seen_ids: dict[str, int] = {}
        self.has_birth = bool(fields & {"birth", "birth_male", "birth_female"})
        self.has_unit = bool(fields & {"unit", "branch"})

    def _load_stored(self, db: Database) -> None:
        cur = db.conn.execute("SELECT * FROM person")
        names = [d[0] for d in cur.description]
        for row in cur:
            values = dict(zip(names, row, strict=True))
            if values["deleted"]:
                self.deleted.add(values["id"])
            else:
                self.stored[values["id"]] = values
        for person_id, code in db.conn.execute(
            "SELECT person_id, position_code FROM position_assignment"
            " WHERE deleted = 0 AND end_date IS NULL ORDER BY start_date DESC"
        ):
            self.positions.setdefault(person_id, code)
        for person_id, code, term in db.conn.execute(
            "SELECT person_id, position_code, term FROM planning WHERE deleted = 0"
        ):
            self.plannings.setdefault(person_id, []).append((code, term))
        for person_id, year, level_id in db.conn.execute(
            "SELECT person_id, year, level_id FROM rating WHERE deleted = 0"
        ):
            self.ratings.setdefault(person_id, {})[int(year)] = level_id

    def check(self, sheet_row: SheetRow) -> RowPlan:
        values = sheet_row.values
        plan = RowPlan(sheet_row.row)
        stored = self._code(values, plan)
        raw: dict[str, Any] = stored_raw(stored) if stored else {}
        self._names(values, raw, stored)
        for key in _PLAIN_FIELDS:
            if key in self.fields:
                raw[key] = values.get(key)
        lookup_errors: list[str] = []
        if self.has_birth:
            self._birth(values, raw, lookup_errors)
        if self.has_unit:
            unit_value = " / ".join(str(values[k]) for k in ("unit", "branch") if k in values)
            raw["unit_id"] = self.units.resolve(unit_value) if unit_value else None
        self.maps.apply(values, self.fields, raw, plan, lookup_errors)
        self._ratings(values, plan, lookup_errors)
        result = validate(raw)
        plan.errors.extend(_with_label(k, m) for k, m in result.errors.items())
        plan.errors.extend(lookup_errors)
        plan.person = result.person
        self._duplicates(values, plan)
        plan.warnings.extend(result.warnings)
        return plan

    def _code(self, values: dict[str, Any], plan: RowPlan) -> dict[str, Any] | None:
        if "code" not in values:
            return None
        code = str(values["code"]).strip()
        if self.foreign_codes:
            plan.notes.append(("foreign-codes", self.foreign_note))
            return None
        first = self.seen_codes.get(code)
        if first is not None:
            plan.errors.append(f"Mã {code} trùng với dòng {first}")
            return None
        self.seen_codes[code] = plan.row
        stored = self.stored.get(code)
        if stored is None:
            plan.errors.append(
                f"Mã {code} là của người đã bị xóa; hãy khôi phục người này trước khi nhập"
                if code in self.deleted else f"Mã {code} không có trong dữ liệu"
            )
            return None
        plan.person_id = code
        return stored

    def _names(self, values: dict[str, Any], raw: dict[str, Any],
               stored: dict[str, Any] | None) -> None:
        if not any(k in self.fields for k in NAME_FIELDS):
            return
        full = text.clean(str(values["full_name"])) if "full_name" in values else ""
        family = text.clean(str(values.get("family_middle") or ""))
        given = text.clean(str(values.get("given_name") or ""))
        if full and given and not family:
            if full.casefold().endswith(" " + given.casefold()):
                family = full[: -len(given)].strip()
            else:
                family, given = text.split_full_name(full)
        elif full and not given:
            if stored is not None and full == stored["full_name"]:
                # Never re-split a stored name: many names do not break at the last word.
                family, given = stored["family_middle"], stored["given_name"]
            else:
                family, given = text.split_full_name(full)
        raw["family_middle"], raw["given_name"] = family, given
        raw.pop("full_name", None)

    def _birth(self, values: dict[str, Any], raw: dict[str, Any], errors: list[str]) -> None:
        raw["birth"] = values.get("birth")
        male, female = values.get("birth_male"), values.get("birth_female")
        if male is None and female is None:
            return
        if male is not None and female is not None:
            errors.append("Năm sinh ghi ở cả cột Nam và cột Nữ")
            return
        gender, value = ("Nam", male) if male is not None else ("Nữ", female)
        said = values.get("gender")
        if said is not None and text.fold(str(said)) != text.fold(gender):
            errors.append(f"Giới tính '{text.clean(str(said))}' khác cột {gender} của năm sinh")
        raw["gender"] = gender
        if raw["birth"] is None and text.fold(str(value)) not in _MARKS:
            raw["birth"] = value

    def _ratings(self, values: dict[str, Any], plan: RowPlan, errors: list[str]) -> None:
        for year in self.rating_years:
            value = values.get(f"{RATING_PREFIX}{year}")
            if value is None:
                plan.ratings[year] = None
                continue
            level = self.maps.rating(year, str(value))
            if level is None:
                errors.append(f"Xếp loại {year} '{text.clean(str(value))}' không có trong "
                              f"thang xếp loại năm {year}")
            plan.ratings[year] = level

    def _duplicates(self, values: dict[str, Any], plan: RowPlan) -> None:
        if plan.person is not None:
            number = plan.person.citizen_id
        else:
            try:
                checked = cid.normalise(values.get("citizen_id"))
            except InvalidInput:
                return
            number = checked.value if checked else None
        if number is None:
            return
        first = self.seen_ids.get(number)
        if first is not None:
            plan.errors.append(f"Số CCCD {number} trùng với dòng {first}")
        else:
            self.seen_ids[number] = plan.row
        owner = self.ids.get(number)
        if owner is not None and owner[0] != plan.person_id:
            plan.errors.append(
                f"Số CCCD {number} đã có trong dữ liệu ({owner[1]}); muốn cập nhật người này "
                "thì ghi Mã của họ vào cột Mã"
            )


def _with_label(key: str, message: str) -> str:
    label = _DATE_LABELS.get(key)
    if label is None or message.startswith(label):
        return message
    return f"{label}: {message}"
