import pytest

from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.services import lists
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import roster_query, undo
from cadre_desktop.store.db import Database


def labels(db: Database, kind: str) -> list[str]:
    return [i.label for i in lists.items(db, kind)]


def test_add_rename_hide_a_position(db: Database) -> None:
    item = lists.add(db, "position", "Ủy viên Ban Tuyên giáo")
    assert labels(db, "position")[-1] == "Ủy viên Ban Tuyên giáo"
    pid = save_person(db, PersonForm({"full_name": "Lê Văn An"}, position_code=item.code)).person_id
    lists.rename(db, item.id, "Trưởng Ban Tuyên giáo")
    assert roster_query.search(db, "an")[0]["position"] == "Trưởng Ban Tuyên giáo"
    lists.hide(db, item.id)
    assert "Trưởng Ban Tuyên giáo" not in labels(db, "position")
    # The person keeps the value and the roster still names it.
    assert roster_query.search(db, "an")[0]["id"] == pid
    assert roster_query.search(db, "an")[0]["position"] == "Trưởng Ban Tuyên giáo"
    assert undo.undo_last(db) == "Ẩn 'Trưởng Ban Tuyên giáo' khỏi danh mục"
    assert "Trưởng Ban Tuyên giáo" in labels(db, "position")


def test_duplicates_and_blank_names_are_refused(db: Database) -> None:
    with pytest.raises(InvalidInput, match="đã có"):
        lists.add(db, "position", "bi thu")
    with pytest.raises(InvalidInput, match="trống"):
        lists.add(db, "education", "   ")
    first = lists.items(db, "working_status")[0]
    with pytest.raises(InvalidInput, match="đã có"):
        lists.rename(db, first.id, "Kiêm nhiệm")
    with pytest.raises(NotFound):
        lists.add(db, "rating_scale", "x")


def test_adding_a_hidden_item_again_brings_it_back(db: Database) -> None:
    # The list's code is unique per office with hidden items included: adding the same
    # label again used to fail with a raw IntegrityError.
    added = lists.add(db, "position", "Phó Bí thư phụ trách địa bàn")
    lists.hide(db, added.id)
    assert added.code not in {i.code for i in lists.items(db, "position")}
    again = lists.add(db, "position", "Phó bí thư phụ trách địa bàn")
    assert again.id == added.id and again.code == added.code
    shown = {i.code: i.label for i in lists.items(db, "position")}
    assert shown[added.code] == "Phó bí thư phụ trách địa bàn"
