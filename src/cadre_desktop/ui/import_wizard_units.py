"""The units a roster file names that the office does not have, before anything is
written: each with the first row naming it and the nearest existing units, and the
clerk's choice for it (an existing unit the file means, or a new unit). A typo such as
"Chi đoàn KP 33" is then mapped onto its real unit instead of becoming a unit of its
own; nothing is imported before every listed unit has a choice.

The choices are kept by the value as the file writes it (NewUnit.written), the key of
import_roster's unit_map, so they survive the preview being read again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain import text
from cadre_desktop.importing.roster_report import NewUnit
from cadre_desktop.services import units
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.tables import button, button_row

CREATE = "+new"  # the choice "create it as a new unit"
VISIBLE_ROWS = 5  # units shown without scrolling
UnitChoice = tuple[str, str]  # (unit id, path below the office's root unit)


def unit_choices(db: Database) -> list[UnitChoice]:
    """The active units a new unit can be mapped onto, by their path below the office's
    root ("Đoàn trường A / Chi đoàn 12A1"; the root by its own name). Read on the
    preview's worker, beside the preview."""
    found = units.list_units(db)
    names = {unit.id: unit.name for unit in found}

    def path(ids: list[str]) -> str:
        below = ids[1:] if len(ids) > 1 else ids
        return " / ".join(names.get(i, "?") for i in below)

    choices = [(unit.id, path(unit.path.strip("/").split("/"))) for unit in found
               if unit.active]
    return sorted(choices, key=lambda choice: text.fold(choice[1]))


class NewUnitsPanel(QWidget):
    """The list of new units with a choice for each. Emits changed() whenever a choice
    changes; unit_map() is what the import must be given."""

    changed = Signal()

    FILE, ROW, NEAREST, CHOICE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("newUnits")
        self.table.setHorizontalHeaderLabels([
            self.tr("Unit in the file"), self.tr("First row"),
            self.tr("Nearest existing units"), self.tr("Import into")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            self.NEAREST, QHeaderView.ResizeMode.Interactive)
        self.create_rest = button(self.tr("Create the units not yet chosen as new units"),
                                  self._create_rest, "createNewUnits")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.create_rest))
        self.known: dict[str, NewUnit] = {}  # value as written -> the unit it would create
        self.decisions: dict[str, str] = {}  # value as written -> CREATE or an existing id
        self.shown: list[str] = []
        self.combos: dict[str, _UnitCombo] = {}
        self.choices: list[UnitChoice] = []
        self.hide()

    def reset(self) -> None:
        """A new file: forget the units and the choices."""
        self.known.clear()
        self.decisions.clear()
        self.show_units([], [])

    # -- what the import needs -----------------------------------------------------------

    def unit_map(self) -> dict[str, str]:
        return {written: choice for written, choice in self.decisions.items()
                if choice != CREATE}

    def all_decided(self) -> bool:
        return all(written in self.decisions for written in self.shown)

    def created(self) -> int:
        return sum(1 for written in self.shown if self.decisions.get(written) == CREATE)

    # -- the list ------------------------------------------------------------------------

    def show_units(self, new_units: list[NewUnit], choices: list[UnitChoice]) -> None:
        """The units a preview read with the current unit_map() would create."""
        self.choices = choices
        listed: set[str] = set()
        parents_only: list[str] = []
        for unit in new_units:
            self.known[unit.written] = unit
            if self.decisions.get(unit.written, CREATE) != CREATE:
                # Mapped, yet still created: no row names it alone, only as the parent of
                # other new units; the choice belongs to those.
                del self.decisions[unit.written]
                parents_only.append(unit.name)
            listed.add(unit.written)
        listed.update(self.unit_map())
        # In the order the file first named them, mapped ones staying where they were.
        shown = self.shown = [written for written in self.known if written in listed]
        self._fill()
        undecided = sum(1 for w in shown if w not in self.decisions)
        lines = [self.tr("The file names units that are not in the roster. For each, choose"
                         " the existing unit it means, or confirm it as a new unit.")]
        if parents_only:
            lines.append(self.tr("%1: the file names it only above other new units; choose"
                                 " for those.").replace("%1", ", ".join(parents_only)))
        self.label.setText("\n".join(lines))
        self.create_rest.setEnabled(undecided > 0)
        self.setVisible(bool(shown))

    def _fill(self) -> None:
        self.table.setRowCount(0)
        self.combos.clear()
        self.table.setRowCount(len(self.shown))
        for row, written in enumerate(self.shown):
            unit = self.known[written]
            items = [QTableWidgetItem(written), QTableWidgetItem(str(unit.row or "")),
                     QTableWidgetItem("; ".join(unit.similar_to) or self.tr("(none)"))]
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(items):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            combo = self._combo(unit)
            self.combos[written] = combo
            self.table.setCellWidget(row, self.CHOICE, combo)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        # As high as its rows, up to VISIBLE_ROWS: the preview above keeps the room.
        rows = min(len(self.shown), VISIBLE_ROWS)
        height = sum(self.table.rowHeight(r) for r in range(rows))
        self.table.setFixedHeight(height + self.table.horizontalHeader().height()
                                  + 2 * self.table.frameWidth() + 2)

    def _combo(self, unit: NewUnit) -> _UnitCombo:
        combo = _UnitCombo([(i, p) for i, p in self.choices
                            if i not in {near for near, _path in unit.similar}])
        combo.addItem(self.tr("Choose…"), "")
        combo.addItem(self.tr("A new unit “%1”").replace("%1", unit.name), CREATE)
        for unit_id, path in unit.similar:
            combo.addItem(path, unit_id)
        decision = self.decisions.get(unit.written, "")
        if combo.findData(decision) < 0:
            combo.fill()
        combo.setCurrentIndex(max(0, combo.findData(decision)))
        combo.currentIndexChanged.connect(
            lambda _index, written=unit.written, box=combo: self._chosen(written, box))
        return combo

    def choose(self, written: str, choice: str | None) -> None:
        """Choose for a unit as the clerk does with its list: CREATE, a unit id, or None."""
        combo = self.combos[written]
        combo.fill()
        combo.setCurrentIndex(combo.findData(choice or ""))

    def _chosen(self, written: str, combo: QComboBox) -> None:
        choice = combo.currentData()
        if not choice:
            self.decisions.pop(written, None)
        else:
            self.decisions[written] = str(choice)
        self.create_rest.setEnabled(not self.all_decided())
        self.changed.emit()

    def _create_rest(self) -> None:
        for written in self.shown:
            if written not in self.decisions:
                self.decisions[written] = CREATE
                combo = self.combos[written]
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(CREATE))
                combo.blockSignals(False)
        self.create_rest.setEnabled(False)
        self.changed.emit()


class _UnitCombo(QComboBox):
    """The choices for one new unit: the nearest units at once, every other unit once the
    list is opened (a hundred new units times a hundred units is too many items to make
    up front on the GUI thread)."""

    def __init__(self, others: list[UnitChoice]) -> None:
        super().__init__()
        self.others = others

    def fill(self) -> None:
        if not self.others:
            return
        others, self.others = self.others, []
        if self.count() > 2:  # below the nearest units
            self.insertSeparator(self.count())
        for unit_id, path in others:
            self.addItem(path, unit_id)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()
