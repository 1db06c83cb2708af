"""The roster page: organisation tree on the left, search and the people table on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import office_role, roster
from cadre_desktop.services.roster import RosterFilter
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.read_only import allow
from cadre_desktop.ui.roster.editor import PersonEditor
from cadre_desktop.ui.roster.files import RosterFiles
from cadre_desktop.ui.roster.filters import RosterFilters
from cadre_desktop.ui.roster.model import RosterTableModel
from cadre_desktop.ui.roster.office_filter import OfficeFilter
from cadre_desktop.ui.roster.unit_panel import UnitPanel
from cadre_desktop.ui.roster.view import RosterView

# A short pause so a fast typist does not query on every letter, yet the list follows
# within 100 ms of the last key (a filter at 100,000 people costs about 20 ms).
SEARCH_DELAY_MS = 40


class RosterPage(QWidget):
    changed = Signal()  # office data changed: the undo label and other pages may follow
    message = Signal(str)  # for the status bar

    def __init__(self, db: Database, db_path: Path, undo_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self._db = db
        self._db_path = db_path
        self.editor: PersonEditor | None = None

        self.units = UnitPanel(db)
        self.units.unit_selected.connect(self._apply_filter)
        self.units.changed.connect(self._units_changed)

        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(self.tr("Search by name, citizen ID or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_now)
        self.office_filter = OfficeFilter()
        self.office_filter.reload(db)
        self.office_filter.currentIndexChanged.connect(self._apply_filter)
        self.filters = RosterFilters(db)
        self.filters.changed.connect(self._apply_filter)
        self.files = RosterFiles(self, db, lambda: (self.model.current_filter,
                                                    self.model.current_sort))
        self.files.message.connect(self.message)
        self.files.imported.connect(lambda: self._changed(self.tr("Roster imported")))

        self.model = RosterTableModel(db, self)
        self.view = RosterView()
        self.view.setModel(self.model)
        self.view.apply_column_widths()
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.open_requested.connect(self.edit_row)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_count)
        self.model.totalChanged.connect(self._list_loaded)
        self._select_when_loaded: int | None = None

        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")
        self.count_label.setContentsMargins(6, 0, 6, 0)

        self._make_actions(undo_action)
        toolbar = QToolBar()
        toolbar.setObjectName("rosterToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.add_action, self.edit_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.show_deleted_action, self.restore_action])
        toolbar.addSeparator()
        toolbar.addAction(undo_action)
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action, self.print_action])

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.office_filter)
        search_row.addWidget(self.count_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(toolbar)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.filters)
        right_layout.addWidget(self.view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("rosterSplitter")
        self.splitter.addWidget(self.units)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.units.preferred_width(), 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.units.tree, self.search)
        QWidget.setTabOrder(self.search, self.office_filter)
        QWidget.setTabOrder(self.office_filter, self.view)
        self._show_office_column()
        self._update_count()
        self._update_actions()

    def _make_actions(self, undo_action: QAction) -> None:
        style = self.style()

        def action(text: str, slot: object, icon: QStyle.StandardPixmap | None = None,
                   shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
                   ) -> QAction:
            made = QAction(QIcon(style.standardIcon(icon)) if icon else QIcon(), text, self)
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        SP = QStyle.StandardPixmap
        self.add_action = action(self.tr("&Add person"), self.add_person,
                                 SP.SP_FileDialogNewFolder, QKeySequence.StandardKey.New)
        self.edit_action = action(self.tr("&Edit"), self.edit_current,
                                  SP.SP_FileDialogDetailedView)
        self.delete_action = action(self.tr("&Delete"), self.delete_selected,
                                    SP.SP_TrashIcon, QKeySequence(Qt.Key.Key_Delete))
        self.show_deleted_action = action(self.tr("Show de&leted"), self._toggle_deleted)
        self.show_deleted_action.setCheckable(True)
        self.show_deleted_action.setObjectName("showDeleted")
        self.restore_action = action(self.tr("&Restore"), self.restore_selected,
                                     SP.SP_DialogResetButton)
        self.import_action = action(self.tr("&Import roster…"), self.import_roster,
                                    SP.SP_ArrowDown)
        self.export_action = action(self.tr("E&xport roster…"), self.export_roster,
                                    SP.SP_DialogSaveButton)
        self.print_action = action(self.tr("&Print the list…"), self.print_roster,
                                   SP.SP_FileDialogContentsView, QKeySequence.StandardKey.Print)
        self.print_action.setObjectName("printRoster")
        self.print_action.setToolTip(self.tr(
            "Print the people shown (search, unit, filters and order as on screen)"))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.delete_action)
        self.import_action.setIconText(self.tr("Import"))
        self.export_action.setIconText(self.tr("Export"))
        self.print_action.setIconText(self.tr("Print"))
        self.undo_action = undo_action

    # -- filter and count ----------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._apply_filter()
        self.view.setFocus()
        self._select_after_loading(0)

    def _select_after_loading(self, row: int) -> None:
        if self.model.complete:
            if self.model.total:
                self._select_row(min(row, self.model.total - 1))
        else:
            self._select_when_loaded = row

    def _list_loaded(self, total: int) -> None:
        self._update_count()
        row, self._select_when_loaded = self._select_when_loaded, None
        if row is not None and total:
            self._select_row(min(row, total - 1))

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        wanted = RosterFilter(query=self.search.text(), unit_id=self.units.selected_unit_id(),
                              deleted=self.show_deleted_action.isChecked(),
                              office_id=self.office_filter.office_id(),
                              office_below=self.office_filter.with_offices_below(),
                              **self.filters.values())
        self._show_office_column()
        if wanted != self.model.current_filter:
            self.view.scrollToTop()  # a new list starts at its top
            self.model.set_filter(wanted)

    def _show_office_column(self) -> None:
        several = self.office_filter.several_shown()
        if several == self.model.shows_office:
            return
        sorted_by_office = self.model.current_sort.column == "office"
        self.model.set_show_office(several)
        if sorted_by_office:
            self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        if several:
            # The office's code is the model's last column; it is shown after the name.
            header = self.view.horizontalHeader()
            last = self.model.columnCount() - 1
            header.moveSection(header.visualIndex(last), 1)
            self.view.setColumnWidth(last, self.view.fontMetrics().averageCharWidth() * 12 + 12)

    def _update_count(self) -> None:
        total = self.model.total
        if self.model.counting:
            text = self.tr("Counting…")
        elif self.show_deleted_action.isChecked():
            text = self.tr("%Ln deleted people", "", total)
        else:
            text = self.tr("%Ln people", "", total)
        self.count_label.setText(text)
        self._update_actions()

    def _update_actions(self) -> None:
        deleted = self.show_deleted_action.isChecked()
        selected = bool(self.view.selectionModel().selectedRows())
        reason = self.read_only_reason() if selected else None
        self.add_action.setEnabled(not deleted)
        for action, enabled in ((self.edit_action, selected and not deleted),
                                (self.delete_action, selected and not deleted),
                                (self.restore_action, selected and deleted)):
            allow(action, enabled, reason, action.text().replace("&", ""))

    def read_only_reason(self) -> str | None:
        """Why the current person cannot be changed here (the province holds the people
        of the offices below it, which only they change), or None."""
        if not self.office_filter.holds_others():
            return None  # an office's roster holds its own people alone
        row = self.view.currentIndex().row()
        try:
            person_id = self.model.person_id(row) if row >= 0 else None
        except IndexError:
            return None
        return office_role.read_only_reason(self._db, "person", person_id)

    def _toggle_deleted(self) -> None:
        self.units.set_deleted(self.show_deleted_action.isChecked())
        self._apply_filter()
        self._update_count()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    # -- after a change ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything after a change made here or elsewhere (undo, import)."""
        row = self.view.currentIndex().row()
        self.units.reload()
        self.filters.reload(self._db)
        self._reload_offices()
        self.model.refresh()  # an unchanged list keeps its selection and scroll position
        self._update_count()
        if row >= 0:
            self._select_after_loading(row)  # the same place in a changed list

    def set_database(self, db: Database) -> None:
        self._db = db
        self.units.set_database(db)
        self.model.set_database(db)
        self.office_filter.reload(db)
        self.filters.reload(db)
        self.files.db = db
        self._apply_filter()

    def _reload_offices(self) -> None:
        """Offices may have arrived (an imported bundle): the choice follows."""
        self.office_filter.reload(self._db)  # quietly: the filter is applied below
        if self.office_filter.office_id() != self.model.current_filter.office_id:
            self._apply_filter()
        self._show_office_column()

    def _changed(self, message: str) -> None:
        self.refresh()
        self.message.emit(message)
        self.changed.emit()

    def _units_changed(self, message: str) -> None:
        self.message.emit(message)
        self.changed.emit()

    # -- people --------------------------------------------------------------------------

    def _selected_ids(self) -> list[str]:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        return self.model.person_ids(rows)

    def add_person(self) -> None:
        if self.show_deleted_action.isChecked():
            return
        self._open_editor(None)

    def edit_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.edit_row(index.row())

    def edit_row(self, row: int) -> None:
        if self.show_deleted_action.isChecked():
            return
        try:
            person_id = self.model.person_id(row)
        except IndexError:
            self.refresh()
            return
        # Another office's person opens to be read, with the reason it cannot be saved.
        reason = (office_role.read_only_reason(self._db, "person", person_id)
                  if self.office_filter.holds_others() else None)
        self._open_editor(person_id, reason)

    def _open_editor(self, person_id: str | None, read_only: str | None = None) -> None:
        try:
            editor = PersonEditor(self._db, person_id, self.units.selected_unit_id(), self,
                                  read_only)
        except UserError as exc:
            show_user_error(self, exc)
            self.refresh()
            return
        self.editor = editor
        editor.saved.connect(lambda _pid: self._changed(
            self.tr("Saved %1").replace("%1", editor.saved_name)))
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()

    def _editor_closed(self, editor: PersonEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
        self.view.setFocus()

    def delete_selected(self) -> None:
        if self.show_deleted_action.isChecked():
            return
        ids = self._selected_ids()
        if not ids:
            return
        try:
            count = roster.delete_people(self._db, ids)
        except UserError as exc:  # another office's person among them: nothing deleted
            show_user_error(self, exc)
            return
        self._changed(self.tr("Deleted %Ln people. Press Ctrl+Z to undo.", "", count))

    def restore_selected(self) -> None:
        if not self.show_deleted_action.isChecked():
            return
        ids = self._selected_ids()
        if not ids:
            return
        try:
            count = roster.restore_people(self._db, ids)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._changed(self.tr("Restored %Ln people.", "", count))

    # -- files ---------------------------------------------------------------------------

    def import_roster(self) -> None:
        self.files.import_roster()

    @property
    def import_wizard(self) -> QWidget | None:
        return self.files.import_wizard

    def export_roster(self) -> None:
        """The people on screen, as a file that imports back (an op)."""
        self.files.export_roster()

    def print_roster(self) -> None:
        """The people on screen as a Đoàn-format list, in the print preview (Ctrl+P)."""
        self.files.print_roster()
