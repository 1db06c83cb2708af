"""The roster's choice of office, for a province that holds its children's records.

Hidden while this database holds only its own office's people (an office with no office
below it); otherwise "every office" first, then this office (its own people only) and the
offices below it in tree order, indented under their parent, by name; choosing one of
those shows its people and those of the offices below it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from cadre_desktop.services import office_tree
from cadre_desktop.store.db import Database


class OfficeFilter(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeFilter")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(340)  # long office names are read in the open list
        self.setToolTip(self.tr("Show the people of every office, or of one office "
                                "(with the offices below it)"))
        self._below: dict[str, int] = {}  # office id -> offices in its subtree
        self._self_id = ""
        self.setVisible(False)

    def reload(self, db: Database) -> None:
        """Re-read the offices; the current choice is kept when it still exists."""
        self.set_tree(office_tree.office_tree(db))

    def set_tree(self, tree: office_tree.OfficeTree) -> None:
        keep = self.office_id()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Every office"), None)
        self._below = {}
        for choice in tree.choices:
            label = choice.name
            if choice.office_id == tree.self_id:
                label = self.tr("%1 (this office only)").replace("%1", label)
            self.addItem("    " * choice.depth + label, choice.office_id)
            self._below[choice.office_id] = choice.offices_below
        found = self.findData(keep) if keep else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        self._self_id = tree.self_id
        self.setVisible(tree.several)

    def office_id(self) -> str | None:
        """The chosen office, or None for every office (also while hidden)."""
        if len(self._below) <= 1:
            return None
        value = self.currentData()
        return str(value) if value else None

    def with_offices_below(self) -> bool:
        """Whether the chosen office's people come with those of the offices below it
        (not for this office itself: "every office" is there for that)."""
        return self.office_id() != self._self_id

    def holds_others(self) -> bool:
        """Whether the database holds the people of offices below this one."""
        return len(self._below) > 1

    def several_shown(self) -> bool:
        """Whether the roster shows people of more than one office."""
        if len(self._below) <= 1:
            return False
        chosen = self.office_id()
        return chosen is None or (chosen != self._self_id and self._below.get(chosen, 1) > 1)
