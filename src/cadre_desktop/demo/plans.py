"""The demo office's plan: a five-year training plan after the Hà Nội plan 293/KH-UBND
(seeds/000: 90% of cadres planned for key posts trained, 100% of full-time cadres updated,
yearly plans, mid-term and final reviews) and the Bình Thuận plan (seeds/002: 100% / 80% /
100%, 16 classes, 1,440 participants, about 1.34 billion đồng), with a target of every kind.

Everything derives from the demo's reference date and from the classes the training part
wrote: the period runs from two years before the reference year to two years after, each
yearly plan's estimate covers the classes ending that year, and each class's planned and
actual totals are split into budget lines by cost item (the totals stay as they were).
No random numbers are drawn, so the parts before this one are untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from cadre_desktop.domain.target_group import Clause, TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput
from cadre_desktop.store import units
from cadre_desktop.store.db import Database
from cadre_desktop.store.programmes import list_programmes
from cadre_desktop.store.tx import Transaction

NewId = Callable[[str], str]

KEY_POSTS = ("bi_thu", "pho_bi_thu_tt", "pho_bi_thu")
PLANNED_ANY = (*KEY_POSTS, "uv_btv", "uv_bch")
CADRES = ("chuyen_trach", "ban_chuyen_trach", "kiem_nhiem")
# Share of a class's estimate per cost item, in person (online: less venue, no allowance).
_SPLIT = {"in_person": {"lecturers": 0.2, "venue": 0.15, "materials": 0.1, "allowance": 0.45},
          "online": {"lecturers": 0.35, "venue": 0.2, "materials": 0.15}}
_STEP = 1000  # amounts in whole thousands of đồng


def _group(*clauses: Clause) -> TargetGroup:
    return TargetGroup(tuple(clauses))


def _targets(programme: dict[str, str]) -> list[TargetInput]:
    planned_key = _group(Clause(planned=KEY_POSTS))
    return [
        TargetInput("Cán bộ đoàn quy hoạch vào các chức danh chủ chốt được bồi dưỡng kiến "
                    "thức, nghiệp vụ, kỹ năng công tác", "coverage", 0.9,
                    target_group=planned_key,
                    programmes=(programme["bd_bi_thu_co_so"], programme["bd_co_ban"])),
        TargetInput("Cán bộ đoàn chuyên trách được cập nhật, bồi dưỡng kiến thức chuyên môn, "
                    "nghiệp vụ", "coverage", 1.0,
                    target_group=_group(Clause(working_status=("chuyen_trach",))),
                    programmes=(programme["bd_co_ban"],)),
        TargetInput("Cán bộ đoàn bán chuyên trách, kiêm nhiệm và Bí thư chi đoàn được bồi "
                    "dưỡng nghiệp vụ công tác Đoàn", "coverage", 0.8,
                    target_group=_group(Clause(working_status=("ban_chuyen_trach",
                                                               "kiem_nhiem")),
                                        Clause(positions=("bi_thu_chi_doan",))),
                    programmes=(programme["bd_kiem_nhiem"], programme["bd_co_ban"],
                                programme["bd_bi_thu_co_so"])),
        TargetInput("Cán bộ trong quy hoạch có trình độ lý luận chính trị từ trung cấp trở "
                    "lên", "share", 0.7, target_group=_group(Clause(planned=PLANNED_ANY)),
                    attribute=Attribute("theory_level", "trung_cap")),
        TargetInput("Tổ chức 16 lớp bồi dưỡng trong giai đoạn", "count", 16, measure="classes"),
        TargetInput("1.440 lượt cán bộ, đoàn viên tham gia các lớp bồi dưỡng", "count", 1440,
                    measure="enrolments"),
        TargetInput("Hằng năm ít nhất 60 lượt cán bộ Đoàn chuyên trách, bán chuyên trách, kiêm "
                    "nhiệm được bồi dưỡng", "count", 60, measure="enrolments",
                    target_group=_group(Clause(working_status=CADRES)), period="year"),
        TargetInput("Kinh phí hằng năm không vượt dự toán của kế hoạch năm", "budget", 1.0,
                    at_most=True, period="year"),
        TargetInput("Thực hiện ít nhất 90% dự toán kinh phí của giai đoạn", "budget", 0.9),
    ]


def add_plan(db: Database, tx: Transaction, today: dt.date, new_id: NewId) -> dict[str, int]:
    """Write the plan, its yearly plans and targets, and the classes' budget lines."""
    start, end = dt.date(today.year - 2, 1, 1), dt.date(today.year + 2, 12, 31)
    root = units.root_unit(db)
    office = root.name if root else "Đoàn phường"
    plan_id = new_id("plan")
    tx.insert("plan", {
        "id": plan_id, "number": "15-KH/ĐTN",
        "name": f"Kế hoạch bồi dưỡng cán bộ Đoàn giai đoạn {start.year} - {end.year}",
        "issuer": f"Ban Thường vụ {office}", "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "note": "Theo Kế hoạch 293/KH-UBND của UBND thành phố Hà Nội và kế hoạch bồi dưỡng "
                "cán bộ Đoàn của tỉnh; sơ kết giữa kỳ năm "
                f"{start.year + 2}, tổng kết năm {end.year}."})
    lines = _budget_lines(db, new_id)
    tx.insert_many("class_budget_line", lines)
    years = _years(db, plan_id, start.year, end.year, new_id)
    tx.insert_many("plan_year", years)
    programme = {p.code: p.id for p in list_programmes(db)}
    targets = [{"id": new_id("plan_target"), "plan_id": plan_id,
                **replace(t, sort_order=order).columns()}
               for order, t in enumerate(_targets(programme))]
    tx.insert_many("plan_target", targets)
    return {"plan": 1, "plan_year": len(years), "plan_target": len(targets),
            "class_budget_line": len(lines)}


def _years(db: Database, plan_id: str, first: int, last: int,
           new_id: NewId) -> list[dict[str, Any]]:
    """A yearly plan per year; its estimate covers the year's classes' estimates, rounded up
    to ten million đồng (none for a year without classes)."""
    planned = dict(db.conn.execute(
        "SELECT CAST(substr(end_date, 1, 4) AS INTEGER), SUM(budget_planned)"
        " FROM training_class WHERE deleted = 0 AND end_date IS NOT NULL GROUP BY 1"))
    rows = []
    for year in range(first, last + 1):
        amount = planned.get(year)
        estimate = -(-int(amount) // 10_000_000) * 10_000_000 if amount else None
        note = (f"Kế hoạch bồi dưỡng năm {year}" if estimate else
                "Năm ban hành kế hoạch giai đoạn; các lớp theo kế hoạch năm đã phê duyệt")
        rows.append({"id": new_id("plan_year"), "plan_id": plan_id, "year": year,
                     "budget_estimate": estimate, "note": note})
    return rows


def _budget_lines(db: Database, new_id: NewId) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for class_id, capacity, mode, planned, actual, days, present in db.conn.execute(
        "SELECT c.id, COALESCE(c.capacity, 0), c.mode, c.budget_planned, c.budget_actual,"
        " (SELECT COUNT(DISTINCT s.date) FROM class_session s WHERE s.class_id = c.id"
        "  AND s.deleted = 0),"
        " (SELECT COUNT(*) FROM enrolment e WHERE e.class_id = c.id AND e.deleted = 0"
        "  AND e.status = 'enrolled')"
        " FROM training_class c WHERE c.deleted = 0 ORDER BY c.start_date, c.id"
    ).fetchall():
        split = _SPLIT["online" if mode == "online" else "in_person"]
        days = max(int(days), 1)
        if planned:
            rows += _lines(class_id, "estimate", int(planned), split, int(capacity), days,
                           new_id)
        if actual is not None:
            rows += _lines(class_id, "actual", int(actual), split, int(present), days, new_id)
    return rows


def _lines(class_id: str, stage: str, total: int, split: dict[str, float], people: int,
           days: int, new_id: NewId) -> list[dict[str, Any]]:
    """Cost items adding up to exactly `total`; the allowance as people x days x rate."""
    items: list[dict[str, Any]] = []
    for item, share in split.items():
        entry: dict[str, Any] = {"item": item, "description": "", "people": None,
                                 "days": None, "rate": None}
        if item == "allowance":
            if people <= 0:
                continue
            rate = int(total * share / (people * days)) // _STEP * _STEP
            entry.update(people=people, days=days, rate=rate, amount=rate * people * days,
                         description="Hỗ trợ tiền ăn, đi lại cho học viên")
        else:
            entry["amount"] = int(total * share) // _STEP * _STEP
        items.append(entry)
    items.append({"item": "other", "description": "Khen thưởng, khai giảng, bế giảng",
                  "people": None, "days": None, "rate": None,
                  "amount": total - sum(i["amount"] for i in items)})
    return [{"id": new_id("class_budget_line"), "class_id": class_id, "stage": stage,
             "sort_order": order, **entry} for order, entry in enumerate(items)]
