import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.domain.progress import Cancelled, Progress, Step
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import backup, lock, roster_query
from cadre_desktop.store.db import open_database


def test_auto_backup_once_a_day(db_path: Path) -> None:
    open_database(db_path).close()
    day1 = dt.datetime(2026, 11, 1, 8, 0)
    assert backup.auto_backup(db_path, day1) is not None
    assert backup.auto_backup(db_path, day1 + dt.timedelta(hours=5)) is None
    assert backup.auto_backup(db_path, day1 + dt.timedelta(days=1)) is not None
    assert len(backup.list_backups(db_path)) == 2


def test_retention_keeps_7_daily_and_4_weekly(db_path: Path) -> None:
    open_database(db_path).close()
    start = dt.datetime(2026, 9, 1, 8, 0)
    for day in range(60):
        backup.auto_backup(db_path, start + dt.timedelta(days=day))
    now = start + dt.timedelta(days=59)
    kept = backup.list_backups(db_path)
    dates = sorted(b.taken_at.date() for b in kept)
    daily = [d for d in dates if (now.date() - d).days < 7]
    assert len(daily) == 7
    older_weeks = {tuple(d.isocalendar())[:2] for d in dates if (now.date() - d).days >= 7}
    assert len(older_weeks) == len([d for d in dates if (now.date() - d).days >= 7])
    assert all((now.date() - d).days < 28 for d in dates)
    assert 7 < len(kept) <= 11


def test_restore_brings_back_old_content_and_keeps_a_safety_copy(db_path: Path) -> None:
    db = open_database(db_path)
    save_person(db, PersonForm({"full_name": "Nguyễn Văn An"}))
    db.close()
    taken = backup.take_backup(db_path, dt.datetime(2026, 1, 1, 9, 0))
    db = open_database(db_path)
    save_person(db, PersonForm({"full_name": "Lê Thị Bình"}))
    db.close()
    safety = backup.restore_backup(db_path, taken.path)
    db = open_database(db_path)
    assert [r["full_name"] for r in roster_query.search(db, "")] == ["Nguyễn Văn An"]
    db.close()
    copy = open_database(safety.path, read_only=True)
    assert len(roster_query.search(copy, "")) == 2
    copy.close()


def test_a_cancel_during_the_restore_leaves_the_file_as_it_was(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_path)
    save_person(db, PersonForm({"full_name": "Nguyễn Văn An"}))
    db.close()
    taken = backup.take_backup(db_path, dt.datetime(2026, 1, 1, 9, 0))
    db = open_database(db_path)
    save_person(db, PersonForm({"full_name": "Lê Thị Bình"}))
    db.close()
    monkeypatch.setattr(backup, "_PAGES_A_STEP", 1)  # a step a page: many chances to stop
    copied: list[float] = []

    def seen(step: Step) -> None:
        copied.append(step.fraction)
        if step.fraction > 0.75:  # half way through replacing the file
            progress.cancel()

    progress = Progress(seen, min_interval=0.0)
    with pytest.raises(Cancelled):
        backup.restore_backup(db_path, taken.path, progress)
    assert any(0.5 < f < 1.0 for f in copied)
    db = open_database(db_path)
    assert sorted(r["full_name"] for r in roster_query.search(db, "")) == [
        "Lê Thị Bình", "Nguyễn Văn An"]
    db.close()
    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_damaged_backup_is_refused(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 500)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="hỏng"):
        backup.restore_backup(db_path, bad)
    assert db_path.read_bytes() == before


def test_second_instance_is_refused(db_path: Path) -> None:
    held = lock.acquire(db_path)
    script = (
        "import sys\n"
        "from cadre_desktop.store import lock\n"
        "from cadre_desktop.domain.errors import DatabaseError\n"
        "try:\n"
        f"    lock.acquire({str(db_path)!r})\n"
        "except DatabaseError as e:\n"
        "    print(e.message); sys.exit(3)\n"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=False)
    assert other.returncode == 3, other.stderr
    assert "đang được mở" in other.stdout
    held.release()
    again = lock.acquire(db_path)
    again.release()


def test_a_program_arriving_as_the_lock_is_taken_still_names_its_holder(
        db_path: Path) -> None:
    # The holder writes who it is just after taking the lock; a second program arriving
    # in between finds the lock file empty, and waits for the name.
    import threading

    fcntl = pytest.importorskip("fcntl")  # the lock's own call, on systems that have it
    holder = lock.lock_path(db_path).open("w", encoding="utf-8")
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def writes_late() -> None:
        holder.write('{"who": "lệnh roster import", "pid": 4242}')
        holder.flush()

    late = threading.Timer(0.05, writes_late)
    late.start()
    try:
        with pytest.raises(DatabaseError) as refused:
            lock.acquire(db_path)
        assert "bởi lệnh roster import (tiến trình 4242)" in refused.value.message
    finally:
        late.join()
        holder.close()
