"""Making a class's PDF off the GUI thread.

A database connection belongs to the thread that opened it, so the job opens its own
(read-only) on the same file and closes it when done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from cadre_desktop.domain.errors import UserError
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.errors import bug_report_text

# Document kind -> the name of its function in cadre_desktop.printing.
DOCUMENTS = {
    "attendance": "print_attendance",
    "participants": "print_participants",
    "schedule": "print_schedule",
    "certificates": "print_certificates",
}
# ASCII file names (a Vietnamese name can trouble an old viewer or a USB stick).
FILE_NAMES = {
    "attendance": "diem-danh.pdf",
    "participants": "danh-sach-hoc-vien.pdf",
    "schedule": "lich-hoc.pdf",
    "certificates": "giay-chung-nhan.pdf",
}

_running: set[PrintJob] = set()  # kept alive until their thread has ended


class PrintJob(QThread):
    succeeded = Signal(str, int)  # the PDF's path, its pages
    failed = Signal(str, bool)  # the message, whether it is a bug report

    def __init__(self, db_path: Path, kind: str, class_id: str, out_path: Path,
                 number: str | None = None) -> None:
        super().__init__()
        if kind not in DOCUMENTS:
            raise ValueError(kind)
        self.db_path = Path(db_path)
        self.kind = kind
        self.class_id = class_id
        self.out_path = Path(out_path)
        self.number = number or None
        self.finished.connect(self._ended)

    def begin(self) -> None:
        _running.add(self)
        self.start()

    def run(self) -> None:
        from cadre_desktop import printing

        make = getattr(printing, DOCUMENTS[self.kind])
        options = {} if self.kind == "certificates" else {"number": self.number}
        try:
            db = open_database(self.db_path, read_only=True)
            try:
                pages = int(make(db, self.class_id, self.out_path, **options))
            finally:
                db.close()
        except UserError as exc:
            self.failed.emit(exc.message, False)
            return
        except Exception as exc:  # a bug: reported to the clerk with its traceback
            self.failed.emit(bug_report_text(type(exc), exc, exc.__traceback__), True)
            return
        self.succeeded.emit(str(self.out_path), pages)

    def _ended(self) -> None:
        # `finished` comes just before the thread really ends; the object may only go
        # once it has.
        self.wait()
        _running.discard(self)


def running_jobs() -> int:
    return len(_running)
