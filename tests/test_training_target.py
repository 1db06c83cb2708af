"""Target groups: the SQL query agrees with domain.target_group.matches; candidates for a
class leave out whoever already had the programme; untrained counts per unit."""

import datetime as dt
import random

import pytest

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.target_group import Clause, TargetGroup, matches
from cadre_desktop.services import enrolment, training
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store import programmes, target_sql
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import set_result
from cadre_desktop.store.programmes import ProgrammeInput
from training_roster import build_roster, make_class, programme_id

POSITIONS = ["bi_thu", "bi_thu_chi_doan", "chu_tich_hlhtn", "chu_tich_hsv", "can_bo_cntt",
             "tong_phu_trach", "uv_bch"]
LEVELS = ["Đoàn cơ sở", "ĐOÀN XÃ/PHƯỜNG", "doan co so", "Chi đoàn", "Tỉnh đoàn", "Chi bộ"]
STATUSES = ["chuyen_trach", "kiem_nhiem", "ban_chuyen_trach"]


def _by_domain(db: Database, group: TargetGroup) -> set[str]:
    live = [r[0] for r in db.conn.execute("SELECT id FROM person WHERE deleted = 0")]
    return {pid for pid in live if matches(group, target_sql.person_facts(db, pid))}


def _random_group(rng: random.Random) -> TargetGroup:
    clauses = []
    for _ in range(rng.randint(0, 3)):
        pick = {key: tuple(rng.sample(pool, rng.randint(0, 2))) for key, pool in (
            ("positions", POSITIONS), ("unit_levels", LEVELS),
            ("working_status", STATUSES), ("planned", POSITIONS))}
        clauses.append(Clause(**pick))
    return TargetGroup(tuple(clauses))


def test_sql_query_agrees_with_domain_matching(db: Database) -> None:
    build_roster(db)
    groups = [p.target_group for p in programmes.list_programmes(db)]
    rng = random.Random(7)
    groups += [_random_group(rng) for _ in range(300)]
    for group in groups:
        assert set(target_sql.people_in_group(db, group)) == _by_domain(db, group), group


def test_catalogue_groups_pick_the_right_people(db: Database) -> None:
    roster = build_roster(db)
    names = {v: k for k, v in roster.people.items()}

    def who(code: str) -> list[str]:
        group = programmes.get_programme(db, programme_id(db, code)).target_group
        return [names[p] for p in target_sql.people_in_group(db, group)]

    # Bí thư at a base-level unit (accents and case folded; the province's Bí thư is not),
    # or planned for Bí thư; not an ended position, not a deleted person. Official order.
    assert who("bd_bi_thu_co_so") == ["Nguyễn Văn An", "Trần Thị Bình", "Hoàng Văn Em",
                                      "Đỗ Thị Giang"]
    assert who("bd_co_ban") == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                "Đỗ Thị Giang", "Bùi Thị Hoa"]
    assert who("bd_kiem_nhiem") == ["Trần Thị Bình", "Phạm Thị Dung", "Lý Thị Ngọc"]


def test_unit_subtree_limits_the_group(db: Database) -> None:
    roster = build_roster(db)
    group = TargetGroup((Clause(),))  # a clause with no condition: everyone
    in_xa = set(target_sql.people_in_group(db, group, roster.units["xa"]))
    assert roster.id("Phạm Thị Dung") in in_xa  # Chi đoàn Thôn 1 is below the commune
    assert roster.id("Trần Thị Bình") not in in_xa
    assert roster.id("Tạ Văn Quang") not in in_xa  # deleted


def test_candidates_leave_out_those_who_had_the_programme(db: Database) -> None:
    roster = build_roster(db)
    earlier = make_class(db, "bd_co_ban", "Lớp 2024", start=dt.date(2024, 3, 4))
    enrolment.enrol_many(db, earlier, [roster.id("Nguyễn Văn An"), roster.id("Bùi Thị Hoa")])
    detail = {p.person_id: p for p in enrol_store.list_participants(db, earlier)}
    with db.write("results") as tx:
        set_result(tx, detail[roster.id("Nguyễn Văn An")].enrolment_id, "completed")
        set_result(tx, detail[roster.id("Bùi Thị Hoa")].enrolment_id, "not_completed")
    with db.write("finish") as tx:
        tx.update("training_class", earlier, {"status": "finished"})
    upcoming = make_class(db, "bd_co_ban", "Lớp 2025 đợt 2", start=dt.date(2025, 6, 2))
    enrolment.enrol(db, upcoming, roster.id("Đỗ Thị Giang"))
    cls = make_class(db, "bd_co_ban", "Lớp 2025")
    enrolment.enrol(db, cls, roster.id("Lê Văn Cường"))
    names = {v: k for k, v in roster.people.items()}
    found = [names[b.id] for b in enrolment.candidates(db, cls)]
    # An completed it; Giang is enrolled in another class of the programme still to come;
    # Cường is already in this class; Hoa did not complete, so she is a candidate again.
    assert found == ["Trần Thị Bình", "Bùi Thị Hoa"]
    assert [names[b.id] for b in enrolment.candidates(db, cls, roster.units["xa"])] == [
        "Bùi Thị Hoa"]
    result = enrolment.enrol_target_group(db, cls, None)
    assert [names[p] for p in result.enrolled] == ["Trần Thị Bình", "Bùi Thị Hoa"]
    assert enrolment.candidates(db, cls) == []
    # The others of the group are reported with their reason, not refused all together.
    assert [(n.full_name, n.reason) for n in result.not_enrolled] == [
        ("Nguyễn Văn An", "đã hoàn thành chương trình ở lớp 2024"),
        ("Đỗ Thị Giang", "đã ghi danh lớp 2025 đợt 2 của cùng chương trình")]
    assert [names[p] for p in result.skipped] == ["Lê Văn Cường"]
    assert result.reasons() == {"đã ghi danh lớp 2025 đợt 2 của cùng chương trình": 1,
                                "đã hoàn thành chương trình ở lớp 2024": 1}


def test_target_group_enrols_the_chosen_who_can_be(db: Database) -> None:
    """A chosen part of the group: those who can be are enrolled, the others reported."""
    roster = build_roster(db)
    cls = make_class(db, "bd_co_ban", "Lớp 2025")
    chosen = [pid for name, pid in roster.people.items() if name != "Tạ Văn Quang"]
    outside = set(enrolment.outside_target(db, cls, chosen))
    assert outside and len(outside) < len(chosen)
    result = enrolment.enrol_target_group(db, cls, None, person_ids=chosen)
    assert set(result.enrolled) == set(chosen) - outside
    assert {n.person_id for n in result.not_enrolled} == outside
    assert {n.reason for n in result.not_enrolled} == {"không thuộc đối tượng của chương trình"}
    first = result.enrolled[0]
    seat = next(p for p in enrol_store.list_participants(db, cls) if p.person_id == first)
    enrolment.withdraw(db, seat.enrolment_id, "Bận", on=dt.date(2025, 3, 1))
    again = enrolment.enrol_target_group(db, cls, None, person_ids=[first])
    assert [n.reason for n in again.not_enrolled] == ["đã rút khỏi lớp này ngày 01/03/2025"]
    assert again.enrolled == []


def test_untrained_and_coverage_per_unit(db: Database) -> None:
    roster = build_roster(db)
    programme = programme_id(db, "bd_co_ban")
    cls = make_class(db, "bd_co_ban")
    enrolment.enrol(db, cls, roster.id("Nguyễn Văn An"))
    participant = enrol_store.list_participants(db, cls)[0]
    with db.write("result") as tx:
        set_result(tx, participant.enrolment_id, "completed")
    untrained = [b.full_name for b in enrolment.untrained_people(db, programme)]
    assert untrained == ["Trần Thị Bình", "Lê Văn Cường", "Đỗ Thị Giang", "Bùi Thị Hoa"]
    coverage = enrolment.coverage_by_unit(db, programme)
    assert (coverage[roster.units["root"]].in_target, coverage[roster.units["root"]].trained,
            coverage[roster.units["root"]].untrained) == (5, 1, 4)
    assert (coverage[roster.units["xa"]].in_target, coverage[roster.units["xa"]].trained) == (2, 1)
    assert roster.units["thon"] not in coverage


def test_programme_catalogue_is_editable(db: Database) -> None:
    assert len(programmes.list_programmes(db)) == 15  # the default catalogue
    group = TargetGroup((Clause(positions=("bi_thu_chi_doan",)),))
    new = training.save_programme(db, ProgrammeInput(
        "Bồi dưỡng Bí thư chi đoàn mới", level="Cơ sở", target_group=group, default_hours=12,
        pass_score=5.0))
    saved = programmes.get_programme(db, new)
    assert (saved.code, saved.min_attendance_pct, saved.rule.pass_score, saved.target_group) == (
        "boi_duong_bi_thu_chi_doan_moi", 80, 5.0, group)
    with pytest.raises(InvalidInput, match="đã được dùng"):
        training.save_programme(db, ProgrammeInput("Khác", code="bd_co_ban"))
    with pytest.raises(InvalidInput, match="1 đến 100"):
        training.save_programme(db, ProgrammeInput("Sai", min_attendance_pct=0))
    make_class(db, saved.code, "Lớp mới")
    with pytest.raises(InvalidInput, match="đang được dùng"):
        training.delete_programme(db, new)
    base = programme_id(db, "doi_clb_can_bo_doi")
    assert training.delete_programme(db, base)
    assert programmes.find_programme(db, "doi_clb_can_bo_doi") is None
    assert training.restore_programme(db, base)
