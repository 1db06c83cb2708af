import sqlite3
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.store import migrate
from cadre_desktop.store.db import open_database


def test_new_database_is_current_with_wal_and_foreign_keys(db_path: Path) -> None:
    db = open_database(db_path)
    assert migrate.current_version(db.conn) == migrate.latest_version()
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    recorded = db.conn.execute("SELECT version FROM schema_migration").fetchall()
    assert [r[0] for r in recorded] == list(range(1, migrate.latest_version() + 1))
    assert db.office_id
    db.close()


def test_newer_database_is_refused_and_left_alone(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrate.latest_version() + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="mới hơn"):
        open_database(db_path)
    with pytest.raises(DatabaseError, match="mới hơn"):
        open_database(db_path, read_only=True)
    assert db_path.read_bytes() == before


def test_missing_file_refused_for_reading(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="Không tìm thấy"):
        open_database(tmp_path / "none.sqlite3", read_only=True)
    assert not (tmp_path / "none.sqlite3").exists()


def test_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError):
        open_database(junk)


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, sql: str) -> None:
    real = migrate.available()
    extra = migrate.Migration(len(real) + 1, "extra", sql)
    monkeypatch.setattr(migrate, "available", lambda: [*real, extra])


def test_migration_takes_a_copy_first_and_records_itself(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path).close()
    old_version = migrate.latest_version()
    _with_extra_migration(monkeypatch, "ALTER TABLE person ADD COLUMN nickname TEXT;")
    db = open_database(db_path)
    assert migrate.current_version(db.conn) == old_version + 1
    columns = [r[1] for r in db.conn.execute("PRAGMA table_info(person)")]
    assert "nickname" in columns
    db.close()
    copies = list(db_path.parent.glob(f"{db_path.stem}.before-v{old_version + 1}*"))
    assert len(copies) == 1
    copy = sqlite3.connect(copies[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
    copy.close()


def test_failed_migration_rolls_back_schema_and_record(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path).close()
    old_version = migrate.latest_version()
    _with_extra_migration(
        monkeypatch, "ALTER TABLE person ADD COLUMN nickname TEXT;\nTHIS IS NOT SQL;"
    )
    with pytest.raises(DatabaseError, match="nâng cấp"):
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert "nickname" not in [r[1] for r in conn.execute("PRAGMA table_info(person)")]
    assert conn.execute("SELECT MAX(version) FROM schema_migration").fetchone()[0] == old_version
    conn.close()
