"""Python's garbage collector runs on the GUI thread only.

A collection runs in whichever thread happens to allocate when a threshold is reached.
When that is a worker (an op, the query thread) and the garbage holds a Qt object that
belongs to the GUI thread, Qt deletes the object from the wrong thread and the program
crashes. So, as Anki does, automatic collection is switched off and the GUI thread
collects on a timer: often for the young objects, now and then for everything.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_EVERY_MS = 1_000
FULL_EVERY = 30  # young collections per full one


class GcGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_EVERY_MS)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)


_guard: GcGuard | None = None


def install(app: QObject) -> GcGuard:
    """Once per application: collection on the GUI thread only, from now on."""
    global _guard
    if _guard is None:
        _guard = GcGuard(app)
    return _guard
