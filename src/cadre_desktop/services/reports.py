"""The periodic training report (sơ kết 6 tháng, tổng kết năm, giữa kỳ, tổng kết): its
figures for any date range, and the clerk's text kept per report so it can be edited and
printed again.

Section I (results) is computed: classes that ended in the range, their enrolments
("lượt") and completions by programme and by working status, budget by cost item and
against the yearly estimates, and the targets of the office's plans on the range's last
day. Sections II-IV, the number and the recipients are the draft's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cadre_desktop.domain import report_period, text
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services.plans import YearBudget, plan_overview
from cadre_desktop.services.targets import TargetFigures, list_figures, refuse_problems
from cadre_desktop.store import budget, lookups, plans, report_sql
from cadre_desktop.store.db import Database
from cadre_desktop.store.offices import subtree_ids
from cadre_desktop.store.plans import Plan
from cadre_desktop.store.profile import load_profile
from cadre_desktop.store.report_sql import ProgrammeFigures
from cadre_desktop.store.target_figures import Scope, class_counts

MEMBERS = "Đoàn viên, thanh niên"


@dataclass(frozen=True)
class GroupFigures:
    group: str  # the working status' label, or MEMBERS
    enrolments: int
    completions: int


@dataclass(frozen=True)
class BudgetItem:
    item: str
    label: str
    estimate: int
    actual: int


@dataclass(frozen=True)
class ReportDraft:
    kind: str
    start: dt.date
    end: dt.date
    number: str = ""
    subject: str = ""  # '' : the subject worded from the kind and range
    assessment: str = ""  # II. Đánh giá chung
    directions: str = ""  # III. Phương hướng, nhiệm vụ
    proposals: str = ""  # IV. Đề xuất, kiến nghị
    recipients: str = ""  # one per line; '' : the default list
    id: str | None = None


@dataclass(frozen=True)
class TrainingReport:
    start: dt.date
    end: dt.date
    kind: str
    subject: str
    classes: int
    enrolments: int
    completions: int
    people: int  # different people among the enrolments
    budget_planned: int
    budget_actual: int
    by_programme: list[ProgrammeFigures]
    by_group: list[GroupFigures]
    budget_items: list[BudgetItem]
    year_budgets: list[YearBudget]  # yearly estimates of the plans, years in the range
    plans: list[Plan]
    targets: list[TargetFigures]
    draft: ReportDraft
    recipients: list[str] = field(default_factory=list)

    @property
    def completion_rate(self) -> float | None:
        return self.completions / self.enrolments if self.enrolments else None


def _scope(db: Database, office: str | None) -> tuple[str, Scope]:
    """The reporting office and whose classes count: it and the offices below it."""
    if office:
        from cadre_desktop.services.offices import find_office

        owner = find_office(db, office).id
    else:
        owner = db.office_id
    return owner, Scope(tuple(subtree_ids(db, owner)))


def default_recipients(db: Database) -> list[str]:
    upper = load_profile(db).upper_body.strip()
    above = upper.title().replace("Tỉnh Đoàn", "Tỉnh đoàn").replace("Thành Đoàn", "Thành đoàn")
    lines = [f"- Ban Thường vụ {above} (để báo cáo);"] if above else []
    return [*lines, "- Các đồng chí Ủy viên Ban Chấp hành;", "- Lưu VP."]


def get_draft(db: Database, start: dt.date, end: dt.date, kind: str | None = None) -> ReportDraft:
    """The saved draft of the range (and kind), or an empty one of the inferred kind."""
    report_period.check_range(start, end)
    if kind is not None:
        report_period.check_kind(kind)
    row = report_sql.find_draft(db, start, end, kind)
    if row is None:
        return ReportDraft(kind if kind is not None else _infer(db, start, end), start, end)
    return ReportDraft(row.kind, row.start, row.end, row.number, row.subject, row.assessment,
                       row.directions, row.proposals, row.recipients, row.id)


_DRAFT_LABELS = {"number": "Số báo cáo", "subject": "Trích yếu",
                 "assessment": "Đánh giá chung", "directions": "Phương hướng, nhiệm vụ",
                 "proposals": "Đề xuất, kiến nghị", "recipients": "Nơi nhận"}


def save_draft(db: Database, draft: ReportDraft) -> str:
    report_period.check_range(draft.start, draft.end)
    report_period.check_kind(draft.kind)
    values = {"number": draft.number, "subject": draft.subject,
              "assessment": draft.assessment, "directions": draft.directions,
              "proposals": draft.proposals, "recipients": draft.recipients}
    for key, value in values.items():  # printed, and sent up in bundles, which refuse them
        text.refuse_forbidden(value, _DRAFT_LABELS[key], key)
    with db.write(f"Báo cáo {draft.start:%d/%m/%Y} - {draft.end:%d/%m/%Y}") as tx:
        return report_sql.save_draft(tx, draft.kind, draft.start, draft.end, values)


def list_drafts(db: Database) -> list[ReportDraft]:
    return [ReportDraft(r.kind, r.start, r.end, r.number, r.subject, r.assessment,
                        r.directions, r.proposals, r.recipients, r.id)
            for r in report_sql.list_drafts(db)]


def _groups(db: Database, rows: list[tuple[str | None, int, int]]) -> list[GroupFigures]:
    """Lượt by working status in the list's order, members (no status) last."""
    statuses = lookups.labels(db, "working_status")
    found = {code: (n, done) for code, n, done in rows}
    codes = [c for c in statuses if c in found]
    codes += sorted(c for c in found if c is not None and c not in statuses)
    groups = [GroupFigures(statuses.get(c, c), *found[c]) for c in codes]
    if None in found:
        groups.append(GroupFigures(MEMBERS, *found[None]))
    return groups


def _plans_in(db: Database, owner: str, start: dt.date, end: dt.date) -> list[Plan]:
    return [p for p in plans.list_plans(db, [owner]) if p.start <= end and p.end >= start]


def _infer(db: Database, start: dt.date, end: dt.date) -> str:
    periods = [(p.start, p.end) for p in _plans_in(db, db.office_id, start, end)]
    return report_period.infer_kind(start, end, periods[0] if periods else None)


def training_report(db: Database, start: dt.date, end: dt.date, kind: str | None = None,
                    office: str | None = None) -> TrainingReport:
    """The report's figures for [start, end] with the saved draft's text. `office` (a
    code) reports for that office (and those below it) instead of this one."""
    report_period.check_range(start, end)
    owner, scope = _scope(db, office)
    draft = get_draft(db, start, end, kind)
    plan_list = _plans_in(db, owner, start, end)
    classes = class_counts(db, (), start, end, scope)
    programmes = report_sql.by_programme(db, start, end, scope)
    groups = _groups(db, report_sql.by_working_status(db, start, end, scope))
    items = budget.item_totals(db, start, end, scope)
    budget_items = [BudgetItem(item, label, items.get(("estimate", item), 0),
                               items.get(("actual", item), 0))
                    for item, label in budget.ITEMS.items()
                    if ("estimate", item) in items or ("actual", item) in items]
    figures: list[TargetFigures] = []
    year_budgets: list[YearBudget] = []
    for plan in plan_list:
        found = list_figures(db, plan.id, on=end, office=office)
        refuse_problems(found)
        figures.extend(found)
        year_budgets += [y for y in plan_overview(db, plan.id, until=end).years
                         if start.year <= y.year <= end.year]
    period = (plan_list[0].start, plan_list[0].end) if plan_list else None
    subject = draft.subject or report_period.subject(draft.kind, start, end, period)
    recipients = [line.strip() for line in draft.recipients.splitlines() if line.strip()]
    return TrainingReport(
        start, end, draft.kind, subject,
        classes=sum(c.classes for c in classes),
        enrolments=sum(p.enrolments for p in programmes),
        completions=sum(p.completions for p in programmes),
        people=report_sql.people_trained(db, start, end, scope),
        budget_planned=sum(c.planned for c in classes),
        budget_actual=sum(c.actual for c in classes),
        by_programme=programmes, by_group=groups, budget_items=budget_items,
        year_budgets=year_budgets, plans=plan_list, targets=figures, draft=draft,
        recipients=recipients or default_recipients(db))


def check_output(path_suffix: str) -> str:
    suffix = path_suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UserError("Báo cáo chỉ ghi ra tệp .pdf hoặc .xlsx")
    return suffix
