"""Vietnamese name data for the demo office, with realistic frequencies.

Family-name shares follow published surveys of Vietnamese surnames (Nguyễn ≈ 38 %,
Trần ≈ 11 %, Lê ≈ 9.5 %, Phạm ≈ 7 %, ...), with the southern spellings (Huỳnh, Võ)
weighted up because the demo office is in Tây Ninh. Given names are listed most
common first and weighted by a Zipf-like curve, which gives the long tail real
rosters have. About one person in a hundred is Khmer, whose names do not follow
the họ + đệm + tên pattern: their tên is often two words ("Thạch Thị" + "Sô Phi").
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

# (family name, share in per cent)
FAMILY: list[tuple[str, float]] = [
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Huỳnh", 3.6),
    ("Hoàng", 1.4), ("Phan", 4.5), ("Võ", 3.4), ("Vũ", 1.3), ("Đặng", 2.1),
    ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0),
    ("Lý", 0.5), ("Trương", 1.2), ("Đinh", 0.6), ("Lâm", 0.5), ("Mai", 0.5),
    ("Đoàn", 0.5), ("Lương", 0.4), ("Cao", 0.4), ("Tô", 0.3), ("Châu", 0.3),
    ("Tạ", 0.3), ("Hà", 0.3), ("Thái", 0.3), ("La", 0.2), ("Kiều", 0.2),
    ("Lưu", 0.2), ("Quách", 0.15), ("Diệp", 0.1), ("Từ", 0.1), ("Triệu", 0.1),
    ("Tăng", 0.1), ("Văn", 0.1), ("Mạc", 0.05), ("Khổng", 0.05), ("Nhan", 0.05),
]

# Middle names (tên đệm) by gender, most common first. Younger Vietnamese women are
# less often "Thị" than their mothers, but it is still the single most common one.
MIDDLE_MALE: list[tuple[str, float]] = [
    ("Văn", 30.0), ("Minh", 9.0), ("Đức", 6.0), ("Quốc", 6.0), ("Hữu", 5.0),
    ("Thanh", 4.5), ("Hoàng", 4.0), ("Công", 3.5), ("Tấn", 3.5), ("Ngọc", 3.0),
    ("Trọng", 2.5), ("Duy", 2.5), ("Thành", 2.5), ("Xuân", 2.0), ("Gia", 2.0),
    ("Anh", 2.0), ("Nhật", 1.5), ("Phước", 1.5), ("Trung", 1.5), ("Tuấn", 1.2),
    ("Đình", 1.2), ("Bá", 1.0), ("Quang", 1.0), ("Thái", 0.8), ("Chí", 0.8),
    ("Kim", 0.5), ("Huy", 0.5), ("Khánh", 0.5),
]
MIDDLE_FEMALE: list[tuple[str, float]] = [
    ("Thị", 32.0), ("Ngọc", 10.0), ("Thu", 5.0), ("Thanh", 5.0), ("Kim", 4.5),
    ("Mỹ", 4.0), ("Phương", 3.0), ("Hoàng", 2.5), ("Bảo", 2.5), ("Minh", 2.5),
    ("Thùy", 2.5), ("Khánh", 2.0), ("Hồng", 2.0), ("Diễm", 1.5), ("Cẩm", 1.5),
    ("Tường", 1.0), ("Yến", 1.0), ("Quỳnh", 1.0), ("Hải", 1.0), ("Thảo", 1.0),
    ("Huyền", 0.8), ("Như", 0.8), ("Bích", 0.8), ("Xuân", 0.6), ("Lan", 0.5),
]
# A second word in front of the middle name, for the share of people who have one.
MIDDLE_PREFIX_MALE = ["Văn", "Minh", "Hoàng", "Ngọc", "Đức", "Nguyễn", "Trần", "Thanh"]
MIDDLE_PREFIX_FEMALE = ["Thị", "Ngọc", "Thị Ngọc", "Nguyễn", "Trần", "Thị Thu", "Thị Kim"]
TWO_WORD_MIDDLE_SHARE = 0.16

# Given names (tên), most common first.
GIVEN_MALE = [
    "Anh", "Huy", "Minh", "Khang", "Phúc", "Bảo", "Hùng", "Dũng", "Tuấn", "Nam", "Long",
    "Khoa", "Kiệt", "Tâm", "Thành", "Trung", "Hiếu", "Tài", "Đạt", "Duy", "Nghĩa", "Lộc",
    "Phát", "Thịnh", "Toàn", "Vinh", "Sơn", "Tùng", "Quân", "Hải", "Hoàng", "Khải", "Luân",
    "Nhân", "Quang", "Thắng", "Tín", "Trí", "Việt", "Vũ", "Hào", "Hưng", "Hậu", "Lâm",
    "Nguyên", "Phong", "Tiến", "Trọng", "Định", "Thuận", "Cường", "Hiển", "Khánh", "Lực",
    "Mạnh", "Nhật", "Phú", "Quý", "Sang", "Tân", "Thái", "Thiện", "Tú", "Tuyên", "Vĩnh",
    "An", "Bình", "Châu", "Công", "Danh", "Đông", "Giang", "Hà", "Hòa", "Kha", "Khôi",
    "Lợi", "Lương", "Ngân", "Nhựt", "Pháp", "Quốc", "Sĩ", "Thạch", "Thông", "Toại",
    "Trường", "Tường", "Uy", "Văn", "Vương", "Xuân", "Yên", "Chiến", "Đức", "Hiệp",
    "Kỳ", "Lãm", "Nhẫn", "Phương", "Tấn", "Triều", "Tuân", "Ẩn", "Bửu", "Cảnh", "Đảm",
]
GIVEN_FEMALE = [
    "Anh", "Linh", "Ngọc", "Trang", "Thảo", "Nhi", "Vy", "Hân", "Như", "Quỳnh", "Hương",
    "Hà", "Hằng", "Lan", "Phương", "Uyên", "Trâm", "Trinh", "Yến", "My", "Mai", "Nhung",
    "Thủy", "Tiên", "Diễm", "Duyên", "Giang", "Hạnh", "Hoa", "Huyền", "Loan", "Ly", "Nga",
    "Ngân", "Oanh", "Thư", "Tâm", "Thanh", "Thúy", "Vân", "Xuân", "Hồng", "Kiều", "Châu",
    "Dung", "Hiền", "Hậu", "Nguyệt", "Nhàn", "Phượng", "Quyên", "Thắm", "Thoa", "Tuyết",
    "Ánh", "Bích", "Cúc", "Đào", "Hạ", "Hiếu", "Huệ", "Khánh", "Lài", "Liên", "Lụa",
    "Mận", "Mơ", "Nương", "Phấn", "Sương", "Tú", "Tươi", "Ân", "Diệu", "Gấm", "Hảo",
    "Kim", "Lam", "Lệ", "Mỹ", "Nhiên", "Nhớ", "Sa", "Thơ", "Trúc", "Uyển", "Vi", "Xinh",
    "Ý", "Yên", "Ái", "Bình", "Dạ", "Điệp", "Hoài", "Khuê", "Lành", "Ngà", "Ngoan",
]
GIVEN_WEIGHT_EXPONENT = 0.9

# Khmer names as they are written in Vietnamese records in the south.
KHMER_SHARE = 0.012
KHMER_FAMILY = ["Thạch", "Danh", "Sơn", "Kim", "Lâm", "Chau", "Trà", "Lý"]
KHMER_GIVEN_MALE = [
    "Sa Rươl", "Sóc Kha", "Chanh Đa", "Phi Rum", "Sô Phát", "Ra Ma", "Sà Ly", "Kim Sang",
    "Chăn Thu", "Sóc Khum", "Pho", "Na", "Tha", "Sang Ni",
]
KHMER_GIVEN_FEMALE = [
    "Sô Phi", "Sa Vy", "Ry Na", "Sóc Khanh", "Chanh Thu", "Sà Quên", "Sa Ra", "Ly Đa",
    "Sô Khom", "Thi Ta", "Đa Ni", "Phal", "Sô Riêng",
]


@dataclass(frozen=True)
class DemoName:
    family_middle: str
    given_name: str
    ethnicity: str


class _Weighted:
    """A weighted choice with precomputed cumulative weights (random.choices is
    much faster with them when called a hundred thousand times)."""

    def __init__(self, items: list[tuple[str, float]]) -> None:
        self.values = [value for value, _ in items]
        self.cumulative = list(accumulate(weight for _, weight in items))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


def _zipf(names: list[str]) -> list[tuple[str, float]]:
    return [(name, 1.0 / (rank + 1) ** GIVEN_WEIGHT_EXPONENT) for rank, name in enumerate(names)]


_FAMILY = _Weighted(FAMILY)
_MIDDLE = {"M": _Weighted(MIDDLE_MALE), "F": _Weighted(MIDDLE_FEMALE)}
_PREFIX = {"M": MIDDLE_PREFIX_MALE, "F": MIDDLE_PREFIX_FEMALE}
_GIVEN = {"M": _Weighted(_zipf(GIVEN_MALE)), "F": _Weighted(_zipf(GIVEN_FEMALE))}
_KHMER_GIVEN = {"M": KHMER_GIVEN_MALE, "F": KHMER_GIVEN_FEMALE}


def random_name(rng: random.Random, gender: str) -> DemoName:
    """A plausible name for a person of this gender ('M' or 'F')."""
    if rng.random() < KHMER_SHARE:
        family = rng.choice(KHMER_FAMILY)
        middle = "Thị" if gender == "F" and rng.random() < 0.8 else ""
        return DemoName(f"{family} {middle}".strip(), rng.choice(_KHMER_GIVEN[gender]), "Khmer")
    family = _FAMILY.pick(rng)
    middle = _MIDDLE[gender].pick(rng)
    given = _GIVEN[gender].pick(rng)
    if rng.random() < TWO_WORD_MIDDLE_SHARE:
        prefix = rng.choice(_PREFIX[gender])
        if prefix != family and not middle.startswith(prefix) and prefix != middle:
            middle = f"{prefix} {middle}"
    if middle.endswith(given):
        # "Minh Minh" happens, but rarely enough that the demo leaves it out.
        middle = "Văn" if gender == "M" else "Thị"
    ethnicity = "Hoa" if family in ("Quách", "Diệp", "Tăng", "Lưu") and rng.random() < 0.5 \
        else "Kinh"
    return DemoName(f"{family} {middle}", given, ethnicity)
