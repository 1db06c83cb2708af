"""Whether a participant completed a class: attendance share and, if any, the test.

The share is sessions attended (a status that counts as present) over sessions held.
It is compared in whole numbers (present * 100 >= min_pct * held) so that exactly
80 % completes and 79.9 % does not, with no rounding in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_MIN_PCT = 80


@dataclass(frozen=True)
class Rule:
    min_pct: int = DEFAULT_MIN_PCT
    pass_score: float | None = None


@dataclass(frozen=True)
class Outcome:
    present: int
    held: int
    test_score: float | None
    share_ok: bool
    score_ok: bool
    reason: str  # why not completed; '' when completed

    @property
    def completed(self) -> bool:
        return self.share_ok and self.score_ok

    @property
    def share_pct(self) -> float | None:
        """For display only; decisions use the whole-number comparison."""
        return None if self.held == 0 else 100.0 * self.present / self.held


def share_reached(present: int, held: int, min_pct: int) -> bool:
    return held > 0 and present * 100 >= min_pct * held


def evaluate(present: int, held: int, rule: Rule, test_score: float | None = None) -> Outcome:
    share_ok = share_reached(present, held, rule.min_pct)
    if rule.pass_score is None:
        score_ok = True
    else:
        score_ok = test_score is not None and test_score >= rule.pass_score
    reasons = []
    if held == 0:
        reasons.append("lớp chưa có buổi học nào diễn ra")
    elif not share_ok:
        reasons.append(f"dự {present}/{held} buổi, dưới {rule.min_pct}%")
    if not score_ok:
        if test_score is None:
            reasons.append("chưa có điểm kiểm tra")
        else:
            reasons.append(f"điểm kiểm tra {format_score(test_score)} dưới "
                           f"{format_score(rule.pass_score or 0)}")
    return Outcome(present, held, test_score, share_ok, score_ok, "; ".join(reasons))


def can_still_reach(present: int, held: int, total: int, min_pct: int) -> bool:
    """Whether attending every remaining session would still reach the share."""
    remaining = max(total - held, 0)
    return share_reached(present + remaining, max(total, held), min_pct)


def sessions_held(dates: Iterable[dt.date], today: dt.date, finished: bool) -> int:
    """Sessions dated up to today; all of them once the class is finished."""
    days = list(dates)
    return len(days) if finished else sum(1 for d in days if d <= today)


def format_score(score: float) -> str:
    return f"{score:g}".replace(".", ",")
