"""Opening an office file for the GUI: the one-window lock, the connection of the window
and of each worker, and the backups. The GUI reaches the file only through here.
"""

from __future__ import annotations

from pathlib import Path

from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.store import backup, lock
from cadre_desktop.store.backup import Backup
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.store.lock import InstanceLock

__all__ = [
    "Backup", "InstanceLock", "auto_backup", "list_backups", "lock_office", "open_for_work",
    "open_office", "restore_backup", "take_backup",
]


def lock_office(path: Path) -> InstanceLock:
    """Hold the file for this window; DatabaseError says who else holds it."""
    return lock.acquire(path)


def open_office(path: Path) -> Database:
    """The window's own connection: creates or upgrades the file as needed."""
    return open_database(path)


def open_for_work(path: Path, *, writes: bool) -> Database:
    """A worker thread's own connection; read-only unless the work writes."""
    return open_database(path, read_only=not writes)


def auto_backup(path: Path, progress: Progress = NO_PROGRESS) -> Backup | None:
    """The daily copy when the newest is more than a day old (run off the GUI thread)."""
    progress.check()
    return backup.auto_backup(path)


def list_backups(path: Path) -> list[Backup]:
    return backup.list_backups(path)


def take_backup(path: Path, progress: Progress = NO_PROGRESS) -> Backup:
    return backup.take_backup(path, progress=progress)


def restore_backup(path: Path, chosen: Path, progress: Progress = NO_PROGRESS) -> Backup:
    """Replace the file with a backup (run off the GUI thread); the current state is kept
    as a backup first. A Cancel leaves the file as it was. The caller reopens its
    connections after: what they read before belongs to the replaced file."""
    return backup.restore_backup(path, chosen, progress)
