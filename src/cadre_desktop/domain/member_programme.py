"""The member training programme (Chương trình rèn luyện đoàn viên, seed 004): a year's
deadlines and what a complete registration is.

A member registers criteria in every area (five by default), at least 10 in total, each
with a concrete plan ("giải pháp cụ thể dưới mỗi tiêu chí"). The areas, the minimum and
the default deadlines are settings; these functions take them as arguments.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.evaluation_schedule import ScheduledEvaluation, schedule
from cadre_desktop.domain.member_score import (
    DEFAULT_BANDS,
    ScoreBand,
    bands_from_json,
    bands_to_json,
)

SCOPE = "member_programme"
AREA_KIND = "programme_area"  # lookup kind of the areas

DEFAULT_AREAS: tuple[tuple[str, str], ...] = (
    ("ly_tuong", "Lý tưởng cách mạng, nhận thức chính trị"),
    ("dao_duc", "Đạo đức, lối sống, tác phong"),
    ("chuyen_mon", "Chuyên môn, nghiệp vụ, học tập"),
    ("suc_khoe", "Sức khỏe"),
    ("xay_dung_doan", "Ý thức xây dựng tổ chức Đoàn"),
)

REGISTRATION_STATUSES = ("draft", "submitted", "approved", "returned")
REGISTRATION_LABELS = {
    "draft": "Đang soạn",
    "submitted": "Chờ chi đoàn duyệt",
    "approved": "Đã duyệt",
    "returned": "Trả lại để sửa",
}


@dataclass(frozen=True)
class ProgrammeSettings:
    min_criteria: int = 10
    registration_day: tuple[int, int] = (18, 10)  # (day, month) in the first year
    evaluation_day: tuple[int, int] = (30, 5)  # (day, month) in the second year
    evaluation_every_months: int = 6
    bands: tuple[ScoreBand, ...] = field(default=DEFAULT_BANDS)

    def deadlines(self, start_year: int) -> tuple[dt.date, dt.date]:
        """Registration and final evaluation deadlines of the year starting in start_year
        (a school year: 18/10/2025 and 30/05/2026 by default)."""
        reg_day, reg_month = self.registration_day
        ev_day, ev_month = self.evaluation_day
        try:
            registration = dt.date(start_year, reg_month, reg_day)
            evaluation = dt.date(start_year, ev_month, ev_day)
        except ValueError as exc:
            raise InvalidInput(f"Hạn đăng ký hoặc đánh giá không hợp lệ: {exc}") from exc
        if evaluation <= registration:
            evaluation = evaluation.replace(year=start_year + 1)
        return registration, evaluation


    def to_settings(self) -> dict[str, Any]:
        return {
            "min_criteria": self.min_criteria,
            "registration_day": list(self.registration_day),
            "evaluation_day": list(self.evaluation_day),
            "evaluation_every_months": self.evaluation_every_months,
            "bands": json.loads(bands_to_json(self.bands)),
        }

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> ProgrammeSettings:
        defaults = cls()
        kwargs: dict[str, Any] = {}
        for key in ("min_criteria", "evaluation_every_months"):
            if key in values:
                raw = values[key]
                if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
                    raise InvalidInput(f"Thiết lập '{key}' phải là số nguyên dương")
                kwargs[key] = raw
        for key in ("registration_day", "evaluation_day"):
            if key in values:
                raw = values[key]
                if (not isinstance(raw, list | tuple) or len(raw) != 2
                        or not all(isinstance(v, int) for v in raw)):
                    raise InvalidInput(f"Thiết lập '{key}' phải là [ngày, tháng]")
                kwargs[key] = (raw[0], raw[1])
        if "bands" in values:
            kwargs["bands"] = bands_from_json(values["bands"])
        settings = cls(**kwargs)
        settings.deadlines(2001)  # refuses a day that does not exist every year
        return settings if kwargs else defaults


def year_name(registration_deadline: dt.date, evaluation_deadline: dt.date) -> str:
    first, last = registration_deadline.year, evaluation_deadline.year
    return str(first) if first == last else f"{first}–{last}"


def self_evaluation_rounds(registration_deadline: dt.date, evaluation_deadline: dt.date,
                           every_months: int) -> list[ScheduledEvaluation]:
    """Every N months from the registration deadline, the last one at the final deadline."""
    return schedule(registration_deadline, evaluation_deadline, every_months)


@dataclass(frozen=True)
class RegistrationItem:
    area: str
    text: str
    plan: str
    criterion_id: str | None = None

    def cleaned(self) -> RegistrationItem:
        return RegistrationItem(self.area, text.clean(self.text), text.clean(self.plan),
                                self.criterion_id)


def registration_problems(items: Sequence[RegistrationItem], areas: Mapping[str, str],
                          min_criteria: int) -> list[str]:
    """Why a registration cannot be submitted; empty when it is complete."""
    problems: list[str] = []
    for n, item in enumerate(items, start=1):
        if item.area not in areas:
            problems.append(f"Tiêu chí {n}: nội dung rèn luyện '{item.area}' không có trong "
                            "danh mục")
        if not text.clean(item.text):
            problems.append(f"Tiêu chí {n}: chưa ghi nội dung tiêu chí")
        elif not text.clean(item.plan):
            problems.append(f"Tiêu chí '{_short(item.text)}' chưa có giải pháp thực hiện cụ thể")
    covered = {item.area for item in items}
    for code, label in areas.items():
        if code not in covered:
            problems.append(f"Chưa đăng ký tiêu chí nào về {label}")
    if len(items) < min_criteria:
        problems.append(f"Mới đăng ký {len(items)} tiêu chí, cần ít nhất {min_criteria}")
    return problems


def _short(value: str, limit: int = 50) -> str:
    value = text.clean(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
