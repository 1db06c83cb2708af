"""One target in detail: what it counts, unit by unit (and office by office at a
province), and the people who count and who do not yet, or the classes it counts; with
the buttons that act on it (the page does the acting)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.targets import PEOPLE_KINDS
from cadre_desktop.services.targets import PersonStatus, TargetFigures
from cadre_desktop.ui.kit.tables import button_row, heading, make_table
from cadre_desktop.ui.targets.models import ClassesModel, OfficesModel, PeopleModel, UnitsModel
from cadre_desktop.ui.targets.words import met_word, target_kinds

NOT_YET, MET, EVERYONE = "not_yet", "met", "everyone"


def _button(text: str, name: str) -> QPushButton:
    made = QPushButton(text)
    made.setObjectName(name)
    made.setAutoDefault(False)
    return made


class TargetDetail(QWidget):
    UNITS, OFFICES, PEOPLE, CLASSES = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetDetail")
        self.figures: TargetFigures | None = None  # with the people (target_detail)
        self.brief: TargetFigures | None = None  # as the list counted it
        self.title = heading("")
        self.title.setObjectName("targetTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("targetSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.units = UnitsModel(self)
        self.offices = OfficesModel(self)
        self.people = PeopleModel(self)
        self.classes = ClassesModel(self)
        # The figures' columns follow their contents and headings (a plan's units, offices
        # and classes are short lists); the name takes the rest.
        self.units_view = make_table("targetUnits", self.units, (40, 10, 13, 10), stretch=0,
                                     fit=(1, 2, 3))
        self.offices_view = make_table("targetOffices", self.offices, (12, 36, 10, 13, 10),
                                       stretch=1, fit=(2, 3, 4))
        self.people_view = make_table("targetPeople", self.people, (30, 36, 12, 10), multi=True,
                                      stretch=1)
        self.classes_view = make_table("targetClasses", self.classes, (40, 11, 10, 10, 16, 16),
                                       stretch=0, fit=(1, 2, 3, 4, 5))
        for view in (self.units_view, self.offices_view, self.people_view, self.classes_view):
            view.setSortingEnabled(True)
            view.horizontalHeader().setSortIndicatorShown(False)
        self.which = QComboBox()
        self.which.setObjectName("peopleShown")
        self.which.addItem(self.tr("Not yet met"), NOT_YET)
        self.which.addItem(self.tr("Met"), MET)
        self.which.addItem(self.tr("Everyone in the group"), EVERYONE)
        self.which.currentIndexChanged.connect(lambda _i: self._show_people())
        self.people_count = QLabel()
        self.people_count.setObjectName("peopleCount")
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 4, 0, 0)
        people_layout.addLayout(button_row(QLabel(self.tr("Show:")), self.which,
                                           self.people_count))
        people_layout.addWidget(self.people_view, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("targetTabs")
        self.tabs.addTab(self.units_view, self.tr("By unit"))
        self.tabs.addTab(self.offices_view, self.tr("By office"))
        self.tabs.addTab(people, self.tr("People"))
        self.tabs.addTab(self.classes_view, self.tr("Classes counted"))
        # The page connects the buttons: it knows the database and the date.
        self.enrol_button = _button(self.tr("&Enrol the people not yet met into a class…"),
                                    "enrolUnmet")
        self.export_button = _button(self.tr("E&xport the list (.xlsx)…"), "exportTarget")
        self.print_button = _button(self.tr("&Print the list…"), "printTarget")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(button_row(self.enrol_button, self.export_button, self.print_button))
        self.clear()

    # -- what is shown -------------------------------------------------------------------

    def clear(self, text: str = "") -> None:
        self.figures = self.brief = None
        self.title.setText(text)
        self.summary.setText("")
        for model in (self.units, self.offices, self.people, self.classes):
            model.set_rows([])
        self.people_count.setText("")
        self._enable()

    def show_brief(self, f: TargetFigures, many_offices: bool) -> None:
        """The list's figures of a target at once; its people follow (show_detail)."""
        self.figures = None
        self.brief = f
        self.title.setText(f.name)
        self.summary.setText(self._summary(f))
        self.units.set_rows(f.by_unit)
        self.offices.set_rows(f.by_office)
        self.people.set_rows([])
        self.classes.set_rows([])
        people = f.kind in PEOPLE_KINDS
        self.people_count.setText(self.tr("Reading…") if people else "")
        self.people_view.setColumnHidden(2, not many_offices)
        tabs = {self.UNITS: bool(f.by_unit), self.OFFICES: many_offices and bool(f.by_office),
                self.PEOPLE: people, self.CLASSES: not people}
        for index, visible in tabs.items():
            self.tabs.setTabVisible(index, visible)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(next(i for i, v in tabs.items() if v))
        self._enable()

    def show_detail(self, f: TargetFigures) -> None:
        if self.brief is None or self.brief.id != f.id:
            return
        self.figures = f
        self.classes.set_rows(f.classes or [])
        self._show_people()
        self._enable()

    def shown_people(self) -> list[PersonStatus]:
        return self.people.rows()

    def _show_people(self) -> None:
        f = self.figures
        if f is None or f.people is None:
            return
        which = self.which.currentData()
        rows = [p for p in f.people if which == EVERYONE or p.met == (which == MET)]
        self.people.set_rows(rows)
        unmet = len(f.unmet())
        self.people_count.setText(
            self.tr("%1 of %2 people in the group: %3 met, %4 not yet")
            .replace("%1", str(len(rows))).replace("%2", str(len(f.people)))
            .replace("%3", str(len(f.people) - unmet)).replace("%4", str(unmet)))

    def _summary(self, f: TargetFigures) -> str:
        if f.problem:
            return f.problem
        if f.start > f.end:
            counted = self.tr("Not begun on this date: counting starts %1.").replace(
                "%1", format_date(f.start))
        else:
            counted = self.tr("Counted from %1 to %2.").replace(
                "%1", format_date(f.start)).replace("%2", format_date(f.end))
        return self.tr("%1: %2 against a goal of %3 — %4. %5").replace(
            "%1", self.kind_word(f)).replace("%2", f.value_text).replace(
            "%3", f.goal_text).replace("%4", met_word(f.met).lower()).replace("%5", counted)

    def kind_word(self, f: TargetFigures) -> str:
        return target_kinds().get(f.kind, f.kind)

    def _enable(self) -> None:
        f = self.figures
        ready = f is not None and not f.problem
        people = ready and f is not None and f.kind in PEOPLE_KINDS
        self.enrol_button.setEnabled(bool(people and f is not None and f.unmet()))
        self.enrol_button.setVisible(self.brief is None or self.brief.kind in PEOPLE_KINDS)
        self.export_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        if self.brief is not None and self.brief.kind not in PEOPLE_KINDS:
            self.export_button.setText(self.tr("E&xport the figures (.xlsx)…"))
            self.print_button.setText(self.tr("&Print the figures…"))
        else:
            self.export_button.setText(self.tr("E&xport the list (.xlsx)…"))
            self.print_button.setText(self.tr("&Print the list…"))

    def views(self) -> list[QTableView]:
        return [self.units_view, self.offices_view, self.people_view, self.classes_view]

    def buttons(self) -> list[QPushButton]:
        return [self.enrol_button, self.export_button, self.print_button]

