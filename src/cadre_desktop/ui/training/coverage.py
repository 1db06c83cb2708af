"""Who in a programme's target group is still untrained, unit by unit.

The upper table lists every unit with people in the target group (its whole subtree
counted); choosing a unit lists its untrained people below. Both are counted off the GUI
thread: across a large office a target group takes a while.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import enrolment, units
from cadre_desktop.services.enrolment import PersonBrief
from cadre_desktop.services.training import Programme
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import unit_choices
from cadre_desktop.ui.kit.tables import current_row, heading, make_table, select_row
from cadre_desktop.ui.training.programme_models import (
    CoverageRow,
    CoverageTableModel,
    PeopleTableModel,
)
from cadre_desktop.ui.training.reads import Reads


def read_coverage(db: Database, programme_id: str, progress: Progress) -> list[CoverageRow]:
    """Every unit with people in the programme's target group, in tree order."""
    coverage = enrolment.coverage_by_unit(db, programme_id)
    progress.check()
    return [CoverageRow(unit_id, name, coverage[unit_id].in_target, coverage[unit_id].trained)
            for unit_id, name in unit_choices(units.list_units(db), True)
            if unit_id in coverage]


class CoveragePanel(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self._db = db
        self._programme: Programme | None = None
        self._stale = False  # a programme was chosen while the panel was hidden
        self._reads = Reads(self, db, "coverage")
        self.title = heading(self.tr("Coverage"))
        self.title.setWordWrap(True)
        self.units_model = CoverageTableModel(self)
        self.units_view = make_table("coverageView", self.units_model, stretch=0,
                                     fit=[1, 2, 3, 4])
        self.units_view.selectionModel().currentRowChanged.connect(self._unit_chosen)
        self.people_title = QLabel()
        self.people_title.setObjectName("untrainedTitle")
        self.people_model = PeopleTableModel(self)
        self.people_view = make_table("untrainedView", self.people_model, [26, 11, 40])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.people_title)
        lower_layout.addWidget(self.people_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.units_view)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

    def set_database(self, db: Database) -> None:
        self._db = db
        self._reads.set_database(db)
        self.set_programme(None)

    def set_programme(self, programme: Programme | None) -> None:
        self._programme = programme
        # Counting a target group across a large office takes a while: only for a
        # panel the clerk can see (a hidden one catches up when it is shown).
        self._stale = not self.isVisible()
        if self._stale:
            return
        self._load(programme)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._load(self._programme)

    def _load(self, programme: Programme | None) -> None:
        self._reads.forget()
        self.units_model.set_rows([])
        self.people_model.set_rows([])
        if programme is None:
            self.title.setText(self.tr("Coverage: choose a programme"))
            self.people_title.clear()
            return
        self.title.setText(self.tr("Coverage of “%1”").replace("%1", programme.name))
        self.people_title.setText(self.tr("Counting…"))
        programme_id = programme.id
        self._reads.ask("units", lambda db, progress: read_coverage(db, programme_id, progress),
                        self._show_units)

    def _show_units(self, rows: list[CoverageRow]) -> None:
        self.units_model.set_rows(rows)
        if rows:
            select_row(self.units_view, 0)
        else:
            self.people_title.setText(self.tr("Nobody in the roster is in this target group."))

    def selected_unit_id(self) -> str | None:
        record = self.units_model.record(current_row(self.units_view))
        return record.unit_id if record else None

    def _unit_chosen(self) -> None:
        record = self.units_model.record(self.units_view.currentIndex().row())
        if record is None or self._programme is None:
            return
        programme_id, unit_id, name = self._programme.id, record.unit_id, record.name.strip()
        self.people_title.setText(self.tr("Counting…"))
        self._reads.ask("people", lambda db, _progress: enrolment.untrained_people(
            db, programme_id, unit_id), lambda people: self._show_people(name, people))

    def _show_people(self, unit_name: str, people: list[PersonBrief]) -> None:
        self.people_model.set_rows(people)
        self.people_title.setText(self.tr("Untrained in %1: %Ln people", "", len(people))
                                  .replace("%1", unit_name))
