"""Six-monthly evaluations: month ends, leap years, the final one, plan limits."""

import datetime as dt
import itertools

import pytest

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.evaluation_schedule import (
    FINAL,
    PERIODIC,
    add_months,
    lasts_at_least,
    schedule,
)
from cadre_desktop.domain.rotation_plan import (
    DURATION,
    QUOTA,
    START_QUARTER,
    Override,
    plan_issues,
    unresolved,
)
from cadre_desktop.domain.rotation_rules import RotationRules

D = dt.date


def dues(start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    return [(i.kind, i.due) for i in schedule(start, end)]


@pytest.mark.parametrize(("start", "first"), [
    (D(2023, 8, 31), D(2024, 2, 29)),  # leap year
    (D(2024, 8, 31), D(2025, 2, 28)),
    (D(2025, 8, 30), D(2026, 2, 28)),
    (D(2027, 8, 29), D(2028, 2, 29)),  # leap year, the 29th exists
    (D(2025, 8, 29), D(2026, 2, 28)),
    (D(2024, 12, 31), D(2025, 6, 30)),
    (D(2025, 3, 31), D(2025, 9, 30)),
])
def test_the_first_point_is_clamped_to_the_month_end(start: dt.date, first: dt.date) -> None:
    assert schedule(start, add_months(start, 12))[0].due == first


def test_points_count_from_the_start_not_from_the_previous_point() -> None:
    start = D(2023, 8, 31)
    assert dues(start, D(2025, 3, 15)) == [
        (PERIODIC, D(2024, 2, 29)), (PERIODIC, D(2024, 8, 31)), (PERIODIC, D(2025, 2, 28)),
        (FINAL, D(2025, 3, 15)),
    ]
    leap_day = D(2024, 2, 29)
    assert [d for _k, d in dues(leap_day, D(2025, 12, 31))] == [
        D(2024, 8, 29), D(2025, 2, 28), D(2025, 8, 29), D(2025, 12, 31)]


def test_an_end_on_a_six_month_point_is_only_the_final_evaluation() -> None:
    assert dues(D(2025, 1, 1), D(2026, 1, 1)) == [(PERIODIC, D(2025, 7, 1)),
                                                  (FINAL, D(2026, 1, 1))]
    assert dues(D(2025, 1, 1), D(2025, 12, 31)) == [(PERIODIC, D(2025, 7, 1)),
                                                    (FINAL, D(2025, 12, 31))]
    assert dues(D(2025, 8, 31), D(2026, 2, 28)) == [(FINAL, D(2026, 2, 28))]


def test_periods_cover_the_rotation_without_gaps() -> None:
    items = schedule(D(2025, 1, 15), D(2026, 7, 14))
    assert [i.seq for i in items] == [1, 2, 3]
    assert items[0].period_start == D(2025, 1, 15)
    for before, after in itertools.pairwise(items):
        assert after.period_start == before.period_end + dt.timedelta(days=1)
    assert items[-1].period_end == D(2026, 7, 14) and items[-1].label == "Đánh giá kết thúc"


def test_a_short_or_reversed_rotation() -> None:
    assert dues(D(2025, 1, 1), D(2025, 1, 1)) == [(FINAL, D(2025, 1, 1))]
    with pytest.raises(InvalidInput):
        schedule(D(2025, 1, 2), D(2025, 1, 1))


def test_twelve_months_means_both_ends_included() -> None:
    assert lasts_at_least(D(2025, 1, 1), D(2025, 12, 31), 12)
    assert not lasts_at_least(D(2025, 1, 1), D(2025, 12, 30), 12)
    assert lasts_at_least(D(2024, 8, 31), D(2025, 8, 30), 12)


def test_plan_issues_quota_duration_and_quarter() -> None:
    rules = RotationRules()
    ok = plan_issues(D(2025, 1, 1), D(2025, 12, 31), 1, 2, rules)
    assert ok == []
    third = plan_issues(D(2025, 2, 1), D(2026, 1, 31), 2, 2, rules)
    assert [(i.kind, i.blocking) for i in third] == [(QUOTA, True)]
    short = plan_issues(D(2025, 1, 1), D(2025, 12, 30), 0, 2, rules)
    assert [(i.kind, i.blocking) for i in short] == [(DURATION, True)]
    late = plan_issues(D(2025, 4, 1), D(2026, 3, 31), 0, 2, rules)
    assert [(i.kind, i.blocking) for i in late] == [(START_QUARTER, False)]
    override = Override(QUOTA, "12-QĐ/TĐTN", D(2024, 12, 20), "Yêu cầu của địa phương")
    assert unresolved(third, [override]) == []
    assert unresolved(short, [override]) == short
    with pytest.raises(InvalidInput):
        plan_issues(D(2025, 2, 1), D(2025, 1, 1), 0, 2, rules)


def test_an_override_needs_a_decision_number_and_a_reason() -> None:
    with pytest.raises(InvalidInput, match="số quyết định"):
        Override(QUOTA, " ", D(2025, 1, 1), "Lý do").validated()
    with pytest.raises(InvalidInput, match="lý do"):
        Override(QUOTA, "1-QĐ", D(2025, 1, 1), "").validated()
    with pytest.raises(InvalidInput):
        Override("age", "1-QĐ", D(2025, 1, 1), "Lý do").validated()
