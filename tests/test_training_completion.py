"""Attendance and completion: the share rule at its edge, pass scores, quick entry,
results, certificates and who falls behind while the class runs."""

import datetime as dt

import pytest

from cadre_desktop.domain.completion import Rule, can_still_reach, evaluate
from cadre_desktop.domain.doc_number import certificate_number
from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.services import attendance, enrolment
from cadre_desktop.store import attendance as marks_store
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.attendance import MarkChange
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import OfficeProfile, save_profile
from cadre_desktop.store.undo import undo_last
from training_roster import add_sessions, build_roster, make_class

MON = dt.date(2025, 3, 3)


def test_exactly_the_minimum_share_completes() -> None:
    rule = Rule(80)
    assert evaluate(4, 5, rule).completed  # 80 %
    assert evaluate(8, 10, rule).completed
    assert not evaluate(79, 100, rule).completed
    assert not evaluate(7, 9, rule).completed  # 77.8 %
    assert not evaluate(3, 4, rule).completed  # 75 %
    assert evaluate(7, 9, Rule(77)).completed
    outcome = evaluate(3, 4, rule)
    assert outcome.reason == "dự 3/4 buổi, dưới 80%" and outcome.share_pct == 75.0
    assert not evaluate(0, 0, rule).completed


def test_pass_score_is_needed_when_the_programme_has_one() -> None:
    rule = Rule(80, pass_score=5.0)
    assert evaluate(5, 5, rule, 5.0).completed
    assert not evaluate(5, 5, rule, 4.5).completed
    assert evaluate(5, 5, rule, 4.5).reason == "điểm kiểm tra 4,5 dưới 5"
    assert not evaluate(5, 5, rule, None).completed
    assert not evaluate(3, 5, rule, 9.0).completed
    assert evaluate(5, 5, Rule(80), None).completed


def test_can_still_reach_and_certificate_format() -> None:
    assert can_still_reach(1, 2, 10, 80)  # 9/10 if all the rest are attended
    assert not can_still_reach(0, 3, 10, 80)  # at most 7/10
    assert certificate_number(12, 2025, "ĐTN") == "12/GCN-ĐTN"  # the default pattern
    assert certificate_number(3, 2025, "") == "3/GCN"
    assert certificate_number(12, 2025, "TĐBT", "{so}/{nam}/GCN-{ky hieu}") == "12/2025/GCN-TĐBT"


@pytest.fixture
def running(db: Database) -> tuple[Database, str, list[str], dict[str, str]]:
    roster = build_roster(db)
    cls = make_class(db, "bd_kiem_nhiem", status="running")
    enrolment.enrol_many(db, cls, [roster.id(n) for n in
                                   ("Trần Thị Bình", "Phạm Thị Dung", "Lý Thị Ngọc")])
    sessions = add_sessions(db, cls, *[(MON + dt.timedelta(days=d), start, end)
                                       for d in range(5)
                                       for start, end in (("07:30", "11:30"),)])
    codes = {p.full_name: p.enrolment_id for p in enrol_store.list_participants(db, cls)}
    return db, cls, sessions, codes


def test_excel_marks_x_and_v(running: tuple[Database, str, list[str], dict[str, str]]) -> None:
    """"x" (present) and "v" (vắng: absent) from old Excel sheets are read as C and K,
    in quick entry, the grid and the matrix the grid uses; an office's own X wins."""
    db, cls, sessions, who = running
    today = MON + dt.timedelta(days=1)
    assert attendance.record_by_codes(db, sessions[0], {"001": "x", "002": "v"},
                                      today=today) == 2
    attendance.set_marks_by_short(db, cls, [(who["Lý Thị Ngọc"], sessions[0], "V")], today)
    matrix = attendance.attendance_matrix(db, cls)
    assert [matrix.short(p.enrolment_id, sessions[0]) for p in matrix.participants] == [
        "C", "K", "K"]
    assert matrix.typed["X"] == "C" and matrix.typed["V"] == "K"
    with db.write("Ký hiệu riêng") as tx:
        marks_store.create_status(tx, "X", "Xin về sớm", True)
    matrix = attendance.attendance_matrix(db, cls)
    assert matrix.typed["X"] == "X" and matrix.typed["V"] == "K"
    attendance.set_marks_by_short(db, cls, [(who["Lý Thị Ngọc"], sessions[0], "x")], today)
    mark = attendance.attendance_matrix(db, cls).marks[(who["Lý Thị Ngọc"], sessions[0])]
    assert mark.status_code != "co_mat"


def test_quick_entry_all_present_and_grid(running: tuple[Database, str, list[str],
                                                         dict[str, str]]) -> None:
    db, cls, sessions, who = running
    today = MON + dt.timedelta(days=1)
    assert attendance.parse_quick_entry("2k, 003 P") == {"002": "K", "003": "P"}
    with pytest.raises(InvalidInput):
        attendance.parse_quick_entry("2k, abc")
    # Dung is 002, Ngọc 003 (official order: Bình, Dung, Ngọc).
    assert attendance.record_by_codes(db, sessions[0], {"002": "K", "003": "P"},
                                      others_present=True, today=today) == 3
    with pytest.raises(UserError) as refused:
        attendance.record_by_codes(db, sessions[1], {"009": "K", "001": "Z"}, today=today)
    assert refused.value.message == ("Không ghi điểm danh: mã học viên '009' không có trong "
                                     "lớp; ký hiệu 'Z' không có")
    assert attendance.all_present(db, sessions[1], today=today) == 3
    assert attendance.all_present(db, sessions[0], today=today) == 0  # absences stay
    attendance.set_marks_by_short(db, cls, [(who["Lý Thị Ngọc"], sessions[1], "m")], today)
    with pytest.raises(UserError, match="chưa diễn ra"):
        attendance.all_present(db, sessions[4], today=today)
    matrix = attendance.attendance_matrix(db, cls)
    grid = [[matrix.short(p.enrolment_id, s.id) for s in matrix.sessions]
            for p in matrix.participants]
    assert grid == [["C", "C", "", "", ""], ["K", "C", "", "", ""], ["P", "M", "", "", ""]]
    mark = matrix.marks[(who["Lý Thị Ngọc"], sessions[1])]
    assert mark.recorded_by == db.clerk and mark.recorded_at
    # Below the share so far: Dung and Ngọc were there for 1 of the 2 sessions held (late
    # counts as there); attending the other three would still make 4 of 5.
    below = attendance.below_share(db, cls, today)
    assert [(p.participant.full_name, p.outcome.present, p.outcome.held, p.can_still_complete)
            for p in below] == [("Phạm Thị Dung", 1, 2, True), ("Lý Thị Ngọc", 1, 2, True)]
    assert not attendance.below_share(db, cls, MON - dt.timedelta(days=1))  # nothing held


def test_results_and_certificates(running: tuple[Database, str, list[str],
                                                 dict[str, str]]) -> None:
    db, cls, sessions, who = running
    with db.write("profile") as tx:
        save_profile(tx, OfficeProfile(office_name="Tỉnh đoàn Bình Thuận", office_code="TDBT",
                                       place_name="Phan Thiết", doc_suffix="TĐTN"))
    changes = [MarkChange(e, s, "co_mat") for e in who.values() for s in sessions]
    # Dung misses one of five (80 %: completes); Ngọc misses two (60 %: does not).
    changes += [MarkChange(who["Phạm Thị Dung"], sessions[0], "khong_phep"),
                MarkChange(who["Lý Thị Ngọc"], sessions[1], "co_phep"),
                MarkChange(who["Lý Thị Ngọc"], sessions[2], "muon"),
                MarkChange(who["Lý Thị Ngọc"], sessions[3], "khong_phep")]
    attendance.set_marks(db, cls, changes, today=MON + dt.timedelta(days=10))
    with pytest.raises(UserError, match="chưa kết thúc"):
        attendance.record_results(db, cls)
    results = attendance.finish_class(db, cls, MON + dt.timedelta(days=10))
    assert (results.completed, results.not_completed) == (2, 1)
    assert undo_last(db) == "Kết thúc lớp A"  # status and results in one step
    assert {p.result for p in enrol_store.list_participants(db, cls)} == {None}
    assert attendance.finish_class(db, cls).completed == 2
    given = attendance.assign_certificates(db, cls)
    # The office's symbol from Settings, not its unaccented code; a sequence per year.
    assert [number for _, number in given] == ["1/GCN-TĐTN", "2/GCN-TĐTN"]
    assert attendance.assign_certificates(db, cls) == []  # nobody twice
    final = {p.full_name: (p.result, p.certificate_no)
             for p in enrol_store.list_participants(db, cls)}
    assert final == {"Trần Thị Bình": ("completed", "1/GCN-TĐTN"),
                     "Phạm Thị Dung": ("completed", "2/GCN-TĐTN"),
                     "Lý Thị Ngọc": ("not_completed", None)}


def test_attendance_statuses_are_editable(db: Database) -> None:
    with db.write("status") as tx:
        marks_store.create_status(tx, "T", "Trực tuyến", counts_present=True)
    assert [s.short for s in marks_store.list_statuses(db)] == ["C", "M", "P", "K", "T"]
    with db.write("dup") as tx, pytest.raises(InvalidInput):
        marks_store.create_status(tx, "c", "Có mặt lại", counts_present=True)
    status = marks_store.status_by_short(db)["T"]
    with db.write("edit") as tx:
        marks_store.update_status(tx, status.id, "O", "Học trực tuyến", True)
    assert marks_store.status_by_short(db)["O"].label == "Học trực tuyến"
