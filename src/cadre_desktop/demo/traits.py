"""How members of each kind of branch tend to look: age, schooling, party membership."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class Traits:
    ages: tuple[int, int, int]  # low, high, mode (members are 16-35)
    party: tuple[float, float]  # chances of (party member, party candidate)
    schooling: tuple[tuple[str, ...], tuple[float, ...]]  # education codes, cumulative weights
    theory_levels: tuple[tuple[str, ...], tuple[float, ...]] = (("so_cap",), (1.0,))

    def education(self, rng: random.Random, age: int) -> str:
        if age < 18:
            return "thcs"  # still at high school: lower secondary is what they hold
        codes, cumulative = self.schooling
        return rng.choices(codes, cum_weights=cumulative)[0]

    def theory(self, rng: random.Random) -> str:
        codes, cumulative = self.theory_levels
        return rng.choices(codes, cum_weights=cumulative)[0]


def _table(pairs: list[tuple[str, float]]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    return tuple(c for c, _ in pairs), tuple(accumulate(w for _, w in pairs))


_WORKERS = _table([("thcs", 15), ("thpt", 60), ("trung_cap", 15), ("cao_dang", 7),
                   ("dai_hoc", 3)])
_RESIDENTS = _table([("thcs", 15), ("thpt", 50), ("trung_cap", 9), ("cao_dang", 9),
                     ("dai_hoc", 17)])
_GRADUATES = _table([("cao_dang", 10), ("dai_hoc", 80), ("thac_si", 10)])
_UNIFORMED = _table([("thpt", 45), ("trung_cap", 30), ("cao_dang", 5), ("dai_hoc", 20)])
_CADRES = _table([("thpt", 8), ("trung_cap", 7), ("cao_dang", 10), ("dai_hoc", 65),
                  ("thac_si", 10)])
_CADRE_THEORY = _table([("chua", 5), ("so_cap", 55), ("trung_cap", 35), ("cao_cap", 5)])

TRAITS: dict[str, Traits] = {
    "residential": Traits((16, 35, 20), (0.03, 0.05), _RESIDENTS),
    "class": Traits((16, 17, 16), (0.0, 0.02), _RESIDENTS),
    "teachers": Traits((23, 35, 28), (0.3, 0.3), _GRADUATES),
    "company": Traits((18, 35, 23), (0.02, 0.04), _WORKERS),
    "police": Traits((19, 32, 23), (0.5, 0.3), _UNIFORMED),
    "military": Traits((19, 32, 22), (0.35, 0.35), _UNIFORMED),
    "office": Traits((22, 35, 27), (0.4, 0.3), _GRADUATES),
    "health": Traits((22, 35, 27), (0.25, 0.3), _GRADUATES),
    "cadre": Traits((25, 45, 30), (0.7, 0.25), _CADRES, _CADRE_THEORY),
}


def member_traits(kind: str) -> Traits:
    return TRAITS[kind]
