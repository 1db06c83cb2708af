"""A small mixed roster for the training tests, built through the ordinary store paths."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadre_desktop.services.roster import PersonForm, delete_people, save_person
from cadre_desktop.store import programmes, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.training import ClassInput, SessionInput, create_class, create_sessions

# name, unit key, position, working status, planned position, birth
PEOPLE: list[tuple[str, str, str | None, str | None, str | None, str]] = [
    ("Nguyễn Văn An", "xa", "bi_thu", "chuyen_trach", None, "1990"),
    ("Trần Thị Bình", "truong", "bi_thu", "kiem_nhiem", None, "1992"),
    ("Lê Văn Cường", "root", "bi_thu", "chuyen_trach", None, "1985"),
    ("Phạm Thị Dung", "thon", "bi_thu_chi_doan", "kiem_nhiem", None, "1996"),
    ("Hoàng Văn Em", "thon", None, None, "bi_thu", "1997"),
    ("Đỗ Thị Giang", "congty", "bi_thu", "ban_chuyen_trach", None, "1993"),
    ("Võ Văn Hùng", "xa", "chu_tich_hlhtn", None, None, "1994"),
    ("Bùi Thị Hoa", "xa", None, "chuyen_trach", None, "1995"),
    ("Đặng Văn Khoa", "thon", None, None, None, "2000"),
    ("Ngô Thị Lan", "truong", "chu_tich_hsv", None, "chu_tich_hsv", "2001"),
    ("Dương Văn Minh", "xa", "can_bo_cntt", None, None, "1998"),
    ("Lý Thị Ngọc", "thon", "tong_phu_trach", "kiem_nhiem", None, "1991"),
    ("Mai Văn Phúc", "xa", "bi_thu", None, None, "1989"),  # position ended below
    ("Tạ Văn Quang", "xa", "bi_thu", "chuyen_trach", None, "1990"),  # deleted below
    ("Lê Văn Anh", "thon", None, None, None, "2002"),
    ("Trần Thị Ánh", "thon", None, None, None, "2003"),
]


@dataclass
class Roster:
    units: dict[str, str]  # key -> unit id
    people: dict[str, str]  # full name -> person id

    def id(self, name: str) -> str:
        return self.people[name]


def build_roster(db: Database) -> Roster:
    with db.write("units") as tx:
        root = units.create_unit(tx, "Tỉnh đoàn Bình Thuận", None, "Tỉnh đoàn")
        xa = units.create_unit(tx, "Đoàn xã Hòa Thắng", root, "Đoàn xã/phường")
        truong = units.create_unit(tx, "Đoàn trường THPT Phan Bội Châu", root, "Đoàn cơ sở")
        # A level label typed without accents must still match "Đoàn cơ sở".
        congty = units.create_unit(tx, "Đoàn Công ty Cao su", root, "doan co so")
        thon = units.create_unit(tx, "Chi đoàn Thôn 1", xa, "Chi đoàn")
    unit_map = {"root": root.id, "xa": xa.id, "truong": truong.id, "congty": congty.id,
                "thon": thon.id}
    people: dict[str, str] = {}
    for name, unit, position, status, planned, birth in PEOPLE:
        form = PersonForm({"full_name": name, "birth": birth,
                           "gender": "Nữ" if " Thị " in name else "Nam",
                           "unit_id": unit_map[unit], "working_status": status},
                          position_code=position, planning_code=planned, planning_term="2022-2027")
        people[name] = save_person(db, form).person_id
    phuc = people["Mai Văn Phúc"]
    save_person(db, PersonForm({"full_name": "Mai Văn Phúc", "birth": "1989", "gender": "Nam",
                                "unit_id": unit_map["xa"]}), phuc)
    delete_people(db, [people["Tạ Văn Quang"]])
    return Roster(unit_map, people)


def programme_id(db: Database, code: str) -> str:
    found = programmes.find_programme(db, code)
    assert found is not None
    return found.id


def make_class(db: Database, code: str = "bd_co_ban", name: str = "Lớp A", *,
               capacity: int | None = None, start: dt.date = dt.date(2025, 3, 3),
               days: int = 5, status: str = "open") -> str:
    with db.write("class") as tx:
        return create_class(tx, ClassInput(
            programme_id(db, code), name, start.year, start_date=start,
            end_date=start + dt.timedelta(days=days - 1), capacity=capacity, status=status))


def add_sessions(db: Database, class_id: str, *slots: tuple[dt.date, str, str],
                 lecturer: str = "", room: str = "") -> list[str]:
    with db.write("sessions") as tx:
        return create_sessions(tx, class_id, [
            SessionInput(day, dt.time.fromisoformat(start), dt.time.fromisoformat(end),
                         f"Chuyên đề {i}", lecturer_name=lecturer, room=room)
            for i, (day, start, end) in enumerate(slots, start=1)])
