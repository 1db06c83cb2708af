"""The roster part of the demo: the tree, the cadres with their posts, and the members.

Cadres come first: the ward committee (BCH: Bí thư, Phó Bí thư, UV BTV, UV BCH), the
secretaries of the school and company Đoàn, and a Bí thư and Phó Bí thư for every
branch. Members then fill the branches in proportion to each branch's size. Everyone
gets a history of yearly ratings; a few are under discipline or may not be sent on a
rotation for a while. A few young committee members planned for a higher post ("cán bộ
nguồn") meet every rotation rule for the next round, so that checking them shows a
successful case.

Years and dates below are the story's (as seen from the end of 2025); demo.calendar moves
them to the day the demo is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.demo import org
from cadre_desktop.demo.calendar import DemoCalendar
from cadre_desktop.demo.context import BATCH, DemoContext
from cadre_desktop.demo.org import KINDS, PUBLIC_KINDS, Branch, OrgTree
from cadre_desktop.demo.people import Born, PersonFactory
from cadre_desktop.demo.traits import Traits, member_traits
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.store import lookups
from cadre_desktop.store.units import Unit

CADRE_TRAITS = member_traits("cadre")

CADRE_YEARS = (2021, 2025)  # first and last story year of cadre ratings
MEMBER_YEARS = (2023, 2025)  # member ratings were entered from 2023 on
TERM_START = 2022  # the ward's 2022-2027 Đoàn congress, on CONGRESS_DAY
CONGRESS_DAY = dt.date(2022, 8, 20)
MIN_MEMBERS = 100
SOURCE_CADRES = 3  # young committee members who meet every rotation rule
GOOD_RATINGS = ("htt", "htxs")


@dataclass(slots=True)
class DemoPerson:
    """What later demo parts (classes, rotations) need to know about a person."""

    id: str
    full_name: str
    gender: str
    birth: PartialDate
    unit_id: str
    position: str | None = None
    working_status: str | None = None
    planned: str | None = None
    promising: bool = False  # a source cadre (see the module's docstring)


@dataclass
class RosterResult:
    tree: OrgTree
    secretary: DemoPerson
    cadres: list[DemoPerson] = field(default_factory=list)
    members: int = 0


@dataclass
class Role:
    """A post and how its holder tends to look."""

    position: str | None
    post_unit: Unit | None
    ages: tuple[int, int, int]  # low, high, mode
    working_status: str | None
    female_share: float = 0.5
    staff: float = 0.0  # chance of being in the permanent staff
    party: tuple[float, float] = (0.0, 0.0)  # chances of (party member, candidate)
    theory: str | None = None
    planned: tuple[str, str] | None = None
    since: tuple[dt.date, dt.date] = (CONGRESS_DAY, CONGRESS_DAY)  # story dates
    promising: bool = False  # a source cadre: good ratings, no discipline, no deferral
    previous: str | None = None  # the post held before this one, ended on `since`
    fixed_age: int | None = None  # school classes: everyone of the same age


class RosterWriter:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.cal = ctx.calendar
        self.factory = PersonFactory(ctx.rng, ctx.today)
        self.cadre_years = self.cal.years(*CADRE_YEARS)
        self.member_years = self.cal.years(*MEMBER_YEARS)
        self.levels = {year: {lv.code: lv.id for lv in lookups.levels_for_year(ctx.db, year)}
                       for year in self.cadre_years}
        self.people: list[dict[str, Any]] = []
        self.positions: list[dict[str, Any]] = []
        self.planning: list[dict[str, Any]] = []
        self.ratings: list[dict[str, Any]] = []

    def add(self, unit: Unit, role: Role, traits: Traits) -> DemoPerson:
        ctx, rng = self.ctx, self.ctx.rng
        low, high, mode = role.ages
        age = role.fixed_age if role.fixed_age is not None else \
            min(high, int(rng.triangular(low, high + 1, mode)))
        born = self.factory.born(age, role.female_share)
        cadre = role.working_status is not None
        party = None
        roll = rng.random()
        if roll < role.party[0]:
            party = "dang_vien"
        elif roll < role.party[0] + role.party[1]:
            party = "nguon"
        person_id = ctx.new_id("person")
        discipline = None if role.promising else self._discipline(cadre)
        row = self.factory.row(
            person_id, born,
            with_citizen_id=cadre or rng.random() > 0.02,
            with_phone=cadre or rng.random() < 0.9,
            unit_id=unit.id,
            join_date=self.factory.join_date(born),
            working_status=role.working_status,
            permanent_staff=(rng.random() < role.staff) if cadre else None,
            party_status=party,
            theory_level=role.theory or (CADRE_TRAITS.theory(rng) if cadre else None),
            education=traits.education(rng, age),
            discipline_until=discipline,
            no_rotation_until=None if role.promising else self._deferral(born, cadre),
        )
        self.people.append(row)
        person = DemoPerson(person_id, row["full_name"], born.gender, born.birth, unit.id,
                            role.position, role.working_status, promising=role.promising)
        if role.position:
            self._position(person_id, role)
        if role.planned:
            person.planned = role.planned[0]
            self.planning.append({"id": ctx.new_id("planning"), "person_id": person_id,
                                  "position_code": role.planned[0], "term": role.planned[1]})
        self._ratings(person_id, born, row["join_date"], cadre, discipline, role.promising)
        if len(self.people) >= BATCH:
            self.flush()
        return person

    def _position(self, person_id: str, role: Role) -> None:
        ctx = self.ctx
        start = org.random_day(ctx, *(self.cal.moved(d) for d in role.since))
        post_unit = role.post_unit.id if role.post_unit else None
        if role.previous:
            began = start.replace(year=start.year - 5)
            self.positions.append({
                "id": ctx.new_id("position"), "person_id": person_id,
                "position_code": role.previous, "unit_id": post_unit,
                "start_date": began.isoformat(), "end_date": start.isoformat()})
        self.positions.append({
            "id": ctx.new_id("position"), "person_id": person_id,
            "position_code": role.position, "unit_id": post_unit,
            "start_date": start.isoformat(), "end_date": None})

    def _discipline(self, cadre: bool) -> dt.date | None:
        rng = self.ctx.rng
        if rng.random() >= (0.015 if cadre else 0.003):
            return None
        if rng.random() < 0.7:  # still in force
            return org.random_day(self.ctx, self.cal.day(2026, 1, 15),
                                  self.cal.day(2026, 12, 31))
        return org.random_day(self.ctx, self.cal.day(2024, 1, 1), self.cal.day(2025, 11, 30))

    def _deferral(self, born: Born, cadre: bool) -> dt.date | None:
        """A date before which she is not sent on a rotation (e.g. a young child);
        the reason itself is sensitive and is not stored."""
        if born.gender != "F" or self.ctx.today.year - born.exact.year < 22:
            return None
        if self.ctx.rng.random() >= (0.1 if cadre else 0.004):
            return None
        return org.random_day(self.ctx, self.cal.day(2026, 3, 1), self.cal.day(2027, 9, 30))

    def _ratings(self, person_id: str, born: Born, joined: str, cadre: bool,
                 discipline: dt.date | None, promising: bool = False) -> None:
        rng, ctx = self.ctx.rng, self.ctx
        # (excellent, good, done) cut-offs; the rest did not complete their duties
        cuts = (0.25, 0.90, 0.99) if cadre else (0.12, 0.74, 0.96)
        joined_year = int(joined[:4])
        last: str | None = None
        recent = self.cal.rated_year - 1  # the two years a rotation check reads
        for year in self.cadre_years if cadre else self.member_years:
            if promising and year >= recent:
                code = rng.choice(GOOD_RATINGS)
                self.ratings.append({"id": ctx.new_id("rating"), "person_id": person_id,
                                     "year": year, "level_id": self.levels[year][code]})
                continue
            if year < joined_year or year - born.exact.year < 16 or rng.random() < 0.04:
                continue
            if last is not None and rng.random() < 0.6:
                code = last
            else:
                roll = rng.random()
                code = "htxs" if roll < cuts[0] else "htt" if roll < cuts[1] else \
                    "ht" if roll < cuts[2] else "kht"
            if discipline is not None and year == discipline.year - 1:
                code = "kht" if rng.random() < 0.5 else "ht"
            last = code
            self.ratings.append({"id": ctx.new_id("rating"), "person_id": person_id,
                                 "year": year, "level_id": self.levels[year][code]})

    def flush(self) -> None:
        # People first: the other rows refer to them.
        for table, rows in (("person", self.people), ("position_assignment", self.positions),
                            ("planning", self.planning), ("rating", self.ratings)):
            if rows:
                self.ctx.insert_many(table, rows)
                rows.clear()


def _cadre_roles(tree: OrgTree, members: int,
                 cal: DemoCalendar) -> list[tuple[Unit, Role]]:
    """The ward committee, then the secretaries of each grassroots Đoàn."""
    root = tree.root
    term, next_term = cal.term(TERM_START), cal.term(TERM_START + 5)
    roles: list[tuple[Unit, Role]] = [
        (root, Role("bi_thu", root, (31, 42, 35), "chuyen_trach", staff=1.0, party=(1.0, 0.0),
                    theory="trung_cap", previous="pho_bi_thu_tt")),
        (root, Role("pho_bi_thu_tt", root, (28, 38, 32), "chuyen_trach", staff=1.0,
                    party=(1.0, 0.0), planned=("bi_thu", term))),
        (root, Role("pho_bi_thu", root, (27, 36, 30), "ban_chuyen_trach", staff=0.6,
                    party=(0.8, 0.2), planned=("pho_bi_thu_tt", term))),
    ]
    committee = min(25, 9 + members // 300)
    standing = 3 if committee < 15 else 4
    homes = [b.unit for b in tree.branches if b.kind in ("residential", *PUBLIC_KINDS)]
    for i in range(committee - 3):
        btv = i < standing
        planned = None
        if i in (0, 1):
            planned = ("pho_bi_thu", term if i == 0 else next_term)
        elif i in (standing, standing + 1):
            planned = ("uv_btv", term if i == standing else next_term)
        home = homes[(i * 7) % len(homes)]
        roles.append((home, Role("uv_btv" if btv else "uv_bch", root,
                                 (26, 40, 31) if btv else (25, 38, 29),
                                 "ban_chuyen_trach" if btv and i == 0 else "kiem_nhiem",
                                 staff=0.6 if btv else 0.45,
                                 party=(0.75, 0.25) if btv else (0.55, 0.35),
                                 planned=planned)))
    # Source cadres: under 30 at the next round's start, in the permanent staff and the
    # party, planned for the Standing Committee in the term that covers it (group 1 for the
    # full-time one, group 2 for the others).
    covering = term if cal.next_round.year <= cal.year(TERM_START + 5) else next_term
    for i in range(SOURCE_CADRES):
        home = homes[(i * 5 + 3) % len(homes)]
        roles.append((home, Role("uv_bch", root, (25, 28, 26),
                                 "chuyen_trach" if i == 0 else "kiem_nhiem", staff=1.0,
                                 party=(1.0, 0.0) if i < 2 else (0.0, 1.0),
                                 planned=("uv_btv", covering), promising=True)))
    for n, (unit, kind) in enumerate(tree.grassroots):
        public = kind == "school"
        roles.append((unit, Role("bi_thu", unit, (27, 40, 31), "kiem_nhiem",
                                 female_share=0.6 if public else 0.5,
                                 staff=0.9 if public else 0.0, party=(0.85, 0.15),
                                 planned=("uv_bch", next_term) if n % 5 == 2 else None,
                                 since=(dt.date(2022, 9, 1), dt.date(2024, 10, 31)))))
        roles.append((unit, Role("pho_bi_thu", unit, (25, 35, 28), "kiem_nhiem",
                                 female_share=0.6 if public else 0.5,
                                 staff=0.8 if public else 0.0, party=(0.5, 0.4),
                                 since=(dt.date(2022, 9, 1), dt.date(2025, 10, 31)))))
    return roles


def _branch_officers(branch: Branch) -> list[Role]:
    female = KINDS[branch.kind][1]
    if branch.kind == "class":
        since = (dt.date(2025, 9, 15), dt.date(2025, 9, 30))
        age = 16 if branch.grade == 11 else 17
        return [Role(code, branch.unit, (age, age, age), None, female_share=0.6,
                     since=since, fixed_age=age, party=(0.0, 0.05))
                for code in ("bi_thu_chi_doan", "pho_bi_thu_chi_doan")]
    public = branch.kind in PUBLIC_KINDS
    party = (0.7, 0.3) if branch.kind in ("police", "military") else (0.45, 0.35)
    since = (dt.date(2023, 1, 1), dt.date(2025, 10, 31))
    return [Role("bi_thu_chi_doan", branch.unit, (25, 35, 28), "kiem_nhiem", female,
                 staff=0.9 if public else 0.0, party=party, since=since),
            Role("pho_bi_thu_chi_doan", branch.unit, (25, 33, 27), "kiem_nhiem", female,
                 staff=0.8 if public else 0.0, party=(party[0] * 0.6, party[1]), since=since)]


def _member_role(branch: Branch) -> Role:
    traits = member_traits(branch.kind)
    age = 16 if branch.grade == 11 else 17
    return Role(None, None, traits.ages, None, KINDS[branch.kind][1], party=traits.party,
                fixed_age=age if branch.kind == "class" else None)


def _shares(total: int, weights: list[float]) -> list[int]:
    """Split total in proportion to weights (largest remainders get the leftovers)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def build_roster(ctx: DemoContext) -> RosterResult:
    tree = org.build_tree(ctx)
    writer = RosterWriter(ctx)
    cadres: list[DemoPerson] = []
    for unit, role in _cadre_roles(tree, ctx.members, ctx.calendar):
        cadres.append(writer.add(unit, role, CADRE_TRAITS))
    for branch in tree.branches:
        for role in _branch_officers(branch):
            cadres.append(writer.add(branch.unit, role, member_traits(branch.kind)))
    ctx.step(len(cadres))
    remaining = max(0, ctx.members - len(cadres))
    sizes = _shares(remaining, [b.weight for b in tree.branches])
    done = 0
    for branch, size in zip(tree.branches, sizes, strict=True):
        role = _member_role(branch)
        traits = member_traits(branch.kind)
        for _ in range(size):
            writer.add(branch.unit, role, traits)
        done += size
        if done >= 1000:
            ctx.step(done)
            done = 0
    writer.flush()
    ctx.step(done)
    return RosterResult(tree, cadres[0], cadres, remaining)
