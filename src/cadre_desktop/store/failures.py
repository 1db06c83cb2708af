"""SQLite's and the system's failures in the clerk's words.

A damaged database, a full disk at COMMIT, a file locked by another program: each is
something the clerk can act on (restore a backup, free space, close the other program),
so it is reported as a DatabaseError with a clear message instead of a traceback. The
transaction that met it has been rolled back (Database.write), so the data is as it was.
"""

from __future__ import annotations

import errno
import sqlite3

from cadre_desktop.domain.errors import DatabaseError

_DAMAGED = ("malformed", "not a database", "file is encrypted", "disk i/o error",
            "corrupt")
_FULL = ("database or disk is full", "disk is full")
_LOCKED = ("database is locked", "database table is locked", "busy")
_READ_ONLY = ("readonly database", "read-only", "attempt to write a readonly")

DAMAGED = ("Tệp dữ liệu bị hỏng (SQLite báo hỏng trang dữ liệu): việc vừa làm không được "
           "thực hiện. Hãy khôi phục bản sao lưu gần nhất (Tệp → Sao lưu và khôi phục) và "
           "giữ lại tệp hỏng để kiểm tra.")
FULL = ("Ổ đĩa đã đầy, không ghi được: việc vừa làm đã được hủy và dữ liệu giữ nguyên như "
        "trước. Hãy giải phóng chỗ trống rồi làm lại.")
LOCKED = ("Tệp dữ liệu đang bị một chương trình khác khóa (đang ghi hoặc sao chép): việc "
          "vừa làm không được thực hiện. Hãy đợi chương trình đó xong rồi làm lại.")
DUPLICATE_ID = ("Số CCCD này đã có ở một người khác của đơn vị (có thể vừa được nhập từ một "
                "cửa sổ hoặc lệnh khác): việc vừa làm đã được hủy, dữ liệu giữ nguyên. Hãy "
                "tìm người đó trong danh sách.")
READ_ONLY = ("Không ghi được vào tệp dữ liệu (tệp hoặc thư mục chỉ cho đọc): dữ liệu không "
             "thay đổi.")


def explain(exc: BaseException) -> DatabaseError | None:
    """The clerk's message for a failure of SQLite or of the disk, or None for a bug."""
    if isinstance(exc, sqlite3.Error) and not isinstance(
            exc, sqlite3.ProgrammingError | sqlite3.InterfaceError):
        message = str(exc).lower()
        if "duplicate live citizen_id" in message:  # the ID number guard (a migration)
            return DatabaseError(DUPLICATE_ID)
        extended = getattr(exc, "sqlite_errorcode", None)
        code = extended & 0xFF if isinstance(extended, int) else None
        if code == 13 or any(m in message for m in _FULL):  # SQLITE_FULL
            return DatabaseError(FULL)
        if code in (5, 6) or any(m in message for m in _LOCKED):  # BUSY, LOCKED
            return DatabaseError(LOCKED)
        if code == 8 or any(m in message for m in _READ_ONLY):  # SQLITE_READONLY
            return DatabaseError(READ_ONLY)
        if code in (10, 11, 26) or any(m in message for m in _DAMAGED):  # IOERR, CORRUPT
            return DatabaseError(DAMAGED)
        return None
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DatabaseError(FULL)
        name = f" {exc.filename}" if exc.filename else ""
        if exc.errno == errno.EROFS:
            return DatabaseError(f"Không ghi được tệp{name}: ổ đĩa hoặc thư mục này chỉ cho "
                                 "đọc (read-only); dữ liệu không thay đổi.")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return DatabaseError(f"Không có quyền ghi hoặc đọc tệp{name}: dữ liệu không "
                                 "thay đổi.")
    return None
