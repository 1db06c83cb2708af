"""The organisation tree beside the roster: 'All units' on top, then the units.

A small tree (a few hundred units at most), so a QStandardItemModel rebuilt on change is
enough. Dissolved and merged units stay, greyed, for history.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from cadre_desktop.services.units import Unit

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


class UnitTreeModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("People")])
        self._units: dict[str, Unit] = {}

    def unit(self, unit_id: str | None) -> Unit | None:
        return self._units.get(unit_id) if unit_id else None

    def units(self) -> list[Unit]:
        return list(self._units.values())

    def reload(self, units: list[Unit], counts: dict[str, int], total: int) -> None:
        """Rebuild from the unit list (services.units); counts are people per subtree."""
        # The tree is built detached and inserted as one row: one signal for the view.
        self.removeRows(0, self.rowCount())
        self._units = {u.id: u for u in units}
        all_item = self._item(self.tr("All units"), None, "active")
        items = {u.id: self._unit_row(u, counts.get(u.id, 0)) for u in units}
        # Closed units after the units in use, each group in alphabetical order.
        for unit in sorted(units, key=lambda u: not u.active):
            parent = items[unit.parent_id][0] if unit.parent_id in items else all_item
            parent.appendRow(items[unit.id])
        self.appendRow([all_item, self._count_item(total)])

    def _unit_row(self, unit: Unit, count: int) -> list[QStandardItem]:
        name = unit.name
        if unit.status == "dissolved":
            name = self.tr("%1 (dissolved)").replace("%1", unit.name)
        elif unit.status == "merged":
            name = self.tr("%1 (merged)").replace("%1", unit.name)
        item = self._item(name, unit.id, unit.status)
        # The whole name first: a narrow tree cuts the longest ones.
        tip = "\n".join(filter(None, [name, unit.level_label]))
        if unit.valid_to:
            tip += "\n" + self.tr("Until %1").replace("%1", unit.valid_to)
        item.setToolTip(tip)
        count_item = self._count_item(count)
        if not unit.active:
            grey = QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
            item.setForeground(grey)
            count_item.setForeground(grey)
        return [item, count_item]

    @staticmethod
    def _item(text: str, unit_id: str | None, status: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(unit_id, UNIT_ID_ROLE)
        item.setData(status, STATUS_ROLE)
        return item

    @staticmethod
    def _count_item(count: int) -> QStandardItem:
        item = QStandardItem(QLocale().toString(count) if count else "")
        item.setEditable(False)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item
