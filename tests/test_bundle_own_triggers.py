"""A province importing an office's people skips the insert triggers that act on its own
people only (their unique live ID number, its search index), and has them back after:
the province's own rules still hold, and a failed import leaves them as they were."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from bundle_helpers import PASS, Office, craft, fast_scrypt, offices, replace_row, template
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import sync_rows
from cadre_desktop.sync.transaction import import_bundles

__all__ = ["fast_scrypt", "offices", "template"]

OWN_ONLY = ("person_citizen_unique_insert", "person_search_insert")


def _triggers(office: Office) -> dict[str, str]:
    return dict(office.db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'person'"))


@pytest.fixture
def suspend_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_rows, "_SUSPEND_FROM", 1)  # the test offices have 100 people


def test_an_import_of_another_office_keeps_the_own_rules(
        offices: dict[str, Office], suspend_always: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, p = offices["A"], offices["P"]
    before = _triggers(p)
    assert set(OWN_ONLY) <= set(before)
    during: list[set[str]] = []
    suspended = sync_rows.own_triggers_suspended

    @contextlib.contextmanager
    def watched(tx: Any, table: str, rows: int) -> Iterator[None]:
        with suspended(tx, table, rows):
            if table == "person":
                during.append({r[0] for r in tx.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'")})
            yield

    monkeypatch.setattr(sync_rows, "own_triggers_suspended", watched)
    items = import_bundles(p.db, [("a", craft(a, p))], PASS)
    assert during and all(not set(OWN_ONLY) & names for names in during)
    assert items[0].report is not None and items[0].report.status == "imported"
    assert _triggers(p) == before  # the same triggers, word for word
    people = p.db.conn.execute("SELECT COUNT(*) FROM person WHERE office_id = ?",
                               (a.id,)).fetchone()[0]
    assert people == 100
    # The province's own people still get their rules: the database itself refuses a
    # second live person with the same ID number in the province's own office, and the
    # first is in the province's search index.
    save_person(p.db, PersonForm({"full_name": "Trần Văn Một", "citizen_id": "079123456789"}))
    columns = [r[1] for r in p.db.conn.execute("PRAGMA table_info(person)")]
    copied = ", ".join("'another-id'" if c == "id" else f'"{c}"' for c in columns)
    with pytest.raises(sqlite3.IntegrityError, match="duplicate live citizen_id"):
        p.db.conn.execute(f"INSERT INTO person ({', '.join(columns)}) SELECT {copied} "
                          "FROM person WHERE citizen_id = '079123456789'")
    assert p.db.conn.execute(
        "SELECT COUNT(*) FROM person_search WHERE rowid = "
        "(SELECT rowid FROM person WHERE citizen_id = '079123456789')").fetchone()[0] == 1


def test_a_refused_import_leaves_the_triggers_as_they_were(
        offices: dict[str, Office], suspend_always: None) -> None:
    a, p = offices["A"], offices["P"]
    before = _triggers(p)

    def broken(snap: object) -> None:  # a bidi character: refused after the rows are read
        replace_row(snap, "person", 3, family_middle="Lê\u202eVăn")  # type: ignore[arg-type]

    items = import_bundles(p.db, [("a", craft(a, p, edit=broken))], PASS)
    assert items[0].error is not None
    assert _triggers(p) == before
