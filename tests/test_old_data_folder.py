"""A data folder left by an older version of the program (its database at an older schema)
opens in this one: the layout is brought up to date, a copy of the old file is kept, and
what the clerk had entered is still there and usable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cadre_desktop.cli.main import main
from cadre_desktop.domain import text
from cadre_desktop.domain.person import search_text
from cadre_desktop.services import training
from cadre_desktop.store import migrate, programmes, roster_query
from cadre_desktop.store.db import open_database
from cadre_desktop.store.training import ClassInput

STAMP = "2024-03-01T08:00:00+00:00"


def _old_data_folder(folder: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> Path:
    """cadre.sqlite3 as a program that knew migrations 1..version left it, with an office,
    a unit and a person entered through the columns that schema had from the start."""
    real = migrate.available()
    path = folder / "cadre.sqlite3"
    folder.mkdir(parents=True)
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "available", lambda: real[:version])
        conn = sqlite3.connect(path)
        assert migrate.migrate(conn, path) == list(range(1, version + 1))
    conn.execute("INSERT INTO office (id, code, name, is_self, created_at, updated_at)"
                 " VALUES ('office-1', '', '', 1, ?, ?)", (STAMP, STAMP))
    conn.execute("INSERT INTO unit (id, office_id, name, name_fold, level_label, path,"
                 " created_at, updated_at) VALUES ('unit-1', 'office-1', 'Đoàn xã Tân Hưng',"
                 " ?, 'Đoàn xã/phường', '/unit-1/', ?, ?)",
                 (text.fold("Đoàn xã Tân Hưng"), STAMP, STAMP))
    conn.execute("INSERT INTO person (id, office_id, unit_id, family_middle, given_name,"
                 " full_name, search_fold, name_key, gender, birth_date, created_at,"
                 " updated_at) VALUES ('person-1', 'office-1', 'unit-1', 'Nguyễn Thị',"
                 " 'Hoa', 'Nguyễn Thị Hoa', ?, ?, 'F', '1998-04-02', ?, ?)",
                 (search_text("Nguyễn Thị Hoa", None, None),
                  text.name_sort_key("Nguyễn Thị", "Hoa"), STAMP, STAMP))
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("version", range(1, migrate.latest_version()))
def test_an_older_data_folder_opens_and_migrates(
        tmp_path: Path, version: int, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = _old_data_folder(tmp_path / "CadreDesktop", version, monkeypatch)
    # A command that only reads says what to do instead of changing the file.
    assert main(["roster", "search", "hoa", "--db", str(path), "--json"]) == 1
    assert "nâng cấp" in capsys.readouterr().err
    db = open_database(path)
    try:
        assert migrate.current_version(db.conn) == migrate.latest_version()
        assert db.office_id == "office-1"
        found = roster_query.search(db, "nguyen thi hoa")
        assert [(p["full_name"], p["birth_date"]) for p in found] == [
            ("Nguyễn Thị Hoa", "1998-04-02")]
        # The newer parts work on the old office: a class from the default catalogue.
        programme = programmes.list_programmes(db)[0]
        training.save_class(db, ClassInput(programme.id, "Lớp thử", 2026))
        assert [c.name for c in training.list_classes(db)] == ["Lớp thử"]
    finally:
        db.close()
    kept = sqlite3.connect(tmp_path / "CadreDesktop" / f"cadre.before-v{version + 1}.sqlite3")
    assert kept.execute("PRAGMA user_version").fetchone()[0] == version
    assert kept.execute("SELECT full_name FROM person").fetchall() == [("Nguyễn Thị Hoa",)]
    kept.close()
    assert main(["roster", "search", "hoa", "--db", str(path), "--json"]) == 0
    assert "Nguyễn Thị Hoa" in capsys.readouterr().out
