"""What the parts of the demo generator share: the write, the random stream, ids, progress.

Ids are deterministic so that the same seed gives the same database, and they grow
with a per-table counter: rows then land at the end of each primary-key B-tree, which
keeps a 100,000-person insert fast. They are still well-formed UUIDs (version 8, the
"custom" layout of RFC 9562), unique per seed, table and counter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from cadre_desktop.demo.calendar import DemoCalendar
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.store.db import Database
from cadre_desktop.store.tx import Transaction


class CadreFacts(Protocol):
    """What the later parts need of a demo person (demo.roster makes them)."""

    @property
    def id(self) -> str: ...

    @property
    def full_name(self) -> str: ...

    @property
    def promising(self) -> bool: ...


class RosterFacts(Protocol):
    """What the later parts need of the generated roster (demo.roster.RosterResult);
    a protocol here so that the context does not import the roster's module."""

    @property
    def secretary(self) -> CadreFacts: ...

    @property
    def cadres(self) -> Sequence[CadreFacts]: ...

BATCH = 5000

# uuid.UUID(version=8) needs Python 3.14, so the bits are set by hand.
_CLEAR_VERSION_VARIANT = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
_VERSION_8 = 0x8 << 76
_VARIANT_RFC = 0x2 << 62



class IdFactory:
    """uuid-shaped ids: 16 bits naming (seed, table), a 32-bit counter, 80 seeded
    random bits (version and variant bits overwrite six of them)."""

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._rng = random.Random(f"cadre-demo-ids:{seed}")
        self._counters: dict[str, int] = {}
        self._prefixes: dict[str, int] = {}

    def new(self, kind: str) -> str:
        prefix = self._prefixes.get(kind)
        if prefix is None:
            digest = hashlib.sha256(f"{self._seed}:{kind}".encode()).digest()
            prefix = self._prefixes[kind] = int.from_bytes(digest[:2], "big")
        count = self._counters.get(kind, 0) + 1
        self._counters[kind] = count
        value = (prefix << 112) | (count << 80) | self._rng.getrandbits(80)
        value = (value & _CLEAR_VERSION_VARIANT) | _VERSION_8 | _VARIANT_RFC
        digits = f"{value:032x}"
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


@dataclass
class DemoContext:
    db: Database
    tx: Transaction
    seed: int
    members: int
    rng: random.Random
    ids: IdFactory
    calendar: DemoCalendar
    progress: Progress = NO_PROGRESS
    total_steps: int = 1
    done_steps: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    roster: RosterFacts | None = None

    def new_id(self, kind: str) -> str:
        return self.ids.new(kind)

    def insert_many(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Insert rows through the transaction in batches, checking for cancellation."""
        batch: list[Mapping[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self._flush(table, batch)
                batch = []
        if batch:
            self._flush(table, batch)

    def _flush(self, table: str, batch: list[Mapping[str, Any]]) -> None:
        self.check_cancelled()
        self.counts[table] = self.counts.get(table, 0) + self.tx.insert_many(table, batch)

    def count(self, table: str, n: int = 1) -> None:
        """Record rows written through a store helper rather than insert_many."""
        self.counts[table] = self.counts.get(table, 0) + n

    @property
    def today(self) -> dt.date:
        return self.calendar.today

    def step(self, n: int = 1) -> None:
        self.done_steps = min(self.total_steps, self.done_steps + n)
        self.progress.step("Tạo dữ liệu mẫu", self.done_steps, self.total_steps)

    def check_cancelled(self) -> None:
        """Raise progress.Cancelled when the caller asked to stop: the whole demo is one
        transaction, so nothing is written."""
        self.progress.check()
