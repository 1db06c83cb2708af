"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI-Windows) to Unicode and back.

Old spreadsheets typed with .VnTime or VNI-Times fonts store Vietnamese as 8-bit codes that
readers give us as cp1252/Latin-1 look-alikes ("NguyÔn", "Nguyeãn"). Python has no codec for
either, so the tables live in legacy_tables and this module converts and guesses which
encoding (if any) a column uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from cadre_desktop.importing.legacy_tables import (
    TCVN3_DECODE,
    TCVN3_ENCODE,
    TONE_MARKS,
    VNI_DECODE,
    VNI_ENCODE,
)

Legacy = Literal["tcvn3", "vni"]
_ENCODINGS: tuple[Legacy, ...] = ("tcvn3", "vni")

__all__ = [
    "Legacy",
    "convert",
    "detect_legacy",
    "encoding_from_font",
    "tcvn3_to_unicode",
    "unicode_to_tcvn3",
    "unicode_to_vni",
    "vni_to_unicode",
]

_TCVN3_TRANSLATE = str.maketrans(TCVN3_DECODE)
# Longest first, so "oá" (ố) wins over a lone "o" and "ôù" (ớ) over "ô" (ơ).
_VNI_PATTERN = re.compile(
    "|".join(re.escape(key) for key in sorted(VNI_DECODE, key=len, reverse=True))
)


def tcvn3_to_unicode(text: str, upper_font: bool = False) -> str:
    """Decode TCVN3 text; upper_font for the ...H fonts, which draw every code as a capital."""
    decoded = unicodedata.normalize("NFC", text.translate(_TCVN3_TRANSLATE))
    return decoded.upper() if upper_font else decoded


def vni_to_unicode(text: str) -> str:
    decoded = _VNI_PATTERN.sub(lambda match: VNI_DECODE[match.group()], text)
    return unicodedata.normalize("NFC", decoded)


def unicode_to_tcvn3(text: str) -> str:
    """Encode to TCVN3. Toned capitals have no VN3 code and come out lower case."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        legacy = TCVN3_ENCODE.get(char)
        if legacy is None and char.lower() in TCVN3_ENCODE:
            legacy = TCVN3_ENCODE[char.lower()]
        out.append(char if legacy is None else legacy)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    return "".join(VNI_ENCODE.get(char, char) for char in unicodedata.normalize("NFC", text))


def convert(text: str, encoding: Legacy, upper_font: bool = False) -> str:
    """Legacy text to NFC Unicode; upper_font only matters for TCVN3."""
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text, upper_font)
    return vni_to_unicode(text)


def encoding_from_font(font_name: str | None) -> tuple[Legacy, bool] | None:
    """('tcvn3', is_upper_font) for .Vn* fonts, ('vni', False) for VNI-* fonts, else None."""
    if not font_name:
        return None
    name = font_name.strip()
    folded = name.casefold()
    if folded.startswith(".vn"):
        # The capitals-only ABC fonts are the same family name with a capital H appended
        # (.VnTimeH, .VnArial NarrowH); a lower-case h belongs to an ordinary name.
        return "tcvn3", name.endswith("H")
    if folded.startswith(("vni-", "vni ", "vni_")):
        return "vni", False
    return None


# --- Vietnamese syllable check, the yardstick for detection ---------------------------

_TONES = frozenset(TONE_MARKS[1:])
_ACUTE_OR_DOT = frozenset({"\u0301", "\u0323"})
_LETTERS = re.compile("[a-zăâêôơưđ]+")
# Longest first: "ngh" before "ng" before "n"; the empty initial is tried last.
_INITIALS = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
_STOP_FINALS = frozenset({"c", "ch", "p", "t"})
# Vowel groups that end a syllable (their last vowel is a glide) ...
_OPEN_ONLY = frozenset(
    {
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua",
        "ui", "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi",
        "ươi", "ươu", "uya", "uyu", "uơ", "y",
    }
)
# ... that need a final consonant ...
_CLOSED_ONLY = frozenset({"ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"})
# ... or that may take one.
_EITHER = frozenset({"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oe", "uê", "uy"})


_Tone = tuple[str, int] | None  # (combining tone mark, index of the vowel carrying it)


def _split_tone(word: str) -> tuple[str, _Tone] | None:
    """Lower-cased word without its tone, and the tone; None for more than one tone."""
    letters: list[str] = []
    tone: _Tone = None
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONES:
            if tone is not None or not letters:
                return None
            tone = (char, len(letters) - 1)
        elif unicodedata.combining(char) and letters:
            letters[-1] += char
        else:
            letters.append(char)
    return "".join(unicodedata.normalize("NFC", letter) for letter in letters), tone


def _spelling_ok(initial: str, nucleus: str) -> bool:
    first = nucleus[0]
    if initial in ("k", "gh", "ngh"):
        return first in "ieêy"
    if initial == "c":
        return first not in "ieêy"
    if initial in ("g", "ng"):
        return first not in "eê"
    if initial == "qu":
        return first not in "uưo"
    if initial == "gi":
        return first != "i"
    return True


def _tone_places(nucleus: str, closed: bool) -> range:
    """Where a tone may sit in the nucleus, old-style (hóa) and new-style (hoá) alike.

    Mojibake often has the right letters but the tone on a glide ("leõ"), so this is
    a cheap and strong check.
    """
    marked = [i for i, char in enumerate(nucleus) if char in "ăâêôơư"]
    if marked:
        return range(marked[-1], marked[-1] + 1)
    if nucleus in ("oa", "oe", "uy", "oo"):
        return range(1, 2) if closed and nucleus != "oo" else range(2)
    if len(nucleus) == 3:
        return range(1, 2)
    return range(1)


def _rhyme_ok(initial: str, rhyme: str, tone: _Tone) -> bool:
    for final in (*_FINALS, ""):
        if not rhyme.endswith(final) or len(rhyme) <= len(final):
            continue
        nucleus = rhyme[: len(rhyme) - len(final)]
        if final:
            if nucleus not in _EITHER and nucleus not in _CLOSED_ONLY:
                continue
            if final in ("ch", "nh") and nucleus[-1] not in "aêiy":
                continue
            if final in _STOP_FINALS and (tone is None or tone[0] not in _ACUTE_OR_DOT):
                continue
        elif nucleus not in _EITHER and nucleus not in _OPEN_ONLY:
            continue
        if tone is not None and tone[1] - len(initial) not in _tone_places(nucleus, bool(final)):
            continue
        if _spelling_ok(initial, nucleus):
            return True
    return False


def _is_syllable(word: str, strict_case: bool = False) -> bool:
    """Whether word (NFC or NFD) is spelled like one Vietnamese syllable.

    Deliberately approximate: it only has to tell real syllables from mojibake such as
    "NguyÔn" or "Vaên", not to rule on rare loan spellings. strict_case also rejects a
    capital inside the word, which proper text never has but TCVN3 ...H fonts produce
    once converted ("NGUYễN").
    """
    word = unicodedata.normalize("NFC", word)
    if strict_case and not (word.islower() or word.isupper() or word.istitle()):
        return False
    split = _split_tone(word)
    if split is None:
        return False
    bare, tone = split
    if not _LETTERS.fullmatch(bare):
        return False
    return any(
        bare.startswith(initial) and _rhyme_ok(initial, bare[len(initial) :], tone)
        for initial in _INITIALS
    )


# --- Detection ------------------------------------------------------------------------

# Everything a cp1252/Latin-1 reading of bytes can produce. Legacy text never leaves this
# set, while real Unicode Vietnamese almost always does (ễ, ư, đ or combining marks).
_BYTE_CHARS = frozenset(map(chr, range(256))) | frozenset(
    bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
)
# Only ASCII punctuation and typographic quotes separate words: many Latin-1 symbols
# (« » ¨ ª ¬ ...) are TCVN3 letters.
_WORD_SPLIT = re.compile(r"[\s!-/:-@\[-`{-~\u2013\u2014\u2018-\u201f\u2022\u2026]+")
# Unlike the decoders, these include the letters that are their own code (ý; VNI ì, í).
_TCVN3_LETTERS = frozenset(TCVN3_ENCODE.values())
_VNI_LETTERS = re.compile(
    "|".join(
        re.escape(key)
        for key in sorted(VNI_DECODE.keys() | VNI_ENCODE.values(), key=len, reverse=True)
    )
)
_ASCII_LETTER = re.compile("[A-Za-z]")
_MAX_WORDS = 5000
_MIN_VALID = 0.6
_MIN_GAIN = 0.3
_MIN_EXPLAINED = 0.7
_MIN_MARGIN = 0.2


def _legacy_words(texts: Iterable[str]) -> tuple[list[str], int]:
    """Words that could be legacy bytes, and how many words are plainly Unicode letters.

    Only words mixing an ASCII letter with a non-ASCII character count: lone symbols such
    as "«" or "£" are TCVN3 letters too, but real legacy text hardly ever has a word with
    no ASCII letter at all.
    """
    candidates: list[str] = []
    unicode_words = 0
    for text in texts:
        for word in _WORD_SPLIT.split(text):
            if word.isascii():
                continue
            outside = [char for char in word if char not in _BYTE_CHARS]
            if outside:
                if any(char.isalpha() or unicodedata.combining(char) for char in outside):
                    unicode_words += 1
            elif _ASCII_LETTER.search(word):
                candidates.append(word)
                if len(candidates) >= _MAX_WORDS:
                    return candidates, unicode_words
    return candidates, unicode_words


def _explained(word: str, encoding: Legacy) -> int:
    """How many non-ASCII characters of word are part of a letter in the encoding."""
    if encoding == "tcvn3":
        return sum(1 for char in word if char in _TCVN3_LETTERS)
    return sum(
        sum(1 for char in match.group() if not char.isascii())
        for match in _VNI_LETTERS.finditer(word)
    )


def _share(counts: Counter[str], passing: Iterable[str]) -> float:
    """Share of all words, repeats included, taken by the distinct words passing."""
    return sum(counts[word] for word in passing) / counts.total()


def detect_legacy(texts: Iterable[str]) -> Legacy | None:
    """Character statistics over sample cell texts: returns 'tcvn3' or 'vni' when the sample
    is clearly legacy-encoded, None for ordinary Unicode (including proper Vietnamese NFC/NFD
    Unicode) or plain ASCII.

    The yardstick is how many words with non-ASCII characters become Vietnamese syllables
    after conversion compared with before it, plus how many of those characters the
    encoding actually accounts for. Anything short of a clear winner gives None.
    """
    words, unicode_words = _legacy_words(texts)
    counts = Counter(words)
    total = len(words)
    # A column that is mostly proper Unicode must not be "converted" into mojibake, and a
    # single repeated word ("5 µm" reads as TCVN3 "àm") is too little to go on.
    if len(counts) < 2 or unicode_words * 4 > total:
        return None
    non_ascii = sum(n for word, n in counts.items() for char in word if not char.isascii())
    before = _share(counts, [word for word in counts if _is_syllable(word, strict_case=True)])
    after: dict[Legacy, float] = {}
    explained: dict[Legacy, float] = {}
    for encoding in _ENCODINGS:
        valid = [word for word in counts if _is_syllable(convert(word, encoding))]
        after[encoding] = _share(counts, valid)
        explained[encoding] = (
            sum(n * _explained(word, encoding) for word, n in counts.items()) / non_ascii
        )
    # A handful of words proves little, so small samples must convert without exception.
    min_valid = 1.0 if total < 3 else _MIN_VALID
    fits = [
        encoding
        for encoding in _ENCODINGS
        if after[encoding] >= min_valid
        and after[encoding] - before >= _MIN_GAIN
        and explained[encoding] >= _MIN_EXPLAINED
    ]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        return None
    # Both read well: only a clear lead, in syllables or else in characters, decides.
    for measure in (after, explained):
        if abs(measure["tcvn3"] - measure["vni"]) >= _MIN_MARGIN:
            return "tcvn3" if measure["tcvn3"] > measure["vni"] else "vni"
    return None
