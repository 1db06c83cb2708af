"""Plans (kế hoạch), their yearly plans (kế hoạch năm) and targets (chỉ tiêu): the rows.

What a target's figures are is computed elsewhere (store.target_figures); here are only
the definitions, as the clerk typed them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.domain.target_group import TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput, parse_programmes
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class Plan:
    id: str
    office_id: str
    number: str
    name: str
    issuer: str
    start: dt.date
    end: dt.date
    note: str
    targets: int  # live targets

    @property
    def period(self) -> str:
        """'2023 - 2027', or the dates when the plan does not run over whole years."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            if self.start.year == self.end.year:
                return str(self.start.year)
            return f"{self.start.year} - {self.end.year}"
        return f"{self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"


@dataclass
class PlanInput:
    name: str
    start: dt.date
    end: dt.date
    number: str = ""
    issuer: str = ""
    note: str = ""

    def columns(self) -> dict[str, Any]:
        name = text.clean(self.name)
        if not name:
            raise InvalidInput("Tên kế hoạch không được để trống", "name")
        if self.end < self.start:
            raise InvalidInput("Kế hoạch phải kết thúc sau ngày bắt đầu", "end")
        return {"name": name, "number": text.clean(self.number),
                "issuer": text.clean(self.issuer), "note": self.note.strip(),
                "start_date": self.start.isoformat(), "end_date": self.end.isoformat()}


@dataclass(frozen=True)
class PlanYear:
    id: str
    plan_id: str
    year: int
    budget_estimate: int | None  # whole đồng
    note: str


@dataclass(frozen=True)
class Target:
    id: str
    plan_id: str
    name: str
    kind: str
    goal: float
    at_most: bool
    target_group: TargetGroup
    programmes: tuple[str, ...]
    attribute: Attribute
    measure: str
    period: str
    start: dt.date | None  # the target's own dates, None: the plan's
    end: dt.date | None
    sort_order: int

    def as_input(self) -> TargetInput:
        return TargetInput(self.name, self.kind, self.goal, self.at_most, self.target_group,
                           self.programmes, self.attribute, self.measure, self.period,
                           self.start, self.end, self.sort_order)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


_PLAN = ("SELECT p.id, p.office_id, p.number, p.name, p.issuer, p.start_date, p.end_date,"
         " p.note, (SELECT COUNT(*) FROM plan_target t WHERE t.plan_id = p.id"
         " AND t.deleted = 0) FROM plan p")


def _plan(row: Sequence[Any]) -> Plan:
    values = list(row)
    values[5], values[6] = dt.date.fromisoformat(values[5]), dt.date.fromisoformat(values[6])
    return Plan(*values)


def list_plans(db: Handle, office_ids: Sequence[str] | None = None) -> list[Plan]:
    """Live plans, newest period first; of some offices only when `office_ids` is given."""
    sql = _PLAN + " WHERE p.deleted = 0"
    params: list[Any] = []
    if office_ids is not None:
        sql += f" AND p.office_id IN ({', '.join('?' for _ in office_ids)})"
        params.extend(office_ids)
    sql += " ORDER BY p.start_date DESC, p.end_date DESC, p.name, p.id"
    return [_plan(r) for r in db.conn.execute(sql, params).fetchall()]


def get_plan(db: Handle, plan_id: str) -> Plan:
    row = db.conn.execute(_PLAN + " WHERE p.id = ? AND p.deleted = 0", (plan_id,)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy kế hoạch {plan_id}")
    return _plan(row)


def create_plan(tx: Transaction, data: PlanInput, plan_id: str | None = None) -> str:
    plan_id = plan_id or new_id()
    tx.insert("plan", {"id": plan_id, **data.columns()})
    return plan_id


def update_plan(tx: Transaction, plan_id: str, data: PlanInput) -> dict[str, Any]:
    return tx.update("plan", plan_id, data.columns())


def delete_plan(tx: Transaction, plan_id: str) -> bool:
    """The plan with its yearly plans and targets (soft: undo brings them back)."""
    for table in ("plan_target", "plan_year"):
        for (row_id,) in tx.conn.execute(
                f"SELECT id FROM {table} WHERE plan_id = ? AND deleted = 0",
                (plan_id,)).fetchall():
            tx.soft_delete(table, row_id)
    return tx.soft_delete("plan", plan_id)


# Yearly plans

def list_years(db: Handle, plan_id: str) -> list[PlanYear]:
    rows = db.conn.execute(
        "SELECT id, plan_id, year, budget_estimate, note FROM plan_year"
        " WHERE plan_id = ? AND deleted = 0 ORDER BY year", (plan_id,)).fetchall()
    return [PlanYear(*r) for r in rows]


def set_year(tx: Transaction, plan_id: str, year: int, budget_estimate: int | None,
             note: str = "") -> str:
    """Create or change the yearly plan of `year`; the year must lie in the plan's period."""
    start, end = tx.conn.execute("SELECT start_date, end_date FROM plan WHERE id = ?",
                                 (plan_id,)).fetchone()
    if not int(start[:4]) <= year <= int(end[:4]):
        raise InvalidInput(f"Năm {year} nằm ngoài thời gian của kế hoạch", "year")
    if budget_estimate is not None and (not isinstance(budget_estimate, int)
                                        or budget_estimate < 0):
        raise InvalidInput("Dự toán kinh phí là số đồng, không âm", "budget_estimate")
    values = {"budget_estimate": budget_estimate, "note": note.strip()}
    row = tx.conn.execute("SELECT id FROM plan_year WHERE plan_id = ? AND year = ?"
                          " AND deleted = 0", (plan_id, year)).fetchone()
    if row:
        tx.update("plan_year", row[0], values)
        return str(row[0])
    year_id = new_id()
    tx.insert("plan_year", {"id": year_id, "plan_id": plan_id, "year": year, **values})
    return year_id


def delete_year(tx: Transaction, year_id: str) -> bool:
    return tx.soft_delete("plan_year", year_id)


def estimates(db: Handle, plan_id: str, first_year: int, last_year: int) -> int | None:
    """The budget estimates of the plan's yearly plans in [first_year, last_year]; None
    when none of them has one."""
    row = db.conn.execute(
        "SELECT SUM(budget_estimate) FROM plan_year WHERE plan_id = ? AND deleted = 0"
        " AND year BETWEEN ? AND ?", (plan_id, first_year, last_year)).fetchone()
    return None if row[0] is None else int(row[0])


# Targets

_TARGET = ("SELECT id, plan_id, name, kind, goal, at_most, target_group, programmes,"
           " attribute, measure, period, start_date, end_date, sort_order FROM plan_target")


def _target(row: Sequence[Any]) -> Target:
    (tid, plan_id, name, kind, goal, at_most, group, progs, attribute, measure, period,
     start, end, order) = row
    return Target(tid, plan_id, name, kind, float(goal), bool(at_most),
                  TargetGroup.from_json(group), parse_programmes(progs),
                  Attribute.from_json(attribute), measure, period, _day(start), _day(end),
                  int(order))


def list_targets(db: Handle, plan_id: str | None = None) -> list[Target]:
    """Live targets of live plans (of one plan), in the plan's order."""
    sql = (_TARGET + " WHERE deleted = 0 AND plan_id IN (SELECT id FROM plan"
           " WHERE deleted = 0)")
    params: list[Any] = []
    if plan_id is not None:
        sql += " AND plan_id = ?"
        params.append(plan_id)
    sql += " ORDER BY plan_id, sort_order, name, id"
    return [_target(r) for r in db.conn.execute(sql, params).fetchall()]


def get_target(db: Handle, target_id: str) -> Target:
    row = db.conn.execute(_TARGET + " WHERE id = ? AND deleted = 0", (target_id,)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy chỉ tiêu {target_id}")
    return _target(row)


def missing_programmes(db: Handle, programme_ids: Sequence[str]) -> list[str]:
    """Those of the ids that name no programme, or a deleted one."""
    if not programme_ids:
        return []
    live = {r[0] for r in db.conn.execute(
        f"SELECT id FROM programme WHERE deleted = 0 AND id IN"
        f" ({', '.join('?' for _ in programme_ids)})", list(programme_ids))}
    return [p for p in programme_ids if p not in live]


def _check(tx: Transaction, data: TargetInput) -> dict[str, Any]:
    columns = data.columns()
    missing = missing_programmes(tx, data.programmes)
    if missing:
        raise InvalidInput(f"Chương trình không tồn tại hoặc đã xóa: {', '.join(missing)}",
                           "programmes")
    return columns


def create_target(tx: Transaction, plan_id: str, data: TargetInput,
                  target_id: str | None = None) -> str:
    columns = _check(tx, data)
    target_id = target_id or new_id()
    tx.insert("plan_target", {"id": target_id, "plan_id": plan_id, **columns})
    return target_id


def update_target(tx: Transaction, target_id: str, data: TargetInput) -> dict[str, Any]:
    return tx.update("plan_target", target_id, _check(tx, data))


def delete_target(tx: Transaction, target_id: str) -> bool:
    return tx.soft_delete("plan_target", target_id)
