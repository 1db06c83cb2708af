"""The roster's list filters beside the search: current position, planned position,
working status and political theory level (each "any" by default)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

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
        self.combos: dict[str, QComboBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for field, caption in captions.items():
            combo = QComboBox()
            combo.setObjectName(f"filter_{field}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(220)
            label = QLabel(caption + ":")
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
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
            combo.addItem(self.tr("(any)"), None)
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
