"""The default training catalogue (from the Hà Nội plan's target groups and the Hưng Yên
digital-skills plan) and attendance statuses. Editable afterwards."""

from __future__ import annotations

import json
import sqlite3

from cadre_desktop.store.ids import stable_id

_BASE_LEVELS = ["Đoàn cơ sở", "Đoàn xã/phường", "Chi đoàn cơ sở", "Đoàn trực thuộc"]

# code, name, kind, target group, description, default hours
PROGRAMMES: list[tuple[str, str, str, list[dict[str, list[str]]], str, int]] = [
    ("bd_bi_thu_co_so", "Bồi dưỡng chức danh Bí thư Đoàn cơ sở", "title",
     [{"positions": ["bi_thu"], "unit_levels": _BASE_LEVELS}, {"planned": ["bi_thu"]}],
     "Bí thư Đoàn cấp cơ sở và cán bộ được quy hoạch chức danh Bí thư Đoàn cấp cơ sở", 40),
    ("bd_co_ban", "Bồi dưỡng kiến thức, nghiệp vụ, kỹ năng Đoàn, Hội, Đội cơ bản",
     "professional",
     [{"working_status": ["chuyen_trach"]},
      {"positions": ["bi_thu"], "unit_levels": _BASE_LEVELS}],
     "Cán bộ đoàn chuyên trách các cấp; Bí thư Đoàn cơ sở", 32),
    ("bd_chu_tich_hlhtn", "Bồi dưỡng Chủ tịch Hội Liên hiệp Thanh niên Việt Nam",
     "professional", [{"positions": ["chu_tich_hlhtn"]}], "Chủ tịch Hội LHTN Việt Nam", 24),
    ("bd_chu_tich_hsv", "Bồi dưỡng Chủ tịch Hội Sinh viên", "professional",
     [{"positions": ["chu_tich_hsv"]}, {"planned": ["chu_tich_hsv"]}],
     "Chủ tịch Hội Sinh viên và cán bộ được quy hoạch chức vụ Chủ tịch Hội Sinh viên", 24),
    ("bd_kiem_nhiem", "Bồi dưỡng cán bộ kiêm nhiệm công tác Đoàn cơ sở và Bí thư chi đoàn",
     "professional",
     [{"working_status": ["kiem_nhiem"]}, {"positions": ["bi_thu_chi_doan"]}],
     "Cán bộ kiêm nhiệm công tác Đoàn cơ sở và Bí thư chi đoàn", 16),
    ("doi_chu_tich_hdd", "Bồi dưỡng Chủ tịch Hội đồng Đội cấp cơ sở", "professional",
     [{"positions": ["chu_tich_hdd"]}], "Chủ tịch Hội đồng Đội cấp huyện, cấp cơ sở", 16),
    ("doi_tpt_chuyen_de", "Bồi dưỡng chuyên đề giáo viên làm Tổng phụ trách Đội",
     "professional", [{"positions": ["tong_phu_trach"]}],
     "Giáo viên làm Tổng phụ trách Đội khối Tiểu học và Trung học cơ sở", 16),
    ("doi_tpt_ky_nang", "Bồi dưỡng kỹ năng nghiệp vụ công tác Đội cho Tổng phụ trách Đội",
     "professional", [{"positions": ["tong_phu_trach"]}],
     "Giáo viên làm Tổng phụ trách Đội", 16),
    ("doi_hoat_dong_thieu_nhi", "Bồi dưỡng kỹ năng nghiệp vụ hoạt động thiếu nhi",
     "professional",
     [{"positions": ["can_bo_doi", "tong_phu_trach", "phu_trach_thieu_nhi"]}],
     "Cán bộ quản lý công tác Đội; Tổng phụ trách Đội; phụ trách thiếu nhi trên địa bàn dân cư",
     16),
    ("doi_clb_phu_trach", "Bồi dưỡng nâng cao cho hội viên CLB Phụ trách thiếu nhi",
     "professional", [{"positions": ["phu_trach_thieu_nhi"]}],
     "Hội viên Câu lạc bộ Phụ trách thiếu nhi", 8),
    ("doi_clb_can_bo_doi", "Bồi dưỡng nâng cao cho hội viên CLB Cán bộ Đội", "professional",
     [{"positions": ["can_bo_doi"]}], "Hội viên Câu lạc bộ Cán bộ Đội", 8),
    ("doi_chi_doi_truong", "Bồi dưỡng kỹ năng công tác Đội cho Chi đội trưởng khối 7",
     "professional", [{"positions": ["chi_doi_truong"]}], "Chi đội trưởng khối 7", 8),
    ("doi_lien_doi_thcs", "Bồi dưỡng công tác Đội cho Ban Chỉ huy Liên đội THCS",
     "professional", [{"positions": ["bch_lien_doi"]}],
     "Ban Chỉ huy Liên đội Trung học cơ sở", 8),
    ("doi_lien_doi_th", "Bồi dưỡng công tác Đội cho Ban Chỉ huy Liên đội Tiểu học",
     "professional", [{"positions": ["bch_lien_doi"]}], "Ban Chỉ huy Liên đội Tiểu học", 8),
    ("ky_nang_so", "Bồi dưỡng kỹ năng số và chuyển đổi số", "skills",
     [{"positions": ["can_bo_cntt"]}, {"working_status": ["chuyen_trach"]}],
     "Cán bộ phụ trách công nghệ thông tin; cán bộ chuyên trách", 8),
]

# code, short code typed in the grid, label, counts towards attendance
ATTENDANCE_STATUSES = [
    ("co_mat", "C", "Có mặt", True),
    ("muon", "M", "Đi muộn", True),
    ("co_phep", "P", "Vắng có phép", False),
    ("khong_phep", "K", "Vắng không phép", False),
]


def insert_defaults(conn: sqlite3.Connection, office_id: str, stamp: str) -> None:
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programme'"
    ).fetchone():
        return
    conn.executemany(
        "INSERT OR IGNORE INTO programme (id, office_id, code, name, kind, target_group,"
        " target_description, default_hours, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (stable_id("programme", code), office_id, code, name, kind,
             json.dumps(group, ensure_ascii=False), description, hours, stamp, stamp)
            for code, name, kind, group, description, hours in PROGRAMMES
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO attendance_status (id, office_id, code, short, label,"
        " counts_present, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (stable_id("attendance_status", code), office_id, code, short, label, int(counts),
             i, stamp, stamp)
            for i, (code, short, label, counts) in enumerate(ATTENDANCE_STATUSES)
        ],
    )
