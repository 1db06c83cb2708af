"""One writer per database: an OS-level lock on a file next to it.

The GUI holds it while its window is open; every command that writes takes it for its
run (store.db.cli_writer_locks), so two imports, or an import and the window, never
write at once. The file holds who took the lock (the program's part, the process, the
user and when), so a refusal says who holds it. The lock is released by the OS when the
process ends, so a crash never leaves a stale lock behind (unlike a file that merely
exists).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import IO

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.store import files

WINDOW = "cửa sổ Cadre Desktop"


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


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors on odd systems; the name is cosmetic
        return ""


def describe_holder(content: str) -> str:
    """'lệnh roster import (tiến trình 4242, người dùng lan, từ 09:15 14/05/2025)'."""
    try:
        holder = json.loads(content)
        who = str(holder.get("who") or WINDOW)
        pid, user, since = holder.get("pid"), holder.get("user"), holder.get("since")
    except (ValueError, AttributeError):  # an older program wrote only its process id
        return f"{WINDOW} (tiến trình {content})" if content.strip() else "một chương trình khác"
    details = [f"tiến trình {pid}"] if pid else []
    if user:
        details.append(f"người dùng {user}")
    if since:
        try:
            moment = dt.datetime.fromisoformat(str(since)).astimezone()
            details.append(f"từ {moment:%H:%M %d/%m/%Y}")
        except ValueError:
            pass
    return who + (f" ({', '.join(details)})" if details else "")


def _holder_text(handle: IO[str], wait_s: float = 0.5) -> str:
    """What the holder wrote about itself. It writes that just after taking the lock, so
    a program arriving in between finds the file empty (or half written): it waits a
    moment for it rather than say "another program"."""
    deadline = time.monotonic() + wait_s
    while True:
        handle.seek(0)
        content = handle.read()
        try:
            json.loads(content)
            return content
        except ValueError:
            if time.monotonic() >= deadline:
                return content
        time.sleep(0.01)


def acquire(db_path: str | Path, who: str = WINDOW) -> InstanceLock:
    """Take the lock or raise DatabaseError saying who holds it. who: what takes it, in
    the clerk's words ("cửa sổ Cadre Desktop", "lệnh roster import")."""
    db_path = Path(db_path)
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Held for the app's lifetime; owner-only: it names the clerk's account.
    try:
        handle = files.open_private(path)
    except OSError as exc:  # a read-only folder or medium: name the clerk's file
        raise OSError(exc.errno, exc.strerror, str(db_path)) from exc
    if not _try_lock(handle):
        holder = describe_holder(_holder_text(handle))
        handle.close()
        raise DatabaseError(
            f"Tệp dữ liệu {db_path.name} đang được mở để ghi bởi {holder}. Hãy đợi việc đó "
            "xong (hoặc đóng cửa sổ đó) rồi làm lại; dữ liệu không thay đổi."
        )
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps({"who": who, "pid": os.getpid(), "user": _user(),
                             "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
                            ensure_ascii=False))
    handle.flush()
    return InstanceLock(handle, path)
