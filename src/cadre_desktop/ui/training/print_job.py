"""Making a class's PDF off the GUI thread: the shared print job (ui.print_job) with the
class's documents by name."""

from __future__ import annotations

from pathlib import Path

from cadre_desktop.ui import print_job

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


class PrintJob(print_job.PrintJob):
    def __init__(self, db_path: Path, kind: str, class_id: str, out_path: Path,
                 number: str | None = None) -> None:
        if kind not in DOCUMENTS:
            raise ValueError(kind)
        options = {} if kind == "certificates" else {"number": number or None}
        super().__init__(db_path, DOCUMENTS[kind], [class_id], out_path, options)
        self.kind = kind
        self.class_id = class_id
        self.number = number or None


running_jobs = print_job.running_jobs
