"""The Targets page's buttons to enter the plan itself: a new plan or a change to the
chosen one (with its yearly plans), a new target, a change to the chosen target, and its
removal (soft, Edit → Undo brings it back).

Each write is one action through the services, on the GUI thread (a small edit); the
page then reads again at the plan or target just written and announces the change
(`changed`), so the main window refreshes the other pages showing these tables. What a
dialog needs from the database is read off the GUI thread before it opens.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QTableView, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.plans import Plan, PlanOverview, YearInput
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.tables import button, current_row
from cadre_desktop.ui.targets.models import TargetsModel
from cadre_desktop.ui.targets.plan_dialog import PlanDialog
from cadre_desktop.ui.targets.target_dialog import TargetDialog
from cadre_desktop.ui.targets.target_form import TargetForm, read_form


class TargetsView(Protocol):
    """What the actions use of the Targets page (ui.targets.page, which holds them)."""

    data: Any  # page.PageData | None: the plans, the chosen one and its overview
    targets: TargetsModel
    table: QTableView
    shown: SignalInstance
    message: SignalInstance
    changed: SignalInstance

    @property
    def database(self) -> Database: ...

    def choose_plan(self, plan_id: str) -> None: ...

    def open_target(self, target: object) -> None: ...

    def reload(self) -> None: ...


class PlanActions(QWidget):
    def __init__(self, page: TargetsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planActions")
        self._page = page
        self.dialog: QDialog | None = None  # the dialog last opened (tests, screenshots)
        self.new_plan_button = button(self.tr("New p&lan…"), self.new_plan, "newPlan")
        self.edit_plan_button = button(self.tr("Edit pla&n…"), self.edit_plan, "editPlan")
        self.new_target_button = button(self.tr("New tar&get…"), self.new_target, "newTarget")
        self.edit_target_button = button(self.tr("Ed&it target…"), self.edit_target,
                                         "editTarget")
        self.remove_target_button = button(self.tr("Remo&ve target"), self.remove_target,
                                           "removeTarget")
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.new_plan_button, self.edit_plan_button, line,
                       self.new_target_button, self.edit_target_button,
                       self.remove_target_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        page.shown.connect(self.update_buttons)
        page.table.selectionModel().currentRowChanged.connect(lambda *_a: self.update_buttons())
        page.table.doubleClicked.connect(lambda _index: self.edit_target())
        self.update_buttons()

    @property
    def channel(self) -> str:
        return f"plan-actions-{id(self)}"

    def chosen_plan(self) -> Plan | None:
        data = self._page.data
        if data is None:
            return None
        return next((p for p in data.plans if p.id == data.plan_id), None)

    def chosen_target(self) -> TargetFigures | None:
        return self._page.targets.record(current_row(self._page.table))

    def _overview(self) -> PlanOverview | None:
        data, plan = self._page.data, self.chosen_plan()
        if data is None or plan is None or data.overview is None:
            return None
        return data.overview if data.overview.plan.id == plan.id else None

    def update_buttons(self) -> None:
        has_plan = self.chosen_plan() is not None
        has_target = has_plan and self.chosen_target() is not None
        self.new_plan_button.setEnabled(self._page.data is not None)
        self.edit_plan_button.setEnabled(has_plan)
        self.new_target_button.setEnabled(has_plan)
        self.edit_target_button.setEnabled(has_target)
        self.remove_target_button.setEnabled(has_target)

    # -- plans -----------------------------------------------------------------------------

    def new_plan(self) -> None:
        self._open_plan(None, [])

    def edit_plan(self) -> None:
        plan = self.chosen_plan()
        if plan is None:
            return

        def read(db: Database, _progress: Progress) -> list[YearInput]:
            return [YearInput(y.year, y.budget_estimate, y.note)
                    for y in plan_service.years(db, plan.id)]

        queries_for(self._page.database).ask(
            self.channel, read, on_done=lambda years: self._open_plan(plan, years))

    def _open_plan(self, plan: Plan | None, years: list[YearInput]) -> None:
        dialog = PlanDialog(self._page.database, plan, years, self)
        added = plan is None

        def saved(plan_id: str) -> None:
            name = dialog.name.text().strip()
            self._written(self.tr("Plan added: %1") if added else self.tr("Plan saved: %1"),
                          name, plan_id, None)

        dialog.saved.connect(saved)
        self.dialog = dialog
        dialog.open()

    # -- targets ---------------------------------------------------------------------------

    def new_target(self) -> None:
        self._ask_form(None)

    def edit_target(self) -> None:
        f = self.chosen_target()
        if f is not None:
            self._ask_form(f)

    def _ask_form(self, f: TargetFigures | None) -> None:
        plan, overview = self.chosen_plan(), self._overview()
        if plan is None:
            return

        def read(db: Database, _progress: Progress) -> TargetForm:
            return read_form(db, plan, overview)

        queries_for(self._page.database).ask(
            self.channel, read, on_done=lambda form: self._open_target(form, f))

    def _open_target(self, form: TargetForm, f: TargetFigures | None) -> None:
        target = f.target if f is not None else None
        dialog = TargetDialog(self._page.database, form, target, self)

        def saved(target_id: str) -> None:
            words = self.tr("Target saved: %1") if target else self.tr("Target added: %1")
            self._written(words, dialog.name.text().strip(), form.plan.id, target_id)

        dialog.saved.connect(saved)
        self.dialog = dialog
        dialog.open()

    def remove_target(self) -> None:
        f = self.chosen_target()
        if f is None:
            return
        if not messages.confirm(self, self.tr("Remove target"), self.tr(
                "Remove the target “%1” from the plan? Edit → Undo brings it back.")
                .replace("%1", f.name), self.tr("Remove")):
            return
        try:
            plan_service.delete_target(self._page.database, f.id)
        except UserError as exc:  # removed meanwhile (another window, the command line)
            show_user_error(self, exc)
            self._page.reload()
            return
        self._written(self.tr("Target removed: %1 (Edit → Undo brings it back)"), f.name,
                      f.plan.id, None)

    def _written(self, words: str, name: str, plan_id: str, target_id: str | None) -> None:
        """Read the page again at what was written, and tell the other pages."""
        page = self._page
        if target_id is None:
            page.choose_plan(plan_id)
        else:
            page.open_target((plan_id, target_id))
        page.message.emit(words.replace("%1", name))
        page.changed.emit()
