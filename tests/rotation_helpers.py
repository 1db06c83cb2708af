"""A small office for the rotation and member programme tests, built through the services."""

from __future__ import annotations

from dataclasses import dataclass, field

from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import lookups, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.units import Unit


@dataclass
class Office:
    root: Unit
    committee: Unit
    branch: Unit
    hosts: list[Unit]
    people: dict[str, str] = field(default_factory=dict)  # full name -> id


def add_person(db: Database, name: str, unit: Unit, *, birth: str = "15/06/1997",
               gender: str = "Nam", staff: str | None = "Có", party: str | None = "dang_vien",
               working: str | None = "chuyen_trach", position: str | None = "uv_bch",
               planning: str | None = "pho_bi_thu", term: str = "2022–2027",
               ratings: dict[int, str] | None = None, discipline: str | None = None,
               deferral: str | None = None) -> str:
    if ratings is None:
        ratings = {2022: "htt", 2023: "htt", 2024: "htxs"}
    level_ids: dict[int, str | None] = {}
    for year, code in ratings.items():
        level = lookups.rating_level_for(db, year, code)
        assert level is not None
        level_ids[year] = level.id
    raw = {"full_name": name, "birth": birth, "gender": gender, "unit_id": unit.id,
           "permanent_staff": staff, "party_status": party, "working_status": working,
           "discipline_until": discipline, "no_rotation_until": deferral}
    form = PersonForm(raw, position_code=position, planning_code=planning,
                      planning_term=term if planning else "", ratings=level_ids)
    return save_person(db, form).person_id


def build_office(db: Database) -> Office:
    with db.write("units") as tx:
        root = units.create_unit(tx, "Tỉnh đoàn Tây Ninh", None, "Tỉnh đoàn")
        committee = units.create_unit(tx, "Ban Tổ chức - Kiểm tra", root)
        branch = units.create_unit(tx, "Chi đoàn cơ quan Tỉnh đoàn", root, "Chi đoàn")
        hosts = [units.create_unit(tx, name, root, "Đoàn xã/phường")
                 for name in ("Đoàn phường Ninh Thạnh", "Đoàn xã Tân Hưng")]
    office = Office(root, committee, branch, hosts)
    p = office.people
    p["Nguyễn Văn An"] = add_person(db, "Nguyễn Văn An", committee)
    p["Trần Thị Bình"] = add_person(db, "Trần Thị Bình", committee, gender="Nữ",
                                    position="chuyen_vien", planning="pho_truong_ban",
                                    party="nguon")
    p["Lê Văn Cường"] = add_person(db, "Lê Văn Cường", committee, birth="1990",
                                   ratings={2023: "ht", 2024: "htt"})
    p["Phạm Thị Dung"] = add_person(db, "Phạm Thị Dung", committee, gender="Nữ",
                                    deferral="31/03/2025")
    p["Hồ Văn Em"] = add_person(db, "Hồ Văn Em", committee, staff=None,
                                ratings={2024: "htt"})
    for n, given in enumerate(["Giang", "Hà", "Khoa", "Lan", "Minh"]):
        name = f"Đoàn Thị {given}"
        p[name] = add_person(db, name, branch, gender="Nữ", birth=f"0{n + 1}/02/2001",
                             staff=None, party=None, working=None, position=None,
                             planning=None, ratings={})
    return office
