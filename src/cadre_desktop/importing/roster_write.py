"""Writing checked roster rows inside the import's one transaction, as they come.

New people are gathered and written in batches (one executemany per table); updates are
written row by row, and only the fields that change. A unit or a position a row needs is
created just before the row that first uses it. The caller owns the transaction: the
import rolls it back when a rejected row means nothing may be written.
"""

from __future__ import annotations

from cadre_desktop.importing.roster_check import RowChecker
from cadre_desktop.importing.row_plan import RowPlan
from cadre_desktop.store import lookups, people, units
from cadre_desktop.store.tx import Transaction

BATCH = 2000


class RosterWriter:
    def __init__(self, tx: Transaction, checker: RowChecker) -> None:
        self.tx = tx
        self.checker = checker
        self.pending: list[people.NewPerson] = []
        self.units_made: set[str] = set()
        self.positions_made: set[str] = set()
        self.created: list[str] = []  # ids of the planned units created, in order

    def add(self, plan: RowPlan) -> None:
        person = plan.person
        assert person is not None and plan.ok
        self._units_for(person.unit_id)
        self._positions_for(plan)
        if plan.person_id is None:
            self.pending.append(people.NewPerson(
                person=person, position_code=plan.position, planning_code=plan.planning,
                planning_term=plan.planning_term,
                ratings={y: lv for y, lv in plan.ratings.items() if lv},
            ))
            if len(self.pending) >= BATCH:
                self.flush()
        elif plan.changed:
            self._update(plan)

    def flush(self) -> None:
        if self.pending:
            people.create_many(self.tx, self.pending)
            self.pending = []

    def _units_for(self, unit_id: str | None) -> None:
        planner = self.checker.units
        if not unit_id or unit_id not in planner.planned or unit_id in self.units_made:
            return
        for unit in planner.needed({unit_id}):
            if unit.id in self.units_made:
                continue
            parent = planner.unit(unit.parent_id) if unit.parent_id else None
            units.create_unit(self.tx, unit.name, parent, unit.level_label, unit_id=unit.id)
            self.units_made.add(unit.id)
            self.created.append(unit.id)

    def _positions_for(self, plan: RowPlan) -> None:
        new = self.checker.maps.new_positions
        for code in (plan.position, plan.planning):
            if code and code in new and code not in self.positions_made:
                item = lookups.add_item(self.tx, self.tx, "position", new[code])
                if item.code != code:  # pragma: no cover - both come from text.fold
                    raise RuntimeError(f"position code {item.code} != {code}")
                self.positions_made.add(code)

    def _update(self, plan: RowPlan) -> None:
        tx, person_id, person = self.tx, plan.person_id, plan.person
        assert person_id is not None and person is not None
        changed = set(plan.changed)
        if changed - {"position", "planning"} - {f for f in changed if f.startswith("rating")}:
            people.update_person(tx, person_id, person)
        if "position" in changed:
            people.set_current_position(tx, person_id, plan.position, person.unit_id)
        if "planning" in changed:
            people.set_planning(tx, person_id, plan.planning, plan.planning_term)
        for year, level_id in sorted(plan.ratings.items()):
            if plan.stored_ratings.get(year) != level_id:
                people.set_rating(tx, person_id, year, level_id)
