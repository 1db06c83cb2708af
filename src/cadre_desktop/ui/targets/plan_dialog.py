"""Adding or changing a plan (kế hoạch): its number, name, issuer, period and note, and its
yearly plans (kế hoạch năm), one row per year of the period with the year's budget
estimate in đồng and a note. Saved in one undoable action (services.plans.save_plan);
the services check every value and the dialog points at the field they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.plan_checks import MAX_PLAN_YEARS
from cadre_desktop.services.plans import Plan, PlanInput, YearInput
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import (
    DateField,
    MoneyField,
    error_line,
    refusal_shown,
    save_buttons,
    show_error,
)
from cadre_desktop.ui.kit.table_model import RIGHT, Column, ListTableModel
from cadre_desktop.ui.kit.tables import button, button_row, current_row, make_table, select_row
from cadre_desktop.ui.targets.words import money

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("PlanDialog", "…")


class YearRowsModel(ListTableModel[YearInput]):
    """The yearly plans being typed, one row per year of the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("PlanDialog", "Year"), lambda y: str(y.year)),
            Column(translate("PlanDialog", "Budget estimate"),
                   lambda y: money(y.budget_estimate), RIGHT),
            Column(translate("PlanDialog", "Note"), lambda y: y.note),
        ], parent)


class PlanDialog(QDialog):
    """`saved(plan_id)` once the plan is written."""

    saved = Signal(str)

    def __init__(self, db: Database, plan: Plan | None = None,
                 years: list[YearInput] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self._db = db
        self._plan_id = plan.id if plan else None
        # What the clerk typed per year, kept while the period changes under it.
        self._years: dict[int, YearInput] = {y.year: y for y in years or []}
        self._had = set(self._years)  # yearly plans already written
        self.setWindowTitle(self.tr("Edit plan") if plan else self.tr("New plan"))
        self.number = QLineEdit()
        self.number.setObjectName("field_number")
        self.number.setPlaceholderText(self.tr("e.g. 15-KH/ĐTN"))
        self.name = QLineEdit()
        self.name.setObjectName("field_name")
        self.name.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.issuer = QLineEdit()
        self.issuer.setObjectName("field_issuer")
        self.issuer.setPlaceholderText(self.tr("e.g. Ban Thường vụ Đoàn phường"))
        self.start = DateField("start")
        self.end = DateField("end")
        for field in (self.start, self.end):
            field.editingFinished.connect(self._period_changed)
        self.note = QLineEdit()
        self.note.setObjectName("field_note")
        self.rows = YearRowsModel(self)
        self.view = make_table("planYearRows", self.rows, (6, 22), stretch=2)
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 6)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._year_chosen())
        self.year_label = QLabel()
        self.estimate = MoneyField("budget_estimate")
        self.year_note = QLineEdit()
        self.year_note.setObjectName("field_year_note")
        self.year_note.setPlaceholderText(self.tr("note (the yearly plan's number, …)"))
        self.set_button = button(self.tr("Se&t for the year"), self.apply_year, "setYear")
        self.set_button.setAutoDefault(False)
        self.years_hint = QLabel()
        self.years_hint.setObjectName("yearsHint")
        self.years_hint.setWordWrap(True)
        self.error = error_line()

        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("N&umber:"), self.number)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Issued by:"), self.issuer)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.start)  # the row holds two fields
        form.addRow(period_label, period)
        form.addRow(self.tr("N&ote:"), self.note)
        year_edit = button_row(self.year_label, self.estimate, self.year_note, self.set_button)
        year_edit.setStretch(1, 1)
        year_edit.setStretch(2, 2)
        buttons, self.save_button = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Yearly plans (kế hoạch năm):")))
        layout.addWidget(self.view, 1)
        layout.addLayout(year_edit)
        layout.addWidget(self.years_hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._widgets: dict[str, QWidget] = {
            "number": self.number, "name": self.name, "issuer": self.issuer,
            "start": self.start, "end": self.end, "note": self.note,
            "year": self.view, "budget_estimate": self.estimate}
        if plan is not None:
            self.number.setText(plan.number)
            self.name.setText(plan.name)
            self.issuer.setText(plan.issuer)
            self.start.set_date(plan.start)
            self.end.set_date(plan.end)
            self.note.setText(plan.note)
        self._period_changed()
        self.resize(max(self.sizeHint().width(), 820), 560)

    # -- the years of the period -----------------------------------------------------------

    def _period(self) -> tuple[dt.date, dt.date] | None:
        try:
            start, end = self.start.date(), self.end.date()
        except InvalidInput:
            return None
        return (start, end) if start and end else None

    def _period_changed(self) -> None:
        """One row per year of the period as typed; a year left out is dropped on saving."""
        period = self._period()
        years: list[int] = []
        if period and period[0] <= period[1] \
                and period[1].year - period[0].year < MAX_PLAN_YEARS:
            years = list(range(period[0].year, period[1].year + 1))
        keep = self.chosen()
        self.rows.set_rows([self._years.get(y, YearInput(y)) for y in years])
        dropped = sorted(y for y in self._had if y not in years) if years else []
        self.years_hint.setText(self.tr("The yearly plans of %1 are outside the period and "
                                        "will be removed when the plan is saved.")
                                .replace("%1", ", ".join(map(str, dropped))) if dropped
                                else "" if years else
                                self.tr("Type the period to set its yearly plans."))
        row = self.rows.row_of(lambda y: keep is not None and y.year == keep.year)
        select_row(self.view, max(row, 0))
        self._year_chosen()

    def chosen(self) -> YearInput | None:
        return self.rows.record(current_row(self.view))

    def _year_chosen(self) -> None:
        year = self.chosen()
        for widget in (self.estimate, self.year_note, self.set_button):
            widget.setEnabled(year is not None)
        self.year_label.setText(self.tr("Estimate for %1:").replace("%1", str(year.year))
                                if year else self.tr("Estimate:"))
        self.estimate.set_amount(year.budget_estimate if year else None)
        self.year_note.setText(year.note if year else "")

    def apply_year(self) -> bool:
        """Put the estimate and note typed into the chosen year's row."""
        year = self.chosen()
        if year is None:
            return True
        try:
            amount = self.estimate.amount()
        except InvalidInput as exc:
            show_error(self.error, exc.message, self._widgets, exc.field)
            return False
        changed = replace(year, budget_estimate=amount, note=self.year_note.text().strip())
        self._years[year.year] = changed
        self.rows.set_row(current_row(self.view), changed)
        self.estimate.set_amount(amount)
        self.error.hide()
        return True

    # -- saving ----------------------------------------------------------------------------

    def data(self) -> PlanInput:
        start, end = self.start.date(), self.end.date()
        if start is None:
            raise InvalidInput("Cần ngày bắt đầu của kế hoạch (dd/mm/yyyy)", "start")
        if end is None:
            raise InvalidInput("Cần ngày kết thúc của kế hoạch (dd/mm/yyyy)", "end")
        return PlanInput(self.name.text(), start, end, self.number.text(), self.issuer.text(),
                         self.note.text())

    def years(self) -> list[YearInput]:
        """The yearly plans to keep: those typed in, and those written before."""
        return [y for y in self.rows.rows()
                if y.budget_estimate is not None or y.note or y.year in self._had]

    def save(self) -> None:
        if not self.apply_year():
            return

        def save_plan() -> str:
            data = self.data()
            self._period_changed()  # the rows follow the period just typed
            return plan_service.save_plan(self._db, data, self._plan_id, self.years())

        plan_id = refusal_shown(self.error, self._widgets, save_plan)
        if plan_id is None:
            return
        self._plan_id = plan_id
        self.saved.emit(plan_id)
        self.accept()
