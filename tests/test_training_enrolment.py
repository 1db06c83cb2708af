"""Enrolment: capacity and waiting list, withdrawal promotion, reasons for people outside
the target group, short codes."""

import datetime as dt

import pytest

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import enrolment, training
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.db import Database
from cadre_desktop.store.training import ClassInput
from cadre_desktop.store.undo import undo_last
from training_roster import build_roster, make_class

ON = dt.date(2025, 2, 20)


def statuses(db: Database, class_id: str) -> dict[str, tuple[str, str]]:
    """full name -> (status, short code)"""
    return {p.full_name: (p.status, p.short_code)
            for p in enrol_store.list_participants(db, class_id)}


def test_capacity_waiting_list_and_promotion(db: Database) -> None:
    roster = build_roster(db)
    cls = make_class(db, "bd_kiem_nhiem", capacity=2)
    people = [roster.id(n) for n in ("Lý Thị Ngọc", "Phạm Thị Dung", "Trần Thị Bình")]
    result = enrolment.enrol_many(db, cls, people, on=ON)
    # Codes and seats follow official order: Bình, Dung, Ngọc.
    assert statuses(db, cls) == {"Trần Thị Bình": ("enrolled", "001"),
                                 "Phạm Thị Dung": ("enrolled", "002"),
                                 "Lý Thị Ngọc": ("waiting", "003")}
    assert len(result.enrolled) == 2 and result.waiting == [roster.id("Lý Thị Ngọc")]
    late = enrolment.enrol(db, cls, roster.id("Hoàng Văn Em"), reason="Cán bộ nguồn", on=ON)
    assert late.waiting == [roster.id("Hoàng Văn Em")] and late.codes[late.waiting[0]] == "004"
    assert training.list_classes(db)[0].enrolled == 2
    assert training.list_classes(db)[0].waiting == 2

    dung = next(p for p in enrol_store.list_participants(db, cls) if p.full_name.endswith("Dung"))
    with pytest.raises(UserError, match="lý do"):
        enrolment.withdraw(db, dung.enrolment_id, "  ")
    moved = enrolment.withdraw(db, dung.enrolment_id, "Chuyển công tác", on=dt.date(2025, 3, 1))
    assert [p.full_name for p in moved] == ["Lý Thị Ngọc"]  # first on the waiting list
    kept = enrol_store.get_enrolment(db, dung.enrolment_id)
    assert (kept.status, kept.withdrawn_on, kept.withdraw_reason) == (
        "withdrawn", dt.date(2025, 3, 1), "Chuyển công tác")
    assert statuses(db, cls)["Hoàng Văn Em"] == ("waiting", "004")

    # Undo puts the withdrawal and the promotion back in one step.
    assert undo_last(db) == "Phạm Thị Dung rút khỏi lớp"
    assert statuses(db, cls)["Phạm Thị Dung"] == ("enrolled", "002")
    assert statuses(db, cls)["Lý Thị Ngọc"] == ("waiting", "003")


def test_larger_capacity_moves_people_up(db: Database) -> None:
    roster = build_roster(db)
    cls = make_class(db, "bd_kiem_nhiem", capacity=1)
    enrolment.enrol_many(db, cls, [roster.id("Lý Thị Ngọc"), roster.id("Phạm Thị Dung")], on=ON)
    data = training.class_detail(db, cls).training_class
    training.save_class(db, ClassInput(data.programme_id, data.name, data.year,
                                       start_date=data.start_date, end_date=data.end_date,
                                       capacity=5, status=data.status), cls)
    assert {s for s, _ in statuses(db, cls).values()} == {"enrolled"}


def test_outside_the_target_group_needs_a_reason(db: Database) -> None:
    roster = build_roster(db)
    cls = make_class(db, "bd_co_ban")
    with pytest.raises(UserError) as refused:
        enrolment.enrol_many(db, cls, [roster.id("Nguyễn Văn An"), roster.id("Đặng Văn Khoa")])
    assert refused.value.message == (
        "Đặng Văn Khoa không thuộc đối tượng của chương trình 'Bồi dưỡng kiến thức, nghiệp vụ, "
        "kỹ năng Đoàn, Hội, Đội cơ bản'. Cần ghi lý do để ghi danh người ngoài đối tượng.")
    assert statuses(db, cls) == {}  # nothing written
    enrolment.enrol_many(db, cls, [roster.id("Nguyễn Văn An"), roster.id("Đặng Văn Khoa")],
                         reason="Cán bộ nguồn do Ban Thường vụ giới thiệu")
    reasons = {p.full_name: p.outside_reason for p in enrol_store.list_participants(db, cls)}
    assert reasons == {"Nguyễn Văn An": "",
                       "Đặng Văn Khoa": "Cán bộ nguồn do Ban Thường vụ giới thiệu"}


def test_enrolling_again_and_closed_classes(db: Database) -> None:
    roster = build_roster(db)
    cls = make_class(db, "bd_co_ban", capacity=1)
    an = roster.id("Nguyễn Văn An")
    enrolment.enrol(db, cls, an)
    assert enrolment.enrol(db, cls, an).skipped == [an]
    first = enrol_store.list_participants(db, cls)[0]
    enrolment.withdraw(db, first.enrolment_id, "Bận công tác")
    enrolment.enrol(db, cls, roster.id("Bùi Thị Hoa"))
    back = enrolment.enrol(db, cls, an)  # the seat went to Hoa meanwhile
    assert back.waiting == [an] and back.codes[an] == "001"
    assert statuses(db, cls) == {"Nguyễn Văn An": ("waiting", "001"),
                                 "Bùi Thị Hoa": ("enrolled", "002")}
    training.set_class_status(db, cls, "cancelled")
    with pytest.raises(UserError, match="không ghi danh thêm"):
        enrolment.enrol(db, cls, roster.id("Lê Văn Cường"))


def test_renumbering_codes_in_official_order(db: Database) -> None:
    roster = build_roster(db)
    cls = make_class(db, "bd_kiem_nhiem")
    for name in ("Lý Thị Ngọc", "Phạm Thị Dung", "Trần Thị Bình"):
        enrolment.enrol(db, cls, roster.id(name))
    assert [p.short_code for p in enrol_store.list_participants(db, cls)] == ["003", "002", "001"]
    assert enrolment.renumber_codes(db, cls) == 2
    assert [(p.full_name, p.short_code) for p in enrol_store.list_participants(db, cls)] == [
        ("Trần Thị Bình", "001"), ("Phạm Thị Dung", "002"), ("Lý Thị Ngọc", "003")]


def test_training_history_of_a_person(db: Database) -> None:
    roster = build_roster(db)
    old = make_class(db, "bd_co_ban", "Lớp 2024", start=dt.date(2024, 3, 4))
    new = make_class(db, "bd_bi_thu_co_so", "Lớp 2025", start=dt.date(2025, 5, 5))
    an = roster.id("Nguyễn Văn An")
    enrolment.enrol(db, old, an)
    enrolment.enrol(db, new, an)
    entry = enrol_store.find_enrolment(db, old, an)
    assert entry is not None
    with db.write("result") as tx:
        enrol_store.set_result(tx, entry.enrolment_id, "completed")
        enrol_store.set_certificate(tx, entry.enrolment_id, "1/2024/GCN-TĐBT")
    history = enrolment.training_history(db, an)
    assert [(h.class_name, h.result, h.certificate_no) for h in history] == [
        ("Lớp 2025", None, None), ("Lớp 2024", "completed", "1/2024/GCN-TĐBT")]
