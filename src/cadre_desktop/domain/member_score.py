"""The member training programme's final score out of 100 and its classification.

Seed 004: 90–100 Hoàn thành xuất sắc, 80–89 Hoàn thành tốt, 70–79 Hoàn thành, under 70
Không hoàn thành. The bands are data (ScoreBand rows, stored as JSON with each programme
year). Each band's number is a lower bound and nothing is rounded: a score belongs to the
highest band whose minimum it reaches, so 79.9 is "Hoàn thành" (it has not reached 80),
89.5 is "Hoàn thành tốt" and 69.5 is "Không hoàn thành". Rounding 69.5 up to 70 would
credit half a point the member did not earn, and the plan's ranges are written in whole
points only because its scores usually are.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from cadre_desktop.domain.errors import InvalidInput

MAX_SCORE = 100.0


@dataclass(frozen=True)
class ScoreBand:
    min_score: float
    code: str
    label: str
    rating_code: str  # the yearly rating level (HD 25) this result becomes


DEFAULT_BANDS: tuple[ScoreBand, ...] = (
    ScoreBand(90, "htxs", "Hoàn thành xuất sắc", "htxs"),
    ScoreBand(80, "htt", "Hoàn thành tốt", "htt"),
    ScoreBand(70, "ht", "Hoàn thành", "ht"),
    ScoreBand(0, "kht", "Không hoàn thành", "kht"),
)


def validate_bands(bands: Sequence[ScoreBand]) -> tuple[ScoreBand, ...]:
    """Highest first, distinct minimums, the lowest at 0 so that every score has a band."""
    if not bands:
        raise InvalidInput("Cần ít nhất một mức xếp loại")
    ordered = tuple(sorted(bands, key=lambda b: b.min_score, reverse=True))
    minimums = [b.min_score for b in ordered]
    if len(set(minimums)) != len(minimums):
        raise InvalidInput("Hai mức xếp loại có cùng điểm tối thiểu")
    if ordered[-1].min_score != 0:
        raise InvalidInput("Mức thấp nhất phải bắt đầu từ 0 điểm")
    if ordered[0].min_score > MAX_SCORE:
        raise InvalidInput(f"Điểm tối thiểu không được quá {MAX_SCORE:g}")
    return ordered


def classify(score: float, bands: Sequence[ScoreBand] = DEFAULT_BANDS) -> ScoreBand:
    check_score(score)
    for band in validate_bands(bands):
        if score >= band.min_score:
            return band
    raise AssertionError("validate_bands guarantees a band at 0")


def check_score(score: float) -> float:
    if math.isnan(score) or not 0 <= score <= MAX_SCORE:
        raise InvalidInput(f"Điểm {format_score(score)} phải từ 0 đến {MAX_SCORE:g}", "score")
    return score


def parse_score(value: object) -> float | None:
    """A score typed in a grid: '85', '85.5' or '85,5' (decimal comma); blank is None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidInput(f"'{value}' không phải điểm", "score")
    if isinstance(value, int | float):
        return check_score(float(value))
    raw = str(value).strip().replace(",", ".")
    if not raw:
        return None
    try:
        score = float(raw)
    except ValueError:
        raise InvalidInput(f"'{value}' không phải điểm (0–100)", "score") from None
    return check_score(score)


def format_score(score: float | None) -> str:
    """85 → '85', 85.5 → '85,5' as Vietnamese lists write it."""
    if score is None:
        return ""
    return f"{score:g}".replace(".", ",")


def bands_to_json(bands: Sequence[ScoreBand]) -> str:
    return json.dumps([{"min": b.min_score, "code": b.code, "label": b.label,
                        "rating": b.rating_code} for b in bands], ensure_ascii=False)


def bands_from_json(raw: str | list[object]) -> tuple[ScoreBand, ...]:
    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError as exc:
        raise InvalidInput(f"Thang xếp loại không đọc được: {exc}") from exc
    if not isinstance(data, list):
        raise InvalidInput("Thang xếp loại phải là một danh sách mức")
    return validate_bands([_band(item) for item in data])


def _band(item: object) -> ScoreBand:
    if not isinstance(item, dict):
        raise InvalidInput(f"Mức xếp loại không hợp lệ: {item!r}")
    try:
        return ScoreBand(float(item["min"]), str(item["code"]), str(item["label"]),
                         str(item.get("rating", item["code"])))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"Mức xếp loại không hợp lệ: {item!r}") from exc
