"""The class's printed documents: made as PDF off the GUI thread, then shown in the print
preview, from where the clerk prints them or saves them. Ctrl+P makes the attendance sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTemporaryDir, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import doc_numbers
from cadre_desktop.services.training import TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.preview import PrintPreview
from cadre_desktop.ui.kit.printing import save_pdf
from cadre_desktop.ui.kit.tables import button, button_row

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


class PrintTab(QWidget):
    message = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printTab")
        self._db = db
        self._class: TrainingClass | None = None
        self._temp = QTemporaryDir()
        self.job: Op | None = None
        self.last_pdf: Path | None = None
        self.buttons: dict[str, QPushButton] = {}
        titles = {"attendance": self.tr("&Attendance sheet"),
                  "participants": self.tr("&Participant list"),
                  "schedule": self.tr("&Schedule"),
                  "certificates": self.tr("&Certificates")}
        for kind in DOCUMENTS:
            self.buttons[kind] = button(titles[kind], self._maker(kind), f"print_{kind}")
        self.number = QLineEdit()
        self.number.setObjectName("documentNumber")
        self.number.setPlaceholderText(self.tr("the number from the register, e.g. 15 "
                                               "(left blank on the paper when empty)"))
        self.number.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.number_preview = QLabel()
        self.number_preview.setObjectName("documentNumberPreview")
        self.number_preview.setWordWrap(True)
        self.number.textChanged.connect(self.show_number)
        form = QFormLayout()
        form.addRow(self.tr("Document &number:"), self.number)
        form.addRow("", self.number_preview)
        make_box = QGroupBox(self.tr("Make a document (PDF, A4)"))
        make_layout = QVBoxLayout(make_box)
        make_layout.addLayout(form)
        make_layout.addLayout(button_row(*self.buttons.values()))

        self.result = QLabel(self.tr("No document made yet."))
        self.result.setObjectName("printResult")
        self.result.setWordWrap(True)
        self.preview: PrintPreview | None = None
        self._title = ""
        self.open_button = button(self.tr("Print pre&view…"), self.open_pdf, "openPdf")
        self.save_button = button(self.tr("Save as &PDF…"), self.save_pdf, "savePdf")
        result_box = QGroupBox(self.tr("Document"))
        result_layout = QVBoxLayout(result_box)
        result_layout.addWidget(self.result)
        result_layout.addLayout(button_row(self.open_button, self.save_button))
        layout = QVBoxLayout(self)
        layout.addWidget(make_box)
        layout.addWidget(result_box)
        layout.addStretch(1)
        self._show_result(None, 0, "")
        self.show_number()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.show_number()

    def show_number(self) -> None:
        """The number as the lists will print it, live; why it cannot be used when it
        cannot (the lists' buttons wait for a usable number)."""
        if self._db is None:
            return
        typed = self.number.text()
        found = {kind: doc_numbers.number_preview(self._db, typed, doc_kind)
                 for kind, doc_kind in doc_numbers.KINDS.items()}
        lists, schedule = found["attendance"], found["schedule"]
        if lists.ok:
            text = self.tr("On the paper: %1").replace("%1", lists.line)
            if schedule.ok:
                text += " " + self.tr("(the schedule: %1)").replace("%1", schedule.line)
            self.number_preview.setText(text)
            self.number_preview.setStyleSheet("")
        else:
            self.number_preview.setText(lists.message)
            self.number_preview.setStyleSheet("color: #b00020;")
        for kind, made in self.buttons.items():
            usable = kind not in found or found[kind].ok
            made.setEnabled(self.job is None and usable)

    def load(self, cls: TrainingClass) -> None:
        if self._class is None or self._class.id != cls.id:
            self._show_result(None, 0, "")
        self._class = cls
        self.show_number()  # the settings may have changed since

    def print_default(self) -> None:
        """Ctrl+P: the attendance sheet, the document a class prints most; when the
        number typed cannot be used, the status bar says why."""
        if self._class is None or self.job is not None:
            return
        if not self.buttons["attendance"].isEnabled():
            self.message.emit(self.number_preview.text())
            return
        self.make("attendance")

    def _maker(self, kind: str) -> Callable[[], None]:
        return lambda: self.make(kind)

    def make(self, kind: str) -> None:
        """Start making a document (an op, with its progress and Cancel); the preview
        shows it when it is ready."""
        if self._class is None or self.job is not None:
            return
        out = Path(self._temp.path()) / FILE_NAMES[kind]
        class_id = self._class.id
        number = self.number.text().strip() or None
        options = {} if kind == "certificates" else {"number": number}

        def work(db: Database, progress: Progress) -> int:
            from cadre_desktop import printing

            progress.check()
            return int(getattr(printing, DOCUMENTS[kind])(db, class_id, out, **options))

        for made in self.buttons.values():
            made.setEnabled(False)
        self.job = run_op(self, self._db, work, title=self.tr("Print"),
                          label=self.tr("Making the document…"),
                          on_success=lambda pages: self._done(kind, out, int(pages)),
                          show_failures=False, on_failure=self._failed)
        self.job.ended.connect(self._job_ended)

    def _job_ended(self) -> None:
        self.job = None
        for made in self.buttons.values():
            made.setEnabled(True)
        self.show_number()

    def _done(self, kind: str, path: Path, pages: int) -> None:
        titles = {"attendance": self.tr("Attendance sheet"),
                  "participants": self.tr("Participant list"),
                  "schedule": self.tr("Schedule"), "certificates": self.tr("Certificates")}
        self._show_result(path, pages, titles[kind])
        self.message.emit(self.tr("%1 ready (%Ln pages)", "", pages).replace("%1", titles[kind]))
        self.open_pdf()

    def _failed(self, text: str) -> None:
        if self.job is not None and self.job.cancel_requested:
            self.message.emit(self.tr("Printing cancelled"))
            return
        messages.warn(self, self.tr("Cannot make the document"), text)

    def _show_result(self, path: Path | None, pages: int, title: str) -> None:
        self.last_pdf = path
        self._title = title
        self.open_button.setEnabled(path is not None)
        self.save_button.setEnabled(path is not None)
        if path is None:
            self.result.setText(self.tr("No document made yet."))
        else:
            self.result.setText(self.tr("%1: %Ln pages, ready to print or save.", "", pages)
                                .replace("%1", title))

    def open_pdf(self) -> None:
        """Show the document made last in the print preview."""
        if self.last_pdf is None:
            return
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = PrintPreview(self.last_pdf, self._title, self)
        self.preview.saved.connect(
            lambda copy: self.message.emit(self.tr("Saved %1").replace("%1", copy)))
        self.preview.open()

    def save_pdf(self) -> None:
        if self.last_pdf is None:
            return
        copy = save_pdf(self, self.last_pdf)
        if copy is not None:
            self.message.emit(self.tr("Saved %1").replace("%1", str(copy)))
