"""Enrolling the people who do not yet meet a target into a class in one action."""

from __future__ import annotations

import datetime as dt

import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import enrolment
from cadre_desktop.services.target_enrol import enrol_unmet
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import list_participants
from plan_fixture import Office, build_office
from training_roster import make_class

END_2025 = dt.date(2025, 12, 31)


@pytest.fixture
def office(db: Database) -> Office:
    return build_office(db)


def test_the_unmet_are_enrolled_the_rest_wait(db: Database, office: Office) -> None:
    # Coverage on 31/12/2025: Hoa has not yet met it; class O has one seat.
    result = enrol_unmet(db, office.targets["coverage"], office.classes["O"], on=END_2025)
    assert [p.full_name for p in result.enrolled] == ["Bùi Thị Hoa"]
    assert result.waiting == [] and result.refused == []
    again = enrol_unmet(db, office.targets["coverage"], office.classes["O"], on=END_2025)
    assert [(r.full_name, r.reason) for r in again.refused] == [
        ("Bùi Thị Hoa", "Đã có tên trong lớp")]


def test_named_people_are_checked_one_by_one(db: Database, office: Office) -> None:
    p = office.person
    share = office.targets["share"]
    result = enrol_unmet(db, share, office.classes["O"],
                         [p("An"), p("Khoa"), p("Ngọc"), p("Cường"), p("Hoa")], on=END_2025)
    reasons = {r.full_name: r.reason for r in result.refused}
    assert reasons["Nguyễn Văn An"] == "Đã đạt chỉ tiêu"
    assert reasons["Đặng Văn Khoa"].startswith("Không thuộc đối tượng của chỉ tiêu")
    assert "cần ghi lý do" in reasons["Lý Thị Ngọc"]  # outside bd_co_ban's group
    # Cường and Hoa (chuyên trách) are in the programme's group: one seat, one waits.
    assert [x.full_name for x in result.enrolled] == ["Lê Văn Cường"]
    assert [x.full_name for x in result.waiting] == ["Bùi Thị Hoa"]
    statuses = {x.full_name: x.status for x in list_participants(db, office.classes["O"])}
    assert statuses == {"Lê Văn Cường": "enrolled", "Bùi Thị Hoa": "waiting"}


def test_a_reason_lets_people_outside_the_programme_in(db: Database, office: Office) -> None:
    p = office.person
    result = enrol_unmet(db, office.targets["share"], office.classes["O"], [p("Ngọc")],
                         reason="Cán bộ nguồn", on=END_2025)
    assert [x.full_name for x in result.enrolled] == ["Lý Thị Ngọc"]
    assert list_participants(db, office.classes["O"])[0].outside_reason == "Cán bộ nguồn"


def test_refusals_that_stop_the_whole_action(db: Database, office: Office) -> None:
    with pytest.raises(UserError, match="không có danh sách người"):
        enrol_unmet(db, office.targets["classes"], office.classes["O"])
    with pytest.raises(UserError, match="không ghi danh thêm được"):
        enrol_unmet(db, office.targets["coverage"], office.classes["A"], on=END_2025)
    assert list_participants(db, office.classes["O"]) == []
    # The ordinary enrolment service still works on the class afterwards.
    later = make_class(db, "bd_co_ban", "Lớp sau", start=dt.date(2026, 9, 7))
    assert enrolment.enrol_many(db, later, [office.person("Hoa")]).enrolled
