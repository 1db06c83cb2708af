"""The member training programme through its services: the library, registrations and
their approval, self-evaluations due, a branch's scores in bulk, results as ratings."""

import datetime as dt

import pytest

from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.domain.member_programme import DEFAULT_AREAS, RegistrationItem
from cadre_desktop.domain.progress import Cancelled, Progress
from cadre_desktop.services import member_programme as svc
from cadre_desktop.services.rotation_followup import due_items
from cadre_desktop.store import lookups, people, undo
from cadre_desktop.store import member_programme as store
from cadre_desktop.store.db import Database
from rotation_helpers import Office, build_office

D = dt.date
BRANCH_MEMBERS = ["Đoàn Thị Giang", "Đoàn Thị Hà", "Đoàn Thị Khoa", "Đoàn Thị Lan",
                  "Đoàn Thị Minh"]


@pytest.fixture
def office(db: Database) -> Office:
    return build_office(db)


@pytest.fixture
def year(db: Database) -> store.ProgrammeYear:
    return svc.open_year(db, 2025)


def complete_items(db: Database) -> list[RegistrationItem]:
    found = []
    for code, _label in DEFAULT_AREAS:
        for criterion in store.list_criteria(db, code)[:2]:
            found.append(RegistrationItem(code, criterion.text, "Mỗi tuần một việc cụ thể",
                                          criterion.id))
    return found


def register_all(db: Database, office: Office, year: store.ProgrammeYear) -> dict[str, str]:
    ids = {}
    for name in BRANCH_MEMBERS:
        ids[name] = svc.save_registration(db, year.id, office.people[name], complete_items(db),
                                          submit=True, on=D(2025, 10, 10))
        svc.decide_registration(db, ids[name], approve=True, by="BCH chi đoàn",
                                on=D(2025, 10, 15))
    return ids


def test_the_library_comes_from_the_plan_and_is_editable(db: Database) -> None:
    assert svc.areas(db) == dict(DEFAULT_AREAS)
    library = store.list_criteria(db)
    assert len(library) >= 20
    assert all(store.list_criteria(db, code) for code, _ in DEFAULT_AREAS)
    assert library[0].code == "1.1"
    new = svc.add_criterion(db, "suc_khoe", "Đi bộ 10.000 bước mỗi ngày", "4.4")
    svc.edit_criterion(db, new, "Đi bộ 8.000 bước mỗi ngày", "4.4")
    assert store.list_criteria(db, "suc_khoe")[-1].text == "Đi bộ 8.000 bước mỗi ngày"
    svc.remove_criterion(db, new)
    assert new not in [c.id for c in store.list_criteria(db)]
    with pytest.raises(InvalidInput):
        svc.add_criterion(db, "khong_co", "x")


def test_a_year_takes_the_settings_deadlines(db: Database, year: store.ProgrammeYear) -> None:
    assert year.name == "2025–2026"
    assert (year.registration_by, year.evaluation_by) == (D(2025, 10, 18), D(2026, 5, 30))
    assert year.rating_year == 2026 and year.min_criteria == 10
    assert [(r.kind, r.due) for r in svc.rounds(year)] == [
        ("periodic", D(2026, 4, 18)), ("final", D(2026, 5, 30))]
    with pytest.raises(UserError):
        svc.open_year(db, 2025)


def test_registration_submit_return_and_approve(
    db: Database, office: Office, year: store.ProgrammeYear
) -> None:
    person = office.people["Đoàn Thị Giang"]
    items = complete_items(db)
    with pytest.raises(svc.RegistrationIncomplete) as caught:
        svc.save_registration(db, year.id, person, items[:4], submit=True)
    assert any("Sức khỏe" in p for p in caught.value.problems)
    assert any("cần ít nhất 10" in p for p in caught.value.problems)
    draft = svc.save_registration(db, year.id, person, items[:4])
    assert svc.get_registration(db, draft).status == "draft"
    same = svc.save_registration(db, year.id, person, items, submit=True)
    assert same == draft and len(store.list_items(db, draft)) == 10
    with pytest.raises(InvalidInput):
        svc.decide_registration(db, draft, approve=False)
    svc.decide_registration(db, draft, approve=False, comment="Ghi rõ giải pháp rèn luyện")
    assert svc.get_registration(db, draft).status == "returned"
    with pytest.raises(UserError):
        svc.decide_registration(db, draft, approve=True)
    svc.save_registration(db, year.id, person, items, submit=True)
    svc.decide_registration(db, draft, approve=True)
    # an approved registration that is edited goes back to the branch
    svc.save_registration(db, year.id, person, items[:-1] + items[:1])
    assert svc.get_registration(db, draft).status == "submitted"


def test_self_evaluations_due(db: Database, office: Office, year: store.ProgrammeYear) -> None:
    ids = register_all(db, office, year)
    due = [i for i in due_items(db, D(2026, 4, 20), 0) if i.kind == "member_self_evaluation"]
    assert len(due) == 5 and all(i.overdue and i.due == D(2026, 4, 18) for i in due)
    svc.record_self_evaluation(db, ids["Đoàn Thị Hà"], 1, D(2026, 4, 17), None, "Đã làm")
    due = [i for i in due_items(db, D(2026, 4, 20), 0) if i.kind == "member_self_evaluation"]
    assert "Đoàn Thị Hà" not in [i.full_name for i in due]
    with pytest.raises(InvalidInput):
        svc.record_self_evaluation(db, ids["Đoàn Thị Hà"], 3, D(2026, 4, 17))


def test_a_branch_enters_its_scores_in_one_grid(
    db: Database, office: Office, year: store.ProgrammeYear
) -> None:
    register_all(db, office, year)
    rows = svc.branch_scores(db, year.id, office.branch.id)
    assert [r.full_name for r in rows] == ["Đoàn Thị Giang", "Đoàn Thị Hà", "Đoàn Thị Khoa",
                                           "Đoàn Thị Lan", "Đoàn Thị Minh"]
    assert all(r.status == "approved" and r.score is None for r in rows)
    scores = dict(zip([r.person_id for r in rows], ["95", "85,5", 79.9, "70", "69,5"],
                      strict=True))
    entries = {pid: svc.ScoreEntry(score=s, self_score="90") for pid, s in scores.items()}
    assert svc.save_branch_scores(db, year.id, office.branch.id, entries, D(2026, 5, 25)) == 5
    rows = svc.branch_scores(db, year.id, office.branch.id)
    assert [r.classification for r in rows] == ["Hoàn thành xuất sắc", "Hoàn thành tốt",
                                                "Hoàn thành", "Hoàn thành", "Không hoàn thành"]
    assert [r.score for r in rows] == [95, 85.5, 79.9, 70, 69.5]
    assert all(r.self_score == 90 for r in rows)
    assert undo.undo_last(db) is not None
    assert all(r.score is None for r in svc.branch_scores(db, year.id, office.branch.id))


def test_a_wrong_row_writes_nothing(db: Database, office: Office,
                                    year: store.ProgrammeYear) -> None:
    register_all(db, office, year)
    rows = svc.branch_scores(db, year.id, office.branch.id)
    outsider = office.people["Nguyễn Văn An"]
    entries = {rows[0].person_id: svc.ScoreEntry("101"), rows[1].person_id: svc.ScoreEntry("80"),
               outsider: svc.ScoreEntry("90")}
    with pytest.raises(svc.ScoreErrors) as caught:
        svc.save_branch_scores(db, year.id, office.branch.id, entries)
    assert set(caught.value.errors) == {rows[0].person_id, outsider}
    assert caught.value.errors[outsider].endswith("không thuộc chi đoàn này")
    assert all(r.score is None for r in svc.branch_scores(db, year.id, office.branch.id))
    pending = svc.save_registration(db, year.id, rows[0].person_id, complete_items(db),
                                    submit=True)
    assert svc.get_registration(db, pending).status == "submitted"
    with pytest.raises(svc.ScoreErrors, match="chưa được chi đoàn duyệt"):
        svc.save_branch_scores(db, year.id, office.branch.id,
                               {rows[0].person_id: svc.ScoreEntry("90")})


def test_results_become_ratings_only_after_confirmation(
    db: Database, office: Office, year: store.ProgrammeYear
) -> None:
    register_all(db, office, year)
    rows = svc.branch_scores(db, year.id, office.branch.id)
    scores = ["92", "81", "75", "60", None]
    svc.save_branch_scores(db, year.id, office.branch.id,
                           {r.person_id: svc.ScoreEntry(s) for r, s in
                            zip(rows, scores, strict=True)})
    existing = lookups.rating_level_for(db, 2026, "htt")
    assert existing is not None
    with db.write("rating") as tx:
        people.set_rating(tx, rows[1].person_id, 2026, existing.id)
    preview = svc.apply_ratings(db, year.id)
    assert preview.applied == 0 and preview.unchanged == 1
    assert [(c.full_name, c.level_label, c.current_label) for c in preview.changes] == [
        ("Đoàn Thị Giang", "Hoàn thành xuất sắc nhiệm vụ", ""),
        ("Đoàn Thị Khoa", "Hoàn thành nhiệm vụ", ""),
        ("Đoàn Thị Lan", "Không hoàn thành nhiệm vụ", ""),
    ]
    assert people.get_person(db, rows[0].person_id).ratings == {}  # type: ignore[union-attr]
    applied = svc.apply_ratings(db, year.id, confirm=True)
    assert applied.applied == 3
    detail = people.get_person(db, rows[0].person_id)
    assert detail is not None and detail.ratings[2026] == preview.changes[0].level_id
    assert store.get_year(db, year.id).ratings_applied_at is not None  # type: ignore[union-attr]
    again = svc.apply_ratings(db, year.id)
    assert again.changes == [] and again.unchanged == 4
    assert undo.undo_last(db) is not None
    assert people.get_person(db, rows[0].person_id).ratings == {}  # type: ignore[union-attr]


def test_a_cancel_while_writing_ratings_writes_none(
    monkeypatch: pytest.MonkeyPatch, db: Database, office: Office, year: store.ProgrammeYear
) -> None:
    register_all(db, office, year)
    rows = svc.branch_scores(db, year.id, office.branch.id)
    svc.save_branch_scores(db, year.id, office.branch.id,
                           {r.person_id: svc.ScoreEntry(s) for r, s in
                            zip(rows, ["92", "81", "75", "60", "55"], strict=True)})
    steps: list[tuple[str, float]] = []
    progress = Progress(lambda step: steps.append((step.what, step.fraction)), 0)
    real = people.set_rating
    written: list[str] = []

    def cancel_after_two(tx: object, person_id: str, rating_year: int,
                         level_id: str | None) -> None:
        real(tx, person_id, rating_year, level_id)  # type: ignore[arg-type]
        written.append(person_id)
        if len(written) == 2:
            progress.cancel()

    monkeypatch.setattr(svc.people, "set_rating", cancel_after_two)
    with pytest.raises(Cancelled):
        svc.apply_ratings(db, year.id, confirm=True, progress=progress)
    assert len(written) == 2  # two written, then rolled back with the rest
    assert all(people.get_person(db, r.person_id).ratings == {}  # type: ignore[union-attr]
               for r in rows)
    assert store.get_year(db, year.id).ratings_applied_at is None  # type: ignore[union-attr]
    assert steps and all(0 <= f <= 1 for _w, f in steps)
    assert [w for w, _f in steps][-1] == "Đang ghi xếp loại hằng năm"


def test_the_registration_form_and_the_years(
    db: Database, office: Office, year: store.ProgrammeYear
) -> None:
    assert [y.id for y in svc.list_years(db)] == [year.id]
    later = svc.open_year(db, 2026)
    assert [y.name for y in svc.list_years(db)] == [later.name, year.name]  # latest first
    person = office.people["Đoàn Thị Giang"]
    empty = svc.registration_form(db, year.id, person)
    assert empty.registration is None and empty.items == []
    assert empty.areas == dict(DEFAULT_AREAS)
    assert [c.id for c in empty.library["suc_khoe"]] == [
        c.id for c in store.list_criteria(db, "suc_khoe")]
    items = complete_items(db)
    registration_id = svc.save_registration(db, year.id, person, items, on=D(2025, 10, 1))
    form = svc.registration_form(db, year.id, person)
    assert form.registration is not None and form.registration.id == registration_id
    assert form.registration.status == "draft" and form.items == items
    assert svc.registration_form(db, later.id, person).registration is None
