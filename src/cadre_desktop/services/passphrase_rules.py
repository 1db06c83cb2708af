"""What makes an office passphrase acceptable.

The passphrase seals the office's private keys (scrypt, sync.crypto); whoever guesses it
can sign bundles as the office. A guesser tries the common passwords first, so those are
refused outright, and so is anything short or made of one repeated character. A
passphrase of several words ("mùa thu Gia Lộc năm 2025") is easy to remember and long.
"""

from __future__ import annotations

import functools
from importlib import resources

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput

MIN_PASSPHRASE = 10
MIN_DISTINCT = 5


@functools.lru_cache(maxsize=1)
def common_passphrases() -> frozenset[str]:
    """The list in resources/common_passphrases.txt (folded, one per line)."""
    data = resources.files("cadre_desktop").joinpath("resources/common_passphrases.txt")
    lines = data.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _folded(value: str) -> str:
    return text.fold(value)


def passphrase_problem(passphrase: str, *, office_words: tuple[str, ...] = ()) -> str | None:
    """Why a new passphrase is refused (Vietnamese), or None."""
    stripped = passphrase.strip()
    if len(stripped) < MIN_PASSPHRASE:
        return (f"Mật khẩu của đơn vị phải có ít nhất {MIN_PASSPHRASE} ký tự (không tính dấu "
                "cách ở đầu và cuối); nên dùng vài từ dễ nhớ, ví dụ 'mùa thu Gia Lộc 2025'.")
    if len(set(stripped)) < MIN_DISTINCT:
        return (f"Mật khẩu của đơn vị cần ít nhất {MIN_DISTINCT} ký tự khác nhau, không chỉ "
                "lặp lại vài ký tự.")
    folded = _folded(stripped)
    squeezed = folded.replace(" ", "")
    if folded in common_passphrases() or squeezed in common_passphrases():
        return "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán: hãy chọn khác."
    for word in office_words:
        if word and _folded(word).replace(" ", "") == squeezed:
            return "Mật khẩu không được trùng với mã hoặc tên đơn vị: hãy chọn khác."
    return None


def check_passphrase(passphrase: str, *, office_words: tuple[str, ...] = ()) -> None:
    problem = passphrase_problem(passphrase, office_words=office_words)
    if problem is not None:
        from cadre_desktop.sync.crypto import FORGOTTEN

        raise InvalidInput(f"{problem} {FORGOTTEN}", "passphrase")
