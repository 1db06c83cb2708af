"""The roster table: the kit's paged model over the roster's columns.

The list's keys come from services.roster.list_keys (search, filters and sort in SQL)
and each page's rows from services.roster.list_rows, both on the query thread; nothing
here ever loads the whole roster, so 100,000 people cost what the visible rows cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Qt, Signal

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import roster
from cadre_desktop.services.roster import RosterFilter, RosterRow, RosterSort
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.paged_model import PagedTableModel
from cadre_desktop.ui.kit.table_model import CENTRE, Column


def display_partial_date(iso: str | None) -> str:
    """'1998-05-17' -> '17/05/1998'; '1998-05' -> '05/1998'; '1998' -> '1998'."""
    if not iso:
        return ""
    try:
        return PartialDate.from_iso(iso).display()
    except InvalidInput:
        return iso  # an odd stored value is shown as it is rather than hidden


class RosterTableModel(PagedTableModel[RosterRow]):
    totalChanged = Signal(int)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(db, [], roster.list_rows, parent)
        genders = {"M": self.tr("Male"), "F": self.tr("Female")}
        self._plain: list[Column[RosterRow]] = [
            Column(self.tr("Full name"), lambda r: r.full_name, key="full_name"),
            Column(self.tr("Date of birth"), lambda r: display_partial_date(r.birth_date),
                   CENTRE, key="birth_date"),
            Column(self.tr("Gender"), lambda r: genders.get(r.gender or "", r.gender or ""),
                   CENTRE, key="gender"),
            Column(self.tr("Unit"), lambda r: r.unit or "", key="unit"),
            Column(self.tr("Position"), lambda r: r.position or "", key="position"),
            Column(self.tr("Working status"), lambda r: r.working_status or "",
                   key="working_status"),
            Column(self.tr("Citizen ID"), lambda r: r.citizen_id or "", CENTRE,
                   key="citizen_id"),
            Column(self.tr("Phone"), lambda r: r.phone or "", CENTRE, key="phone"),
        ]
        self._office = Column(self.tr("Office"), lambda r: r.office or "", key="office")
        self._columns = list(self._plain)
        self._filter = RosterFilter()
        self._sort = RosterSort()
        self._show_office = False  # a province showing several offices: their names last
        self.loaded.connect(self.totalChanged)
        self._reload()

    # -- Qt model interface -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        wanted = RosterSort(self._columns[column].key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self._reload()

    def muted(self, record: RosterRow) -> bool:
        return self._filter.deleted  # deleted people, shown for restoring

    # -- the roster's own interface -----------------------------------------------------

    @property
    def total(self) -> int:
        """People matching the filter (exact once `complete`)."""
        return self.record_count()

    @property
    def counting(self) -> bool:
        return not self.complete

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
        """The office's name as the last column (a province showing several offices)."""
        if show == self._show_office:
            return
        self.beginResetModel()
        self._show_office = show
        self._columns = [*self._plain, self._office] if show else list(self._plain)
        self.endResetModel()
        if not show and self._sort.column == "office":
            self._sort = RosterSort()
            self._reload()

    def set_filter(self, flt: RosterFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self._reload()

    def finish_count(self) -> None:
        """Wait until the whole list is in (tests, and callers that need the total)."""
        self.wait_loaded()

    def set_database(self, db: Database) -> None:
        """After the database was closed and reopened (a restored backup)."""
        super().set_database(db)
        self._filter = RosterFilter(deleted=self._filter.deleted)
        self._reload()

    def refresh(self) -> None:
        """Re-read after a change. When the list is unchanged the rows keep their places
        (and the view its selection and scroll position); otherwise the model is reset."""
        self._reload()

    def person_id(self, row: int) -> str:
        found = self.record(row)
        if found is not None:
            return found.id
        if not 0 <= row < self.record_count():
            raise IndexError(row)
        ids = roster.ids_for_keys(self._db, [self.key(row)])
        if not ids:
            raise IndexError(row)  # removed since the list was read
        return ids[0]

    def person_ids(self, rows: Iterable[int]) -> list[str]:
        """Ids of many rows (a selection of thousands), in one read."""
        return roster.ids_for_keys(self._db, self.keys_of(rows))

    def full_name(self, row: int) -> str:
        found = self.record(row)
        return "" if found is None else found.full_name

    def _reload(self) -> None:
        flt, sort = self._filter, self._sort

        def keys(db: Database, progress: Progress) -> Iterator[list[int]]:
            return roster.list_keys(db, flt, sort, progress)

        self.load(keys)

