"""A class's details: the form of the Details tab and of the New class dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.services import training
from cadre_desktop.services.training import ClassInput, Programme, TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import DateField, MoneyField, error_line, save_buttons
from cadre_desktop.ui.roster.editor_widgets import CodeCombo
from cadre_desktop.ui.training import labels


class ClassForm(QWidget):
    edited = Signal()

    def __init__(self, programmes: list[Programme], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.programme = CodeCombo([(p.id, p.name) for p in programmes])
        self.programme.setObjectName("field_programme_id")
        self.programme.setMinimumContentsLength(30)
        self.name = QLineEdit()
        self.name.setObjectName("field_name")
        self.year = QSpinBox()
        self.year.setObjectName("field_year")
        self.year.setRange(1990, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12 + 30)
        self.organiser = QLineEdit()
        self.organiser.setObjectName("field_organiser")
        self.venue = QLineEdit()
        self.venue.setObjectName("field_venue")
        self.mode = CodeCombo(list(labels.modes().items()))
        self.mode.setObjectName("field_mode")
        self.mode.set_code("in_person")
        self.link = QLineEdit()
        self.link.setObjectName("field_link")
        self.link.setPlaceholderText(self.tr("meeting link for an online class"))
        self.start = DateField("start_date")
        self.end = DateField("end_date")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("field_capacity")
        self.capacity.setRange(0, 100000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.capacity.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12 + 30)
        self.budget_planned = MoneyField("budget_planned")
        self.budget_actual = MoneyField("budget_actual")
        self.status = CodeCombo(list(labels.class_statuses().items()))
        self.status.setObjectName("field_status")
        self.status.set_code("planned")
        self.error = error_line()

        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        budget = QHBoxLayout()
        budget.addWidget(QLabel(self.tr("planned")))
        budget.addWidget(self.budget_planned, 1)
        budget.addWidget(QLabel(self.tr("actual")))
        budget.addWidget(self.budget_actual, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Programme:"), self.programme)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Organiser:"), self.organiser)
        form.addRow(self.tr("&Venue:"), self.venue)
        form.addRow(self.tr("&Mode:"), self.mode)
        form.addRow(self.tr("&Link:"), self.link)
        form.addRow(self.tr("Dates:"), dates)
        form.addRow(self.tr("&Capacity:"), self.capacity)
        form.addRow(self.tr("Budget (đồng):"), budget)
        form.addRow(self.tr("&Status:"), self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        for edit in (self.name, self.organiser, self.venue, self.link, self.start, self.end,
                     self.budget_planned, self.budget_actual):
            edit.textEdited.connect(self.edited)
        for combo in (self.programme, self.mode, self.status):
            combo.currentIndexChanged.connect(self.edited)
        for spin in (self.year, self.capacity):
            spin.valueChanged.connect(self.edited)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.programme.currentIndexChanged.connect(self._programme_changed)
        self._fields: dict[str, QWidget] = {
            "programme_id": self.programme, "name": self.name, "year": self.year,
            "mode": self.mode, "start_date": self.start, "end_date": self.end,
            "capacity": self.capacity, "budget_planned": self.budget_planned,
            "budget_actual": self.budget_actual, "status": self.status}
        self._mode_changed()

    def load(self, cls: TrainingClass) -> None:
        self.programme.set_code(cls.programme_id)
        self.name.setText(cls.name)
        self.year.setValue(cls.year)
        self.organiser.setText(cls.organiser)
        self.venue.setText(cls.venue)
        self.mode.set_code(cls.mode)
        self.link.setText(cls.link)
        self.start.set_date(cls.start_date)
        self.end.set_date(cls.end_date)
        self.capacity.setValue(cls.capacity or 0)
        self.budget_planned.set_amount(cls.budget_planned)
        self.budget_actual.set_amount(cls.budget_actual)
        self.status.set_code(cls.status)
        self.show_error(None)

    def data(self) -> ClassInput:
        programme_id = self.programme.code()
        if programme_id is None:
            raise InvalidInput("Cần chọn chương trình bồi dưỡng", "programme_id")
        return ClassInput(
            programme_id, self.name.text(), self.year.value(), self.organiser.text(),
            self.venue.text(), self.mode.code() or "in_person", self.link.text(),
            self.start.date(), self.end.date(), self.capacity.value() or None,
            self.budget_planned.amount(), self.budget_actual.amount(),
            self.status.code() or "planned")

    def show_error(self, error: UserError | None) -> None:
        self.error.setText(error.message if error else "")
        self.error.setVisible(error is not None)
        field = getattr(error, "field", None)
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _mode_changed(self) -> None:
        self.link.setEnabled(self.mode.code() != "in_person" or bool(self.link.text()))

    def _programme_changed(self) -> None:
        # A new class is named after its programme until the clerk types a name.
        if not self.name.isModified() and self.programme.code():
            self.name.setText(f"Lớp {self.programme.currentText()[:1].lower()}"
                              f"{self.programme.currentText()[1:]} năm {self.year.value()}")


class NewClassDialog(QDialog):
    created = Signal(str)  # the new class's id

    def __init__(self, db: Database, programmes: list[Programme],
                 programme_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newClassDialog")
        self.setWindowTitle(self.tr("New class"))
        self._db = db
        self.form = ClassForm(programmes)
        if programme_id:
            self.form.programme.set_code(programme_id)
        buttons, self.save_button = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            class_id = training.save_class(self._db, self.form.data())
        except UserError as exc:
            self.form.show_error(exc)
            return
        self.created.emit(class_id)
        self.accept()
