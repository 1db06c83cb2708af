"""Unit names as clerks write them: abbreviations, numbers with leading zeros, typos.

"Chi đoàn KP 3", "CĐ Khu phố 03" and "Chi đoàn Khu phố 3" name one unit: the common
abbreviations are expanded and numbers compared by value before names are compared
(accent- and case-insensitively). A name that still matches no unit is a new unit; the
existing names nearest to it are offered so that the clerk can tell a typo from a unit
that really is new.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from cadre_desktop.domain import text

# Abbreviation -> the words it stands for, as written in unit names of Đoàn offices.
# Place names are expanded wherever they stand; the kind of a unit only at the start of
# a name ("CĐ Khu phố 3"), because inside one it may mean something else ("Đoàn trường
# CĐ Kỹ thuật" is a college, cao đẳng).
PLACES = {"KP": "Khu phố", "TDP": "Tổ dân phố"}
KINDS = {
    "CĐ": "Chi đoàn", "CD": "Chi đoàn", "LCĐ": "Liên chi đoàn", "LCD": "Liên chi đoàn",
    "ĐCS": "Đoàn cơ sở", "DCS": "Đoàn cơ sở", "ĐTN": "Đoàn thanh niên",
    "DTN": "Đoàn thanh niên",
}
ABBREVIATIONS = {**PLACES, **KINDS}


def _alternatives(words: dict[str, str]) -> str:
    forms = {*words, *(".".join(word) for word in words)}  # "KP" and "K.P"
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# An abbreviation standing alone or glued to a number ("KP3", "K.P.3", "TDP.12").
_END = r"\.?(?=\s|\d|$|[/>,;-])"
_PLACE = re.compile(r"(?<![\w.])(" + _alternatives(PLACES) + ")" + _END, re.IGNORECASE)
_KIND = re.compile(r"(?:^|(?<=[/>]))(\s*)(" + _alternatives(KINDS) + ")" + _END,
                   re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
SIMILAR_COUNT = 3
SIMILAR_CUTOFF = 0.6


def _word(found: str) -> str:
    return ABBREVIATIONS.get(found.upper().replace(".", ""), found)


def expand(name: str) -> str:
    """The name with its abbreviations written out: 'CĐ KP3' -> 'Chi đoàn Khu phố 3'."""
    cleaned = text.clean(name)

    def spaced(word: str, end: int, source: str) -> str:
        return word + " " if source[end:end + 1].isdigit() else word

    cleaned = _KIND.sub(lambda m: m.group(1) + spaced(_word(m.group(2)), m.end(), m.string),
                        cleaned)
    cleaned = _PLACE.sub(lambda m: spaced(_word(m.group(1)), m.end(), m.string), cleaned)
    return text.clean(cleaned)


def match_key(name: str) -> str:
    """What two names must share to name the same unit."""
    folded = text.fold(expand(name))
    return _NUMBER.sub(lambda m: str(int(m.group())), folded)


def similar(name: str, candidates: Iterable[tuple[str, str]],
            count: int = SIMILAR_COUNT) -> list[str]:
    """The values among candidates (match key, value) whose keys are nearest to the
    name's, best first."""
    by_key: dict[str, str] = {}
    for key, display in candidates:
        by_key.setdefault(key, display)
    wanted = match_key(name)
    close = difflib.get_close_matches(wanted, list(by_key), n=count, cutoff=SIMILAR_CUTOFF)
    return [by_key[key] for key in close]
