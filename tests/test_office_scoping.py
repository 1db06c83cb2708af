"""A province's database holds its children's records too. Its own management lists
(programmes, list entries, rotation plans, member programme years, rule settings) must
stay its own: a child's custom entries are not offered in its choices and do not block
its codes or years. Showing records (labels, the roster) covers every office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bundle_helpers import PASS, Office, fast_scrypt, offices, template
from cadre_desktop.services import bundles, lists
from cadre_desktop.services import member_programme as programme_service
from cadre_desktop.services import rotation as rotation_service
from cadre_desktop.store import (
    lookups,
    member_programme,
    person_search,
    programmes,
    roster_query,
    rotations,
    rule_settings,
)
from cadre_desktop.store.db import open_database
from cadre_desktop.store.programmes import ProgrammeInput

__all__ = ["fast_scrypt", "offices", "template"]


def _child_with_its_own_lists(a: Office) -> None:
    lists.add(a.db, "position", "Phó Bí thư phụ trách thiếu nhi")
    with a.db.write("programme") as tx:
        programmes.create_programme(tx, ProgrammeInput("Kỹ năng số cho cán bộ xã",
                                                       code="so_hoa_thu_nghiem"))
    if not member_programme.list_years(a.db):
        programme_service.open_year(a.db, 2025)
    if rotations.get_plan(a.db, 2025) is None:
        rotation_service.save_plan(a.db, 2025, 3, dt.date(2025, 1, 1))


def test_a_province_keeps_its_own_lists_and_sees_every_office_in_the_roster(
        offices: dict[str, Office], tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    _child_with_its_own_lists(a)
    own_rules = rule_settings.load(p.db, "rotation")
    own_positions = lookups.items(p.db, "position")
    own_programmes = programmes.list_programmes(p.db)
    report = bundles.import_file(p.db, bundles.export_to_file(a.db, tmp_path / "a.cadre",
                                                              PASS).path, PASS)
    assert report.tables["lookup"].inserted >= 1
    assert report.tables["programme"].inserted >= 1
    assert report.tables["rotation_plan"].inserted >= 1
    assert report.tables["member_programme_year"].inserted >= 1

    # The province's own choices and lists.
    assert lookups.items(p.db, "position") == own_positions
    assert lookups.code_for(p.db, "position", "Phó Bí thư phụ trách thiếu nhi") is None
    assert programmes.list_programmes(p.db) == own_programmes
    assert programmes.find_programme(p.db, "so_hoa_thu_nghiem") is None
    assert rotations.list_plans(p.db) == [] and rotations.get_plan(p.db, 2025) is None
    assert member_programme.list_years(p.db) == []
    assert member_programme.year_starting(p.db, 2025) is None
    assert rule_settings.load(p.db, "rotation") == own_rules

    # Its own codes and years are free even though the child uses them.
    lists.add(p.db, "position", "Phó Bí thư phụ trách thiếu nhi")
    with p.db.write("programme") as tx:
        programmes.create_programme(tx, ProgrammeInput("Kỹ năng số", code="so_hoa_thu_nghiem"))
    assert rotation_service.save_plan(p.db, 2025, 1).year == 2025
    assert programme_service.open_year(p.db, 2025).start_year == 2025
    assert [y.start_year for y in member_programme.list_years(p.db)] == [2025]

    # Showing the child's records: its labels are known, its people are in the roster.
    custom = lookups.code_for(a.db, "position", "Phó Bí thư phụ trách thiếu nhi")
    assert custom is not None
    assert lookups.labels(p.db, "position")[custom] == "Phó Bí thư phụ trách thiếu nhi"
    everyone = roster_query.RosterFilter()
    assert roster_query.count(p.db, everyone) == roster_query.count(a.db, everyone) == 100
    someone = roster_query.rows(a.db, list(roster_query.keys(
        a.db, everyone, roster_query.RosterSort(), 1)))[0]
    found = roster_query.search(p.db, someone.full_name)
    assert someone.id in [row["id"] for row in found]
    only_p = roster_query.RosterFilter(office_id=p.id, office_below=False)
    assert roster_query.count(p.db, only_p) == 0
    only_a = roster_query.RosterFilter(office_id=a.id)
    assert roster_query.count(p.db, only_a) == 100
    # Both offices hold the custom position under the same code: a label is looked up in
    # the list of the office owning the record, so no row is doubled.
    for column in ("office", "position"):
        keys = list(roster_query.keys(p.db, everyone, roster_query.RosterSort(column)))
        assert len(keys) == len(set(keys)) == 100
    keys = list(roster_query.keys(p.db, everyone, roster_query.RosterSort("office"), 500))
    rows = roster_query.rows(p.db, keys)
    # Every view names an office by its name, never by its code.
    assert len(rows) == 100 and {r.office for r in rows} == {a.ref.name}


def test_the_province_finds_names_through_its_search_index(
        offices: dict[str, Office], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    p, a, b = offices["P"], offices["A"], offices["B"]
    assert person_search.available(p.db) and not person_search.available(a.db)
    one = a.db.conn.execute("SELECT id FROM person ORDER BY rowid LIMIT 1").fetchone()[0]
    with a.db.write("Tên ngắn") as tx:
        tx.update("person", one, {"full_name": "Lý", "search_fold": "ly",
                                  "citizen_id": None, "phone": None})
    for office in (a, b):
        sent = bundles.export_to_file(office.db, tmp_path / f"{office.id}.cadre", PASS)
        bundles.import_file(p.db, sent.path, PASS)
    names = [str(r[0]) for r in p.db.conn.execute(
        "SELECT full_name FROM person ORDER BY rowid LIMIT 40")]
    # Words of two letters (looked up as the trigrams around them, the first word of a
    # text included), of one letter (left to the other words, or to the scan), a pair
    # no trigram holds, and a text too short for any trigram.
    texts = [str(r[0]) for r in p.db.conn.execute(
        "SELECT search_fold FROM person ORDER BY rowid LIMIT 40")]
    pairs = sorted({w[i:i + 2] for t in texts[::5] for w in t.split(" ")
                    for i in range(0, max(len(w) - 1, 1), 2)})
    short = ["ly", "ly", "a", "t ly", "ng a", "a n", "zq", "ly zq", *pairs,
             *(t.split(" ")[0][:2] + " " + t.split(" ")[-1][-2:] for t in texts[::9])]
    queries = ["ng", "nguyen van", "anh", "0", *names[::7], "khong ai co ten nay", *short]
    everyone = roster_query.RosterSort()

    def found(query: str) -> tuple[list[object], int, int]:
        flt = roster_query.RosterFilter(query=query)
        rows = roster_query.rows(p.db, list(roster_query.keys(p.db, flt, everyone, 500)))
        return rows, roster_query.count(p.db, flt), roster_query.count(p.db, flt, cap=3)

    indexed = {q: found(q) for q in queries}
    monkeypatch.setattr(roster_query, "INDEXED_AT_MOST", -1)  # the name-order scan only
    assert {q: found(q) for q in queries} == indexed
    assert all(len(indexed[n][0]) >= 1 for n in names[::7])
    assert indexed["khong ai co ten nay"][1:] == (0, 0)
    assert indexed["ng"][2] == 3 and indexed["ng"][1] > 3
    assert one in [r.id for r in indexed["ly"][0]]  # type: ignore[attr-defined]
    assert indexed["zq"][1] == indexed["ly zq"][1] == 0
    # The two-letter words were answered by the index, not by the scan.
    assert all(person_search.rowids(p.db, q.split(" "), 10) is not None
               for q in ("ly", "ly zq", "t ly", *pairs))
    assert person_search.rowids(p.db, ["a"], 10) is None

    # The index follows the people it holds: a renamed person is found by the new name.
    person = a.db.conn.execute("SELECT id FROM person LIMIT 1").fetchone()[0]
    with a.db.write("Đổi tên") as tx:
        tx.update("person", person, {"full_name": "Hứa Thị Quỳnh Như",
                                     "search_fold": "hua thi quynh nhu"})
    sent = bundles.export_to_file(a.db, tmp_path / "again.cadre", PASS, full=True)
    bundles.import_file(p.db, sent.path, PASS)
    monkeypatch.setattr(roster_query, "INDEXED_AT_MOST", 10_000)
    rows = roster_query.search(p.db, "quynh nhu")
    assert [r["id"] for r in rows] == [person]


def test_a_province_made_before_short_words_gets_their_index(
        offices: dict[str, Office], tmp_path: Path) -> None:
    p = offices["P"]
    conn = p.db.conn
    assert person_search.missing_statements(conn) == []
    conn.execute(f"DROP INDEX {person_search.SHORT}")
    conn.execute(f"DROP TABLE {person_search.TERMS}")
    # Read-only until it is opened for writing: short words are left to the scan, and
    # longer ones still use the index.
    only_read = open_database(p.path, read_only=True)
    try:
        assert person_search.rowids(only_read, ["ng"], 10) is None
        assert person_search.rowids(only_read, ["nguyen"], 10) is not None
    finally:
        only_read.close()
    # Opening such a database for writing runs these (store/db.py _ensure_derived).
    statements = person_search.missing_statements(conn)
    assert len(statements) == 2
    for statement in statements:
        conn.execute(statement)
    assert person_search.missing_statements(conn) == []
    assert person_search.missing_statements(offices["A"].db.conn) == []  # no child: none


def test_a_read_only_province_finds_short_words_through_the_index(
        offices: dict[str, Office], tmp_path: Path) -> None:
    # The roster's query thread reads through a read-only connection, which may create
    # nothing at all.
    p, a = offices["P"], offices["A"]
    sent = bundles.export_to_file(a.db, tmp_path / "a.cadre", PASS)
    bundles.import_file(p.db, sent.path, PASS)
    only_read = open_database(p.path, read_only=True)
    try:
        everyone, sort = roster_query.RosterFilter(query="ng"), roster_query.RosterSort()
        found = person_search.rowids(only_read, ["ng"], 10_000)
        assert found is not None and len(found) == roster_query.count(only_read, everyone)
        assert len(list(roster_query.keys(only_read, everyone, sort))) == len(found) > 0
    finally:
        only_read.close()
