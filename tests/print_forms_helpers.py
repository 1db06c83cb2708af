"""Rotations and member programme records to print, made through the services on the
rotation test office (rotation_helpers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cadre_desktop.domain.member_programme import DEFAULT_AREAS, RegistrationItem
from cadre_desktop.domain.rotation_plan import Override
from cadre_desktop.services import member_programme as programme
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import member_programme as programme_store
from cadre_desktop.store import rotation_evaluations
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import OfficeProfile, save_profile
from rotation_helpers import Office, build_office

PLAN = "Mỗi tháng đọc hai bài chuyên đề và chia sẻ trong buổi sinh hoạt chi đoàn"
SECRETARY = "Võ Thị Thu"


@dataclass
class Printed:
    office: Office
    rotation_id: str = ""
    evaluation_ids: list[str] = field(default_factory=list)  # in due order
    year_id: str = ""
    registrations: dict[str, str] = field(default_factory=dict)  # member name -> id


def office_with_profile(db: Database) -> Office:
    office = build_office(db)
    with db.write("profile") as tx:
        save_profile(tx, OfficeProfile(
            office_name="BCH Tỉnh đoàn Tây Ninh", office_code="TN", upper_body="",
            place_name="Tây Ninh", signer_title="Bí thư", signer_name="Trần Lê Duy",
            doc_suffix="TĐTN"))
    return office


def add_rotation(db: Database, office: Office) -> tuple[str, list[str]]:
    """Lê Văn Cường (35, a low rating) sent by the Standing Committee's decision, under way,
    the first evaluation recorded in full, the rotation extended."""
    rotation_id = svc.propose(
        db, svc.Proposal(office.people["Lê Văn Cường"], dt.date(2025, 1, 1),
                         dt.date(2025, 12, 31), host_unit_id=office.hosts[0].id),
        [Override("eligibility", "25-QĐ/TĐTN", dt.date(2024, 12, 10),
                  "Ban Thường vụ xem xét cụ thể")])
    svc.approve(db, rotation_id, "30-QĐ/TĐTN", dt.date(2024, 12, 20))
    svc.start(db, rotation_id)
    first = rotation_evaluations.list_for(db, rotation_id)[0].id
    follow.record_report(db, first, dt.date(2025, 7, 3),
                         "Tham gia xây dựng chương trình công tác Đoàn của phường")
    follow.record_host_evaluation(db, first, "htt", "Nhiệt tình, có trách nhiệm",
                                  "BTV Đoàn phường Ninh Thạnh", dt.date(2025, 7, 8))
    svc.change_end(db, rotation_id, dt.date(2026, 3, 31), "Địa phương đề nghị ở lại",
                   "41-QĐ/TĐTN", dt.date(2025, 9, 1))
    return rotation_id, [e.id for e in rotation_evaluations.list_for(db, rotation_id)]


def items(db: Database, skip_last_area: bool = False) -> list[RegistrationItem]:
    found = []
    areas = DEFAULT_AREAS[:-1] if skip_last_area else DEFAULT_AREAS
    for code, _label in areas:
        for criterion in programme_store.list_criteria(db, code)[:2]:
            found.append(RegistrationItem(code, criterion.text, PLAN, criterion.id))
    return found


def add_programme(db: Database, office: Office) -> tuple[str, dict[str, str]]:
    """The 2025–2026 year in the branch: Giang and Hà approved and scored, Khoa returned,
    Lan a draft without the last area, Minh not registered; a branch secretary."""
    save_person(db, PersonForm({"full_name": SECRETARY, "birth": "1996", "gender": "Nữ",
                                "unit_id": office.branch.id}, position_code="bi_thu_chi_doan"))
    year = programme.open_year(db, 2025)
    ids = {}
    for name in ("Đoàn Thị Giang", "Đoàn Thị Hà", "Đoàn Thị Khoa"):
        ids[name] = programme.save_registration(db, year.id, office.people[name], items(db),
                                                submit=True, on=dt.date(2025, 10, 10))
    for name in ("Đoàn Thị Giang", "Đoàn Thị Hà"):
        programme.decide_registration(db, ids[name], approve=True, on=dt.date(2025, 10, 15))
    programme.decide_registration(db, ids["Đoàn Thị Khoa"], approve=False,
                                  comment="Bổ sung giải pháp về sức khỏe",
                                  on=dt.date(2025, 10, 16))
    ids["Đoàn Thị Lan"] = programme.save_registration(
        db, year.id, office.people["Đoàn Thị Lan"], items(db, skip_last_area=True))
    programme.record_self_evaluation(db, ids["Đoàn Thị Giang"], 1, dt.date(2026, 4, 18), 85)
    programme.save_branch_scores(db, year.id, office.branch.id, {
        office.people["Đoàn Thị Giang"]: programme.ScoreEntry(92, 90),
        office.people["Đoàn Thị Hà"]: programme.ScoreEntry(79.5, 80, "Vắng một buổi"),
    }, dt.date(2026, 5, 30))
    return year.id, ids


def everything(db: Database) -> Printed:
    office = office_with_profile(db)
    rotation_id, evaluation_ids = add_rotation(db, office)
    year_id, registrations = add_programme(db, office)
    return Printed(office, rotation_id, evaluation_ids, year_id, registrations)
