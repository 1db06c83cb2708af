"""Labels written in a sheet -> the codes of the editable lists, loaded once per import.

Chế độ công tác, Đảng and Xếp loại must name an item of their list (an unknown value
rejects the row: a wrong status would change who rules select). Chức vụ and Quy hoạch
are free-er: "Bí thư Đoàn xã Gia Lộc" is read as the known position "Bí thư" with a
warning, and a position the list does not have at all is added to the list (the list is
editable and clerks' files name many local posts); the warning says so. Lý luận chính
trị and Trình độ values that match nothing are left out with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.importing.row_plan import RowPlan
from cadre_desktop.store import lookups
from cadre_desktop.store.handle import Handle

_ALIASES: dict[str, dict[str, str | None]] = {
    "party_status": {"x": "dang_vien", "co": "dang_vien", "dv": "dang_vien",
                     "dang vien": "dang_vien", "nguon": "nguon", "cam tinh dang": "nguon",
                     "doi tuong ket nap dang": "nguon", "khong": None},
    "working_status": {"ct": "chuyen_trach", "bct": "ban_chuyen_trach", "kn": "kiem_nhiem"},
}
# Abbreviations clerks write in position names ("UV BCH", "PBT Thường trực").
_WORDS = {"uv": "uy vien", "bch": "ban chap hanh", "btv": "ban thuong vu",
          "ubkt": "uy ban kiem tra", "pbt": "pho bi thu", "tt": "thuong truc",
          "bt": "bi thu", "ct": "chu tich"}
_STATUS_ERRORS = {
    "working_status": "Chế độ công tác '{value}' không có trong danh mục ({labels})",
    "party_status": "Đảng '{value}' không hợp lệ ({labels} hoặc để trống)",
}
_TERM = re.compile(r"^(.*?)\s*\(([^()]*\d[^()]*)\)$")
_SOFT = {"theory_level": "Lý luận chính trị", "education": "Trình độ"}


class LookupMaps:
    def __init__(self, db: Handle) -> None:
        self.db = db
        self.codes: dict[str, dict[str, str | None]] = {}
        self.labels: dict[str, list[str]] = {}
        for kind in ("position", "working_status", "party_status", "theory_level", "education"):
            mapping: dict[str, str | None] = {}
            items = lookups.items(db, kind)
            for item in items:
                for key in (text.fold(item.label), text.fold(item.code),
                            text.fold(item.code).replace("_", " ")):
                    mapping.setdefault(key, item.code)
            known = {item.code for item in items}
            for alias, code in _ALIASES.get(kind, {}).items():
                if code is None or code in known:
                    mapping.setdefault(alias, code)
            self.codes[kind] = mapping
            self.labels[kind] = [item.label for item in items]
        self._prefixes = sorted(
            ((key, code) for key, code in self.codes["position"].items() if code),
            key=lambda pair: -len(pair[0]),
        )
        self.position_labels = {item.code: item.label for item in lookups.items(db, "position")}
        self.new_positions: dict[str, str] = {}  # code -> label, to add to the list
        self._ratings: dict[tuple[int, str], str | None] = {}
        # Memos keyed by the value as written: a big sheet repeats a handful of values.
        self._memo: dict[tuple[str, Any], tuple[str | None, str | None]] = {}

    def rating(self, year: int, value: str) -> str | None:
        if (year, value) in self._ratings:
            return self._ratings[(year, value)]
        key = (year, text.fold(value))
        if key not in self._ratings:
            level = lookups.rating_level_for(self.db, year, value)
            if level is None and key[1].endswith("nv"):  # "HTXSNV" for HTXS nhiệm vụ
                level = lookups.rating_level_for(self.db, year, key[1].removesuffix("nv"))
            self._ratings[key] = level.id if level else None
        self._ratings[(year, value)] = self._ratings[key]
        return self._ratings[key]

    def position(self, value: str, column: str, plan: RowPlan) -> str:
        memo = self._memo.get((column, value))
        if memo is None:
            memo = self._position(value, column)
            self._memo[(column, value)] = memo
        code, note = memo
        if note:
            plan.notes.append((f"{column}:{code}:{value}", note))
        assert code is not None
        return code

    def _position(self, value: str, column: str) -> tuple[str, str | None]:
        key = text.fold(value)
        code = self.codes["position"].get(key)
        if not code:
            key = " ".join(_WORDS.get(word, word) for word in key.split(" "))
            code = self.codes["position"].get(key)
        if code:
            return code, None
        for prefix, known in self._prefixes:
            if key.startswith(prefix + " "):
                label = self.position_labels.get(known, known)
                return known, f"{column} '{text.clean(value)}' được hiểu là '{label}'"
        label = text.clean(value)
        code = text.fold(label).replace(" ", "_")  # as lookups.add_item will make it
        self.codes["position"][text.fold(label)] = code
        self.new_positions[code] = label
        self.position_labels[code] = label
        return code, f"{column} '{label}' chưa có trong danh mục chức vụ, được thêm vào danh mục"

    def code(self, kind: str, value: Any) -> str | None:
        """The code for a value as written; "?" when the list has no such item."""
        memo = self._memo.get((kind, value))
        if memo is None:
            memo = (self.codes[kind].get(text.fold(str(value)), "?"), None)
            self._memo[(kind, value)] = memo
        return memo[0]

    def apply(self, values: dict[str, Any], fields: set[str], raw: dict[str, Any],
              plan: RowPlan, errors: list[str]) -> None:
        for kind, template in _STATUS_ERRORS.items():
            if kind not in fields:
                continue
            value = values.get(kind)
            if value is None:
                raw[kind] = None
            elif kind == "party_status" and isinstance(value, dt.date | dt.datetime):
                raw[kind] = "dang_vien"  # the date of admission written in the column
            elif (code := self.code(kind, value)) != "?":
                raw[kind] = code
            else:
                errors.append(template.format(value=text.clean(str(value)),
                                              labels=", ".join(self.labels[kind])))
        for kind, label in _SOFT.items():
            if kind not in fields:
                continue
            value = values.get(kind)
            code = self.code(kind, value) if value is not None else None
            if value is not None and code in ("?", None):
                plan.warnings.append(
                    f"{label} '{text.clean(str(value))}' không có trong danh mục, bỏ qua")
                continue
            raw[kind] = code
        if "position" in fields:
            plan.set_position = True
            value = values.get("position")
            plan.position = self.position(str(value), "Chức vụ", plan) if value else None
        if "planning" in fields:
            plan.set_planning = True
            value = values.get("planning")
            if value:
                label, plan.planning_term = planning_value(str(value))
                plan.planning = self.position(label, "Quy hoạch", plan)


def planning_value(value: str) -> tuple[str, str]:
    """'Bí thư (2022-2027)' -> ('Bí thư', '2022-2027'); the term is optional."""
    match = _TERM.match(value)
    if match and match.group(1):
        return match.group(1), match.group(2).strip()
    return value, ""
