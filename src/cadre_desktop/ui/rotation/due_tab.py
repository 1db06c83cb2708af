"""The rotations page's tab of evaluations due or overdue: read off the GUI thread, and
printed or exported as listed (the rotations' evaluations alone: the members'
self-evaluations are the member programme page's)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.services.rotation_followup import DueItem
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import fit_columns, today
from cadre_desktop.ui.kit.on_screen import Arguments, ListFiles, ListKind
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.tables import button_row
from cadre_desktop.ui.rotation.models import DueModel


class DueTab(QWidget):
    """`counted(total, overdue)` once the list is read; `opened(index)` when the clerk
    opens an evaluation; `message` for the status bar."""

    counted = Signal(int, int)
    opened = Signal(QModelIndex)
    message = Signal(str)

    def __init__(self, db: Database, view: QTableView, channel: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._channel = channel  # the page's, which forgets it with the old database
        self._day = today()  # the day the list shown was read for
        self.model: DueModel = view.model()  # type: ignore[assignment]
        self.view = view
        view.activated.connect(self.opened)
        view.doubleClicked.connect(self.opened)
        hint = QLabel(self.tr("Evaluations overdue or due soon that still miss the cadre's "
                              "report or the host unit's evaluation. Open one to record it."))
        hint.setWordWrap(True)
        self.files = ListFiles(self, db, ListKind(
            "due_evaluations", self.tr("Evaluations due"), "danh-gia-den-han"), self.shown)
        self.files.message.connect(self.message)
        self.files.set_enabled(False)
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addLayout(button_row(self.files.print_button, self.files.export_button))
        column.addWidget(view, 1)

    def set_database(self, db: Database) -> None:
        self._db = db
        self.files.set_database(db)

    def reload(self) -> None:
        day = today()

        def read(db: Database, _progress: Progress) -> list[DueItem]:
            return [i for i in follow.due_items(db, day) if i.kind != follow.KIND_MEMBER]

        queries_for(self._db).ask(self._channel, read,
                                  on_done=lambda items: self._show(day, items))

    def _show(self, day: dt.date, items: list[DueItem]) -> None:
        self._day = day
        self.model.set_rows(items)
        self.files.set_enabled(bool(items))
        fit_columns(self.view, 320)
        self.counted.emit(len(items), sum(i.overdue for i in items))

    def shown(self) -> Arguments:
        """The list as the tab read it: on its day, the rotations' evaluations alone."""
        options: dict[str, Any] = {"on": self._day, "rotations_only": True}
        return (), options
