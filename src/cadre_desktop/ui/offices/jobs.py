"""Bundle work off the GUI thread, with a progress dialog and a Cancel button.

Exports, dry runs and imports read and write a whole office (a province: every district),
so they run in a QThread. A database connection belongs to the thread that opened it:
the job opens its own Database on the same file and closes it when done. The services
take a domain.progress.Progress; Cancel cancels it, and the service raises Cancelled,
which rolls its transaction back.

The result is handed over when the thread has ended and the progress dialog is closed,
so a message box that follows never sits under it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress, Step
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import BugReportDialog, bug_report_text

Work = Callable[[Database, Progress], Any]
STEPS = 1000

_running: set[BundleJob] = set()  # kept alive until their thread has ended


class _Worker(QThread):
    progressed = Signal(str, float)

    def __init__(self, db_path: Path, work: Work) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.work = work
        self.cancel_requested = threading.Event()
        self.progress = Progress(self._progress)
        self.result: Any = None
        self.error: tuple[str, bool] | None = None  # message, whether it is a bug report

    def run(self) -> None:
        try:
            db = open_database(self.db_path)
            try:
                self.result = self.work(db, self.progress)
            finally:
                db.close()
        except UserError as exc:
            self.error = (exc.message, False)
        except Exception as exc:  # a bug: reported to the clerk with its traceback
            self.error = (bug_report_text(type(exc), exc, exc.__traceback__), True)

    def request_cancel(self) -> None:
        self.cancel_requested.set()
        self.progress.cancel()

    def _progress(self, step: Step) -> None:
        self.progressed.emit(step.what, step.fraction)


class BundleJob(QObject):
    """One piece of work in its thread; succeeded(result) or failed(message) once the
    thread has ended. A refusal is shown to the clerk here unless on_failure is given."""

    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, parent: QWidget, db_path: Path, title: str, label: str,
                 work: Work) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self.worker = _Worker(db_path, work)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._ended)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, STEPS, parent)
        dialog.setObjectName("bundleProgress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(400)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self.cancel)
        self.progress = dialog
        self.show_failures = True

    def start(self) -> None:
        _running.add(self)
        self.progress.setValue(0)
        self.worker.start()

    def cancel(self) -> None:
        self.worker.request_cancel()
        self.progress.setLabelText(self.tr("Cancelling… nothing will be changed."))

    @property
    def running(self) -> bool:
        return self in _running

    def _progressed(self, what: str, fraction: float) -> None:
        if self.worker.cancel_requested.is_set():
            return
        self.progress.setLabelText(what)  # the services' own (Vietnamese) words
        self.progress.setValue(max(0, min(STEPS, round(fraction * STEPS))))

    def _ended(self) -> None:
        # `finished` comes just before the thread really ends; wait for it.
        self.worker.wait()
        _running.discard(self)
        self.progress.close()
        self.progress.deleteLater()
        error = self.worker.error
        if error is None:
            self.succeeded.emit(self.worker.result)
        else:
            message, is_bug = error
            if is_bug:
                BugReportDialog(message, self._parent).exec()
            elif self.show_failures:
                messages.warn(self._parent, self._title, message)
            self.failed.emit(message)
        self.ended.emit()
        self.worker.deleteLater()
        self.deleteLater()


def start_job(parent: QWidget, db_path: Path, title: str, label: str, work: Work,
              on_success: Callable[[Any], None]) -> BundleJob:
    job = BundleJob(parent, db_path, title, label, work)
    job.succeeded.connect(on_success)
    job.start()
    return job


def running_jobs() -> int:
    return len(_running)
