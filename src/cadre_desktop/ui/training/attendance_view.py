"""The attendance grid's view: typing a status code into a cell, clearing cells."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from cadre_desktop.ui.training.attendance_model import FIXED, AttendanceModel

_COMMAND_KEYS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                 | Qt.KeyboardModifier.MetaModifier)


class AttendanceView(QTableView):
    typed = Signal(QModelIndex, str)  # the current cell and the character typed
    cleared = Signal(object)  # list[QModelIndex]: cells to clear

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceView")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.horizontalHeader()
        header.setHighlightSections(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        model.modelReset.connect(self.apply_widths)
        self.apply_widths()

    def attendance_model(self) -> AttendanceModel:
        model = self.model()
        assert isinstance(model, AttendanceModel)
        return model

    def apply_widths(self) -> None:
        char = self.fontMetrics().averageCharWidth()
        model = self.attendance_model()
        header = self.horizontalHeader()
        self.setColumnWidth(0, 5 * char + 12)
        self.setColumnWidth(1, 28 * char + 12)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        for column in range(FIXED, model.share_column()):
            self.setColumnWidth(column, 7 * char + 12)
        self.setColumnWidth(model.share_column(), 13 * char + 12)
        header.setFixedHeight(2 * self.fontMetrics().height() + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        key = event.key()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not modifiers & _COMMAND_KEYS:
            cells = self.selectedIndexes() or [self.currentIndex()]
            self.cleared.emit([i for i in cells if i.isValid()])
            event.accept()
            return
        text = event.text()
        if (text and text.isprintable() and not text.isspace()
                and not modifiers & _COMMAND_KEYS and self.currentIndex().isValid()):
            self.typed.emit(self.currentIndex(), text)
            event.accept()
            return
        super().keyPressEvent(event)
