"""Vietnamese text: normalisation, accent-insensitive folding, official sort keys.

Official lists sort by tên, then họ, then đệm. Each word compares first by its
letters in Vietnamese alphabet order (a ă â b c d đ e ê ...) and only then by
its tone (none < huyền < hỏi < ngã < sắc < nặng). The key built here is a plain
string whose binary order is that order, so SQLite can index and sort it with
the default BINARY collation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")

# Characters refused in every text a clerk or a file gives (names, units, notes, lists),
# as bundles refuse them: C0 controls except tab/newline/CR, DEL, C1 controls, and the
# bidirectional embeddings, overrides, isolates and marks. A name holding U+202E renders
# differently from what it says (and the province would refuse the office's bundle).
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                             "\u202a-\u202e\u2066-\u2069]")


def forbidden_char(value: str) -> str | None:
    """'U+202E' for the first refused character of the text, or None. Messages name the
    code point, never the text itself: the text may be built to mislead when shown."""
    found = FORBIDDEN_CHARS.search(value)
    return f"U+{ord(found.group()):04X}" if found else None


def forbidden_message(label: str, code_point: str) -> str:
    return (f"{label} có ký tự điều khiển hoặc ký tự đảo chiều văn bản ({code_point}), "
            "không nhận: hãy gõ lại ô này")


def refuse_forbidden(value: str, label: str, field: str) -> None:
    """Raise InvalidInput (naming the field, not showing the text) for a refused character."""
    bad = forbidden_char(value)
    if bad is not None:
        from cadre_desktop.domain.errors import InvalidInput

        raise InvalidInput(forbidden_message(label, bad), field)

# Tone marks as combining characters after NFD, in official order.
_TONES = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
# Marks that make a different letter (ă, â, ê, ô, ơ, ư), not a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
# Letters get code points well above the separators and digits used below.
_LETTER_CODE = {letter: chr(0x60 + i) for i, letter in enumerate(_ALPHABET)}

# Separators, lower than any letter or digit so that a shorter word or name sorts first.
_END_FIELD = "\x01"
_END_LETTERS = "\x02"
_END_WORD = "\x03"


def clean(text: str | None) -> str:
    """NFC with single spaces and no leading or trailing space; None becomes ''."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def capitalise_words(text: str) -> str:
    """Each word with a capital first letter: 'Lê Thị Ngọc ánh' -> 'Lê Thị Ngọc Ánh'.
    For names read from TCVN3/VNI text, whose fonts have no capital toned letters, so that
    clerks typed them in lower case. The rest of each word is left as written."""
    return " ".join(w[:1].upper() + w[1:] if w[:1].islower() else w for w in text.split(" "))


def fold(text: str | None) -> str:
    """Accent- and case-insensitive form for search: 'Nguyễn Đức' -> 'nguyen duc'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def _letters(word: str) -> list[tuple[str, int]]:
    """Split one word into (base letter, tone) pairs, lower-cased."""
    pairs: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in _TONES:
            if pairs:
                base, _ = pairs[-1]
                pairs[-1] = (base, _TONES[ch])
            continue
        if ch in _LETTER_MARKS and pairs:
            base, tone = pairs[-1]
            pairs[-1] = (unicodedata.normalize("NFC", base + ch), tone)
            continue
        if unicodedata.combining(ch):
            continue
        pairs.append((ch, 0))
    return pairs


# Words repeat endlessly in a roster (Nguyễn, Văn, Thị, Anh): each is keyed once.
@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    pairs = _letters(word)
    letters = []
    for base, _tone in pairs:
        code = _LETTER_CODE.get(base)
        if code is None:
            # Digits sort before letters; anything else after them, in code-point order.
            code = base if base.isdigit() else chr(0x100 + ord(base))
        letters.append(code)
    tones = "".join(chr(0x30 + tone) for _base, tone in pairs)
    return "".join(letters) + _END_LETTERS + tones + _END_WORD


def _field_key(text: str) -> str:
    # Numbers compare by value ("Khu phố 2" before "Khu phố 10"): pad them to one width.
    words = (w.zfill(8) if w.isdigit() else w for w in clean(text).split(" ") if w)
    return "".join(_word_key(w) for w in words) + _END_FIELD


def name_sort_key(family_middle: str | None, given: str | None) -> str:
    """Sort key for a person: tên first, then họ, then đệm, word by word."""
    return _field_key(given or "") + _field_key(family_middle or "")


def text_sort_key(text: str | None) -> str:
    """Sort key for other Vietnamese text (unit names, positions) in alphabet order."""
    return _field_key(text or "")


def full_name(family_middle: str | None, given: str | None) -> str:
    return clean(f"{family_middle or ''} {given or ''}")


def split_full_name(name: str) -> tuple[str, str]:
    """Split a full name typed as one string into (họ và tên đệm, tên) at the last word.

    Only for input that arrives as one string (an import column, a typed name); a stored
    name is never re-split.
    """
    words = clean(name).split(" ")
    if len(words) == 1:
        return "", words[0]
    return " ".join(words[:-1]), words[-1]
