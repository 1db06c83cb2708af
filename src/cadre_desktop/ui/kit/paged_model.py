"""The table model of a long list (the roster): the kit's column specs over records
fetched a page at a time off the GUI thread.

A list is its keys (small integers) in list order, read by a query on the database's
query thread (kit.queries) in chunks: the first chunk is shown as soon as it is read and
the rest is appended as it comes, so the first rows of 100,000 appear at once and the
number of rows is exact when the last chunk is in. A row's record is read with the rest
of its page when the view first asks for it; until then the row shows blank, and the
page fills in when it arrives. A few recent pages are kept.

Reloading after a change keeps the rows in place (and the view its selection and scroll
position) when the keys did not change, and resets the model otherwise.
"""

from __future__ import annotations

import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import count
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Signal

from cadre_desktop.domain.progress import Progress
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.table_model import Column, ColumnTableModel

T = TypeVar("T")
PAGE_SIZE = 256
# The first paint needs a screenful, not a page: a list's first rows come alone (reading
# 256 people's columns costs four times as much as 64), the rest of the first page
# right after them.
FIRST_ROWS = 80
FIRST_PAINT_S = 0.004  # the first rows' paint takes 2-4 ms of the interpreter's time
CACHED_PAGES = 16

# The list's keys in order, in chunks: keys(db, progress) -> iterator of key chunks.
KeysQuery = Callable[[Database, Progress], Iterator[Sequence[int]]]
# The records of one page of keys, in the keys' order.
RowsQuery = Callable[[Database, Sequence[int]], list[T]]

_channels = count(1)


def _whole(rows: list[T], keys: Sequence[int]) -> list[T] | None:
    """The rows of these keys, or None when one of them has gone since the keys were
    read (rows are placed by position: a short page would shift every row below)."""
    return rows if len(rows) == len(keys) else None


class PagedTableModel(ColumnTableModel[T], Generic[T]):
    """Emits loading() when a new list starts being read and loaded(total) when all of
    its keys are in."""

    loading = Signal()
    loaded = Signal(int)

    def __init__(self, db: Database, columns: Sequence[Column[T]], rows_query: RowsQuery[T],
                 parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._db = db
        self._rows_query = rows_query
        self._channel = f"paged-{next(_channels)}"
        self._keys: array[int] = array("q")
        self._incoming: array[int] | None = None  # a reloaded list held until complete
        self._streaming = False  # the shown list's keys are still arriving
        self._pages: OrderedDict[int, list[T]] = OrderedDict()
        self._asked: set[int] = set()
        self._generation = 0
        self._complete = True
        self._shows_current = True
        self._first_page: list[T] | None = None
        runner, channel = queries_for(db), self._channel
        # Gone with its page: its answers must not reach a deleted model.
        self.destroyed.connect(lambda _obj=None: runner.forget(channel))

    # -- the list ------------------------------------------------------------------------

    def record_count(self) -> int:
        return len(self._keys)

    def record(self, row: int) -> T | None:
        if not 0 <= row < len(self._keys):
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            self._ask_page(number)
            return None
        self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    @property
    def shows_current(self) -> bool:
        """The rows on screen are those of the list last asked for (its first chunk is
        in, or all of it)."""
        return self._shows_current

    @property
    def complete(self) -> bool:
        """All of the current list's keys are in (the row count is exact)."""
        return self._complete

    def key(self, row: int) -> int:
        return self._keys[row]

    def keys_of(self, rows: Iterable[int]) -> list[int]:
        return [self._keys[r] for r in sorted(set(rows)) if 0 <= r < len(self._keys)]

    def row_of_key(self, key: int) -> int:
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def set_database(self, db: Database) -> None:
        """After the file was closed and reopened (a restored backup)."""
        queries_for(self._db).forget(self._channel)
        self._db = db
        runner, channel = queries_for(db), self._channel
        self.destroyed.connect(lambda _obj=None: runner.forget(channel))

    # -- reading -------------------------------------------------------------------------

    def load(self, keys_query: KeysQuery) -> None:
        """Read a new list (a new filter or sort, or the same after a change)."""
        self._generation += 1
        generation = self._generation
        self._incoming = None
        self._streaming = False
        self._complete = False
        self._shows_current = False
        self.loading.emit()
        rows_query = self._rows_query

        def with_first_page(db: Database, progress: Progress) -> Iterator[Any]:
            # The first chunk comes with its first rows, then its whole first page: the
            # view's first paint needs them, and a page asked for separately would wait
            # on this thread until the whole list's keys were read.
            first = True
            for chunk in keys_query(db, progress):
                if not first:
                    yield chunk, None
                    continue
                first = False
                yield chunk, _whole(rows_query(db, chunk[:FIRST_ROWS]), chunk[:FIRST_ROWS])
                if len(chunk) > FIRST_ROWS:
                    # Let the GUI thread paint the first rows before this thread reads
                    # on: reading holds the interpreter, and the paint would otherwise
                    # wait for the interpreter's switch interval.
                    time.sleep(FIRST_PAINT_S)
                    page = _whole(rows_query(db, chunk[:PAGE_SIZE]), chunk[:PAGE_SIZE])
                    yield [], page or []  # []: the page is asked for as any other

        queries_for(self._db).ask(
            f"{self._channel}/keys", with_first_page, parts=True,
            on_part=lambda part: self._keys_arrived(generation, *part),
            on_done=lambda _result: self._keys_done(generation))

    def _keys_arrived(self, generation: int, chunk: Sequence[int],
                      first_page: list[T] | None = None) -> None:
        if generation != self._generation:
            return
        if first_page is not None and not chunk:
            self._whole_first_page(first_page)
            return
        if first_page is not None:
            self._first_page = first_page
        self._shows_current = True  # the rows on screen are the new list's first ones
        if self._incoming is not None:  # a reload that may not change anything: hold
            self._incoming.extend(chunk)
        elif self._streaming:  # the shown list is being read: the rows grow
            first = len(self._keys)
            self.beginInsertRows(QModelIndex(), first, first + len(chunk) - 1)
            self._keys.extend(chunk)
            self.endInsertRows()
        else:
            first_chunk = array("q", chunk)
            if self._keys[:len(first_chunk)] == first_chunk:
                # Starts like the list shown (a reload after an edit): keep the rows in
                # place until the whole list is in and can be compared.
                self._incoming = first_chunk
            else:
                self._replace(first_chunk)
                self._streaming = True

    def _whole_first_page(self, page: list[T]) -> None:
        """The first page after its first rows: the rows below them fill in ([]: it
        could not be read whole, and is read again as any other page)."""
        head = self._pages.get(0)
        if self._first_page is not None or head is None:
            self._first_page = page or None  # not shown yet: the list starts with it
            return
        if not page:
            self._asked.discard(0)
            self._ask_page(0)  # the first rows stay until it comes
        elif len(page) > len(head):
            self._pages[0] = page
            self.dataChanged.emit(self.index(len(head), 0),
                                  self.index(len(page) - 1, self.columnCount() - 1))

    def _keys_done(self, generation: int) -> None:
        if generation != self._generation:
            return
        if self._incoming is not None:
            incoming, self._incoming = self._incoming, None
            if incoming == self._keys:
                self._refresh_pages()  # the same people in the same places: reread them
            else:
                self._replace(incoming)
        elif not self._streaming:
            self._replace(array("q"))  # no chunk at all: nothing matches
        self._streaming = False
        self._complete = True
        self._shows_current = True
        self.loaded.emit(len(self._keys))

    def _replace(self, keys: array[int]) -> None:
        self.beginResetModel()
        self._keys = keys
        self._forget_pages()
        first, self._first_page = self._first_page, None
        # The first rows (the rest of their page follows), or the whole first page; each
        # read whole (_whole), so row n is key n.
        if first and len(first) <= min(PAGE_SIZE, len(keys)):
            self._pages[0] = first
            self._asked.add(0)
        self.endResetModel()

    def _refresh_pages(self) -> None:
        self._forget_pages()
        if self._keys:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._keys) - 1, self.columnCount() - 1))

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._asked.clear()

    def _ask_page(self, number: int) -> None:
        if number in self._asked:
            return
        self._asked.add(number)
        wanted = self._keys[number * PAGE_SIZE:(number + 1) * PAGE_SIZE].tolist()
        generation = self._generation
        rows_query = self._rows_query

        def read(db: Database, _progress: Progress) -> list[T]:
            return rows_query(db, wanted)

        queries_for(self._db).ask(
            f"{self._channel}/page/{generation}/{number}", read,
            on_done=lambda page: self._page_arrived(generation, number, wanted, page))

    def _page_arrived(self, generation: int, number: int, wanted: list[int],
                      page: list[Any]) -> None:
        start = number * PAGE_SIZE
        if self._keys[start:start + PAGE_SIZE].tolist() != wanted:
            self._asked.discard(number)  # the list changed under the request
            return
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            dropped, _ = self._pages.popitem(last=False)
            self._asked.discard(dropped)
        last = min(len(self._keys), start + PAGE_SIZE) - 1
        self.dataChanged.emit(self.index(start, 0), self.index(last, self.columnCount() - 1))

    def wait_loaded(self, timeout_ms: int = 10_000) -> bool:
        """Process events until the list and its requested pages are in (tests)."""
        runner = queries_for(self._db)
        ok = runner.wait_idle(f"{self._channel}/keys", timeout_ms)
        for number in list(self._asked):
            ok = runner.wait_idle(f"{self._channel}/page/{self._generation}/{number}",
                                  timeout_ms) and ok
        return ok
