"""How big a file the importers read, and the clerk's message when one is bigger.

A hostile or broken file must not take the machine's memory: a 2 MB .xlsx can declare
twenty million shared strings, or a million rows. The limits are far above any office's
real lists (the largest office holds about 30,000 members) and are checked while reading,
before the memory is spent.
"""

from __future__ import annotations

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.money import format_vnd

MAX_ROWS = 200_000  # sheet rows (a CSV file's records)
MAX_COLUMNS = 500  # cells in one row
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_SHARED_STRINGS = 1_500_000  # entries of an .xlsx shared string table
MAX_SHARED_CHARS = 30_000_000  # characters of that table altogether
MAX_XLS_BYTES = 64 * 1024 * 1024  # an old .xls is read whole: its size bounds the memory


def _n(value: int) -> str:
    return format_vnd(value, "")  # Vietnamese grouping: 200.000


def too_many_rows(name: str) -> UserError:
    return UserError(
        f"Tệp {name} có hơn {_n(MAX_ROWS)} dòng, quá giới hạn một lần nhập: hãy chia danh "
        "sách thành nhiều tệp nhỏ hơn.")


def too_many_columns(name: str, row: int) -> UserError:
    return UserError(
        f"Dòng {_n(row)} của tệp {name} có hơn {_n(MAX_COLUMNS)} cột: tệp không phải một "
        "danh sách thông thường hoặc đã bị hỏng.")


def cell_too_long(name: str, row: int, column: str = "") -> UserError:
    where = f"Ô {column}{row}" if column else f"Một ô ở dòng {_n(row)}"
    return UserError(
        f"{where} của tệp {name} dài hơn {_n(MAX_CELL_CHARS)} ký tự (giới hạn của Excel): "
        "hãy sửa ô đó rồi nhập lại.")


def too_many_strings(name: str) -> UserError:
    return UserError(
        f"Tệp {name} chứa quá nhiều chữ (hơn {_n(MAX_SHARED_STRINGS)} mục hoặc "
        f"{_n(MAX_SHARED_CHARS)} ký tự): tệp không phải một danh sách thông thường hoặc đã "
        "bị hỏng.")


def xls_too_big(name: str) -> UserError:
    return UserError(
        f"Tệp {name} (dạng .xls cũ) lớn hơn {_n(MAX_XLS_BYTES // (1024 * 1024))} MB: hãy mở "
        "bằng Excel và lưu lại dạng .xlsx.")


def column_letter(index: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
