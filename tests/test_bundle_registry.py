"""The registry of synchronised tables comes from the schema: a later table travels without
new sync code, local tables never travel."""

from __future__ import annotations

from pathlib import Path

import pytest

from bundle_helpers import PASS, fast_scrypt, link, new_office
from cadre_desktop.services import bundles
from cadre_desktop.store import migrate
from cadre_desktop.store.db import Database, new_id, open_database
from cadre_desktop.sync.registry import (
    LOCAL_ONLY,
    REQUIRED_COLUMNS,
    shared_default_ids,
    synchronised_tables,
)

__all__ = ["fast_scrypt"]


def test_tables_come_from_the_schema_parents_first(db: Database) -> None:
    tables = synchronised_tables(db)
    names = [t.name for t in tables]
    assert {"person", "unit", "rating", "training_class", "attendance", "rotation",
            "rotation_evaluation"} <= set(names)
    assert not any(n in LOCAL_ONLY or n.startswith("sync_") for n in names)
    for table in tables:
        assert set(table.columns) >= REQUIRED_COLUMNS
        for _, target in table.references:
            if target != table.name and target in names:
                assert names.index(target) < names.index(table.name), (table.name, target)


def test_every_synchronised_table_has_an_office_index(db: Database) -> None:
    """A province compares an office's rows with its snapshot: without this index every
    import reads every office's rows. Add `CREATE INDEX <table>_office ON <table>(office_id)`
    to a migration that adds a synchronised table."""
    missing = []
    for table in synchronised_tables(db):
        first_columns = {db.conn.execute(f'PRAGMA index_info("{row[1]}")').fetchone()[2]
                         for row in db.conn.execute(f'PRAGMA index_list("{table.name}")')}
        if "office_id" not in first_columns:
            missing.append(table.name)
    assert missing == []


# Codes the built-in lists use, unique across offices by design; other offices' own entries
# with these codes would be refused at the province with a clear message.
_GLOBAL_UNIQUE_OK = {("rating_scale", ("code",)), ("attendance_status", ("code",)),
                     ("attendance_status", ("short",))}


def test_unique_indexes_are_per_office(db: Database) -> None:
    """A province holds many offices' records: a unique index on codes or years must include
    office_id (ids of the office's own records are unique anyway)."""
    offenders = []
    for table in synchronised_tables(db):
        for row in db.conn.execute(f'PRAGMA index_list("{table.name}")'):
            if not row[2] or row[3] == "pk":
                continue
            columns = tuple(r[2] for r in db.conn.execute(f'PRAGMA index_info("{row[1]}")'))
            if "office_id" in columns or (table.name, columns) in _GLOBAL_UNIQUE_OK:
                continue
            if all(c == "id" or c.endswith("_id") for c in columns[:1]):
                continue  # keyed by a record of the same office
            offenders.append((table.name, columns))
    assert offenders == []


def test_default_list_rows_are_shared_and_never_travel(db: Database) -> None:
    shared = shared_default_ids()
    assert len(shared["lookup"]) > 20 and len(shared["rating_level"]) == 8
    own = {r[0] for r in db.conn.execute("SELECT id FROM lookup")}
    assert shared["lookup"] <= own


_AWARD = """
CREATE TABLE award (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    person_id   TEXT REFERENCES person(id),
    title       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX award_office ON award(office_id);
"""


def test_a_table_from_a_later_migration_travels_without_sync_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_scrypt: None) -> None:
    real = migrate.available()
    extra = migrate.Migration(len(real) + 1, "awards", _AWARD)
    monkeypatch.setattr(migrate, "available", lambda: [*real, extra])
    p = new_office(tmp_path / "P.sqlite3", "P")
    a = new_office(tmp_path / "A.sqlite3", "A", members=100, seed=3)
    try:
        link(p, a)
        person = a.conn.execute("SELECT id FROM person LIMIT 1").fetchone()[0]
        with a.write("khen thưởng") as tx:
            tx.insert("award", {"id": new_id(), "person_id": person,
                                "title": "Huy hiệu Tuổi trẻ sáng tạo"})
        bundles.export_to_file(a, tmp_path / "a.cadre", PASS)
        report = bundles.import_file(p, tmp_path / "a.cadre", PASS)
        assert report.tables["award"].inserted == 1
        title = p.conn.execute("SELECT title FROM award WHERE office_id = ?",
                               (a.office_id,)).fetchone()[0]
        assert title == "Huy hiệu Tuổi trẻ sáng tạo"
    finally:
        p.close()
        a.close()


def test_an_office_database_without_the_new_table_refuses_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_scrypt: None) -> None:
    p = new_office(tmp_path / "P.sqlite3", "P")  # made before the migration exists
    real = migrate.available()
    monkeypatch.setattr(migrate, "available",
                        lambda: [*real, migrate.Migration(len(real) + 1, "awards", _AWARD)])
    a = new_office(tmp_path / "A.sqlite3", "A")
    try:
        monkeypatch.setattr(migrate, "available", lambda: real)
        link(p, a)
        bundles.export_to_file(a, tmp_path / "a.cadre", PASS)
        with pytest.raises(Exception, match="phiên bản Cadre Desktop mới hơn"):
            bundles.import_file(p, tmp_path / "a.cadre", PASS)
    finally:
        p.close()
        a.close()


def test_open_database_still_works_for_fresh_files(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.sqlite3")
    try:
        assert db.conn.execute("SELECT parent_id FROM office").fetchone() == (None,)
    finally:
        db.close()
