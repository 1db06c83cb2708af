"""The roster import wizard: file and sheet, column mapping, preview, import.

Reading a big sheet and importing it run as ops (kit.ops), each on a worker with its own
database connection; the wizard only shows what they report. Nothing is written before
the last page, and then in one undoable action.

The preview shows every row, but fits its columns to the first rows only: measuring a
column reads the cell of every row it looks at, and on 3,000 rows that alone cost more
than reading the whole sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QProgressBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress, Step
from cadre_desktop.importing.headers import RATING_PREFIX
from cadre_desktop.importing.roster_import import ImportReport, import_roster
from cadre_desktop.importing.roster_preview import (
    REJECTED,
    UNRECOGNISED,
    Preview,
    read_layout,
    read_preview,
)
from cadre_desktop.store.db import Database
from cadre_desktop.ui.import_wizard_parts import (
    WARNING_COLOUR,
    FilePage,
    PreviewModel,
    column_letter,
    field_name,
    field_names,
)
from cadre_desktop.ui.kit.ops import Op, run_op

FIT_ROWS = 100  # rows read to fit the preview's columns to their contents


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
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table)
        self.layout_preview: Preview | None = None
        self.detected: dict[int, str] = {}
        self.combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:
        self.table.setRowCount(0)
        self.combos.clear()
        self.layout_preview = None
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
            self.combos[column.index] = combo
            self.table.setItem(row, 0, letter)
            self.table.setItem(row, 1, heading)
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

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


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Rejected rows are red (the reason shows when you point at "
                                 "them), rows with warnings yellow. Nothing is saved yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PreviewModel([], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.legacy_label = QLabel()
        self.legacy_table = QTableWidget(0, 2)
        self.legacy_table.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Read as")])
        self.legacy_table.horizontalHeader().setStretchLastSection(True)
        self.valid_only = QCheckBox(self.tr("Import the valid rows only (leave out rejected rows)"))
        self.valid_only.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        for widget in (self.progress, self.summary, self.view, self.legacy_label,
                       self.legacy_table, self.valid_only):
            layout.addWidget(widget)
        layout.setStretch(2, 3)
        self.preview: Preview | None = None
        self.job: Op | None = None

    def initializePage(self) -> None:
        self.preview = None
        self.model.set_rows([])
        self.summary.setText(self.tr("Reading the file…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.legacy_label.hide()
        self.legacy_table.hide()
        self.valid_only.setChecked(False)
        self.valid_only.setEnabled(False)
        path, sheet, legacy = self.owner.choices()
        overrides = self.owner.mapping_page.overrides()

        def work(db: Database, progress: Progress) -> Preview:
            return read_preview(db, path, sheet, legacy=legacy, column_overrides=overrides,
                                skip_invalid=True, progress=progress)

        self.job = self.owner.start(work, self._loaded, self._failed, show_progress=False)
        self.job.stepped.connect(self._progressed)
        self.completeChanged.emit()

    def _progressed(self, step: Step) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(round(step.fraction * 1000))

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.summary.setText(message)

    def _loaded(self, preview: Preview) -> None:
        self.progress.hide()
        self.preview = preview
        report = preview.report or ImportReport()
        self.model.set_headings([c.heading or column_letter(c.index) for c in preview.columns])
        self.model.set_rows(preview.rows)
        self.view.resizeColumnsToContents()
        self.summary.setText(
            self.tr("%1 new people, %2 updates, %3 rejected rows, %4 warnings.")
            .replace("%1", str(report.imported)).replace("%2", str(report.updated))
            .replace("%3", str(len(report.rejected))).replace("%4", str(len(report.warnings))))
        self.valid_only.setEnabled(bool(report.rejected))
        if preview.legacy_samples:
            name = {"tcvn3": "TCVN3", "vni": "VNI"}.get(preview.legacy_encoding or "", "")
            self.legacy_label.setText(
                self.tr("The file is written in the old %1 encoding; it was converted:")
                .replace("%1", name))
            self.legacy_table.setRowCount(len(preview.legacy_samples))
            for row, (before, after) in enumerate(preview.legacy_samples):
                self.legacy_table.setItem(row, 0, QTableWidgetItem(before))
                self.legacy_table.setItem(row, 1, QTableWidgetItem(after))
            self.legacy_label.show()
            self.legacy_table.show()
        self.completeChanged.emit()

    def rejected_rows(self) -> list[int]:
        return [r.row for r in self.model.rows_shown if r.status == REJECTED]

    def cleanupPage(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def isComplete(self) -> bool:
        report = self.preview.report if self.preview else None
        if report is None or report.imported + report.updated == 0:
            return False
        return not report.rejected or self.valid_only.isChecked()


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.summary)
        self.done = False
        self.report: ImportReport | None = None
        self.job: Op | None = None

    def initializePage(self) -> None:
        self.done = False
        self.report = None
        self.summary.setText(self.tr("Importing…"))
        path, sheet, legacy = self.owner.choices()
        overrides = self.owner.mapping_page.overrides()
        skip = self.owner.preview_page.valid_only.isChecked()

        def work(db: Database, progress: Progress) -> ImportReport:
            return import_roster(db, path, sheet=sheet, legacy=legacy, skip_invalid=skip,
                                 column_overrides=overrides, progress=progress)

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
        lines = [self.tr("%1 people added, %2 updated.").replace("%1", str(report.imported))
                 .replace("%2", str(report.updated))]
        if report.rejected:
            lines.append(self.tr("%1 rejected rows were left out.")
                         .replace("%1", str(len(report.rejected))))
        if report.created_units:
            lines.append(self.tr("New units: %1").replace("%1", ", ".join(report.created_units)))
        if report.warnings:
            lines.append(self.tr("%1 warnings (see the preview).")
                         .replace("%1", str(len(report.warnings))))
        self.summary.setText("\n".join(lines))
        if report.written:
            self.owner.imported.emit()

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """Emits imported() once the import has written to the database."""

    imported = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Import a roster"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self.file_page)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.jobs: list[Op] = []
        self.resize(900, 640)

    def choices(self) -> tuple[Path, str | None, str | None]:
        path = self.file_page.path()
        if path is None:
            raise UserError(self.tr("Choose a file first"))
        return path, self.file_page.sheet(), self.file_page.legacy()

    def start(self, work: Any, on_done: Any, on_failed: Any, *, writes: bool = False,
              show_progress: bool = True, label: str = "") -> Op:
        job = run_op(self, self.db, work, title=self.windowTitle(), label=label,
                     writes=writes, show_progress=show_progress, show_failures=False,
                     on_success=on_done, on_failure=on_failed)
        self.jobs = [j for j in self.jobs if j.running] + [job]
        return job

    def done(self, result: int) -> None:
        # Closing while a job runs: stop it and let its thread end before the pages go.
        for job in self.jobs:
            if job.running:
                job.cancel()
                job.wait()
        self.jobs = []
        super().done(result)
