"""The demo training history: the same for the same seed, and sensible relative to today."""

import collections
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

from cadre_desktop.demo.training import generate_training
from cadre_desktop.services import attendance, training
from cadre_desktop.store.db import Database, open_database
from training_roster import build_roster

TABLES = ["programme", "training_class", "class_session", "enrolment", "attendance"]
TODAY = dt.date(2025, 12, 20)


def _content(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    for table in TABLES:
        cur = db.conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names) if n not in ("created_at", "updated_at")]
        found[table] = [tuple(row[i] for i in keep) for row in cur.fetchall()]
    return found


def _generate(source: Path, target: Path, seed: int) -> tuple[dict[str, int], dict[str, Any]]:
    shutil.copy(source, target)
    db = open_database(target)
    try:
        counts = generate_training(db, random.Random(seed), TODAY)
        return counts, _content(db)
    finally:
        db.close()


def test_same_seed_same_training_history(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    build_roster(db)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    counts_a, first = _generate(db_path, tmp_path / "a.sqlite3", 11)
    counts_b, second = _generate(db_path, tmp_path / "b.sqlite3", 11)
    assert counts_a == counts_b and first == second
    _, other = _generate(db_path, tmp_path / "c.sqlite3", 12)
    assert other["enrolment"] != first["enrolment"]
    assert counts_a["training_class"] == 16 and counts_a["places"] == 1440


def test_demo_history_is_consistent_with_today(db: Database) -> None:
    build_roster(db)
    generate_training(db, random.Random(3), TODAY)
    statuses = dict(db.conn.execute(
        "SELECT status, COUNT(*) FROM training_class GROUP BY status").fetchall())
    # The last class to end is not closed yet: recorded as running, it shows as ended.
    assert statuses["finished"] == 7 and statuses["running"] == 2 and statuses["open"] == 1
    assert statuses["planned"] == 6
    shown = collections.Counter(c.state for c in training.list_classes(db, today=TODAY))
    assert shown == {"finished": 7, "ended": 1, "running": 1, "open": 1, "planned": 6}
    years = {r[0] for r in db.conn.execute("SELECT year FROM training_class")}
    assert years == {2024, 2025, 2026, 2027}
    future = db.conn.execute(
        "SELECT COUNT(*) FROM attendance a JOIN class_session s ON s.id = a.session_id"
        " WHERE s.date > ?", (TODAY.isoformat(),)).fetchone()[0]
    assert future == 0
    sessions = [r[0] for r in db.conn.execute(
        "SELECT COUNT(*) FROM class_session GROUP BY class_id")]
    assert len(sessions) == 16 and min(sessions) >= 2 and max(sessions) <= 10
    budget = db.conn.execute("SELECT SUM(budget_planned) FROM training_class").fetchone()[0]
    assert abs(budget - 1_340_000_000) <= 10_000_000
    planned = db.conn.execute(
        "SELECT COUNT(*) FROM enrolment e JOIN training_class c ON c.id = e.class_id"
        " WHERE c.status = 'planned'").fetchone()[0]
    assert planned == 0
    unresolved = db.conn.execute(
        "SELECT COUNT(*) FROM enrolment e JOIN training_class c ON c.id = e.class_id"
        " WHERE c.status = 'finished' AND e.status = 'enrolled' AND e.result IS NULL"
    ).fetchone()[0]
    assert unresolved == 0
    # The stored results agree with what the application computes from the attendance.
    for (class_id,) in db.conn.execute(
            "SELECT id FROM training_class WHERE status = 'finished'").fetchall():
        for progress in attendance.class_progress(db, class_id, TODAY):
            stored = progress.participant.result == "completed"
            assert stored == progress.outcome.completed
            assert bool(progress.participant.certificate_no) == stored
    # Numbered after the office's pattern, a sequence per year (of the date they bear).
    certificates = db.conn.execute(
        "SELECT substr(c.end_date, 1, 4), e.certificate_no FROM enrolment e"
        " JOIN training_class c ON c.id = e.class_id WHERE e.certificate_no IS NOT NULL"
    ).fetchall()
    assert certificates and len(set(certificates)) == len(certificates)
    for year in {y for y, _ in certificates}:
        numbers = sorted(int(n.split("/")[0]) for y, n in certificates if y == year)
        assert numbers == list(range(1, len(numbers) + 1))
