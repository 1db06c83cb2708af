"""The member training programme page: the programme year and its deadlines, a branch's
registrations with their status, and the branch's score grid.

A branch's list is read off the GUI thread (a unit high in the tree lists everyone below
it); turning results into yearly ratings runs as an op with a working Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import member_programme as svc
from cadre_desktop.services.member_programme import ProgrammeYear, RatingPreview, ScoreRow
from cadre_desktop.services.units import Unit, list_units
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit.fields import unit_choices
from cadre_desktop.ui.kit.on_screen import print_action
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.member_programme.dialogs import (
    NewYearDialog,
    ReturnDialog,
    SelfEvaluationDialog,
)
from cadre_desktop.ui.member_programme.ratings_dialog import ApplyRatingsDialog
from cadre_desktop.ui.member_programme.registration_editor import RegistrationEditor
from cadre_desktop.ui.member_programme.registrations_panel import RegistrationsPanel
from cadre_desktop.ui.member_programme.score_grid import SCORE
from cadre_desktop.ui.member_programme.scores_panel import ScoresPanel
from cadre_desktop.ui.roster.editor_widgets import CodeCombo

REGISTRATIONS_TAB, SCORES_TAB = range(2)


def default_branch(found: list[Unit]) -> str | None:
    """The first unit without units below it (a branch), in tree order."""
    parents = {u.parent_id for u in found}
    return next((code for code, _label in unit_choices(found) if code not in parents), None)


class MemberProgrammePage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberProgrammePage")
        self._db = db
        self.dialog: QWidget | None = None
        self._channel = f"member-programme-{id(self)}"
        self._years: dict[str, ProgrammeYear] = {}
        self.preview_op: Op | None = None  # working out the ratings to apply
        found_units = list_units(db)

        self.year_combo = QComboBox()
        self.year_combo.setObjectName("programmeYear")
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.new_year_button = QPushButton(self.tr("&New year…"))
        self.new_year_button.setObjectName("newProgrammeYear")
        self.new_year_button.clicked.connect(self.new_year)
        self.deadlines = QLabel()
        self.deadlines.setObjectName("programmeDeadlines")
        self.deadlines.setWordWrap(True)
        self.branch = CodeCombo(unit_choices(found_units))
        self.branch.setObjectName("programmeBranch")
        self.branch.currentIndexChanged.connect(self._branch_changed)
        self.branch.setMinimumContentsLength(14)
        top = QFormLayout()
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_combo)
        year_row.addWidget(self.new_year_button)
        year_row.addWidget(self.deadlines, 1)
        top.addRow(self.tr("Programme year:"), year_row)
        branch_row = QHBoxLayout()
        branch_row.addWidget(self.branch, 2)
        branch_row.addStretch(1)
        top.addRow(self.tr("Branch:"), branch_row)

        # Ctrl+P on either tab: the branch's results, the page's one list on paper.
        self.print_action = print_action(self, self.print_shown, "printProgramme")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("programmeTabs")
        self.tabs.addTab(self._registrations_tab(), self.tr("Registrations"))
        self.tabs.addTab(self._scores_tab(), self.tr("Scores"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._shown_branch: str | None = None
        self._shown_year: str | None = None
        self.branch.set_code(default_branch(found_units))

    # -- building ------------------------------------------------------------------------

    def _registrations_tab(self) -> QWidget:
        panel = RegistrationsPanel(self.open_registration, self.approve_selected,
                                   self.return_selected, self.record_self_evaluation)
        panel.view.selectionModel().selectionChanged.connect(self._update_buttons)
        # the panel's parts, as the page's own
        self.registrations_panel = panel
        self.registrations, self.registrations_view = panel.model, panel.view
        self.registration_counts = panel.counts
        self.open_button, self.approve_button = panel.open_button, panel.approve_button
        self.return_button, self.self_button = panel.return_button, panel.self_button
        return panel

    def _scores_tab(self) -> QWidget:
        self.score_panel = ScoresPanel()
        self.score_panel.save_button.clicked.connect(self.save_scores)
        self.score_panel.saved.connect(self._done)
        self.score_panel.discard_requested.connect(lambda: self.reload_branch(force=True))
        self.score_panel.apply_requested.connect(self.apply_ratings)
        self.score_panel.print_requested.connect(self.print_results)
        self.printer = PdfMaker(self)
        self.printer.message.connect(self.message)
        # the grid's parts, as the page's own
        self.scores, self.grid = self.score_panel.scores, self.score_panel.grid
        self.save_scores_button = self.score_panel.save_button
        self.apply_button = self.score_panel.apply_button
        self.score_errors = self.score_panel.errors
        return self.score_panel

    # -- loading -------------------------------------------------------------------------

    def current_year(self) -> ProgrammeYear | None:
        year_id = self.year_combo.currentData()
        return self._years.get(str(year_id)) if year_id else None

    def reload_years(self, select: str | None = None) -> None:
        keep = select or self.year_combo.currentData()
        years = svc.list_years(self._db)
        self._years = {year.id: year for year in years}
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(year.name, year.id)
        index = self.year_combo.findData(keep) if keep else -1
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)
        self._year_changed()

    def _year_changed(self) -> None:
        year = self.current_year()
        if year is None:
            self.deadlines.setText(self.tr("No programme year yet: start one with New year."))
        else:
            text = self.tr("Register by %1 · evaluate by %2 · ratings for %3").replace(
                "%1", format_date(year.registration_by)).replace(
                "%2", format_date(year.evaluation_by)).replace("%3", str(year.rating_year))
            self.deadlines.setText(text)
        self.reload_branch()

    def _branch_changed(self) -> None:
        self.reload_branch()

    def reload_branch(self, force: bool = False) -> None:
        year = self.current_year()
        branch = self.branch.code()
        wanted = (year.id if year else None, branch)
        moved = wanted != (self._shown_year, self._shown_branch)
        if self.scores.dirty and not force and moved and not messages.confirm(
                self, self.tr("Scores not saved"), self.tr(
                    "The scores typed for this branch are not saved. Discard them?"),
                self.tr("Discard")):
            self._restore_choice()
            return
        self._shown_year, self._shown_branch = wanted
        keep = self.current_person_id()
        if moved:  # the other branch's rows are not shown under this one's name
            self._show_branch([], year, False, keep)
        if year is None or branch is None:
            queries_for(self._db).forget(f"{self._channel}/branch")
            return
        year_id = year.id

        def read(db: Database, _progress: Progress) -> list[ScoreRow]:
            return svc.branch_scores(db, year_id, branch)

        queries_for(self._db).ask(f"{self._channel}/branch", read, on_done=lambda rows: (
            self._show_branch(rows, year, not force, keep)))

    def _show_branch(self, rows: list[ScoreRow], year: ProgrammeYear | None,
                     keep_typed: bool, keep: str | None) -> None:
        """keep_typed: scores typed while the list was read again stay in the grid;
        keep: the member to select again (unless the clerk chose another meanwhile)."""
        keep = self.current_person_id() or keep
        self.score_panel.set_rows(rows, year.bands if year else (), year is not None,
                                  keep_typed)
        row = self.registrations_panel.show_rows(rows, keep)
        if row >= 0:
            self.grid.setCurrentIndex(self.scores.index(row, SCORE))
        self._update_buttons()

    def _restore_choice(self) -> None:
        for combo, value in ((self.year_combo, self._shown_year),
                             (self.branch, self._shown_branch)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def refresh(self) -> None:
        """Re-read after a change elsewhere; a hidden page waits until it is shown, and
        scores being typed are not thrown away."""
        if self.isVisible() and not self.scores.dirty:
            self.reload_years()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def set_database(self, db: Database) -> None:
        queries_for(self._db).forget(self._channel)
        self._db = db
        self._years = {}
        self.scores.set_rows([], ())
        found_units = list_units(db)
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItem("", None)
        for code, label in unit_choices(found_units):
            self.branch.addItem(label, code)
        self.branch.set_code(default_branch(found_units))
        self.branch.blockSignals(False)
        self._shown_year = self._shown_branch = None
        self.refresh()

    def open_target(self, target: object) -> None:
        """From another page: a branch's unit id (its registrations are shown)."""
        if isinstance(target, str) and self.branch.findData(target) >= 0:
            self.branch.set_code(target)
        self.tabs.setCurrentIndex(REGISTRATIONS_TAB)

    # -- registrations -------------------------------------------------------------------

    def current_row(self) -> ScoreRow | None:
        return self.registrations_panel.current_row()

    def current_person_id(self) -> str | None:
        found = self.current_row()
        return found.person_id if found else None

    def _update_buttons(self) -> None:
        row = self.current_row()
        year = self.current_year()
        self.open_button.setEnabled(row is not None and year is not None)
        submitted = row is not None and row.status == "submitted"
        self.approve_button.setEnabled(submitted)
        self.return_button.setEnabled(submitted)
        self.self_button.setEnabled(row is not None and row.status in ("submitted", "approved"))

    def _done(self, message: str) -> None:
        self.reload_branch(force=True)
        self.message.emit(message)
        self.changed.emit()

    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def open_registration(self) -> None:
        row, year = self.current_row(), self.current_year()
        if row is None or year is None:
            return
        editor = RegistrationEditor(self._db, year, row.person_id, row.full_name, self)
        editor.changed.connect(self._done)
        editor.message.connect(self.message)
        self._open_dialog(editor)

    def approve_selected(self) -> None:
        row = self.current_row()
        if row is None or row.registration_id is None:
            return
        try:
            svc.decide_registration(self._db, row.registration_id, approve=True, on=today())
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._done(self.tr("Approved the registration of %1").replace("%1", row.full_name))

    def return_selected(self) -> None:
        row = self.current_row()
        if row is None or row.registration_id is None:
            return
        dialog = ReturnDialog(self._db, row.registration_id, row.full_name, self)
        dialog.accepted.connect(lambda: self._done(self.tr(
            "Returned the registration of %1").replace("%1", row.full_name)))
        self._open_dialog(dialog)

    def record_self_evaluation(self) -> None:
        row, year = self.current_row(), self.current_year()
        if row is None or year is None or row.registration_id is None:
            return
        dialog = SelfEvaluationDialog(self._db, year, row.registration_id, row.full_name, self)
        dialog.accepted.connect(lambda: self._done(self.tr(
            "Recorded the self-evaluation of %1").replace("%1", row.full_name)))
        self._open_dialog(dialog)

    def new_year(self) -> None:
        dialog = NewYearDialog(self._db, self)

        def opened() -> None:
            if dialog.year is not None:
                self.reload_years(dialog.year.id)
                self.message.emit(self.tr("Opened the programme year %1").replace(
                    "%1", dialog.year.name))
                self.changed.emit()

        dialog.accepted.connect(opened)
        self._open_dialog(dialog)

    # -- scores --------------------------------------------------------------------------

    def save_scores(self) -> None:
        year, branch = self.current_year(), self.branch.code()
        if year is not None and branch is not None:
            self.score_panel.save(self._db, year.id, branch, today())

    def apply_ratings(self) -> None:
        """Work out the ratings the year's scores give (every scored member of the
        office) off the GUI thread, then show them before anything is written."""
        year = self.current_year()
        if year is None:
            return
        year_id = year.id

        def preview(db: Database, progress: Progress) -> RatingPreview:
            return svc.apply_ratings(db, year_id, confirm=False, progress=progress)

        def show(found: RatingPreview) -> None:
            dialog = ApplyRatingsDialog(self._db, found, self)
            dialog.applied.connect(lambda n: self._done(self.tr(
                "Wrote %Ln yearly ratings", "", n)))
            self._open_dialog(dialog)

        self.preview_op = run_op(self, self._db, preview, title=self.tr(
            "Apply as yearly ratings"), label=self.tr("Working out the ratings…"),
            on_success=show)

    def print_shown(self) -> None:
        """Ctrl+P: the branch's results, when it has any registration for the year."""
        if self.score_panel.print_button.isEnabled():
            self.print_results()
        else:
            self.message.emit(self.tr("Nothing to print: nobody in this branch has "
                                      "registered for the year."))

    def print_results(self) -> None:
        """The branch's result list as saved (scores typed but not saved are not on it)."""
        year, branch = self.current_year(), self.branch.code()
        if year is None or branch is None:
            return
        if self.scores.dirty:
            messages.warn(self, self.tr("Print branch results"), self.tr(
                "The scores typed for this branch are not saved. Save them first: the list "
                "shows what is saved."))
            return
        self.printer.make(self._db, "print_branch_results", [year.id, branch],
                          "ket-qua-ren-luyen.pdf", self.tr("Branch results"))
