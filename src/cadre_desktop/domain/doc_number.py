"""Document and certificate numbers as Đoàn documents print them (Hướng dẫn 29-HD/TWĐTN-VP).

A document number is "Số: 15-DS/ĐTN": the number from the office's register (15), the kind
of document (DS: danh sách) and the issuing body's symbol (ĐTN), which is an office setting.
The clerk types the number; typing the whole "15-DS/ĐTN" as it reads in the register is
understood too and never doubles the tail. A kind or a symbol that is not the one the
document and the settings give is refused with the reason, never printed as typed.

A certificate number follows the office's pattern ("{số}/GCN-{ký hiệu}" gives
"15/GCN-ĐTN"), with a sequence that starts again every year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput

# Blank space the clerk fills by hand with the number from the register.
BLANK_NUMBER = "\u00a0" * 6
PREFIX = "Số: "
CERTIFICATE_PATTERN = "{số}/GCN-{ký hiệu}"

_NUMBER = re.compile(r"\d{1,7}")
# "Số", "Số:", "Số." and "So" at the start, as a clerk may copy it from the register.
_SAYS_NUMBER = re.compile(r"^s[oố]\s*[:.]?\s*", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Placeholder names, accent- and case-insensitively, Vietnamese or English.
_FIELDS = {"so": "seq", "seq": "seq", "nam": "year", "year": "year", "ky hieu": "symbol",
           "kyhieu": "symbol", "symbol": "symbol"}


def symbol_of(setting: str | None) -> str:
    """The office's symbol as the settings hold it ("ĐTN"), without a slash typed before it."""
    return text.clean(text.clean(setting).lstrip("/").strip())


def number_line(number: str | None, kind: str, symbol: str) -> str:
    """'Số: 15-DS/ĐTN' for a number already checked; a blank to fill when None."""
    value = number or BLANK_NUMBER
    tail = f"/{symbol_of(symbol)}" if symbol_of(symbol) else ""
    return f"{PREFIX}{value}-{kind}{tail}"


@dataclass(frozen=True)
class NumberCheck:
    """What a typed document number gives: the number alone, the line printed, and why it
    cannot be used ('' when it can)."""

    number: str | None
    line: str
    message: str

    @property
    def ok(self) -> bool:
        return not self.message


def _split(typed: str) -> tuple[str, str, str | None]:
    """'15-DS/ĐTN' -> ('15', 'DS', 'ĐTN'); missing parts are '' (kind) or None (symbol)."""
    rest = _SAYS_NUMBER.sub("", typed, count=1)
    match = _NUMBER.match(rest)
    number = match.group(0) if match else ""
    rest = rest[len(number):].strip()
    kind, symbol = "", None
    if "/" in rest:
        rest, symbol = rest.split("/", 1)
        symbol = symbol.strip()
    rest = rest.strip()
    if rest.startswith("-"):
        kind = rest[1:].strip()
    elif rest:
        kind = "\0" + rest  # text after the number that is neither "-KIND" nor "/SYMBOL"
    return number, kind, symbol


def check_number(typed: str | None, kind: str, symbol: str) -> NumberCheck:
    """Read what the clerk typed in the number field of a document of `kind` ("DS")."""
    symbol = symbol_of(symbol)
    value = text.clean(typed)
    if not value:
        return NumberCheck(None, number_line(None, kind, symbol), "")
    number, typed_kind, typed_symbol = _split(value)
    expected = number_line("15", kind, symbol).removeprefix(PREFIX)
    message = ""
    if not number or typed_kind.startswith("\0"):
        message = (f"Chỉ nhập số văn bản theo sổ, ví dụ 15 (in ra “{PREFIX}{expected}”).")
    elif typed_kind and text.fold(typed_kind) != text.fold(kind):
        message = (f"Văn bản này có loại “{kind}”, không phải “{typed_kind}”: chỉ nhập số, "
                   f"ví dụ 15 (in ra “{PREFIX}{expected}”).")
    elif typed_symbol is not None and text.fold(typed_symbol) != text.fold(symbol):
        if symbol:
            message = (f"Ký hiệu “{typed_symbol}” khác ký hiệu của đơn vị trong Thiết lập "
                       f"(“{symbol}”): chỉ nhập số, ký hiệu lấy theo Thiết lập.")
        else:
            message = (f"Đơn vị chưa đặt ký hiệu văn bản trong Thiết lập: đặt “{typed_symbol}” "
                       "ở đó rồi chỉ nhập số ở đây.")
    if message:
        return NumberCheck(None, number_line(None, kind, symbol), message)
    return NumberCheck(number, number_line(number, kind, symbol), "")


def parse_number(typed: str | None, kind: str, symbol: str) -> str | None:
    """The number alone ("15") from what was typed, None when blank; InvalidInput with the
    reason when it cannot be used."""
    found = check_number(typed, kind, symbol)
    if found.message:
        raise InvalidInput(found.message, "number")
    return found.number


def check_certificate_pattern(pattern: str) -> str:
    """'' when `pattern` makes certificate numbers, else why not (in Vietnamese)."""
    names = _PLACEHOLDER.findall(pattern)
    unknown = [n for n in names if text.fold(n) not in _FIELDS]
    if unknown:
        return (f"Không hiểu “{{{unknown[0]}}}” trong mẫu số giấy chứng nhận: dùng {{số}}, "
                "{năm} và {ký hiệu}.")
    if "seq" not in {_FIELDS[text.fold(n)] for n in names}:
        return "Mẫu số giấy chứng nhận phải có {số} (số thứ tự trong năm), ví dụ {số}/GCN-ĐTN."
    return ""


def certificate_number(seq: int, year: int, symbol: str,
                       pattern: str = CERTIFICATE_PATTERN) -> str:
    """'15/GCN-ĐTN' from the default pattern; without a symbol, '15/GCN'."""
    pattern = text.clean(pattern) or CERTIFICATE_PATTERN
    if check_certificate_pattern(pattern):
        pattern = CERTIFICATE_PATTERN
    values = {"seq": str(seq), "year": str(year), "symbol": symbol_of(symbol)}
    number = _PLACEHOLDER.sub(lambda m: values[_FIELDS[text.fold(m.group(1))]], pattern)
    return number.strip().rstrip("-/ ").lstrip("-/ ")
