"""The SQL behind target figures and the training report: set-based counts, grouped by
the person's unit and owning office (or the class's office), in one statement each.

Every count a target shows comes from one of these statements, so a figure can be traced
to its people and classes by running the same condition without the GROUP BY
(`people_rows`). A class counts by its end date; people deleted from the roster never
count; enrolments count with status `enrolled`, classes unless cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cadre_desktop.domain.target_group import Clause, TargetGroup
from cadre_desktop.domain.targets import ORDERED_FIELDS, Attribute
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.target_sql import current_positions, ensure_fold
from cadre_desktop.store.target_sql import marks as _marks


@dataclass(frozen=True)
class Scope:
    """The offices whose people and classes count; None: every office in the database."""

    office_ids: tuple[str, ...] | None = None

    def condition(self, column: str) -> tuple[str, list[Any]]:
        if self.office_ids is None:
            return "1", []
        return f"{column} IN ({_marks(self.office_ids)})", list(self.office_ids)


@dataclass(frozen=True)
class PeopleCount:
    unit_id: str | None
    office_id: str
    numerator: int
    denominator: int


@dataclass(frozen=True)
class PersonRow:
    person_id: str
    full_name: str
    unit_id: str | None
    office_id: str
    met: bool


def completed_condition(programmes: Sequence[str], start: dt.date,
                        end: dt.date) -> tuple[str, list[Any]]:
    """A condition on `person p`: holds result `completed` in a class of one of the
    programmes whose end date lies in [start, end]."""
    return (
        "p.id IN (SELECT e.person_id FROM training_class c"
        " JOIN enrolment e ON e.class_id = c.id AND e.deleted = 0"
        f" WHERE c.deleted = 0 AND c.programme_id IN ({_marks(programmes)})"
        " AND c.end_date >= ? AND c.end_date <= ? AND e.result = 'completed')",
        [*programmes, start.isoformat(), end.isoformat()])


def ordered_codes(db: Handle, kind: str) -> list[str]:
    """This office's codes of a list, in the list's order (lowest first)."""
    return [str(r[0]) for r in db.conn.execute(
        "SELECT code FROM lookup WHERE kind = ? AND deleted = 0 AND office_id = ?"
        " ORDER BY sort_order, code", (kind, db.office_id))]


def attribute_condition(db: Handle, attribute: Attribute) -> tuple[str, list[Any]]:
    """A condition on `person p` for a share target's attribute."""
    column = {"theory_level": "p.theory_level", "education": "p.education",
              "party_status": "p.party_status",
              "working_status": "p.working_status"}[attribute.field]
    order = ordered_codes(db, attribute.field) if attribute.field in ORDERED_FIELDS else []
    codes = attribute.qualifying(order)
    if not codes:
        return "0", []
    return f"{column} IN ({_marks(codes)})", codes


def _clause_ids(clause: Clause) -> tuple[str, list[Any]] | None:
    """The ids of the people a clause matches, as an indexed query (None: everyone)."""
    parts: list[str] = []
    params: list[Any] = []
    if clause.positions or clause.unit_levels:
        sql, found = current_positions(clause)
        parts.append(f"SELECT pa.person_id AS id {sql}")
        params.extend(found)
    if clause.working_status:
        parts.append(f"SELECT id AS id FROM person WHERE working_status IN"
                     f" ({_marks(clause.working_status)})")
        params.extend(clause.working_status)
    if clause.planned:
        parts.append(f"SELECT person_id AS id FROM planning WHERE deleted = 0 AND position_code IN"
                     f" ({_marks(clause.planned)})")
        params.extend(clause.planned)
    if not parts:
        return None
    return " INTERSECT ".join(parts), params


def group_ids(group: TargetGroup) -> tuple[str, list[Any]] | None:
    """The ids of the group's people (deleted ones included) as one compound query that
    starts from the indexes on working status, current posts and planning, so that a
    group of a few hundred people in a 100,000-person office never reads every person;
    None when the group is everyone. It selects exactly the people that
    target_sql.group_condition accepts."""
    parts: list[str] = []
    params: list[Any] = []
    for clause in group.clauses:
        found = _clause_ids(clause)
        if found is None:
            return None
        parts.append(f"SELECT id FROM ({found[0]})")
        params.extend(found[1])
    if not parts:
        return None
    return " UNION ".join(parts), params


def _people_from(db: Handle, group: TargetGroup, scope: Scope) -> tuple[str, list[Any]]:
    """FROM and WHERE of a query on `person p` over the group's people in scope."""
    ensure_fold(db)
    scope_sql, scope_params = scope.condition("p.office_id")
    ids = group_ids(group)
    if ids is None:
        return f"person p WHERE p.deleted = 0 AND {scope_sql}", scope_params
    # CROSS JOIN keeps the order: the group's ids first, each person found by id.
    return (f"({ids[0]}) g CROSS JOIN person p ON p.id = g.id"
            f" WHERE p.deleted = 0 AND {scope_sql}", [*ids[1], *scope_params])


def people_counts(db: Handle, group: TargetGroup, met: tuple[str, list[Any]],
                  scope: Scope) -> list[PeopleCount]:
    """The target group's people (denominator) and those meeting `met` (numerator), per
    unit and office."""
    source, params = _people_from(db, group, scope)
    met_sql, met_params = met
    rows = db.conn.execute(
        f"SELECT p.unit_id, p.office_id, SUM({met_sql}), COUNT(*) FROM {source}"
        " GROUP BY p.unit_id, p.office_id", [*met_params, *params]).fetchall()
    return [PeopleCount(r[0], str(r[1]), int(r[2] or 0), int(r[3])) for r in rows]


def people_rows(db: Handle, group: TargetGroup, met: tuple[str, list[Any]],
                scope: Scope) -> list[PersonRow]:
    """The whole denominator in official name order, each with whether they count."""
    source, params = _people_from(db, group, scope)
    met_sql, met_params = met
    rows = db.conn.execute(
        f"SELECT p.id, p.full_name, p.unit_id, p.office_id, {met_sql} FROM {source}"
        " ORDER BY p.name_key, p.id", [*met_params, *params]).fetchall()
    return [PersonRow(str(r[0]), str(r[1]), r[2], str(r[3]), bool(r[4])) for r in rows]


def class_where(programmes: Sequence[str], start: dt.date, end: dt.date,
                 scope: Scope) -> tuple[str, list[Any]]:
    sql = ("c.deleted = 0 AND c.status != 'cancelled' AND c.end_date >= ?"
           " AND c.end_date <= ?")
    params: list[Any] = [start.isoformat(), end.isoformat()]
    if programmes:
        sql += f" AND c.programme_id IN ({_marks(programmes)})"
        params.extend(programmes)
    scope_sql, scope_params = scope.condition("c.office_id")
    return f"{sql} AND {scope_sql}", [*params, *scope_params]


@dataclass(frozen=True)
class ClassCount:
    office_id: str
    classes: int
    planned: int  # sum of the classes' planned budgets (đồng)
    actual: int


def class_counts(db: Handle, programmes: Sequence[str], start: dt.date, end: dt.date,
                 scope: Scope) -> list[ClassCount]:
    """Classes that ended in [start, end] (not cancelled) and their budgets, per office."""
    where, params = class_where(programmes, start, end, scope)
    rows = db.conn.execute(
        "SELECT c.office_id, COUNT(*), COALESCE(SUM(c.budget_planned), 0),"
        f" COALESCE(SUM(c.budget_actual), 0) FROM training_class c WHERE {where}"
        " GROUP BY c.office_id", params).fetchall()
    return [ClassCount(str(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]


def enrolment_counts(db: Handle, group: TargetGroup | None, programmes: Sequence[str],
                     start: dt.date, end: dt.date, scope: Scope,
                     completed_only: bool = False) -> list[PeopleCount]:
    """Enrolments (status `enrolled`; with `completed_only`, result `completed`) in the
    classes that ended in [start, end], of the group's people when a group is given,
    per the person's unit and office (numerator = denominator = the count)."""
    class_sql, class_params = class_where(programmes, start, end, scope)
    ensure_fold(db)
    ids = group_ids(group) if group else None
    group_sql, group_params = (f"p.id IN ({ids[0]})", ids[1]) if ids else ("1", [])
    result = " AND e.result = 'completed'" if completed_only else ""
    rows = db.conn.execute(
        "SELECT p.unit_id, p.office_id, COUNT(*) FROM training_class c"
        " JOIN enrolment e ON e.class_id = c.id AND e.deleted = 0 AND e.status = 'enrolled'"
        " JOIN person p ON p.id = e.person_id AND p.deleted = 0"
        f" WHERE {class_sql}{result} AND {group_sql} GROUP BY p.unit_id, p.office_id",
        [*class_params, *group_params]).fetchall()
    return [PeopleCount(r[0], str(r[1]), int(r[2]), int(r[2])) for r in rows]


@dataclass(frozen=True)
class ClassRow:
    class_id: str
    name: str
    end: dt.date
    office_id: str
    enrolments: int  # status `enrolled`, of the group when one is given
    completions: int
    planned: int | None
    actual: int | None


def class_rows(db: Handle, group: TargetGroup | None, programmes: Sequence[str],
               start: dt.date, end: dt.date, scope: Scope) -> list[ClassRow]:
    """The classes a count or budget target counts, each with its enrolments and
    completions (of the group's people when a group is given), in date order."""
    where, params = class_where(programmes, start, end, scope)
    ensure_fold(db)
    ids = group_ids(group) if group else None
    group_sql, group_params = (f"p.id IN ({ids[0]})", ids[1]) if ids else ("1", [])
    people = ("FROM enrolment e JOIN person p ON p.id = e.person_id AND p.deleted = 0"
              " WHERE e.class_id = c.id AND e.deleted = 0 AND e.status = 'enrolled'"
              f" AND {group_sql}")
    rows = db.conn.execute(
        f"SELECT c.id, c.name, c.end_date, c.office_id, (SELECT COUNT(*) {people}),"
        f" (SELECT COUNT(*) {people} AND e.result = 'completed'), c.budget_planned,"
        f" c.budget_actual FROM training_class c WHERE {where}"
        " ORDER BY c.end_date, c.name, c.id", [*group_params, *group_params, *params])
    return [ClassRow(str(r[0]), str(r[1]), dt.date.fromisoformat(r[2]), str(r[3]), int(r[4]),
                     int(r[5]), r[6], r[7]) for r in rows]


@dataclass(frozen=True)
class Units:
    """Each unit's top unit (the root's child it lies under, or the root itself) and
    names, for per-unit breakdowns."""

    top: dict[str, str]
    names: dict[str, str]
    order: dict[str, str]  # unit id -> its path, to list top units in tree order


def load_units(db: Handle) -> Units:
    top: dict[str, str] = {}
    names: dict[str, str] = {}
    order: dict[str, str] = {}
    for unit_id, name, path in db.conn.execute("SELECT id, name, path FROM unit"):
        chain = [i for i in str(path).strip("/").split("/") if i]
        top[unit_id] = chain[1] if len(chain) > 1 else (chain[0] if chain else unit_id)
        names[unit_id] = str(name)
        order[unit_id] = str(path)
    return Units(top, names, order)


def office_names(db: Handle) -> dict[str, tuple[str, str]]:
    """office id -> (code, name)."""
    return {str(r[0]): (str(r[1]), str(r[2])) for r in db.conn.execute(
        "SELECT id, code, name FROM office")}


def offices_with_people(db: Handle) -> list[str]:
    """The distinct owners of people, one index seek each (a province holds a few dozen
    offices and a million people: DISTINCT would read the whole index)."""
    found: list[str] = []
    row = db.conn.execute("SELECT MIN(office_id) FROM person").fetchone()
    while row and row[0] is not None:
        found.append(str(row[0]))
        row = db.conn.execute("SELECT MIN(office_id) FROM person WHERE office_id > ?",
                              (row[0],)).fetchone()
    return found
