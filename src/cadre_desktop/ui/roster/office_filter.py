"""The roster's choice of office, for a province that holds its children's records.

Hidden while this database holds only its own office's people (an office with no office
below it); otherwise "every office" first, then this office (its own people only) and the
offices below it in tree order, indented under their parent; choosing one of those shows
its people and those of the offices below it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from cadre_desktop.domain import text
from cadre_desktop.store import offices
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
        keep = self.office_id()
        ids = offices.subtree_ids(db, db.office_id)
        rows = {o.id: o for o in offices.all_offices(db)}
        children: dict[str, list[str]] = {}
        for office_id in ids[1:]:
            parent = rows[office_id].parent_id if office_id in rows else None
            children.setdefault(parent or db.office_id, []).append(office_id)
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Every office"), None)
        self._below = {}

        def walk(office_id: str, depth: int) -> int:
            row = rows.get(office_id)
            label = row.label if row else office_id[:8]
            if office_id == db.office_id:
                label = self.tr("%1 (this office only)").replace("%1", label)
            self.addItem("    " * depth + label, office_id)
            below = sorted(children.get(office_id, []), key=lambda i: (
                text.text_sort_key(rows[i].code), text.text_sort_key(rows[i].name))
                if i in rows else ("", i))
            total = 1 + sum(walk(child, depth + 1) for child in below)
            self._below[office_id] = total
            return total

        walk(db.office_id, 0)
        found = self.findData(keep) if keep else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        self._self_id = db.office_id
        self.setVisible(len(ids) > 1)

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

    def several_shown(self) -> bool:
        """Whether the roster shows people of more than one office."""
        if len(self._below) <= 1:
            return False
        chosen = self.office_id()
        return chosen is None or (chosen != self._self_id and self._below.get(chosen, 1) > 1)
