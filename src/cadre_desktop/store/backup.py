"""Automatic backups with SQLite's online backup API, and restoring one.

Kept: the newest copy of each of the last 7 days and of each of the last 4 weeks.
A copy is made on start when the newest is more than a day old.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.store import files

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")
KEEP_DAYS = 7
KEEP_WEEKS = 4


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    size: int


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups" / db_path.stem


def list_backups(db_path: str | Path) -> list[Backup]:
    """Backups of this database, newest first."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and match.group("stem") == db_path.stem:
            taken = dt.datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
            found.append(Backup(entry, taken, entry.stat().st_size))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


_PAGES_A_STEP = 2048  # 8 MB at the usual page size: a Cancel is heard within a step


def _backup(src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress) -> None:
    """SQLite's online backup, a step at a time. A Cancel raised between steps aborts it
    and SQLite rolls the destination back: it is left exactly as it was."""

    def step(_status: int, remaining: int, total: int) -> None:
        progress.step("", total - remaining, max(total, 1))
        progress.check()

    progress.check()
    src.backup(dst, pages=_PAGES_A_STEP, progress=step)


def _copy(source: Path, target: Path, progress: Progress = NO_PROGRESS) -> None:
    files.create_private(target)  # a copy of the office's personal data: owner only
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        _backup(src, dst, progress)
    finally:
        dst.close()
        src.close()


def take_backup(db_path: str | Path, now: dt.datetime | None = None,
                progress: Progress = NO_PROGRESS) -> Backup:
    db_path = Path(db_path)
    now = now or dt.datetime.now()
    folder = backup_dir(db_path)
    files.private_dir(folder)
    target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        _copy(db_path, partial, progress)
        partial.replace(target)
    except BaseException:  # a full disk: no half copy is left to look like a backup
        partial.unlink(missing_ok=True)
        raise
    return Backup(target, now.replace(microsecond=0), target.stat().st_size)


def prune(db_path: str | Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups outside the 7 daily + 4 weekly window; returns what was removed."""
    now = now or dt.datetime.now()
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in list_backups(db_path):  # newest first: the first seen of a day/week is kept
        day = backup.taken_at.date()
        age = (now.date() - day).days
        week = tuple(day.isocalendar())[:2]
        if age < KEEP_DAYS and day not in days:
            days.add(day)
            keep.add(backup.path)
        if age < KEEP_WEEKS * 7 and week not in weeks:
            weeks.add(week)  # type: ignore[arg-type]
            keep.add(backup.path)
    removed = []
    for backup in list_backups(db_path):
        if backup.path not in keep:
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def auto_backup(db_path: str | Path, now: dt.datetime | None = None) -> Backup | None:
    """On start: a copy when the newest is older than a day, then pruning."""
    db_path = Path(db_path)
    now = now or dt.datetime.now()
    if not db_path.exists():
        return None
    backups = list_backups(db_path)
    made = None
    if not backups or now - backups[0].taken_at >= dt.timedelta(days=1):
        made = take_backup(db_path, now)
    prune(db_path, now)
    return made


def restore_backup(db_path: str | Path, backup: str | Path,
                   progress: Progress = NO_PROGRESS) -> Backup:
    """Replace the database's content with a backup's; the current state is backed up first
    so that a restore can itself be undone. Nothing else may write meanwhile. A Cancel at
    any point leaves the database as it was (a safety copy already taken is kept)."""
    db_path, backup = Path(db_path), Path(backup)
    _check(backup, progress.part(0.0, 0.2))
    safety = take_backup(db_path, dt.datetime.now() + dt.timedelta(seconds=1),
                         progress.part(0.2, 0.5))
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(db_path)
    try:
        _backup(src, dst, progress.part(0.5, 1.0))
    finally:
        dst.close()
        src.close()
    return safety


def _check(backup: Path, progress: Progress) -> None:
    """The backup must be a sound SQLite file before it replaces anything."""
    progress.step("", 0, 1)
    try:
        check = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        # A Cancel interrupts the check itself (it reads the whole file).
        check.set_progress_handler(lambda: 1 if progress.cancelled else 0, 20_000)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            check.close()
    except sqlite3.DatabaseError as exc:
        progress.check()
        raise DatabaseError(f"Bản sao lưu {backup.name} bị hỏng: {exc}") from exc
    if ok != "ok":
        raise DatabaseError(f"Bản sao lưu {backup.name} bị hỏng: {ok}")
    progress.step("", 1, 1)
