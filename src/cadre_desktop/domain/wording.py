"""Small pieces of Vietnamese wording shared by the services and the command line.

Numbers group thousands with "." (1.502.215), as money does (domain.money). File sizes are
given two ways, and only these two:
- exactly, in bytes: "1.502.215 byte" (limits, refusals, what a command wrote);
- rounded, for people: "1,43 MB", two decimals after a comma, with the units Windows
  Explorer shows clerks (KB, MB, GB of 1024), so the figure matches what they see next to
  the file. The GUI gets the same from QLocale.formattedDataSize in its traditional format.
"""

from __future__ import annotations

_UNITS = ("KB", "MB", "GB", "TB")


def format_count(n: int) -> str:
    """1502215 -> '1.502.215'."""
    sign = "-" if n < 0 else ""
    return sign + f"{abs(int(n)):,}".replace(",", ".")


def format_bytes(n: int) -> str:
    """1502215 -> '1.502.215 byte'."""
    return f"{format_count(n)} byte"


def format_size(n: int) -> str:
    """1502215 -> '1,43 MB'; under 1 KB the exact count ('512 byte')."""
    if abs(n) < 1024:
        return format_bytes(n)
    value = n / 1024
    power = 0
    while abs(value) >= 1024 and power < len(_UNITS) - 1:
        value /= 1024
        power += 1
    unit = _UNITS[power]
    whole, _, decimals = f"{abs(value):.2f}".partition(".")
    sign = "-" if value < 0 else ""
    return f"{sign}{format_count(int(whole))},{decimals} {unit}"


def class_phrase(name: str) -> str:
    """'lớp X' for a class named X, without doubling the word when the name already starts
    with it: 'Lớp kỹ năng số' -> 'lớp kỹ năng số', 'K12' -> 'lớp K12'."""
    stripped = name.strip()
    head, _, _rest = stripped.partition(" ")
    if head.casefold() == "lớp":
        return "lớp" + stripped[len(head):]
    return f"lớp {stripped}"
