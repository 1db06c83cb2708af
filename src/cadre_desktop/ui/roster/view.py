"""The people table: Enter or a double click opens the person."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

# Column widths in characters: fixed, because measuring contents would read every row
# (the unit column fits a branch name such as "Chi đoàn Phân xưởng May 1").
_WIDTHS = [26, 11, 7, 28, 22, 14, 13, 12]


class RosterView(QTableView):
    open_requested = Signal(int)  # row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.doubleClicked.connect(self._double_clicked)

    def apply_column_widths(self) -> None:
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        digits = metrics.horizontalAdvance("0" * 12)  # a 12-digit ID number, whole
        header = self.horizontalHeader()
        model = self.model()
        for column, width in enumerate(_WIDTHS):
            title = model.headerData(column, Qt.Orientation.Horizontal) if model else None
            wanted = max(width * char, header.fontMetrics().horizontalAdvance(str(title or "")))
            if column >= len(_WIDTHS) - 2:  # citizen ID and phone
                wanted = max(wanted, digits)
            self.setColumnWidth(column, wanted + 16)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            index = self.currentIndex()
            if index.isValid():
                self.open_requested.emit(index.row())
                event.accept()
                return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.row())
