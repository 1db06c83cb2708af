"""The programme catalogue: what is taught to whom, with each programme's coverage."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QSplitter, QVBoxLayout, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.target_group import describe
from cadre_desktop.services import lists, office_role, training, units
from cadre_desktop.services.training import Programme
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.read_only import allow
from cadre_desktop.ui.kit.tables import button, button_row, current_row, make_table, select_row
from cadre_desktop.ui.training.coverage import CoveragePanel
from cadre_desktop.ui.training.programme_editor import ProgrammeEditor
from cadre_desktop.ui.training.programme_models import ProgrammeRow, ProgrammeTableModel
from cadre_desktop.ui.training.target_editor import TargetChoices


def target_choices(db: Database) -> TargetChoices:
    """What the target group pickers offer: the editable lists, and every unit level
    label in use besides the listed ones."""
    levels = [label for _code, label in lists.choices(db, "unit_level")]
    for unit in units.list_units(db):
        if unit.level_label and unit.level_label not in levels:
            levels.append(unit.level_label)
    return TargetChoices(lists.choices(db, "position"), lists.choices(db, "working_status"),
                         levels)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class ProgrammesPage(QWidget):
    changed = Signal(str)  # the message for the status bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmesPage")
        self._db = db
        self.editor: ProgrammeEditor | None = None
        self.model = ProgrammeTableModel(self)
        self.view = make_table("programmeView", self.model, [48], stretch=3,
                               fit=[1, 2, 4, 5, 6])
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        # After the selection follows the click (current_row reads the selection).
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._programme_chosen())
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.setObjectName("showDeletedProgrammes")
        self.show_deleted.toggled.connect(lambda _on: self.reload())
        self.add_button = button(self.tr("&New programme…"), self.add_programme, "addProgramme")
        self.edit_button = button(self.tr("&Edit…"), self.edit_current, "editProgramme")
        self.delete_button = button(self.tr("&Delete"), self.delete_current, "deleteProgramme")
        self.restore_button = button(self.tr("&Restore"), self.restore_current,
                                     "restoreProgramme")
        self.coverage = CoveragePanel(db)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(button_row(self.add_button, self.edit_button, self.delete_button,
                                          self.restore_button, self.show_deleted,
                                          stretch_at=4))
        upper_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.coverage)
        self.splitter.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.coverage.set_database(db)
        self.reload()

    def reload(self) -> None:
        row = current_row(self.view)
        labels = target_choices(self._db).labels
        found = training.list_programmes(self._db, self.show_deleted.isChecked())
        self.model.set_rows([ProgrammeRow(p, _capitalised(describe(p.target_group, labels)))
                            for p in found])
        select_row(self.view, min(max(row, 0), self.model.rowCount() - 1))
        self._programme_chosen()

    def current(self) -> Programme | None:
        record = self.model.record(current_row(self.view))
        return record.programme if record else None

    def read_only_reason(self) -> str | None:
        """Why the current programme cannot be changed here (issued by the office above,
        or, at the province, an office below's own), or None."""
        programme = self.current()
        return office_role.read_only_reason(self._db, "programme",
                                            programme.id if programme else None)

    def _programme_chosen(self) -> None:
        programme = self.current()
        reason = self.read_only_reason()
        allow(self.edit_button, programme is not None and not programme.deleted, reason)
        allow(self.delete_button, programme is not None and not programme.deleted, reason)
        allow(self.restore_button, programme is not None and programme.deleted, reason)
        self.coverage.set_programme(programme if programme and not programme.deleted
                                    else None)

    def add_programme(self) -> None:
        self._open_editor(None)

    def edit_current(self) -> None:
        programme = self.current()
        if programme is None or programme.deleted:
            return
        reason = self.read_only_reason()
        if reason is not None:  # a double click on another office's programme
            messages.inform(self, self.tr("Training programme"), reason)
            return
        self._open_editor(programme)

    def _open_editor(self, programme: Programme | None) -> None:
        editor = ProgrammeEditor(self._db, target_choices(self._db), programme, self)
        self.editor = editor
        editor.saved.connect(lambda _pid: self._saved(editor))
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()

    def _saved(self, editor: ProgrammeEditor) -> None:
        self.reload()
        self.changed.emit(self.tr("Saved programme %1").replace("%1", editor.name.text()))

    def _editor_closed(self, editor: ProgrammeEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def delete_current(self) -> None:
        programme = self.current()
        if programme is None or programme.deleted:
            return
        try:
            training.delete_programme(self._db, programme.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.changed.emit(self.tr("Deleted programme %1. Press Ctrl+Z to undo.")
                          .replace("%1", programme.name))

    def restore_current(self) -> None:
        programme = self.current()
        if programme is None or not programme.deleted:
            return
        try:
            training.restore_programme(self._db, programme.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.changed.emit(self.tr("Restored programme %1").replace("%1", programme.name))
