"""Rotations through the services: checks from roster data, proposals with quota and
duration overrides, the life cycle, evaluations due and the summary."""

import datetime as dt
import json

import pytest

from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.domain.progress import Cancelled, Progress
from cadre_desktop.domain.rotation_plan import (
    DURATION,
    ELIGIBILITY,
    QUOTA,
    Override,
    RotationRefused,
)
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.store import rotation_evaluations, rotations, undo
from cadre_desktop.store.db import Database
from rotation_helpers import Office, build_office

D = dt.date
START, END = D(2025, 1, 1), D(2025, 12, 31)


@pytest.fixture
def office(db: Database) -> Office:
    return build_office(db)


def propose(db: Database, office: Office, name: str, start: dt.date = START,
            end: dt.date = END, overrides: tuple[Override, ...] = ()) -> str:
    return svc.propose(db, svc.Proposal(office.people[name], start, end,
                                        host_unit_id=office.hosts[0].id), overrides)


def decision(kind: str) -> Override:
    return Override(kind, "25-QĐ/TĐTN", D(2024, 12, 20), "Ban Thường vụ xem xét cụ thể")


def test_check_from_roster_data(db: Database, office: Office) -> None:
    good = svc.check_person(db, office.people["Nguyễn Văn An"], START)
    assert good.eligible and good.group_code == "1"
    assert "Phó Bí thư" in good.results[-1].detail
    staff = svc.check_person(db, office.people["Trần Thị Bình"], START)
    assert staff.eligible and staff.group_code == "2"
    old = svc.check_person(db, office.people["Lê Văn Cường"], START)
    assert {r.rule: r.result for r in old.results}["age"] == "fail"
    assert {r.rule: r.result for r in old.results}["rating"] == "fail"
    deferred = svc.check_person(db, office.people["Phạm Thị Dung"], START)
    assert [r.rule for r in deferred.problems()] == ["deferral"]
    later = svc.check_person(db, office.people["Phạm Thị Dung"], D(2025, 4, 1))
    assert later.eligible


def test_candidates_are_ranked_by_eligibility_with_reasons(db: Database, office: Office) -> None:
    found = svc.candidates(db, 2025)
    names = [c.full_name for c in found]
    # members who are neither staff nor full-time nor planned are not candidates
    assert not any(n.startswith("Đoàn Thị") for n in names)
    assert set(names[:2]) == {"Nguyễn Văn An", "Trần Thị Bình"}
    assert all(c.check.eligible for c in found[:2])
    assert not any(c.check.eligible for c in found[2:])
    assert names[-1] == "Lê Văn Cường"  # two rules fail
    propose(db, office, "Nguyễn Văn An")
    assert "Nguyễn Văn An" not in [c.full_name for c in svc.candidates(db, 2025)]


def test_checking_the_candidates_steps_and_can_be_stopped(db: Database, office: Office) -> None:
    """The page reads the candidates off the GUI thread: each cadre checked is a step, and
    a newer read (another year typed) stops an older one at its next step."""
    steps: list[float] = []
    progress = Progress(lambda step: steps.append(step.fraction), 0)
    found = svc.candidates(db, 2025, progress=progress)
    assert len(steps) >= len(found) and steps == sorted(steps)
    stopped = Progress(lambda _step: stopped.cancel(), 0)
    with pytest.raises(Cancelled):
        svc.candidates(db, 2025, progress=stopped)


def test_a_proposal_schedules_evaluations_and_can_be_undone(db: Database, office: Office) -> None:
    rotation_id = propose(db, office, "Nguyễn Văn An")
    rotation = svc.get(db, rotation_id)
    assert rotation.status == "proposed" and rotation.group_code == "1"
    assert rotation.host_position == "pho_bi_thu" and rotation.host_unit == "Đoàn phường Ninh Thạnh"
    assert rotations.get_plan(db, 2025) is not None
    due = [(e.kind, e.due_date) for e in rotation_evaluations.list_for(db, rotation_id)]
    assert due == [("periodic", "2025-07-01"), ("final", "2025-12-31")]
    assert undo.undo_last(db) == "Đề xuất cử Nguyễn Văn An đi cơ sở"
    assert rotations.get_rotation(db, rotation_id) is None


def test_a_third_rotation_in_a_year_needs_an_override(db: Database, office: Office) -> None:
    propose(db, office, "Nguyễn Văn An")
    propose(db, office, "Trần Thị Bình", D(2025, 2, 1), D(2026, 1, 31))
    svc.save_plan(db, 2025, 2, D(2025, 1, 1), "12-KH/TĐTN")
    later = D(2025, 4, 1)
    with pytest.raises(RotationRefused) as refused:
        propose(db, office, "Phạm Thị Dung", later, D(2026, 3, 31))
    assert [i.kind for i in refused.value.issues] == [QUOTA]
    review = svc.review(db, svc.Proposal(office.people["Phạm Thị Dung"], later, D(2026, 3, 31)))
    assert [w.kind for w in review.warnings] == ["start_quarter"]
    rotation_id = propose(db, office, "Phạm Thị Dung", later, D(2026, 3, 31),
                          (decision(QUOTA), decision(DURATION)))
    kinds = [r.override.kind for r in rotations.list_overrides(db, rotation_id)]
    assert kinds == [QUOTA]  # an override for nothing refused is not recorded
    # a cancelled rotation no longer counts towards the quota
    svc.cancel(db, rotation_id, "Địa phương chưa bố trí được")
    assert rotations.count_in_year(db, 2025) == 2


def test_a_rotation_shorter_than_twelve_months_needs_an_override(
    db: Database, office: Office
) -> None:
    with pytest.raises(RotationRefused) as refused:
        propose(db, office, "Nguyễn Văn An", START, D(2025, 12, 30))
    assert [i.kind for i in refused.value.issues] == [DURATION]
    with pytest.raises(InvalidInput):
        propose(db, office, "Nguyễn Văn An", START, D(2025, 12, 30),
                (Override(DURATION, "", D(2024, 12, 1), "lý do"),))
    rotation_id = propose(db, office, "Nguyễn Văn An", START, D(2025, 9, 30),
                          (decision(DURATION),))
    assert [r.override.kind for r in rotations.list_overrides(db, rotation_id)] == [DURATION]


def test_not_eligible_is_sent_only_by_decision_and_the_check_stays_visible(
    db: Database, office: Office
) -> None:
    with pytest.raises(RotationRefused) as refused:
        propose(db, office, "Lê Văn Cường")
    assert refused.value.issues[0].kind == ELIGIBILITY
    assert "quá 30 tuổi" in refused.value.message
    rotation_id = propose(db, office, "Lê Văn Cường", overrides=(decision(ELIGIBILITY),))
    rotation = svc.get(db, rotation_id)
    assert not rotation.eligible
    stored = json.loads(rotation.eligibility)
    assert stored["eligible"] is False and {r["rule"] for r in stored["rules"]} >= {"age"}
    summary = follow.summary(db, rotation_id, on=D(2025, 1, 2))
    text = "\n".join(summary.lines)
    assert "chưa đủ điều kiện" in text and "25-QĐ/TĐTN" in text and "quá 30 tuổi" in text


def test_life_cycle_extension_early_end_and_completion(db: Database, office: Office) -> None:
    rotation_id = propose(db, office, "Nguyễn Văn An")
    with pytest.raises(UserError):
        svc.start(db, rotation_id)  # not approved yet
    with pytest.raises(InvalidInput):
        svc.approve(db, rotation_id, " ", D(2024, 12, 20))
    svc.approve(db, rotation_id, "30-QĐ/TĐTN", D(2024, 12, 20))
    svc.start(db, rotation_id, D(2025, 1, 6))
    assert svc.get(db, rotation_id).status == "active"
    assert rotation_evaluations.list_for(db, rotation_id)[0].due_date == "2025-07-06"
    with pytest.raises(InvalidInput):
        svc.change_end(db, rotation_id, D(2026, 6, 30), "")
    assert svc.change_end(db, rotation_id, D(2026, 6, 30), "Hoàn thành đại hội",
                          "41-QĐ", on=D(2025, 6, 1)) == "extension"
    due = [(e.kind, e.due_date) for e in rotation_evaluations.list_for(db, rotation_id)]
    assert due == [("periodic", "2025-07-06"), ("periodic", "2026-01-06"),
                   ("final", "2026-06-30")]
    first = rotation_evaluations.list_for(db, rotation_id)[0]
    follow.record_report(db, first.id, D(2025, 7, 8), "Báo cáo 6 tháng")
    assert svc.change_end(db, rotation_id, D(2025, 10, 31), "Điều động công tác khác",
                          on=D(2025, 10, 1)) == "early_end"
    after = rotation_evaluations.list_for(db, rotation_id)
    assert [(e.kind, e.due_date) for e in after] == [("periodic", "2025-07-06"),
                                                     ("final", "2025-10-31")]
    assert after[0].report_done  # a recorded report is kept
    assert [e.kind for e in rotations.list_events(db, rotation_id)] == ["extension", "early_end"]
    svc.complete(db, rotation_id)
    done = svc.get(db, rotation_id)
    assert done.status == "completed" and done.actual_end == "2025-10-31"
    with pytest.raises(UserError):
        svc.cancel(db, rotation_id, "muộn")


def test_due_and_overdue_evaluations(db: Database, office: Office) -> None:
    rotation_id = propose(db, office, "Nguyễn Văn An")
    assert follow.due_items(db, D(2025, 8, 1)) == []  # a proposal is not followed yet
    svc.approve(db, rotation_id, "30-QĐ/TĐTN", D(2024, 12, 20))
    svc.start(db, rotation_id)
    items = follow.due_items(db, D(2025, 6, 15))
    assert [(i.kind, i.due, i.overdue) for i in items] == [
        ("rotation_6m", D(2025, 7, 1), False)]
    items = follow.due_items(db, D(2025, 7, 2), within_days=0)
    assert [(i.kind, i.overdue, i.missing) for i in items] == [
        ("rotation_6m", True, ("report", "host_evaluation"))]
    evaluation_id = items[0].reference_id
    assert follow.get_evaluation(db, evaluation_id).rotation_id == rotation_id
    with pytest.raises(UserError):
        follow.get_evaluation(db, "no-such-evaluation")
    assert [r.id for r in svc.list_rotations(db)] == [rotation_id]
    follow.record_report(db, evaluation_id, D(2025, 7, 3), "Đã tham gia xây dựng chương trình")
    assert follow.due_items(db, D(2025, 7, 4), 0)[0].missing == ("host_evaluation",)
    follow.record_host_evaluation(db, evaluation_id, "Hoàn thành tốt", "Nhiệt tình",
                                  "Đ/c Bí thư", D(2025, 7, 10))
    assert follow.due_items(db, D(2025, 7, 11), 0) == []
    with pytest.raises(InvalidInput):
        follow.record_host_evaluation(db, evaluation_id, "Khá giỏi", "", "", D(2025, 7, 10))
    final = follow.due_items(db, D(2026, 1, 5))
    assert [(i.kind, i.overdue) for i in final] == [("rotation_final", True)]
    text = "\n".join(follow.summary(db, rotation_id, on=D(2026, 1, 5)).lines)
    assert "Hoàn thành tốt nhiệm vụ" in text and "(quá hạn)" in text


def test_rules_are_settings(db: Database, office: Office) -> None:
    rules = svc.load_rules(db)
    assert rules.max_age == 30 and rules.quota_per_year == 2
    from dataclasses import replace

    svc.save_rules(db, replace(rules, max_age=40, rating_years=1))
    assert svc.load_rules(db).max_age == 40
    assert svc.check_person(db, office.people["Lê Văn Cường"], START).eligible
    assert undo.undo_last(db) == "Sửa quy định cử cán bộ đi cơ sở"
    assert svc.load_rules(db).max_age == 30
