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
from functools import partial
from pathlib import Path
from typing import Any

from common import Entry, entry, skipped
from gui_watch import Baseline, NoneGuard, Watch, _app, _pump
from PySide6.QtCore import (
    QSettings,
    Qt,
)
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

from cadre_desktop.domain import text
from cadre_desktop.store import roster_query
from cadre_desktop.store.db import open_database
from cadre_desktop.store.roster_query import RosterFilter

FIRST_ROWS_MS = 500.0
FILTER_MS = 100.0
MEMORY_MB = 300.0
SEARCH_SETTLE_S = 0.6  # longer than any typing pause the search box waits for
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
