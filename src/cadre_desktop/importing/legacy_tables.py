"""Code tables for the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI-Windows.

Every legacy "character" here is the cp1252/Latin-1 reading of the legacy byte, because
that is how spreadsheet and CSV readers hand the text to us. The tables are generated from
one row per vowel so that a typo cannot hide in a 134-entry literal; the published code
charts (TCVN 5712:1993 VN3, VNI-Windows) were checked row by row against these rows.
"""

from __future__ import annotations

import unicodedata

# Tone order used by every row below: none, huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS: tuple[str, ...] = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# Lower-case vowel without tone -> TCVN3 byte for each tone; plain vowels keep their ASCII byte.
_TCVN3_VOWELS: dict[str, tuple[int, int, int, int, int, int]] = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# VN3 (the ABC font layout) has only these capitals; toned capitals come from the ...H fonts.
_TCVN3_OTHERS: dict[str, int] = {
    "đ": 0xAE,
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}

# VNI writes a vowel as an ASCII (or Latin-1) base followed by a mark byte. Three mark rows,
# in the tone order above; the upper-case mark is the Latin-1 capital of the lower-case one.
_VNI_PLAIN = ("", "\xf8", "\xfb", "\xf5", "\xf9", "\xef")  # ø û õ ù ï
_VNI_CIRCUMFLEX = ("\xe2", "\xe0", "\xe5", "\xe3", "\xe1", "\xe4")  # â à å ã á ä
_VNI_BREVE = ("\xea", "\xe8", "\xfa", "\xfc", "\xe9", "\xeb")  # ê è ú ü é ë

_VNI_VOWELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "a": ("a", _VNI_PLAIN),
    "ă": ("a", _VNI_BREVE),
    "â": ("a", _VNI_CIRCUMFLEX),
    "e": ("e", _VNI_PLAIN),
    "ê": ("e", _VNI_CIRCUMFLEX),
    "o": ("o", _VNI_PLAIN),
    "ô": ("o", _VNI_CIRCUMFLEX),
    "ơ": ("\xf4", _VNI_PLAIN),  # ơ is the single byte ô
    "u": ("u", _VNI_PLAIN),
    "ư": ("\xf6", _VNI_PLAIN),  # ư is the single byte ö
    "y": ("y", _VNI_PLAIN),
}
# Letters VNI stores as one byte rather than base + mark.
_VNI_SINGLE: dict[str, str] = {
    "ì": "\xec", "ỉ": "\xe6", "ĩ": "\xf3", "í": "\xed", "ị": "\xf2",  # ì æ ó í ò
    "ỵ": "\xee",  # î
    "đ": "\xf1",  # ñ
}


def _with_tone(vowel: str, tone: int) -> str:
    return unicodedata.normalize("NFC", vowel + TONE_MARKS[tone])


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = {}
    for vowel, codes in _TCVN3_VOWELS.items():
        for tone, code in enumerate(codes):
            if tone:  # plain a, e, i, o, u, y are ASCII in every encoding
                table[_with_tone(vowel, tone)] = chr(code)
            elif code > 0x7F:
                table[vowel] = chr(code)
    table.update({letter: chr(code) for letter, code in _TCVN3_OTHERS.items()})
    return table


def _build_vni() -> dict[str, str]:
    lower: dict[str, str] = {}
    for vowel, (base, marks) in _VNI_VOWELS.items():
        for tone, mark in enumerate(marks):
            lower[_with_tone(vowel, tone)] = base + mark
    lower.update(_VNI_SINGLE)
    table: dict[str, str] = {}
    for letter, legacy in lower.items():
        if letter.isascii():
            continue
        table[letter] = legacy
        table[letter.upper()] = legacy.upper()
    return table


# Unicode letter -> legacy text for every non-ASCII Vietnamese letter the encoding has.
TCVN3_ENCODE: dict[str, str] = _build_tcvn3()
# ý and í/ì (VNI) happen to be their own legacy byte; leaving them out keeps the decoders
# from claiming characters they do not change.
TCVN3_DECODE: dict[str, str] = {
    legacy: letter for letter, legacy in TCVN3_ENCODE.items() if legacy != letter
}

VNI_ENCODE: dict[str, str] = _build_vni()


def _build_vni_decode() -> dict[str, str]:
    table = {legacy: letter for letter, legacy in VNI_ENCODE.items() if legacy != letter}
    # Hand-typed files mix cases ("Aù" for Á); the base letter decides the case.
    for legacy, letter in list(table.items()):
        if len(legacy) == 2:
            base, mark = legacy[0], legacy[1]
            swapped = mark.lower() if base.isupper() else mark.upper()
            table.setdefault(base + swapped, letter)
    return table


VNI_DECODE: dict[str, str] = _build_vni_decode()
