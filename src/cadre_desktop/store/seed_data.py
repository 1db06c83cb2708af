"""Default editable lists and rating scales for a new office database.

Default rows get name-based UUIDs so that every office has the same ids for them, and
records referring to them mean the same thing at the province.
"""

from __future__ import annotations

import sqlite3

from cadre_desktop.store.ids import stable_id

DEFAULTS_VERSION = 3

LOOKUPS: dict[str, list[tuple[str, str]]] = {
    "position": [
        ("bi_thu", "Bí thư"),
        ("pho_bi_thu_tt", "Phó Bí thư Thường trực"),
        ("pho_bi_thu", "Phó Bí thư"),
        ("uv_btv", "Ủy viên Ban Thường vụ"),
        ("uv_bch", "Ủy viên Ban Chấp hành"),
        ("uv_ubkt", "Ủy viên Ủy ban Kiểm tra"),
        ("truong_ban", "Trưởng ban"),
        ("pho_truong_ban", "Phó Trưởng ban"),
        ("chuyen_vien", "Chuyên viên"),
        ("chu_tich_hlhtn", "Chủ tịch Hội LHTN Việt Nam"),
        ("chu_tich_hsv", "Chủ tịch Hội Sinh viên"),
        ("chu_tich_hdd", "Chủ tịch Hội đồng Đội"),
        ("tong_phu_trach", "Tổng phụ trách Đội"),
        ("chi_doi_truong", "Chi đội trưởng"),
        ("bi_thu_chi_doan", "Bí thư chi đoàn"),
        ("pho_bi_thu_chi_doan", "Phó Bí thư chi đoàn"),
        ("can_bo_doi", "Cán bộ quản lý công tác Đội"),
        ("phu_trach_thieu_nhi", "Phụ trách thiếu nhi"),
        ("bch_lien_doi", "Ban Chỉ huy Liên đội"),
        ("can_bo_cntt", "Cán bộ phụ trách công nghệ thông tin"),
    ],
    "working_status": [
        ("chuyen_trach", "Chuyên trách"),
        ("ban_chuyen_trach", "Bán chuyên trách"),
        ("kiem_nhiem", "Kiêm nhiệm"),
    ],
    "party_status": [
        ("dang_vien", "Đảng viên"),
        ("nguon", "Nguồn phát triển đảng"),
    ],
    "theory_level": [
        ("chua", "Chưa qua đào tạo"),
        ("so_cap", "Sơ cấp"),
        ("trung_cap", "Trung cấp"),
        ("cao_cap", "Cao cấp"),
    ],
    "education": [
        ("thcs", "Trung học cơ sở"),
        ("thpt", "Trung học phổ thông"),
        ("trung_cap", "Trung cấp"),
        ("cao_dang", "Cao đẳng"),
        ("dai_hoc", "Đại học"),
        ("thac_si", "Thạc sĩ"),
        ("tien_si", "Tiến sĩ"),
    ],
    "unit_level": [
        ("tinh_doan", "Tỉnh đoàn"),
        ("doan_xa", "Đoàn xã/phường"),
        ("doan_truc_thuoc", "Đoàn trực thuộc"),
        ("doan_co_so", "Đoàn cơ sở"),
        ("chi_doan_co_so", "Chi đoàn cơ sở"),
        ("chi_doan", "Chi đoàn"),
    ],
}

# (code, name, from_year, to_year, levels as (code, label, rank) best first)
RATING_SCALES = [
    ("hd25_2023", "Xếp loại chất lượng (HD 25-HD/TWĐTN-BTC)", 2019, None, [
        ("htxs", "Hoàn thành xuất sắc nhiệm vụ", 4),
        ("htt", "Hoàn thành tốt nhiệm vụ", 3),
        ("ht", "Hoàn thành nhiệm vụ", 2),
        ("kht", "Không hoàn thành nhiệm vụ", 1),
    ]),
    ("truoc_2019", "Xếp loại trước 2019", 1990, 2018, [
        ("xs", "Xuất sắc", 4),
        ("kha", "Khá", 3),
        ("tb", "Trung bình", 2),
        ("yk", "Yếu kém", 1),
    ]),
]


def insert_defaults(conn: sqlite3.Connection, office_id: str, stamp: str) -> None:
    for kind, items in LOOKUPS.items():
        conn.executemany(
            "INSERT OR IGNORE INTO lookup (id, office_id, kind, code, label, sort_order,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (stable_id("lookup", kind, code), office_id, kind, code, label, i, stamp, stamp)
                for i, (code, label) in enumerate(items)
            ],
        )
    for code, name, from_year, to_year, levels in RATING_SCALES:
        scale_id = stable_id("rating_scale", code)
        conn.execute(
            "INSERT OR IGNORE INTO rating_scale (id, office_id, code, name, from_year, to_year,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (scale_id, office_id, code, name, from_year, to_year, stamp, stamp),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO rating_level (id, office_id, scale_id, code, label, rank,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (stable_id("rating_level", code, lc), office_id, scale_id, lc, label, rank,
                 stamp, stamp)
                for lc, label, rank in levels
            ],
        )
    from cadre_desktop.store import seed_training

    seed_training.insert_defaults(conn, office_id, stamp)
    from cadre_desktop.store import seed_rotation

    seed_rotation.insert_defaults(conn, office_id, stamp)
