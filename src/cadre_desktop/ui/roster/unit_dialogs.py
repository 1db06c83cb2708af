"""Adding, renaming and dissolving units of the organisation tree."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cadre_desktop.services import lists
from cadre_desktop.services.units import Unit
from cadre_desktop.store.db import Database


class UnitDialog(QDialog):
    """Name and level of a new or renamed unit."""

    def __init__(self, db: Database, title: str, unit: Unit | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self.setWindowTitle(title)
        self.name = QLineEdit(unit.name if unit else "")
        self.name.setObjectName("unitName")
        self.name.setMinimumWidth(320)
        self.level = QComboBox()
        self.level.setObjectName("unitLevel")
        self.level.setEditable(True)
        self.level.addItem("")
        self.level.addItems([item.label for item in lists.items(db, "unit_level")])
        self.level.setCurrentText(unit.level_label if unit else "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(self._update)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Name:"), self.name)
        layout.addRow(self.tr("&Level:"), self.level)
        layout.addRow(buttons)
        self._update()

    def _update(self) -> None:
        self._ok.setEnabled(bool(self.name.text().strip()))

    def values(self) -> tuple[str, str]:
        return self.name.text(), self.level.currentText()


class CloseUnitDialog(QDialog):
    """The date a unit stops, and the unit it was merged into (none: dissolved)."""

    def __init__(self, unit: Unit, candidates: list[Unit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeUnitDialog")
        self.setWindowTitle(self.tr("Dissolve or merge a unit"))
        intro = QLabel(self.tr(
            "%1 will stay in the tree, greyed, with its history. People still in it keep "
            "it as their unit until you move them.").replace("%1", unit.name))
        intro.setWordWrap(True)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setObjectName("closeDate")
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.on.setCalendarPopup(True)
        self.merged_into = QComboBox()
        self.merged_into.setObjectName("mergedInto")
        self.merged_into.addItem(self.tr("(none: the unit is dissolved)"), None)
        for other in candidates:
            self.merged_into.addItem(other.name, other.id)
        self._candidates = {u.id: u for u in candidates}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(intro)
        layout.addRow(self.tr("&Until:"), self.on)
        layout.addRow(self.tr("&Merged into:"), self.merged_into)
        layout.addRow(buttons)

    def values(self) -> tuple[dt.date, Unit | None]:
        day = self.on.date()
        target = self._candidates.get(self.merged_into.currentData())
        return dt.date(day.year(), day.month(), day.day()), target
