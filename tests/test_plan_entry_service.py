"""Entering plans, yearly plans and targets through the services: every check refuses with
a Vietnamese message naming its field and writes nothing; what is accepted is written in
one undoable action with its audit entry (see plan_fixture for the office)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.domain.target_group import Clause, TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services import targets
from cadre_desktop.services.plan_checks import resolve_codes
from cadre_desktop.services.plans import PlanInput, YearInput
from cadre_desktop.store.db import Database
from cadre_desktop.store.undo import undo_last
from plan_fixture import Office, build_office
from training_roster import programme_id

JAN_2025, END_2026 = dt.date(2025, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture
def office(db: Database) -> Office:
    return build_office(db)


def _changes(db: Database) -> int:
    return int(db.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0])


def _refused(db: Database, field: str, message: str, write: object, *args: object,
             **kwargs: object) -> None:
    """The write is refused on `field` with a message containing `message`, and the
    audit trail (every write) is as it was."""
    before = _changes(db)
    with pytest.raises(InvalidInput) as refused:
        write(*args, **kwargs)  # type: ignore[operator]
    assert refused.value.field == field, refused.value.message
    assert message in refused.value.message
    assert _changes(db) == before


def test_a_plan_with_its_years_is_one_undoable_action(db: Database, office: Office) -> None:
    data = PlanInput("Kế hoạch bồi dưỡng 2025 - 2027", JAN_2025, dt.date(2027, 12, 31),
                     number="20-KH/ĐTN", issuer="Ban Thường vụ")
    plan_id = plan_service.save_plan(db, data, years=[
        YearInput(2025, 1_340_000_000, "Kế hoạch năm 2025"), YearInput(2026)])
    assert [(y.year, y.budget_estimate, y.note) for y in plan_service.years(db, plan_id)] == [
        (2025, 1_340_000_000, "Kế hoạch năm 2025"), (2026, None, "")]
    label, tables = db.conn.execute(
        "SELECT t.label, GROUP_CONCAT(DISTINCT a.table_name) FROM txn t JOIN audit a"
        " ON a.txn_id = t.id GROUP BY t.id ORDER BY t.id DESC LIMIT 1").fetchone()
    assert label == "Thêm kế hoạch Kế hoạch bồi dưỡng 2025 - 2027"
    assert set(tables.split(",")) == {"plan", "plan_year"}
    # Shorter now: the yearly plan of 2027 never existed, 2026's is removed with the change.
    plan_service.save_plan(db, replace(data, end=dt.date(2025, 12, 31)), plan_id,
                           [YearInput(2025, 1_000_000_000)])
    assert [(y.year, y.budget_estimate) for y in plan_service.years(db, plan_id)] == [
        (2025, 1_000_000_000)]
    assert undo_last(db) == "Sửa kế hoạch Kế hoạch bồi dưỡng 2025 - 2027"
    assert [y.year for y in plan_service.years(db, plan_id)] == [2025, 2026]
    assert undo_last(db) == "Thêm kế hoạch Kế hoạch bồi dưỡng 2025 - 2027"
    assert plan_id not in {p.id for p in plan_service.list_plans(db)}


def test_every_plan_check_names_its_field(db: Database, office: Office) -> None:
    good = PlanInput("Kế hoạch mới", JAN_2025, END_2026)
    save = plan_service.save_plan
    _refused(db, "name", "Tên kế hoạch không được để trống", save, db, replace(good, name=" "))
    _refused(db, "end", "Kế hoạch phải kết thúc sau ngày bắt đầu", save, db,
             replace(good, end=dt.date(2024, 12, 31)))
    _refused(db, "end", "không quá 10 năm", save, db, replace(good, end=dt.date(2035, 1, 1)))
    _refused(db, "number", "Đã có kế hoạch số 12-KH/TĐTN", save, db,
             replace(good, number=" 12-kh/tđtn "))
    _refused(db, "year", "Năm 2027 nằm ngoài thời gian của kế hoạch", save, db, good,
             years=[YearInput(2027, 5)])
    _refused(db, "year", "Kế hoạch năm 2025 được nhập hai lần", save, db, good,
             years=[YearInput(2025, 5), YearInput(2025, 6)])
    _refused(db, "budget_estimate", "Dự toán kinh phí là số đồng, không âm", save, db, good,
             years=[YearInput(2025, -1)])
    _refused(db, "budget_estimate", "Dự toán kinh phí quá lớn", save, db, good,
             years=[YearInput(2025, 10**16)])
    plan = office.plan_id
    fixture = next(p for p in plan_service.list_plans(db) if p.id == plan)
    shorter = PlanInput(fixture.name, JAN_2025, dt.date(2025, 12, 31), fixture.number)
    # Without the years, a period that leaves a yearly plan out is refused.
    _refused(db, "end", "Kế hoạch năm 2026 nằm ngoài thời gian mới", save, db, shorter, plan)
    with pytest.raises(NotFound):
        save(db, good, "no-such-plan")


def test_a_target_s_own_dates_hold_the_plan_to_its_period(db: Database,
                                                          office: Office) -> None:
    plan = office.plan_id
    classes = TargetInput("2 lớp năm 2026", "count", 2, measure="classes",
                          start_date=dt.date(2026, 1, 1), end_date=END_2026)
    plan_service.add_target(db, plan, classes)
    fixture = next(p for p in plan_service.list_plans(db) if p.id == plan)
    later = PlanInput(fixture.name, dt.date(2025, 1, 1), dt.date(2026, 6, 30),
                      fixture.number)
    _refused(db, "end", "Chỉ tiêu '2 lớp năm 2026' tính đến 31/12/2026", plan_service.save_plan,
             db, later, plan, [YearInput(2025, 12_000_000), YearInput(2026, 20_000_000)])


def test_yearly_plans_on_their_own(db: Database, office: Office) -> None:
    plan = office.plan_id
    set_year = plan_service.set_year
    _refused(db, "year", "Năm 2024 nằm ngoài thời gian của kế hoạch (2025 - 2026)", set_year,
             db, plan, 2024, 1)
    _refused(db, "budget_estimate", "không âm", set_year, db, plan, 2025, -5)
    _refused(db, "budget_estimate", "quá lớn", set_year, db, plan, 2025, 10**15 + 1)
    with pytest.raises(NotFound):
        set_year(db, "no-such-plan", 2025, 1)
    set_year(db, plan, 2026, None, "chưa duyệt")
    assert [(y.year, y.budget_estimate, y.note) for y in plan_service.years(db, plan)] == [
        (2025, 12_000_000, ""), (2026, None, "chưa duyệt")]


def _coverage(db: Database) -> TargetInput:
    return TargetInput("Bí thư chi đoàn được bồi dưỡng", "coverage", 0.8,
                       target_group=TargetGroup((Clause(positions=("bi_thu_chi_doan",)),)),
                       programmes=(programme_id(db, "bd_kiem_nhiem"),))


def test_every_target_check_names_its_field(db: Database, office: Office) -> None:
    plan = office.plan_id
    good = _coverage(db)
    add = plan_service.add_target
    theory = Attribute("theory_level", "trung_cap")
    cases: list[tuple[str, str, TargetInput]] = [
        ("name", "Tên chỉ tiêu không được để trống", replace(good, name="  ")),
        ("name", "Kế hoạch đã có chỉ tiêu '4 lớp'", replace(good, name="4 LỚP")),
        ("kind", "Loại chỉ tiêu 'ratio' không hợp lệ", replace(good, kind="ratio")),
        ("period", "Kỳ tính 'month' không hợp lệ", replace(good, period="month")),
        ("goal", "Chỉ tiêu phải lớn hơn 0", replace(good, goal=0)),
        ("goal", "Chỉ tiêu phải là một số", replace(good, goal=float("inf"))),
        ("goal", "Chỉ tiêu phải là một số", replace(good, goal=float("nan"))),
        ("goal", "90% là 0,9", replace(good, goal=80)),
        ("goal", "số nguyên", TargetInput("Nửa lớp", "count", 2.5, measure="classes")),
        ("goal", "quá lớn", TargetInput("Rất nhiều lớp", "count", 10**8, measure="classes")),
        ("goal", "tối đa 200%", TargetInput("Kinh phí", "budget", 3.0)),
        ("programmes", "cần ít nhất một chương trình", replace(good, programmes=())),
        ("programmes", "không tồn tại hoặc đã xóa: no-such",
         replace(good, programmes=("no-such",))),
        ("programmes", "không tính theo chương trình",
         TargetInput("LLCT", "share", 0.5, attribute=theory,
                     programmes=good.programmes)),
        ("attribute", "cần một tiêu chí", TargetInput("LLCT", "share", 0.5)),
        ("attribute", "không có thứ bậc",
         TargetInput("Đảng viên", "share", 0.5, attribute=Attribute("party_status",
                                                                     "dang_vien"))),
        ("attribute", "Mức 'thac_si' không có trong danh mục Lý luận chính trị",
         TargetInput("LLCT", "share", 0.5, attribute=Attribute("theory_level", "thac_si"))),
        ("attribute", "Mã 'dang' không có trong danh mục Đảng viên",
         TargetInput("Đảng viên", "share", 0.5, attribute=Attribute("party_status", "",
                                                                     ("dang",)))),
        ("attribute", "không được hỗ trợ",
         TargetInput("Tuổi", "share", 0.5, attribute=Attribute("age", "30"))),
        ("attribute", "không dùng tiêu chí", replace(good, attribute=theory)),
        ("measure", "cần đếm lớp, lượt học viên hoặc lượt hoàn thành",
         TargetInput("Đếm", "count", 3)),
        ("measure", "không đếm lớp hay lượt", replace(good, measure="classes")),
        ("at_most", "không dùng mức 'tối đa'", replace(good, at_most=True)),
        ("target_group", "không theo đối tượng",
         TargetInput("Lớp", "count", 3, measure="classes", target_group=good.target_group)),
        ("target_group", "không theo đối tượng",
         TargetInput("Kinh phí", "budget", 1.0, target_group=good.target_group)),
        ("target_group", "Mã 'bi_thu_xa' không có trong danh mục Chức vụ",
         replace(good, target_group=TargetGroup((Clause(planned=("bi_thu_xa",)),)))),
        ("target_group", "Mã 'ct' không có trong danh mục Chế độ công tác",
         replace(good, target_group=TargetGroup((Clause(working_status=("ct",)),)))),
        ("start_date", "nằm trong thời gian của kế hoạch (2025 - 2026)",
         replace(good, start_date=dt.date(2024, 12, 31))),
        ("end_date", "nằm trong thời gian của kế hoạch",
         replace(good, end_date=dt.date(2027, 1, 1))),
        ("end_date", "phải sau ngày bắt đầu",
         replace(good, start_date=dt.date(2026, 1, 1), end_date=dt.date(2025, 6, 1))),
    ]
    for field, message, data in cases:
        _refused(db, field, message, add, db, plan, data)
    with pytest.raises(NotFound):
        add(db, "no-such-plan", good)
    assert len(plan_service.targets(db, plan)) == 6


def test_a_target_of_each_kind_counts_once_written(db: Database, office: Office) -> None:
    plan = office.plan_id
    cadres = TargetGroup((Clause(working_status=("chuyen_trach", "ban_chuyen_trach",
                                                 "kiem_nhiem")),))
    written = {
        "coverage": plan_service.add_target(db, plan, _coverage(db)),
        "share": plan_service.add_target(db, plan, TargetInput(
            "Cán bộ có trình độ đại học", "share", 0.5, target_group=cadres,
            attribute=Attribute("education", "dai_hoc"))),
        "count": plan_service.add_target(db, plan, TargetInput(
            "3 lượt hoàn thành năm", "count", 3, measure="completions", period="year",
            target_group=cadres)),
        "budget": plan_service.add_target(db, plan, TargetInput(
            "Chi ít nhất 50% dự toán", "budget", 0.5)),
    }
    found = {f.id: f for f in targets.list_figures(db, plan, dt.date(2025, 12, 31))}
    # Dung, the one bí thư chi đoàn, completed class C; nobody has a university degree.
    coverage = found[written["coverage"]]
    assert (coverage.numerator, coverage.denominator, coverage.met) == (1, 1, True)
    assert (found[written["share"]].numerator, found[written["share"]].denominator) == (0, 7)
    # Completions of cadres in 2025: An, Cường (A), Dung (C); Giang is bán chuyên trách too.
    assert found[written["count"]].numerator == 4
    assert (found[written["budget"]].numerator, found[written["budget"]].denominator) == (
        14_000_000, 32_000_000)
    orders = [t.sort_order for t in plan_service.targets(db, plan)]
    assert orders[-4:] == [1, 2, 3, 4]  # after the fixture's, in the order added


def test_changing_and_removing_a_target(db: Database, office: Office) -> None:
    plan = office.plan_id
    target = plan_service.get_target(db, office.targets["classes"])
    plan_service.save_target(db, plan, replace(target.as_input(), name="3 lớp", goal=3),
                             target.id)
    assert plan_service.get_target(db, target.id).goal == 3
    # Its own name again is no clash; a code the lists dropped since is kept on a change.
    db.conn.execute("UPDATE lookup SET deleted = 1 WHERE kind = 'working_status'"
                    " AND code = 'kiem_nhiem'")
    yearly = plan_service.get_target(db, office.targets["lượt"])
    plan_service.save_target(db, plan, replace(yearly.as_input(), goal=5), yearly.id)
    _refused(db, "target_group", "Mã 'kiem_nhiem' không có trong danh mục",
             plan_service.add_target, db, plan, replace(yearly.as_input(), name="Mới"))
    other = plan_service.save_plan(db, PlanInput("Kế hoạch khác", JAN_2025, END_2026))
    with pytest.raises(NotFound):
        plan_service.save_target(db, other, target.as_input(), target.id)
    assert plan_service.delete_target(db, target.id)
    with pytest.raises(NotFound):
        plan_service.get_target(db, target.id)
    assert undo_last(db) == "Xóa chỉ tiêu 3 lớp"
    assert plan_service.get_target(db, target.id).name == "3 lớp"


def test_codes_from_names_or_codes(db: Database, office: Office) -> None:
    assert resolve_codes(db, "position", ["Bí thư", "uv_btv", "BI THU CHI DOAN"]) == (
        "bi_thu", "uv_btv", "bi_thu_chi_doan")
    with pytest.raises(InvalidInput, match="'Chủ nhiệm' không có trong danh mục Chức vụ"):
        resolve_codes(db, "position", ["Chủ nhiệm"])
