"""What reading a filled attendance sheet found, row by row, before anything is written.

The clerk sees the rejected rows with their reasons and the warnings. With nothing
rejected the import can go ahead; otherwise only "Import the valid rows only" writes
anything, and Cancel leaves the class as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.importing.attendance_sheet import AttendanceImportReport, RowIssue
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel
from cadre_desktop.ui.kit.tables import heading, make_table


class IssueTableModel(ListTableModel[RowIssue]):
    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Sheet row"), lambda i: str(i.row), CENTRE),
            Column(title, lambda i: i.message, tooltip=lambda i: i.message),
        ], parent)


class ImportReportDialog(QDialog):
    """accept() means: write (all rows, or the valid ones when some were rejected)."""

    def __init__(self, report: AttendanceImportReport, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceImportReport")
        self.setWindowTitle(self.tr("Import attendance from %1").replace("%1", file_name))
        self.report = report
        rejected = len(report.rejected)
        summary = QLabel()
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        lines = [self.tr("%Ln marks read from the accepted rows.", "", report.cells),
                 self.tr("%Ln records would change.", "", report.changed)]
        if rejected:
            lines.append(self.tr("%Ln rows are rejected (below). Nothing is written unless "
                                 "you choose to import the valid rows only.", "", rejected))
        summary.setText(" ".join(lines))
        self.rejected_model = IssueTableModel(self.tr("Reason"), self)
        self.rejected_model.set_rows(report.rejected)
        self.warnings_model = IssueTableModel(self.tr("Warning"), self)
        self.warnings_model.set_rows(report.warnings)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if rejected:
            layout.addWidget(heading(self.tr("Rejected rows")))
            layout.addWidget(make_table("rejectedRows", self.rejected_model, [9]), 2)
        if report.warnings:
            layout.addWidget(heading(self.tr("Warnings")))
            layout.addWidget(make_table("importWarnings", self.warnings_model, [9]), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(
            self.tr("Import the valid rows only") if rejected else self.tr("Import"))
        self.import_button.setObjectName("confirmImport")
        self.import_button.setEnabled(report.changed > 0)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # a stray Enter must not write a half-valid sheet
        layout.addWidget(buttons)
        self.resize(760, 480 if rejected or report.warnings else 160)

    @property
    def valid_only(self) -> bool:
        return bool(self.report.rejected)
