"""The demo rotations and member programme: plausible and the same for the same rng."""

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

from cadre_desktop.demo.rotation import generate_rotations
from cadre_desktop.services import member_programme, rotation_followup
from cadre_desktop.store import member_programme as programme_store
from cadre_desktop.store import rotations
from cadre_desktop.store.db import open_database
from rotation_helpers import add_person, build_office

TODAY = dt.date(2025, 12, 20)
TABLES = ["rotation_plan", "rotation", "rotation_override", "rotation_event",
          "rotation_evaluation", "member_programme_year", "member_registration",
          "member_registration_item", "member_self_evaluation"]


def roster(path: Path) -> None:
    db = open_database(path)
    office = build_office(db)
    for n in range(8):
        add_person(db, f"Võ Minh Tài {chr(65 + n)}", office.committee,
                   birth=f"1{n + 1}/03/1997", ratings={2022: "htt", 2023: "htxs", 2024: "htt",
                                                        2025: "htt"})
    db.close()


def content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    db = open_database(path, read_only=True)
    try:
        found = {}
        for table in TABLES:
            cur = db.conn.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [d[0] for d in cur.description]
            keep = [i for i, n in enumerate(names) if n not in ("created_at", "updated_at")]
            found[table] = [tuple(row[i] for i in keep) for row in cur.fetchall()]
        return found
    finally:
        db.close()


def test_demo_rotations_are_deterministic_and_plausible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    roster(first)
    shutil.copy(first, second)
    counts = []
    for path in (first, second):
        db = open_database(path)
        counts.append(generate_rotations(db, random.Random(7), TODAY))
        db.close()
    assert counts[0] == counts[1]
    assert content(first) == content(second)

    db = open_database(first)
    try:
        found = rotations.list_rotations(db)
        years = sorted({r.year for r in found})
        assert years[0] == 2023 and years[-1] == TODAY.year + 1
        statuses = {r.status for r in found}
        assert {"completed", "active", "proposed"} <= statuses
        assert [r.status for r in found].count("proposed") == 1
        for year in range(2023, TODAY.year + 1):
            assert 1 <= len([r for r in found if r.year == year]) <= 2
        assert any(rotations.list_events(db, r.id) for r in found)
        due = rotation_followup.due_items(db, TODAY)
        assert any(i.overdue and i.kind.startswith("rotation") for i in due)
        years_ = programme_store.list_years(db)
        assert [y.name for y in years_] == ["2024–2025"]
        finished = years_[0]
        scored = programme_store.scored(db, finished.id)
        assert len(scored) >= 5
        preview = member_programme.apply_ratings(db, finished.id)
        assert preview.applied == 0 and (preview.changes or preview.unchanged)
        items = db.conn.execute(
            "SELECT registration_id, COUNT(*), COUNT(DISTINCT area)"
            " FROM member_registration_item GROUP BY registration_id").fetchall()
        assert items and all(n >= 10 and areas == 5 for _r, n, areas in items)
    finally:
        db.close()


def test_a_different_rng_gives_different_rotations(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    roster(first)
    shutil.copy(first, second)
    for path, seed in ((first, 1), (second, 2)):
        db = open_database(path)
        generate_rotations(db, random.Random(seed), TODAY)
        db.close()
    assert content(first)["rotation"] != content(second)["rotation"]
