"""Roster GUI figures: from build_main_window to the roster's first rows on screen at
100,000 people, filter as you type, sorting, a page at the end of the list sorted by
unit, and the process's peak memory. Baselines: Qt's own QSqlTableModel on the same file.

Each figure is the time from the action until the view has repainted with the new rows
(the model reset seen, the rows' text read, then a paint of the view's viewport; the
roster reads its keys and pages off the GUI thread, so a paint of blank rows does not
count), so ours and the baseline are measured the same way: ours in the main window's
roster view, the baseline in a QTableView of the same size.

Run in a process of its own (peak memory is the process's):
`QT_QPA_PLATFORM=offscreen python bench/roster_gui.py DB_PATH [--out FILE]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from common import Entry, entry, skipped
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QEventLoop,
    QObject,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtSql import QSqlDatabase, QSqlTableModel
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget

from cadre_desktop.domain import text
from cadre_desktop.store import roster_query
from cadre_desktop.store.db import open_database
from cadre_desktop.store.roster_query import RosterFilter

FIRST_ROWS_MS = 500.0
FILTER_MS = 100.0
MEMORY_MB = 300.0
TIMEOUT_S = 20.0
SEARCH_SETTLE_S = 0.6  # longer than any typing pause the search box waits for
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


def typical_queries(db_path: Path) -> list[tuple[str, str]]:
    """(what the clerk types, the baseline's WHERE clause) for the usual searches and
    one rare given name from this database."""
    db = open_database(db_path, read_only=True)
    try:
        rare = db.conn.execute(
            "SELECT given_name FROM person WHERE deleted = 0 GROUP BY given_name "
            "ORDER BY COUNT(*), given_name LIMIT 1").fetchone()
    finally:
        db.close()
    queries = [("ng", "full_name LIKE '%ng%'"),
               ("nguyen van", "full_name LIKE '%Nguyễn Văn%'"),
               ("anh", "full_name LIKE '%anh%'"),
               ("079", "citizen_id LIKE '%079%' OR phone LIKE '%079%'")]
    if rare:
        name = str(rare[0]).replace("'", "''")
        queries.append((text.fold(rare[0]), f"full_name LIKE '%{name}%'"))
    return queries


def _find(window: QWidget) -> tuple[QTableView, QLineEdit | None]:
    view = window.findChild(QTableView, "rosterView")
    if view is None:
        raise RuntimeError("no QTableView named rosterView in the main window")
    return view, window.findChild(QLineEdit, "rosterSearch")


def _open_roster(db_path: Path) -> tuple[QWidget, float, str]:
    """The main window (or, without it, the roster model in a bare view), how long it took
    to build, and what it is."""
    try:
        from cadre_desktop.app import build_main_window
    except ImportError:
        from cadre_desktop.ui.roster.model import RosterTableModel  # raises if missing too

        started = time.perf_counter()
        db = open_database(db_path, read_only=True)
        view = QTableView()
        view.setObjectName("rosterView")
        view.setModel(RosterTableModel(db, view))
        view.resize(1000, 700)
        view.destroyed.connect(db.close)
        return view, time.perf_counter() - started, "RosterTableModel in a bare QTableView"
    started = time.perf_counter()
    window = build_main_window(db_path)
    # The start page comes first; these figures are the roster's.
    window.navigation.setCurrentRow(window.pages.indexOf(window.roster_page))
    window.resize(1280, 800)
    return window, started, "main window"


def measure(db_path: Path, repeats: int = 5, settle_s: float = SEARCH_SETTLE_S) -> list[Entry]:
    """All GUI figures on the database at db_path (the caller keeps QSettings private).
    settle_s: how long to let the search box's typing pause run out between queries."""
    _app()
    try:
        window, built, what = _open_roster(db_path)
    except ImportError as exc:
        reason = f"not available ({exc})"
        return [skipped(name, unit, requirement, reason) for name, unit, requirement in (
            ("roster window: first rows painted after show()", "ms", f"< {FIRST_ROWS_MS:.0f} ms"),
            ("filter as you type", "ms", f"< {FILTER_MS:.0f} ms and <= 2x baseline"),
            ("sort by name, official order", "ms", "<= baseline"))]
    results: list[Entry] = []
    try:
        view, search = _find(window)
        watch = Watch(view)
        model = view.model()
        shown_from = time.perf_counter()
        watch.time(window.show, needs_reset=False)
        first = time.perf_counter() - built  # built: when build_main_window was called
        ready = model.rowCount() > 0 and model.data(model.index(0, 0)) is not None
        results.append(entry(
            "start to first rows at 100k", first, "s", f"<= {FIRST_ROWS_MS / 1000:.1f} s",
            ready and first * 1000 <= FIRST_ROWS_MS,
            window_build_ms=round((shown_from - built) * 1000, 1),
            measured_on=what, note="from build_main_window to the first rows painted"))
        baseline = Baseline(db_path, view)
        try:
            results += _filters(db_path, watch, model, baseline, search, repeats, settle_s)
            results += _sorts(watch, view, baseline, repeats)
            results += _end_by_unit(watch, view, model, repeats)
        finally:
            baseline.close()
        watch.close()
    finally:
        window.close()
        window.deleteLater()
        _pump()
    return results


def _filters(db_path: Path, watch: Watch, model: Any, baseline: Baseline,
             search: QLineEdit | None, repeats: int, settle_s: float) -> list[Entry]:
    results = []
    db = open_database(db_path, read_only=True)
    try:
        for typed, where in typical_queries(db_path):
            expected = roster_query.count(db, RosterFilter(query=typed))
            ours, base = [], []
            for _ in range(repeats):
                model.set_filter(RosterFilter())
                _settle(model)
                ours.append(watch.time(partial(model.set_filter, RosterFilter(query=typed))))
                baseline.filter("")
                base.append(baseline.filter(where))
            # The first rows are painted before the exact count (the model counts just
            # after); the figure is the painted result, the check is on the full count.
            _settle(model)
            shown = model.rowCount()
            typed_ms = None
            if search is not None:
                # Let the search box's pause run out each time, or its timer would fire
                # inside the next measurement.
                model.set_filter(RosterFilter())
                search.clear()
                app_wait(settle_s)
                typed_ms = watch.time(partial(search.setText, typed)) * 1000
                search.clear()
                app_wait(settle_s)
            value, base_value = statistics.median(ours) * 1000, statistics.median(base) * 1000
            results.append(entry(
                f"filter as you type '{typed}' ({expected:,} rows)", value, "ms",
                f"< {FILTER_MS:.0f} ms and <= 2x baseline",
                shown == expected and value < FILTER_MS and value <= 2 * base_value,
                base_value, rows=expected, rows_shown=shown, baseline_where=where,
                search_box_ms=None if typed_ms is None else round(typed_ms, 1),
                search_box_note="includes the search box's typing pause"))
        model.set_filter(RosterFilter())
    finally:
        db.close()
    return results


def _sorts(watch: Watch, view: QTableView, baseline: Baseline, repeats: int) -> list[Entry]:
    results = []
    for order, label in ((Qt.SortOrder.AscendingOrder, "ascending"),
                         (Qt.SortOrder.DescendingOrder, "descending")):
        ours, base = [], []
        for _ in range(repeats):
            view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # away from the name order
            _settle(view.model())
            ours.append(watch.time(partial(view.sortByColumn, 0, order)))
            baseline.sort(Qt.SortOrder.AscendingOrder if order != Qt.SortOrder.AscendingOrder
                          else Qt.SortOrder.DescendingOrder)
            base.append(baseline.sort(order))
        value, base_value = statistics.median(ours) * 1000, statistics.median(base) * 1000
        results.append(entry(
            f"sort by name, official order, {label} (vs ORDER BY full_name)", value, "ms",
            "<= baseline", value <= base_value, base_value))
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return results


def _end_by_unit(watch: Watch, view: QTableView, model: Any, repeats: int) -> list[Entry]:
    """Sorted by unit, the clerk goes to the end of the list (Ctrl+End): the time until the
    last page's rows are painted. The time of the sort itself (the click on the header
    until the first rows are painted) is given beside it."""
    unit_column = next(i for i, c in enumerate(model.columns()) if c.key == "unit")
    sorts, ends = [], []
    for _ in range(repeats):
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        model.wait_loaded()
        app_wait()
        view.scrollToTop()
        sorts.append(watch.time(partial(view.sortByColumn, unit_column,
                                        Qt.SortOrder.AscendingOrder)))
        model.wait_loaded()
        app_wait()
        last = model.rowCount() - 1
        ends.append(watch.time(partial(view.scrollToBottom), needs_reset=False,
                               row=lambda last=last: last))
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    value = statistics.median(ends) * 1000
    return [entry("roster page at the end, sorted by unit, 100k", value, "ms", "<= 100 ms",
                  value <= 100, None, rows=model.rowCount(),
                  sort_by_unit_first_rows_ms=round(statistics.median(sorts) * 1000, 1))]


def _settle(model: Any) -> None:
    """Let the model read all of its list (ours reads off the GUI thread)."""
    wait = getattr(model, "wait_loaded", None)
    if wait is not None:
        wait()
    app_wait()


def app_wait(seconds: float = 0.02) -> None:
    """Let pending events (repaints, timers) run."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        _pump()


def peak_rss_mb() -> tuple[float, str]:
    """The process's RSS high-water mark and where it was read.

    On Linux getrusage's ru_maxrss survives execve, so a child started by a parent that
    once used 350 MB reports at least 350 MB; the kernel's per-process VmHWM does not."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024, "VmHWM (/proc/self/status)"
    except OSError:
        pass
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024,
            "resource.getrusage ru_maxrss")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--settle", type=float, default=SEARCH_SETTLE_S,
                        help="seconds to let the search box's typing pause run out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as settings_dir, NoneGuard() as leaks:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        _app()
        results = measure(args.db, args.repeats, args.settle)
    peak, source = peak_rss_mb()
    results.append(entry("peak memory of the GUI process (RSS high-water mark)", peak, "MB",
                         f"< {MEMORY_MB:.0f} MB", peak < MEMORY_MB, measured_by=source))
    for result in results:
        result["pyside_none_leak"] = leaks
    out = json.dumps(results, ensure_ascii=False, indent=2)
    if args.out:
        args.out.write_text(out, "utf-8")
    else:
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
