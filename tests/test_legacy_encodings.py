"""TCVN3 / VNI conversion tables, round trips, font names and encoding detection.

The expected codes below are typed out by hand from the published code charts (TCVN 5712
VN3 and VNI-Windows), independently of how legacy_tables generates its tables.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

import pytest

from cadre_desktop.importing.legacy import (
    _is_syllable,
    convert,
    detect_legacy,
    encoding_from_font,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from cadre_desktop.importing.legacy_tables import TCVN3_ENCODE, VNI_ENCODE

# Each row: the vowel with tones none, huyền, hỏi, ngã, sắc, nặng; then its legacy spellings.
ROWS: list[tuple[str, str, tuple[str, ...]]] = [
    ("aàảãáạ", "a\xb5\xb6\xb7\xb8\xb9", ("a", "aø", "aû", "aõ", "aù", "aï")),
    ("ăằẳẵắặ", "\xa8\xbb\xbc\xbd\xbe\xc6", ("aê", "aè", "aú", "aü", "aé", "aë")),
    ("âầẩẫấậ", "\xa9\xc7\xc8\xc9\xca\xcb", ("aâ", "aà", "aå", "aã", "aá", "aä")),
    ("eèẻẽéẹ", "e\xcc\xce\xcf\xd0\xd1", ("e", "eø", "eû", "eõ", "eù", "eï")),
    ("êềểễếệ", "\xaa\xd2\xd3\xd4\xd5\xd6", ("eâ", "eà", "eå", "eã", "eá", "eä")),
    ("iìỉĩíị", "i\xd7\xd8\xdc\xdd\xde", ("i", "ì", "æ", "ó", "í", "ò")),
    ("oòỏõóọ", "o\xdf\xe1\xe2\xe3\xe4", ("o", "oø", "oû", "oõ", "où", "oï")),
    ("ôồổỗốộ", "\xab\xe5\xe6\xe7\xe8\xe9", ("oâ", "oà", "oå", "oã", "oá", "oä")),
    ("ơờởỡớợ", "\xac\xea\xeb\xec\xed\xee", ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï")),
    ("uùủũúụ", "u\xef\xf1\xf2\xf3\xf4", ("u", "uø", "uû", "uõ", "uù", "uï")),
    ("ưừửữứự", "\xad\xf5\xf6\xf7\xf8\xf9", ("ö", "öø", "öû", "öõ", "öù", "öï")),
    ("yỳỷỹýỵ", "y\xfa\xfb\xfc\xfd\xfe", ("y", "yø", "yû", "yõ", "yù", "î")),
]
# Upper-case VNI uses the upper-case mark bytes.
VNI_UPPER_ROWS: list[tuple[str, tuple[str, ...]]] = [
    ("AÀẢÃÁẠ", ("A", "AØ", "AÛ", "AÕ", "AÙ", "AÏ")),
    ("ĂẰẲẴẮẶ", ("AÊ", "AÈ", "AÚ", "AÜ", "AÉ", "AË")),
    ("ÂẦẨẪẤẬ", ("AÂ", "AÀ", "AÅ", "AÃ", "AÁ", "AÄ")),
    ("EÈẺẼÉẸ", ("E", "EØ", "EÛ", "EÕ", "EÙ", "EÏ")),
    ("ÊỀỂỄẾỆ", ("EÂ", "EÀ", "EÅ", "EÃ", "EÁ", "EÄ")),
    ("IÌỈĨÍỊ", ("I", "Ì", "Æ", "Ó", "Í", "Ò")),
    ("OÒỎÕÓỌ", ("O", "OØ", "OÛ", "OÕ", "OÙ", "OÏ")),
    ("ÔỒỔỖỐỘ", ("OÂ", "OÀ", "OÅ", "OÃ", "OÁ", "OÄ")),
    ("ƠỜỞỠỚỢ", ("Ô", "ÔØ", "ÔÛ", "ÔÕ", "ÔÙ", "ÔÏ")),
    ("UÙỦŨÚỤ", ("U", "UØ", "UÛ", "UÕ", "UÙ", "UÏ")),
    ("ƯỪỬỮỨỰ", ("Ö", "ÖØ", "ÖÛ", "ÖÕ", "ÖÙ", "ÖÏ")),
    ("YỲỶỸÝỴ", ("Y", "YØ", "YÛ", "YÕ", "YÙ", "Î")),
]
TCVN3_CAPITALS = {"Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6",
                  "Đ": "\xa7"}

# (letter, TCVN3, VNI) for every lower-case letter, and (letter, VNI) for every capital.
LOWER: list[tuple[str, str, str]] = [
    (letter, tcvn3, vni)
    for letters, tcvn3_codes, vni_codes in ROWS
    for letter, tcvn3, vni in zip(letters, tcvn3_codes, vni_codes, strict=True)
] + [("đ", "\xae", "ñ")]
UPPER: list[tuple[str, str]] = [
    (letter, vni)
    for letters, vni_codes in VNI_UPPER_ROWS
    for letter, vni in zip(letters, vni_codes, strict=True)
] + [("Đ", "Ñ")]
TCVN3_LOWER = {letter: tcvn3 for letter, tcvn3, _vni in LOWER}


def _all_vietnamese_letters() -> set[str]:
    """Every precomposed letter of the Vietnamese alphabet, from Unicode itself."""
    letters = {chr(code) for code in range(0x1EA0, 0x1EFA)}
    letters |= set("àáâãèéêìíòóôõùúýăđĩũơư")
    letters |= {letter.upper() for letter in letters}
    return letters


def test_tables_cover_the_whole_alphabet() -> None:
    lower = {letter for letter, _tcvn3, _vni in LOWER}
    upper = {letter for letter, _vni in UPPER}
    expected = _all_vietnamese_letters()
    assert len(expected) == 134
    assert {c for c in lower | upper if not c.isascii()} == expected
    assert set(VNI_ENCODE) == expected
    # VN3 has every lower-case letter but only the seven untoned capitals.
    assert set(TCVN3_ENCODE) == {c for c in expected if c.islower()} | set(TCVN3_CAPITALS)


@pytest.mark.parametrize(("letter", "tcvn3", "vni"), LOWER, ids=[row[0] for row in LOWER])
def test_lower_case_letter(letter: str, tcvn3: str, vni: str) -> None:
    assert unicode_to_tcvn3(letter) == tcvn3
    assert tcvn3_to_unicode(tcvn3) == letter
    assert unicode_to_vni(letter) == vni
    assert vni_to_unicode(vni) == letter
    # Decomposed input encodes the same.
    assert unicode_to_vni(unicodedata.normalize("NFD", letter)) == vni


@pytest.mark.parametrize(("letter", "vni"), UPPER, ids=[row[0] for row in UPPER])
def test_upper_case_letter(letter: str, vni: str) -> None:
    assert unicode_to_vni(letter) == vni
    assert vni_to_unicode(vni) == letter
    # TCVN3 capitals other than the seven base letters only exist in the ...H fonts.
    if letter.isascii():
        expected = letter
    else:
        expected = TCVN3_CAPITALS.get(letter) or TCVN3_LOWER[letter.lower()]
    assert unicode_to_tcvn3(letter) == expected
    assert tcvn3_to_unicode(expected, upper_font=True) == letter


@pytest.mark.parametrize(("letter", "code"), TCVN3_CAPITALS.items())
def test_tcvn3_capitals_round_trip_in_normal_font(letter: str, code: str) -> None:
    assert tcvn3_to_unicode(code) == letter


NAMES = [
    "Nguyễn Thị Ánh", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Ngọc Ưng", "Huỳnh Thị Thủy",
    "Đặng Quốc Khánh", "Võ Thị Ngọc Hân", "Bùi Xuân Trường", "Đỗ Mỹ Lệ", "Hồ Ngọc Ẩn",
    "Dương Thị Hường", "Phan Kiều Oanh", "Ông Ích Khiêm", "Ưng Hoàng Phúc", "Ý Lan",
]


def _tcvn3_visible(text: str) -> str:
    """What TCVN3 in a normal font can show: toned capitals fall back to lower case."""
    return "".join(c if c.islower() or c in TCVN3_CAPITALS or c.isascii() else c.lower()
                   for c in text)


@pytest.mark.parametrize("name", NAMES)
def test_names_round_trip(name: str) -> None:
    assert vni_to_unicode(unicode_to_vni(name)) == name
    assert tcvn3_to_unicode(unicode_to_tcvn3(name)) == _tcvn3_visible(name)
    assert tcvn3_to_unicode(unicode_to_tcvn3(name.upper()), upper_font=True) == name.upper()
    assert convert(unicode_to_vni(name), "vni") == name
    nfd = unicodedata.normalize("NFD", name)
    assert vni_to_unicode(unicode_to_vni(nfd)) == name


def test_documented_examples() -> None:
    assert tcvn3_to_unicode("TiÕng ViÖt") == "Tiếng Việt"
    assert vni_to_unicode("Tieáng Vieät") == "Tiếng Việt"
    assert vni_to_unicode("Nguyeãn") == "Nguyễn"
    assert vni_to_unicode("NGUYEÃN") == "NGUYỄN"
    assert tcvn3_to_unicode("\xad") == "ư"
    assert tcvn3_to_unicode("NguyÔn V¨n An") == "Nguyễn Văn An"
    assert tcvn3_to_unicode("TrÇn ThÞ B×nh") == "Trần Thị Bình"
    assert vni_to_unicode("Nguyeãn Vaên An") == "Nguyễn Văn An"
    assert vni_to_unicode("Traàn Thò Bình") == "Trần Thị Bình"
    assert unicode_to_tcvn3("Tiếng Việt") == "TiÕng ViÖt"
    assert unicode_to_vni("Tiếng Việt") == "Tieáng Vieät"


def test_longer_text() -> None:
    text = "Người được khen thưởng: Trường THPT Nguyễn Huệ, năm học 2023–2024."
    assert vni_to_unicode(unicode_to_vni(text)) == text
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


def test_tcvn3_upper_font() -> None:
    # In .VnTimeH the lower-case codes draw as capitals.
    assert tcvn3_to_unicode("NguyÔn V¨n §øc", upper_font=True) == "NGUYỄN VĂN ĐỨC"
    assert tcvn3_to_unicode("NGUYÔN", upper_font=True) == "NGUYỄN"
    assert convert("TiÕng ViÖt", "tcvn3", upper_font=True) == "TIẾNG VIỆT"
    assert convert("TiÕng ViÖt", "tcvn3") == "Tiếng Việt"


def test_vni_mixed_case_marks() -> None:
    # Hand-typed files sometimes put a lower-case mark on a capital; the base decides.
    assert vni_to_unicode("Aùnh") == "Ánh"
    assert vni_to_unicode("AÙnh") == "Ánh"
    assert vni_to_unicode("ÔÙ") == "Ớ"


def test_output_is_nfc() -> None:
    for result in (vni_to_unicode("Nguyeãn"), tcvn3_to_unicode("NguyÔn")):
        assert unicodedata.is_normalized("NFC", result)


def test_plain_text_passes_through() -> None:
    text = "Hello, World 123 (ABC) x@y.z"
    assert tcvn3_to_unicode(text) == text
    assert vni_to_unicode(text) == text
    assert unicode_to_tcvn3(text) == text
    assert unicode_to_vni(text) == text


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        (".VnArial", ("tcvn3", False)),
        (".VnArial NarrowH", ("tcvn3", True)),
        (" .vntime ", ("tcvn3", False)),
        ("VNI-Times", ("vni", False)),
        ("VNI-Helve", ("vni", False)),
        ("vni-times", ("vni", False)),
        ("Times New Roman", None),
        ("Arial", None),
        ("", None),
        (None, None),
    ],
)
def test_encoding_from_font(font: str | None, expected: tuple[str, bool] | None) -> None:
    assert encoding_from_font(font) == expected


# --- detection ---------------------------------------------------------------------------

SAMPLE_NAMES = [
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Yến", "Phạm Ngọc Ưng", "Hoàng Minh Tuấn",
    "Đỗ Thị Lan", "Vũ Đức Thắng", "Bùi Thị Thu Hà", "Đặng Văn Hùng", "Ngô Thị Mai",
]


def test_detect_tcvn3_names() -> None:
    assert detect_legacy(["NguyÔn V¨n An", "TrÇn ThÞ B×nh"]) == "tcvn3"
    assert detect_legacy([unicode_to_tcvn3(name) for name in SAMPLE_NAMES]) == "tcvn3"


def test_detect_tcvn3_upper_font() -> None:
    upper = [unicode_to_tcvn3(name.upper()) for name in SAMPLE_NAMES]
    assert detect_legacy(upper) == "tcvn3"


def test_detect_vni_names() -> None:
    assert detect_legacy(["Nguyeãn Vaên An", "Traàn Thò Bình"]) == "vni"
    assert detect_legacy([unicode_to_vni(name) for name in SAMPLE_NAMES]) == "vni"
    assert detect_legacy([unicode_to_vni(name.upper()) for name in SAMPLE_NAMES]) == "vni"


def test_detect_single_cells() -> None:
    assert detect_legacy(["TiÕng ViÖt"]) == "tcvn3"
    assert detect_legacy(["Tieáng Vieät"]) == "vni"


def test_detect_addresses() -> None:
    places = ["Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Bình Dương"]
    assert detect_legacy(["Hµ Néi", "Thµnh phè Hå ChÝ Minh", "§µ N½ng", "H¶i Phßng"]) == "tcvn3"
    assert detect_legacy([unicode_to_vni(place) for place in places]) == "vni"
    assert detect_legacy(places) is None


def test_ambiguous_samples_give_none() -> None:
    # "Sôn" is VNI for Sơn but also reads as a real syllable; "Bình" is the same in all three.
    assert detect_legacy(["Sôn Long Thanh"]) is None
    assert detect_legacy(["Bình", "Bình"]) is None
    # One repeated word that happens to decode ("µm" would be TCVN3 "àm") proves nothing.
    assert detect_legacy(["10 µm", "5 µm", "2 µm"]) is None


def test_detect_with_blank_and_ascii_cells() -> None:
    sample = ["", "STT", "1", "Ho va ten", *(unicode_to_vni(n) for n in SAMPLE_NAMES)]
    assert detect_legacy(sample) == "vni"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_no_detection_on_unicode_vietnamese(form: Literal["NFC", "NFD"]) -> None:
    sample = [unicodedata.normalize(form, name) for name in [*SAMPLE_NAMES, *NAMES]]
    assert detect_legacy(sample) is None


def test_no_detection_on_latin1_only_vietnamese() -> None:
    # Proper Unicode whose letters all happen to be in Latin-1 looks like bytes.
    assert detect_legacy(["Bình", "Hà", "Tâm", "Lý Thị Hòa", "Trà Mì", "Tú Hân"]) is None


def test_no_detection_on_english_or_western_text() -> None:
    assert detect_legacy(["The quick brown fox", "jumps over the lazy dog"]) is None
    western = ["Café Müller", "Zoë Saldaña", "naïve résumé", "£100 ©2020", "½ price",
               "Crème brûlée", "São Paulo", "Ångström", "Straße", "façade déjà vu"]
    assert detect_legacy(western) is None


def test_no_detection_on_digits_and_empty() -> None:
    assert detect_legacy(["1", "2.5", "2024-01-31", "0912 345 678"]) is None
    assert detect_legacy([]) is None
    assert detect_legacy(["", "  "]) is None


def test_no_detection_on_unaccented_vietnamese() -> None:
    assert detect_legacy(["Nguyen Van An", "Tran Thi Binh"]) is None


def test_mostly_unicode_column_is_not_legacy() -> None:
    sample = [*SAMPLE_NAMES, unicode_to_tcvn3("Trần Văn Đức")]
    assert detect_legacy(sample) is None


def test_detection_with_legacy_on_converted_output_is_none() -> None:
    # Converting twice must be impossible: the converted column no longer looks legacy.
    converted = [convert(unicode_to_tcvn3(n), "tcvn3") for n in SAMPLE_NAMES]
    assert detect_legacy(converted) is None


@pytest.mark.parametrize(
    "word",
    ["nguyễn", "Người", "được", "quyết", "huỳnh", "khuya", "giếng", "gì", "nghiêng", "xoong",
     "thuở", "chuối", "rượu", "Ánh", "ƯNG", "thủy", "thuý", "hòa", "hoà", "khuỷu"],
)
def test_syllable_check_accepts(word: str) -> None:
    assert _is_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["NguyÔn", "V¨n", "B×nh", "Nguyeãn", "Vaên", "cap", "ka", "ngê", "café", "Zoë", "£100", "leõ"],
)
def test_syllable_check_rejects(word: str) -> None:
    assert not _is_syllable(word)


def test_syllable_check_strict_case() -> None:
    # "TuÊn" (TCVN3 for Tuấn) is a syllable only if a capital inside a word is allowed.
    assert _is_syllable("TuÊn")
    assert not _is_syllable("TuÊn", strict_case=True)
    assert _is_syllable("Tuấn", strict_case=True)
    assert _is_syllable("TUẤN", strict_case=True)
