"""Checking sheet rows against the rules and the database: what each row would do.

The lists, the units and the office's live ID numbers are loaded once; the stored person
a row updates (named by its Mã, or with match "id-number" by its Số CCCD) is read when
the row comes, so the memory does not grow with the database. Columns missing from the
file leave the stored values alone; a blank cell in a column the file has clears the
value (the file is the clerk's current list). A row that updates someone says which
fields change; a row that changes nothing is "unchanged" and is not written.

Text with control or bidirectional characters is refused before anything else looks at
the row, and the message names the column, never the text.
"""

from __future__ import annotations

from typing import Any

from cadre_desktop.domain import citizen_id as cid
from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.person import validate
from cadre_desktop.importing.headers import NAME_FIELDS, RATING_PREFIX, field_heading
from cadre_desktop.importing.lookup_maps import LookupMaps
from cadre_desktop.importing.roster_report import MATCH_CODE, MATCH_ID_NUMBER
from cadre_desktop.importing.row_plan import RowPlan
from cadre_desktop.importing.rows import SheetRow
from cadre_desktop.importing.units_plan import UnitPlanner
from cadre_desktop.store.handle import Handle

_PLAIN_FIELDS = ("gender", "citizen_id", "phone", "permanent_staff", "discipline_until",
                 "no_rotation_until", "join_date", "ethnicity", "note")
_DATE_LABELS = {"birth": "Ngày sinh", "join_date": "Ngày vào Đoàn",
                "discipline_until": "Kỷ luật đến", "no_rotation_until": "Tạm hoãn cử đi cơ sở đến"}
_MARKS = {"x", "v", "co", "1", "\u2713", "\u2714"}
# person columns -> the import field the clerk knows them by (derived columns are left out)
_FIELD_OF_COLUMN = {"family_middle": "full_name", "given_name": "full_name",
                    "birth_date": "birth", "unit_id": "unit"}
_DERIVED = {"full_name", "search_fold", "name_key"}


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
    def __init__(self, db: Handle, fields: set[str], *, match: str = MATCH_CODE,
                 code_sample: set[str] | None = None,
                 unit_map: dict[str, str] | None = None) -> None:
        self.db = db
        self.fields = fields
        self.match = match
        self.maps = LookupMaps(db)
        self.units = UnitPlanner(db, unit_map)
        self.rating_years = sorted(int(k.removeprefix(RATING_PREFIX)) for k in fields
                                   if k.startswith(RATING_PREFIX))
        self.ids: dict[str, tuple[str, str]] = {
            r[0]: (r[1], r[2]) for r in db.conn.execute(
                "SELECT citizen_id, id, full_name FROM person"
                " WHERE deleted = 0 AND citizen_id IS NOT NULL AND office_id = ?",
                (db.office_id,))
        }
        # A file whose Mã values all belong to another database (an export from another
        # office, or a backup going into a new file) brings new people; one unknown Mã
        # among known ones is a mistake and rejects its row. The first rows of the file
        # (code_sample) decide, as the rows are read one by one.
        sample = code_sample or set()
        self.foreign_codes = bool(sample) and not any(self._exists(c) for c in sample)
        self.foreign_rows = 0
        self.foreign_note = "foreign-codes"  # the warning, written once the rows are counted
        self.seen_codes: dict[str, int] = {}
        self.seen_ids: dict[str, int] = {}
        self.has_birth = bool(fields & {"birth", "birth_male", "birth_female"})
        self.has_unit = bool(fields & {"unit", "branch"})
        self._columns: list[str] | None = None

    def foreign_message(self) -> str:
        return (f"Không Mã nào trong tệp có trong dữ liệu này (tệp xuất từ dữ liệu khác): "
                f"{self.foreign_rows} dòng có Mã được nhập như người mới")

    def _exists(self, person_id: str) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM person WHERE id = ?", (person_id,)).fetchone() is not None

    def _stored(self, person_id: str) -> dict[str, Any] | None:
        cur = self.db.conn.execute("SELECT * FROM person WHERE id = ?", (person_id,))
        row = cur.fetchone()
        if row is None:
            return None
        if self._columns is None:
            self._columns = [d[0] for d in cur.description]
        return dict(zip(self._columns, row, strict=True))

    def _load_current(self, plan: RowPlan) -> None:
        """The stored person's position, planning and ratings, for the comparison."""
        conn, person_id = self.db.conn, plan.person_id
        row = conn.execute(
            "SELECT position_code FROM position_assignment WHERE person_id = ?"
            " AND deleted = 0 AND end_date IS NULL ORDER BY start_date DESC LIMIT 1",
            (person_id,)).fetchone()
        plan.stored_position = row[0] if row else None
        plan.stored_plannings = [(str(c), str(t)) for c, t in conn.execute(
            "SELECT position_code, term FROM planning WHERE person_id = ? AND deleted = 0",
            (person_id,))]
        plan.stored_ratings = {int(y): str(lv) for y, lv in conn.execute(
            "SELECT year, level_id FROM rating WHERE person_id = ? AND deleted = 0",
            (person_id,))}

    def check(self, sheet_row: SheetRow) -> RowPlan:
        values = sheet_row.values
        plan = RowPlan(sheet_row.row)
        if self._forbidden(values, plan):
            return plan
        stored = self._code(values, plan)
        if stored is None and not plan.errors and self.match == MATCH_ID_NUMBER:
            stored = self._by_id_number(values, plan)
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
            raw["unit_id"] = (self.units.resolve(unit_value, sheet_row.row)
                              if unit_value else None)
        self.maps.apply(values, self.fields, raw, plan, lookup_errors)
        self._ratings(values, plan, lookup_errors)
        result = validate(raw)
        plan.errors.extend(_with_label(k, m) for k, m in result.errors.items())
        plan.errors.extend(lookup_errors)
        plan.person = result.person
        self._duplicates(values, plan)
        plan.warnings.extend(result.warnings)
        if plan.ok and plan.person_id is not None and stored is not None:
            plan.stored = stored
            self._load_current(plan)
            plan.changed = self._changes(plan, stored)
        return plan

    def _forbidden(self, values: dict[str, Any], plan: RowPlan) -> bool:
        for key, value in values.items():
            if isinstance(value, str) and (bad := text.forbidden_char(value)) is not None:
                plan.errors.append(text.forbidden_message(f"Cột '{field_heading(key)}'", bad))
        return bool(plan.errors)

    def _code(self, values: dict[str, Any], plan: RowPlan) -> dict[str, Any] | None:
        if "code" not in values:
            return None
        code = str(values["code"]).strip()
        if self.foreign_codes:
            self.foreign_rows += 1
            plan.notes.append(("foreign-codes", self.foreign_note))
            return None
        first = self.seen_codes.get(code)
        if first is not None:
            plan.errors.append(f"Mã {code} trùng với dòng {first}")
            return None
        self.seen_codes[code] = plan.row
        stored = self._stored(code)
        if stored is None or stored["deleted"] or stored["office_id"] != self.db.office_id:
            plan.errors.append(
                f"Mã {code} không có trong dữ liệu" if stored is None
                else f"Mã {code} là của người đã bị xóa; hãy khôi phục người này trước khi nhập"
                if stored["deleted"]
                else f"Mã {code} là của người thuộc đơn vị khác, không cập nhật ở đây"
            )
            return None
        plan.person_id = code
        return stored

    def _by_id_number(self, values: dict[str, Any], plan: RowPlan) -> dict[str, Any] | None:
        number = _id_number(values)
        owner = self.ids.get(number) if number else None
        if owner is None:
            return None
        stored = self._stored(owner[0])
        if stored is not None:
            plan.person_id = owner[0]
        return stored

    def _changes(self, plan: RowPlan, stored: dict[str, Any]) -> list[str]:
        assert plan.person is not None
        changed: dict[str, None] = {}
        for column, value in plan.person.columns().items():
            if column not in _DERIVED and stored.get(column) != value:
                changed[_FIELD_OF_COLUMN.get(column, column)] = None
        if plan.set_position and plan.stored_position != plan.position:
            changed["position"] = None
        if plan.set_planning and self._planning_changes(plan):
            changed["planning"] = None
        for year, level_id in sorted(plan.ratings.items()):
            if plan.stored_ratings.get(year) != level_id:
                changed[f"{RATING_PREFIX}{year}"] = None
        return list(changed)

    @staticmethod
    def _planning_changes(plan: RowPlan) -> bool:
        current = plan.stored_plannings
        same = any(code == plan.planning and (not plan.planning_term or term == plan.planning_term)
                   for code, term in current)
        return not same and bool(plan.planning or current)

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
        number = plan.person.citizen_id if plan.person is not None else _id_number(values)
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
                "thì ghi Mã của họ vào cột Mã, hoặc nhập với lựa chọn cập nhật theo số CCCD "
                "(--match id-number)"
            )


def _id_number(values: dict[str, Any]) -> str | None:
    try:
        checked = cid.normalise(values.get("citizen_id"))
    except InvalidInput:
        return None
    return checked.value if checked else None


def _with_label(key: str, message: str) -> str:
    label = _DATE_LABELS.get(key)
    if label is None or message.startswith(label):
        return message
    return f"{label}: {message}"
