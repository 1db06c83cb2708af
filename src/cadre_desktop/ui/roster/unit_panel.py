"""The organisation tree beside the roster, with its actions on units."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import office_role, units
from cadre_desktop.services.units import Unit
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.read_only import allow
from cadre_desktop.ui.roster import unit_dialogs
from cadre_desktop.ui.roster.unit_tree import STATUS_ROLE, UNIT_ID_ROLE, UnitTreeModel


class UnitPanel(QWidget):
    unit_selected = Signal(object)  # unit id, or None for every unit
    changed = Signal(str)  # a unit was added, renamed or closed; the message to show

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._deleted = False
        self._reloading = False
        self.model = UnitTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("unitTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)  # deep trees keep room for their long unit names
        # A name too long for the panel keeps its end, which tells branches apart
        # ("Chi đoàn … Khu phố 12").
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.add_action = QAction(self.tr("Add unit below…"), self)
        self.add_action.triggered.connect(self.add_child)
        self.rename_action = QAction(self.tr("Rename unit…"), self)
        self.rename_action.triggered.connect(self.rename)
        self.close_action = QAction(self.tr("Dissolve or merge unit…"), self)
        self.close_action.triggered.connect(self.close_selected)
        for action in (self.add_action, self.rename_action, self.close_action):
            self.tree.addAction(action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def set_deleted(self, deleted: bool) -> None:
        """Counts of deleted people while the roster shows them."""
        self._deleted = deleted
        self.reload()

    def reload(self) -> None:
        keep = self.selected_unit_id()
        self._reloading = True  # the roster is told once, at the end, not on every step
        tree = units.unit_tree(self._db, self._deleted)
        self.model.reload(tree.units, tree.below, tree.total)
        all_index = self.model.index(0, 0)
        self.tree.expand(all_index)
        for row in range(self.model.rowCount(all_index)):
            self.tree.expand(self.model.index(row, 0, all_index))
        self.select_unit(keep)
        self._reloading = False
        self._current_changed(self.tree.currentIndex(), QModelIndex())

    def preferred_width(self, most: int = 420) -> int:
        """The width that shows every unit in use (name, depth and count) without cutting
        it, up to `most`: a small screen keeps room for the roster; a longer name is then
        cut, and its tooltip says it whole."""
        metrics = self.tree.fontMetrics()
        widest = 0
        pending = [(self.model.index(0, 0), 1)]
        while pending:
            index, depth = pending.pop()
            if self.model.data(index, STATUS_ROLE) in (None, "active"):
                text = str(self.model.data(index) or "")
                widest = max(widest, metrics.horizontalAdvance(text) + depth * 14 + 12)
            pending.extend((self.model.index(row, 0, index), depth + 1)
                           for row in range(self.model.rowCount(index)))
        count = self.tree.header().sectionSizeHint(1)
        frame = 2 * self.tree.frameWidth() + self.tree.verticalScrollBar().sizeHint().width()
        return min(widest + count + frame, most)

    def select_unit(self, unit_id: str | None) -> None:
        found = self._find(unit_id) if unit_id else None
        index = found if found is not None else self.model.index(0, 0)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def selected_unit_id(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index.siblingAtColumn(0), UNIT_ID_ROLE)
        return str(value) if value else None

    def selected_unit(self) -> Unit | None:
        return self.model.unit(self.selected_unit_id())

    def _find(self, unit_id: str) -> QModelIndex | None:
        matches = self.model.match(self.model.index(0, 0), UNIT_ID_ROLE, unit_id, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return matches[0] if matches else None

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reloading:
            return
        unit = self.selected_unit()
        # A unit of an office below (at the province) is that office's to change.
        reason = office_role.read_only_reason(self._db, "unit", unit.id if unit else None)
        allow(self.add_action, True, reason)
        allow(self.rename_action, unit is not None, reason)
        allow(self.close_action, unit is not None and unit.active, reason)
        self.unit_selected.emit(unit.id if unit else None)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addActions([self.add_action, self.rename_action, self.close_action])
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # -- actions -------------------------------------------------------------------------

    def add_child(self) -> None:
        parent = self.selected_unit()
        title = (self.tr("New unit below %1").replace("%1", parent.name) if parent
                 else self.tr("New unit"))
        dialog = unit_dialogs.UnitDialog(self._db, title, None, self)
        dialog.accepted.connect(lambda: self._finish_add(dialog, parent))
        dialog.open()

    def _finish_add(self, dialog: unit_dialogs.UnitDialog, parent: Unit | None) -> None:
        name, level = dialog.values()
        try:
            unit = units.add_unit(self._db, parent, name, level)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.select_unit(unit.id)
        self.changed.emit(self.tr("Unit %1 added").replace("%1", unit.name))

    def rename(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        dialog = unit_dialogs.UnitDialog(self._db, self.tr("Rename unit"), unit, self)
        dialog.accepted.connect(lambda: self._finish_rename(dialog, unit))
        dialog.open()

    def _finish_rename(self, dialog: unit_dialogs.UnitDialog, unit: Unit) -> None:
        name, level = dialog.values()
        try:
            units.rename_unit(self._db, unit, name, level)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.changed.emit(self.tr("Unit renamed"))

    def close_selected(self) -> None:
        unit = self.selected_unit()
        if unit is None or not unit.active:
            return
        below = set(units.subtree_ids(self._db, unit.id))
        candidates = [u for u in self.model.units() if u.active and u.id not in below]
        dialog = unit_dialogs.CloseUnitDialog(unit, candidates, self)
        dialog.accepted.connect(lambda: self._finish_close(dialog, unit))
        dialog.open()

    def _finish_close(self, dialog: unit_dialogs.CloseUnitDialog, unit: Unit) -> None:
        on, target = dialog.values()
        try:
            units.close_unit(self._db, unit, on, target)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.changed.emit(self.tr("Unit %1 closed").replace("%1", unit.name))
