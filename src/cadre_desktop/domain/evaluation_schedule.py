"""When evaluations fall due: every N months from a start, and a final one at the end.

Used for rotations (the cadre's report and the host unit's evaluation every 6 months,
Tây Ninh plan 51-KH/TĐTN-TCKT, part VI) and for the member training programme's
self-evaluations (seed 004, "định kỳ 6 tháng/lần").

Each point is counted from the start, never from the previous point, so a start on the
31st comes back to the 31st wherever the month has one: 31/08 → 28/02 (29/02 in a leap
year) → 31/08. A point that falls on the end date is the final evaluation, not a second
item on the same day; points after the end are dropped.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from cadre_desktop.domain.errors import InvalidInput

PERIODIC = "periodic"
FINAL = "final"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the last day of a shorter month."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year = day.year + years
    month = month_index + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def lasts_at_least(start: dt.date, end: dt.date, months: int) -> bool:
    """Whether start..end (both days included) covers `months` whole months:
    01/01/2025–31/12/2025 is 12 months, 01/01/2025–30/12/2025 is not."""
    return end >= add_months(start, months) - dt.timedelta(days=1)


@dataclass(frozen=True)
class ScheduledEvaluation:
    kind: str  # PERIODIC or FINAL
    seq: int  # 1, 2, ... in date order; the final one is last
    due: dt.date
    period_start: dt.date
    period_end: dt.date

    @property
    def label(self) -> str:
        if self.kind == FINAL:
            return "Đánh giá kết thúc"
        return f"Đánh giá định kỳ lần {self.seq}"


def schedule(start: dt.date, end: dt.date, every_months: int = 6) -> list[ScheduledEvaluation]:
    """The periodic evaluations strictly before `end`, then the final one on `end`."""
    if end < start:
        raise InvalidInput(
            f"Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}"
        )
    if every_months < 1:
        raise InvalidInput("Chu kỳ đánh giá phải từ 1 tháng trở lên")
    items: list[ScheduledEvaluation] = []
    period_start = start
    k = 1
    while (due := add_months(start, every_months * k)) < end:
        items.append(ScheduledEvaluation(PERIODIC, k, due, period_start, due))
        period_start = due + dt.timedelta(days=1)
        k += 1
    items.append(ScheduledEvaluation(FINAL, k, end, period_start, end))
    return items


def quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1
