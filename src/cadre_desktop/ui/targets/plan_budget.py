"""The plan's budget: each year's estimate (the yearly plan) against the estimates and
the spending of the classes that ended that year, with the totals; the clerk sets a
year's estimate here (one undoable action)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.targets import percent
from cadre_desktop.services import office_role
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.plans import PlanOverview, YearBudget
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import MoneyField, error_line
from cadre_desktop.ui.kit.read_only import allow
from cadre_desktop.ui.kit.tables import button, button_row, current_row, make_table, select_row
from cadre_desktop.ui.targets.models import YearsModel
from cadre_desktop.ui.targets.words import money


class PlanBudget(QWidget):
    """`saved(message)` after the clerk changed a year's estimate."""

    saved = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planBudget")
        self._db = db
        self.overview: PlanOverview | None = None
        self.read_only: str | None = None  # why the plan is not this office's to change
        self.totals = QLabel()
        self.totals.setObjectName("planBudgetTotals")
        self.totals.setWordWrap(True)
        self.years = YearsModel(self)
        self.view = make_table("planYears", self.years, (6, 22, 7, 20, 20, 16, 20), stretch=6)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._year_chosen())
        self.year_label = QLabel()
        self.estimate = MoneyField("budget_estimate")
        self.note = QLineEdit()
        self.note.setObjectName("field_year_note")
        self.note.setPlaceholderText(self.tr("note (the yearly plan's number, …)"))
        self.save_button = button(self.tr("&Set the estimate"), self.save, "saveYearEstimate")
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.view, 1)
        edit = button_row(self.year_label, self.estimate, self.note, self.save_button)
        edit.setStretch(1, 1)
        edit.setStretch(2, 2)
        layout.addLayout(edit)
        layout.addWidget(self.error)
        self._year_chosen()

    def set_database(self, db: Database) -> None:
        self._db = db

    def show_overview(self, overview: PlanOverview | None) -> None:
        keep = self.chosen()
        self.overview = overview
        # A plan the office above issued: its yearly estimates are that office's.
        self.read_only = office_role.read_only_reason(
            self._db, "plan", overview.plan.id if overview else None)
        self.years.set_rows(overview.years if overview else [])
        if overview is None:
            self.totals.setText(self.tr("No plan chosen."))
        else:
            estimate, planned = overview.estimate, sum(y.planned for y in overview.years)
            self.totals.setText(
                self.tr("Yearly estimates of the plan: %1. Classes' estimates: %2. Spent: %3 "
                        "(%4 of the yearly estimates).")
                .replace("%1", money(estimate)).replace("%2", money(planned))
                .replace("%3", money(overview.actual))
                .replace("%4", percent(overview.actual / estimate if estimate else None)))
        row = self.years.row_of(lambda y: keep is not None and y.year == keep.year)
        select_row(self.view, max(row, 0))
        self._year_chosen()

    def chosen(self) -> YearBudget | None:
        return self.years.record(current_row(self.view))

    def _year_chosen(self) -> None:
        year = self.chosen()
        self.error.hide()
        for widget in (self.estimate, self.note, self.save_button):
            allow(widget, year is not None, self.read_only)
        self.year_label.setText(self.tr("Estimate for %1:").replace(
            "%1", str(year.year)) if year else self.tr("Estimate:"))
        self.estimate.set_amount(year.estimate if year else None)
        self.note.setText(year.note if year else "")

    def save(self) -> None:
        year, overview = self.chosen(), self.overview
        if year is None or overview is None:
            return
        try:
            plan_service.set_year(self._db, overview.plan.id, year.year, self.estimate.amount(),
                                  self.note.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.saved.emit(self.tr("Estimate for %1 set to %2").replace(
            "%1", str(year.year)).replace("%2", money(self.estimate.amount())))
