"""The demo office's training plan, after the Bình Thuận plan for 2024-2027: 16 classes,
1,440 participant places and about 1.34 billion đồng (seeds/002)."""

from __future__ import annotations

import datetime as dt

TOTAL_BUDGET = 1_340_000_000
# Programmes for everyone that the office runs itself, next to the default catalogue: the
# large classes. The catalogue's cadre programmes get the small classes their target
# groups fill (topped up with people sent for a stated reason).
CORE = "doan_vien_nong_cot"
DIGITAL = "ky_nang_so_doan_vien"
DEMO_PROGRAMMES = [
    {"code": CORE, "name": "Bồi dưỡng kỹ năng, nghiệp vụ cho đoàn viên nòng cốt",
     "kind": "skills", "level": "Cơ sở", "target_group": "[]",
     "target_description": "Đoàn viên nòng cốt do chi đoàn giới thiệu",
     "default_hours": 16, "min_attendance_pct": 80, "pass_score": 5.0},
    {"code": DIGITAL, "name": "Bồi dưỡng kỹ năng số cho đoàn viên, thanh niên",
     "kind": "skills", "level": "Cơ sở", "target_group": "[]",
     "target_description": "Đoàn viên, thanh niên trên địa bàn",
     "default_hours": 8, "min_attendance_pct": 80, "pass_score": None},
]

# (year, programme code, places, mode) in date order; four windows a year
PLAN: list[tuple[int, str, int, str]] = [
    (2024, "bd_co_ban", 40, "in_person"),
    (2024, "bd_kiem_nhiem", 60, "in_person"),
    (2024, CORE, 150, "in_person"),
    (2024, DIGITAL, 150, "online"),
    (2025, "bd_bi_thu_co_so", 20, "in_person"),
    (2025, "bd_kiem_nhiem", 50, "in_person"),
    (2025, CORE, 150, "mixed"),
    (2025, "doi_hoat_dong_thieu_nhi", 30, "in_person"),
    (2026, "bd_co_ban", 40, "mixed"),
    (2026, DIGITAL, 150, "online"),
    (2026, CORE, 150, "in_person"),
    (2026, "bd_chu_tich_hlhtn", 30, "in_person"),
    (2027, "bd_bi_thu_co_so", 20, "in_person"),
    (2027, DIGITAL, 150, "online"),
    (2027, CORE, 150, "in_person"),
    (2027, "doi_hoat_dong_thieu_nhi", 100, "in_person"),
]
WINDOW_MONTHS = (3, 5, 8, 11)

# Why someone outside a programme's target group was sent anyway.
OUTSIDE_REASONS = {
    "doi_hoat_dong_thieu_nhi": "Phụ trách thiếu nhi tại khu phố, chi đoàn giới thiệu",
    "bd_chu_tich_hlhtn": "Được giới thiệu làm Chủ tịch Hội LHTN nhiệm kỳ tới",
    "bd_kiem_nhiem": "Phó Bí thư chi đoàn, được cử học thay Bí thư",
}
DEFAULT_OUTSIDE_REASON = "Cán bộ nguồn do Ban Thường vụ giới thiệu"
WITHDRAW_REASONS = ["Bận công tác đột xuất", "Chuyển công tác", "Đi học tập trung dài hạn",
                    "Việc gia đình"]

TOPICS_FIRST = "Khai giảng; quán triệt mục đích, yêu cầu của lớp"
TOPICS_LAST = "Kiểm tra cuối khóa, bế giảng"
TOPICS = [
    "Nghiệp vụ công tác tổ chức, xây dựng Đoàn",
    "Kỹ năng tổ chức sinh hoạt chi đoàn",
    "Công tác tuyên truyền, giáo dục lý tưởng cách mạng",
    "Kỹ năng soạn thảo văn bản của Đoàn",
    "Chuyển đổi số trong công tác Đoàn",
    "Công tác kiểm tra, giám sát của Đoàn",
    "Kỹ năng nói trước đông người",
    "Công tác Hội và phong trào thanh niên",
    "Tham quan, nghiên cứu thực tế",
    "Công tác Đội và phong trào thiếu nhi",
]
LECTURERS = [
    "ThS. Nguyễn Thị Thu Hà (Trường Chính trị tỉnh)",
    "ThS. Trần Minh Tuấn (Tỉnh đoàn)",
    "Lê Hoàng Phúc (Ban Tổ chức Tỉnh đoàn)",
    "TS. Phạm Quốc Hưng (Trường Chính trị tỉnh)",
    "Võ Thị Ngọc Lan (Sở Thông tin và Truyền thông)",
]
VENUES = ["Trường Chính trị tỉnh", "Hội trường UBND phường", "Nhà Văn hóa Thanh niên"]
ROOMS = ["Hội trường A", "Phòng học số 2", "Hội trường lớn"]
CLERK = "Văn phòng Đoàn"

# Who shows up: share of participants of each kind, and their chances per session of
# being (late, absent with leave, absent without leave).
HABITS: list[tuple[float, tuple[float, float, float]]] = [
    (0.84, (0.04, 0.02, 0.005)),
    (0.13, (0.10, 0.08, 0.04)),
    (0.03, (0.10, 0.25, 0.20)),
]


def window_start(year: int, slot: int, offset_days: int) -> dt.date:
    """The Monday on or after the 6th of the slot's month, moved by whole weeks."""
    day = dt.date(year, WINDOW_MONTHS[slot % 4], 6) + dt.timedelta(days=offset_days)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def weekdays_from(start: dt.date, count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def last_weekday_before(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day
