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

from cadre_desktop.domain import text
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
    converter = LegacyConverter(grid, mode)
    for r, row in enumerate(grid.rows):
        converter.convert_row(row, grid.fonts[r] if r < len(grid.fonts) else None)
    return converter.result()


class LegacyConverter:
    """What a sample of the sheet (its first rows) says about legacy text, applied row
    by row: to the sample itself and to the rows streamed after it."""

    def __init__(self, sample: Grid, mode: str | None = "auto") -> None:
        self.enabled = mode not in (None, "none")
        # Columns holding names: converted text there gets capitals (text.capitalise_words).
        # Known only once the headings are found; converted cells of the rows read before
        # that are remembered (by their row list) and capitalised by name_columns_found.
        self.name_columns: set[int] = set()
        self._before_headings: list[tuple[list[object], int]] = []
        self._headings_known = False
        self._used: Counter[str] = Counter()
        self._seen: set[str] = set()
        self.samples: list[tuple[str, str]] = []
        if not self.enabled:
            return
        if mode not in LEGACY_MODES:
            raise ValueError(f"unknown legacy mode {mode!r}")
        self.fonts = _FontChoices(sample)
        self.forced: Legacy | None = mode if mode in ("tcvn3", "vni") else None  # type: ignore[assignment]
        self.statistical = self.forced or detect_legacy(_unexplained_texts(sample, self.fonts))
        self.enabled = self.statistical is not None or self.fonts.any_legacy

    def convert_row(self, row: list[object], fonts: list[str | None] | None) -> None:
        """Convert one row in place; fonts: its text cells' fonts, None when not known
        (the column's usual font then speaks for it)."""
        if not self.enabled:
            return
        for c, value in enumerate(row):
            if not could_be_legacy(value):
                continue
            assert isinstance(value, str)
            choice = self.fonts.choice(fonts, c)
            if self.forced is not None:
                choice = (self.forced, bool(choice and choice[0] == "tcvn3" and choice[1]))
            elif choice is None and self.statistical is not None:
                choice = (self.statistical, False)
            if choice is None:
                continue
            after = convert(value, choice[0], choice[1])
            if after == value:
                continue
            if c in self.name_columns:
                after = text.capitalise_words(after)
            elif not self._headings_known:
                self._before_headings.append((row, c))
            row[c] = after
            self._used[choice[0]] += 1
            if value not in self._seen and len(self.samples) < _SAMPLE_PAIRS:
                self._seen.add(value)
                self.samples.append((value, after))

    def name_columns_found(self, columns: set[int]) -> None:
        """The headings are known: capitalise the names converted so far, and those to
        come in these columns."""
        self.name_columns = set(columns)
        self._headings_known = True
        for row, c in self._before_headings:
            value = row[c]
            if c in self.name_columns and isinstance(value, str):
                row[c] = text.capitalise_words(value)
        self._before_headings = []

    def result(self) -> LegacyResult:
        used = self._used
        encoding: Legacy | None = None
        if used:
            encoding = "tcvn3" if used["tcvn3"] >= used["vni"] else "vni"
        return LegacyResult(encoding, sum(used.values()), list(self.samples))


class _FontChoices:
    """The legacy encoding a cell's font implies: its own font on the sampled rows, the
    usual font of its column below them."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.by_name: dict[str, Choice | None] = {}
        self.column: dict[int, Choice] = {}
        names_used: set[str | None] = set().union(*grid.fonts) if grid.fonts else set()
        self.any_legacy = any(self._from_name(name) for name in names_used)
        if self.any_legacy:
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

    def choice(self, fonts: list[str | None] | None, c: int) -> Choice | None:
        if fonts is not None:
            return self._from_name(fonts[c] if c < len(fonts) else None)
        return self.column.get(c)


def _unexplained_texts(grid: Grid, fonts: _FontChoices) -> Iterator[str]:
    """Non-ASCII texts no font accounts for, for the statistics (a bounded sample). Real
    Unicode text is included: detect_legacy weighs it against the legacy-looking words."""
    count = 0
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            row_fonts = grid.fonts[r] if r < len(grid.fonts) else None
            if isinstance(value, str) and not value.isascii() and fonts.choice(
                    row_fonts, c) is None:
                yield value
                count += 1
                if count >= _STAT_TEXTS:
                    return
