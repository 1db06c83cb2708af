"""Timing a table view as a clerk sees it, for the roster GUI benchmark
(bench/roster_gui.py): from an action until the view has painted the new rows, for our
roster and for Qt's own QSqlTableModel on the same file (the baseline); plus the guard
that keeps a PySide6 build leaking references to None from aborting the run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtSql import QSqlDatabase, QSqlTableModel
from PySide6.QtWidgets import QApplication, QTableView

TIMEOUT_S = 20.0
BASELINE_CONNECTION = "bench-baseline"
_LOOP: QEventLoop | None = None


class Watch(QObject):
    """Notes when the model was last reset and when the view's viewport last painted."""

    def __init__(self, view: QTableView) -> None:
        super().__init__()
        self.view = view
        self.reset_at = 0.0
        self.painted_at = 0.0
        view.viewport().installEventFilter(self)
        self._model: QAbstractItemModel | None = view.model()
        self._model.modelReset.connect(self._reset)
        self._model.layoutChanged.connect(self._reset)

    def _reset(self) -> None:
        self.reset_at = time.perf_counter()

    def close(self) -> None:
        self.view.viewport().removeEventFilter(self)
        if self._model is not None:
            self._model.modelReset.disconnect(self._reset)
            self._model.layoutChanged.disconnect(self._reset)
            self._model = None

    def time(self, action: Callable[[], object], needs_reset: bool = True,
             row: Callable[[], int] | None = None) -> float:
        """Seconds from calling action until the viewport painted after a model reset,
        with the text of the view's first visible row (or of `row()`) in the model: a
        paint is checked as it happens, so a paint of blank rows waiting for their page
        does not count."""
        _pump()
        start = time.perf_counter()
        self.reset_at = self.painted_at = 0.0
        self.done_at = 0.0
        self._needs_reset, self._row = needs_reset, row
        self._armed = True
        # Wait as the application does, in an event loop that sleeps until the next event
        # (QEventLoop.exec): a loop spinning on processEvents keeps the interpreter busy
        # and starves the roster's query thread, which measures the harness, not the
        # program (the query-thread round trip measured 15-20 ms under such a loop).
        self._loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self._loop.quit)
        timer.start(int(TIMEOUT_S * 1000))
        try:
            action()
            if not self.done_at:
                self._loop.exec()
        finally:
            self._armed = False
            timer.stop()
        if not self.done_at:
            raise TimeoutError("the view did not repaint")
        return self.done_at - start

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted_at = time.perf_counter()
            if getattr(self, "_armed", False) and not self.done_at and self._ready() \
                    and self._shown(self._row):
                self.done_at = self.painted_at
                QTimer.singleShot(0, self._loop.quit)  # after this paint has finished
        return False

    def _ready(self) -> bool:
        current = getattr(self.view.model(), "shows_current", None)
        if current is not None:
            return bool(current)
        return bool(self.reset_at or not self._needs_reset)

    def _shown(self, row: Callable[[], int] | None) -> bool:
        model = self.view.model()
        if model.rowCount() == 0:
            return bool(getattr(model, "complete", True))
        wanted = row() if row is not None else max(0, self.view.rowAt(0))
        return model.data(model.index(wanted, 0)) is not None


def _app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv[:1])


def _pump() -> None:
    # QEventLoop.processEvents returns a bool; QCoreApplication.processEvents returns
    # nothing, and see none_refcount_leak().
    global _LOOP
    if _LOOP is None:
        _LOOP = QEventLoop()
    _LOOP.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def none_refcount_leak() -> bool:
    """Whether a Qt method returning void drops a reference to None (PySide6 6.12.0 on
    Python 3.11, where None is not immortal: after some thousands of such calls the
    interpreter aborts with "none_dealloc")."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


class NoneGuard:
    """Holds extra references to None while a measurement runs, so that the leak above
    cannot abort it; released afterwards (the net effect on None's count is nil)."""

    def __init__(self, references: int = 200_000) -> None:
        self.references = references
        self.held: list[None] = []

    def __enter__(self) -> bool:
        leaks = sys.version_info < (3, 12) and none_refcount_leak()
        if leaks:
            self.held = [None] * self.references
        return leaks

    def __exit__(self, *exc: object) -> None:
        self.held = []


class Baseline:
    """QSqlTableModel on the person table of the same file, in a view of the same size."""

    def __init__(self, db_path: Path, like: QTableView) -> None:
        self.sql = QSqlDatabase.addDatabase("QSQLITE", BASELINE_CONNECTION)
        self.sql.setDatabaseName(str(db_path))
        self.sql.setConnectOptions("QSQLITE_OPEN_READONLY")
        if not self.sql.open():
            raise RuntimeError(self.sql.lastError().text())
        self.model = QSqlTableModel(None, self.sql)
        self.model.setTable("person")
        self.model.setEditStrategy(QSqlTableModel.EditStrategy.OnManualSubmit)
        self.name_column = self.model.fieldIndex("full_name")
        self.view = QTableView()
        self.view.resize(like.size())
        self.view.setModel(self.model)
        self.model.select()
        self.view.show()
        self.watch = Watch(self.view)

    def filter(self, where: str) -> float:
        def act() -> None:
            self.model.setFilter(where)
            self.model.select()
        return self.watch.time(act)

    def sort(self, order: Qt.SortOrder) -> float:
        def act() -> None:
            self.model.setSort(self.name_column, order)
            self.model.select()
        return self.watch.time(act)

    def close(self) -> None:
        # The connection can only be removed once nothing uses it: drop the view, the
        # model and our handle first (Python owns all three, so del destroys them).
        self.watch.close()
        self.view.close()
        self.view.setModel(None)
        self.model.clear()
        del self.watch, self.view, self.model
        self.sql.close()
        del self.sql
        QSqlDatabase.removeDatabase(BASELINE_CONNECTION)
