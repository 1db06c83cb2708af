"""Text that a spreadsheet program would take for a formula, kept as text both ways.

A name or a unit such as `=HYPERLINK("http://…")` or `=cmd|' /C calc'!A` must never
become a live formula in a file the office opens in Excel or LibreOffice. Text that
begins with one of FORMULA_STARTS is written into .xlsx as a text cell (never a formula)
and into CSV behind one apostrophe, which spreadsheet programs read as "this is text";
our importers take that apostrophe off again, so the value reads back unchanged.

An apostrophe is added only where it is needed, and also before text that already begins
with apostrophes followed by a formula start: taking one off on reading is then exact.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet program could read this text as a formula (or as a guarded
    one: apostrophes then a formula start)."""
    stripped = value.lstrip("'")
    return stripped[:1] in FORMULA_STARTS and stripped != ""


def guard_csv(value: str) -> str:
    return "'" + value if looks_like_formula(value) else value


def unguard_csv(value: str) -> str:
    if value[:1] == "'" and looks_like_formula(value[1:]):
        return value[1:]
    return value
