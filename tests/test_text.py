import unicodedata

import pytest

from cadre_desktop.domain.text import clean, fold, full_name, name_sort_key, split_full_name


def ordered(names: list[tuple[str, str]]) -> list[str]:
    return [full_name(*n) for n in sorted(names, key=lambda n: name_sort_key(*n))]


def test_clean_makes_nfc_and_single_spaces() -> None:
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị\tÁnh ")
    assert clean(nfd) == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", clean(nfd))
    assert clean(None) == ""


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐẶNG THỊ ỨNG", "dang thi ung"),
        (unicodedata.normalize("NFD", "Trần Ngọc Ưng"), "tran ngoc ung"),
        ("đ", "d"),
        ("", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_given_name_first_then_family_then_middle() -> None:
    names = [("Trần Văn", "Bình"), ("Nguyễn Thị", "An"), ("Lê", "Bình"), ("Nguyễn Văn", "Bình")]
    assert ordered(names) == [
        "Nguyễn Thị An", "Lê Bình", "Nguyễn Văn Bình", "Trần Văn Bình",
    ]


def test_letters_before_tones_all_anh_before_anh_with_sac() -> None:
    names = [("Vũ", "Ánh"), ("An", "Anh"), ("Bùi", "Anh"), ("Trần", "Ánh"), ("Lê", "Ảnh")]
    assert ordered(names) == ["An Anh", "Bùi Anh", "Lê Ảnh", "Trần Ánh", "Vũ Ánh"]


def test_vietnamese_alphabet_order() -> None:
    names = [("X", "Hạ"), ("X", "Đào"), ("X", "Ân"), ("X", "Ăn"), ("X", "Ánh"), ("X", "Dung")]
    assert [n[1] for n in sorted(names, key=lambda n: name_sort_key(*n))] == [
        "Ánh", "Ăn", "Ân", "Dung", "Đào", "Hạ",
    ]


def test_tone_order_none_huyen_hoi_nga_sac_nang() -> None:
    given = ["Ma", "Mạ", "Má", "Mã", "Mả", "Mà"]
    result = sorted(given, key=lambda g: name_sort_key("X", g))
    assert result == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]


def test_shorter_word_and_shorter_name_first() -> None:
    assert ordered([("Lê", "Anh"), ("Lê", "An")]) == ["Lê An", "Lê Anh"]
    assert ordered([("Nguyễn Văn", "An"), ("Nguyễn", "An")]) == ["Nguyễn An", "Nguyễn Văn An"]


def test_nfd_and_nfc_give_the_same_key() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị")
    given_nfd = unicodedata.normalize("NFD", "Ánh")
    assert name_sort_key(nfd, "Ánh") == name_sort_key("Nguyễn Thị", given_nfd)


def test_case_does_not_matter() -> None:
    assert name_sort_key("NGUYỄN THỊ", "ÁNH") == name_sort_key("Nguyễn Thị", "Ánh")


def test_split_full_name_at_last_word() -> None:
    assert split_full_name("Thạch Thị Sô Phi") == ("Thạch Thị Sô", "Phi")
    assert split_full_name("  Đức ") == ("", "Đức")


def test_unit_names_sort_numbers_by_value() -> None:
    from cadre_desktop.domain.text import text_sort_key

    units = ["Chi đoàn Khu phố 10", "Chi đoàn Khu phố 2", "Chi đoàn Ấp 1", "Chi đoàn Khu phố 1"]
    assert sorted(units, key=text_sort_key) == [
        "Chi đoàn Ấp 1", "Chi đoàn Khu phố 1", "Chi đoàn Khu phố 2", "Chi đoàn Khu phố 10",
    ]
