"""A class's budget by cost item: the estimate (dự toán) and the actual spending (thực
hiện), line by line (lecturers, venue, materials, allowances per participant, other).
The class's planned and actual totals become the sums of its lines when saved, each
stage one undoable action (services.plans.set_budget_lines).

Opened from the class's details (`edit_class_budget`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.plans import BUDGET_ITEMS, BudgetLine, BudgetLineInput
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import MoneyField, error_line
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.table_model import RIGHT, Column, ListTableModel
from cadre_desktop.ui.kit.tables import button, button_row, current_row, make_table, select_row
from cadre_desktop.ui.targets.words import budget_items, budget_stages, money

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("BudgetDialog", …)


def line_amount(line: BudgetLineInput) -> int | None:
    """The line's amount: rate × people × days when a rate is given."""
    if line.rate is not None:
        return line.rate * (line.people or 1) * (line.days or 1)
    return line.amount


def _number(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


class LinesModel(ListTableModel[BudgetLineInput]):
    def __init__(self, parent: QWidget | None = None) -> None:
        items = budget_items()
        super().__init__([
            Column(translate("BudgetDialog", "Cost item"), lambda li: items.get(li.item, li.item)),
            Column(translate("BudgetDialog", "Description"), lambda li: li.description),
            Column(translate("BudgetDialog", "People"), lambda li: _number(li.people), RIGHT),
            Column(translate("BudgetDialog", "Days"), lambda li: _number(li.days), RIGHT),
            Column(translate("BudgetDialog", "Rate (đồng)"), lambda li: _number(li.rate), RIGHT),
            Column(translate("BudgetDialog", "Amount (đồng)"),
                   lambda li: _number(line_amount(li)), RIGHT),
        ], parent)


def _count_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(f"field_{name}")
    box.setRange(0, 1_000_000)
    box.setSpecialValueText("—")  # 0: not given
    box.setGroupSeparatorShown(True)
    return box


class StageEditor(QWidget):
    """The lines of one stage with the form of the chosen line."""

    edited = Signal()

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"budget_{stage}")
        self.lines = LinesModel(self)
        self.view = make_table(f"budgetLines_{stage}", self.lines, (30, 24, 9, 8, 15, 17),
                               stretch=1)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._line_chosen())
        self.total = QLabel()
        self.total.setObjectName(f"budgetTotal_{stage}")
        self.item = QComboBox()
        self.item.setObjectName("field_item")
        for code in BUDGET_ITEMS:
            self.item.addItem(budget_items()[code], code)
        self.description = QLineEdit()
        self.description.setObjectName("field_description")
        self.people, self.days = _count_box("people"), _count_box("days")
        self.rate = MoneyField("rate")
        self.rate.setPlaceholderText(self.tr("per person per day, if any"))
        self.amount = MoneyField("amount")
        self.rate.textChanged.connect(lambda _t: self._rate_changed())
        for box in (self.people, self.days):
            box.valueChanged.connect(lambda _v: self._rate_changed())
        self.error = error_line()
        counts = QHBoxLayout()
        for label, box in ((self.tr("people"), self.people), (self.tr("days"), self.days)):
            counts.addWidget(box)
            counts.addWidget(QLabel(label))
        counts.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Cost &item:"), self.item)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("People × days:"), counts)
        form.addRow(self.tr("&Rate (đồng):"), self.rate)
        form.addRow(self.tr("&Amount (đồng):"), self.amount)
        self.add_button = button(self.tr("&Add line"), self.add_line, f"addLine_{stage}")
        self.change_button = button(self.tr("&Change line"), self.change_line,
                                    f"changeLine_{stage}")
        self.remove_button = button(self.tr("Re&move line"), self.remove_line,
                                    f"removeLine_{stage}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.actions = button_row(self.add_button, self.change_button, self.remove_button)
        layout.addLayout(self.actions)
        self.set_lines([])

    def set_lines(self, lines: list[BudgetLineInput]) -> None:
        self.lines.set_rows(lines)
        self._show_total()
        self._line_chosen()

    def _show_total(self) -> None:
        amounts = [line_amount(li) or 0 for li in self.lines.rows()]
        self.total.setText(self.tr("Total: %1").replace(
            "%1", money(sum(amounts)) if amounts else self.tr("no lines")))

    def _rate_changed(self) -> None:
        try:
            rate = self.rate.amount()
        except UserError:
            return
        self.amount.setReadOnly(rate is not None)
        if rate is not None:
            self.amount.set_amount(rate * (self.people.value() or 1) * (self.days.value() or 1))

    def _line_chosen(self) -> None:
        line = self.lines.record(current_row(self.view))
        self.change_button.setEnabled(line is not None)
        self.remove_button.setEnabled(line is not None)
        if line is None:
            return
        self.item.setCurrentIndex(max(0, self.item.findData(line.item)))
        self.description.setText(line.description)
        self.people.setValue(line.people or 0)
        self.days.setValue(line.days or 0)
        self.rate.set_amount(line.rate)
        self.amount.set_amount(line_amount(line))
        self.error.hide()

    def form_line(self) -> BudgetLineInput | None:
        """The line the form holds, checked as the service checks it; None (and the
        reason shown) when it is not a line."""
        try:
            rate = self.rate.amount()
            line = BudgetLineInput(str(self.item.currentData()),
                                   None if rate is not None else self.amount.amount(),
                                   self.description.text(), self.people.value() or None,
                                   self.days.value() or None, rate)
            line.columns()
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return None
        self.error.hide()
        return line

    def add_line(self) -> None:
        line = self.form_line()
        if line is not None:
            self.set_lines([*self.lines.rows(), line])
            select_row(self.view, self.lines.rowCount() - 1)
            self.edited.emit()

    def change_line(self) -> None:
        row, line = current_row(self.view), self.form_line()
        if line is not None and row >= 0:
            self.lines.set_row(row, line)
            self._show_total()
            self.edited.emit()

    def remove_line(self) -> None:
        row = current_row(self.view)
        if row >= 0:
            rows = self.lines.rows()
            del rows[row]
            self.set_lines(rows)
            select_row(self.view, min(row, len(rows) - 1))
            self.edited.emit()


class BudgetDialog(QDialog):
    """`saved(message)` once the lines were written."""

    saved = Signal(str)

    def __init__(self, db: Database, class_id: str, class_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classBudgetDialog")
        self.setWindowTitle(self.tr("Budget of %1").replace("%1", class_name))
        self.resize(820, 620)
        self._db = db
        self.class_id = class_id
        self.loaded: dict[str, list[BudgetLineInput]] = {}
        self.stages = {stage: StageEditor(stage) for stage in ("estimate", "actual")}
        self.tabs = QTabWidget()
        for stage, label in budget_stages().items():
            self.tabs.addTab(self.stages[stage], label)
        self.copy_button = button(self.tr("Copy the &estimate to the actual"),
                                  self.copy_estimate, "copyEstimate")
        self.stages["actual"].actions.addWidget(self.copy_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The class's planned and actual budget become the "
                                        "totals of these lines.")))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        def read(db: Database, _progress: Progress) -> list[BudgetLine]:
            return plan_service.budget_lines(db, class_id)

        queries_for(db).ask(f"budget-{id(self)}", read, on_done=self.show_lines)

    def show_lines(self, lines: list[BudgetLine]) -> None:
        for stage, editor in self.stages.items():
            self.loaded[stage] = [li.as_input() for li in lines if li.stage == stage]
            editor.set_lines(self.loaded[stage])
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def copy_estimate(self) -> None:
        lines = [replace(li) for li in self.stages["estimate"].lines.rows()]
        self.stages["actual"].set_lines(lines)

    def changed_stages(self) -> dict[str, list[BudgetLineInput]]:
        return {stage: editor.lines.rows() for stage, editor in self.stages.items()
                if editor.lines.rows() != self.loaded.get(stage, [])}

    def save(self) -> None:
        changed = self.changed_stages()
        totals = []
        try:
            for stage, lines in changed.items():
                total = plan_service.set_budget_lines(self._db, self.class_id, stage, lines)
                self.loaded[stage] = list(lines)  # a refusal of the next stage keeps this
                totals.append(f"{budget_stages()[stage].lower()} {money(total)}")
        except UserError as exc:
            editor = self.stages[stage]
            self.tabs.setCurrentWidget(editor)
            editor.error.setText(exc.message)
            editor.error.show()
            return
        if totals:
            self.saved.emit(self.tr("Budget saved: %1").replace("%1", ", ".join(totals)))
        self.accept()


def edit_class_budget(parent: QWidget, db: Database, class_id: str, class_name: str,
                      on_saved: Callable[[str], object]) -> BudgetDialog:
    """Open the budget lines of a class; on_saved(message) after they were written."""
    dialog = BudgetDialog(db, class_id, class_name, parent)
    dialog.saved.connect(on_saved)
    dialog.open()
    return dialog
