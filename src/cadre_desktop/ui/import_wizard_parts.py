"""Pieces of the import wizard: the background job, the preview table model, the names
of the fields a column can be read as, and the first page (file, sheet, encoding)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress, Step
from cadre_desktop.importing import tabular
from cadre_desktop.importing.headers import RATING_PREFIX, SKIP
from cadre_desktop.importing.roster_preview import NEW, REJECTED, UNCHANGED, UPDATE, PreviewRow
from cadre_desktop.services.failures import explain
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui.errors import bug_report_text

Work = Callable[[Database, Progress], object]
_STEPS = 1000  # the progress signal's scale
Index = QModelIndex | QPersistentModelIndex

REJECTED_COLOUR = QColor(255, 205, 205)
WARNING_COLOUR = QColor(255, 241, 168)

_running: set[ImportJob] = set()  # kept alive until their thread has ended


def field_names() -> dict[str, str]:
    """Field key -> its name in the mapping table (ratings are added per year)."""
    return {
        "code": QCoreApplication.translate("ImportWizard", "ID (Mã)"),
        "full_name": QCoreApplication.translate("ImportWizard", "Full name"),
        "family_middle": QCoreApplication.translate("ImportWizard", "Family and middle name"),
        "given_name": QCoreApplication.translate("ImportWizard", "Given name"),
        "birth": QCoreApplication.translate("ImportWizard", "Date of birth"),
        "birth_male": QCoreApplication.translate("ImportWizard", "Birth year (men)"),
        "birth_female": QCoreApplication.translate("ImportWizard", "Birth year (women)"),
        "gender": QCoreApplication.translate("ImportWizard", "Gender"),
        "citizen_id": QCoreApplication.translate("ImportWizard", "Citizen ID number"),
        "phone": QCoreApplication.translate("ImportWizard", "Phone"),
        "unit": QCoreApplication.translate("ImportWizard", "Unit"),
        "branch": QCoreApplication.translate("ImportWizard", "Branch"),
        "position": QCoreApplication.translate("ImportWizard", "Position"),
        "working_status": QCoreApplication.translate("ImportWizard", "Working status"),
        "permanent_staff": QCoreApplication.translate("ImportWizard", "Permanent staff"),
        "party_status": QCoreApplication.translate("ImportWizard", "Party membership"),
        "planning": QCoreApplication.translate("ImportWizard", "Planned position"),
        "discipline_until": QCoreApplication.translate("ImportWizard", "Discipline until"),
        "no_rotation_until": QCoreApplication.translate(
            "ImportWizard", "Not sent on rotation until"
        ),
        "ethnicity": QCoreApplication.translate("ImportWizard", "Ethnicity"),
        "join_date": QCoreApplication.translate("ImportWizard", "Joined the Union on"),
        "theory_level": QCoreApplication.translate("ImportWizard", "Political theory"),
        "education": QCoreApplication.translate("ImportWizard", "Education"),
        "note": QCoreApplication.translate("ImportWizard", "Note"),
        SKIP: QCoreApplication.translate("ImportWizard", "Row number (ignored)"),
    }


def field_name(key: str) -> str:
    if key.startswith(RATING_PREFIX):
        return QCoreApplication.translate("ImportWizard", "Rating %1").replace(
            "%1", key.removeprefix(RATING_PREFIX)
        )
    return field_names().get(key, key)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ImportJob(QThread):
    """Runs work(db, progress) on a database connection of its own; progressed carries
    (done, total) on a scale of _STEPS, and cancel() stops the work at its next step."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # the message, whether it is a bug report

    def __init__(self, db_path: Path, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.work = work
        self.progress = Progress(self._step)
        self.finished.connect(self._ended)

    def begin(self) -> None:
        _running.add(self)
        self.start()

    def cancel(self) -> None:
        self.progress.cancel()

    def _step(self, step: Step) -> None:
        self.progressed.emit(int(step.fraction * _STEPS), _STEPS)

    def run(self) -> None:
        try:
            db = open_database(self.db_path)
            try:
                result = self.work(db, self.progress)
            finally:
                db.close()
        except UserError as exc:
            self.failed.emit(exc.message, False)
            return
        except Exception as exc:  # a bug: reported to the clerk with its traceback
            known = explain(exc)  # unless it is a full disk or a damaged database
            if known is not None:
                self.failed.emit(known.message, False)
            else:
                self.failed.emit(bug_report_text(type(exc), exc, exc.__traceback__), True)
            return
        self.succeeded.emit(result)

    def _ended(self) -> None:
        self.wait()
        _running.discard(self)


def running_jobs() -> int:
    return len(_running)


class PreviewModel(QAbstractTableModel):
    """The sheet's person rows: sheet row, outcome, then the file's columns. Rejected rows
    are red with the reason as tooltip, rows with warnings yellow."""

    def __init__(self, headings: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headings = headings
        self.rows: list[PreviewRow] = []

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.headings)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if section == 0:
            return QCoreApplication.translate("ImportWizard", "Row")
        if section == 1:
            return QCoreApplication.translate("ImportWizard", "Result")
        return self.headings[section - 2] if section - 2 < len(self.headings) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.row)
            if column == 1:
                return {
                    NEW: QCoreApplication.translate("ImportWizard", "New"),
                    UPDATE: QCoreApplication.translate("ImportWizard", "Update"),
                    UNCHANGED: QCoreApplication.translate("ImportWizard", "Unchanged"),
                    REJECTED: QCoreApplication.translate("ImportWizard", "Rejected"),
                }.get(row.status, row.status)
            cells = row.cells
            return cells[column - 2] if column - 2 < len(cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.status == REJECTED:
                return QBrush(REJECTED_COLOUR)
            if row.warnings:
                return QBrush(WARNING_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.status == REJECTED:
                return row.reason
            return "\n".join(row.warnings) or None
        return None


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file with one person a row."))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.sheet_combo = QComboBox()
        self.legacy_combo = QComboBox()
        for text, mode in (
            (self.tr("Detect automatically"), "auto"),
            (self.tr("None (the file is Unicode)"), None),
            (self.tr("TCVN3 (ABC, .VnTime fonts)"), "tcvn3"),
            (self.tr("VNI (VNI-Times fonts)"), "vni"),
        ):
            self.legacy_combo.addItem(text, mode)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Old Vietnamese encoding:"), self.legacy_combo)
        form.addRow(self.error_label)
        self.path_edit.textChanged.connect(self._path_changed)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster file"),
            self.path_edit.text(),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv)"),
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self) -> None:
        self.sheet_combo.clear()
        self.error_label.clear()
        path = self.path()
        if path is not None:
            try:
                names = tabular.sheet_names(path)
            except UserError as exc:
                self.error_label.setText(exc.message)
                names = []
            else:
                self.sheet_combo.addItem(self.tr("The first sheet with a heading row"), None)
            for name in names:
                self.sheet_combo.addItem(name, name)
        self.sheet_combo.setEnabled(self.sheet_combo.count() > 1)
        self.completeChanged.emit()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text and Path(text).is_file() else None

    def sheet(self) -> str | None:
        data = self.sheet_combo.currentData()
        return str(data) if data else None

    def legacy(self) -> str | None:
        data = self.legacy_combo.currentData()
        return str(data) if data else None

    def isComplete(self) -> bool:
        return self.path() is not None and not self.error_label.text()
