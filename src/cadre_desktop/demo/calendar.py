"""The demo's calendar: the day the demo is made, and the dates of its story moved to it.

The story (a congress in 2022, classes from 2024, rotations from 2023, ratings up to 2025)
was written as seen from the end of 2025. Made on another day, every one of its dates moves
by whole years so that the year-end ratings last entered are those of `rated_year`: the
story keeps its shape (weekdays aside) and stays as recent as the day it is made. Parts
that depend on the day itself (which class is running, which evaluation is overdue) look
at `today` directly.

The same seed and the same `today` give the same office.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

STORY_YEAR = 2025  # the year whose ratings the story's dates were written after
# Year-end ratings (đánh giá, xếp loại cuối năm) are entered from November on; from then
# the year counts as rated, and cadres can be checked for the next round of rotations.
RATING_MONTH = 11


@dataclass(frozen=True)
class DemoCalendar:
    today: dt.date

    @property
    def rated_year(self) -> int:
        """The last year whose ratings are entered."""
        return self.today.year if self.today.month >= RATING_MONTH else self.today.year - 1

    @property
    def shift(self) -> int:
        """Whole years the story's dates move by."""
        return self.rated_year - STORY_YEAR

    def year(self, story_year: int) -> int:
        return story_year + self.shift

    def day(self, story_year: int, month: int, day: int) -> dt.date:
        year = self.year(story_year)
        if (month, day) == (2, 29) and not _leap(year):
            day = 28
        return dt.date(year, month, day)

    def moved(self, story_day: dt.date) -> dt.date:
        """A date of the story, moved."""
        return self.day(story_day.year, story_day.month, story_day.day)

    def years(self, first: int, last: int) -> range:
        """Story years first..last inclusive, moved."""
        return range(self.year(first), self.year(last) + 1)

    def term(self, first: int) -> str:
        """A five-year Đoàn term that began in the story year `first`: '2022–2027'."""
        return f"{self.year(first)}–{self.year(first) + 5}"

    @property
    def next_round(self) -> dt.date:
        """The first start day of a rotation, from a month ahead, whose two years of ratings
        are all in: 15 January after the year-end ratings, else a month from today. The
        demo's source cadres meet every rule on it."""
        return max(dt.date(self.rated_year + 1, 1, 15), self.today + dt.timedelta(days=30))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
