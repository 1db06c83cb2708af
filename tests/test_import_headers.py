"""Header detection: heading variants, title blocks, two-row headings, hand mapping."""

from __future__ import annotations

import unicodedata

import pytest

from cadre_desktop.importing.headers import SKIP, find_header, match_heading


@pytest.mark.parametrize(("heading", "key"), [
    ("Họ và tên", "full_name"),
    ("HỌ VÀ TÊN", "full_name"),
    ("Họ tên", "full_name"),
    ("Ho va ten", "full_name"),
    ("Họ và tên (1)", "full_name"),
    ("Họ, tên đệm", "family_middle"),
    ("Họ và tên đệm", "family_middle"),
    ("Tên", "given_name"),
    ("Ngày sinh", "birth"),
    ("Năm sinh", "birth"),
    ("Ngày tháng năm sinh", "birth"),
    ("Ngày, tháng, năm sinh", "birth"),
    ("Ngày sinh\n(dd/mm/yyyy)", "birth"),
    ("Giới tính", "gender"),
    ("Giới", "gender"),
    ("CCCD", "citizen_id"),
    ("Số CCCD", "citizen_id"),
    ("Số định danh", "citizen_id"),
    ("Số định danh cá nhân", "citizen_id"),
    ("CMND", "citizen_id"),
    ("CMND/CCCD", "citizen_id"),
    ("SĐT", "phone"),
    ("Điện thoại", "phone"),
    ("Số điện thoại", "phone"),
    ("Đơn vị", "unit"),
    ("Chi đoàn", "branch"),
    ("Chức vụ", "position"),
    ("Chế độ công tác", "working_status"),
    ("Biên chế", "permanent_staff"),
    ("Đảng", "party_status"),
    ("Đảng viên", "party_status"),
    ("Quy hoạch", "planning"),
    ("Xếp loại 2023", "rating:2023"),
    ("Xếp loại năm 2018", "rating:2018"),
    ("Kỷ luật đến", "discipline_until"),
    ("Tạm hoãn cử đi cơ sở đến", "no_rotation_until"),
    ("Mã", "code"),
    ("Dân tộc", "ethnicity"),
    ("STT", SKIP),
    ("TT", SKIP),
    ("Ghi chú", "note"),
    ("Quê quán", None),
    ("", None),
    (None, None),
    (2023, None),
])
def test_heading_variants(heading: object, key: str | None) -> None:
    assert match_heading(heading) == key


def test_heading_in_nfd_matches() -> None:
    assert match_heading(unicodedata.normalize("NFD", "Ngày sinh")) == "birth"


def test_header_found_below_a_title_block() -> None:
    rows = [
        ["ĐOÀN TNCS HỒ CHÍ MINH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BCH ĐOÀN PHƯỜNG GIA LỘC"],
        [],
        ["DANH SÁCH CÁN BỘ ĐOÀN"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Quê quán"],
        [1, "Nguyễn Văn An", "01/02/1995", "Nam", "Tây Ninh"],
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.row == 4
    assert layout.data_start == 5
    assert layout.columns == {0: SKIP, 1: "full_name", 2: "birth", 3: "gender"}
    assert layout.unrecognised == [4]
    assert layout.headings[4] == "Quê quán"


def test_birth_year_split_under_male_and_female() -> None:
    rows = [
        ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ"],
        [None, None, "Nam", "Nữ"],
        [1, "Nguyễn Văn An", 1995, None, "Bí thư"],
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.data_start == 2
    assert layout.columns == {0: SKIP, 1: "full_name", 2: "birth_male", 3: "birth_female",
                              4: "position"}
    assert layout.headings[2] == "Năm sinh / Nam"
    assert layout.headings[3] == "Năm sinh / Nữ"


def test_gender_value_below_the_header_is_data_not_a_subheading() -> None:
    rows = [
        ["Họ và tên", "Giới tính", "Ngày sinh"],
        ["Nguyễn Văn An", "Nam", "1995"],
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.data_start == 1
    assert layout.columns == {0: "full_name", 1: "gender", 2: "birth"}


def test_rating_years_under_a_merged_heading() -> None:
    rows = [
        ["Họ và tên", "Ngày sinh", "Xếp loại chất lượng", None],
        [None, None, 2023, "Năm 2022"],
        ["Nguyễn Văn An", "1995", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"],
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.columns == {0: "full_name", 1: "birth", 2: "rating:2023", 3: "rating:2022"}
    assert layout.data_start == 2


def test_name_merged_over_two_columns_is_split() -> None:
    rows = [
        ["STT", "Họ và tên", None, "Năm sinh"],
        [1, "Nguyễn Văn", "An", 1995],
        [2, "Trần Thị", "Bình", 1998],
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.columns == {0: SKIP, 1: "family_middle", 2: "given_name", 3: "birth"}


def test_family_and_given_name_columns() -> None:
    layout = find_header([["Họ, tên đệm", "Tên", "Giới"], ["Nguyễn Văn", "An", "Nam"]])
    assert layout is not None
    assert layout.columns == {0: "family_middle", 1: "given_name", 2: "gender"}


def test_no_header_without_a_name_column() -> None:
    assert find_header([["Ngày sinh", "Giới tính"], ["1995", "Nam"]]) is None
    assert find_header([]) is None
    assert find_header([["Họ và tên"], ["Nguyễn Văn An"]]) is None  # one heading proves little


def test_second_column_for_a_field_is_a_duplicate() -> None:
    layout = find_header([["Họ và tên", "Đơn vị", "Số CCCD", "CMND"]])
    assert layout is not None
    assert layout.columns == {0: "full_name", 1: "unit", 2: "citizen_id"}
    assert layout.duplicates == [3]


def test_overrides_map_and_drop_columns() -> None:
    layout = find_header([["Họ và tên", "Quê quán", "Ngày sinh", "Điện thoại"]])
    assert layout is not None
    changed = layout.with_overrides({1: "note", 3: "", 2: "join_date"})
    assert changed.columns == {0: "full_name", 1: "note", 2: "join_date"}
    assert changed.unrecognised == []
    # Mapping a field another column had takes it from that column.
    moved = layout.with_overrides({1: "birth"})
    assert moved.columns == {0: "full_name", 1: "birth", 3: "phone"}
    assert layout.with_overrides(None) is layout


def test_best_scoring_row_wins_over_a_title_mentioning_names() -> None:
    rows = [
        ["Danh sách họ và tên cán bộ"],
        ["Họ và tên", "Ngày sinh", "Số CCCD", "Đơn vị"],
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.row == 1
