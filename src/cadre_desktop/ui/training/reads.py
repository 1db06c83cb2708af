"""The background reads of one widget of the Training page (a search, a coverage count):
asked on the database's query thread (ui.kit.queries) under channels of the widget's own,
so a newer read drops an older one, and dropped for good when the widget goes, so an
answer never reaches a deleted dialog."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject

from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.queries import Query, queries_for

_serials = count(1)


class Reads:
    def __init__(self, owner: QObject, db: Database, name: str) -> None:
        self._db = db
        self._channel = f"training-{name}-{next(_serials)}"
        channel = self._channel
        # Not through self: the owner's wrapper may already be gone when this runs.
        owner.destroyed.connect(lambda _obj=None: self._forget_all(channel))
        self._runners = [queries_for(db)]

    def set_database(self, db: Database) -> None:
        """Another file: the reads asked of the old one are dropped."""
        self.forget()
        self._db = db
        self._runners.append(queries_for(db))

    def ask(self, part: str, query: Query, on_done: Callable[[Any], None]) -> None:
        queries_for(self._db).ask(f"{self._channel}/{part}", query, on_done=on_done)

    def forget(self, part: str = "") -> None:
        """Drop the unanswered reads of a part (all of them without one)."""
        queries_for(self._db).forget(f"{self._channel}/{part}" if part else self._channel)

    def busy(self, part: str) -> bool:
        return queries_for(self._db).busy(f"{self._channel}/{part}")

    def _forget_all(self, channel: str) -> None:
        for runner in self._runners:
            runner.forget(channel)
