"""The budget lines of a class (dự toán / quyết toán by cost item) and the class totals
derived from them.

training_class.budget_planned and budget_actual always hold the sums of the class's
estimate and actual lines (None when it has none): every change of lines rewrites them in
the same transaction, so the class list and the reports read one column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.target_figures import Scope, class_where
from cadre_desktop.store.tx import Transaction

ITEMS = {"lecturers": "Thù lao giảng viên, báo cáo viên", "venue": "Hội trường, thiết bị",
         "materials": "Tài liệu, văn phòng phẩm",
         "allowance": "Hỗ trợ học viên (người × ngày)", "other": "Chi khác"}
STAGES = {"estimate": "Dự toán", "actual": "Thực hiện"}
TOTAL_COLUMN = {"estimate": "budget_planned", "actual": "budget_actual"}


@dataclass
class BudgetLineInput:
    item: str
    amount: int | None = None  # derived from people x days x rate when a rate is given
    description: str = ""
    people: int | None = None
    days: int | None = None
    rate: int | None = None  # đồng per person per day (allowances) or per unit

    def columns(self) -> dict[str, Any]:
        if self.item not in ITEMS:
            raise InvalidInput(f"Khoản chi '{self.item}' không hợp lệ", "item")
        for name in ("amount", "people", "days", "rate"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or value < 0):
                raise InvalidInput("Số tiền, số người và số ngày là số nguyên không âm", name)
        amount = self.amount
        if self.rate is not None:
            if self.item == "allowance" and (self.people is None or self.days is None):
                raise InvalidInput("Hỗ trợ học viên cần số người và số ngày", "people")
            computed = self.rate * (self.people or 1) * (self.days or 1)
            if amount is not None and amount != computed:
                raise InvalidInput(f"Thành tiền {amount} khác số người × số ngày × định mức "
                                   f"({computed})", "amount")
            amount = computed
        if amount is None:
            raise InvalidInput("Cần số tiền của khoản chi", "amount")
        return {"item": self.item, "description": text.clean(self.description),
                "people": self.people, "days": self.days, "rate": self.rate,
                "amount": amount}


@dataclass(frozen=True)
class BudgetLine:
    id: str
    class_id: str
    stage: str
    item: str
    description: str
    people: int | None
    days: int | None
    rate: int | None
    amount: int
    sort_order: int

    @property
    def label(self) -> str:
        return self.description or ITEMS[self.item]

    def as_input(self) -> BudgetLineInput:
        return BudgetLineInput(self.item, self.amount, self.description, self.people,
                               self.days, self.rate)


_LINE = ("SELECT id, class_id, stage, item, description, people, days, rate, amount,"
         " sort_order FROM class_budget_line")


def list_lines(db: Handle, class_id: str, stage: str | None = None) -> list[BudgetLine]:
    sql, params = _LINE + " WHERE class_id = ? AND deleted = 0", [class_id]
    if stage is not None:
        sql += " AND stage = ?"
        params.append(stage)
    sql += " ORDER BY stage DESC, sort_order, id"  # estimate before actual
    return [BudgetLine(*r) for r in db.conn.execute(sql, params).fetchall()]


def _check_stage(stage: str) -> None:
    if stage not in STAGES:
        raise InvalidInput(f"Giai đoạn kinh phí '{stage}' không hợp lệ", "stage")


def set_lines(tx: Transaction, class_id: str, stage: str,
              lines: Sequence[BudgetLineInput]) -> int | None:
    """Replace the class's lines of one stage (rows are updated in place where they can
    be, so the audit shows what changed); returns the new total."""
    _check_stage(stage)
    columns = [line.columns() for line in lines]
    old = list_lines(tx, class_id, stage)
    for order, (values, line) in enumerate(zip(columns, old, strict=False)):
        tx.update("class_budget_line", line.id, {**values, "sort_order": order})
    for order, values in enumerate(columns[len(old):], start=len(old)):
        tx.insert("class_budget_line", {"id": new_id(), "class_id": class_id, "stage": stage,
                                        "sort_order": order, **values})
    for line in old[len(columns):]:
        tx.soft_delete("class_budget_line", line.id)
    return _store_total(tx, class_id, stage)


def _store_total(tx: Transaction, class_id: str, stage: str) -> int | None:
    row = tx.conn.execute(
        "SELECT SUM(amount) FROM class_budget_line WHERE class_id = ? AND stage = ?"
        " AND deleted = 0", (class_id, stage)).fetchone()
    total = None if row[0] is None else int(row[0])
    tx.update("training_class", class_id, {TOTAL_COLUMN[stage]: total})
    return total


def adopt_total(tx: Transaction, class_id: str, stage: str, amount: int | None) -> None:
    """A class total typed as one figure (the class form): kept as the class's only line,
    or refused when the class has several lines that would no longer add up to it."""
    _check_stage(stage)
    lines = list_lines(tx, class_id, stage)
    current = sum(line.amount for line in lines) if lines else None
    if amount == current:
        _store_total(tx, class_id, stage)
        return
    if len(lines) > 1:
        raise InvalidInput(
            f"{STAGES[stage]} kinh phí của lớp là tổng của {len(lines)} khoản chi; hãy sửa "
            "từng khoản thay vì sửa tổng", TOTAL_COLUMN[stage])
    if amount is None:
        set_lines(tx, class_id, stage, [])
    elif lines:
        line = lines[0]
        keep = line.description if line.rate is None else ""
        set_lines(tx, class_id, stage, [BudgetLineInput(line.item, amount, keep)])
    else:
        set_lines(tx, class_id, stage, [BudgetLineInput(
            "other", amount, f"Tổng kinh phí {STAGES[stage].lower()}")])


def item_totals(db: Handle, start: dt.date, end: dt.date, scope: Scope,
                programmes: Sequence[str] = ()) -> dict[tuple[str, str], int]:
    """(stage, item) -> amount over the classes that ended in [start, end]."""
    where, params = class_where(programmes, start, end, scope)
    rows = db.conn.execute(
        "SELECT l.stage, l.item, SUM(l.amount) FROM training_class c"
        " JOIN class_budget_line l ON l.class_id = c.id AND l.deleted = 0"
        f" WHERE {where} GROUP BY l.stage, l.item", params).fetchall()
    return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}
