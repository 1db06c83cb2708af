"""Finding the header row of a roster sheet and what each column holds.

Clerks' lists put a title block above the table, write headings in many ways ("Họ và
tên", "Họ tên", "HỌ VÀ TÊN"), split "Năm sinh" into "Nam" / "Nữ" sub-columns, and merge
"Họ và tên" over two columns. Headings are compared folded (accent- and case-insensitive,
punctuation ignored), so "Ngày, tháng, năm sinh" and "NGÀY THÁNG NĂM SINH" are the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text

HEADER_SCAN_ROWS = 40
SKIP = "skip"  # a column read and ignored (STT)

# Field key -> the heading the program writes (and shows for a mapped column).
FIELD_HEADINGS: dict[str, str] = {
    "code": "Mã",
    "full_name": "Họ và tên",
    "family_middle": "Họ và tên đệm",
    "given_name": "Tên",
    "birth": "Ngày sinh",
    "birth_male": "Năm sinh (Nam)",
    "birth_female": "Năm sinh (Nữ)",
    "gender": "Giới tính",
    "citizen_id": "Số CCCD",
    "unit": "Đơn vị",
    "branch": "Chi đoàn",
    "position": "Chức vụ",
    "working_status": "Chế độ công tác",
    "permanent_staff": "Biên chế",
    "party_status": "Đảng",
    "planning": "Quy hoạch",
    "discipline_until": "Kỷ luật đến",
    "no_rotation_until": "Tạm hoãn cử đi cơ sở đến",
    "phone": "Điện thoại",
    "ethnicity": "Dân tộc",
    "join_date": "Ngày vào Đoàn",
    "theory_level": "Lý luận chính trị",
    "education": "Trình độ",
    "note": "Ghi chú",
    SKIP: "STT",
}
RATING_PREFIX = "rating:"
NAME_FIELDS = ("full_name", "family_middle", "given_name")

_VARIANTS: dict[str, tuple[str, ...]] = {
    "code": ("ma", "ma so", "ma can bo", "ma doan vien", "ma ho so", "id"),
    "full_name": ("ho va ten", "ho ten", "ho va ten khai sinh", "ho ten khai sinh",
                  "ho va ten can bo", "ho ten can bo", "ho va ten doan vien",
                  "ho ten doan vien"),
    "family_middle": ("ho ten dem", "ho va ten dem", "ho dem", "ho va dem", "ho", "ho lot"),
    "given_name": ("ten",),
    "birth": ("ngay sinh", "nam sinh", "ngay thang nam sinh", "sinh ngay", "ngay thang sinh"),
    "birth_male": ("nam",),
    "birth_female": ("nu",),
    "gender": ("gioi tinh", "gioi", "phai"),
    "citizen_id": ("cccd", "so cccd", "so dinh danh", "so dinh danh ca nhan", "cmnd",
                   "so cmnd", "cmnd cccd", "cccd cmnd", "so cmnd cccd", "so cccd cmnd",
                   "can cuoc", "so can cuoc", "so the can cuoc", "can cuoc cong dan",
                   "so can cuoc cong dan", "so cmnd can cuoc"),
    "phone": ("sdt", "so dt", "dt", "dien thoai", "so dien thoai", "dtdd",
              "dien thoai di dong", "so dien thoai di dong", "di dong"),
    "unit": ("don vi", "don vi cong tac", "co quan don vi", "noi cong tac", "doan co so",
             "don vi truc thuoc"),
    "branch": ("chi doan", "sinh hoat tai chi doan", "chi doan sinh hoat"),
    "position": ("chuc vu", "chuc vu doan", "chuc vu hien nay", "chuc vu hien tai",
                 "chuc danh"),
    "working_status": ("che do cong tac", "che do", "hinh thuc cong tac"),
    "permanent_staff": ("bien che", "trong bien che"),
    "party_status": ("dang", "dang vien", "la dang vien"),
    "planning": ("quy hoach", "quy hoach chuc danh", "chuc danh quy hoach"),
    "discipline_until": ("ky luat den", "ky luat den ngay", "thoi han ky luat"),
    "no_rotation_until": ("tam hoan cu di co so den", "tam hoan cu di co so den ngay",
                          "tam hoan den", "tam hoan luan chuyen den"),
    "ethnicity": ("dan toc",),
    "join_date": ("ngay vao doan",),
    "theory_level": ("ly luan chinh tri", "llct", "trinh do llct",
                     "trinh do ly luan chinh tri"),
    "education": ("trinh do hoc van", "hoc van", "trinh do chuyen mon", "trinh do"),
    "note": ("ghi chu",),
    SKIP: ("stt", "tt", "so tt", "so thu tu", "thu tu"),
}
_LOOKUP = {variant: key for key, variants in _VARIANTS.items() for variant in variants}
_RATING = re.compile(
    r"^(?:xep loai|xl|danh gia|xep loai chat luong|danh gia xep loai)"
    r"(?: doan vien| can bo)?(?: nam)? ((?:19|20)\d\d)$"
)
_RATING_GROUP = re.compile(
    r"^(?:xep loai|danh gia|xep loai chat luong|danh gia xep loai|ket qua xep loai)"
    r"(?: doan vien| can bo)?(?: cac nam| qua cac nam| nam)?$"
)
_YEAR = re.compile(r"^(?:nam )?((?:19|20)\d\d)$")
_PUNCT = re.compile(r"[,.:;()\[\]*/\\_\-–—'\"“”?!]+")
_FOOTNOTE = re.compile(r" \d{1,2}$")
_PARENS = re.compile(r"\(.*?\)")


def heading_key(value: Any) -> str:
    """The folded form headings are compared in."""
    if value is None:
        return ""
    folded = text.fold(_PUNCT.sub(" ", str(value)))
    return _FOOTNOTE.sub("", folded).strip()


def match_heading(value: Any) -> str | None:
    """The field a heading names, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    for candidate in (value, _PARENS.sub(" ", value)):
        key = heading_key(candidate)
        if key in _LOOKUP:
            return _LOOKUP[key]
        rating = _RATING.match(key)
        if rating:
            return RATING_PREFIX + rating.group(1)
    return None


def field_heading(key: str) -> str:
    if key.startswith(RATING_PREFIX):
        return f"Xếp loại {key.removeprefix(RATING_PREFIX)}"
    return FIELD_HEADINGS.get(key, key)


@dataclass
class HeaderLayout:
    row: int  # grid index of the header row
    data_start: int  # grid index of the first row below the heading rows
    columns: dict[int, str]  # column index -> field key
    headings: dict[int, str]  # column index -> heading as written
    unrecognised: list[int] = field(default_factory=list)  # a heading that names nothing
    duplicates: list[int] = field(default_factory=list)  # a field an earlier column has

    def with_overrides(self, overrides: Mapping[int, str] | None) -> HeaderLayout:
        """Columns mapped by hand: field key, or "" / SKIP to ignore the column."""
        if not overrides:
            return self
        columns = dict(self.columns)
        for col, key in overrides.items():
            columns.pop(col, None)
            if key:
                for other, other_key in list(columns.items()):
                    if other_key == key and key != SKIP:
                        del columns[other]
                columns[col] = key
        unrecognised = [c for c in self.unrecognised if c not in columns]
        duplicates = [c for c in self.duplicates if c not in columns]
        return HeaderLayout(self.row, self.data_start, columns, self.headings,
                            unrecognised, duplicates)


def _cell_text(row: Sequence[Any], col: int) -> str:
    value = row[col] if col < len(row) else None
    return text.clean(str(value)) if value is not None else ""


def _score(row: Sequence[Any]) -> tuple[int, bool]:
    keys = {match_heading(v) for v in row if isinstance(v, str)}
    keys.discard(None)
    has_name = any(k in keys for k in NAME_FIELDS)
    return len(keys - {SKIP}), has_name


def find_header(rows: Sequence[Sequence[Any]], scan: int = HEADER_SCAN_ROWS) -> HeaderLayout | None:
    best: tuple[int, int] | None = None  # (score, index)
    for index, row in enumerate(rows[:scan]):
        score, has_name = _score(row)
        if has_name and score >= 2 and (best is None or score > best[0]):
            best = (score, index)
    if best is None:
        return None
    return _layout(rows, best[1])


def _layout(rows: Sequence[Sequence[Any]], index: int) -> HeaderLayout:
    top = rows[index]
    below = rows[index + 1] if index + 1 < len(rows) else []
    width = max(len(top), len(below))
    top_keys = [match_heading(top[c]) if c < len(top) else None for c in range(width)]
    sub_keys = _sub_header(top, below, top_keys, width)
    layout = HeaderLayout(index, index + (2 if sub_keys else 1), {}, {})
    taken: set[str] = set()
    for col in range(width):
        heading = _cell_text(top, col)
        key = top_keys[col]
        if col in sub_keys:
            key = sub_keys[col]
            heading = " / ".join(p for p in (_group_text(top, col), _cell_text(below, col)) if p)
        elif not heading and sub_keys:
            heading = _cell_text(below, col)
        if heading:
            layout.headings[col] = heading
        if key is None:
            if heading:
                layout.unrecognised.append(col)
            continue
        if key in taken and key != SKIP:
            layout.duplicates.append(col)
            continue
        taken.add(key)
        layout.columns[col] = key
    _split_name_over_two_columns(rows, layout)
    return layout


def _group_text(top: Sequence[Any], col: int) -> str:
    """The heading of a merged cell spanning col: the nearest filled cell to the left."""
    for c in range(min(col, len(top) - 1), -1, -1):
        heading = _cell_text(top, c)
        if heading:
            return heading
    return ""


def _sub_header(top: Sequence[Any], below: Sequence[Any], top_keys: list[str | None],
                width: int) -> dict[int, str]:
    """Keys of a second heading row (Nam/Nữ under Năm sinh, years under Xếp loại, headings
    under a merged group title), or {} when the row below is data."""
    found: dict[int, str] = {}
    gender_pairs = years = others = 0
    group: str | None = None
    for col in range(width):
        top_text = _cell_text(top, col)
        if top_text:
            group = top_keys[col] or ("rating_group" if _RATING_GROUP.match(
                heading_key(top_text)) else "other")
        sub_text = _cell_text(below, col)
        if not sub_text:
            continue
        key = match_heading(sub_text)
        year = _YEAR.match(heading_key(sub_text))
        if key in ("birth_male", "birth_female") and group in ("birth", "gender"):
            found[col] = key
            gender_pairs += 1
        elif group == "rating_group" and year:
            found[col] = RATING_PREFIX + year.group(1)
            years += 1
        elif key is not None and (not top_text or top_keys[col] is None):
            found[col] = key
            others += 1
    if gender_pairs >= 2 or years or others >= 2:
        return found
    return {}


def _split_name_over_two_columns(rows: Sequence[Sequence[Any]], layout: HeaderLayout) -> None:
    """'Họ và tên' merged over two columns: họ và tên đệm in the first, tên in the second."""
    name_cols = [c for c, k in layout.columns.items() if k == "full_name"]
    if not name_cols or "given_name" in layout.columns.values():
        return
    col = name_cols[0]
    nxt = col + 1
    if nxt in layout.columns or nxt in layout.headings:
        return
    sample = [r for r in rows[layout.data_start: layout.data_start + 30]
              if col < len(r) and isinstance(r[col], str) and r[col].strip()]
    if not sample:
        return
    both = sum(1 for r in sample if nxt < len(r) and isinstance(r[nxt], str)
               and r[nxt].strip() and not any(ch.isdigit() for ch in r[nxt]))
    if both * 10 >= len(sample) * 6:
        layout.columns[col] = "family_middle"
        layout.columns[nxt] = "given_name"
        layout.headings[nxt] = layout.headings.get(col, "")
