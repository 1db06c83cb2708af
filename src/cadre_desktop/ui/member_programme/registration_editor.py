"""A member's registration: criteria chosen from the library (or the member's own) in the
five areas, each with a concrete plan; what is missing is shown where it is, and the
branch approves or returns it from here."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.member_programme import RegistrationItem, registration_problems
from cadre_desktop.services import member_programme as svc
from cadre_desktop.services.member_programme import ProgrammeYear
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.form_widgets import RESULT_COLOURS, WARNING_BACKGROUND, today
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.member_programme.dialogs import ReturnDialog
from cadre_desktop.ui.member_programme.items_model import (
    CRITERION,
    PLAN,
    AreaDelegate,
    RegistrationItemsModel,
)
from cadre_desktop.ui.member_programme.models import registration_word

CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1


class RegistrationEditor(QDialog):
    changed = Signal(str)  # the message for the status bar
    message = Signal(str)  # for the status bar only (the form was printed)

    def __init__(self, db: Database, year: ProgrammeYear, person_id: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationEditor")
        self.setWindowTitle(self.tr("Registration of %1 — %2").replace("%1", name)
                            .replace("%2", year.name))
        self._db, self._year, self._person_id, self._name = db, year, person_id, name
        self.dirty = False
        self.return_dialog: ReturnDialog | None = None
        form = svc.registration_form(db, year.id, person_id)
        areas = form.areas
        self.registration_id = form.registration.id if form.registration else None

        self.status = QLabel()
        self.status.setObjectName("registrationStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)

        self.library = QTreeWidget()
        self.library.setObjectName("criteriaLibrary")
        self.library.setHeaderLabels([self.tr("Library of criteria")])
        self.library.setWordWrap(True)
        for code, label in areas.items():
            area = QTreeWidgetItem(self.library, [label])
            area.setData(0, Qt.ItemDataRole.UserRole, code)
            for criterion in form.library.get(code, []):
                leaf = QTreeWidgetItem(area, [f"{criterion.code} {criterion.text}".strip()])
                leaf.setData(0, Qt.ItemDataRole.UserRole, code)
                leaf.setData(0, CRITERION_ROLE, criterion.id)
                leaf.setToolTip(0, criterion.text)
                leaf.setData(0, Qt.ItemDataRole.UserRole + 2, criterion.text)
        self.library.expandAll()
        self.library.itemDoubleClicked.connect(lambda _i, _c: self.add_from_library())
        self.add_button = QPushButton(self.tr("&Add criterion →"))
        self.add_button.setObjectName("addCriterion")
        self.add_button.clicked.connect(self.add_from_library)
        self.own_button = QPushButton(self.tr("Add &own criterion"))
        self.own_button.setObjectName("addOwnCriterion")
        self.own_button.clicked.connect(self.add_own)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.library, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.own_button)
        left_column.addLayout(row)

        self.model = RegistrationItemsModel(areas, self)
        self.model.edited.connect(self.update_problems)
        self.model.edited.connect(self._mark_dirty)
        self.table = QTableView()
        self.table.setObjectName("registrationItems")
        self.table.setModel(self.model)
        self.table.setItemDelegate(AreaDelegate(areas, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed | triggers.SelectedClicked)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        self.remove_button = QPushButton(self.tr("&Remove criterion"))
        self.remove_button.setObjectName("removeCriterion")
        self.remove_button.clicked.connect(self.remove_current)
        self.areas_label = QLabel()
        self.areas_label.setObjectName("areaCounts")
        self.areas_label.setWordWrap(True)
        self.areas_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems = QLabel()
        self.problems.setObjectName("registrationProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"background: {WARNING_BACKGROUND}; padding: 4px;")
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.table, 1)
        tools = QHBoxLayout()
        tools.addWidget(self.areas_label, 1)
        tools.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        right_column.addLayout(tools)
        right_column.addWidget(self.problems)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([330, 720])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.save_button = self.buttons.addButton(self.tr("Save &draft"), role)
        self.save_button.setObjectName("saveDraft")
        self.submit_button = self.buttons.addButton(self.tr("&Submit"), role)
        self.submit_button.setObjectName("submitRegistration")
        self.approve_button = self.buttons.addButton(self.tr("A&pprove"), role)
        self.approve_button.setObjectName("approveRegistration")
        self.return_button = self.buttons.addButton(self.tr("Re&turn…"), role)
        self.return_button.setObjectName("returnRegistration")
        self.print_button = self.buttons.addButton(self.tr("P&rint form…"), role)
        self.print_button.setObjectName("printRegistration")
        self.print_button.clicked.connect(self.print_form)
        self.printer = PdfMaker(self)
        self.printer.message.connect(self.message)
        self.save_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_for_changes)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in the table edits; it does not save

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.model.set_items(form.items)
        self._show_status()
        self.update_problems()
        self.resize(1100, 680)

    def _mark_dirty(self) -> None:
        self.dirty = True

    def reject(self) -> None:
        if self.dirty and not messages.confirm(
                self, self.windowTitle(), self.tr("The criteria changed here are not saved. "
                                                  "Close and lose them?"), self.tr("Close")):
            return
        super().reject()

    # -- items ---------------------------------------------------------------------------

    def add_from_library(self) -> None:
        chosen = self.library.currentItem()
        if chosen is None or chosen.data(0, CRITERION_ROLE) is None:
            return
        row = self.model.add_item(RegistrationItem(
            str(chosen.data(0, Qt.ItemDataRole.UserRole)),
            str(chosen.data(0, Qt.ItemDataRole.UserRole + 2)), "",
            str(chosen.data(0, CRITERION_ROLE))))
        self._edit(row, PLAN)  # the plan is what the member must write

    def add_own(self) -> None:
        chosen = self.library.currentItem()
        area = (str(chosen.data(0, Qt.ItemDataRole.UserRole)) if chosen
                else next(iter(self.model.areas), ""))
        row = self.model.add_item(RegistrationItem(area, "", ""))
        self._edit(row, CRITERION)

    def _edit(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    # -- problems and status ---------------------------------------------------------------

    def update_problems(self) -> None:
        items = self.model.items()
        areas = self.model.areas
        counts = {code: sum(1 for i in items if i.area == code) for code in areas}
        parts = []
        for code, label in areas.items():
            colour = RESULT_COLOURS["pass" if counts[code] else "fail"]
            parts.append(f"<span style='color:{colour}'>{html.escape(label)}: "
                         f"<b>{counts[code]}</b></span>")
        total = self.tr("%1 of at least %2 criteria").replace("%1", str(len(items))).replace(
            "%2", str(self._year.min_criteria))
        self.areas_label.setText(" · ".join(parts) + f"<br><b>{html.escape(total)}</b>")
        problems = registration_problems(items, areas, self._year.min_criteria)
        self.problems.setText("\n".join(f"• {p}" for p in problems) if problems else "")
        self.problems.setVisible(bool(problems))
        self.table.resizeRowsToContents()

    def _show_status(self) -> None:
        registration = (svc.get_registration(self._db, self.registration_id)
                        if self.registration_id else None)
        status = registration.status if registration else None
        lines = [f"<b>{html.escape(self._name)}</b> — {html.escape(registration_word(status))}"]
        deadline = format_date(self._year.registration_by)
        lines.append(html.escape(self.tr("Register by %1; each criterion needs a concrete "
                                         "plan.").replace("%1", deadline)))
        if registration and registration.comment:
            lines.append("<span style='color:#b3261e'>" + html.escape(
                self.tr("Branch's comment: %1").replace("%1", registration.comment))
                + "</span>")
        self.status.setText("<br>".join(lines))
        self.approve_button.setEnabled(status == "submitted")
        self.return_button.setEnabled(status == "submitted")
        self.print_button.setEnabled(registration is not None)

    # -- saving and deciding -------------------------------------------------------------

    def save(self, submit: bool) -> None:
        try:
            self.registration_id = svc.save_registration(
                self._db, self._year.id, self._person_id, self.model.items(), submit=submit,
                on=today())
        except svc.RegistrationIncomplete as exc:
            self.problems.setText(self.tr("Not submitted:") + "\n"
                                  + "\n".join(f"• {p}" for p in exc.problems))
            self.problems.setVisible(True)
            rows = self.model.problem_rows()
            if rows:
                self.table.setCurrentIndex(self.model.index(rows[0], CRITERION))
            return
        except UserError as exc:
            self.problems.setText(exc.message)
            self.problems.setVisible(True)
            return
        self.dirty = False
        self._show_status()
        self.changed.emit((self.tr("Submitted the registration of %1") if submit
                           else self.tr("Saved the registration of %1")).replace(
            "%1", self._name))

    def approve(self) -> None:
        if self.dirty:  # approve what is on screen, not what was saved before
            self.save(submit=True)
        if self.registration_id is None or self.dirty:
            return
        try:
            svc.decide_registration(self._db, self.registration_id, approve=True, on=today())
        except UserError as exc:
            self.problems.setText(exc.message)
            self.problems.setVisible(True)
            return
        self._show_status()
        self.changed.emit(self.tr("Approved the registration of %1").replace("%1", self._name))

    def return_for_changes(self) -> None:
        if self.registration_id is None:
            return
        dialog = ReturnDialog(self._db, self.registration_id, self._name, self)
        self.return_dialog = dialog

        def returned() -> None:
            self._show_status()
            self.changed.emit(self.tr("Returned the registration of %1").replace(
                "%1", self._name))

        dialog.accepted.connect(returned)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def print_form(self) -> None:
        """The registration as saved: changes not saved yet would not be on the paper, and
        saving them here could send a submitted registration back to draft."""
        if self.registration_id is None:
            return
        if self.dirty:
            messages.warn(self, self.tr("Print form"), self.tr(
                "The criteria changed here are not saved. Save or submit them first: the "
                "form shows what is saved."))
            return
        self.printer.make(self._db, "print_member_registration",
                          [self.registration_id], "phieu-dang-ky-ren-luyen.pdf",
                          self.tr("Registration form"))
