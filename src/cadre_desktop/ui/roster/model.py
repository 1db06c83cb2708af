"""The roster table as a model over pages of SQL rows.

rowCount is the SQL count of the current filter; rows are fetched a page at a time when
the view asks for them, and a few recent pages are kept. Nothing here ever loads the
whole roster, so 100,000 people cost what the visible rows cost.

A new filter shows its first page before the exact count is known: counting every match
of a short query is the slowest part of a keystroke, so it runs just after the first
rows are painted and the remaining rows are then appended (totalChanged says so).
A page is formatted for display once, when it is read, not on every paint.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.store import roster_query
from cadre_desktop.store.db import Database
from cadre_desktop.store.roster_query import RosterFilter, RosterSort

PAGE_SIZE = 256
CACHED_PAGES = 12
# The exact count waits until the first rows have been painted (and is skipped for a
# filter replaced before it runs, as when typing on).
COUNT_DELAY_MS = 60

Index = QModelIndex | QPersistentModelIndex
Row = tuple[Any, ...]


def display_partial_date(iso: str | None) -> str:
    """'1998-05-17' -> '17/05/1998'; '1998-05' -> '05/1998'; '1998' -> '1998'."""
    if not iso:
        return ""
    try:
        return PartialDate.from_iso(iso).display()
    except InvalidInput:
        return iso  # an odd stored value is shown as it is rather than hidden


class RosterTableModel(QAbstractTableModel):
    totalChanged = Signal(int)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = RosterFilter()
        self._sort = RosterSort()
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._shown: dict[int, list[tuple[str, ...]]] = {}  # page -> display strings
        self._generation = 0  # which filter a pending count belongs to
        self._count_pending = False
        self._show_office = False  # a province showing several offices: their codes last
        self._count = roster_query.count(db, self._filter)
        self._headers = [
            self.tr("Full name"), self.tr("Date of birth"), self.tr("Gender"), self.tr("Unit"),
            self.tr("Position"), self.tr("Working status"), self.tr("Citizen ID"),
            self.tr("Phone"), self.tr("Office"),
        ]
        self._genders = {"M": self.tr("Male"), "F": self.tr("Female")}
        self._birth_column = roster_query.COLUMN_KEYS.index("birth_date")
        self._gender_column = roster_query.COLUMN_KEYS.index("gender")
        self._centred = {self._birth_column, self._gender_column,
                         roster_query.COLUMN_KEYS.index("citizen_id"),
                         roster_query.COLUMN_KEYS.index("phone")}

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(roster_query.COLUMNS) + int(self._show_office)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._shown_row(index.row())
            return None if shown is None else shown[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and self._filter.deleted:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < self.columnCount() else None
        return str(section + 1)  # the list's STT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = [*roster_query.COLUMN_KEYS, roster_query.OFFICE_COLUMN[0]]
        if not 0 <= column < self.columnCount():
            return
        wanted = RosterSort(keys[column],
                            order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self.finish_count()
        self.beginResetModel()
        self._sort = wanted
        self._clear_pages()
        self.endResetModel()

    # -- the roster's own interface -----------------------------------------------------

    @property
    def total(self) -> int:
        """People matching the filter (exact once the deferred count has run)."""
        return self._count

    @property
    def counting(self) -> bool:
        return self._count_pending

    @property
    def current_filter(self) -> RosterFilter:
        return self._filter

    @property
    def current_sort(self) -> RosterSort:
        return self._sort

    @property
    def shows_office(self) -> bool:
        return self._show_office

    def set_show_office(self, show: bool) -> None:
        """The office code as the last column (a province showing several offices)."""
        if show == self._show_office:
            return
        self.beginResetModel()
        self._show_office = show
        if not show and self._sort.column == roster_query.OFFICE_COLUMN[0]:
            self._sort = RosterSort()
        self._clear_pages()
        self.endResetModel()

    def set_filter(self, flt: RosterFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._clear_pages()
        self._generation += 1
        first = self._page(0)
        if len(first) < PAGE_SIZE:
            self._count = len(first)  # the first page holds every match
            self._count_pending = False
        else:
            self._count = PAGE_SIZE
            self._count_pending = True
            QTimer.singleShot(COUNT_DELAY_MS,
                             lambda generation=self._generation: self._finish_count(generation))
        self.endResetModel()
        if not self._count_pending:
            self.totalChanged.emit(self._count)

    def finish_count(self) -> None:
        """Run the pending exact count now (tests, and callers that need the total)."""
        self._finish_count(self._generation)

    def _finish_count(self, generation: int) -> None:
        if generation != self._generation or not self._count_pending:
            return
        self._count_pending = False
        count = roster_query.count(self._db, self._filter)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self.totalChanged.emit(self._count)

    def set_database(self, db: Database) -> None:
        """After the database was closed and reopened (a restored backup)."""
        self.beginResetModel()
        self._db = db
        self._filter = RosterFilter(deleted=self._filter.deleted)
        self._clear_pages()
        self._generation += 1
        self._count_pending = False
        self._count = roster_query.count(db, self._filter)
        self.endResetModel()
        self.totalChanged.emit(self._count)

    def refresh(self) -> None:
        """Re-read after a change. When the count is unchanged the rows keep their places
        (and the view its selection and scroll position); otherwise the model is reset."""
        self._generation += 1
        self._count_pending = False
        count = roster_query.count(self._db, self._filter)
        if count != self._count:
            self.beginResetModel()
            self._clear_pages()
            self._count = count
            self.endResetModel()
            self.totalChanged.emit(count)
            return
        self._clear_pages()
        if count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(count - 1, self.columnCount() - 1))

    def person_id(self, row: int) -> str:
        found = self._row(row)
        if found is None:
            raise IndexError(row)
        return str(found[0])

    def person_ids(self, rows: Iterable[int]) -> list[str]:
        """Ids of many rows, fetching each page once (a selection of thousands of rows)."""
        ids = []
        for row in sorted(set(rows)):
            found = self._row(row)
            if found is not None:
                ids.append(str(found[0]))
        return ids

    def full_name(self, row: int) -> str:
        found = self._row(row)
        return "" if found is None else str(found[1])

    # -- paging --------------------------------------------------------------------------

    def _clear_pages(self) -> None:
        self._pages.clear()
        self._shown.clear()

    def _page(self, number: int) -> list[Row]:
        rows = self._pages.get(number)
        if rows is None:
            rows = roster_query.page(self._db, self._filter, self._sort,
                                     number * PAGE_SIZE, PAGE_SIZE, self._show_office)
            self._pages[number] = rows
            self._shown[number] = [
                tuple(self._display(c, value) for c, value in enumerate(r[1:])) for r in rows
            ]
            while len(self._pages) > CACHED_PAGES:
                dropped, _ = self._pages.popitem(last=False)
                self._shown.pop(dropped, None)
        else:
            self._pages.move_to_end(number)
        return rows

    def _row(self, row: int) -> Row | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        rows = self._page(number)
        # Another window may have removed people since the count: a short page.
        return rows[offset] if offset < len(rows) else None

    def _shown_row(self, row: int) -> tuple[str, ...] | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        shown = self._shown.get(number)
        if shown is None or number not in self._pages:
            self._page(number)
            shown = self._shown[number]
        return shown[offset] if offset < len(shown) else None

    def _display(self, column: int, value: Any) -> str:
        if value is None:
            return ""
        if column == self._birth_column:
            return display_partial_date(str(value))
        if column == self._gender_column:
            return self._genders.get(str(value), str(value))
        return str(value)
