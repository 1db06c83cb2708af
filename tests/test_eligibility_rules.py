"""Each rotation rule of the Tây Ninh plan at its edges (domain/eligibility.py)."""

import datetime as dt
from dataclasses import replace

import pytest

from cadre_desktop.domain import eligibility as el
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN, PersonFacts, RatingFact
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.rotation_rules import GROUP_1, RotationRules

START = dt.date(2025, 1, 1)
RULES = RotationRules()
GOOD = RatingFact(3, "Hoàn thành tốt nhiệm vụ")
EXCELLENT = RatingFact(4, "Hoàn thành xuất sắc nhiệm vụ")
DONE = RatingFact(2, "Hoàn thành nhiệm vụ")

FACTS = PersonFacts(
    birth=PartialDate(1996, 5, 17), permanent_staff=True, party_status="dang_vien",
    working_status="chuyen_trach", current_position="uv_bch",
    planned=(("pho_bi_thu", "2022–2027"),), ratings={2023: GOOD, 2024: EXCELLENT},
)


def result(rule: el.Rule, facts: PersonFacts, start: dt.date = START,
           rules: RotationRules = RULES) -> el.RuleResult:
    return rule(facts, rules, start, {"pho_bi_thu": "Phó Bí thư"})


def test_a_complete_cadre_of_group_1_is_eligible() -> None:
    check = el.check(FACTS, RULES, START, {"pho_bi_thu": "Phó Bí thư"})
    assert check.eligible
    assert check.group_code == "1"
    assert [r.rule for r in check.results] == [
        "permanent_staff", "party", "age", "rating", "discipline", "deferral", "planning"]
    assert all(r.detail for r in check.results)
    assert "Phó Bí thư" in check.results[-1].detail


def test_the_30th_birthday_on_the_start_date_is_30_and_passes() -> None:
    facts = replace(FACTS, birth=PartialDate(1995, 1, 1))
    r = result(el.age, facts)
    assert r.result == PASS and r.detail.startswith("30 tuổi")


def test_the_31st_birthday_on_the_start_date_fails() -> None:
    r = result(el.age, replace(FACTS, birth=PartialDate(1994, 1, 1)))
    assert r.result == FAIL and r.detail.startswith("31 tuổi")
    # one day short of the 31st birthday is still 30
    assert result(el.age, replace(FACTS, birth=PartialDate(1994, 1, 2))).result == PASS


def test_with_only_a_birth_year_the_age_is_by_year_with_a_warning() -> None:
    r = result(el.age, replace(FACTS, birth=PartialDate(1995)))
    assert r.result == PASS and "chỉ tính theo năm" in r.detail
    r = result(el.age, replace(FACTS, birth=PartialDate(1994, 12)))
    assert r.result == FAIL and "chưa đầy đủ" in r.detail
    assert result(el.age, replace(FACTS, birth=None)).result == UNKNOWN


def test_ratings_of_the_last_two_years_before_the_start() -> None:
    assert result(el.rating, FACTS).result == PASS
    missing = result(el.rating, replace(FACTS, ratings={2024: GOOD}))
    assert missing.result == UNKNOWN and "2023" in missing.detail
    low = result(el.rating, replace(FACTS, ratings={2023: DONE, 2024: GOOD}))
    assert low.result == FAIL and "Hoàn thành nhiệm vụ" in low.detail
    # a low year fails even when another year is missing
    assert result(el.rating, replace(FACTS, ratings={2024: DONE})).result == FAIL
    # the start year itself is not rated yet and is not needed
    assert result(el.rating, FACTS, dt.date(2025, 12, 31)).result == PASS


def test_the_number_of_rated_years_is_a_setting() -> None:
    three = replace(RULES, rating_years=3)
    r = result(el.rating, FACTS, rules=three)
    assert r.result == UNKNOWN and "2022" in r.detail


def test_discipline_ending_the_day_before_the_start_passes() -> None:
    before = replace(FACTS, discipline_until=START - dt.timedelta(days=1))
    assert result(el.discipline, before).result == PASS
    on_start = result(el.discipline, replace(FACTS, discipline_until=START))
    assert on_start.result == FAIL and "01/01/2025" in on_start.detail
    assert result(el.discipline, FACTS).result == PASS


def test_deferral_ending_on_or_after_the_start_fails() -> None:
    after = result(el.deferral, replace(FACTS, no_rotation_until=START + dt.timedelta(days=1)))
    assert after.result == FAIL and "02/01/2025" in after.detail
    # "not to be sent until" includes its date: it may be sent from the next day
    on_start = result(el.deferral, replace(FACTS, no_rotation_until=START))
    assert on_start.result == FAIL and "từ ngày 02/01/2025" in on_start.detail
    before = replace(FACTS, no_rotation_until=START - dt.timedelta(days=1))
    assert result(el.deferral, before).result == PASS
    # the reason (pregnancy, a young child) is never stored, so never shown
    assert "thai" not in after.detail and "con" not in after.detail.split()


def test_permanent_staff_and_party() -> None:
    assert result(el.permanent_staff, replace(FACTS, permanent_staff=None)).result == UNKNOWN
    assert result(el.permanent_staff, replace(FACTS, permanent_staff=False)).result == FAIL
    assert result(el.party, replace(FACTS, party_status="nguon")).result == PASS
    assert result(el.party, replace(FACTS, party_status=None)).result == UNKNOWN
    assert result(el.party, replace(FACTS, party_status="khac")).result == FAIL
    relaxed = replace(RULES, require_permanent_staff=False)
    no_staff = replace(FACTS, permanent_staff=False)
    assert result(el.permanent_staff, no_staff, rules=relaxed).result == PASS


def test_planning_groups() -> None:
    # group 2: department staff planned for deputy head
    staff = replace(FACTS, current_position="chuyen_vien", working_status="chuyen_trach",
                    planned=(("pho_truong_ban", "2022–2027"),))
    assert el.match_group(staff, RULES, START) is not None
    assert el.check(staff, RULES, START).group_code == "2"
    # planned for a post no higher than the current one: neither group
    same = replace(FACTS, current_position="uv_btv", planned=(("uv_bch", ""),))
    r = result(el.planning, same)
    assert r.result == FAIL and "không thuộc đối tượng" in r.detail
    assert result(el.planning, replace(FACTS, planned=())).result == FAIL
    expired = result(el.planning, replace(FACTS, planned=(("pho_bi_thu", "2015–2020"),)))
    assert expired.result == FAIL and "2015–2020" in expired.detail


def test_planning_is_unknown_when_only_the_working_status_is_missing() -> None:
    only_group_1 = replace(RULES, groups=(GROUP_1,))
    facts = replace(FACTS, working_status=None)
    assert result(el.planning, facts, rules=only_group_1).result == UNKNOWN
    part_time = replace(FACTS, working_status="kiem_nhiem")
    assert result(el.planning, part_time, rules=only_group_1).result == FAIL


def test_one_failing_rule_makes_a_person_not_eligible_and_the_check_round_trips() -> None:
    check = el.check(replace(FACTS, no_rotation_until=START), RULES, START)
    assert not check.eligible
    assert [r.rule for r in check.problems()] == ["deferral"]
    again = el.EligibilityCheck.from_json(check.to_json())
    assert again == check and not again.eligible


def test_settings_round_trip_and_a_province_with_other_rules() -> None:
    stored = RULES.to_settings()
    assert RotationRules.from_settings(stored) == RULES
    stored["max_age"] = 35
    older = RotationRules.from_settings(stored)
    facts = replace(FACTS, birth=PartialDate(1991, 6, 1))
    assert el.check(facts, RULES, START).results[2].result == FAIL
    assert el.check(facts, older, START).results[2].result == PASS
    assert RotationRules.from_settings({}) == RULES
    with pytest.raises(InvalidInput):
        RotationRules.from_settings({"max_age": "ba mươi"})
    with pytest.raises(InvalidInput):
        RotationRules.from_settings({"groups": [{"label": "no code"}]})
