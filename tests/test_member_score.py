"""The member programme's score classification and registration rules (pure)."""

import datetime as dt

import pytest

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.member_programme import (
    DEFAULT_AREAS,
    ProgrammeSettings,
    RegistrationItem,
    registration_problems,
    year_name,
)
from cadre_desktop.domain.member_score import (
    DEFAULT_BANDS,
    ScoreBand,
    bands_from_json,
    bands_to_json,
    classify,
    format_score,
    parse_score,
    validate_bands,
)


@pytest.mark.parametrize(("score", "code"), [
    (100, "htxs"), (90, "htxs"), (89.9, "htt"), (89.5, "htt"), (80, "htt"), (79.9, "ht"),
    (70, "ht"), (69.5, "kht"), (69.99, "kht"), (0, "kht"),
])
def test_thresholds_are_lower_bounds_and_nothing_is_rounded(score: float, code: str) -> None:
    assert classify(score).code == code


def test_scores_outside_0_100_are_refused() -> None:
    for bad in (-1, 100.5, float("nan")):
        with pytest.raises(InvalidInput):
            classify(bad)


def test_bands_are_data() -> None:
    strict = (ScoreBand(95, "htxs", "Xuất sắc", "htxs"), ScoreBand(85, "htt", "Tốt", "htt"),
              ScoreBand(0, "kht", "Không đạt", "kht"))
    assert classify(90, strict).code == "htt"
    assert bands_from_json(bands_to_json(strict)) == strict
    assert bands_from_json(bands_to_json(DEFAULT_BANDS)) == DEFAULT_BANDS
    with pytest.raises(InvalidInput, match="0 điểm"):
        validate_bands([ScoreBand(50, "ht", "Đạt", "ht")])
    with pytest.raises(InvalidInput):
        bands_from_json('[{"min": "x"}]')


def test_parse_and_format_scores() -> None:
    assert parse_score("85,5") == 85.5
    assert parse_score(" 90 ") == 90.0
    assert parse_score("") is None and parse_score(None) is None
    with pytest.raises(InvalidInput):
        parse_score("tám mươi")
    with pytest.raises(InvalidInput):
        parse_score("101")
    assert format_score(85.5) == "85,5" and format_score(90.0) == "90"


AREAS = dict(DEFAULT_AREAS)


def items(per_area: int, plan: str = "Kế hoạch cụ thể") -> list[RegistrationItem]:
    return [RegistrationItem(code, f"Tiêu chí {code} {n}", plan)
            for code in AREAS for n in range(per_area)]


def test_a_registration_needs_every_area_ten_criteria_and_a_plan_each() -> None:
    assert registration_problems(items(2), AREAS, 10) == []
    problems = registration_problems(items(1), AREAS, 10)
    assert problems == ["Mới đăng ký 5 tiêu chí, cần ít nhất 10"]
    no_health = [i for i in items(3) if i.area != "suc_khoe"]
    assert registration_problems(no_health, AREAS, 10) == ["Chưa đăng ký tiêu chí nào về Sức khỏe"]
    no_plan = items(2)
    no_plan[0] = RegistrationItem("ly_tuong", "Học nghị quyết", " ")
    assert registration_problems(no_plan, AREAS, 10) == [
        "Tiêu chí 'Học nghị quyết' chưa có giải pháp thực hiện cụ thể"]


def test_programme_deadlines_and_name() -> None:
    settings = ProgrammeSettings()
    registration, evaluation = settings.deadlines(2025)
    assert (registration, evaluation) == (dt.date(2025, 10, 18), dt.date(2026, 5, 30))
    assert year_name(registration, evaluation) == "2025–2026"
    calendar_year = ProgrammeSettings(registration_day=(31, 1), evaluation_day=(15, 12))
    assert calendar_year.deadlines(2025) == (dt.date(2025, 1, 31), dt.date(2025, 12, 15))
    assert ProgrammeSettings.from_settings(settings.to_settings()) == settings
    with pytest.raises(InvalidInput):
        ProgrammeSettings.from_settings({"registration_day": [31, 2]})
