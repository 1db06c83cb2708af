"""Files that hold personal data: created readable by their owner only, written whole.

The database, its backups, exports, printed documents (PDF), bundles and the lock file
hold ID numbers, party status, discipline, rotation-deferral dates or the clerk's account
(Decree 13/2023/NĐ-CP): on POSIX they are created 0600 (owner read/write), and an existing
database opened for writing is narrowed to that. Every file the program writes for the
clerk goes through this module (written_whole, write_private, copy_private), whatever the
umask: one place decides the permissions.
On Windows the files inherit the user profile folder's access list, which already
limits them to their owner.

An output file is written under a temporary name beside it and renamed over the target
only when complete, so a failed export (a full disk, a cancel) leaves no partial file and
never damages an older file of the same name.

A database file is checked before SQLite touches it: an empty (0-byte) or non-SQLite file
is refused and left exactly as it is, never turned into a new office.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from cadre_desktop.domain.errors import DatabaseError, UserError
from cadre_desktop.store.failures import FULL

PRIVATE = 0o600
SQLITE_HEADER = b"SQLite format 3\x00"


def create_private(path: Path) -> None:
    """Create an empty file readable by its owner only (nothing when it exists)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))


def make_private(path: Path) -> None:
    """Narrow an existing file to its owner (older versions created databases 0644)."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass  # a file of another user or on a read-only medium: reading it is still fine


def private_dir(path: Path) -> None:
    """A folder for private files (backups): created 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


@contextlib.contextmanager
def written_whole(target: str | Path) -> Iterator[Path]:
    """Yield a private temporary path beside target; when the block ends without an
    error it replaces target, otherwise it is removed and target is left as it was."""
    target = Path(target)
    if target.is_dir():
        raise UserError(f"{target} là một thư mục: hãy ghi tên tệp")
    if not target.parent.is_dir():
        raise UserError(f"Không có thư mục {target.parent}: hãy tạo thư mục trước")
    temporary = partial_path(target)
    try:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        create_private(temporary)
    except OSError as exc:  # the clerk's file is named, not our temporary one
        raise cannot_write(target, exc) from exc
    try:
        yield temporary
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise cannot_write(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def why_not_written(exc: OSError) -> str:
    """Why a file could not be written, in the clerk's words."""
    if exc.errno == errno.EROFS:
        return "ổ đĩa hoặc thư mục này chỉ cho đọc (read-only)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền ghi vào thư mục này"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "ổ đĩa đã đầy"
    return exc.strerror or str(exc)


class NotWritten(UserError):
    """An output file (an export, the list of rejected rows) that could not be written;
    the message names the clerk's file. A full disk keeps the one full-disk message,
    true for an export (nothing was changed); `reason` serves a caller whose work was
    already done."""

    def __init__(self, target: Path, exc: OSError) -> None:
        self.target = target
        self.reason = why_not_written(exc)
        full = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
        super().__init__(FULL if full else f"Không ghi được tệp {target}: {self.reason}.")


def cannot_write(target: Path, exc: OSError) -> NotWritten:
    return NotWritten(target, exc)


def check_writable(target: Path) -> None:
    """Before work that cannot be taken back (an import that commits), make sure the file
    that reports on it can be written: a private temporary file with a little data is
    created beside target and removed. (The disk may still fill before the real file.)"""
    if target.is_dir():
        raise UserError(f"{target} là một thư mục: hãy ghi tên tệp")
    if not target.parent.is_dir():
        raise UserError(f"Không có thư mục {target.parent}: hãy tạo thư mục trước")
    probe = target.with_name(f".{target.name}.{os.getpid()}.check")
    try:
        descriptor = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {target}: {why_not_written(exc)}.") from exc
    try:
        try:
            os.write(descriptor, bytes(4096))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {target}: {why_not_written(exc)}.") from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def folder_writable(path: Path) -> bool:
    """Whether files can be created beside path (False on a read-only medium too)."""
    return os.access(path.parent, os.W_OK | os.X_OK)


def write_private(target: str | Path, data: bytes, *, durable: bool = False) -> None:
    """Write `data` as the whole of `target`, owner-only, in one step (written_whole).
    durable: on disk before the rename (a bundle that a power cut must not truncate)."""
    with written_whole(target) as temporary, temporary.open("wb") as out:
        out.write(data)
        if durable:
            out.flush()
            os.fsync(out.fileno())


def copy_private(source: str | Path, target: str | Path) -> None:
    """Copy `source` to `target` owner-only, whatever the source's permissions (a plain
    copy would give the copy the usual, world-readable ones)."""
    with written_whole(target) as temporary, Path(source).open("rb") as given, \
            temporary.open("wb") as out:
        shutil.copyfileobj(given, out)


def open_private(path: Path) -> IO[str]:
    """Open (create when missing) a small text file for reading and appending, owner-only:
    the lock file beside the database names the clerk's account."""
    descriptor = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, PRIVATE)
    try:
        handle = os.fdopen(descriptor, "a+", encoding="utf-8")
    except BaseException:
        os.close(descriptor)
        raise
    make_private(path)  # one created 0644 by an older version
    return handle


def check_database_file(path: Path) -> None:
    """Refuse what is not a database file, before SQLite could make it one."""
    if path.is_dir():
        raise DatabaseError(f"{path.name} là một thư mục, không phải tệp dữ liệu")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Không đọc được tệp dữ liệu {path.name}: "
                            f"{exc.strerror or exc}") from exc
    if not head:
        raise DatabaseError(
            f"Tệp {path.name} rỗng (0 byte), không phải tệp dữ liệu Cadre Desktop: tệp không "
            "bị thay đổi. Hãy chọn đúng tệp, hoặc một tên tệp chưa có để tạo dữ liệu mới.")
    if head != SQLITE_HEADER:
        raise DatabaseError(
            f"Tệp {path.name} không phải tệp dữ liệu Cadre Desktop: tệp không bị thay đổi.")


def refuse_foreign_sqlite(conn: sqlite3.Connection, path: Path) -> None:
    """A SQLite file of another program (tables, but none of our layout) is not ours to
    add tables to."""
    tables = conn.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if tables:
        raise DatabaseError(
            f"Tệp {path.name} là dữ liệu SQLite của một chương trình khác, không phải của "
            "Cadre Desktop: tệp không bị thay đổi.")
