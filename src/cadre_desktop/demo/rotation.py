"""Demo rotations and member training programme on a database that already holds a roster.

Rotations from 2023 on (a story year, moved by demo.calendar), about two a year, chosen
among the cadres the rules find eligible (now and then, or when none is, a Standing
Committee override sends one who misses the fewest conditions): finished ones have their
evaluations, a few are overdue, one is extended and one is proposed for next year. The
source cadres the roster made (`keep_free`) are left for the next round. The member
programme year is the last one whose evaluation deadline has passed: registrations,
self-evaluations and scores for most branches, not yet applied as ratings. The same rng
state and roster give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Collection
from typing import Any

from cadre_desktop.demo.calendar import DemoCalendar
from cadre_desktop.domain import eligibility
from cadre_desktop.domain.evaluation_schedule import (
    FINAL,
    ScheduledEvaluation,
    add_months,
    schedule,
)
from cadre_desktop.domain.member_programme import ProgrammeSettings, year_name
from cadre_desktop.domain.member_score import bands_to_json
from cadre_desktop.services.rotation import labels, load_rules, person_facts
from cadre_desktop.store import lookups, member_programme, rule_settings, units
from cadre_desktop.store.db import Database
from cadre_desktop.store.rotation_evaluations import schedule_rows
from cadre_desktop.store.tx import Transaction

NewId = Callable[[str], str]
FIRST_YEAR = 2023
_HOSTS = ["Đoàn xã Tân Hưng", "Đoàn phường Ninh Thạnh", "Đoàn xã Bình Minh"]
_REPORTS = [
    "Tham gia xây dựng chương trình công tác Đoàn của địa phương; tổ chức các hoạt động tình "
    "nguyện hè và ngày Chủ nhật xanh.",
    "Phụ trách công tác thanh niên công nhân; đề xuất mô hình câu lạc bộ kỹ năng nghề.",
    "Theo dõi các chi đoàn khu phố, củng cố hai chi đoàn yếu; tổ chức đối thoại với thanh niên.",
]
_HOST_COMMENTS = [
    "Nhiệt tình, có trách nhiệm, phối hợp tốt với Ban Thường vụ.",
    "Hoàn thành các nhiệm vụ được phân công; cần chủ động hơn trong tham mưu.",
    "Có nhiều đề xuất thiết thực, được đoàn viên, thanh niên tín nhiệm.",
]
_PLANS = {
    "ly_tuong": ["Tham gia đầy đủ các buổi học nghị quyết của chi đoàn",
                 "Đọc báo Tuổi trẻ, Thanh niên mỗi ngày và chia sẻ tin chính thống"],
    "dao_duc": ["Tham gia sinh hoạt, phê bình và tự phê bình tại chi đoàn",
                "Nhắc nhở bạn bè, người thân chấp hành luật giao thông"],
    "chuyen_mon": ["Hoàn thành khóa học tin học văn phòng trong năm",
                   "Đăng ký một sáng kiến cải tiến trong công việc"],
    "suc_khoe": ["Chạy bộ 3 buổi mỗi tuần", "Tham gia giải bóng đá của phường"],
    "xay_dung_doan": ["Tham gia ít nhất 2 hoạt động tình nguyện mỗi quý",
                      "Đóng đoàn phí đầy đủ, đúng hạn"],
}


def generate_rotations(db: Database, rng: random.Random, today: dt.date,
                       new_id: NewId | None = None) -> dict[str, int]:
    """Write the demo rotations and member programme in one non-undoable action; returns
    row counts by table."""
    with db.write("Tạo dữ liệu mẫu: luân chuyển", undoable=False) as tx:
        return add_rotations(db, tx, rng, today, new_id)


def add_rotations(db: Database, tx: Transaction, rng: random.Random, today: dt.date,
                  new_id: NewId | None = None, calendar: DemoCalendar | None = None,
                  keep_free: Collection[str] = ()) -> dict[str, int]:
    """The same inside a transaction that is already open (the whole demo's)."""
    ids = new_id or _random_ids(rng)
    rows: dict[str, list[dict[str, Any]]] = {}
    calendar = calendar or DemoCalendar(today)
    _Rotations(db, rng, today, ids, rows, calendar.year(FIRST_YEAR), set(keep_free)).run()
    _Programme(db, rng, today, ids, rows).run()
    for table in ("rotation_plan", "rotation", "rotation_override", "rotation_event",
                  "rotation_evaluation", "member_programme_year", "member_registration",
                  "member_registration_item", "member_self_evaluation"):
        if rows.get(table):
            tx.insert_many(table, rows[table])
    return {table: len(found) for table, found in rows.items()}


def _random_ids(rng: random.Random) -> NewId:
    id_rng = random.Random(rng.getrandbits(64))

    def make(kind: str) -> str:
        return str(uuid.UUID(int=id_rng.getrandbits(128), version=4))

    return make


class _Rotations:
    def __init__(self, db: Database, rng: random.Random, today: dt.date, ids: NewId,
                 rows: dict[str, list[dict[str, Any]]], first_year: int,
                 keep_free: set[str]) -> None:
        self.db, self.rng, self.today, self.ids, self.rows = db, rng, today, ids, rows
        self.first_year = first_year
        self.rules = load_rules(db)
        self.labels = labels(db)
        self.used: set[str] = set(keep_free)
        self.overdue = 0

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def run(self) -> None:
        pool = self._pool()
        hosts = self._hosts()
        if not pool:
            return
        soon = self._plan_due_soon()
        for year in range(self.first_year, self.today.year + 2):
            plan_id = self.ids("rotation_plan")
            self.add("rotation_plan", {"id": plan_id, "year": year, "quota": 2,
                                       "planned_start": dt.date(year, 1, 1).isoformat(),
                                       "decision_no": f"{10 + year % 100}-KH/ĐTN",
                                       "note": ""})
            future = year > self.today.year
            count = 1 if future or self.rng.random() < 0.2 else 2
            for n in range(count):
                start = dt.date(year, self.rng.choice((1, 2, 3)), self.rng.choice((1, 15)))
                months = 12 if self.rng.random() < 0.75 else 18
                extend_to = None
                if soon is not None and soon[0] == year and n == 0:
                    _, start, months, extend_to = soon
                self._rotation(plan_id, start, months, pool, hosts, n,
                               "proposed" if future else None, extend_to)

    def _pool(self) -> list[str]:
        rows = self.db.conn.execute(
            "SELECT p.id FROM person p WHERE p.deleted = 0 AND p.permanent_staff = 1"
            " ORDER BY p.name_key, p.id").fetchall()
        if len(rows) < 6:
            rows = self.db.conn.execute(
                "SELECT id FROM person WHERE deleted = 0 ORDER BY name_key, id LIMIT 200"
            ).fetchall()
        return [str(r[0]) for r in rows]

    def _hosts(self) -> list[tuple[str | None, str]]:
        root = units.root_unit(self.db)
        found: list[tuple[str | None, str]] = [
            (u.id, u.name) for u in units.list_units(self.db)
            if root and u.parent_id == root.id and u.active]
        return found or [(None, name) for name in _HOSTS]

    def _pick(self, pool: list[str], start: dt.date) -> tuple[str, eligibility.EligibilityCheck]:
        free = [p for p in pool if p not in self.used]
        checks = {p: eligibility.check(person_facts(self.db, p), self.rules, start,
                                       self.labels) for p in free}
        eligible = [p for p in free if checks[p].eligible]
        if not eligible or self.rng.random() < 0.15:
            # The Standing Committee sends someone the rules do not (an override): one of
            # those who miss the fewest conditions.
            fewest = min(len(checks[p].problems()) for p in free)
            eligible = [p for p in free if len(checks[p].problems()) == fewest]
        chosen = self.rng.choice(eligible)
        self.used.add(chosen)
        return chosen, checks[chosen]

    def _due_soon(self, year: int) -> tuple[dt.date, int] | None:
        """A first-quarter start in `year` (and a length) for a rotation under way with an
        evaluation falling due within the next month (the rules' default horizon for "due
        soon"), so that the demo shows one coming up; None when the calendar allows none
        (starts are in the first quarter)."""
        if year == self.first_year:
            return None  # that year's first rotation gets extended
        window = (self.today + dt.timedelta(days=5), self.today + dt.timedelta(days=30))
        for month in (1, 2, 3):
            for day in (1, 15):
                start = dt.date(year, month, day)
                for months in (12, 18):
                    end = add_months(start, months) - dt.timedelta(days=1)
                    if start > self.today or end < window[0]:
                        continue
                    items = schedule(start, end, self.rules.evaluation_every_months)
                    if any(window[0] <= item.due <= window[1] for item in items):
                        return start, months
        return None

    def _plan_due_soon(self) -> tuple[int, dt.date, int, dt.date | None] | None:
        """(year, start, months, extended end) of the rotation whose evaluation falls due
        within the next month: a first-quarter start whose schedule gives one, else last
        year's rotation extended to end then (the host asked to keep the cadre a little
        longer)."""
        for year in range(self.first_year + 1, self.today.year + 1):
            found = self._due_soon(year)
            if found is not None:
                return year, found[0], found[1], None
        year = self.today.year - 1
        if year <= self.first_year:
            return None
        return year, dt.date(year, 3, 1), 12, self.today + dt.timedelta(days=20)

    def _rotation(self, plan_id: str, start: dt.date, months: int, pool: list[str],
                  hosts: list[tuple[str | None, str]], n: int, status: str | None,
                  extend_to: dt.date | None = None) -> None:
        if all(p in self.used for p in pool):
            return
        person_id, check = self._pick(pool, start)
        end = add_months(start, months) - dt.timedelta(days=1)
        rotation_id = self.ids("rotation")
        if extend_to is not None and extend_to > end:
            self.add("rotation_event", {
                "id": self.ids("rotation_event"), "rotation_id": rotation_id,
                "kind": "extension", "event_date": (end - dt.timedelta(days=30)).isoformat(),
                "old_end": end.isoformat(), "new_end": extend_to.isoformat(),
                "reason": "Đơn vị tiếp nhận đề nghị ở lại hoàn thành nhiệm vụ đang dở",
                "decision_no": f"{45 + n}-QĐ/ĐTN"})
            end = extend_to
        elif start.year == self.first_year and n == 0:
            new_end = add_months(end, 6)
            self.add("rotation_event", {
                "id": self.ids("rotation_event"), "rotation_id": rotation_id,
                "kind": "extension", "event_date": (end - dt.timedelta(days=30)).isoformat(),
                "old_end": end.isoformat(), "new_end": new_end.isoformat(),
                "reason": "Đơn vị tiếp nhận đề nghị ở lại hoàn thành đại hội Đoàn cơ sở",
                "decision_no": f"{40 + n}-QĐ/ĐTN"})
            end = new_end
        status = status or ("completed" if end < self.today else
                            "active" if start <= self.today else "approved")
        host_id, host_name = self.rng.choice(hosts)
        group = self.rules.group(check.group_code or "")
        position = group.host_positions[0] if group and group.host_positions else "uv_bch"
        decided = dt.date(start.year - 1, 12, self.rng.randint(10, 28))
        self.add("rotation", {
            "id": rotation_id, "plan_id": plan_id, "person_id": person_id,
            "group_code": check.group_code or "", "host_unit_id": host_id,
            "host_unit_name": "" if host_id else host_name, "host_position": position,
            "planned_start": start.isoformat(), "planned_end": end.isoformat(),
            "actual_start": start.isoformat() if status in ("active", "completed") else None,
            "actual_end": end.isoformat() if status == "completed" else None,
            "decision_no": "" if status == "proposed" else f"{100 + n}-QĐ/ĐTN",
            "decision_date": None if status == "proposed" else decided.isoformat(),
            "status": status, "status_reason": "", "eligible": int(check.eligible),
            "eligibility": rule_settings.dump(check.to_json()), "note": ""})
        if not check.eligible and status != "proposed":
            self.add("rotation_override", {
                "id": self.ids("rotation_override"), "rotation_id": rotation_id,
                "kind": "eligibility", "decision_no": f"{90 + n}-QĐ/ĐTN",
                "decision_date": decided.isoformat(),
                "reason": "Cán bộ có triển vọng, Ban Thường vụ xem xét cử đi đào tạo thực tế"})
        self._evaluations(rotation_id, start, end, status)

    def _evaluations(self, rotation_id: str, start: dt.date, end: dt.date, status: str) -> None:
        items = schedule(start, end, self.rules.evaluation_every_months)
        rows = schedule_rows(rotation_id, items, [self.ids("rotation_evaluation")
                                                  for _ in items])
        for item, row in zip(items, rows, strict=True):
            row.update({"report_received": None, "report_summary": "", "host_level_id": None,
                        "host_comments": "", "evaluator": "", "host_evaluated_on": None})
            past = item.due < self.today and status in ("active", "completed")
            late = past and (status == "active" or item.kind == FINAL) and (
                self.overdue == 0 or self.rng.random() < 0.3)
            if past and not late:
                self._done(row, item.due)
            elif late:
                self.overdue += 1
                if self.rng.random() < 0.5:  # the report came, the host has not evaluated
                    self._done(row, item.due, host=False)
            self.add("rotation_evaluation", row)

    def _done(self, row: dict[str, Any], due: dt.date, host: bool = True) -> None:
        received = min(self.today, due + dt.timedelta(days=self.rng.randint(0, 12)))
        row.update({"report_received": received.isoformat(),
                    "report_summary": self.rng.choice(_REPORTS)})
        if host:
            code = self.rng.choice(("htxs", "htt", "htt", "ht"))
            level = lookups.rating_level_for(self.db, due.year, code)
            row.update({"host_level_id": level.id if level else None,
                        "host_comments": self.rng.choice(_HOST_COMMENTS),
                        "evaluator": "Ban Thường vụ đơn vị tiếp nhận",
                        "host_evaluated_on": received.isoformat()})


_PROGRAMME_MEMBERS_MAX = 8000


class _Programme:
    def __init__(self, db: Database, rng: random.Random, today: dt.date, ids: NewId,
                 rows: dict[str, list[dict[str, Any]]]) -> None:
        self.db, self.rng, self.today, self.ids, self.rows = db, rng, today, ids, rows
        self.settings = ProgrammeSettings.from_settings(
            rule_settings.load(db, "member_programme"))
        criteria = member_programme.list_criteria(db)
        self.library = {a: [c for c in criteria if c.area == a] for a in _PLANS}

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def run(self) -> None:
        start_year = self.today.year
        while self.settings.deadlines(start_year)[1] > self.today:
            start_year -= 1
        self._year(start_year, self._branches())

    def _branches(self) -> list[tuple[str, list[str]]]:
        rows = self.db.conn.execute(
            "SELECT unit_id, id FROM person WHERE deleted = 0 AND unit_id IS NOT NULL"
            " ORDER BY unit_id, name_key, id").fetchall()
        found: dict[str, list[str]] = {}
        for unit_id, person_id in rows:
            found.setdefault(str(unit_id), []).append(str(person_id))
        # A very large demo office enters the programme in some of its branches only: ten
        # criteria a member would otherwise make the demo file several times larger.
        chosen: list[tuple[str, list[str]]] = []
        total = 0
        for unit_id, members in sorted(found.items()):
            if total >= _PROGRAMME_MEMBERS_MAX:
                break
            chosen.append((unit_id, members))
            total += len(members)
        return chosen

    def _year(self, start_year: int, branches: list[tuple[str, list[str]]]) -> None:
        registration, evaluation = self.settings.deadlines(start_year)
        year_id = self.ids("member_programme_year")
        self.add("member_programme_year", {
            "id": year_id, "name": year_name(registration, evaluation),
            "start_year": start_year, "registration_deadline": registration.isoformat(),
            "evaluation_deadline": evaluation.isoformat(),
            "evaluation_every_months": self.settings.evaluation_every_months,
            "min_criteria": self.settings.min_criteria,
            "score_bands": bands_to_json(self.settings.bands), "rating_year": evaluation.year,
            "status": "open", "ratings_applied_at": None})
        rounds = schedule(registration, evaluation, self.settings.evaluation_every_months)
        for unit_id, members in branches:
            if self.rng.random() < 0.15:  # this branch has not entered its members' work
                continue
            for person_id in members:
                if self.rng.random() < 0.93:
                    self._registration(year_id, unit_id, person_id, registration, rounds)

    def _registration(self, year_id: str, unit_id: str, person_id: str, deadline: dt.date,
                      rounds: list[ScheduledEvaluation]) -> None:
        rng = self.rng
        roll = rng.random()
        status = "approved" if roll < 0.97 else "submitted" if roll < 0.985 else "returned"
        submitted = deadline - dt.timedelta(days=rng.randint(1, 20))
        registration_id = self.ids("member_registration")
        score = None
        if status == "approved":
            score = max(40.0, min(100.0, round(rng.gauss(84, 8) * 2) / 2))
        self.add("member_registration", {
            "id": registration_id, "year_id": year_id, "person_id": person_id,
            "unit_id": unit_id, "status": status, "submitted_on": submitted.isoformat(),
            "decided_on": None if status == "submitted" else
            (submitted + dt.timedelta(days=3)).isoformat(),
            "decided_by": "" if status == "submitted" else "BCH chi đoàn",
            "comment": "Bổ sung giải pháp cụ thể cho tiêu chí sức khỏe"
            if status == "returned" else "",
            "score": score, "score_note": ""})
        order = 0
        for area, library in self.library.items():
            extra = int(rng.random() < 0.05)
            for criterion in rng.sample(library, min(len(library), 2 + extra)):
                self.add("member_registration_item", {
                    "id": self.ids("member_registration_item"),
                    "registration_id": registration_id, "area": area,
                    "criterion_id": criterion.id, "text": criterion.text,
                    "plan": rng.choice(_PLANS[area]), "sort_order": order})
                order += 1
        if status == "returned":
            return  # sent back to be completed: no self-evaluation is expected yet
        for item in rounds:
            if item.due >= self.today or rng.random() < 0.002:
                continue  # a few members have not handed in their self-evaluation
            self_score = None
            if item.kind == FINAL and score is not None:
                self_score = min(100.0, score + rng.choice((0, 0, 2, 5)))
            self.add("member_self_evaluation", {
                "id": self.ids("member_self_evaluation"), "registration_id": registration_id,
                "round": item.seq, "kind": item.kind,
                "evaluated_on": (item.due - dt.timedelta(days=rng.randint(0, 10))).isoformat(),
                "self_score": self_score, "summary": "Đã thực hiện các nội dung đăng ký"})
