"""One demo person's own fields: name, birth date, ID and phone numbers, schooling.

Rows are built as the person table's columns (what PersonInput.columns() gives), with
the official-order sort key cached per part of the name: a 100,000-person office has a
few hundred distinct given names and middle names, and the sort key is the costly part.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from cadre_desktop.demo.names import random_name
from cadre_desktop.domain import text
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.person import PersonInput, search_text

# Where the ID number was registered: mostly Tây Ninh, some neighbours and migrants.
PROVINCES: list[tuple[str, float]] = [
    ("072", 86.0), ("079", 3.0), ("080", 2.0), ("070", 1.5), ("074", 1.2), ("038", 1.0),
    ("040", 1.0), ("075", 0.8), ("042", 0.5), ("084", 0.5), ("094", 0.5), ("001", 0.4),
    ("087", 0.4), ("089", 0.4), ("082", 0.4),
]
KHMER_PROVINCES = [("072", 70.0), ("084", 10.0), ("094", 10.0), ("091", 5.0), ("089", 5.0)]
# Mobile prefixes with rough market shares (Viettel, VinaPhone, MobiFone, others).
PHONE_PREFIXES: list[tuple[str, float]] = [
    *((p, 6.0) for p in ("032", "033", "034", "035", "036", "037", "038", "039")),
    *((p, 4.0) for p in ("086", "096", "097", "098")),
    *((p, 3.0) for p in ("081", "082", "083", "084", "085", "088", "091", "094")),
    *((p, 2.5) for p in ("070", "076", "077", "078", "079", "089", "090", "093")),
    *((p, 1.0) for p in ("056", "058", "092", "059", "099")),
]
YEAR_ONLY_SHARE = 0.06
MONTH_ONLY_SHARE = 0.01
YOUTH_UNION_DAY = (3, 26)  # most admissions are held around 26 March


@dataclass(slots=True)
class Born:
    gender: str
    birth: PartialDate
    exact: dt.date  # the day used to derive the rest; birth may show less of it


def _weighted(items: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    total = 0.0
    cumulative = []
    for _, weight in items:
        total += weight
        cumulative.append(total)
    return [value for value, _ in items], cumulative


_PROVINCES = _weighted(PROVINCES)
_KHMER_PROVINCES = _weighted(KHMER_PROVINCES)
_PHONES = _weighted(PHONE_PREFIXES)


class PersonFactory:
    """Makes person rows; remembers used ID and phone numbers so that they stay unique."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today  # ages are counted on this day
        self._citizen_ids: set[str] = set()
        self._phones: set[str] = set()
        self._keys: dict[str, str] = {}

    def born(self, age: int, female_share: float) -> Born:
        """Someone who is `age` today."""
        rng = self.rng
        gender = "F" if rng.random() < female_share else "M"
        latest = _add_years(self.today, -age)
        earliest = _add_years(self.today, -age - 1)
        exact = dt.date.fromordinal(rng.randint(earliest.toordinal() + 1, latest.toordinal()))
        roll = rng.random()
        birth = PartialDate(exact.year, exact.month, exact.day)
        # A bare year counts age by year alone; keep the full date where that would
        # make the person a year older than they are.
        if self.today.year - exact.year == age:
            if roll < YEAR_ONLY_SHARE:
                birth = PartialDate(exact.year)
            elif roll < YEAR_ONLY_SHARE + MONTH_ONLY_SHARE:
                birth = PartialDate(exact.year, exact.month)
        return Born(gender, birth, exact)

    def citizen_id(self, born: Born, khmer: bool) -> str:
        rng = self.rng
        values, cumulative = _KHMER_PROVINCES if khmer else _PROVINCES
        province = rng.choices(values, cum_weights=cumulative)[0]
        year = born.exact.year
        century = (0 if year < 2000 else 2) + (1 if born.gender == "F" else 0)
        head = f"{province}{century}{year % 100:02d}"
        while True:
            number = f"{head}{rng.randrange(1_000_000):06d}"
            if number not in self._citizen_ids:
                self._citizen_ids.add(number)
                return number

    def phone(self) -> str:
        values, cumulative = _PHONES
        while True:
            number = f"{self.rng.choices(values, cum_weights=cumulative)[0]}" \
                     f"{self.rng.randrange(10_000_000):07d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def join_date(self, born: Born) -> dt.date:
        """The day the person was admitted to the Union: from 16 on, usually on 26/3."""
        rng = self.rng
        eligible = _add_years(born.exact, 16)
        first = eligible.year + (1 if (eligible.month, eligible.day) > YOUTH_UNION_DAY else 0)
        days = [dt.date(y, *YOUTH_UNION_DAY) for y in range(first, first + 3)]
        days = [d for d in days if d <= self.today]
        if days and rng.random() < 0.7:
            return days[min(len(days) - 1, int(rng.random() ** 2 * len(days)))]
        last = min(self.today, _add_years(eligible, 2))
        return dt.date.fromordinal(rng.randint(eligible.toordinal(), last.toordinal()))

    def row(self, person_id: str, born: Born, with_citizen_id: bool, with_phone: bool,
            **fields: Any) -> dict[str, Any]:
        """The person table's row for someone with a new random name; fields are the
        other PersonInput fields."""
        name = random_name(self.rng, born.gender)
        khmer = name.ethnicity == "Khmer"
        person = PersonInput(
            name.family_middle, name.given_name, gender=born.gender, birth=born.birth,
            ethnicity=name.ethnicity,
            citizen_id=self.citizen_id(born, khmer) if with_citizen_id else None,
            phone=self.phone() if with_phone else None,
            **fields)
        return {"id": person_id, **self._columns(person)}

    def _key(self, part: str) -> str:
        key = self._keys.get(part)
        if key is None:
            key = self._keys[part] = text.text_sort_key(part)
        return key

    def _columns(self, p: PersonInput) -> dict[str, Any]:
        """PersonInput.columns(), with the name's sort key cached per part of the name."""
        full_name = text.full_name(p.family_middle, p.given_name)
        if _SPLIT_KEY_HOLDS:
            name_key = self._key(p.given_name) + self._key(p.family_middle)
        else:
            name_key = text.name_sort_key(p.family_middle, p.given_name)

        def iso(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "family_middle": p.family_middle,
            "given_name": p.given_name,
            "full_name": full_name,
            "search_fold": search_text(full_name, p.citizen_id, p.phone),
            "name_key": name_key,
            "gender": p.gender,
            "birth_date": p.birth.iso() if p.birth else None,
            "ethnicity": p.ethnicity,
            "citizen_id": p.citizen_id,
            "phone": p.phone,
            "unit_id": p.unit_id,
            "join_date": iso(p.join_date),
            "working_status": p.working_status,
            "permanent_staff": None if p.permanent_staff is None else int(p.permanent_staff),
            "party_status": p.party_status,
            "theory_level": p.theory_level,
            "education": p.education,
            "discipline_until": iso(p.discipline_until),
            "no_rotation_until": iso(p.no_rotation_until),
            "note": p.note,
        }


def _key_parts_compose() -> bool:
    """Whether a name's sort key is the given name's key followed by the family and
    middle names' keys, so that each part's key can be cached on its own."""
    samples = [("Trần Thị", "Ánh"), ("Thạch Thị", "Sô Phi"), ("", "Hà"), ("Lê", "")]
    return all(text.name_sort_key(fm, g) == text.text_sort_key(g) + text.text_sort_key(fm)
               for fm, g in samples)


_SPLIT_KEY_HOLDS = _key_parts_compose()


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
