"""The one progress type of the program: long work reports through it and is cancelled
through it, whether the caller is the GUI's op runner or a command.

A service that takes a while accepts `progress: Progress = NO_PROGRESS` and calls
`progress.step(what, done, total)` as it goes (as often as it likes: reports reaching the
observer are throttled here, so a loop may call it per row without flooding the GUI with
signals), and `progress.check()` where stopping is safe. A cancel raises `Cancelled`
from the next call; the service's transaction then rolls back, so a cancelled job leaves
the data as it was.

Work in phases hands each phase a `part(start, end)` of the whole, so the observer sees
one bar that only moves forward.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from cadre_desktop.domain.errors import UserError


class Cancelled(UserError):
    """The clerk asked to stop; nothing was changed."""

    def __init__(self, message: str = "Đã hủy theo yêu cầu; dữ liệu không thay đổi.") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Step:
    """What is being done and how far along: `fraction` of the whole job, 0..1."""

    what: str
    fraction: float


Observer = Callable[[Step], None]

# Reports closer together than this are dropped (the last one is kept for the end):
# a progress bar cannot show more than a few changes a second, and every report costs a
# cross-thread signal in the GUI.
MIN_INTERVAL = 0.05


class Progress:
    """Reports steps to an observer (throttled) and raises Cancelled once cancel() was
    called. Thread-safe: the worker steps, the GUI thread cancels."""

    def __init__(self, observer: Observer | None = None,
                 min_interval: float = MIN_INTERVAL) -> None:
        self._observer = observer
        self._min_interval = min_interval
        self._cancel = threading.Event()
        self._last_report = 0.0
        self._last_fraction = 0.0
        self._start = 0.0
        self._span = 1.0
        self._root: Progress = self

    # -- the caller's side ----------------------------------------------------------------

    def cancel(self) -> None:
        self._root._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._root._cancel.is_set()

    # -- the worker's side ----------------------------------------------------------------

    def check(self) -> None:
        """Raise Cancelled when the caller asked to stop."""
        if self._root._cancel.is_set():
            raise Cancelled()

    def step(self, what: str, done: int | float, total: int | float) -> None:
        """Report `done` of `total` units of this part (total 0 means unknown) and check
        for a cancel."""
        self.check()
        local = min(1.0, max(0.0, done / total)) if total else 0.0
        self._root._report(what, self._start + self._span * local, force=False)

    def done(self, what: str = "") -> None:
        """This part is complete: always reported, whatever the throttle."""
        self._root._report(what, self._start + self._span, force=True)

    def part(self, start: float, end: float) -> Progress:
        """A view of this progress covering [start, end] of its range, for one phase."""
        child = Progress.__new__(Progress)
        child._observer = None
        child._min_interval = self._min_interval
        child._cancel = self._root._cancel
        child._last_report = 0.0
        child._last_fraction = 0.0
        child._start = self._start + self._span * start
        child._span = self._span * (end - start)
        child._root = self._root
        return child

    def _report(self, what: str, fraction: float, force: bool) -> None:
        if self._observer is None:
            return
        fraction = max(fraction, self._last_fraction)  # a bar only moves forward
        now = time.monotonic()
        if not force and now - self._last_report < self._min_interval:
            return
        self._last_report = now
        self._last_fraction = fraction
        self._observer(Step(what, fraction))


class _Silent(Progress):
    def cancel(self) -> None:  # shared by every caller: it must never be cancelled
        raise RuntimeError("NO_PROGRESS cannot be cancelled; make a Progress of your own")


NO_PROGRESS: Progress = _Silent()
"""For callers that neither watch nor cancel (a command without a progress bar)."""
