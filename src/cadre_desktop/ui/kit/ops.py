"""One way to run long work: a service call on a worker thread (the idea of Anki's
CollectionOp/QueryOp).

`run_op(parent, work, title=...)` calls `work(db, progress)` on a QThread with a database
connection of its own (a connection belongs to the thread that opened it), read-only
unless the op writes. The one progress type of the core (domain.progress.Progress) drives
a progress dialog whose Cancel works: it sets the progress's cancel flag, the service
raises Cancelled at its next step, and its transaction rolls back.

The outcome is handed over on the GUI thread once the thread has ended and the dialog is
closed, so a message box that follows never sits under it: a refusal (UserError) is
shown as a warning, anything else as a bug report, both the one way (ui.errors). An op
that writes tells the runner, which reads the audit trail for the tables that changed
and announces them (`OpRunner.data_changed`), so only the pages showing those tables
reload.

Every running op is known to the runner: closing the window asks, cancels them and waits
for their threads, so quitting never aborts the process half way through a write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Cancelled, Progress, Step
from cadre_desktop.services import changes
from cadre_desktop.services.failures import explain
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import BugReportDialog, bug_report_text
from cadre_desktop.ui.kit import gc_guard

Work = Callable[[Database, Progress], Any]
STEPS = 1000


class _Worker(QThread):
    stepped = Signal(object)  # domain.progress.Step

    def __init__(self, db_path: Path, work: Work, writes: bool) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.work = work
        self.writes = writes
        self.progress = Progress(self.stepped.emit)
        self.result: Any = None
        self.refusal: UserError | None = None
        self.bug: str | None = None

    def run(self) -> None:
        from cadre_desktop.services.session import open_for_work

        try:
            db = open_for_work(self.db_path, writes=self.writes)
            try:
                self.result = self.work(db, self.progress)
            finally:
                db.close()
        except UserError as exc:
            self.refusal = exc
        except Exception as exc:  # a bug, unless a full disk or a damaged file
            known = explain(exc)
            if known is not None:
                self.refusal = known
            else:
                self.bug = bug_report_text(type(exc), exc, exc.__traceback__)


class Op(QObject):
    """One piece of work in its thread. Signals come on the GUI thread after the thread
    has ended: succeeded(result), failed(message) for a refusal or a cancel (a bug is
    shown with its report and fails nothing more), then ended().

    A cancelled op that only reads is thrown away even when it got to the end; one that
    writes reports what it did, since its transaction committed."""

    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()
    stepped = Signal(object)  # domain.progress.Step, for a page showing its own progress

    def __init__(self, runner: OpRunner, parent: QWidget | None, db_path: Path, work: Work, *,
                 title: str, label: str, writes: bool, show_progress: bool,
                 show_failures: bool, background: bool = False) -> None:
        super().__init__(runner)
        self.runner = runner
        self.background = background  # started by the program, not the clerk
        self._parent = parent
        self.title = title
        self.writes = writes
        self.show_failures = show_failures
        self.cancel_requested = False
        self.worker = _Worker(db_path, work, writes)
        self.worker.stepped.connect(self._stepped)
        self.worker.finished.connect(self._ended)
        self.dialog: QProgressDialog | None = None
        if show_progress:
            dialog = QProgressDialog(label or title, QCoreApplication.translate("Ops", "Cancel"),
                                     0, STEPS, parent)
            dialog.setObjectName("opProgress")
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(400)
            dialog.setMinimumWidth(420)
            dialog.setValue(0)
            dialog.canceled.connect(self.cancel)
            self.dialog = dialog

    @property
    def running(self) -> bool:
        return self in self.runner.running

    def cancel(self) -> None:
        """Ask the work to stop; it rolls back and ends with a refusal (Cancelled)."""
        self.cancel_requested = True
        self.worker.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(
                QCoreApplication.translate("Ops", "Cancelling… nothing will be changed."))

    def wait(self) -> None:
        """Block until the thread has ended and the outcome was handed over."""
        self.worker.wait()
        QCoreApplication.sendPostedEvents(self.worker)
        QCoreApplication.sendPostedEvents(self)
        if self.running:
            self._ended()

    def _stepped(self, step: Step) -> None:
        if self.cancel_requested:
            return
        self.stepped.emit(step)
        if self.dialog is None:
            return
        if step.what:
            self.dialog.setLabelText(step.what)  # the services' own (Vietnamese) words
        self.dialog.setValue(max(0, min(STEPS - 1, round(step.fraction * STEPS))))

    def _ended(self) -> None:
        if not self.running:
            return
        # `finished` comes just before the thread really ends; the objects may only go
        # once it has.
        self.worker.wait()
        self.runner._forget(self)
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        worker = self.worker
        if self.writes:
            self.runner.data_written()
        if worker.refusal is None and worker.bug is None and self.cancel_requested \
                and not self.writes:
            worker.refusal = Cancelled()
        if worker.bug is not None:
            BugReportDialog(worker.bug, self._parent).exec()
        elif worker.refusal is not None:
            refusal = worker.refusal
            if self.show_failures and not isinstance(refusal, Cancelled):
                messages.warn(self._parent, self.title, refusal.message)
            self.failed.emit(refusal.message)
        else:
            self.succeeded.emit(worker.result)
        self.ended.emit()
        worker.deleteLater()
        self.deleteLater()


class OpRunner(QObject):
    """The ops of one database, and the tables they (and the GUI's own edits) changed."""

    data_changed = Signal(object)  # frozenset[str]: table names

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.running: list[Op] = []
        self._seen = changes.last_change(db)

    def set_database(self, db: Database) -> None:
        self.db = db
        self._seen = changes.last_change(db)

    def start(self, parent: QWidget | None, work: Work, *, title: str, label: str = "",
              writes: bool = False, show_progress: bool = True,
              show_failures: bool = True, background: bool = False) -> Op:
        op = Op(self, parent, self.db.path, work, title=title, label=label, writes=writes,
                show_progress=show_progress, show_failures=show_failures,
                background=background)
        self.running.append(op)
        op.worker.start()
        return op

    @property
    def clerks_work(self) -> list[Op]:
        """The running ops the clerk started (closing the window asks about these)."""
        return [op for op in self.running if not op.background]

    def data_written(self) -> None:
        """Something was written (by an op or on the GUI thread): announce the tables the
        audit trail names since the last call."""
        tables, self._seen = changes.tables_changed_since(self.db, self._seen)
        if tables:
            self.data_changed.emit(tables)

    def cancel_all_and_wait(self, finish_background: bool = False) -> None:
        """Cancel the running ops and wait for their threads; finish_background: let the
        program's own background work (the daily backup) finish instead."""
        for op in list(self.running):
            if not (finish_background and op.background):
                op.cancel()
        for op in list(self.running):
            op.wait()

    def _forget(self, op: Op) -> None:
        if op in self.running:
            self.running.remove(op)


_runners: dict[int, OpRunner] = {}


def runner_for(db: Database) -> OpRunner:
    """The runner of an open database (one per Database object, parented to the
    application so that it outlives any page)."""
    app = QApplication.instance()
    if app is not None:
        gc_guard.install(app)  # threads start here: collect on the GUI thread only
    found = _runners.get(id(db))
    if found is None or found.db is not db:
        found = OpRunner(db, QApplication.instance())
        _runners[id(db)] = found
    return found


def run_op(parent: QWidget | None, db: Database, work: Work, *, title: str, label: str = "",
           writes: bool = False, on_success: Callable[[Any], None] | None = None,
           on_failure: Callable[[str], None] | None = None, show_progress: bool = True,
           show_failures: bool = True, background: bool = False) -> Op:
    """Run work(db, progress) on a worker with its own connection to db's file.
    background: work the program starts itself (the daily backup), shown nowhere and
    stopped without asking when the window closes."""
    op = runner_for(db).start(parent, work, title=title, label=label, writes=writes,
                              show_progress=show_progress, show_failures=show_failures,
                              background=background)
    if on_success is not None:
        op.succeeded.connect(on_success)
    if on_failure is not None:
        op.failed.connect(on_failure)
    return op
