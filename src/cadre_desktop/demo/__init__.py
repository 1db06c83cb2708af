"""A realistic demo office, the same for the same seed and the same day.

The generator is a list of parts run in order inside one transaction; each part adds
one kind of data (the roster, training classes, rotations and the member programme) and may use
what earlier parts left on the shared context (the tree, the cadres).

Everything is relative to the day the demo is made (`today`, by default the real date; see
demo.calendar): classes that ended, one running and some planned; evaluations due soon and a
few overdue; cadres who meet every rule for the next round of rotations.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from cadre_desktop.demo.calendar import DemoCalendar
from cadre_desktop.demo.context import DemoContext, IdFactory
from cadre_desktop.demo.org import OFFICE_NAME
from cadre_desktop.demo.roster import MIN_MEMBERS, build_roster
from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.domain.wording import format_count
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import OfficeProfile, save_profile

__all__ = ["PARTS", "DemoCalendar", "DemoSummary", "Part", "generate_demo"]

# SQLite's page cache for the bulk insert (KiB); the default 2 MB makes a large office's
# indexes spill to disk again and again.
_BULK_CACHE_KIB = 256 * 1024


_TABLE_LABELS = {
    "person": "người", "unit": "đơn vị", "position_assignment": "chức vụ",
    "planning": "quy hoạch", "rating": "xếp loại", "training_class": "lớp bồi dưỡng",
    "class_session": "buổi học", "enrolment": "lượt ghi danh", "attendance": "lượt điểm danh",
    "places": "chỗ học theo kế hoạch", "programme": "chương trình bồi dưỡng thêm",
    "rotation_plan": "kế hoạch luân chuyển năm", "rotation": "lượt luân chuyển",
    "rotation_override": "quyết định cử dù chưa đủ điều kiện",
    "rotation_event": "lần gia hạn", "rotation_evaluation": "kỳ đánh giá luân chuyển",
    "member_programme_year": "năm rèn luyện", "member_registration": "phiếu đăng ký rèn luyện",
    "member_registration_item": "nội dung đăng ký", "member_self_evaluation": "bản tự đánh giá",
    "plan": "kế hoạch", "plan_target": "chỉ tiêu", "plan_year": "kế hoạch năm",
    "class_budget_line": "khoản kinh phí",
}


@dataclass
class DemoSummary:
    office_name: str
    seed: int
    people: int
    units: int
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows written
    today: dt.date | None = None  # the day the demo was made as of

    def __str__(self) -> str:
        parts = [f"{format_count(self.counts.get(table, 0))} {label}"
                 for table, label in _TABLE_LABELS.items() if table in self.counts]
        parts += [f"{format_count(n)} dòng {table}"
                  for table, n in self.counts.items() if table not in _TABLE_LABELS]
        day = f", ngày {format_date(self.today)}" if self.today else ""
        return f"{self.office_name} (seed {self.seed}{day}): " + ", ".join(parts)


@dataclass(frozen=True)
class Part:
    name: str
    run: Callable[[DemoContext], None]
    steps: Callable[[int], int]  # progress steps for this many members


def _roster(ctx: DemoContext) -> None:
    ctx.roster = build_roster(ctx)
    secretary = ctx.roster.secretary
    save_profile(ctx.tx, OfficeProfile(
        office_name="BCH ĐOÀN PHƯỜNG GIA LỘC",
        office_code="DP-GIALOC",
        upper_body="TỈNH ĐOÀN TÂY NINH",
        place_name="Gia Lộc",
        signer_title="BÍ THƯ",
        signer_name=secretary.full_name,
        doc_suffix="ĐTN",
    ))


def _training(ctx: DemoContext) -> None:
    from cadre_desktop.demo.training import add_training

    for table, n in add_training(ctx.db, ctx.tx, ctx.rng, ctx.today, ctx.ids.new,
                                 ctx.calendar).items():
        ctx.count(table, n)


def _rotations(ctx: DemoContext) -> None:
    from cadre_desktop.demo.rotation import add_rotations

    keep = [p.id for p in ctx.roster.cadres if p.promising] if ctx.roster else []
    for table, n in add_rotations(ctx.db, ctx.tx, ctx.rng, ctx.today, ctx.ids.new,
                                  ctx.calendar, keep_free=keep).items():
        ctx.count(table, n)


def _plan(ctx: DemoContext) -> None:
    from cadre_desktop.demo.plans import add_plan

    # The plan's period is set around the story's own end of year, moved like the story.
    story_day = ctx.calendar.moved(dt.date(2025, 12, 20))
    for table, n in add_plan(ctx.db, ctx.tx, story_day, ctx.ids.new).items():
        ctx.count(table, n)


PARTS: list[Part] = [
    Part("roster", _roster, lambda members: members),
    Part("training", _training, lambda members: 0),
    Part("rotations", _rotations, lambda members: 0),
    Part("plan", _plan, lambda members: 0),
]


def _refuse_non_empty(db: Database) -> None:
    people = db.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0]
    units = db.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0]
    if people or units:
        raise UserError(
            f"Cơ sở dữ liệu không trống: đã có {people} người và {units} đơn vị. "
            "Hãy tạo dữ liệu mẫu vào một tệp mới."
        )


def generate_demo(
    db: Database,
    members: int = 3000,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> DemoSummary:
    """Fill an empty office database with a demo ward office of about `members` people, as
    it would be on `today` (default: the real date).

    One non-undoable action; a cancel through `progress` (progress.Cancelled) or any error
    leaves the database as it was.
    """
    calendar = DemoCalendar(today or dt.date.today())
    if members < MIN_MEMBERS:
        raise UserError(f"Số người của dữ liệu mẫu phải từ {MIN_MEMBERS} trở lên")
    _refuse_non_empty(db)
    old_cache = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
    try:
        with db.write("Tạo dữ liệu mẫu", undoable=False) as tx:
            ctx = DemoContext(db, tx, seed, members, random.Random(seed), IdFactory(seed),
                              calendar, progress)
            ctx.total_steps = sum(part.steps(members) for part in PARTS)
            tx.audit_rows = False
            for part in PARTS:
                ctx.check_cancelled()
                part.run(ctx)
            ctx.step(ctx.total_steps)
            tx.note("office", db.office_id, {"demo": True, "seed": seed, "members": members,
                                             "today": calendar.today.isoformat(),
                                             "rows": dict(ctx.counts)})
    finally:
        db.conn.execute(f"PRAGMA cache_size = {int(old_cache)}")
    return DemoSummary(
        office_name=OFFICE_NAME,
        seed=seed,
        people=ctx.counts.get("person", 0),
        units=ctx.counts.get("unit", 0),
        counts=dict(ctx.counts),
        today=calendar.today,
    )
