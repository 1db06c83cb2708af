"""Target figures computed from the records: every numerator and denominator traced to
known people and classes (see plan_fixture for who is who)."""

from __future__ import annotations

import datetime as dt

import pytest

from cadre_desktop.domain.errors import InvalidInput, NotFound, UserError
from cadre_desktop.domain.target_group import TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput, is_met, percent, window
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services import targets
from cadre_desktop.services.training import delete_programme
from cadre_desktop.store import programmes, target_sql
from cadre_desktop.store.db import Database
from cadre_desktop.store.target_figures import group_ids
from plan_fixture import Office, build_office
from training_roster import build_roster, programme_id

END_2025 = dt.date(2025, 12, 31)
END_2026 = dt.date(2026, 12, 31)


@pytest.fixture
def office(db: Database) -> Office:
    return build_office(db)


def _by_id(db: Database, on: dt.date) -> dict[str, targets.TargetFigures]:
    return {f.id: f for f in targets.list_figures(db, on=on)}


def _figures(db: Database, office: Office, key: str, on: dt.date) -> targets.TargetFigures:
    return _by_id(db, on)[office.targets[key]]


def test_coverage_counts_completions_in_the_window(db: Database, office: Office) -> None:
    f = _figures(db, office, "coverage", END_2025)
    assert (f.numerator, f.denominator, f.value, f.met) == (2, 3, 2 / 3, False)
    assert (f.start, f.end) == (dt.date(2025, 1, 1), END_2025)
    later = _figures(db, office, "coverage", END_2026)
    assert (later.numerator, later.denominator, later.met) == (3, 3, True)
    # The day before class A ends nobody has completed yet.
    early = _figures(db, office, "coverage", dt.date(2025, 3, 6))
    assert (early.numerator, early.denominator) == (0, 3)


def test_coverage_detail_lists_the_whole_denominator(db: Database, office: Office) -> None:
    f = targets.target_detail(db, office.targets["coverage"], END_2025)
    assert f.people is not None
    met = {p.full_name: p.met for p in f.people}
    assert met == {"Nguyễn Văn An": True, "Lê Văn Cường": True, "Bùi Thị Hoa": False}
    # Official order: given name first (An, Cường, Hoa).
    assert [p.full_name for p in f.people] == ["Nguyễn Văn An", "Lê Văn Cường", "Bùi Thị Hoa"]
    assert [p.full_name for p in f.unmet()] == ["Bùi Thị Hoa"]
    assert {p.full_name: p.unit for p in f.people}["Bùi Thị Hoa"] == "Đoàn xã Hòa Thắng"
    units = {u.unit: (u.numerator, u.denominator) for u in f.by_unit}
    assert units == {"Tỉnh đoàn Bình Thuận": (1, 1), "Đoàn xã Hòa Thắng": (1, 2)}
    assert sum(u.numerator for u in f.by_unit) == f.numerator


def test_share_counts_an_attribute_by_the_lists_order(db: Database, office: Office) -> None:
    f = targets.target_detail(db, office.targets["share"], END_2025)
    assert (f.numerator, f.denominator, f.met) == (2, 7, False)
    assert {p.full_name for p in f.people or [] if p.met} == {"Nguyễn Văn An",
                                                               "Trần Thị Bình"}
    units = {u.unit: (u.numerator, u.denominator) for u in f.by_unit}
    # Dung and Ngọc (thôn) count under xã, the unit below the root they belong to.
    assert units["Đoàn xã Hòa Thắng"] == (1, 4)
    assert units["Đoàn trường THPT Phan Bội Châu"] == (1, 1)


def test_counts_of_classes_enrolments_and_completions(db: Database, office: Office) -> None:
    f2025, f2026 = _by_id(db, END_2025), _by_id(db, END_2026)
    classes = office.targets["classes"]
    # A and C by 2025 (X is cancelled); B and the open class O (ends in June) by 2026.
    assert (f2025[classes].numerator, f2025[classes].met) == (2, False)
    assert (f2026[classes].numerator, f2026[classes].denominator, f2026[classes].met) == \
        (4, None, True)
    yearly = office.targets["lượt"]
    # Kiêm nhiệm enrolled in classes ending in 2025: Bình (A), Dung and Ngọc (C).
    assert (f2025[yearly].numerator, f2025[yearly].met) == (3, True)
    assert (f2025[yearly].start, f2025[yearly].end) == (dt.date(2025, 1, 1), END_2025)
    assert (f2026[yearly].numerator, f2026[yearly].met) == (0, False)
    assert f2026[yearly].start == dt.date(2026, 1, 1)
    done = office.targets["completions"]
    assert f2025[done].numerator == 4 and f2026[done].numerator == 5 and f2026[done].met
    units = {u.unit: u.numerator for u in f2025[yearly].by_unit}
    assert units == {"Đoàn xã Hòa Thắng": 2, "Đoàn trường THPT Phan Bội Châu": 1}
    assert all(u.denominator is None for u in f2025[yearly].by_unit)


def test_budget_is_spending_against_the_yearly_estimate(db: Database, office: Office) -> None:
    f = _figures(db, office, "budget", END_2025)
    # A spent 10.000.000 and C 4.000.000 against the 2025 estimate of 12.000.000.
    assert (f.numerator, f.denominator) == (14_000_000, 12_000_000)
    assert f.value == pytest.approx(14 / 12) and not f.met
    g = _figures(db, office, "budget", END_2026)
    assert (g.numerator, g.denominator, g.met) == (7_000_000, 20_000_000, True)
    assert g.value_text == "35% (7.000.000 / 20.000.000 đồng)" and g.goal_text == "≤ 100%"


def test_a_deleted_programme_is_a_problem_not_a_figure(db: Database, office: Office) -> None:
    with db.write("x") as tx:
        for cid in (office.classes["O"],):
            tx.update("training_class", cid, {"status": "finished"})
    delete_programme(db, programme_id(db, "bd_co_ban"))
    found = _by_id(db, END_2025)
    problem = found[office.targets["coverage"]].problem
    assert problem and "đã xóa" in problem
    assert found[office.targets["share"]].problem is None
    with pytest.raises(UserError, match="đã xóa"):
        targets.refuse_problems(list(found.values()))


def test_unknown_ids_and_bad_targets_are_refused(db: Database, office: Office) -> None:
    with pytest.raises(NotFound):
        targets.target_detail(db, "no-such-target")
    with pytest.raises(NotFound):
        targets.list_figures(db, plan_id="no-such-plan")
    with pytest.raises(UserError, match="Không tìm thấy đơn vị"):
        targets.list_figures(db, office="NOPE")
    bad = [
        TargetInput("", "coverage", 0.9, programmes=("x",)),
        TargetInput("Tỷ lệ", "coverage", 90, programmes=(programme_id(db, "bd_co_ban"),)),
        TargetInput("Không chương trình", "coverage", 0.9),
        TargetInput("Chương trình lạ", "coverage", 0.9, programmes=("no-such",)),
        TargetInput("Không tiêu chí", "share", 0.5),
        TargetInput("Đếm gì", "count", 3),
        TargetInput("Nửa lớp", "count", 2.5, measure="classes"),
        TargetInput("Ngày", "count", 2, measure="classes", start_date=dt.date(2026, 1, 1),
                    end_date=dt.date(2025, 1, 1)),
    ]
    for data in bad:
        with pytest.raises(InvalidInput):
            plan_service.save_target(db, office.plan_id, data)
    with pytest.raises(InvalidInput):
        Attribute.from_json('{"field": "party_status", "at_least": "dang_vien"}')


def test_the_group_query_selects_what_the_group_condition_accepts(db: Database) -> None:
    """The indexed query behind target figures agrees with target_sql.group_condition (and
    so with target_group.matches) for every programme's target group."""
    build_roster(db)
    target_sql.ensure_fold(db)
    groups = [p.target_group for p in programmes.list_programmes(db)]
    groups.append(TargetGroup.from_json('[{"planned": ["bi_thu"], "working_status": []}]'))
    groups.append(TargetGroup.from_json(
        '[{"positions": ["bi_thu"], "working_status": ["chuyen_trach"]}]'))
    for group in groups:
        cond, params = target_sql.group_condition(group)
        expected = {r[0] for r in db.conn.execute(
            f"SELECT p.id FROM person p WHERE {cond}", params)}
        ids = group_ids(group)
        assert ids is not None
        got = {r[0] for r in db.conn.execute(ids[0], ids[1])}
        assert got == expected, group


def test_domain_rules() -> None:
    assert window(dt.date(2023, 1, 1), dt.date(2027, 12, 31), "year", dt.date(2028, 3, 1)) == \
        (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert window(dt.date(2023, 1, 1), dt.date(2027, 12, 31), "plan", dt.date(2025, 6, 30)) == \
        (dt.date(2023, 1, 1), dt.date(2025, 6, 30))
    assert is_met(9 / 10, 0.9) and not is_met(None, 0.1) and is_met(0.5, 1.0, at_most=True)
    assert percent(0.875) == "87,5%" and percent(0.9) == "90%" and percent(None) == "—"
    attribute = Attribute.from_json('{"field": "theory_level", "at_least": "trung_cap"}')
    assert attribute.qualifying(["chua", "so_cap", "trung_cap", "cao_cap"]) == \
        ["trung_cap", "cao_cap"]


def test_counts_trace_to_their_classes(db: Database, office: Office) -> None:
    classes = targets.target_detail(db, office.targets["classes"], END_2026).classes or []
    assert [c.name for c in classes] == ["Lớp A", "Lớp C", "Lớp B", "Lớp O"]
    yearly = targets.target_detail(db, office.targets["lượt"], END_2025)
    assert [(c.name, c.enrolments) for c in yearly.classes or []] == [("Lớp A", 1),
                                                                      ("Lớp C", 2)]
    assert sum(c.enrolments for c in yearly.classes or []) == yearly.numerator
    done = targets.target_detail(db, office.targets["completions"], END_2025)
    assert sum(c.completions for c in done.classes or []) == done.numerator == 4
    money = targets.target_detail(db, office.targets["budget"], END_2025)
    assert sum(c.actual or 0 for c in money.classes or []) == money.numerator == 14_000_000
    assert targets.target_detail(db, office.targets["coverage"], END_2025).classes is None
