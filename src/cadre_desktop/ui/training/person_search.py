"""Finding people in the roster by name, citizen ID or phone (accent-insensitive), to
enrol them or to name a lecturer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.store import roster_query
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import PersonBrief
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel
from cadre_desktop.ui.kit.tables import make_table, select_row, selected_rows
from cadre_desktop.ui.roster.model import display_partial_date

SEARCH_LIMIT = 100
SEARCH_DELAY_MS = 150


@dataclass(frozen=True)
class Found:
    person: PersonBrief
    note: str  # e.g. "outside the target group", "already in the class"


class FoundTableModel(ListTableModel[Found]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Full name"), lambda f: f.person.full_name),
            Column(self.tr("Date of birth"),
                   lambda f: display_partial_date(f.person.birth_date), CENTRE),
            Column(self.tr("Unit"), lambda f: f.person.unit),
            Column(self.tr("Position"), lambda f: f.person.position),
            Column(self.tr("Note"), lambda f: f.note),
        ], parent)

    def muted(self, record: Found) -> bool:
        return bool(record.note)


def search_people(db: Database, query: str) -> list[PersonBrief]:
    rows = roster_query.search(db, query, SEARCH_LIMIT)
    return [PersonBrief(str(r["id"]), str(r["full_name"]), r["birth_date"],
                        str(r["unit"] or ""), str(r["position"] or "")) for r in rows]


class PersonSearchDialog(QDialog):
    """Type part of a name; choose one person (or several, when multi)."""

    def __init__(self, db: Database, title: str, multi: bool = False,
                 note: Callable[[PersonBrief], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personSearchDialog")
        self.setWindowTitle(title)
        self._db = db
        self._note = note
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setPlaceholderText(self.tr("Search by name, citizen ID or phone"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.run_search)
        self.model = FoundTableModel(self)
        self.view = make_table("personSearchResults", self.model, [26, 11, 30, 18, 20],
                               multi=multi)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.count = QLabel()
        self.count.setObjectName("personSearchCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("chooseButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.view.selectionModel().selectionChanged.connect(self._update)
        hint = QLabel(self.tr("Hold Ctrl or Shift to choose several people.") if multi else "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        if multi:
            layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self._update()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.search.text().strip()
        people = search_people(self._db, query) if query else []
        note = self._note
        self.model.set_rows([Found(p, note(p) if note else "") for p in people])
        if people:
            select_row(self.view, 0)
        self.count.setText(
            self.tr("Showing the first %1 people; type more of the name.")
            .replace("%1", str(SEARCH_LIMIT)) if len(people) == SEARCH_LIMIT
            else self.tr("%Ln people found", "", len(people)))
        self._update()

    def chosen(self) -> list[PersonBrief]:
        return [f.person for row in selected_rows(self.view)
                if (f := self.model.record(row)) is not None]

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(selected_rows(self.view)))
