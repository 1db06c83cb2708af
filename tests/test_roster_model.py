"""RosterTableModel: keys and pages read off the GUI thread, formatting, filter and sort
in SQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.domain.person import validate
from cadre_desktop.services import roster
from cadre_desktop.services.roster import RosterFilter
from cadre_desktop.store import roster_query, units
from cadre_desktop.store.db import Database, new_id, open_database
from cadre_desktop.ui.kit.paged_model import CACHED_PAGES, FIRST_ROWS, PAGE_SIZE
from cadre_desktop.ui.roster.model import RosterTableModel, display_partial_date
from cadre_desktop.ui.roster.unit_tree import UNIT_ID_ROLE, UnitTreeModel
from gui_support import OFFICIAL_ORDER, Office, settle

pytest_plugins = ["gui_fixtures"]


@pytest.fixture(autouse=True)
def _application(qapp: Any) -> None:
    """The model reads off the GUI thread: its answers need the application's events."""


@pytest.fixture
def opened(office: Office) -> Any:
    db = open_database(office.path)
    yield db
    db.close()


def names(model: RosterTableModel) -> list[str]:
    settle(model)
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, opened: Database) -> None:
    model = RosterTableModel(opened)
    qtmodeltester.check(model)  # watches the model from here on, rows arriving included
    settle(model)
    model.set_filter(RosterFilter(query="nguyen"))
    settle(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    settle(model)
    roster.delete_people(opened, [model.person_id(0)])
    model.set_filter(RosterFilter(deleted=True))
    settle(model)
    qtmodeltester.check(model)


def test_rows_in_official_order_with_display_formats(opened: Database) -> None:
    model = RosterTableModel(opened)
    assert names(model) == OFFICIAL_ORDER
    assert model.total == model.rowCount() == 6
    by_name = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    birth = roster_query.COLUMN_KEYS.index("birth_date")
    gender = roster_query.COLUMN_KEYS.index("gender")
    assert [c.key for c in model.columns()] == roster_query.COLUMN_KEYS
    assert model.index(by_name["Nguyễn Văn Đức"], birth).data() == "12/03/1998"
    assert model.index(by_name["Nguyễn Thị Ánh"], birth).data() == "05/1999"
    assert model.index(by_name["Trần Văn Anh"], birth).data() == "2001"
    # Source strings are English; the Vietnamese translation turns them into Nam/Nữ.
    assert model.index(by_name["Trần Văn Anh"], gender).data() == "Male"
    assert model.index(by_name["Lê Thị Bình"], gender).data() == "Female"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert model.person_id(0) and model.full_name(0) == OFFICIAL_ORDER[0]


def test_display_partial_date() -> None:
    assert display_partial_date("1998-05-17") == "17/05/1998"
    assert display_partial_date("1998-05") == "05/1998"
    assert display_partial_date("1998") == "1998"
    assert display_partial_date(None) == ""


def test_filter_search_unit_and_deleted(opened: Database, office: Office) -> None:
    model = RosterTableModel(opened)
    model.set_filter(RosterFilter(query="duc"))
    assert names(model) == ["Nguyễn Văn Đức"]
    model.set_filter(RosterFilter(query="ANH"))
    assert names(model) == ["Nguyễn Hữu Anh", "Trần Văn Anh", "Nguyễn Thị Ánh"]
    model.set_filter(RosterFilter(unit_id=office.unit_ids["kp1"]))
    assert names(model) == ["Nguyễn Thị Ánh", "Đỗ Thị Ân", "Nguyễn Văn Đức"]
    model.set_filter(RosterFilter(unit_id=office.unit_ids["root"]))
    settle(model)
    assert model.total == 6
    model.set_filter(RosterFilter())
    settle(model)
    roster.delete_people(opened, [model.person_id(0)])
    model.refresh()
    settle(model)
    assert model.total == 5
    model.set_filter(RosterFilter(deleted=True))
    assert names(model) == ["Nguyễn Hữu Anh"]


def test_sort_by_header_columns(opened: Database) -> None:
    model = RosterTableModel(opened)
    settle(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model) == list(reversed(OFFICIAL_ORDER))
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(model)[0] == "Đỗ Thị Ân"  # born 1996
    model.sort(99, Qt.SortOrder.AscendingOrder)  # out of range: ignored
    assert model.current_sort.column == "birth_date"


def test_refresh_keeps_rows_when_the_count_is_unchanged(qtbot: QtBot, opened: Database) -> None:
    model = RosterTableModel(opened)
    settle(model)
    person = model.person_id(0)
    form = roster.PersonForm({"family_middle": "Nguyễn Hữu", "given_name": "Anh",
                              "birth": "1990"})
    roster.save_person(opened, form, person)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged):
        model.refresh()
        settle(model)
    settle(model)
    assert model.index(0, 1).data() == "1990"
    assert resets == []  # the same people in the same places: rows stay, only reread


def _letters(number: int) -> str:
    """A number as a word without digits (names may not contain digits), in sort order."""
    alphabet = "abcdeghiklmnopqrstuv"
    word = ""
    for _ in range(4):
        number, digit = divmod(number, len(alphabet))
        word = alphabet[digit] + word
    return "X" + word


def _many(db: Database, count: int) -> None:
    root = units.root_unit(db)
    rows = []
    for i in range(count):
        person = validate({"family_middle": "Nguyễn Văn", "given_name": _letters(i),
                           "birth": "1990", "unit_id": root.id if root else None}).person
        assert person is not None
        rows.append({"id": new_id(), **person.columns()})
    with db.write("bulk", undoable=False) as tx:
        tx.insert_many("person", rows)


def test_only_the_pages_asked_for_are_read(monkeypatch: pytest.MonkeyPatch,
                                           db_path: Path) -> None:
    db = open_database(db_path)
    with db.write("root") as tx:
        units.create_unit(tx, "Đoàn phường", None)
    total = PAGE_SIZE * (CACHED_PAGES + 3) + 7
    _many(db, total)
    calls: list[int] = []
    real_rows = roster_query.rows

    def counting_rows(handle: Any, keys: Any) -> Any:
        calls.append(len(keys))
        return real_rows(handle, keys)

    monkeypatch.setattr(roster_query, "rows", counting_rows)
    model = RosterTableModel(db)
    assert model.wait_loaded()
    # The keys, with a screenful of rows for the first paint and then the rest of the
    # first page.
    assert model.rowCount() == total and calls == [FIRST_ROWS, PAGE_SIZE]
    assert model.index(PAGE_SIZE - 1, 0).data() == f"Nguyễn Văn {_letters(PAGE_SIZE - 1)}"
    assert model.index(total - 1, 0).data() is None  # asked for: its page is on the way
    assert model.wait_loaded()
    assert model.index(total - 1, 0).data() == f"Nguyễn Văn {_letters(total - 1)}"
    # The last page alone, no OFFSET walk.
    assert calls == [FIRST_ROWS, PAGE_SIZE, total % PAGE_SIZE]
    model.index(0, 0).data()
    model.index(1, 3).data()
    model.wait_loaded()
    assert len(calls) == 3  # rows 0 and 1 are on the first page, read with the keys
    ids = model.person_ids(range(total))
    assert len(ids) == total and len(set(ids)) == total
    settle(model)
    assert len(model._pages) <= CACHED_PAGES
    db.close()


def test_a_first_page_read_short_is_read_again(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                               db_path: Path) -> None:
    # A person deleted between the keys and their rows: a page shorter than its keys
    # would show every row below under the wrong key, so it is read again.
    db = open_database(db_path)
    with db.write("root") as tx:
        units.create_unit(tx, "Đoàn phường", None)
    _many(db, PAGE_SIZE + 10)
    real_rows = roster_query.rows
    shortened: list[int] = []

    def once_short(handle: Any, keys: Any) -> Any:
        found = real_rows(handle, keys)
        if len(keys) == PAGE_SIZE and not shortened:
            shortened.append(len(keys))
            return found[:-1]
        return found

    monkeypatch.setattr(roster_query, "rows", once_short)
    model = RosterTableModel(db)
    assert model.wait_loaded()
    settle(model)
    assert shortened == [PAGE_SIZE]
    shown = [model.index(row, 0).data() for row in range(PAGE_SIZE)]
    assert model.wait_loaded()
    shown = [model.index(row, 0).data() for row in range(PAGE_SIZE)]
    assert shown == [f"Nguyễn Văn {_letters(row)}" for row in range(PAGE_SIZE)]
    db.close()


def test_unit_tree_model(qtmodeltester: ModelTester, qtbot: QtBot, opened: Database,
                         office: Office) -> None:
    from cadre_desktop.store import unit_counts

    tree = UnitTreeModel()
    with opened.write("close") as tx:
        units.close_unit(tx, office.unit_ids["kp2"], __import__("datetime").date(2025, 6, 30))
    tree.reload(units.list_units(opened), unit_counts.people_per_subtree(opened), 6)
    qtmodeltester.check(tree)
    all_units = tree.index(0, 0)
    assert all_units.data() == "All units"
    assert all_units.data(UNIT_ID_ROLE) is None
    assert tree.index(0, 1).data() == "6"
    root = tree.index(0, 0, all_units)
    assert root.data() == "Đoàn phường Gia Lộc"
    assert tree.index(0, 1, all_units).data() == "6"
    children = [tree.index(r, 0, root).data() for r in range(tree.rowCount(root))]
    assert children == ["Chi đoàn Khu phố 1", "Chi đoàn Khu phố 2 (dissolved)"]
    assert tree.index(1, 1, root).data() == "3"


def test_a_long_list_shows_its_first_rows_before_the_rest(
    qtbot: QtBot, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    db = open_database(db_path)
    with db.write("root") as tx:
        units.create_unit(tx, "Đoàn phường", None)
    total = PAGE_SIZE * 2 + 5
    _many(db, total)
    monkeypatch.setattr(roster, "FIRST_CHUNK", PAGE_SIZE)
    monkeypatch.setattr(roster, "CHUNK", PAGE_SIZE)
    model = RosterTableModel(db)
    qtmodeltester.check(model)
    model.set_filter(RosterFilter(query=f"nguyen van {_letters(3)}"))
    settle(model)
    assert model.rowCount() == 1
    sizes: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: sizes.append(last - first + 1))
    model.modelReset.connect(lambda: sizes.append(-model.rowCount()))
    with qtbot.waitSignal(model.totalChanged, timeout=5000) as counted:
        model.set_filter(RosterFilter(query="nguyen"))
    # Shown as it came: the first chunk replaced the list, the rest were appended.
    assert sizes == [-PAGE_SIZE, PAGE_SIZE, 5]
    assert counted.args == [total]
    assert not model.counting and model.rowCount() == total == model.total
    settle(model)
    assert model.index(total - 1, 0).data() == f"Nguyễn Văn {_letters(total - 1)}"
    db.close()


def test_typing_ahead_drops_the_searches_overtaken(qtbot: QtBot, opened: Database) -> None:
    model = RosterTableModel(opened)
    settle(model)
    for query in ("n", "ng", "ngu", "nguy", "nguyen van d"):
        model.set_filter(RosterFilter(query=query))
    assert names(model) == ["Nguyễn Văn Đức"]
