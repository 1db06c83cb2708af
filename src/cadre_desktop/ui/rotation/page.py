"""The rotations page: the year's candidates with their reasons, the rotations with their
detail and actions, and the evaluations due or overdue (printed and exported as listed).
Its Print action (Ctrl+P, File → Print…) prints the tab shown: the due evaluations, or the
chosen rotation's summary.

The candidates (a full check of every cadre who could be sent) and the due evaluations
are read off the GUI thread; the rotations themselves are a short list read at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.services.rotation import Candidate, Rotation
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import fit_columns, today
from cadre_desktop.ui.kit.on_screen import print_action
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.rotation.candidates_model import FIRST_RULE, CandidatesModel
from cadre_desktop.ui.rotation.check_view import CheckView, check_heading
from cadre_desktop.ui.rotation.detail import RotationDetail
from cadre_desktop.ui.rotation.due_tab import DueTab
from cadre_desktop.ui.rotation.lifecycle import RotationActions
from cadre_desktop.ui.rotation.models import DueModel, RotationsModel
from cadre_desktop.ui.rotation.propose_dialog import ProposeDialog
from cadre_desktop.ui.rotation.rules_dialog import RulesDialog

CANDIDATES_TAB, ROTATIONS_TAB, DUE_TAB = range(3)


def planning_year(db: Database) -> int:
    """The year whose intake is being planned: this year until its start window closes
    (the end of the rules' latest start quarter), then the next one."""
    day = today()
    last_month = 3 * svc.load_rules(db).latest_start_quarter
    return day.year if day.month <= last_month else day.year + 1


def table(name: str, model: Any) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


class RotationPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotationPage")
        self._db = db
        self.dialog: QWidget | None = None
        self._channel = f"rotation-{id(self)}"
        self._candidates_year: int | None = None  # the year the list shows, once read

        self.year = QSpinBox()
        self.year.setObjectName("rotationYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(planning_year(db))
        self.year.valueChanged.connect(self.reload_candidates)
        style = self.style()
        self.propose_action = QAction(QIcon(style.standardIcon(
            QStyle.StandardPixmap.SP_FileDialogNewFolder)), self.tr("&Propose rotation…"), self)
        self.propose_action.setObjectName("proposeRotation")
        self.propose_action.triggered.connect(lambda: self.propose())
        self.rules_action = QAction(QIcon(style.standardIcon(
            QStyle.StandardPixmap.SP_FileDialogContentsView)), self.tr("&Rules…"), self)
        self.rules_action.setObjectName("rotationRules")
        self.rules_action.triggered.connect(self.edit_rules)
        self.lifecycle = RotationActions(db, self.current_rotation, self)
        self.lifecycle.done.connect(self._rotation_changed)
        toolbar = QToolBar()
        toolbar.setObjectName("rotationToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addWidget(QLabel(self.tr("Year:") + " "))
        toolbar.addWidget(self.year)
        toolbar.addSeparator()
        toolbar.addAction(self.propose_action)
        toolbar.addSeparator()
        toolbar.addActions(self.lifecycle.all)
        toolbar.addSeparator()
        toolbar.addAction(self.rules_action)

        self.print_action = print_action(self, self.print_shown, "printRotations")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rotationTabs")
        self.tabs.addTab(self._candidates_tab(), "")
        self.tabs.addTab(self._rotations_tab(), "")
        self.tabs.addTab(self._due_tab(), self.tr("Due and overdue"))  # counted once read
        self.tabs.currentChanged.connect(lambda _i: self._update_print())
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.tabs, 1)
        self._show_reasons()
        self._update_print()

    # -- building ------------------------------------------------------------------------

    def _candidates_tab(self) -> QWidget:
        self.candidates = CandidatesModel(self)
        self.candidates_view = table("candidatesView", self.candidates)
        self.candidates_view.horizontalHeader().setStretchLastSection(False)
        self.candidates_view.selectionModel().currentRowChanged.connect(self._show_reasons)
        self.candidates_view.doubleClicked.connect(lambda _i: self.propose_current())
        self.reasons = CheckView()
        self.reasons.setObjectName("candidateReasons")
        self.propose_current_button = QPushButton(self.tr("Propose this cadre…"))
        self.propose_current_button.setObjectName("proposeCurrent")
        self.propose_current_button.clicked.connect(self.propose_current)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.addWidget(self.reasons)
        column.addWidget(self.propose_current_button)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.candidates_view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([960, 360])
        return splitter

    def _rotations_tab(self) -> QWidget:
        self.rotations = RotationsModel(self)
        self.rotations_view = table("rotationsView", self.rotations)
        self.rotations_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._show_rotation())
        self.detail = RotationDetail(self._db)
        self.detail.changed.connect(self._evaluation_recorded)
        self.detail.message.connect(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rotations_view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        return splitter

    def _due_tab(self) -> QWidget:
        self.due = DueModel(self)
        self.due_view = table("dueView", self.due)
        self.due_tab = DueTab(self._db, self.due_view, f"{self._channel}/due")
        self.due_tab.opened.connect(self._open_due)
        self.due_tab.counted.connect(self._due_counted)
        self.due_tab.message.connect(self.message)
        return self.due_tab

    # -- loading -------------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        queries_for(self._db).forget(self._channel)
        self._db = db
        self._candidates_year = None
        self.due_tab.set_database(db)
        self.lifecycle.set_database(db)
        self.detail.set_database(db)
        self.refresh()

    def reload(self) -> None:
        self.reload_candidates()
        self.reload_rotations()
        self.reload_due()

    def refresh(self) -> None:
        """Re-read after a change elsewhere; a hidden page waits until it is shown."""
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # not when the window comes back from the taskbar
            self.reload()  # other pages may have changed the roster

    def reload_candidates(self) -> None:
        """Check the year's cadres off the GUI thread; proposing waits for the list."""
        year = self.year.value()
        self._candidates_year = None
        self.tabs.setTabText(CANDIDATES_TAB, self.tr("Candidates %1 (reading…)")
                             .replace("%1", str(year)))
        self._show_reasons()

        def read(db: Database, progress: Progress) -> tuple[list[Candidate], dict[str, str]]:
            groups = {g.code: g.label for g in svc.load_rules(db).groups}
            return svc.candidates(db, year, progress=progress), groups

        queries_for(self._db).ask(f"{self._channel}/candidates", read,
                                  on_done=lambda found: self._show_candidates(year, *found))

    def _show_candidates(self, year: int, found: list[Candidate],
                         groups: dict[str, str]) -> None:
        keep = self.current_candidate_id()
        self.candidates.set_candidates(found, groups)
        self._candidates_year = year
        view = self.candidates_view
        fit_columns(view, 170)
        for column in range(FIRST_RULE, self.candidates.columnCount()):
            view.setColumnWidth(column, max(view.columnWidth(column), 44))
        eligible = sum(c.check.eligible for c in found)
        self.tabs.setTabText(CANDIDATES_TAB, self.tr("Candidates %1 (%2 eligible)")
                             .replace("%1", str(year)).replace("%2", str(eligible)))
        row = self.candidates.row_of_person(keep) if keep else -1
        self._select(view, row if row >= 0 else 0)
        self._show_reasons()

    @property
    def candidates_ready(self) -> bool:
        """The list shows the chosen year's candidates (proposing needs them)."""
        return self._candidates_year == self.year.value()

    def reload_rotations(self, select: str | None = None) -> None:
        keep = select or (self.detail.rotation_id)
        self.rotations.set_rotations(svc.list_rotations(self._db), svc.labels(self._db))
        fit_columns(self.rotations_view, 260)
        self.tabs.setTabText(ROTATIONS_TAB, self.tr("Rotations (%1)").replace(
            "%1", str(self.rotations.rowCount())))
        row = self.rotations.row_of_id(keep) if keep else -1
        if row >= 0:
            self._select(self.rotations_view, row)
        self._show_rotation()

    def reload_due(self) -> None:
        """The evaluations due, read off the GUI thread (the member programme's own
        self-evaluations are that page's)."""
        self.due_tab.reload()

    def _due_counted(self, total: int, overdue: int) -> None:
        self.tabs.setTabText(DUE_TAB, self.tr("Due and overdue (%1)").replace(
            "%1", str(total)) if not overdue else self.tr(
            "Due and overdue (%1, %2 overdue)").replace("%1", str(total)).replace(
            "%2", str(overdue)))

    @staticmethod
    def _select(view: QTableView, row: int) -> None:
        model = view.model()
        if not 0 <= row < model.rowCount():
            view.selectionModel().clearSelection()
            return
        view.selectionModel().setCurrentIndex(
            model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        view.scrollTo(model.index(row, 0))

    # -- candidates ----------------------------------------------------------------------

    def current_candidate_id(self) -> str | None:
        found = self.candidates.record(self.candidates_view.currentIndex().row())
        return found.person_id if found else None

    def _show_reasons(self) -> None:
        found = self.candidates.record(self.candidates_view.currentIndex().row())
        ready = self.candidates_ready
        self.propose_action.setEnabled(ready)
        self.propose_current_button.setEnabled(ready and found is not None)
        if not ready:
            self.reasons.set_check(None, empty=self.tr("Checking the cadres…"))
            return
        if found is None:
            self.reasons.set_check(None, empty=self.tr(
                "No candidates: nobody in the permanent staff, full-time or planned is free "
                "to be sent."))
            return
        self.reasons.set_check(found.check, check_heading(found.check, found.full_name))

    def propose_current(self) -> None:
        self.propose(self.current_candidate_id())

    def propose(self, person_id: str | None = None) -> None:
        if not self.candidates_ready:  # the year's list is still being read
            return
        dialog = ProposeDialog(self._db, self.year.value(), self.candidates.rows(),
                               person_id, self)
        self.dialog = dialog
        dialog.proposed.connect(lambda rid: self._rotation_changed(
            rid, self.tr("Proposed a rotation for %1").replace("%1", svc.get(
                self._db, rid).full_name)))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def edit_rules(self) -> None:
        dialog = RulesDialog(self._db, self)
        self.dialog = dialog

        def saved() -> None:
            self.reload()
            self.changed.emit()
            self.message.emit(self.tr("Rotation rules saved"))

        dialog.accepted.connect(saved)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- rotations -----------------------------------------------------------------------

    def current_rotation(self) -> Rotation | None:
        if not hasattr(self, "rotations_view"):
            return None
        rows = self.rotations_view.selectionModel().selectedRows()
        return self.rotations.record(rows[0].row()) if rows else None

    def _show_rotation(self, evaluation_id: str | None = None) -> None:
        found = self.current_rotation()
        self.detail.show_rotation(found.id if found else None, evaluation_id)
        self.lifecycle.update()
        self._update_print()

    # -- printing what is shown ----------------------------------------------------------

    def _update_print(self) -> None:
        tab = self.tabs.currentIndex()
        self.print_action.setEnabled(tab == DUE_TAB or (
            tab == ROTATIONS_TAB and self.current_rotation() is not None))

    def print_shown(self) -> None:
        """Ctrl+P: the due evaluations as listed, or the chosen rotation's summary."""
        tab = self.tabs.currentIndex()
        if tab == DUE_TAB:
            self.due_tab.files.print_list()
        elif tab == ROTATIONS_TAB:
            self.detail.print_summary()

    def open_rotation(self, rotation_id: str, evaluation_id: str | None = None) -> None:
        self.tabs.setCurrentIndex(ROTATIONS_TAB)
        row = self.rotations.row_of_id(rotation_id)
        if row < 0:
            self.reload_rotations()
            row = self.rotations.row_of_id(rotation_id)
        self._select(self.rotations_view, row)
        self._show_rotation(evaluation_id)

    def open_target(self, target: object) -> None:
        """From another page: a rotation id, or (rotation id, evaluation id)."""
        if isinstance(target, tuple):
            self.open_rotation(str(target[0]), str(target[1]) if target[1] else None)
        elif isinstance(target, str):
            self.open_rotation(target)

    def _rotation_changed(self, rotation_id: str, message: str) -> None:
        self.reload()
        self.open_rotation(rotation_id)
        self.message.emit(message)
        self.changed.emit()

    def _evaluation_recorded(self, message: str) -> None:
        self.reload_due()
        self.reload_rotations()
        self.message.emit(message)
        self.changed.emit()

    def _open_due(self, index: QModelIndex) -> None:
        item = self.due.record(index.row())
        if item is None:
            return
        try:
            evaluation = follow.get_evaluation(self._db, item.reference_id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.open_rotation(evaluation.rotation_id, evaluation.id)

