"""What a plan, a yearly plan or a target must be before it is written: the checks that
need the office's data (its other plans, its lists, the plan's period), each refusal an
InvalidInput naming the field, so a form can point at it and the command line can say it.

The checks that need nothing but the values themselves live with the values
(store.plans.PlanInput, domain.targets.TargetInput); these run inside the writing
transaction, so what they read is what the write will see. Every text a clerk types here
is refused when it holds a control or bidi character (domain.text.refuse_forbidden).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.money import format_vnd
from cadre_desktop.domain.target_group import TargetGroup
from cadre_desktop.domain.targets import ATTRIBUTE_FIELDS, ORDERED_FIELDS, Attribute, TargetInput
from cadre_desktop.store import lookups
from cadre_desktop.store import plans as plan_rows
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.plans import Plan, PlanInput, Target

# A plan runs over a term (5 years) or a strategy (10 years); a longer one is a typing slip.
MAX_PLAN_YEARS = 10
# Whole đồng; far above any office's budget, well inside SQLite's integers.
MAX_MONEY = 10**15
MAX_COUNT = 10_000_000
MAX_BUDGET_SHARE = 2.0  # 200% of the estimate: a budget goal is a share of it

# Which list each part of a target group names (unit levels are labels, not codes).
_GROUP_LISTS = {"positions": "position", "working_status": "working_status",
                "planned": "position"}
_LIST_NAMES = {"position": "Chức vụ", **ATTRIBUTE_FIELDS}
# A plan's texts travel to the province in bundles, which refuse control and bidi
# characters (sync.strict): refused here, naming the field, never showing the character.
_PLAN_TEXTS = {"name": "Tên kế hoạch", "number": "Số kế hoạch", "issuer": "Cơ quan ban hành",
               "note": "Ghi chú"}


@dataclass(frozen=True)
class YearInput:
    """A yearly plan (kế hoạch năm) as the clerk states it."""

    year: int
    budget_estimate: int | None = None  # whole đồng
    note: str = ""


def check_plan(db: Handle, data: PlanInput, plan_id: str | None,
               years: Sequence[YearInput] | None) -> None:
    """The plan's own values, its number unique in the office, a period of at most
    MAX_PLAN_YEARS calendar years holding its targets' dates and, unless `years` gives
    them all again, its yearly plans."""
    data.columns()
    for field, label in _PLAN_TEXTS.items():
        text.refuse_forbidden(getattr(data, field), label, field)
    if data.end.year - data.start.year + 1 > MAX_PLAN_YEARS:
        raise InvalidInput(f"Thời gian của kế hoạch không quá {MAX_PLAN_YEARS} năm "
                           f"({format_date(data.start)} - {format_date(data.end)})", "end")
    number = text.fold(text.clean(data.number))
    if number:
        for other in plan_rows.list_plans(db, [db.office_id]):
            if other.id != plan_id and text.fold(other.number) == number:
                raise InvalidInput(f"Đã có kế hoạch số {other.number}: {other.name}", "number")
    if years is not None:
        check_years(data.start, data.end, years)
    if plan_id is None:
        return
    if years is None:
        for kept in plan_rows.list_years(db, plan_id):
            if not data.start.year <= kept.year <= data.end.year:
                raise InvalidInput(
                    f"Kế hoạch năm {kept.year} nằm ngoài thời gian mới của kế hoạch; hãy bỏ "
                    "kế hoạch năm đó trước", "start" if kept.year < data.start.year else "end")
    for target in plan_rows.list_targets(db, plan_id):
        if target.start and target.start < data.start:
            raise InvalidInput(f"Chỉ tiêu '{target.name}' tính từ {format_date(target.start)},"
                               " trước thời gian mới của kế hoạch", "start")
        if target.end and target.end > data.end:
            raise InvalidInput(f"Chỉ tiêu '{target.name}' tính đến {format_date(target.end)},"
                               " sau thời gian mới của kế hoạch", "end")


def check_years(start: dt.date, end: dt.date, years: Sequence[YearInput]) -> None:
    seen: set[int] = set()
    for year in years:
        check_year(start, end, year)
        if year.year in seen:
            raise InvalidInput(f"Kế hoạch năm {year.year} được nhập hai lần", "year")
        seen.add(year.year)


def check_year(start: dt.date, end: dt.date, year: YearInput) -> None:
    if isinstance(year.year, bool) or not isinstance(year.year, int) \
            or not start.year <= year.year <= end.year:
        raise InvalidInput(f"Năm {year.year} nằm ngoài thời gian của kế hoạch "
                           f"({start.year} - {end.year})", "year")
    check_money(year.budget_estimate)
    text.refuse_forbidden(year.note, f"Ghi chú kế hoạch năm {year.year}", "note")


def check_money(amount: int | None, field: str = "budget_estimate") -> None:
    if amount is None:
        return
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise InvalidInput("Dự toán kinh phí là số đồng, không âm", field)
    if amount > MAX_MONEY:
        raise InvalidInput(f"Dự toán kinh phí quá lớn ({format_vnd(amount, 'đồng')})", field)


def check_target(db: Handle, plan: Plan, data: TargetInput, old: Target | None) -> None:
    """The target's own values, then what they name: a name not used twice in the plan,
    dates inside the plan's period, codes of the office's lists, and only the parts its
    kind counts. Codes the target already held are kept even if the list dropped them."""
    data.columns()
    text.refuse_forbidden(data.name, "Tên chỉ tiêu", "name")
    _check_goal(data)
    name = text.fold(text.clean(data.name))
    for other in plan_rows.list_targets(db, plan.id):
        if (old is None or other.id != old.id) and text.fold(other.name) == name:
            raise InvalidInput(f"Kế hoạch đã có chỉ tiêu '{other.name}'", "name")
    for field, day in (("start_date", data.start_date), ("end_date", data.end_date)):
        if day is not None and not plan.start <= day <= plan.end:
            raise InvalidInput(f"Thời gian của chỉ tiêu phải nằm trong thời gian của kế "
                               f"hoạch ({plan.period})", field)
    if data.at_most and data.kind in ("coverage", "share"):
        raise InvalidInput("Chỉ tiêu tỷ lệ người đạt không dùng mức 'tối đa'", "at_most")
    counts_people = data.kind in ("coverage", "share") or (
        data.kind == "count" and data.measure in ("enrolments", "completions"))
    if not counts_people and not data.target_group.everyone:
        raise InvalidInput("Chỉ tiêu này đếm lớp hoặc kinh phí, không theo đối tượng: hãy bỏ "
                           "đối tượng (hoặc đếm lượt học viên)", "target_group")
    if data.kind != "share" and not data.attribute.empty:
        raise InvalidInput("Chỉ tiêu loại này không dùng tiêu chí (chỉ tiêu tỷ lệ đạt chuẩn "
                           "mới dùng)", "attribute")
    if data.kind != "count" and data.measure:
        raise InvalidInput("Chỉ tiêu loại này không đếm lớp hay lượt (chỉ tiêu số lượng mới "
                           "đếm)", "measure")
    if data.kind == "share" and data.programmes:
        raise InvalidInput("Chỉ tiêu tỷ lệ đạt chuẩn không tính theo chương trình bồi "
                           "dưỡng", "programmes")
    _check_group(db, data.target_group, old.target_group if old else TargetGroup())
    if data.kind == "share":
        _check_attribute(db, data.attribute, old.attribute if old else Attribute())


def _check_goal(data: TargetInput) -> None:
    if data.kind == "count" and data.goal > MAX_COUNT:
        raise InvalidInput(f"Chỉ tiêu số lượng quá lớn (tối đa {MAX_COUNT:,})"
                           .replace(",", "."), "goal")
    if data.kind == "budget" and data.goal > MAX_BUDGET_SHARE:
        raise InvalidInput("Chỉ tiêu kinh phí là tỷ lệ so với dự toán, tối đa 200% "
                           "(100% là 1)", "goal")


def _check_group(db: Handle, group: TargetGroup, had: TargetGroup) -> None:
    for part, kind in _GROUP_LISTS.items():
        known = set(lookups.labels(db, kind))
        known.update(code for clause in had.clauses for code in getattr(clause, part))
        for clause in group.clauses:
            for code in getattr(clause, part):
                if code not in known:
                    raise InvalidInput(f"Mã '{code}' không có trong danh mục "
                                       f"{_LIST_NAMES[kind]}", "target_group")


def _check_attribute(db: Handle, attribute: Attribute, had: Attribute) -> None:
    if attribute.empty:
        raise InvalidInput("Chỉ tiêu tỷ lệ cần một tiêu chí (ví dụ trình độ lý luận chính "
                           "trị)", "attribute")
    Attribute.from_json(attribute.to_json())  # the rules a stored attribute is read by
    label = ATTRIBUTE_FIELDS[attribute.field]
    if attribute.at_least:
        ordered = [item.code for item in lookups.items(db, attribute.field)]
        if attribute.field in ORDERED_FIELDS and attribute.at_least not in ordered:
            raise InvalidInput(f"Mức '{attribute.at_least}' không có trong danh mục {label}",
                               "attribute")
        return
    known = set(lookups.labels(db, attribute.field)) | set(had.codes)
    for code in attribute.codes:
        if code not in known:
            raise InvalidInput(f"Mã '{code}' không có trong danh mục {label}", "attribute")


def resolve_codes(db: Handle, kind: str, values: Sequence[str]) -> tuple[str, ...]:
    """Codes of a list from what a clerk typed: a code, or an item's label (accents and
    case aside); anything else is refused with the list's labels."""
    codes = []
    for value in values:
        code = lookups.code_for(db, kind, value)
        if code is None:
            offered = ", ".join(label for _code, label in
                                ((i.code, i.label) for i in lookups.items(db, kind)))
            raise InvalidInput(f"'{value}' không có trong danh mục "
                               f"{_LIST_NAMES.get(kind, kind)} ({offered})", kind)
        codes.append(code)
    return tuple(codes)
