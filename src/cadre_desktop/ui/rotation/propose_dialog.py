"""Proposing a rotation: the form, the live check and plan issues, and one override (the
Standing Committee's decision) per blocking issue."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.evaluation_schedule import add_months
from cadre_desktop.domain.rotation_plan import Override, PlanIssue, RotationRefused
from cadre_desktop.services import rotation
from cadre_desktop.services.rotation import Candidate, Proposal, ProposalReview
from cadre_desktop.services.units import list_units
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import WARNING_BACKGROUND, date_edit, date_of, today
from cadre_desktop.ui.kit.fields import unit_choices
from cadre_desktop.ui.roster.editor_widgets import ERROR_STYLE, CodeCombo, lookup_combo
from cadre_desktop.ui.rotation.check_view import CheckView, check_heading


class OverrideBox(QGroupBox):
    """The Standing Committee's decision that lets one blocking issue through."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"override_{kind}")
        self.setStyleSheet(f"#override_{kind} {{ background: {WARNING_BACKGROUND}; }}")
        self.message = QLabel()
        self.message.setObjectName("issueMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.decision_no = QLineEdit()
        self.decision_no.setObjectName("overrideDecision")
        self.decision_no.setPlaceholderText(self.tr("e.g. 25-QĐ/TĐTN"))
        self.decision_date = date_edit(today(), "overrideDate")
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        form = QFormLayout()
        form.addRow(self.tr("Decision no.:"), self.decision_no)
        form.addRow(self.tr("Decision date:"), self.decision_date)
        form.addRow(self.tr("Reason:"), self.reason)
        hint = QLabel(self.tr("To send anyway, record the Standing Committee's decision:"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addLayout(form)

    def set_issue(self, issue: PlanIssue) -> None:
        self.message.setText(issue.message)

    def filled(self) -> bool:
        return bool(self.decision_no.text().strip() or self.reason.text().strip())

    def override(self) -> Override:
        return Override(self.kind, self.decision_no.text(), date_of(self.decision_date),
                        self.reason.text())


class ProposeDialog(QDialog):
    proposed = Signal(str)  # the new rotation's id

    def __init__(self, db: Database, year: int, candidates: list[Candidate],
                 person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposeDialog")
        self.setWindowTitle(self.tr("Propose rotation"))
        self._db = db
        self.rotation_id: str | None = None
        self.last_review: ProposalReview | None = None
        self.boxes: dict[str, OverrideBox] = {}
        rules = rotation.load_rules(db)

        self.person = CodeCombo([(c.person_id, f"{c.full_name} — {c.unit}" if c.unit
                                  else c.full_name) for c in candidates])
        self.person.setObjectName("proposePerson")
        self.group = CodeCombo([(g.code, g.label) for g in rules.groups],
                               self.tr("(the group the check finds)"))
        self.group.setObjectName("proposeGroup")
        self.host_unit = CodeCombo(unit_choices(list_units(db)),
                                   self.tr("(a unit outside the office)"))
        self.host_unit.setObjectName("proposeHostUnit")
        self.host_name = QLineEdit()
        self.host_name.setObjectName("proposeHostName")
        self.host_name.setPlaceholderText(self.tr("name of a unit outside the office"))
        self.host_post = lookup_combo(db, "position")
        self.host_post.setItemText(0, self.tr("(the group's first host post)"))
        self.host_post.setObjectName("proposeHostPost")
        start = rotation.default_start(db, year)
        self.start = date_edit(start, "proposeStart")
        self.end = date_edit(add_months(start, rules.min_months) - dt.timedelta(days=1),
                             "proposeEnd")
        self.decision_no = QLineEdit()
        self.decision_no.setObjectName("proposeDecision")
        self.decision_no.setPlaceholderText(self.tr("leave blank if not yet decided"))
        self.decision_date = date_edit(today(), "proposeDecisionDate")
        self.note = QLineEdit()
        self.note.setObjectName("proposeNote")

        form_box = QGroupBox(self.tr("Proposal"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Cadre:"), self.person)
        form.addRow(self.tr("&Group:"), self.group)
        form.addRow(self.tr("&Host unit:"), self.host_unit)
        form.addRow("", self.host_name)
        form.addRow(self.tr("Host &post:"), self.host_post)
        form.addRow(self.tr("Planned &start:"), self.start)
        form.addRow(self.tr("Planned &end:"), self.end)
        form.addRow(self.tr("&Decision no.:"), self.decision_no)
        form.addRow(self.tr("Decision d&ate:"), self.decision_date)
        form.addRow(self.tr("N&ote:"), self.note)
        decided = QLabel(self.tr("With a decision number the rotation is recorded as "
                                 "approved at once."))
        decided.setWordWrap(True)
        form.addRow(decided)

        self.check_view = CheckView()
        self.issues_area = QVBoxLayout()
        self.warnings = QLabel()
        self.warnings.setObjectName("proposeWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"background: {WARNING_BACKGROUND}; padding: 4px;")
        self.no_issues = QLabel(self.tr("No blocking issues: the proposal can be recorded."))
        self.no_issues.setObjectName("noIssues")
        self.no_issues.setWordWrap(True)
        review_box = QWidget()
        review = QVBoxLayout(review_box)
        review.addWidget(self.check_view)
        review.addLayout(self.issues_area)
        review.addWidget(self.warnings)
        review.addWidget(self.no_issues)
        review.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(review_box)
        scroll.setMinimumWidth(420)

        self.error = QLabel()
        self.error.setObjectName("proposeError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.propose_button = self.buttons.addButton(self.tr("&Propose"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.propose_button.setObjectName("proposeButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(form_box, 1)
        columns.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if person_id and self.person.findData(person_id) >= 0:
            self.person.set_code(person_id)
        elif candidates:
            self.person.setCurrentIndex(1)
        for combo in (self.person, self.group, self.host_unit, self.host_post):
            combo.currentIndexChanged.connect(self.update_review)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.update_review)
        self.host_unit.currentIndexChanged.connect(self._host_changed)
        self._host_changed()
        self.update_review()
        self.resize(980, 620)

    def _host_changed(self) -> None:
        self.host_name.setEnabled(self.host_unit.code() is None)

    def proposal(self) -> Proposal | None:
        person = self.person.code()
        if person is None:
            return None
        return Proposal(person, date_of(self.start), date_of(self.end),
                        host_unit_id=self.host_unit.code(),
                        host_unit_name=self.host_name.text() if self.host_unit.code() is None
                        else "",
                        host_position=self.host_post.code() or "",
                        group_code=self.group.code(), note=self.note.text())

    # -- the live review -----------------------------------------------------------------

    def update_review(self) -> None:
        self.error.setVisible(False)
        proposal = self.proposal()
        self.last_review = None
        if proposal is None:
            self.check_view.set_check(None, empty=self.tr("Choose a cadre."))
            self._show_issues([], [])
            return
        try:
            result = rotation.review(self._db, proposal)
        except UserError as exc:
            self.check_view.set_check(None, empty=exc.message)
            self._show_issues([], [])
            return
        self.last_review = result
        self.check_view.set_check(result.check, check_heading(result.check,
                                                              self.person.currentText()))
        self._show_issues(result.blocking, result.warnings)

    def _show_issues(self, blocking: list[PlanIssue], warnings: list[PlanIssue]) -> None:
        wanted = {issue.kind for issue in blocking}
        for issue in blocking:
            box = self.boxes.get(issue.kind)
            if box is None:  # kept while hidden, so what was typed is not lost
                box = OverrideBox(issue.kind)
                self.boxes[issue.kind] = box
                self.issues_area.addWidget(box)
            box.set_issue(issue)
        for kind, box in self.boxes.items():
            box.setVisible(kind in wanted)
        self.warnings.setText("\n".join(f"⚠ {w.message}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.no_issues.setVisible(self.last_review is not None and not blocking)

    def blocking_kinds(self) -> list[str]:
        return [i.kind for i in self.last_review.blocking] if self.last_review else []

    # -- recording ---------------------------------------------------------------------

    def overrides(self) -> list[Override]:
        wanted = self.blocking_kinds()
        return [box.override() for kind, box in self.boxes.items()
                if kind in wanted and box.filled()]

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def submit(self) -> None:
        proposal = self.proposal()
        if proposal is None:
            self.show_error(self.tr("Choose a cadre."))
            return
        try:
            rotation_id = rotation.propose(self._db, proposal, self.overrides())
        except RotationRefused as exc:
            self.show_error(self.tr("Not recorded. Each blocking issue needs the Standing "
                                    "Committee's decision: %1").replace(
                "%1", "; ".join(i.message for i in exc.issues)))
            box = self.boxes.get(exc.issues[0].kind)
            if box is not None:
                box.decision_no.setFocus()
            return
        except UserError as exc:
            self.show_error(exc.message)
            return
        self.rotation_id = rotation_id
        if self.decision_no.text().strip():
            try:
                rotation.approve(self._db, rotation_id, self.decision_no.text(),
                                 date_of(self.decision_date))
            except UserError as exc:  # the proposal stands; approving can be done later
                show_user_error(self, exc)
        self.proposed.emit(rotation_id)
        self.accept()
