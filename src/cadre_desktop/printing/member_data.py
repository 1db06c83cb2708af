"""Reading the member training programme for its printed forms, through its services
(read-only): one member's registration, and a branch's results for a year."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.domain.evaluation_schedule import FINAL
from cadre_desktop.domain.member_programme import REGISTRATION_LABELS
from cadre_desktop.domain.member_score import format_score
from cadre_desktop.printing.form_data import (
    clean,
    iso_day,
    office_date_line,
    person_info,
    secretary,
    show,
    unit_header,
)
from cadre_desktop.printing.form_model import (
    AreaItems,
    BranchResults,
    Pair,
    RegistrationForm,
    ResultRow,
    SignBlock,
)
from cadre_desktop.printing.model import Document, Signature
from cadre_desktop.services import member_programme as svc
from cadre_desktop.store import member_programme as store
from cadre_desktop.store import units
from cadre_desktop.store.db import Database

REGISTRATION_TITLE = "PHIẾU ĐĂNG KÝ RÈN LUYỆN ĐOÀN VIÊN"
RESULTS_TITLE = "DANH SÁCH KẾT QUẢ RÈN LUYỆN ĐOÀN VIÊN"
DECISIONS = {"approved": "Duyệt phiếu đăng ký",
             "returned": "Trả lại để bổ sung, chỉnh sửa"}
UNCLASSIFIED = "Chưa xếp loại"


def _programme(name: str) -> str:
    return f"Chương trình rèn luyện đoàn viên năm {clean(name)}"


def _on_behalf(unit_name: str) -> str:
    """A branch signs as "TM. BCH CHI ĐOÀN"; a unit above branches as its committee."""
    return "TM. BCH CHI ĐOÀN" if clean(unit_name).lower().startswith("chi đoàn") \
        else "TM. BAN CHẤP HÀNH"


def _areas(db: Database, registration_id: str) -> list[AreaItems]:
    """The registered criteria grouped by area in the areas' order (every area, even one
    without criteria, which then shows as missing); criteria of an area no longer in the
    list come last."""
    labels = svc.areas(db)
    groups: dict[str, list[tuple[str, str]]] = {code: [] for code in labels}
    for item in store.list_items(db, registration_id):
        groups.setdefault(item.area, []).append((clean(item.text), clean(item.plan)))
    found = []
    for number, (code, items) in enumerate(groups.items(), start=1):
        label = clean(labels.get(code, "")) or "Nội dung khác"
        found.append(AreaItems(f"{number}. {label}", number, items))
    return found


def registration_form(db: Database, registration_id: str) -> RegistrationForm:
    registration = svc.get_registration(db, registration_id)
    name = clean(registration.full_name)
    areas = _areas(db, registration_id)
    count = sum(len(a.items) for a in areas)
    if count == 0:
        raise UserError(f"Phiếu đăng ký của {name} chưa có tiêu chí nào: không có gì để in.")
    year = svc.get_year(db, registration.year_id)
    person = person_info(db, registration.person_id)
    branch_id = registration.unit_id or person.unit_id
    branch = units.get_unit(db, branch_id) if branch_id else None
    branch_name = clean(branch.name) if branch else person.unit
    member = [Pair("Họ và tên đoàn viên", name), Pair(person.birth_label, person.birth),
              Pair("Chi đoàn", branch_name)]
    if person.position:
        member.append(Pair("Chức vụ", person.position))
    document = Document(
        header=unit_header(db, branch_id, branch_name,
                           office_date_line(db, iso_day(registration.submitted_on)),
                           committee=False),
        title=REGISTRATION_TITLE, subtitle=[_programme(year.name)],
        details=[f"Hạn đăng ký: {show(year.registration_by)}"],
        pdf_title=f"Phiếu đăng ký rèn luyện – {name} – {clean(year.name)}")
    chosen = DECISIONS.get(registration.status, "")
    return RegistrationForm(
        document=document, member=member, areas=areas,
        total=f"Tổng số: {count} tiêu chí (cần ít nhất {year.min_criteria} tiêu chí, "
              f"đủ {len(svc.areas(db))} nội dung).",
        decisions=list(DECISIONS.values()), chosen=chosen,
        comment=clean(registration.comment) if chosen else "",
        decided_on=show(registration.decided_on) if chosen else "",
        signatures=(SignBlock(("ĐOÀN VIÊN ĐĂNG KÝ",), name=name),
                    SignBlock((_on_behalf(branch_name), "BÍ THƯ"),
                              name=secretary(db, branch_id))),
    )


_SELF_SCORES = (
    "SELECT s.registration_id, s.round, s.self_score FROM member_self_evaluation s"
    " JOIN member_registration r ON r.id = s.registration_id"
    " WHERE r.year_id = ? AND r.deleted = 0 AND s.deleted = 0"
)


def _self_scores(db: Database, year_id: str) -> dict[tuple[str, int], float | None]:
    """Every self-evaluation score of the year by (registration id, round): the service
    gives only the final round's."""
    return {(str(rid), int(n)): score
            for rid, n, score in db.conn.execute(_SELF_SCORES, (year_id,))}


def _note(status: str | None, note: str) -> str:
    if status is None:
        return "Chưa đăng ký"
    parts = [] if status == "approved" else [REGISTRATION_LABELS.get(status, status)]
    return "; ".join([*parts, *([clean(note)] if note else [])])


def branch_results(db: Database, year_id: str, unit_id: str,
                   on: dt.date | None = None) -> BranchResults:
    year = svc.get_year(db, year_id)
    unit = units.get_unit(db, unit_id)
    if unit is None:
        raise NotFound(f"Không tìm thấy đơn vị có mã {unit_id}")
    unit_name = clean(unit.name)
    scores = svc.branch_scores(db, year_id, unit_id)
    if not scores:
        raise UserError(f"{unit_name} không có đoàn viên nào: không có gì để in.")
    if not any(r.registration_id for r in scores):
        raise UserError(f"Chưa có đoàn viên nào của {unit_name} đăng ký rèn luyện năm "
                        f"{clean(year.name)}: không có kết quả để in.")
    rounds = svc.rounds(year)
    found = _self_scores(db, year_id)
    rows = []
    for number, r in enumerate(scores, start=1):
        own = tuple(format_score(found.get((r.registration_id, item.seq)))
                    if r.registration_id else "" for item in rounds)
        rows.append(ResultRow(number, clean(r.full_name), own, format_score(r.score),
                              clean(r.classification), _note(r.status, r.note)))
    tally = Counter(r.classification or UNCLASSIFIED for r in scores)
    counts = [(clean(band.label), tally.get(band.label, 0)) for band in year.bands]
    if tally.get(UNCLASSIFIED):
        counts.append((UNCLASSIFIED, tally[UNCLASSIFIED]))
    parent = units.get_unit(db, unit.parent_id) if unit.parent_id else None
    above = f"BCH {clean(parent.name)}" if parent else "Đoàn cấp trên"
    document = Document(
        header=unit_header(db, unit_id, unit_name, office_date_line(db, on or dt.date.today())),
        title=RESULTS_TITLE, subtitle=[_programme(year.name)],
        signature=Signature(_on_behalf(unit_name), "BÍ THƯ", secretary(db, unit_id)),
        recipients=[f"- {above} (để công nhận);", "- Lưu chi đoàn."],
        pdf_title=f"Kết quả rèn luyện đoàn viên – {unit_name} – {clean(year.name)}")
    headings = [f"Cuối kỳ\n{item.due:%d/%m/%Y}" if item.kind == FINAL
                else f"Lần {item.seq}\n{item.due:%d/%m/%Y}" for item in rounds]
    return BranchResults(document, headings, rows, counts)
