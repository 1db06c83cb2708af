"""Reads off the GUI thread (the idea of Anki's QueryOp): a list's rows, a search's keys.

One long-lived worker thread per database file, with its own read-only connection, runs
the queries in the order they were asked. A query belongs to a channel (a page's list);
a newer query on the same channel supersedes an older one that has not started, and a
running one learns it was superseded through its Progress (it raises Cancelled at its
next step), so typing ahead never queues stale searches.

A query may hand over its result in parts (`yield` them): the first rows of a long list
are shown while the rest are still read. Parts and the end come back on the GUI thread.
Errors are shown the one way (ui.errors): a refusal as a warning, anything else as a bug
report.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Cancelled, Progress
from cadre_desktop.services.failures import explain
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import bug_report_text
from cadre_desktop.ui.kit import gc_guard

# A query: reads with the worker's connection; returns one result, or yields parts.
Query = Callable[[Database, Progress], Any]


@dataclass
class _Request:
    channel: str
    serial: int
    query: Query
    parts: bool
    on_part: Callable[[Any], None] | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[str, bool], None] | None
    progress: Progress = field(default_factory=Progress)


class _Thread(QThread):
    part = Signal(object, object)  # request, payload
    done = Signal(object, object)  # request, result
    error = Signal(object, str, bool)  # request, message, is a bug report

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.requests: queue.Queue[_Request | None] = queue.Queue()

    def run(self) -> None:
        from cadre_desktop.services.session import open_for_work

        db: Database | None = None
        try:
            while True:
                request = self.requests.get()
                if request is None:
                    return
                if request.progress.cancelled:
                    continue
                try:
                    if db is None:
                        db = open_for_work(self.db_path, writes=False)
                    self._answer(db, request)
                except Cancelled:
                    continue
                except UserError as exc:
                    self.error.emit(request, exc.message, False)
                except Exception as exc:  # a bug, unless a full disk or a damaged file
                    known = explain(exc)
                    if known is not None:
                        self.error.emit(request, known.message, False)
                    else:
                        self.error.emit(request, bug_report_text(type(exc), exc,
                                                                 exc.__traceback__), True)
        finally:
            if db is not None:
                db.close()

    def _answer(self, db: Database, request: _Request) -> None:
        # Each query sees one snapshot of the file, even when read in parts.
        db.conn.execute("BEGIN")
        try:
            result = request.query(db, request.progress)
            if request.parts:
                assert isinstance(result, Iterator)
                for payload in result:
                    request.progress.check()
                    self.part.emit(request, payload)
                result = None
            request.progress.check()
            self.done.emit(request, result)
        finally:
            db.conn.execute("COMMIT")


class QueryRunner(QObject):
    """The query thread of one database file."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._serials: dict[str, int] = {}
        self._current: dict[str, _Request] = {}
        self._thread = _Thread(self.db_path)
        self._thread.part.connect(self._part)
        self._thread.done.connect(self._done)
        self._thread.error.connect(self._error)
        self._thread.start()

    def ask(self, channel: str, query: Query, *, parts: bool = False,
            on_part: Callable[[Any], None] | None = None,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[str, bool], None] | None = None) -> None:
        """Run query on the worker; an unfinished earlier query of the channel is
        dropped (its callbacks are never called)."""
        serial = self._serials.get(channel, 0) + 1
        self._serials[channel] = serial
        previous = self._current.get(channel)
        if previous is not None:
            previous.progress.cancel()
        request = _Request(channel, serial, query, parts, on_part, on_done, on_error)
        self._current[channel] = request
        self._thread.requests.put(request)

    def forget(self, channel: str) -> None:
        """Drop the unfinished queries of the channel and of every channel below it
        ("list" covers "list/page/3"): their callbacks are never called."""
        for name in [c for c in self._current if c == channel or c.startswith(channel + "/")]:
            self._current.pop(name).progress.cancel()

    def busy(self, channel: str) -> bool:
        return channel in self._current

    @property
    def idle(self) -> bool:
        """No query is waiting or running."""
        return not self._current

    def wait_idle(self, channel: str, timeout_ms: int = 10_000) -> bool:
        """Process events until the channel's query has ended (tests, benchmarks)."""
        import time

        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.monotonic() + timeout_ms / 1000
        while channel in self._current and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return channel not in self._current

    def stop(self) -> None:
        for request in self._current.values():
            request.progress.cancel()
        self._current.clear()
        self._thread.requests.put(None)
        self._thread.wait()

    def _live(self, request: _Request) -> bool:
        return self._current.get(request.channel) is request

    def _part(self, request: _Request, payload: Any) -> None:
        if self._live(request) and request.on_part is not None:
            request.on_part(payload)

    def _done(self, request: _Request, result: Any) -> None:
        if not self._live(request):
            return
        del self._current[request.channel]
        if request.on_done is not None:
            request.on_done(result)

    def _error(self, request: _Request, message: str, is_bug: bool) -> None:
        if not self._live(request):
            return
        del self._current[request.channel]
        if request.on_error is not None:
            request.on_error(message, is_bug)
            return
        from cadre_desktop.ui import messages
        from cadre_desktop.ui.errors import BugReportDialog

        parent = QApplication.activeWindow()
        if is_bug:
            BugReportDialog(message, parent).exec()
        else:
            messages.warn(parent, self.tr("Cannot show the list"), message)


_runners: dict[str, QueryRunner] = {}


def queries_for(db: Database) -> QueryRunner:
    """The query runner of db's file; stopped when the application quits."""
    key = str(Path(db.path).resolve())
    app = QApplication.instance()
    if app is not None:
        gc_guard.install(app)  # a thread starts here: collect on the GUI thread only
    found = _runners.get(key)
    if found is None:
        found = QueryRunner(Path(db.path), app)
        _runners[key] = found
        if app is not None:
            app.aboutToQuit.connect(found.stop)
    return found


def stop_all() -> None:
    """Stop every query thread (the window closing; tests between databases)."""
    for runner in list(_runners.values()):
        runner.stop()
    _runners.clear()
