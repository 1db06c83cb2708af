"""Demo training history on a database that already holds the demo roster.

Sixteen classes over four years (training_plan.PLAN, story years 2024-2027 moved by
demo.calendar): finished ones have attendance, results and certificates, except the last
one to end, which the clerk has not closed yet (its status asks to be closed); relative to
`today` one class is running (attendance up to today only), the next is open with a
waiting list, and the later ones are planned.
Participants come from each programme's target group first (the same SQL the
application uses), topped up with people sent for a stated reason. The same rng state
gives the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cadre_desktop.demo import training_plan as plan
from cadre_desktop.demo.calendar import DemoCalendar
from cadre_desktop.domain.completion import evaluate
from cadre_desktop.domain.doc_number import certificate_number
from cadre_desktop.store import target_sql, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import load_profile
from cadre_desktop.store.programmes import Programme, list_programmes
from cadre_desktop.store.tx import Transaction

NewId = Callable[[str], str]
_VN = dt.timezone(dt.timedelta(hours=7))
_HOURS = {"morning": ("07:30", "11:30"), "afternoon": ("13:30", "17:00")}


@dataclass
class _Class:
    id: str
    year: int
    programme: Programme
    places: int
    mode: str
    days: list[dt.date]
    sessions: int
    status: str = "planned"

    @property
    def start(self) -> dt.date:
        return self.days[0]

    @property
    def end(self) -> dt.date:
        return self.days[-1]


def generate_training(db: Database, rng: random.Random, today: dt.date,
                      new_id: NewId | None = None) -> dict[str, int]:
    """Write the demo training history in one non-undoable action; returns row counts."""
    with db.write("Tạo dữ liệu mẫu: lớp bồi dưỡng", undoable=False) as tx:
        return add_training(db, tx, rng, today, new_id)


def add_training(db: Database, tx: Transaction, rng: random.Random, today: dt.date,
                 new_id: NewId | None = None,
                 calendar: DemoCalendar | None = None) -> dict[str, int]:
    """The same inside a transaction that is already open (the whole demo's); new_id(kind)
    makes ids (the demo's IdFactory.new), else they come from the rng."""
    return _Builder(db, tx, rng, today, new_id or _random_ids(rng),
                    calendar or DemoCalendar(today)).run()


def _random_ids(rng: random.Random) -> NewId:
    id_rng = random.Random(rng.getrandbits(64))

    def new_id(kind: str) -> str:
        return str(uuid.UUID(int=id_rng.getrandbits(128), version=4))

    return new_id


class _Builder:
    def __init__(self, db: Database, tx: Transaction, rng: random.Random, today: dt.date,
                 new_id: NewId, calendar: DemoCalendar) -> None:
        self.db, self.tx, self.rng, self.today, self.new_id = db, tx, rng, today, new_id
        self.calendar = calendar
        self.programmes_added = 0
        self.rows: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("training_class", "class_session", "enrolment",
                            "attendance")}
        self.people = [r[0] for r in db.conn.execute(
            "SELECT id FROM person WHERE deleted = 0 ORDER BY name_key, id")]
        self.rank = {pid: i for i, pid in enumerate(self.people)}
        holders = {r[0] for r in db.conn.execute(
            "SELECT person_id FROM position_assignment WHERE deleted = 0"
            " AND end_date IS NULL")}
        self.cadres = [p for p in self.people if p in holders]
        self.lecturers = [r[0] for r in db.conn.execute(
            "SELECT pa.person_id FROM position_assignment pa JOIN unit u ON u.id = pa.unit_id"
            " JOIN person p ON p.id = pa.person_id WHERE u.parent_id IS NULL"
            " AND pa.deleted = 0 AND pa.end_date IS NULL AND p.deleted = 0"
            " AND pa.position_code IN ('bi_thu', 'pho_bi_thu_tt') ORDER BY p.name_key, p.id")]
        root = units.root_unit(db)
        self.organiser = f"Ban Thường vụ {root.name}" if root else "Ban Thường vụ"
        profile = load_profile(db)
        self.symbol, self.pattern = profile.doc_suffix, profile.certificate_pattern
        self.done: dict[str, set[str]] = {}  # programme code -> completed or enrolled
        self.targets: dict[str, list[str]] = {}
        self.certificates: dict[int, int] = {}

    def run(self) -> dict[str, int]:
        programmes = self._programmes()
        classes = self._schedule(programmes)
        weights = [c.places * (4 + len(c.days)) for c in classes]
        for cls, weight in zip(classes, weights, strict=True):
            budget = round(plan.TOTAL_BUDGET * weight / sum(weights) / 1_000_000) * 1_000_000
            self._class(cls, budget)
        for table, rows in self.rows.items():
            self.tx.insert_many(table, rows)
        counts = {table: len(rows) for table, rows in self.rows.items()}
        counts["programme"] = self.programmes_added
        counts["places"] = sum(c.places for c in classes)
        return counts

    def _programmes(self) -> dict[str, Programme]:
        have = {p.code for p in list_programmes(self.db)}
        rows = [{"id": self.new_id("programme"), **p} for p in plan.DEMO_PROGRAMMES
                if p["code"] not in have]
        self.tx.insert_many("programme", rows)
        self.programmes_added = len(rows)
        return {p.code: p for p in list_programmes(self.db)}

    def _schedule(self, programmes: dict[str, Programme]) -> list[_Class]:
        classes = []
        for slot, (story_year, code, places, mode) in enumerate(plan.PLAN):
            year = self.calendar.year(story_year)
            programme = programmes[code]
            sessions = min(10, max(2, round(programme.default_hours / 4)))
            start = plan.window_start(year, slot, 7 * self.rng.randrange(3))
            classes.append(_Class(self.new_id("training_class"), year, programme, places,
                                  mode, plan.weekdays_from(start, (sessions + 1) // 2),
                                  sessions))
        self._bring_forward(classes)
        for cls in classes:
            if cls.end < self.today:
                cls.status = "finished"
            elif cls.start <= self.today:
                cls.status = "running"
        upcoming = [c for c in classes if c.start > self.today]
        if upcoming:
            upcoming[0].status = "open"
        ended = [c for c in classes if c.status == "finished"]
        if ended:
            # The last class to end is not closed yet: attendance taken, results still to
            # record, and its status asks the clerk to close it.
            max(ended, key=lambda c: c.end).status = "running"
        return classes

    def _bring_forward(self, classes: list[_Class]) -> None:
        """So that a demo shows a class under way and one taking enrolments, move the next
        class to have begun just before today, and the one after to start soon."""
        if any(c.start <= self.today <= c.end for c in classes):
            return
        later = [i for i, c in enumerate(classes) if c.start > self.today]
        if not later:
            return
        first = later[0]
        start = plan.last_weekday_before(self.today)
        if first > 0 and classes[first - 1].end >= start:
            return
        moved = classes[first]
        moved.days = plan.weekdays_from(start, len(moved.days))
        moved.year = start.year
        if len(later) > 1:
            nxt = classes[later[1]]
            soon = max(self.today + dt.timedelta(days=14), moved.end + dt.timedelta(days=7))
            if (nxt.start - soon).days > 0:
                start = soon + dt.timedelta(days=(7 - soon.weekday()) % 7)
                nxt.days = plan.weekdays_from(start, len(nxt.days))
                nxt.year = start.year

    def _class(self, cls: _Class, budget: int) -> None:
        finished = cls.status == "finished"
        actual = int(round(budget * self.rng.uniform(0.86, 1.0), -3)) if finished else None
        online = cls.mode == "online"
        link = f"https://meet.google.com/{self._letters(3)}-{self._letters(4)}-" \
               f"{self._letters(3)}" if cls.mode != "in_person" else ""
        self.rows["training_class"].append({
            "id": cls.id, "programme_id": cls.programme.id,
            "name": f"Lớp {cls.programme.name[0].lower()}{cls.programme.name[1:]} "
                    f"năm {cls.year}",
            "year": cls.year, "organiser": self.organiser,
            "venue": "" if online else self.rng.choice(plan.VENUES), "mode": cls.mode,
            "link": link, "start_date": cls.start.isoformat(), "end_date": cls.end.isoformat(),
            "capacity": cls.places, "budget_planned": budget, "budget_actual": actual,
            "status": cls.status})
        sessions = self._sessions(cls, link if online else self.rng.choice(plan.ROOMS))
        if cls.status == "planned":
            return
        enrolments = self._enrol(cls)
        held = [s for s in sessions if dt.date.fromisoformat(s["date"]) <= self.today]
        present = self._attendance(enrolments, held)
        if finished:
            self._results(cls, enrolments, present, len(held))

    def _letters(self, n: int) -> str:
        return "".join(self.rng.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(n))

    def _sessions(self, cls: _Class, room: str) -> list[dict[str, Any]]:
        middle = self.rng.sample(plan.TOPICS, cls.sessions - 2)
        topics = [plan.TOPICS_FIRST, *middle, plan.TOPICS_LAST]
        rows = []
        for n in range(cls.sessions):
            day = cls.days[n // 2]
            start, end = _HOURS["morning" if n % 2 == 0 else "afternoon"]
            own = n == 0 and bool(self.lecturers)
            rows.append({
                "id": self.new_id("class_session"), "class_id": cls.id, "date": day.isoformat(),
                "start_time": start, "end_time": end, "topic": topics[n],
                "lecturer_person_id": self.lecturers[0] if own else None,
                "lecturer_name": "" if own else self.rng.choice(plan.LECTURERS),
                "room": room})
        self.rows["class_session"].extend(rows)
        return rows

    def _target(self, programme: Programme) -> list[str]:
        if programme.code not in self.targets:
            self.targets[programme.code] = target_sql.people_in_group(
                self.db, programme.target_group)
        return self.targets[programme.code]

    def _choose(self, cls: _Class, wanted: int) -> list[tuple[str, str]]:
        """(person id, outside reason) in the order they signed up."""
        code = cls.programme.code
        done = self.done.setdefault(code, set())
        skip = set(self.lecturers[:1])
        target = [p for p in self._target(cls.programme) if p not in done and p not in skip]
        chosen = [(p, "") for p in self.rng.sample(target, min(wanted, len(target)))]
        need = wanted - len(chosen)
        if need > 0 and not cls.programme.target_group.everyone:
            taken = set(target) | done | skip
            why = plan.OUTSIDE_REASONS.get(code, plan.DEFAULT_OUTSIDE_REASON)
            cadres = [p for p in self.cadres if p not in taken]
            extra = self.rng.sample(cadres, min(len(cadres), need))
            taken.update(extra)
            others = [p for p in self.people if p not in taken]
            extra += self.rng.sample(others, min(len(others), need - len(extra)))
            chosen += [(p, why) for p in extra]
        return chosen

    def _enrol(self, cls: _Class) -> list[dict[str, Any]]:
        is_open = cls.status == "open"
        extra = self.rng.randint(3, 8) if is_open else 0
        arrivals = self._choose(cls, cls.places + extra)
        if is_open:
            self.rng.shuffle(arrivals)
        waiting = {p for p, _ in arrivals[cls.places:]}
        rows = []
        for number, (pid, why) in enumerate(sorted(arrivals, key=lambda a: self.rank[a[0]]),
                                            start=1):
            signed = min(cls.start - dt.timedelta(days=self.rng.randint(5, 30)), self.today)
            status = "waiting" if pid in waiting else "enrolled"
            gone = not is_open and self.rng.random() < 0.015
            rows.append({
                "id": self.new_id("enrolment"), "class_id": cls.id, "person_id": pid,
                "status": "withdrawn" if gone else status, "outside_reason": why,
                "enrolled_on": signed.isoformat(),
                "withdrawn_on": (cls.start - dt.timedelta(days=2)).isoformat() if gone else None,
                "withdraw_reason": self.rng.choice(plan.WITHDRAW_REASONS) if gone else "",
                "short_code": f"{number:03d}", "test_score": None, "result": None,
                "certificate_no": None})
            self.done[cls.programme.code].add(pid)
        self.rows["enrolment"].extend(rows)
        return [r for r in rows if r["status"] == "enrolled"]

    def _attendance(self, enrolments: list[dict[str, Any]],
                    held: list[dict[str, Any]]) -> dict[str, int]:
        present: dict[str, int] = {}
        weights = [w for w, _ in plan.HABITS]
        for enrolment in enrolments:
            late, leave, away = self.rng.choices([h for _, h in plan.HABITS], weights)[0]
            count = 0
            for session in held:
                draw = self.rng.random()
                if draw < away:
                    code = "khong_phep"
                elif draw < away + leave:
                    code = "co_phep"
                elif draw < away + leave + late:
                    code = "muon"
                else:
                    code = "co_mat"
                count += code in ("co_mat", "muon")
                at = dt.datetime.combine(dt.date.fromisoformat(session["date"]),
                                         dt.time.fromisoformat(session["end_time"]), _VN)
                self.rows["attendance"].append({
                    "id": self.new_id("attendance"), "session_id": session["id"],
                    "enrolment_id": enrolment["id"], "status_code": code, "remark": "",
                    "recorded_by": plan.CLERK,
                    "recorded_at": at.astimezone(dt.UTC).isoformat(timespec="seconds")})
            present[enrolment["id"]] = count
        return present

    def _results(self, cls: _Class, enrolments: list[dict[str, Any]],
                 present: dict[str, int], held: int) -> None:
        rule = cls.programme.rule
        done = self.done[cls.programme.code]
        for enrolment in enrolments:
            if rule.pass_score is not None:
                score = min(10.0, max(3.0, round(self.rng.gauss(7.4, 1.3) * 2) / 2))
                enrolment["test_score"] = score
            outcome = evaluate(present[enrolment["id"]], held, rule, enrolment["test_score"])
            enrolment["result"] = "completed" if outcome.completed else "not_completed"
            if outcome.completed:
                year = cls.end.year
                seq = self.certificates.get(year, 0) + 1
                self.certificates[year] = seq
                enrolment["certificate_no"] = certificate_number(seq, year, self.symbol,
                                                                 self.pattern)
            else:
                done.discard(enrolment["person_id"])
