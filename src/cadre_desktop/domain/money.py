"""Vietnamese money: no minor unit, '.' groups thousands."""

from __future__ import annotations

import re

from cadre_desktop.domain.errors import InvalidInput

# What people write around and between the digits of an amount.
_MONEY_NOISE = re.compile(r"[\s.,]|đồng|đ|vnd", re.IGNORECASE)


def format_vnd(amount: int | None, unit: str = "đ") -> str:
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(int(amount)):,}".replace(",", ".")
    return f"{sign}{grouped} {unit}".strip()


def parse_vnd(value: str, field: str = "amount") -> int | None:
    """'1.340.000.000 đồng', '1340000000', '1 340 000 000đ' -> 1340000000; blank -> None.
    Anything else (a sign, a decimal part, letters) is refused with the field named."""
    digits = _MONEY_NOISE.sub("", value)
    if not digits:
        return None
    if not digits.isdigit() or not digits.isascii():
        raise InvalidInput(f"'{value.strip()}' không phải số tiền (đồng)", field)
    return int(digits)
