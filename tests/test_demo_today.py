"""The demo is made as of a day (`--today`, by default the real date): classes past, running
and planned, evaluations due soon and a few overdue, cadres who meet every rotation rule for
the next round; the same seed and day give the same office."""

from __future__ import annotations

import collections
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from cadre_desktop.cli.main import main
from cadre_desktop.demo import DemoCalendar, generate_demo
from cadre_desktop.services import enrolment, rotation, rotation_followup, training
from cadre_desktop.store.db import Database, open_database

MEMBERS = 300
TABLES = ["person", "unit", "planning", "rating", "training_class", "class_session",
          "enrolment", "attendance", "rotation", "rotation_evaluation", "rotation_event",
          "member_registration", "member_self_evaluation"]


def _content(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    for table in TABLES:
        cur = db.conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names)
                if n not in ("created_at", "updated_at", "office_id")]
        found[table] = [tuple(row[i] for i in keep) for row in cur.fetchall()]
    return found


def _made(path: Path, today: dt.date | None, seed: int = 5) -> Database:
    db = open_database(path)
    generate_demo(db, members=MEMBERS, seed=seed, today=today)
    return db


def _source_cadres(db: Database) -> list[str]:
    return [r[0] for r in db.conn.execute(
        "SELECT DISTINCT person_id FROM planning WHERE deleted = 0 ORDER BY person_id")]


@pytest.mark.parametrize("today", [dt.date(2026, 12, 3), dt.date(2027, 5, 10),
                                   dt.date(2029, 2, 28)])
def test_the_demo_is_relative_to_its_day(tmp_path: Path, today: dt.date) -> None:
    db = _made(tmp_path / "demo.sqlite3", today)
    calendar = DemoCalendar(today)
    shown = collections.Counter(c.state for c in training.list_classes(db, today=today))
    assert shown["finished"] >= 4 and shown["planned"] >= 2
    assert shown["running"] >= 1 and shown["open"] == 1
    assert shown["ended"] == 1  # attended, not closed yet: it asks to be closed
    ended = next(c for c in training.list_classes(db, today=today) if c.state == "ended")
    someone = training.class_detail(db, ended.id, today).enrolled()[0].person_id
    history = enrolment.training_history(db, someone, today)
    assert [e.class_status for e in history if e.class_id == ended.id] == ["ended"]
    items = rotation_followup.due_items(db, today)
    overdue = [i for i in items if i.overdue]
    soon = [i for i in items if not i.overdue]
    assert 1 <= len(overdue) <= 25, len(overdue)
    assert soon and all(today <= i.due <= today + dt.timedelta(days=30) for i in soon)
    eligible = [pid for pid in _source_cadres(db)
                if rotation.check_person(db, pid, calendar.next_round).eligible]
    assert len(eligible) >= 2
    years = {r[0] for r in db.conn.execute("SELECT DISTINCT year FROM rating")}
    assert max(years) == calendar.rated_year <= today.year
    last_day = db.conn.execute("SELECT MAX(date) FROM class_session s JOIN attendance a"
                               " ON a.session_id = s.id").fetchone()[0]
    assert dt.date.fromisoformat(last_day) <= today
    db.close()


def test_same_seed_and_day_same_office_another_day_another(tmp_path: Path) -> None:
    day = dt.date(2027, 1, 20)
    first = _made(tmp_path / "a.sqlite3", day)
    second = _made(tmp_path / "b.sqlite3", day)
    later = _made(tmp_path / "c.sqlite3", day + dt.timedelta(days=400))
    assert _content(first) == _content(second)
    assert _content(first)["training_class"] != _content(later)["training_class"]
    for db in (first, second, later):
        db.close()


def test_by_default_the_demo_is_made_as_of_the_real_date(tmp_path: Path) -> None:
    db = open_database(tmp_path / "demo.sqlite3")
    summary = generate_demo(db, members=MEMBERS, seed=1)
    assert summary.today == dt.date.today()
    assert f"ngày {dt.date.today():%d/%m/%Y}" in str(summary)
    db.close()


def test_the_command_takes_today_and_a_source_cadre_checks_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--members", str(MEMBERS), "--seed", "3",
                 "--today", "2026-12-03"]) == 0
    assert "ngày 03/12/2026" in capsys.readouterr().err
    db = open_database(path, read_only=True)
    people = _source_cadres(db)
    db.close()
    verdicts = []
    for person in people:
        assert main(["rotation", "check", "--db", str(path), "--person", person,
                     "--start", "2027-01-15", "--json"]) == 0
        verdicts.append(json.loads(capsys.readouterr().out)["eligible"])
    assert verdicts.count(True) >= 2
    with pytest.raises(SystemExit) as usage:
        main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--today", "3/12/2026"])
    assert usage.value.code == 2
