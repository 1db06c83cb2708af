"""What importing the chosen bundles would do, from their dry run: per file its office,
number and result; for the selected file, per table how many records are new, changed,
deleted and unchanged, and its warnings or the reason it is refused.

A snapshot that would delete many of an office's records is only imported after the
clerk ticks an extra box; without it that file is left out and the others go ahead.
Refused files are never imported; the reason is shown as the services word it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.services.bundles import BatchItem
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND, WARNING_BACKGROUND, display_iso
from cadre_desktop.ui.kit.table_model import Column, ListTableModel
from cadre_desktop.ui.kit.tables import make_table
from cadre_desktop.ui.offices.models import CountsModel


def _file_text(column: int) -> Callable[[BatchItem], str]:
    """The office, number and date of a file's bundle; blank for a refused file."""

    def text(item: BatchItem) -> str:
        report = item.report
        if report is None:
            return ""
        return (report.sender.name, str(report.sequence),
                display_iso(report.created[:10]))[column]
    return text


class FilesModel(ListTableModel[BatchItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("File"), lambda i: Path(i.name).name, tooltip=lambda i: i.name),
            Column(self.tr("Office"), _file_text(0)),
            Column(self.tr("No."), _file_text(1)),
            Column(self.tr("Made on"), _file_text(2)),
            Column(self.tr("Result"), self.result_text),
        ], parent)

    def highlight(self, record: BatchItem, column: int) -> QColor | None:
        if record.report is None:
            return QColor(ERROR_BACKGROUND)
        if record.report.needs_confirmation:
            return QColor(WARNING_BACKGROUND)
        return None

    def result_text(self, item: BatchItem) -> str:
        report = item.report
        if report is None:
            return self.tr("Refused")
        if report.status == "already-imported":
            return self.tr("Already imported: nothing changes")
        if report.needs_confirmation:
            return self.tr("Deletes many records: confirm below")
        if report.warnings:
            return self.tr("Ready, with warnings")
        return self.tr("Ready")


class PreviewDialog(QDialog):
    def __init__(self, items: list[BatchItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundlePreview")
        self.setWindowTitle(self.tr("Import bundles: what will change"))
        self.resize(1040, 660)
        self.items = items
        intro = QLabel(self.tr(
            "Nothing has been changed yet. Check what each bundle brings, then import."))
        intro.setWordWrap(True)
        self.files = FilesModel(self)
        self.files.set_rows(items)
        self.files_view = make_table("previewFiles", self.files, (36, 36, 5, 11))
        self.files_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row()))
        self.counts = CountsModel(self)
        self.counts_view = make_table("previewCounts", self.counts, (30, 11, 11, 11, 11),
                                      stretch=0)
        self.notes = QListWidget()
        self.notes.setObjectName("previewNotes")
        self.notes.setWordWrap(True)
        lower = QSplitter(Qt.Orientation.Vertical)
        lower.addWidget(self.files_view)
        lower.addWidget(self.counts_view)
        lower.addWidget(self.notes)
        lower.setSizes([150, 360, 90])

        risky = [i.report for i in items if i.report is not None and i.report.needs_confirmation]
        deleted = sum(c.deleted for r in risky for c in r.tables.values())
        self.confirm = QCheckBox(self.tr(
            "Delete the %1 records missing from the bundle of %2. I have checked with that "
            "office that they were really removed.").replace("%1", str(deleted)).replace(
                "%2", ", ".join(r.sender.name for r in risky)))
        self.confirm.setObjectName("confirmMassDelete")
        self.confirm.setVisible(bool(risky))
        self.confirm.toggled.connect(self._update_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(lower, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        if items:
            self.files_view.selectRow(0)
            self._show(0)
        self._update_button()

    def chosen(self) -> list[Path]:
        """The files to import: not refused, and a mass delete only when confirmed."""
        return [Path(i.name) for i in self.items if i.report is not None
                and (not i.report.needs_confirmation or self.confirm.isChecked())]

    def confirmed(self) -> bool:
        return self.confirm.isChecked()

    def _update_button(self) -> None:
        count = len(self.chosen())
        self.import_button.setText(self.tr("&Import %Ln bundle(s)", "", count))
        self.import_button.setEnabled(count > 0)
        refused = sum(1 for i in self.items if i.report is None)
        left_out = sum(1 for i in self.items if i.report is not None
                       and i.report.needs_confirmation and not self.confirm.isChecked())
        parts = []
        if refused:
            parts.append(self.tr("%Ln file(s) refused and left out.", "", refused))
        if left_out:
            parts.append(self.tr("%Ln bundle(s) left out until confirmed.", "", left_out))
        self.summary.setText(" ".join(parts))
        self.summary.setVisible(bool(parts))

    def _show(self, row: int) -> None:
        item = self.files.record(row)
        self.notes.clear()
        if item is None:
            self.counts.set_rows([])
            return
        if item.report is None:
            self.counts.set_rows([])
            error = item.error.message if item.error else ""
            self.notes.addItem(self.tr("Refused: %1").replace("%1", error))
            self.notes.item(0).setBackground(QBrush(QColor(ERROR_BACKGROUND)))
            return
        self.counts.set_counts(item.report.tables)
        for warning in item.report.warnings:  # the services' own (Vietnamese) words
            self.notes.addItem(warning)
        if item.report.status == "already-imported":
            self.notes.addItem(self.tr("This bundle was imported before; a receipt can be "
                                       "made again."))
        if not self.notes.count():
            self.notes.addItem(self.tr("No warnings."))
