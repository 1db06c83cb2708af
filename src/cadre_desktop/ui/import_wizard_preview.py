"""The import wizard's preview page: every row with what the import would do to it (new,
changed with the fields that change, unchanged, rejected with the reason), the units the
file would create with a choice for each, and the rejected rows to save for fixing.

The preview is a dry run of the import on a worker (an op). Choosing an existing unit
for a new one reads the preview again with that choice, so what the page shows is what
the import will do. Each read has a number: what an older read reports after the clerk
went Back or chose again is dropped, never shown over the newer one.

The preview shows every row, but fits its columns to the first rows only: measuring a
column reads the cell of every row it looks at, and on 3,000 rows that alone cost more
than reading the whole sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QProgressBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from cadre_desktop.domain.progress import Progress, Step
from cadre_desktop.importing.roster_preview import Preview, read_preview
from cadre_desktop.importing.roster_report import ImportReport
from cadre_desktop.store.db import Database
from cadre_desktop.ui.import_wizard_parts import PreviewModel, column_letter
from cadre_desktop.ui.import_wizard_units import NewUnitsPanel, UnitChoice, unit_choices
from cadre_desktop.ui.kit.ops import Op
from cadre_desktop.ui.kit.tables import button, button_row


class MappingChoices(Protocol):
    def overrides(self) -> dict[int, str]: ...

    def match(self) -> str: ...


class WizardHost(Protocol):
    """What the preview page needs of its wizard (ui.import_wizard.ImportWizard); a
    protocol so that the two modules do not import each other."""

    @property
    def mapping_page(self) -> MappingChoices: ...

    def choices(self) -> tuple[Path, str | None, str | None]: ...

    def start(self, work: Any, on_done: Any, on_failed: Any, *, writes: bool = False,
              show_progress: bool = True, show_failures: bool = False,
              label: str = "") -> Op: ...

    def save_rejected(self, report: ImportReport, on_saved: Callable[[str], None]) -> None: ...

FIT_ROWS = 100  # rows read to fit the preview's columns to their contents
WIDEST_COLUMN = 420  # pixels; a long reason is read whole in its tooltip


@dataclass
class PreviewResult:
    preview: Preview
    units: list[UnitChoice]  # the existing units a new unit can be mapped onto


class PreviewPage(QWizardPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What the import will do to each row. Rejected rows are red,"
                                 " rows with warnings yellow, the values an update changes"
                                 " blue. Nothing is saved yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PreviewModel([], self)
        self.view = QTableView()
        self.view.setObjectName("importPreview")
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()  # the Row column says the sheet's own row
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setMaximumSectionSize(WIDEST_COLUMN)
        self.units = NewUnitsPanel()
        self.units.changed.connect(self._units_changed)
        self.legacy_label = QLabel()
        self.legacy_table = QTableWidget(0, 2)
        self.legacy_table.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Read as")])
        self.legacy_table.horizontalHeader().setStretchLastSection(True)
        self.valid_only = QCheckBox(self.tr("Import the valid rows only (leave out rejected rows)"))
        self.valid_only.toggled.connect(self.completeChanged)
        self.save_rejected = button(self.tr("Save the rejected rows…"), self._save_rejected,
                                    "saveRejected")
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.progress, self.summary, self.view, self.units, self.legacy_label,
                       self.legacy_table):
            layout.addWidget(widget)
        layout.addLayout(button_row(self.valid_only, self.save_rejected, stretch_at=1))
        layout.addWidget(self.saved)
        layout.setStretch(2, 1)
        self.preview: Preview | None = None
        self.job: Op | None = None
        self.reads = 0  # the number of the latest read; older ones are dropped
        self.read_with: dict[str, str] = {}  # the unit map the latest read was given
        self.source: tuple[object, ...] | None = None  # the file the unit choices are for

    # -- reading -------------------------------------------------------------------------

    def initializePage(self) -> None:
        path, sheet, _legacy = self.owner.choices()
        if self.source != (path, sheet):
            self.source = (path, sheet)
            self.units.reset()
        self.preview = None
        self.model.set_rows([])
        self.legacy_label.hide()
        self.legacy_table.hide()
        self.valid_only.setChecked(False)
        self.saved.clear()
        self._read(self.tr("Reading the file…"))

    def _read(self, doing: str) -> None:
        """Read the preview (again) with the mapping, the matching and the unit choices."""
        self._stop()
        self.reads += 1
        number = self.reads
        path, sheet, legacy = self.owner.choices()
        overrides = self.owner.mapping_page.overrides()
        match = self.owner.mapping_page.match()
        unit_map = self.read_with = self.units.unit_map()

        def work(db: Database, progress: Progress) -> PreviewResult:
            preview = read_preview(db, path, sheet, legacy=legacy, column_overrides=overrides,
                                   skip_invalid=True, match=match, unit_map=unit_map,
                                   progress=progress)
            return PreviewResult(preview, unit_choices(db))

        self.summary.setText(doing)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.valid_only.setEnabled(False)
        self.save_rejected.setEnabled(False)
        self.job = self.owner.start(work, lambda result: self._loaded(result, number),
                                    lambda message: self._failed(message, number),
                                    show_progress=False)
        self.job.stepped.connect(self._progressed)
        self.completeChanged.emit()

    def _stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _progressed(self, step: Step) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(round(step.fraction * 1000))

    def _failed(self, message: str, number: int) -> None:
        if number != self.reads:
            return
        self.job = None
        self.preview = None
        self.progress.hide()
        self.summary.setText(message)
        self.completeChanged.emit()

    def _loaded(self, result: PreviewResult, number: int) -> None:
        if number != self.reads:
            return
        self.job = None
        self.progress.hide()
        preview = self.preview = result.preview
        self.model.set_headings([c.heading or column_letter(c.index) for c in preview.columns],
                                preview.columns)
        self.model.set_rows(preview.rows)
        self.view.resizeColumnsToContents()
        report = self.report()
        self.units.show_units(report.new_units, result.units)
        self.read_with = self.units.unit_map()  # less only a choice that changed nothing
        self._summarise()
        self.valid_only.setEnabled(bool(report.rejected))
        self.save_rejected.setEnabled(bool(report.rejected))
        self._show_legacy(preview)
        self.completeChanged.emit()

    def _summarise(self) -> None:
        report = self.report()
        lines = [self.tr("%1 new people, %2 changed, %3 unchanged, %4 rejected rows,"
                         " %5 warnings.")
                 .replace("%1", str(report.imported)).replace("%2", str(report.updated))
                 .replace("%3", str(report.unchanged))
                 .replace("%4", str(len(report.rejected)))
                 .replace("%5", str(len(report.warnings)))]
        if report.imported + report.updated == 0:
            lines.append(self.tr("Importing this file would change nothing."))
        if report.new_units:
            lines.append(self.tr("%1 units are not in the roster: choose below what each one"
                                 " is.").replace("%1", str(len(report.new_units))))
        self.summary.setText("\n".join(lines))

    def _show_legacy(self, preview: Preview) -> None:
        if not preview.legacy_samples:
            return
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

    def _units_changed(self) -> None:
        if self.units.unit_map() != self.read_with:
            self._read(self.tr("Checking the file again with the units you chose…"))
        else:
            self.completeChanged.emit()

    # -- the rejected rows ---------------------------------------------------------------

    def _save_rejected(self) -> None:
        if self.preview is not None:
            self.owner.save_rejected(self.report(), self.saved.setText)

    # -- the wizard ----------------------------------------------------------------------

    def report(self) -> ImportReport:
        found = self.preview.report if self.preview is not None else None
        return found or ImportReport()

    def unit_map(self) -> dict[str, str]:
        """The unit choices the shown preview was read with (the import's unit_map)."""
        return dict(self.read_with)

    def cleanupPage(self) -> None:
        # Back: stop reading; whatever the read still reports is dropped.
        self._stop()
        self.reads += 1

    def isComplete(self) -> bool:
        if self.job is not None or self.preview is None or not self.units.all_decided():
            return False
        report = self.report()
        if report.imported + report.updated == 0:
            return False
        return not report.rejected or self.valid_only.isChecked()
