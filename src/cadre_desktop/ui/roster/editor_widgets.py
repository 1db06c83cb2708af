"""Pieces of the person editor: lookup combos, per-field error labels, the ratings table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.services import lists
from cadre_desktop.store.db import Database

ERROR_STYLE = "color: #b3261e;"


class CodeCombo(QComboBox):
    """A choice among (code, label) pairs with a blank first entry (code None)."""

    def __init__(self, choices: list[tuple[str, str]], blank: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Long unit or position names must not widen the whole dialog.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self.addItem(blank, None)
        for code, label in choices:
            self.addItem(label, code)

    def code(self) -> str | None:
        value = self.currentData()
        return None if value is None else str(value)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else 0
        if index < 0:
            # A code no longer in the list (an item since removed) is kept, not lost.
            self.addItem(str(code), code)
            index = self.count() - 1
        self.setCurrentIndex(index)


def lookup_combo(db: Database, kind: str) -> CodeCombo:
    return CodeCombo(lists.choices(db, kind))


def error_label(field: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{field}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def with_error(editor: QWidget, error: QLabel | None, *extra: QWidget) -> QWidget:
    """The field's editor (and any widgets beside it) with its error label underneath."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if extra:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 2)
        for widget in extra:
            row.addWidget(widget, 1)
        column.addLayout(row)
    else:
        column.addWidget(editor)
    if error is not None:
        column.addWidget(error)
    return box


class RatingsTable(QWidget):
    """Yearly quality ratings: one row per year, the level chosen from that year's scale."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._initial_years: set[int] = set()
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("ratingsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Rating")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("Add year"))
        self.add_button.setObjectName("addRating")
        self.add_button.clicked.connect(lambda: self.add_row(self._next_year(), None))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeRating")
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the dialog saves, it does not add a row
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_ratings(self, ratings: dict[int, str]) -> None:
        self.table.setRowCount(0)
        self._initial_years = set(ratings)
        for year in sorted(ratings, reverse=True):
            self.add_row(year, ratings[year])

    def add_row(self, year: int, level_id: str | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        spin = QSpinBox()
        spin.setRange(1990, 2100)
        spin.setValue(year)
        spin.setObjectName(f"ratingYear{row}")
        combo = QComboBox()
        combo.setObjectName(f"ratingLevel{row}")
        self.table.setCellWidget(row, 0, spin)
        self.table.setCellWidget(row, 1, combo)
        self._fill_levels(combo, year, level_id)
        spin.valueChanged.connect(lambda value, c=combo: self._year_changed(c, value))
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCurrentCell(row, 1)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def rows(self) -> list[tuple[int, str | None]]:
        found = []
        for row in range(self.table.rowCount()):
            spin = self.table.cellWidget(row, 0)
            combo = self.table.cellWidget(row, 1)
            if isinstance(spin, QSpinBox) and isinstance(combo, QComboBox):
                level = combo.currentData()
                found.append((spin.value(), None if level is None else str(level)))
        return found

    def duplicate_years(self) -> list[int]:
        years = [year for year, _level in self.rows()]
        return sorted({y for y in years if years.count(y) > 1})

    def ratings(self) -> dict[int, str | None]:
        """Year -> level id, with None for a year whose rating was removed or left blank."""
        result: dict[int, str | None] = dict.fromkeys(self._initial_years)
        for year, level in self.rows():
            result[year] = level
        return result

    def _next_year(self) -> int:
        years = {year for year, _level in self.rows()}
        year = dt.date.today().year - 1  # ratings are given at the end of a year
        while year in years:
            year -= 1
        return year

    def _year_changed(self, combo: QComboBox, year: int) -> None:
        self._fill_levels(combo, year, combo.currentData())
        self.changed.emit()

    def _fill_levels(self, combo: QComboBox, year: int, level_id: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        for level in lists.levels_for_year(self._db, year):
            combo.addItem(level.label, level.id)
        index = combo.findData(level_id) if level_id else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
