import json

import pytest

from cadre_desktop.services.roster import (
    FieldErrors,
    PersonForm,
    delete_people,
    restore_people,
    save_person,
    undo_last,
)
from cadre_desktop.store import people, roster_query, units
from cadre_desktop.store.db import Database


def add(db: Database, name: str, **raw: str) -> str:
    return save_person(db, PersonForm({"full_name": name, **raw})).person_id


def names(db: Database, deleted: bool = False) -> list[str]:
    flt = roster_query.RosterFilter(deleted=deleted)
    keys = list(roster_query.keys(db, flt, roster_query.RosterSort(), 100))
    return [r.full_name for r in roster_query.rows(db, keys)]


def test_every_change_writes_an_audit_entry(db: Database) -> None:
    pid = add(db, "Nguyễn Văn An", birth="1998")
    save_person(db, PersonForm({"full_name": "Nguyễn Văn An", "birth": "1999"}), pid)
    rows = db.conn.execute(
        "SELECT t.label, t.clerk, a.action, a.old_values, a.new_values FROM audit a"
        " JOIN txn t ON t.id = a.txn_id WHERE a.table_name = 'person' ORDER BY a.id"
    ).fetchall()
    assert [r[2] for r in rows] == ["insert", "update"]
    assert rows[0][0] == "Thêm Nguyễn Văn An" and rows[0][1] == db.clerk
    assert json.loads(rows[1][3]) == {"birth_date": "1998"}
    assert json.loads(rows[1][4]) == {"birth_date": "1999"}


def test_invalid_input_writes_nothing(db: Database) -> None:
    before = db.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(FieldErrors) as caught:
        save_person(db, PersonForm({"full_name": "Lê Thị Hoa", "birth": "31/02/2001"}))
    assert "birth" in caught.value.errors
    assert db.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
    assert db.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 0


def test_delete_restore_and_undo_in_reverse_order(db: Database) -> None:
    a = add(db, "Trần Thị Ánh")
    add(db, "Lê Văn Bình")
    delete_people(db, [a])
    assert names(db) == ["Lê Văn Bình"]
    assert names(db, deleted=True) == ["Trần Thị Ánh"]
    restore_people(db, [a])
    assert names(db) == ["Trần Thị Ánh", "Lê Văn Bình"]
    assert undo_last(db) == "Khôi phục 1 người"
    assert names(db) == ["Lê Văn Bình"]
    assert undo_last(db) == "Xóa 1 người"
    assert names(db) == ["Trần Thị Ánh", "Lê Văn Bình"]
    assert undo_last(db) == "Thêm Lê Văn Bình"
    assert names(db) == ["Trần Thị Ánh"]


def test_undo_of_an_edit_puts_old_values_back(db: Database) -> None:
    pid = add(db, "Phạm Minh Đức", phone="0912345678")
    save_person(db, PersonForm({"full_name": "Phạm Minh Đức", "phone": "0987654321"}), pid)
    undo_last(db)
    detail = people.get_person(db, pid)
    assert detail is not None and detail.values["phone"] == "0912345678"
    assert roster_query.search(db, "0912")[0]["id"] == pid


def test_undo_covers_position_planning_and_ratings(db: Database) -> None:
    pid = add(db, "Hồ Ngọc Hà")
    level = db.conn.execute(
        "SELECT id FROM rating_level WHERE code = 'htt'").fetchone()[0]
    save_person(db, PersonForm({"full_name": "Hồ Ngọc Hà"}, position_code="bi_thu",
                               planning_code="pho_bi_thu", planning_term="2022–2027",
                               ratings={2024: level}), pid)
    detail = people.get_person(db, pid)
    assert detail is not None
    assert detail.current_position == "bi_thu" and detail.ratings == {2024: level}
    undo_last(db)
    detail = people.get_person(db, pid)
    assert detail is not None
    assert detail.current_position is None and detail.ratings == {} and detail.planning == []


def test_nothing_to_undo(db: Database) -> None:
    assert undo_last(db) is None


def test_unit_tree_and_subtree_filter(db: Database) -> None:
    with db.write("Cây tổ chức") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None, "Đoàn xã/phường")
        kp1 = units.create_unit(tx, "Chi đoàn Khu phố 1", root, "Chi đoàn")
        school = units.create_unit(tx, "Đoàn trường THPT Trảng Bàng", root, "Đoàn cơ sở")
        units.create_unit(tx, "Chi đoàn 12A1", school, "Chi đoàn")
    add(db, "Nguyễn Văn An", unit_id=kp1.id)
    add(db, "Trần Thị Bé", unit_id=school.id)
    add(db, "Võ Văn Cường", unit_id=root.id)
    count = roster_query.count
    assert count(db, roster_query.RosterFilter(unit_id=root.id)) == 3
    assert count(db, roster_query.RosterFilter(unit_id=school.id)) == 1
    found = units.find_unit(db, "doan phuong gia loc / chi doan 12a1")
    assert found is not None and found.name == "Chi đoàn 12A1"
    with db.write("Giải thể") as tx:
        import datetime as dt

        units.close_unit(tx, kp1.id, dt.date(2025, 7, 1))
    closed = units.get_unit(db, kp1.id)
    assert closed is not None and closed.status == "dissolved" and closed.valid_to == "2025-07-01"


def test_settings_changes_do_not_block_undo_but_bulk_generation_does(db: Database) -> None:
    from cadre_desktop.store.profile import OfficeProfile, save_profile

    add(db, "Nguyễn Văn An")
    with db.write("Hồ sơ đơn vị", undoable=False) as tx:
        save_profile(tx, OfficeProfile(office_name="BCH ĐOÀN PHƯỜNG GIA LỘC"))
    assert undo_last(db) == "Thêm Nguyễn Văn An"
    add(db, "Lê Thị Bình")
    with db.write("Dữ liệu mẫu", undoable=False) as tx:
        tx.insert("unit", {"id": "u1", "name": "Chi đoàn 1", "name_fold": "chi doan 1",
                           "path": "/u1/"})
    assert undo_last(db) is None
    assert names(db) == ["Lê Thị Bình"]
