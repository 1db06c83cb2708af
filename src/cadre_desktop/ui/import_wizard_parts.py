"""Pieces of the import wizard: the preview's columns, the names of the fields a column
can be read as, and the first page (file, sheet, encoding). The wizard's work runs as
ops (kit.ops).

The preview model answers every paint from what the worker computed: a row's outcome
text, its reason and which of its cells change are looked up, never worked out again, so
a 100,000-row preview costs the GUI thread only the cells on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.importing import tabular
from cadre_desktop.importing.headers import RATING_PREFIX, SKIP
from cadre_desktop.importing.roster_preview import (
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    PreviewColumn,
    PreviewRow,
)
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.table_model import LEFT, RIGHT, Column, ListTableModel

REJECTED_COLOUR = QColor(255, 205, 205)
WARNING_COLOUR = QColor(255, 241, 168)
CHANGED_COLOUR = QColor(205, 228, 255)  # a cell whose value the import changes
# A column read as one of these changes the field named here (roster_check's field keys).
_CHANGE_OF_FIELD = {"family_middle": "full_name", "given_name": "full_name",
                    "birth_male": "birth", "birth_female": "birth", "branch": "unit"}


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


def _outcome_text() -> Any:
    """row -> "New", "Changed: Full name, Unit", "Unchanged" or "Rejected" (the words
    translated once, not on every paint)."""
    words = {NEW: QCoreApplication.translate("ImportWizard", "New"),
             UPDATE: QCoreApplication.translate("ImportWizard", "Changed"),
             UNCHANGED: QCoreApplication.translate("ImportWizard", "Unchanged"),
             REJECTED: QCoreApplication.translate("ImportWizard", "Rejected")}
    changed = QCoreApplication.translate("ImportWizard", "Changed: %1")
    names = field_names()

    def text(row: PreviewRow) -> str:
        if row.status != UPDATE or not row.fields:
            return words.get(row.status, row.status)
        return changed.replace("%1", ", ".join(
            field_name(key) if key.startswith(RATING_PREFIX) else names.get(key, key)
            for key in row.fields))

    return text


def _note(row: PreviewRow) -> str:
    return row.reason if row.status == REJECTED else "; ".join(row.warnings)


def _full_note(row: PreviewRow) -> str:
    return row.reason if row.status == REJECTED else "\n".join(row.warnings)


def _cell(index: int) -> Any:
    return lambda row: row.cells[index] if index < len(row.cells) else ""


FIXED_COLUMNS = 3  # Row, Result, Reason; the file's own columns follow


class PreviewModel(ListTableModel[PreviewRow]):
    """The sheet's person rows: sheet row, outcome, the reason a row is rejected (or its
    warnings), then the file's columns. Rejected rows are red, rows with warnings yellow,
    the cells an update changes blue, unchanged rows grey."""

    def __init__(self, headings: list[str], parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._changes: list[str | None] = []
        self.set_headings(headings)

    def set_headings(self, headings: list[str],
                     columns: list[PreviewColumn] | None = None) -> None:
        """The file's own columns (set before the rows, on a new preview); columns: what
        each is read as, to show the cells an update changes."""
        self.beginResetModel()
        fields = [c.field for c in columns or []]
        fields += [None] * (len(headings) - len(fields))
        changes: list[str | None] = [None] * FIXED_COLUMNS
        self._changes = changes + [_CHANGE_OF_FIELD.get(f, f) if f else None for f in fields]
        self._columns = [
            Column(QCoreApplication.translate("ImportWizard", "Row"), lambda r: str(r.row),
                   RIGHT, _full_note),
            Column(QCoreApplication.translate("ImportWizard", "Result"), _outcome_text(),
                   LEFT, _full_note),
            Column(QCoreApplication.translate("ImportWizard", "Reason or warning"), _note,
                   LEFT, _full_note),
            *[Column(heading, _cell(i), LEFT, _full_note) for i, heading in enumerate(headings)],
        ]
        self.endResetModel()

    @property
    def rows_shown(self) -> list[PreviewRow]:
        return self._rows

    def highlight(self, record: PreviewRow, column: int) -> QColor | None:
        if record.status == REJECTED:
            return REJECTED_COLOUR
        if record.fields and column < len(self._changes):
            change = self._changes[column]
            if change is not None and change in record.fields:
                return CHANGED_COLOUR
        return WARNING_COLOUR if record.warnings else None

    def muted(self, record: PreviewRow) -> bool:
        return record.status == UNCHANGED


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
        path = prompts.open_file_name(
            self,
            self.tr("Choose a roster file"),
            self.path_edit.text(),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.csv)"),
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
