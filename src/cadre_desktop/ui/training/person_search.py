"""Finding people in the roster by name, citizen ID or phone (accent-insensitive), to
enrol them or to name a lecturer. The search runs off the GUI thread (at 100,000 people a
few letters match many): typing on drops the search still under way."""

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

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import roster
from cadre_desktop.services.enrolment import PersonBrief
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel
from cadre_desktop.ui.kit.tables import make_table, select_row, selected_rows
from cadre_desktop.ui.roster.model import display_partial_date
from cadre_desktop.ui.training.reads import Reads

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


# Notes for the people found, read on the query thread with its own connection:
# person id -> note ("" or absent: nothing to say).
Notes = Callable[[Database, list[PersonBrief]], dict[str, str]]


def search_people(db: Database, query: str) -> list[PersonBrief]:
    rows = roster.search(db, query, SEARCH_LIMIT)
    return [PersonBrief(str(r["id"]), str(r["full_name"]), r["birth_date"],
                        str(r["unit"] or ""), str(r["position"] or "")) for r in rows]


def _found(db: Database, query: str, notes: Notes | None, progress: Progress) -> list[Found]:
    people = search_people(db, query)
    progress.check()
    said = notes(db, people) if notes and people else {}
    return [Found(p, said.get(p.id, "")) for p in people]


class PersonSearchDialog(QDialog):
    """Type part of a name; choose one person (or several, when multi)."""

    def __init__(self, db: Database, title: str, multi: bool = False,
                 notes: Notes | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personSearchDialog")
        self.setWindowTitle(title)
        self._notes = notes
        self._reads = Reads(self, db, "person-search")
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
        """Search for what is typed (on the query thread); the list follows when found."""
        self._timer.stop()
        query = self.search.text().strip()
        if not query:
            self._reads.forget()
            self._show([])
            return
        self.count.setText(self.tr("Searching…"))
        notes = self._notes
        self._reads.ask("search", lambda db, progress: _found(db, query, notes, progress),
                        self._show)

    @property
    def searching(self) -> bool:
        return self._reads.busy("search")

    def _show(self, found: list[Found]) -> None:
        self.model.set_rows(found)
        if found:
            select_row(self.view, 0)
        self.count.setText(
            self.tr("Showing the first %1 people; type more of the name.")
            .replace("%1", str(SEARCH_LIMIT)) if len(found) == SEARCH_LIMIT
            else self.tr("%Ln people found", "", len(found)))
        self._update()

    def chosen(self) -> list[PersonBrief]:
        return [f.person for row in selected_rows(self.view)
                if (f := self.model.record(row)) is not None]

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(selected_rows(self.view)))
