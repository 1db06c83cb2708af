"""The demo office: deterministic, refuses a non-empty database, realistic."""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadre_desktop.demo import generate_demo
from cadre_desktop.domain import citizen_id
from cadre_desktop.domain.dates import PartialDate, age_on
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Cancelled, Progress, Step
from cadre_desktop.store import units
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.store.people import get_person
from cadre_desktop.store.profile import load_profile

MEMBERS = 300
TODAY = dt.date(2025, 12, 20)  # the day the demo is made as of, in these tests


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    generate_demo(db, members=MEMBERS, seed=7, today=TODAY)
    yield db
    db.close()


def _people(db: Database) -> list[tuple[str, ...]]:
    return db.conn.execute(
        "SELECT id, full_name, birth_date, gender, citizen_id, phone, unit_id,"
        " working_status FROM person ORDER BY rowid").fetchall()


def test_same_seed_gives_the_same_office(tmp_path: Path) -> None:
    snapshots = []
    for name in ("a.sqlite3", "b.sqlite3"):
        db = open_database(tmp_path / name)
        generate_demo(db, members=MEMBERS, seed=3, today=TODAY)
        snapshots.append((
            _people(db),
            db.conn.execute("SELECT id, name, parent_id, status FROM unit ORDER BY rowid")
            .fetchall(),
            db.conn.execute("SELECT id, person_id, year, level_id FROM rating ORDER BY rowid")
            .fetchall(),
            db.conn.execute("SELECT id, person_id, position_code, unit_id, start_date"
                            " FROM position_assignment ORDER BY rowid").fetchall(),
        ))
        db.close()
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0][0]) == MEMBERS


def test_another_seed_gives_another_office(tmp_path: Path, demo_db: Database) -> None:
    db = open_database(tmp_path / "other.sqlite3")
    generate_demo(db, members=MEMBERS, seed=8, today=TODAY)
    assert [r[1] for r in _people(db)] != [r[1] for r in _people(demo_db)]
    db.close()


def test_refuses_a_database_with_people_or_units(db: Database) -> None:
    with db.write("unit") as tx:
        units.create_unit(tx, "Đoàn xã Phước Chỉ", None)
    with pytest.raises(UserError, match="Cơ sở dữ liệu không trống"):
        generate_demo(db, members=MEMBERS)
    assert db.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 0


def test_cancelling_writes_nothing(db: Database) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        generate_demo(db, members=MEMBERS, progress=progress)
    assert db.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0] == 0
    assert db.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 0


def test_progress_is_reported_up_to_the_total(db: Database) -> None:
    seen: list[Step] = []
    generate_demo(db, members=MEMBERS, progress=Progress(seen.append, min_interval=0))
    assert seen and seen[-1].fraction == 1.0
    assert [s.fraction for s in seen] == sorted(s.fraction for s in seen)
    assert {s.what for s in seen} == {"Tạo dữ liệu mẫu"}


def test_names_have_realistic_frequencies(demo_db: Database) -> None:
    people = _people(demo_db)
    families = collections.Counter(r[1].split(" ")[0] for r in people)
    assert 0.30 <= families["Nguyễn"] / len(people) <= 0.45
    assert {"Trần", "Lê", "Phạm"} <= set(families)
    women = sum(1 for r in people if r[3] == "F") / len(people)
    assert 0.4 <= women <= 0.6


def test_ages_fit_members_and_cadres(demo_db: Database) -> None:
    for _id, name, birth, _g, _c, _p, _u, working_status in _people(demo_db):
        age = age_on(PartialDate.from_iso(birth), TODAY)
        low, high = (25, 45) if working_status else (16, 35)
        assert low <= age <= high, (name, birth, working_status)


def test_citizen_ids_match_birth_and_gender_and_are_unique(demo_db: Database) -> None:
    people = _people(demo_db)
    ids = [r[4] for r in people if r[4]]
    assert len(ids) == len(set(ids)) and len(ids) >= 0.95 * len(people)
    for _id, _name, birth, gender, number, *_rest in people:
        if number:
            assert len(number) == 12
            assert citizen_id.consistency_warnings(
                number, PartialDate.from_iso(birth), gender) == []
    phones = [r[5] for r in people if r[5]]
    assert all(len(p) == 10 and p[:2] in ("03", "05", "07", "08", "09") for p in phones)


def test_some_birth_dates_are_year_only(demo_db: Database) -> None:
    lengths = collections.Counter(len(r[2]) for r in _people(demo_db))
    assert lengths[10] > 0.85 * MEMBERS and lengths[4] > 0


def test_rows_equal_what_the_person_rules_would_store(demo_db: Database) -> None:
    for person_id, *_rest in _people(demo_db)[::37]:
        detail = get_person(demo_db, person_id)
        assert detail is not None
        stored = {k: detail.values[k] for k in detail.as_input().columns()}
        assert stored == detail.as_input().columns()


def test_tree_has_office_branches_and_history(demo_db: Database) -> None:
    tree = units.list_units(demo_db)
    root = units.root_unit(demo_db)
    assert root is not None and root.name == "Đoàn phường Gia Lộc"
    names = [u.name for u in tree]
    assert "Chi đoàn Khu phố 1" in names and "Chi đoàn Công an phường" in names
    grassroots = [u for u in tree if u.level_label == "Đoàn cơ sở"]
    assert grassroots and all(u.parent_id == root.id for u in grassroots)
    assert any(u.parent_id == g.id for g in grassroots for u in tree)  # their own branches
    assert {u.status for u in tree} == {"active", "dissolved", "merged"}
    branches = [u for u in tree if u.level_label == "Chi đoàn" and u.active]
    assert MEMBERS / 120 <= len(branches) <= MEMBERS / 10
    empty = demo_db.conn.execute(
        "SELECT COUNT(*) FROM unit u WHERE u.status = 'active' AND u.level_label = 'Chi đoàn'"
        " AND NOT EXISTS (SELECT 1 FROM person p WHERE p.unit_id = u.id)").fetchone()[0]
    assert empty == 0


def test_posts_planning_ratings_and_profile(demo_db: Database) -> None:
    conn = demo_db.conn
    posts = collections.Counter(dict(conn.execute(
        "SELECT position_code, COUNT(*) FROM position_assignment WHERE end_date IS NULL"
        " GROUP BY 1").fetchall()))
    assert posts["pho_bi_thu_tt"] == 1 and posts["uv_btv"] >= 2 and posts["uv_bch"] >= 3
    assert posts["bi_thu_chi_doan"] == posts["pho_bi_thu_chi_doan"] > 0
    statuses = {r[0] for r in conn.execute("SELECT DISTINCT working_status FROM person")}
    assert {"chuyen_trach", "ban_chuyen_trach", "kiem_nhiem", None} <= statuses
    terms = {r[0] for r in conn.execute("SELECT term FROM planning")}
    assert "2022–2027" in terms
    levels = collections.Counter(dict(conn.execute(
        "SELECT l.code, COUNT(*) FROM rating r JOIN rating_level l ON l.id = r.level_id"
        " GROUP BY 1").fetchall()))
    assert levels["htt"] > levels["htxs"] > levels["kht"]
    assert levels["htt"] > sum(levels.values()) / 2
    years = {r[0] for r in conn.execute("SELECT DISTINCT year FROM rating")}
    assert years == set(range(2021, 2026))
    cadres = conn.execute("SELECT party_status FROM person WHERE working_status IS NOT NULL"
                          ).fetchall()
    assert sum(1 for (p,) in cadres if p) > 0.7 * len(cadres)
    profile = load_profile(demo_db)
    assert profile.complete and profile.office_name == "BCH ĐOÀN PHƯỜNG GIA LỘC"
    assert profile.upper_body == "TỈNH ĐOÀN TÂY NINH" and profile.signer_name


def test_a_khmer_name_keeps_its_two_word_given_name(tmp_path: Path) -> None:
    db = open_database(tmp_path / "big.sqlite3")
    generate_demo(db, members=1500, seed=2, today=TODAY)
    khmer = db.conn.execute(
        "SELECT family_middle, given_name FROM person WHERE ethnicity = 'Khmer'").fetchall()
    assert khmer and any(" " in given for _fm, given in khmer)
    db.close()


def test_is_one_non_undoable_action(demo_db: Database) -> None:
    rows = demo_db.conn.execute("SELECT label, undoable FROM txn").fetchall()
    assert rows == [("Tạo dữ liệu mẫu", 0)]
