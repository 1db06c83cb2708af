"""Dates as clerks write them: full, month and year, or a bare year.

A partial date is stored as ISO text of its precision ('1998', '1998-05', '1998-05-17'),
which sorts correctly as text and is what the command line prints.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cadre_desktop.domain.errors import InvalidInput

_MIN_YEAR = 1900
_MAX_YEAR = 2100

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_Y = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not _MIN_YEAR <= self.year <= _MAX_YEAR:
            raise InvalidInput(f"Năm {self.year} không hợp lệ")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidInput(f"Tháng {self.month} không hợp lệ")
        if self.day is not None:
            if self.month is None:
                raise InvalidInput("Có ngày nhưng thiếu tháng")
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise InvalidInput(
                    f"Ngày {self.day:02d}/{self.month:02d}/{self.year} không tồn tại"
                ) from None

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def iso(self) -> str:
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """dd/mm/yyyy, mm/yyyy or yyyy, as Vietnamese lists show them."""
        if self.day is not None and self.month is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"
        if self.month is not None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.year:04d}"

    def as_date(self) -> dt.date:
        """The full date; only valid when is_full."""
        if self.day is None or self.month is None:
            raise InvalidInput(f"{self.display()} không phải ngày đầy đủ")
        return dt.date(self.year, self.month, self.day)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        match = _ISO.match(text) or _Y.match(text)
        if not match:
            raise InvalidInput(f"'{text}' không phải ngày ISO")
        groups = [g for g in match.groups() if g is not None]
        return cls(*(int(g) for g in groups))


def parse_partial(value: object) -> PartialDate | None:
    """Parse a cell or typed value; None for blank, InvalidInput for anything unreadable.

    Accepts Excel date cells (datetime/date), years as numbers, dd/mm/yyyy (also with
    '.' or '-'), mm/yyyy, yyyy and ISO text.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, bool):
        raise InvalidInput(f"'{value}' không phải ngày")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise InvalidInput(f"'{value}' không phải ngày")
        return PartialDate(int(value))
    text = str(value).strip()
    if not text:
        return None
    if m := _DMY.match(text):
        return PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _MY.match(text):
        return PartialDate(int(m.group(2)), int(m.group(1)))
    if m := _Y.match(text):
        return PartialDate(int(m.group(1)))
    if _ISO.match(text):
        return PartialDate.from_iso(text)
    raise InvalidInput(f"'{text}' không phải ngày (dạng dd/mm/yyyy, mm/yyyy hoặc yyyy)")


def parse_full(value: object) -> dt.date | None:
    """A date that must be complete (discipline until, deferral until, join date)."""
    partial = parse_partial(value)
    if partial is None:
        return None
    if not partial.is_full:
        raise InvalidInput(f"Cần ngày đầy đủ dd/mm/yyyy, không phải '{partial.display()}'")
    return partial.as_date()


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_iso(value: str | None) -> str:
    """An ISO date or timestamp as people read it (dd/mm/yyyy): for messages built from
    stored text. A timestamp with a zone (stored in UTC) gives the local day."""
    if not value:
        return ""
    try:
        if len(value) <= 10:
            return format_date(dt.date.fromisoformat(value))
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone()
    return format_date(stamp.date())


def age_on(birth: PartialDate, on: dt.date) -> int:
    """Completed years on a date; with a partial birth date, counted by year alone."""
    if birth.is_full:
        born = birth.as_date()
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return on.year - birth.year
