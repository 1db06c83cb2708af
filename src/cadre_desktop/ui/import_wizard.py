"""The roster import wizard: file and sheet, column mapping and how people are matched,
preview (with the new units and the rejected rows), import.

Reading a big sheet and importing it run as ops (kit.ops), each on a worker with its own
database connection; the wizard only shows what they report. Nothing is written before
the last page, and then in one undoable action, with the same matching and unit choices
the preview showed. Back works up to the import: leaving the preview stops its read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.importing.headers import RATING_PREFIX
from cadre_desktop.importing.rejected_out import write_rejected
from cadre_desktop.importing.roster_import import ImportReport, import_roster
from cadre_desktop.importing.roster_preview import UNRECOGNISED, Preview, read_layout
from cadre_desktop.importing.roster_report import MATCH_CODE, MATCH_ID_NUMBER
from cadre_desktop.store.db import Database
from cadre_desktop.ui.import_wizard_parts import (
    WARNING_COLOUR,
    FilePage,
    column_letter,
    field_name,
    field_names,
)
from cadre_desktop.ui.import_wizard_preview import PreviewPage
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.tables import button, button_row


class MappingPage(QWizardPage):
    def __init__(self, files: FilePage) -> None:
        super().__init__()
        self.files = files
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Columns in yellow were not recognised: choose what they hold,"
                                 " or leave them out."))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Heading in the file"), self.tr("Read as")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.match_combo = QComboBox()
        self.match_combo.setObjectName("matchBy")
        self.match_combo.addItem(self.tr("Record ID (Mã)"), MATCH_CODE)
        self.match_combo.addItem(self.tr("Citizen ID number (Số CCCD)"), MATCH_ID_NUMBER)
        self.match_combo.activated.connect(self._match_chosen)
        self.match_combo.currentIndexChanged.connect(self._explain_match)
        self.match_note = QLabel()
        self.match_note.setWordWrap(True)
        match_form = QFormLayout()
        match_form.addRow(self.tr("Match people already in the roster by:"), self.match_combo)
        match_form.addRow(self.match_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table)
        layout.addLayout(match_form)
        self.layout_preview: Preview | None = None
        self.detected: dict[int, str] = {}
        self.combos: dict[int, QComboBox] = {}
        self.match_chosen = False  # the clerk chose; no more suggesting
        self._explain_match()

    def initializePage(self) -> None:
        self.table.setRowCount(0)
        self.combos.clear()
        self.layout_preview = None
        self.match_chosen = False
        path = self.files.path()
        try:
            if path is None:
                raise UserError(self.tr("Choose a file first"))
            preview = read_layout(path, self.files.sheet(), legacy=self.files.legacy())
        except UserError as exc:
            self.info.setText(exc.message)
            self.completeChanged.emit()
            return
        self.layout_preview = preview
        where = self.tr("sheet “%1”, ").replace("%1", preview.sheet) if preview.sheet else ""
        self.info.setText(self.tr("Headings found in %1row %2.").replace("%1", where)
                          .replace("%2", str(preview.header_row)))
        choices = dict(field_names())
        for column in preview.columns:
            if column.field and column.field.startswith(RATING_PREFIX):
                choices[column.field] = field_name(column.field)
        self.detected = {c.index: c.field for c in preview.columns if c.field}
        self.table.setRowCount(len(preview.columns))
        for row, column in enumerate(preview.columns):
            letter = QTableWidgetItem(column_letter(column.index))
            heading = QTableWidgetItem(column.heading)
            for item in (letter, heading):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column.status == UNRECOGNISED:
                    item.setBackground(QBrush(WARNING_COLOUR))
                    item.setToolTip(self.tr("Not recognised"))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for key, name in choices.items():
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(column.field or "")))
            combo.currentIndexChanged.connect(self._suggest_match)
            self.combos[column.index] = combo
            self.table.setItem(row, 0, letter)
            self.table.setItem(row, 1, heading)
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()
        self._suggest_match()
        self.completeChanged.emit()

    def _fields(self) -> set[str]:
        return {str(combo.currentData() or "") for combo in self.combos.values()}

    def _suggest_match(self) -> None:
        """Without a Mã column, people already in the roster can only be found by their
        Số CCCD: suggest that (rows would otherwise be refused as duplicates), unless the
        clerk chose."""
        if self.match_chosen:
            return
        fields = self._fields()
        by_id = "citizen_id" in fields and "code" not in fields
        self.match_combo.setCurrentIndex(
            self.match_combo.findData(MATCH_ID_NUMBER if by_id else MATCH_CODE))

    def _match_chosen(self) -> None:
        self.match_chosen = True

    def _explain_match(self) -> None:
        if self.match() == MATCH_ID_NUMBER:
            self.match_note.setText(self.tr(
                "A row updates the person with its Mã or, without one, the person holding"
                " its Số CCCD; other rows add new people."))
        else:
            self.match_note.setText(self.tr(
                "A row with a Mã updates that person; rows without one add new people."))

    def match(self) -> str:
        return str(self.match_combo.currentData() or MATCH_CODE)

    def overrides(self) -> dict[int, str]:
        """Columns the clerk mapped differently from what was detected."""
        changed: dict[int, str] = {}
        for index, combo in self.combos.items():
            key = str(combo.currentData() or "")
            if key != self.detected.get(index, ""):
                changed[index] = key
        return changed

    def isComplete(self) -> bool:
        return self.layout_preview is not None


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_rejected = button(self.tr("Save the rejected rows…"), self._save_rejected,
                                    "saveRejected")
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(button_row(self.save_rejected))
        layout.addWidget(self.saved)
        layout.addStretch(1)
        self.done = False
        self.report: ImportReport | None = None
        self.job: Op | None = None

    def initializePage(self) -> None:
        self.done = False
        self.report = None
        self.save_rejected.hide()
        self.saved.clear()
        self.summary.setText(self.tr("Importing…"))
        path, sheet, legacy = self.owner.choices()
        overrides = self.owner.mapping_page.overrides()
        match = self.owner.mapping_page.match()
        skip = self.owner.preview_page.valid_only.isChecked()
        unit_map = self.owner.preview_page.unit_map()

        def work(db: Database, progress: Progress) -> ImportReport:
            return import_roster(db, path, sheet=sheet, legacy=legacy, skip_invalid=skip,
                                 column_overrides=overrides, match=match, unit_map=unit_map,
                                 keep_rejected=True, progress=progress)

        self.job = self.owner.start(work, self._finished, self._failed, writes=True,
                                    label=self.tr("Importing the roster…"))
        self.completeChanged.emit()

    def _close_dialog(self) -> None:
        self.done = True
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self._close_dialog()
        self.summary.setText(self.tr("Nothing was imported.") + "\n" + message)

    def _finished(self, report: ImportReport) -> None:
        self._close_dialog()
        self.report = report
        lines = [self.tr("%1 people added, %2 updated, %3 unchanged.")
                 .replace("%1", str(report.imported)).replace("%2", str(report.updated))
                 .replace("%3", str(report.unchanged))]
        if report.rejected:
            lines.append(self.tr("%1 rejected rows were left out.")
                         .replace("%1", str(len(report.rejected))))
            self.save_rejected.show()
        if report.created_units:
            lines.append(self.tr("New units: %1").replace("%1", ", ".join(report.created_units)))
        if report.warnings:
            lines.append(self.tr("%1 warnings (see the preview).")
                         .replace("%1", str(len(report.warnings))))
        self.summary.setText("\n".join(lines))
        if report.written:
            self.owner.imported.emit()

    def _save_rejected(self) -> None:
        if self.report is not None:
            self.owner.save_rejected(self.report, self.saved.setText)

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """Emits imported() once the import has written to the database."""

    imported = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Import a roster"))
        # Back works up to the preview; the import itself cannot be gone back on.
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self.file_page)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.jobs: list[Op] = []
        self.resize(980, 700)

    def choices(self) -> tuple[Path, str | None, str | None]:
        path = self.file_page.path()
        if path is None:
            raise UserError(self.tr("Choose a file first"))
        return path, self.file_page.sheet(), self.file_page.legacy()

    def start(self, work: Any, on_done: Any, on_failed: Any, *, writes: bool = False,
              show_progress: bool = True, show_failures: bool = False, label: str = "") -> Op:
        job = run_op(self, self.db, work, title=self.windowTitle(), label=label,
                     writes=writes, show_progress=show_progress, show_failures=show_failures,
                     on_success=on_done, on_failure=on_failed)
        self.jobs = [j for j in self.jobs if j.running] + [job]
        return job

    def save_rejected(self, report: ImportReport, on_saved: Callable[[str], None]) -> None:
        """Ask where, then write the rejected rows with their reasons as .xlsx (an op);
        on_saved gets the sentence to show."""
        source = self.file_page.path() or Path.home() / "danh-sach.xlsx"
        start = source.with_name(self.tr("%1 - rejected rows.xlsx").replace("%1", source.stem))
        chosen = prompts.save_file_name(self, self.tr("Save the rejected rows"), str(start),
                                        self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")

        def work(_db: Database, _progress: Progress) -> int:
            return write_rejected(report, path)

        def saved(count: int) -> None:
            on_saved(self.tr("%1 rejected rows saved in %2.").replace("%1", str(count))
                     .replace("%2", str(path)))

        self.start(work, saved, lambda _message: None, show_failures=True,
                   label=self.tr("Saving the rejected rows…"))

    def done(self, result: int) -> None:
        # Closing while a job runs: stop it and let its thread end before the pages go.
        for job in self.jobs:
            if job.running:
                job.cancel()
                job.wait()
        self.jobs = []
        super().done(result)
