"""The member training programme: years, the criteria library, registrations and their
approval, self-evaluations, a branch's scores in one grid, and results as yearly ratings.

Every write is one audited, undoable action. Applying results as ratings shows a preview
first and writes only with confirm=True.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput, NotFound, UserError
from cadre_desktop.domain.evaluation_schedule import FINAL, ScheduledEvaluation
from cadre_desktop.domain.member_programme import (
    AREA_KIND,
    SCOPE,
    ProgrammeSettings,
    RegistrationItem,
    registration_problems,
    self_evaluation_rounds,
    year_name,
)
from cadre_desktop.domain.member_score import bands_to_json, classify, parse_score
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.store import lookups, people, rule_settings, units
from cadre_desktop.store import member_programme as store
from cadre_desktop.store.db import Database
from cadre_desktop.store.lookups import RatingLevel
from cadre_desktop.store.member_programme import Criterion as Criterion  # the pages' types
from cadre_desktop.store.member_programme import ProgrammeYear as ProgrammeYear
from cadre_desktop.store.member_programme import Registration as Registration


class RegistrationIncomplete(InvalidInput):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("Phiếu đăng ký chưa đủ: " + "; ".join(problems))
        self.problems = problems


def load_settings(db: Database) -> ProgrammeSettings:
    return ProgrammeSettings.from_settings(rule_settings.load(db, SCOPE))


def save_settings(db: Database, settings: ProgrammeSettings) -> int:
    ProgrammeSettings.from_settings(settings.to_settings())  # the same checks as loading
    with db.write("Sửa thiết lập chương trình rèn luyện đoàn viên") as tx:
        return rule_settings.save(tx, SCOPE, settings.to_settings())


def areas(db: Database) -> dict[str, str]:
    return lookups.labels(db, AREA_KIND)


def list_years(db: Database) -> list[ProgrammeYear]:
    """The programme years, the latest first."""
    return store.list_years(db)


def get_year(db: Database, year_id: str) -> ProgrammeYear:
    year = store.get_year(db, year_id)
    if year is None:
        raise NotFound(f"Không tìm thấy năm chương trình rèn luyện {year_id}")
    return year


def open_year(db: Database, start_year: int, registration_deadline: dt.date | None = None,
              evaluation_deadline: dt.date | None = None,
              rating_year: int | None = None) -> ProgrammeYear:
    """A programme year with the settings' deadlines and score bands (copied, so that a
    later change of the settings leaves this year as it was)."""
    if store.year_starting(db, start_year):
        raise UserError(f"Đã có chương trình rèn luyện bắt đầu năm {start_year}")
    settings = load_settings(db)
    default_reg, default_eval = settings.deadlines(start_year)
    registration = registration_deadline or default_reg
    evaluation = evaluation_deadline or default_eval
    if evaluation <= registration:
        raise InvalidInput("Hạn đánh giá phải sau hạn đăng ký", "evaluation_deadline")
    name = year_name(registration, evaluation)
    with db.write(f"Mở chương trình rèn luyện đoàn viên {name}") as tx:
        year_id = store.insert_year(tx, {
            "name": name, "start_year": start_year,
            "registration_deadline": registration.isoformat(),
            "evaluation_deadline": evaluation.isoformat(),
            "evaluation_every_months": settings.evaluation_every_months,
            "min_criteria": settings.min_criteria, "score_bands": bands_to_json(settings.bands),
            "rating_year": rating_year or evaluation.year, "status": "open",
        })
    return get_year(db, year_id)


def rounds(year: ProgrammeYear) -> list[ScheduledEvaluation]:
    return self_evaluation_rounds(year.registration_by, year.evaluation_by,
                                  year.evaluation_every_months)


def add_criterion(db: Database, area: str, criterion: str, code: str = "") -> str:
    if area not in areas(db):
        raise InvalidInput(f"Nội dung rèn luyện '{area}' không có trong danh mục", "area")
    if not text.clean(criterion):
        raise InvalidInput("Tiêu chí không được để trống", "text")
    with db.write("Thêm tiêu chí rèn luyện") as tx:
        return store.insert_criterion(tx, area, text.clean(criterion), text.clean(code))


def edit_criterion(db: Database, criterion_id: str, criterion: str, code: str) -> None:
    if not text.clean(criterion):
        raise InvalidInput("Tiêu chí không được để trống", "text")
    with db.write("Sửa tiêu chí rèn luyện") as tx:
        store.update_criterion(tx, criterion_id, {"text": text.clean(criterion),
                                                  "code": text.clean(code)})


def remove_criterion(db: Database, criterion_id: str) -> None:
    with db.write("Xóa tiêu chí rèn luyện") as tx:
        store.delete_criterion(tx, criterion_id)


@dataclass(frozen=True)
class RegistrationForm:
    """What the registration form shows for one member: the areas, the library of
    criteria per area, the member's registration (None: not registered) and its items."""

    areas: dict[str, str]
    library: dict[str, list[Criterion]]
    registration: Registration | None
    items: list[RegistrationItem]


def registration_form(db: Database, year_id: str, person_id: str) -> RegistrationForm:
    names = areas(db)
    found = store.find_registration(db, year_id, person_id)
    return RegistrationForm(names, {code: store.list_criteria(db, code) for code in names},
                            found, store.list_items(db, found.id) if found else [])


def save_registration(db: Database, year_id: str, person_id: str,
                      items: Sequence[RegistrationItem], submit: bool = False,
                      on: dt.date | None = None) -> str:
    """Save a member's registration (a draft may be incomplete; a submitted one must have
    every area, the minimum number of criteria and a plan for each). Editing an approved
    registration sends it back to the branch for approval (or to draft when the edit
    leaves it incomplete)."""
    year = get_year(db, year_id)
    detail = people.get_person(db, person_id)
    if detail is None or detail.values["deleted"]:
        raise NotFound(f"Không tìm thấy người có mã {person_id}")
    cleaned = [i.cleaned() for i in items]
    problems = registration_problems(cleaned, areas(db), year.min_criteria)
    if submit and problems:
        raise RegistrationIncomplete(problems)
    existing = store.find_registration(db, year_id, person_id)
    was_approved = existing is not None and existing.status == "approved"
    status = "submitted" if (submit or was_approved) and not problems else "draft"
    changes = {"status": status,
               "submitted_on": (on or dt.date.today()).isoformat() if status == "submitted"
               else None}
    with db.write(f"Đăng ký rèn luyện của {detail.values['full_name']}") as tx:
        if existing is None:
            registration_id = store.insert_registration(tx, {
                "year_id": year_id, "person_id": person_id,
                "unit_id": detail.values["unit_id"], **changes})
        else:
            registration_id = existing.id
            store.update_registration(tx, registration_id, changes)
        store.replace_items(tx, registration_id, cleaned)
    return registration_id


def get_registration(db: Database, registration_id: str) -> Registration:
    registration = store.get_registration(db, registration_id)
    if registration is None:
        raise NotFound(f"Không tìm thấy phiếu đăng ký {registration_id}")
    return registration


def decide_registration(db: Database, registration_id: str, approve: bool, comment: str = "",
                        by: str = "", on: dt.date | None = None) -> None:
    """The branch committee approves a submitted registration or returns it (with a
    comment saying what to change)."""
    registration = get_registration(db, registration_id)
    if registration.status != "submitted":
        raise UserError("Chỉ duyệt hoặc trả lại phiếu đang chờ chi đoàn duyệt")
    if not approve and not text.clean(comment):
        raise InvalidInput("Cần ghi ý kiến khi trả lại phiếu đăng ký", "comment")
    verb = "Duyệt" if approve else "Trả lại"
    with db.write(f"{verb} đăng ký rèn luyện của {registration.full_name}") as tx:
        store.update_registration(tx, registration_id, {
            "status": "approved" if approve else "returned",
            "decided_on": (on or dt.date.today()).isoformat(), "decided_by": text.clean(by),
            "comment": text.clean(comment)})


def record_self_evaluation(db: Database, registration_id: str, round_no: int,
                           evaluated_on: dt.date, self_score: object = None,
                           summary: str = "") -> str:
    registration = get_registration(db, registration_id)
    schedule = rounds(get_year(db, registration.year_id))
    if not 1 <= round_no <= len(schedule):
        raise InvalidInput(f"Đợt tự đánh giá {round_no} không có (1–{len(schedule)})", "round")
    score = _score(self_score)
    with db.write(f"Tự đánh giá rèn luyện của {registration.full_name}") as tx:
        return store.save_self_evaluation(tx, registration_id, round_no,
                                          schedule[round_no - 1].kind, evaluated_on, score,
                                          text.clean(summary))


def _score(value: object) -> float | None:
    return parse_score(value)


@dataclass(frozen=True)
class ScoreRow:
    person_id: str
    full_name: str
    registration_id: str | None
    status: str | None  # None: not registered
    self_score: float | None
    score: float | None
    classification: str  # the band's label, '' without a score
    note: str


def branch_scores(db: Database, year_id: str, unit_id: str) -> list[ScoreRow]:
    """The branch's grid: every member of the unit (and the units below it) in official
    order, with the final self-score, the branch's score and its classification."""
    year = get_year(db, year_id)
    bands = year.bands
    rows = store.branch_rows(db, year_id, units.subtree_ids(db, unit_id), len(rounds(year)))
    return [ScoreRow(r.person_id, r.full_name, r.registration_id, r.status, r.self_score,
                     r.score, classify(r.score, bands).label if r.score is not None else "",
                     r.score_note) for r in rows]


@dataclass
class ScoreEntry:
    """One row typed in the grid; values are as typed ('85', '85,5', 85.5 or blank)."""

    score: object = None
    self_score: object = None
    note: str = ""


class ScoreErrors(InvalidInput):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors  # person id -> message


def save_branch_scores(db: Database, year_id: str, unit_id: str,
                       entries: Mapping[str, ScoreEntry], on: dt.date | None = None) -> int:
    """Write a branch's grid in one action; nothing is written if any row is wrong.
    Returns the number of members whose values changed."""
    year = get_year(db, year_id)
    final_round = len(rounds(year))
    grid = {r.person_id: r for r in branch_scores(db, year_id, unit_id)}
    errors: dict[str, str] = {}
    parsed: dict[str, tuple[float | None, float | None, str]] = {}
    for person_id, entry in entries.items():
        row = grid.get(person_id)
        name = row.full_name if row else person_id
        try:
            if row is None:
                raise InvalidInput("không thuộc chi đoàn này")
            values = (_score(entry.score), _score(entry.self_score), text.clean(entry.note))
            if row.status != "approved" and any(v is not None for v in values[:2]):
                raise InvalidInput("phiếu đăng ký chưa được chi đoàn duyệt")
            parsed[person_id] = values
        except InvalidInput as exc:
            errors[person_id] = f"{name}: {exc.message}"
    if errors:
        raise ScoreErrors(errors)
    unit = units.get_unit(db, unit_id)
    changed = 0
    with db.write(f"Nhập điểm rèn luyện {unit.name if unit else ''}".strip()) as tx:
        for person_id, (score, self_score, note) in parsed.items():
            row = grid[person_id]
            if row.registration_id is None:
                continue  # nothing typed for a member who has not registered
            diff = store.update_registration(tx, row.registration_id,
                                             {"score": score, "score_note": note})
            moved = self_score is not None and self_score != row.self_score
            if moved:
                store.save_self_evaluation(tx, row.registration_id, final_round, FINAL,
                                           on or dt.date.today(), self_score, "")
            changed += bool(diff) or moved
    return changed


@dataclass(frozen=True)
class RatingChange:
    person_id: str
    full_name: str
    score: float
    classification: str
    level_id: str
    level_label: str
    current_label: str  # the rating the person has for that year now, '' if none


@dataclass
class RatingPreview:
    year: ProgrammeYear
    changes: list[RatingChange] = field(default_factory=list)
    unchanged: int = 0
    applied: int = 0


def apply_ratings(db: Database, year_id: str, confirm: bool = False,
                  progress: Progress = NO_PROGRESS) -> RatingPreview:
    """The members' yearly rating from this year's scores. Without confirm nothing is
    written: the preview lists what would change (existing ratings included). A cancel
    while writing rolls every rating back."""
    year = get_year(db, year_id)
    bands = year.bands
    levels = {lv.id: lv.label for lv in lookups.levels_for_year(db, year.rating_year)}
    current = dict(db.conn.execute(
        "SELECT person_id, level_id FROM rating WHERE year = ? AND deleted = 0",
        (year.rating_year,)).fetchall())
    preview = RatingPreview(year)
    scored = store.scored(db, year_id)
    reading = progress.part(0.0, 0.3 if confirm else 1.0)
    by_code: dict[str, RatingLevel | None] = {}  # a handful of bands: one look-up each
    for done, registration in enumerate(scored):
        reading.step("Đang tính xếp loại từ điểm rèn luyện", done, len(scored))
        assert registration.score is not None
        band = classify(registration.score, bands)
        if band.rating_code not in by_code:
            by_code[band.rating_code] = lookups.rating_level_for(db, year.rating_year,
                                                                 band.rating_code)
        level = by_code[band.rating_code]
        if level is None:
            raise UserError(f"Không có mức xếp loại '{band.rating_code}' cho năm "
                            f"{year.rating_year}")
        now = current.get(registration.person_id)
        if now == level.id:
            preview.unchanged += 1
            continue
        preview.changes.append(RatingChange(
            registration.person_id, registration.full_name, registration.score, band.label,
            level.id, level.label, levels.get(now, "") if now else ""))
    if confirm and preview.changes:
        with db.write(f"Xếp loại đoàn viên năm {year.rating_year} theo kết quả rèn luyện "
                      f"{year.name}") as tx:
            writing = progress.part(0.3, 1.0)
            for done, change in enumerate(preview.changes):
                writing.step("Đang ghi xếp loại hằng năm", done, len(preview.changes))
                people.set_rating(tx, change.person_id, year.rating_year, change.level_id)
            store.update_year(tx, year_id, {"ratings_applied_at": dt.date.today().isoformat()})
        preview.applied = len(preview.changes)
    return preview


@dataclass(frozen=True)
class DueSelfEvaluation:
    registration_id: str
    person_id: str
    full_name: str
    due: dt.date
    round: int
    year_name: str


def due_self_evaluations(db: Database, until: dt.date) -> list[DueSelfEvaluation]:
    """Self-evaluation rounds due on or before `until` that registered members have not
    done, for the open programme years."""
    found: list[DueSelfEvaluation] = []
    for year in store.list_years(db):
        if year.status != "open":
            continue
        for item in rounds(year):
            if item.due > until:
                break
            found.extend(DueSelfEvaluation(rid, pid, name, item.due, item.seq, year.name)
                         for rid, pid, name in store.missing_self_evaluation(db, year.id,
                                                                             item.seq))
    return found
