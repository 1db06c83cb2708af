"""The one table model: records shown through column specs.

Each column says how to show a record; the model never reads the database. The list
model holds the records a page got from a service: pages hand it a fresh list after
every change (set_rows), or replace one record (set_row) when only that one changed.
A long list (the roster) uses the paged model (kit.paged_model), the same columns over
records fetched a page at a time off the GUI thread.

`data()` is on the hot path of every paint and of every "fit the columns to their
contents": it answers the roles it does not serve at once, and shows a record's text as
the column's function gives it, with no other work per call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# Soft colours that read on light and dark palettes alike as a hint, not an alarm.
WARNING_BACKGROUND = QColor(255, 224, 178)
MUTED_FOREGROUND = QColor(120, 120, 120)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[T], str] | None = None
    # How the list sorts by this column (a clicked header); None: it does not sort.
    sort_key: Callable[[T], Any] | None = None
    key: str = ""  # a name for the column where SQL sorts (the paged model)
    # A cell's icon (a rule's result), and its own text colour (a status); a colour is
    # never the only sign: the text, the icon's glyph or the tooltip say it too.
    icon: Callable[[T], QIcon | None] | None = None
    colour: Callable[[T], QColor | None] | None = None
    # What a screen reader says for a cell shown by its icon alone.
    spoken: Callable[[T], str] | None = None
    header_tip: str = ""  # the header's tooltip (a short header's full words)
    font: QFont | None = None  # a column's own font (a fingerprint in monospace)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)
_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
          | Qt.ItemFlag.ItemNeverHasChildren)
# Plain ints: a role arrives as an int, and comparing ints is the cheapest test there is
# on a path run a thousand times per paint.
_SERVED = frozenset({_DISPLAY, _ALIGNMENT, _TOOLTIP, _BACKGROUND, _FOREGROUND, _DECORATION,
                     _FONT, _SPOKEN, int(RECORD_ROLE)})


class ColumnTableModel(QAbstractTableModel, Generic[T]):
    """Rows are records, columns are Column specs. Subclasses say how many rows there
    are and which record a row shows; they may override `highlight` (a background for a
    cell) and `muted` (grey text)."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        # Whether a subclass tints cells or greys rows: if not, data() answers those
        # roles without looking the record up.
        model = type(self)
        self._highlights = model.highlight is not ColumnTableModel.highlight
        self._mutes = model.muted is not ColumnTableModel.muted

    def record_count(self) -> int:
        raise NotImplementedError

    def record(self, row: int) -> T | None:
        raise NotImplementedError

    def columns(self) -> list[Column[T]]:
        return list(self._columns)

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.record_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Roles a column answers without its record come first (alignment, font, and the
        # hooks no column or subclass uses); a record is looked up only for what needs it.
        if role not in _SERVED:
            return None
        column_number = index.column()
        if not 0 <= column_number < len(self._columns):
            return None
        column = self._columns[column_number]
        if role == _ALIGNMENT:
            return int(column.align)
        if role == _FONT:
            return column.font
        if role == _DECORATION and column.icon is None:
            return None
        if role == _TOOLTIP and column.tooltip is None:
            return None
        if role == _BACKGROUND and not self._highlights:
            return None
        if role == _FOREGROUND and column.colour is None and not self._mutes:
            return None
        if role == _SPOKEN and column.spoken is None:
            return None
        record = self.record(index.row())
        if record is None:
            return None
        if role == _DISPLAY:
            return column.text(record)
        if role == _TOOLTIP:
            return column.tooltip(record) or None  # type: ignore[misc]
        if role == _BACKGROUND:
            colour = self.highlight(record, column_number)
            return QBrush(colour) if colour is not None else None
        if role == _FOREGROUND:
            colour = column.colour(record) if column.colour is not None else None
            if colour is None and self.muted(record):
                colour = MUTED_FOREGROUND
            return QBrush(colour) if colour is not None else None
        if role == _DECORATION:
            return column.icon(record)  # type: ignore[misc]
        if role == _SPOKEN:
            return column.spoken(record)  # type: ignore[misc]
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].header_tip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    # -- hooks ---------------------------------------------------------------------------

    def highlight(self, record: T, column: int) -> QColor | None:
        return None

    def muted(self, record: T) -> bool:
        return False


class ListTableModel(ColumnTableModel[T]):
    """A list of records held in memory (a page's list from a service)."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._rows: list[T] = []

    def record_count(self) -> int:
        return len(self._rows)

    def record(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(range(len(self._rows)), key=lambda i: key(self._rows[i]),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[i] for i in order_of]
        # Selections and current rows follow their records to the new places.
        new_row = {old: new for new, old in enumerate(order_of)}
        before = self.persistentIndexList()
        after = [self.index(new_row[i.row()], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- the list --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_row(self, row: int, record: T) -> None:
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_of(self, wanted: Callable[[T], bool]) -> int:
        """The first row whose record satisfies wanted; -1 when none does."""
        return next((i for i, r in enumerate(self._rows) if wanted(r)), -1)
