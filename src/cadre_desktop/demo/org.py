"""The demo office's organisation tree: a ward Đoàn with its branches.

A ward office directly below the province (since the two-tier reform of 1/7/2025)
has residential branches (Chi đoàn Khu phố N), the grassroots Đoàn of a high school
with one branch per class, company Đoàn with workshop branches, and the public bodies'
branches (police, military, the ward's offices, the health station). The number of
branches grows with the number of members (one per 40-120 members), and one dissolved
and one merged branch stay in the tree for history.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from cadre_desktop.demo.context import DemoContext
from cadre_desktop.store import units
from cadre_desktop.store.units import Unit

OFFICE_NAME = "Đoàn phường Gia Lộc"
LEVEL_WARD = "Đoàn xã/phường"
LEVEL_GRASSROOTS = "Đoàn cơ sở"
LEVEL_BRANCH = "Chi đoàn"
# Dates of the story, moved to the day the demo is made by demo.calendar.
WARD_FOUNDED = dt.date(2020, 2, 1)
REFORM_DAY = dt.date(2025, 7, 1)

# Branch kinds: (typical size range of its members, share of women)
KINDS: dict[str, tuple[tuple[int, int], float]] = {
    "residential": ((50, 150), 0.5),
    "class": ((28, 42), 0.52),
    "teachers": ((12, 28), 0.7),
    "company": ((40, 120), 0.6),
    "police": ((15, 30), 0.15),
    "military": ((20, 40), 0.1),
    "office": ((15, 30), 0.5),
    "health": ((8, 16), 0.7),
}
PUBLIC_KINDS = ("police", "military", "office", "health", "teachers")

SCHOOLS = [
    "Trảng Bàng", "Nguyễn Trãi", "Lộc Hưng", "Bình Thạnh", "Lê Quý Đôn", "Trần Phú",
    "Quang Trung", "Nguyễn Du", "Lý Thường Kiệt", "Trần Hưng Đạo", "Nguyễn Huệ",
    "Lê Hồng Phong", "Nguyễn Văn Trỗi", "Võ Thị Sáu", "Hoàng Văn Thụ", "Chu Văn An",
    "Nguyễn Thị Minh Khai", "Phan Bội Châu", "Huỳnh Thúc Kháng", "Nguyễn Chí Thanh",
]
INDUSTRIES = [
    "TNHH Giày da", "TNHH May mặc", "CP Cao su", "TNHH Điện tử", "TNHH Bao bì",
    "TNHH Dệt may", "CP Chế biến Nông sản", "TNHH Gỗ", "TNHH Cơ khí", "CP Mía đường",
    "TNHH Nhựa", "TNHH Thực phẩm",
]
COMPANY_NAMES = [
    "Hưng Phát", "Phước Đông", "Thành Công", "Lộc Phát", "Tây Ninh", "Trảng Bàng",
    "Gia Lộc", "Thịnh Vượng", "Việt Thắng", "Đông Nam", "Hòa Bình", "Tân Tiến", "An Phú",
    "Minh Long", "Kim Hoa", "Phú Cường",
]
WORKSHOPS = [
    "Văn phòng", "Phân xưởng May 1", "Phân xưởng May 2", "Phân xưởng Cắt", "Tổ Hoàn thiện",
    "Kho vận", "Phân xưởng Cơ điện", "Phân xưởng May 3", "Phân xưởng Đế", "Tổ Kiểm phẩm",
]
PUBLIC_BRANCHES = [
    ("police", "Chi đoàn Công an phường"),
    ("military", "Chi đoàn Quân sự phường"),
    ("office", "Chi đoàn Khối cơ quan phường"),
    ("health", "Chi đoàn Trạm Y tế phường"),
]
CLASSES_PER_SCHOOL = 24
BRANCHES_PER_COMPANY = (3, 10)


@dataclass(frozen=True)
class Branch:
    unit: Unit
    kind: str
    weight: float  # relative number of members
    grade: int = 0  # school classes: 11 or 12


@dataclass
class OrgTree:
    root: Unit
    grassroots: list[tuple[Unit, str]] = field(default_factory=list)  # (unit, school|company)
    branches: list[Branch] = field(default_factory=list)
    closed: list[Unit] = field(default_factory=list)


def random_day(ctx: DemoContext, start: dt.date, end: dt.date) -> dt.date:
    return dt.date.fromordinal(ctx.rng.randint(start.toordinal(), end.toordinal()))


class _Builder:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.tree: OrgTree | None = None

    def unit(self, name: str, parent: Unit | None, level: str, since: dt.date) -> Unit:
        made = units.create_unit(self.ctx.tx, name, parent, level, since,
                                 unit_id=self.ctx.new_id("unit"))
        self.ctx.count("unit")
        return made

    def branch(self, name: str, parent: Unit, kind: str, since: dt.date, grade: int = 0) -> None:
        assert self.tree is not None
        (low, high), _ = KINDS[kind]
        weight = self.ctx.rng.uniform(low, high)
        self.tree.branches.append(
            Branch(self.unit(name, parent, LEVEL_BRANCH, since), kind, weight, grade))


def _plan(members: int) -> tuple[int, int, int]:
    """(school classes, company branches, residential branches) for this many members:
    about a quarter are students, a quarter workers and the rest live in the ward."""
    classes = max(2, round(members * 0.25 / 36))
    company = max(2, round(members * 0.22 / 80))
    residential = max(3, round(members * 0.45 / 100))
    return classes, company, residential


def build_tree(ctx: DemoContext) -> OrgTree:
    rng = ctx.rng
    b = _Builder(ctx)
    cal = ctx.calendar
    founded_ward = cal.moved(WARD_FOUNDED)
    root = b.unit(OFFICE_NAME, None, LEVEL_WARD, founded_ward)
    tree = b.tree = OrgTree(root)
    classes, company_branches, residential = _plan(ctx.members)

    for n in range(1, residential + 1):
        b.branch(f"Chi đoàn Khu phố {n}", root, "residential", founded_ward)

    for kind, name in PUBLIC_BRANCHES:
        if kind != "health" or ctx.members >= 1500:
            b.branch(name, root, kind, founded_ward)

    schools = math.ceil(classes / CLASSES_PER_SCHOOL)
    for s in range(schools):
        school_name = SCHOOLS[s] if s < len(SCHOOLS) else f"số {s + 1}"
        founded = random_day(ctx, cal.day(1995, 1, 1), cal.day(2015, 12, 31))
        school = b.unit(f"Đoàn trường THPT {school_name}", root, LEVEL_GRASSROOTS, founded)
        tree.grassroots.append((school, "school"))
        here = classes // schools + (1 if s < classes % schools else 0)
        grade11 = (here + 1) // 2
        for c in range(here):
            grade, number = (11, c + 1) if c < grade11 else (12, c - grade11 + 1)
            opened = cal.day(2025 - (grade - 10), 9, 5)  # when the class started grade 10
            b.branch(f"Chi đoàn {grade}A{number}", school, "class", opened, grade)
        b.branch("Chi đoàn Giáo viên", school, "teachers", founded)

    made = 0
    company_index = 0
    while made < company_branches:
        industry = INDUSTRIES[company_index % len(INDUSTRIES)]
        brand = COMPANY_NAMES[(company_index * 7) % len(COMPANY_NAMES)]
        # (industry, brand) pairs repeat only after 48 companies.
        suffix = f" - Chi nhánh {company_index // 48 + 1}" if company_index >= 48 else ""
        founded = random_day(ctx, cal.day(2008, 1, 1), cal.day(2022, 12, 31))
        company = b.unit(f"Đoàn cơ sở Công ty {industry} {brand}{suffix}", root,
                         LEVEL_GRASSROOTS, founded)
        tree.grassroots.append((company, "company"))
        company_index += 1
        size = min(rng.randint(*BRANCHES_PER_COMPANY), company_branches - made)
        size = max(size, 2)
        for w in range(size):
            workshop = WORKSHOPS[w] if w < len(WORKSHOPS) else f"Phân xưởng {w + 1}"
            b.branch(f"Chi đoàn {workshop}", company, "company", founded)
        made += size

    _history(ctx, b, tree)
    return tree


def _history(ctx: DemoContext, b: _Builder, tree: OrgTree) -> None:
    """A hamlet branch merged into a residential one at the 2025 reform, and a
    cooperative's branch dissolved with the cooperative."""
    cal = ctx.calendar
    merged = b.unit("Chi đoàn ấp Lộc Trung", tree.root, LEVEL_BRANCH, cal.day(2009, 3, 26))
    target = next(br.unit for br in tree.branches if br.kind == "residential")
    units.close_unit(ctx.tx, merged.id, cal.moved(REFORM_DAY), merged_into=target.id)
    dissolved = b.unit("Chi đoàn Hợp tác xã Nông nghiệp Gia Lộc", tree.root, LEVEL_BRANCH,
                       cal.day(2016, 5, 15))
    units.close_unit(ctx.tx, dissolved.id, cal.day(2023, 12, 31))
    tree.closed.extend([merged, dissolved])
