"""Vietnamese money: no minor unit, '.' groups thousands."""

from __future__ import annotations


def format_vnd(amount: int | None, unit: str = "đ") -> str:
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(int(amount)):,}".replace(",", ".")
    return f"{sign}{grouped} {unit}".strip()
