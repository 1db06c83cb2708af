"""The Targets page: how far the office is from its plan on a given day.

The clerk chooses a plan and the day counted to ("as of"); each target shows as a row
and as a bar against its goal, and the chosen target in detail (unit by unit, office by
office at a province, the people who count and who do not yet, or the classes it
counts). From there the people not yet met are enrolled into a class, exported or
printed; the periodic training report and the plan's budget year by year are one click
away. Every figure is read off the GUI thread (kit.queries) and computed, never typed
in; the plan, its yearly plans and its targets are entered with plan_actions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import office_tree
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services import targets as target_service
from cadre_desktop.services.plans import Plan, PlanOverview
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.fields import DateField
from cadre_desktop.ui.kit.ops import run_op
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.tables import button, current_row, make_table, select_row
from cadre_desktop.ui.targets.chart import TargetChart
from cadre_desktop.ui.targets.detail import TargetDetail
from cadre_desktop.ui.targets.models import TargetsModel
from cadre_desktop.ui.targets.plan_actions import PlanActions
from cadre_desktop.ui.targets.plan_budget import PlanBudget


@dataclass(frozen=True)
class PageData:
    plans: list[Plan]
    plan_id: str | None
    figures: list[TargetFigures]
    overview: PlanOverview | None
    many_offices: bool  # a province: its offices' people are counted too
    offices: list[office_tree.OfficeChoice]  # this office, and those below it at a province


def read_page(db: Database, plan_id: str | None, on: dt.date,
              office: str | None = None) -> PageData:
    """The plans, and the chosen one's figures on `on` (by default the plan whose period
    holds the day, else the latest); `office`: only that office and those below it."""
    found = plan_service.list_plans(db)
    tree = office_tree.office_tree(db).choices
    if plan_id not in {p.id for p in found}:
        ranked = [p for p in found if p.start <= on <= p.end] or sorted(
            found, key=lambda p: (p.end, p.start), reverse=True)
        plan_id = ranked[0].id if ranked else None
    if plan_id is None:
        return PageData(found, None, [], None, False, tree)
    return PageData(found, plan_id, target_service.list_figures(db, plan_id, on, office),
                    plan_service.plan_overview(db, plan_id),
                    target_service.holds_many_offices(db), tree)


class TargetsPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)
    shown = Signal()  # the figures of a reading are on screen (tests, screenshots)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsPage")
        self._db = db
        self.data: PageData | None = None
        self._wanted_plan: str | None = None
        self._wanted_target: str | None = None
        self.office: str | None = None  # an office below this one (a province), by id
        self.on = today()
        self.plan = QComboBox()
        self.plan.setObjectName("planChooser")
        self.plan.setMinimumContentsLength(30)
        self.plan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan.activated.connect(lambda _i: self._plan_chosen())
        self.on_field = DateField("on")
        self.on_field.set_date(self.on)
        self.on_field.setToolTip(self.tr("The figures count what was recorded up to this day."))
        self.on_field.editingFinished.connect(self._date_changed)
        self.offices = QComboBox()
        self.offices.setObjectName("officeChooser")
        self.offices.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.offices.setToolTip(self.tr("Count one office (and those below it) only"))
        self.offices.activated.connect(lambda _i: self._office_chosen())
        self.report_button = button(self.tr("Training &report…"), self.open_report,
                                    "trainingReport")
        self.plan_info = QLabel()
        self.plan_info.setObjectName("planInfo")
        self.plan_info.setWordWrap(True)
        self.targets = TargetsModel(self)
        self.table = make_table("targetsTable", self.targets, (34, 18, 12, 9), stretch=0)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._target_chosen())
        self.chart = TargetChart()
        self.chart.chosen.connect(lambda row: select_row(self.table, row))
        self.detail = TargetDetail()
        self.detail.enrol_button.clicked.connect(self.enrol)
        self.detail.export_button.clicked.connect(self.export_list)
        self.detail.print_button.clicked.connect(self.print_list)
        self.budget = PlanBudget(db)
        self.budget.saved.connect(self._saved)
        self.printer = PdfMaker(self)
        self.printer.message.connect(self.message)
        self.dialog: QWidget | None = None  # the enrol or report dialog last opened
        self.plan_actions = PlanActions(self, self)  # entering the plan and its targets

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setObjectName("targetsTop")
        top.addWidget(self.table)
        bars = QWidget()
        bars_layout = QVBoxLayout(bars)
        bars_layout.setContentsMargins(0, 0, 0, 0)
        bars_layout.setSpacing(0)
        bars_layout.addWidget(self.chart, 1)
        bars_layout.addWidget(self.chart.legend_label())
        top.addWidget(bars)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setSizes([620, 560])
        body = QSplitter(Qt.Orientation.Vertical)
        body.setObjectName("targetsBody")
        body.addWidget(top)
        body.addWidget(self.detail)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setSizes([340, 360])  # the bars of ten targets, the rest for the people
        self.tabs = QTabWidget()
        self.tabs.setObjectName("targetsTabs")
        self.tabs.addTab(body, self.tr("&Targets"))
        self.tabs.addTab(self.budget, self.tr("Plan &budget"))
        plan_label = QLabel(self.tr("&Plan:"))
        plan_label.setBuddy(self.plan)
        on_label = QLabel(self.tr("&As of:"))
        on_label.setBuddy(self.on_field)
        choose = QHBoxLayout()
        choose.addWidget(plan_label)
        choose.addWidget(self.plan, 1)
        choose.addSpacing(12)
        choose.addWidget(on_label)
        choose.addWidget(self.on_field)
        self.offices_label = QLabel(self.tr("&Office:"))
        self.offices_label.setBuddy(self.offices)
        choose.addSpacing(12)
        choose.addWidget(self.offices_label)
        choose.addWidget(self.offices)
        choose.addSpacing(12)
        choose.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.plan_actions)
        layout.addWidget(self.plan_info)
        layout.addWidget(self.tabs, 1)

    # -- reading -------------------------------------------------------------------------

    @property
    def channel(self) -> str:
        return f"targets-{id(self)}"

    def reload(self) -> None:
        """Read the plans and the chosen plan's figures off the GUI thread."""
        plan_id, on, office = self._wanted_plan, self.on, self.office
        self.plan_info.setText(self.tr("Counting…"))
        # The chosen target is read again with the page; it may be gone (removed, undone).
        queries_for(self._db).forget(self.channel + "/detail")

        def read(db: Database, _progress: Progress) -> PageData:
            return read_page(db, plan_id, on, office)

        queries_for(self._db).ask(self.channel, read, on_done=self.show_data)

    def show_data(self, data: PageData) -> None:
        self.data = data
        self._wanted_plan = data.plan_id
        self.plan.blockSignals(True)
        self.plan.clear()
        names = {c.office_id: c.name for c in data.offices}
        home = data.offices[0].office_id if data.offices else None
        for p in data.plans:
            number = f"{p.number} · " if p.number else ""
            # At a province the plans of the offices below it are there too: say whose.
            whose = f" — {names.get(p.office_id, '')}" if p.office_id != home else ""
            self.plan.addItem(f"{number}{p.name} ({p.period}){whose}", p.id)
        self.plan.setCurrentIndex(max(0, self.plan.findData(data.plan_id)))
        self.plan.setToolTip(self.plan.currentText())  # a long name is cut in the box
        self.plan.blockSignals(False)
        self.plan.setEnabled(bool(data.plans))
        self._show_offices(data.offices)
        self.report_button.setEnabled(True)
        self.targets.set_rows(data.figures)
        self.chart.show_figures(data.figures)
        self.budget.show_overview(data.overview)
        self.plan_info.setText(self._plan_text(data))
        keep = self.targets.row_of(lambda f: f.id == self._wanted_target)
        if data.figures:
            select_row(self.table, max(keep, 0))  # the new rows: the target is read again
        else:
            self.detail.clear(self.tr("Choose a target to see its people and units."))
        self.shown.emit()

    def _plan_text(self, data: PageData) -> str:
        plan = next((p for p in data.plans if p.id == data.plan_id), None)
        if plan is None:
            return self.tr("This office has no plan with targets yet.")
        met = sum(f.met for f in data.figures)
        bits = [plan.issuer, self.tr("period %1").replace("%1", plan.period),
                self.tr("%1 of %2 targets met").replace("%1", str(met))
                .replace("%2", str(len(data.figures)))]
        return " · ".join(b for b in bits if b)

    def _target_chosen(self) -> None:
        f = self.targets.record(current_row(self.table))
        if f is None or self.data is None:
            return
        self._wanted_target = f.id
        self.detail.show_brief(f, self.data.many_offices)
        if f.problem:
            return
        on, target_id, office = self.on, f.id, self.office

        def read(db: Database, _progress: Progress) -> TargetFigures:
            return target_service.target_detail(db, target_id, on, office)

        queries_for(self._db).ask(self.channel + "/detail", read,
                                  on_done=self.detail.show_detail)

    def _show_offices(self, choices: list[office_tree.OfficeChoice]) -> None:
        self.offices.blockSignals(True)
        self.offices.clear()
        for n, choice in enumerate(choices):
            # The first is this office: with every office below it, as without a choice.
            self.offices.addItem("    " * choice.depth + choice.name,
                                 None if n == 0 else choice.office_id)
        self.offices.setCurrentIndex(max(0, self.offices.findData(self.office)))
        self.offices.blockSignals(False)
        several = len(choices) > 1
        self.offices.setVisible(several)
        self.offices_label.setVisible(several)

    def _office_chosen(self) -> None:
        self.office = self.offices.currentData()
        self.reload()

    def choose_office(self, office_id: str | None) -> None:
        """Count only this office (and those below it); None: every office."""
        self.office = office_id
        self.reload()

    def _plan_chosen(self) -> None:
        self._wanted_plan = self.plan.currentData()
        self._wanted_target = None
        self.reload()

    def _date_changed(self) -> None:
        day = self.on_field.new_day(self.on, self.message.emit)
        if day is not None:
            self.on = day
            self.reload()

    def set_on(self, day: dt.date) -> None:
        """Count to another day (as the clerk typing it)."""
        self.on_field.set_date(day)
        self._date_changed()

    def choose_plan(self, plan_id: str) -> None:
        self._wanted_plan = plan_id
        self._wanted_target = None
        self.reload()

    # -- acting on the chosen target -------------------------------------------------------

    def enrol(self) -> None:
        from cadre_desktop.ui.targets.enrol_dialog import EnrolUnmetDialog

        f = self.detail.figures
        if f is None:
            return
        dialog = EnrolUnmetDialog(self._db, f, self.on, self)  # the people shown, no others
        dialog.enrolled.connect(self._enrolled)
        self.dialog = dialog
        dialog.open()

    def _enrolled(self, text: str) -> None:
        self.message.emit(text)
        self.reload()

    def export_list(self) -> None:
        from cadre_desktop.exporting.report_xlsx import export_target

        f = self.detail.figures
        if f is None:
            return
        start = str(Path.home() / (self.tr("not-yet-met") + ".xlsx"))
        chosen = prompts.save_file_name(self, self.tr("Export the list"), start,
                                        self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        target_id, on, office = f.id, self.on, self.office
        writing = self.tr("Writing the list…")

        def work(db: Database, progress: Progress) -> int:
            progress.step(writing, 0, 1)
            figures = target_service.target_detail(db, target_id, on, office)
            target_service.refuse_problems([figures])
            return export_target(db, figures, path)

        def done(unmet: int) -> None:
            self.message.emit(self.tr("Exported %1 (%Ln people not yet met)", "", int(unmet))
                              .replace("%1", str(path)))

        run_op(self, self._db, work, title=self.tr("Export the list"), on_success=done)

    def print_list(self) -> None:
        f = self.detail.figures
        if f is None:
            return
        self.printer.make(self._db, "print_target_list", [f.id], "chua-dat-chi-tieu.pdf",
                          self.tr("Target: %1").replace("%1", f.name),
                          options={"on": self.on, "office": self.office})

    def open_report(self) -> None:
        from cadre_desktop.ui.targets.report_dialog import ReportDialog

        plan = None
        if self.data is not None:
            plan = next((p for p in self.data.plans if p.id == self.data.plan_id), None)
        dialog = ReportDialog(self._db, plan, self.on, self, office=self.office)
        dialog.message.connect(self.message)
        dialog.saved.connect(self.changed)
        self.dialog = dialog
        dialog.open()

    def _saved(self, text: str) -> None:
        self.message.emit(text)
        self.changed.emit()
        self.reload()

    # -- the feature page's contract ------------------------------------------------------

    @property
    def database(self) -> Database:
        return self._db

    def refresh(self) -> None:
        """Re-read after a change elsewhere; a hidden page reads when it is shown."""
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.budget.set_database(db)
        self.data = None
        self._wanted_plan = self._wanted_target = self.office = None
        self.refresh()

    def open_target(self, target: object) -> None:
        """Open at a plan (its id), or at a target ((plan id, target id))."""
        if isinstance(target, tuple) and len(target) == 2:
            self._wanted_plan, self._wanted_target = str(target[0]), str(target[1])
            self.reload()
        elif isinstance(target, str):
            self.choose_plan(target)
