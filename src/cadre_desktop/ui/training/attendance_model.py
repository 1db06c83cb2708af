"""The attendance grid: participants down, sessions across, one short status per cell.

The model adapts services.attendance.attendance_matrix. A keystroke's write goes
through the service (see attendance_tab); the model then changes only that cell and the
row's share (set_cell), so typing never resets the grid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cadre_desktop.domain.completion import share_reached
from cadre_desktop.services.attendance import AttendanceMatrix
from cadre_desktop.ui.kit.table_model import WARNING_BACKGROUND

Index = QModelIndex | QPersistentModelIndex
FIXED = 2  # code, full name
NOT_YET_BACKGROUND = QColor(235, 235, 235)
ABSENT_FOREGROUND = QColor(179, 38, 30)


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enrolments: list[str] = []
        self._codes: list[str] = []
        self._names: list[str] = []
        self._sessions: list[str] = []
        self._heads: list[str] = []
        self._tips: list[str] = []
        self._held: list[bool] = []
        self._cells: list[list[str]] = []
        self._present: set[str] = set()
        self._absent: set[str] = set()
        self._min_pct = 100
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading ---------------------------------------------------------------------------

    def set_matrix(self, matrix: AttendanceMatrix, min_pct: int, today: dt.date) -> None:
        finished = matrix.training_class.status == "finished"
        self.beginResetModel()
        self._enrolments = [p.enrolment_id for p in matrix.participants]
        self._codes = [p.short_code for p in matrix.participants]
        self._names = [p.full_name for p in matrix.participants]
        self._sessions = [s.id for s in matrix.sessions]
        self._heads = [f"{s.date.strftime('%d/%m')}\n{s.start_time}" for s in matrix.sessions]
        self._tips = [f"{s.label} {s.topic}".strip() for s in matrix.sessions]
        self._held = [finished or s.date <= today for s in matrix.sessions]
        self._cells = [[matrix.short(p.enrolment_id, s.id) for s in matrix.sessions]
                       for p in matrix.participants]
        self._present = {s.short.upper() for s in matrix.statuses if s.counts_present}
        self._absent = {s.short.upper() for s in matrix.statuses if not s.counts_present}
        self._min_pct = min_pct
        self.endResetModel()

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._enrolments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self._sessions) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._enrolments):
            return None
        session = self.session_index(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._codes[row]
            if column == 1:
                return self._names[row]
            if session is not None:
                return self._cells[row][session]
            return self._share_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                       if column == 1 else Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if session is not None and not self._held[session]:
                return QBrush(NOT_YET_BACKGROUND)
            if column == self.share_column() and self._below(row):
                return QBrush(WARNING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and session is not None:
            if self._cells[row][session].upper() in self._absent:
                return QBrush(ABSENT_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole and session is not None:
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < self.columnCount():
            return None
        session = self.session_index(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Code")
            if section == 1:
                return self.tr("Full name")
            return self._heads[session] if session is not None else self.tr("Attended")
        if role == Qt.ItemDataRole.ToolTipRole and session is not None:
            tip = self._tips[session]
            return tip if self._held[session] else self.tr("%1 (not held yet)").replace(
                "%1", tip)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    # -- the grid's own interface -----------------------------------------------------------

    def session_index(self, column: int) -> int | None:
        index = column - FIXED
        return index if 0 <= index < len(self._sessions) else None

    def share_column(self) -> int:
        return FIXED + len(self._sessions)

    def session_id(self, column: int) -> str | None:
        index = self.session_index(column)
        return None if index is None else self._sessions[index]

    def enrolment_id(self, row: int) -> str:
        return self._enrolments[row]

    def held(self, column: int) -> bool:
        index = self.session_index(column)
        return index is not None and self._held[index]

    def cell(self, row: int, column: int) -> str:
        index = self.session_index(column)
        return "" if index is None else self._cells[row][index]

    def set_cell(self, row: int, column: int, short: str) -> None:
        """One mark changed (already written): that cell and the row's share."""
        index = self.session_index(column)
        if index is None or self._cells[row][index] == short:
            return
        self._cells[row][index] = short
        cell = self.index(row, column)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])
        share = self.index(row, self.share_column())
        self.dataChanged.emit(share, share)

    def set_column(self, column: int, shorts: Mapping[str, str]) -> None:
        """A whole session's marks (enrolment id -> short) after 'all present'."""
        index = self.session_index(column)
        if index is None or not self._enrolments:
            return
        for row, enrolment_id in enumerate(self._enrolments):
            self._cells[row][index] = shorts.get(enrolment_id, "")
        last = len(self._enrolments) - 1
        self.dataChanged.emit(self.index(0, column), self.index(last, column))
        self.dataChanged.emit(self.index(0, self.share_column()),
                              self.index(last, self.share_column()))

    def counts(self, row: int) -> tuple[int, int]:
        """(sessions attended, sessions held) for a participant."""
        present = sum(1 for i, short in enumerate(self._cells[row])
                      if self._held[i] and short.upper() in self._present)
        return present, sum(self._held)

    def _below(self, row: int) -> bool:
        present, held = self.counts(row)
        return held > 0 and not share_reached(present, held, self._min_pct)

    def _share_text(self, row: int) -> str:
        present, held = self.counts(row)
        if not held:
            return ""
        return f"{present}/{held} ({100 * present // held}%)"
