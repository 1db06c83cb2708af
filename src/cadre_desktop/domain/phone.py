"""Phone numbers: text with the leading zero Excel likes to drop."""

from __future__ import annotations

from cadre_desktop.domain.errors import InvalidInput


def normalise_phone(raw: object) -> tuple[str, list[str]] | None:
    """Digits as text (a leading '+84' kept as '0'); restores a dropped leading zero."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = "".join(ch for ch in str(raw).strip() if ch not in " .-()")
    if not text:
        return None
    if text.startswith("+84"):
        text = "0" + text[3:]
    if not text.isdigit():
        raise InvalidInput(f"Số điện thoại '{raw}' không hợp lệ", "phone")
    warnings: list[str] = []
    if len(text) == 9 and not text.startswith("0"):
        warnings.append(f"Số điện thoại '{text}' thiếu số 0 ở đầu; đã khôi phục thành '0{text}'")
        text = "0" + text
    if len(text) not in (10, 11):
        raise InvalidInput(f"Số điện thoại '{raw}' phải có 10 chữ số", "phone")
    return text, warnings
