"""Table views as the training pages use them, and small layout helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)


def make_table(name: str, model: QAbstractItemModel, widths: Sequence[int] = (),
               multi: bool = False, stretch: int | None = None,
               fit: Sequence[int] = ()) -> QTableView:
    """A read-only table of records: whole rows selected, widths in characters; the
    `fit` columns follow their contents (for short lists only: it reads every row)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch is None)
    char = view.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width * char + 12)
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_rows(view: QTableView) -> list[int]:
    model = view.selectionModel()
    return sorted({index.row() for index in model.selectedRows()}) if model else []


def current_row(view: QTableView) -> int:
    rows = selected_rows(view)
    if rows:
        return rows[0]
    index = view.currentIndex()
    return index.row() if index.isValid() else -1


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


def button(text: str, slot: Callable[[], object], name: str = "") -> QPushButton:
    made = QPushButton(text)
    if name:
        made.setObjectName(name)
    made.setAutoDefault(False)
    made.clicked.connect(lambda _checked=False: slot())
    return made


def button_row(*widgets: QWidget, stretch_at: int | None = None) -> QHBoxLayout:
    """Widgets side by side; a stretch at the end, or before widget number stretch_at."""
    row = QHBoxLayout()
    for i, widget in enumerate(widgets):
        if i == stretch_at:
            row.addStretch(1)
        row.addWidget(widget)
    if stretch_at is None:
        row.addStretch(1)
    return row


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
