"""Turning TCVN3 / VNI text in a grid into Unicode, cell by cell.

A cell is converted when its font is a legacy font (.VnTime, VNI-Times ...), the font
seen on the sampled rows of its column when it lies further down, or when character
statistics over the cells without such a font say the sheet is legacy text. Text that
already holds characters no 8-bit font can produce (ư, ễ, combining marks) is real
Unicode and is left alone, so a sheet converted half-way by hand stays readable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from cadre_desktop.importing.legacy import Legacy, convert, detect_legacy, encoding_from_font
from cadre_desktop.importing.tabular import Grid

LEGACY_MODES = ("auto", "tcvn3", "vni")
_SAMPLE_PAIRS = 12
_STAT_TEXTS = 4000
_CP1252_EXTRA = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_NOT_BYTE = re.compile(f"[^\\x00-\\xff{re.escape(_CP1252_EXTRA)}]")

Choice = tuple[Legacy, bool]  # (encoding, TCVN3 capitals-only font)


@dataclass
class LegacyResult:
    encoding: Legacy | None = None  # the encoding most converted cells used
    cells: int = 0
    samples: list[tuple[str, str]] = field(default_factory=list)  # (before, after)


def could_be_legacy(value: object) -> bool:
    """Non-ASCII text made only of characters an 8-bit font can show."""
    return (isinstance(value, str) and not value.isascii()
            and _NOT_BYTE.search(value) is None)


def convert_grid(grid: Grid, mode: str | None = "auto") -> LegacyResult:
    """Convert the grid in place. mode: "auto", "tcvn3", "vni", or None for no conversion."""
    result = LegacyResult()
    if mode is None or mode == "none":
        return result
    if mode not in LEGACY_MODES:
        raise ValueError(f"unknown legacy mode {mode!r}")
    fonts = _FontChoices(grid)
    forced: Legacy | None = mode if mode in ("tcvn3", "vni") else None  # type: ignore[assignment]
    statistical = forced or detect_legacy(_unexplained_texts(grid, fonts))
    if statistical is None and not fonts.any_legacy:
        return result
    used: Counter[str] = Counter()
    seen: set[str] = set()
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if not could_be_legacy(value):
                continue
            choice = fonts.choice(r, c)
            if forced is not None:
                choice = (forced, bool(choice and choice[0] == "tcvn3" and choice[1]))
            elif choice is None and statistical is not None:
                choice = (statistical, False)
            if choice is None:
                continue
            after = convert(value, choice[0], choice[1])
            if after == value:
                continue
            row[c] = after
            used[choice[0]] += 1
            if value not in seen and len(result.samples) < _SAMPLE_PAIRS:
                seen.add(value)
                result.samples.append((value, after))
    result.cells = sum(used.values())
    if used:
        result.encoding = "tcvn3" if used["tcvn3"] >= used["vni"] else "vni"
    return result


class _FontChoices:
    """The legacy encoding a cell's font implies: its own font on the sampled rows, the
    usual font of its column below them."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.by_name: dict[str, Choice | None] = {}
        self.column: dict[int, Choice] = {}
        names_used: set[str | None] = set().union(*grid.fonts) if grid.fonts else set()
        self.any_legacy = any(self._from_name(name) for name in names_used)
        if self.any_legacy and len(grid.fonts) < len(grid.rows):
            self._vote()

    def _vote(self) -> None:
        grid = self.grid
        votes: dict[int, Counter[Choice | None]] = {}
        for r, names in enumerate(grid.fonts):
            row = grid.rows[r]
            for c, name in enumerate(names):
                if c < len(row) and could_be_legacy(row[c]):
                    votes.setdefault(c, Counter())[self._from_name(name)] += 1
        for c, counter in votes.items():
            choice, _count = counter.most_common(1)[0]
            if choice is not None:
                self.column[c] = choice

    def _from_name(self, name: str | None) -> Choice | None:
        if name is None:
            return None
        if name not in self.by_name:
            self.by_name[name] = encoding_from_font(name)
        return self.by_name[name]

    def choice(self, r: int, c: int) -> Choice | None:
        if r < len(self.grid.fonts):
            return self._from_name(self.grid.font(r, c))
        return self.column.get(c)


def _unexplained_texts(grid: Grid, fonts: _FontChoices) -> Iterator[str]:
    """Non-ASCII texts no font accounts for, for the statistics (a bounded sample). Real
    Unicode text is included: detect_legacy weighs it against the legacy-looking words."""
    count = 0
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and not value.isascii() and fonts.choice(r, c) is None:
                yield value
                count += 1
                if count >= _STAT_TEXTS:
                    return
