"""Default rotation rules (Tây Ninh plan 51-KH/TĐTN-TCKT), member programme settings, its
five areas and the library of criteria (seed 004, part III). All editable afterwards;
INSERT OR IGNORE never overwrites a clerk's change."""

from __future__ import annotations

import sqlite3

from cadre_desktop.domain.member_programme import AREA_KIND, DEFAULT_AREAS, ProgrammeSettings
from cadre_desktop.domain.member_programme import SCOPE as PROGRAMME_SCOPE
from cadre_desktop.domain.rotation_rules import SCOPE as ROTATION_SCOPE
from cadre_desktop.domain.rotation_rules import RotationRules
from cadre_desktop.store.ids import stable_id
from cadre_desktop.store.rule_settings import dump

# (area code, criterion code, text) in the plan's order.
CRITERIA: list[tuple[str, str, str]] = [
    ("ly_tuong", "1.1", "Học tập nghị quyết của Đảng, nghị quyết của cấp ủy, địa phương, đơn vị; "
     "Nghị quyết Đại hội Đoàn các cấp; các chỉ thị, kết luận của Trung ương Đoàn"),
    ("ly_tuong", "1.2", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng "
     "những việc làm cụ thể trong cuộc sống hằng ngày"),
    ("ly_tuong", "1.3", "Học tập các bài lý luận chính trị của Đoàn TNCS Hồ Chí Minh"),
    ("ly_tuong", "1.4", "Thường xuyên nắm bắt thông tin thời sự, chính trị, xã hội trong nước "
     "và quốc tế trên các phương tiện thông tin chính thống"),
    ("ly_tuong", "1.5", "Đấu tranh với những luận điểm xuyên tạc, không bị tác động bởi những "
     "thông tin tiêu cực trên mạng internet"),
    ("ly_tuong", "1.6", "Tham gia góp ý xây dựng Đảng, phòng chống tham nhũng, lãng phí, "
     "chống suy thoái tư tưởng, đạo đức, lối sống"),
    ("dao_duc", "2.1", "Sống giản dị, lành mạnh, chân thành, không mắc tệ nạn xã hội; có kỹ "
     "năng làm việc nhóm, giải quyết mâu thuẫn, trình bày"),
    ("dao_duc", "2.2", "Yêu thương, quý trọng con người, sống có văn hóa, trung thực, trách "
     "nhiệm, nhân ái; dũng cảm bảo vệ cái đúng"),
    ("dao_duc", "2.3", "Nói đi đôi với làm, tận tụy phục vụ nhân dân, liên hệ chặt chẽ với "
     "nhân dân"),
    ("dao_duc", "2.4", "Đoàn kết, thẳng thắn, nghiêm túc trong phê bình và tự phê bình"),
    ("dao_duc", "2.5", "Nghiêm chỉnh chấp hành pháp luật, vận động gia đình, bạn bè cùng "
     "thực hiện"),
    ("chuyen_mon", "3.1", "Nêu cao tinh thần trách nhiệm, tận tụy với công việc, hoàn thành "
     "tốt nhiệm vụ được giao"),
    ("chuyen_mon", "3.2", "Có ý tưởng, sáng kiến, giải pháp hữu ích trong công việc; ứng dụng "
     "khoa học công nghệ vào công việc, học tập"),
    ("chuyen_mon", "3.3", "Học tập nâng cao trình độ chuyên môn, nghiệp vụ, kỹ năng nghề "
     "nghiệp"),
    ("chuyen_mon", "3.4", "Phát huy chuyên môn trong các hoạt động tình nguyện"),
    ("chuyen_mon", "3.5", "Học tập, nâng cao trình độ ngoại ngữ, tin học"),
    ("chuyen_mon", "3.6", "Đoàn viên là sinh viên: tích cực học tập, trung thực trong thi cử, "
     "tham gia nghiên cứu khoa học, phấn đấu đạt danh hiệu Sinh viên 5 tốt"),
    ("suc_khoe", "4.1", "Tham gia chơi ít nhất một môn thể thao, rèn luyện thường xuyên"),
    ("suc_khoe", "4.2", "Tích cực tham gia các phong trào thể dục thể thao quần chúng tại "
     "địa phương, đơn vị"),
    ("suc_khoe", "4.3", "Không sử dụng ma túy và các chất gây nghiện; hạn chế uống bia, rượu, "
     "không hút thuốc lá"),
    ("xay_dung_doan", "5.1", "Tham dự đầy đủ, tích cực đóng góp ý kiến tại các buổi sinh hoạt "
     "chi đoàn; đóng đoàn phí đầy đủ"),
    ("xay_dung_doan", "5.2", "Chấp hành sự phân công của Ban Chấp hành chi đoàn; tham gia các "
     "hoạt động, cuộc vận động do Đoàn tổ chức"),
    ("xay_dung_doan", "5.3", "Phát ngôn đúng quan điểm của Đảng, của Đoàn; bảo vệ quyền và lợi "
     "ích hợp pháp của tổ chức Đoàn, nhất là trên không gian mạng"),
]


def insert_defaults(conn: sqlite3.Connection, office_id: str, stamp: str) -> None:
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rule_setting'"
    ).fetchone():
        return
    settings = [(ROTATION_SCOPE, k, v) for k, v in RotationRules().to_settings().items()]
    settings += [(PROGRAMME_SCOPE, k, v) for k, v in ProgrammeSettings().to_settings().items()]
    conn.executemany(
        "INSERT OR IGNORE INTO rule_setting (id, office_id, scope, key, value, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(stable_id("rule_setting", scope, key), office_id, scope, key, dump(value),
          stamp, stamp) for scope, key, value in settings],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO lookup (id, office_id, kind, code, label, sort_order,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(stable_id("lookup", AREA_KIND, code), office_id, AREA_KIND, code, label, i,
          stamp, stamp) for i, (code, label) in enumerate(DEFAULT_AREAS)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO member_criterion (id, office_id, area, code, text, sort_order,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(stable_id("member_criterion", code), office_id, area, code, text, i, stamp, stamp)
         for i, (area, code, text) in enumerate(CRITERIA)],
    )
