"""One app instance per database: an OS-level lock on a file next to it.

The lock is released by the OS when the process ends, so a crash never leaves a stale
lock behind (unlike a file that merely exists).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from cadre_desktop.domain.errors import DatabaseError


class InstanceLock:
    def __init__(self, handle: IO[str], path: Path) -> None:
        self._handle = handle
        self.path = path

    def release(self) -> None:
        if self._handle.closed:
            return
        _unlock(self._handle)
        self._handle.close()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def acquire(db_path: str | Path) -> InstanceLock:
    """Take the lock or raise DatabaseError saying the file is open elsewhere."""
    db_path = Path(db_path)
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the app's lifetime
    if not _try_lock(handle):
        handle.seek(0)
        holder = handle.read().strip()
        handle.close()
        raise DatabaseError(
            f"Tệp dữ liệu {db_path.name} đang được mở trong một cửa sổ Cadre Desktop khác"
            + (f" (tiến trình {holder})" if holder else "")
            + ". Hãy dùng cửa sổ đó hoặc đóng nó trước."
        )
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return InstanceLock(handle, path)
