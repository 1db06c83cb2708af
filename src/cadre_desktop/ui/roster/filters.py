"""The roster's list filters under the search: current position, planned position,
working status and political theory level (each "any" by default)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from cadre_desktop.services import lists
from cadre_desktop.store.db import Database

# filter field -> the editable list its choices come from
_LISTS = {"position_code": "position", "planning_code": "position",
          "working_status": "working_status", "theory_level": "theory_level"}


class RosterFilters(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterFilters")
        captions = {"position_code": self.tr("Position"),
                    "planning_code": self.tr("Planned for"),
                    "working_status": self.tr("Working status"),
                    "theory_level": self.tr("Political theory")}
        self.captions = captions
        self.combos: dict[str, QComboBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for field, caption in captions.items():
            combo = QComboBox()
            combo.setObjectName(f"filter_{field}")
            # Narrow by default (the window must fit small screens); the open list shows
            # the whole names.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            combo.setMinimumWidth(self.fontMetrics().averageCharWidth() * 8)
            combo.setMaximumWidth(220)
            # No label beside it: the window must fit small screens. The first item says
            # what the list filters by ("Chức vụ: tất cả"); so does the tooltip.
            combo.setToolTip(caption)
            combo.setAccessibleName(caption)
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.changed)
            self.combos[field] = combo
        row.addStretch(1)
        self.reload(db)

    def reload(self, db: Database) -> None:
        """Re-read the lists; a choice that still exists is kept."""
        for field, combo in self.combos.items():
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("%1: any").replace("%1", self.captions[field]), None)
            for code, label in lists.choices(db, _LISTS[field]):
                combo.addItem(label, code)
            found = combo.findData(keep) if keep else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def values(self) -> dict[str, str | None]:
        """The chosen codes by RosterFilter field (None: any)."""
        return {field: (str(c.currentData()) if c.currentData() else None)
                for field, c in self.combos.items()}

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
