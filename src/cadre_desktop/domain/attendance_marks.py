"""The marks clerks already type in their Excel attendance sheets, read as the office's own
status codes.

Offices keep their own list of statuses (C, M, P, K by default). Paper and Excel sheets
made before the program mostly use "x" for present and "v" (vắng) for absent; refusing
them made every old sheet fail. They are read as aliases, only where the office has not
given that letter a meaning of its own: an office's own short code always wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

S = TypeVar("S")

# typed mark (upper case) -> status code it stands for. "V" says absent without saying
# why: it is read as absent without leave, which is what the sheet shows until the clerk
# records a leave.
ALIASES: dict[str, str] = {"X": "co_mat", "V": "khong_phep"}


def accepted(by_short: Mapping[str, S], code_of: Callable[[S], str]) -> dict[str, S]:
    """The office's statuses by short code (upper case), plus the aliases whose status the
    office still has and whose letter it does not use itself."""
    by_code = {code_of(status): status for status in by_short.values()}
    found = dict(by_short)
    for alias, code in ALIASES.items():
        if alias not in found and code in by_code:
            found[alias] = by_code[code]
    return found


def describe_aliases(by_short: Mapping[str, S], code_of: Callable[[S], str],
                     short_of: Callable[[S], str]) -> str:
    """'x = C, v = K' for the aliases in force, for messages that list what may be typed."""
    extra = accepted(by_short, code_of)
    return ", ".join(f"{alias.lower()} = {short_of(extra[alias])}"
                     for alias in ALIASES if alias in extra and alias not in by_short)
