"""The criteria of one registration as an editable table (area, criterion, concrete plan),
with each problem of the registration shown on the row and cell it concerns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cadre_desktop.domain import text
from cadre_desktop.domain.member_programme import RegistrationItem, registration_problems
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND

Index = QModelIndex | QPersistentModelIndex
AREA, CRITERION, PLAN = range(3)


def row_problems(items: list[RegistrationItem], areas: Mapping[str, str]) -> dict[int, list[str]]:
    """Row -> the registration's problems about that item, worded by the domain rules.
    Each item's own problems are what checking one more item adds (the areas still
    missing can only shrink, and no minimum count is asked here)."""
    found: dict[int, list[str]] = {}
    before = Counter(registration_problems([], areas, 0))
    for n in range(len(items)):
        now = Counter(registration_problems(items[: n + 1], areas, 0))
        new = list((now - before).elements())
        if new:
            found[n] = new
        before = now
    return found


class RegistrationItemsModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, areas: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._areas = dict(areas)
        self._items: list[RegistrationItem] = []
        self._problems: dict[int, list[str]] = {}
        self._headers = [self.tr("Area"), self.tr("Criterion"), self.tr("Concrete plan")]

    @property
    def areas(self) -> dict[str, str]:
        return dict(self._areas)

    def set_items(self, items: list[RegistrationItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()
        self.check()

    def items(self) -> list[RegistrationItem]:
        return list(self._items)

    def add_item(self, item: RegistrationItem) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        self.check()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()
        self.check()
        self.edited.emit()

    def check(self) -> None:
        self._problems = row_problems(self._items, self._areas)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, PLAN))

    def problems(self, row: int) -> list[str]:
        return list(self._problems.get(row, []))

    def problem_rows(self) -> list[int]:
        return sorted(self._problems)

    def _bad_column(self, item: RegistrationItem) -> int:
        if item.area not in self._areas:
            return AREA
        return CRITERION if not text.clean(item.text) else PLAN

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole:
            return (item.area, item.text, item.plan)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AREA:
                return self._areas.get(item.area, item.area)
            return item.text if column == CRITERION else item.plan
        problems = self._problems.get(index.row())
        if problems and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(problems)
        if problems and role == Qt.ItemDataRole.BackgroundRole \
                and column == self._bad_column(item):
            return QColor(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and column != AREA:
            return (item.text if column == CRITERION else item.plan) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or not 0 <= index.row() < len(self._items):
            return False
        item = self._items[index.row()]
        value = "" if value is None else str(value)
        column = index.column()
        if column == AREA:
            changed = RegistrationItem(value, item.text, item.plan, item.criterion_id)
        elif column == CRITERION:
            # A criterion reworded is the member's own, no longer the library's.
            changed = RegistrationItem(item.area, value, item.plan,
                                       item.criterion_id if value == item.text else None)
        else:
            changed = RegistrationItem(item.area, item.text, value, item.criterion_id)
        if changed == item:
            return False
        self._items[index.row()] = changed
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), PLAN))
        self.check()
        self.edited.emit()
        return True


class AreaDelegate(QStyledItemDelegate):
    """The area column is chosen from the library's areas."""

    def __init__(self, areas: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._areas = dict(areas)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        if index.column() != AREA:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("areaEditor")
        for code, label in self._areas.items():
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
