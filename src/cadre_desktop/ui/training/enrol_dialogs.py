"""Enrolling the target group of a unit: the candidates are shown before anyone is
enrolled, and afterwards who of the group could not be enrolled, and why."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.services import enrolment
from cadre_desktop.services.enrolment import NotEnrolled, PersonBrief
from cadre_desktop.services.units import Unit
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import unit_combo
from cadre_desktop.ui.kit.table_model import Column, ListTableModel
from cadre_desktop.ui.kit.tables import make_table
from cadre_desktop.ui.training.programme_models import PeopleTableModel
from cadre_desktop.ui.training.reads import Reads

MOST_FREQUENT = 3  # reasons named above the list of who was not enrolled


class TargetGroupDialog(QDialog):
    """Choose a unit; see who in its subtree belongs to the programme's target group and
    has not had the programme; enrol them all. The candidates are read off the GUI thread
    (the whole office's target group may be large)."""

    def __init__(self, db: Database, class_id: str, programme_target: str,
                 found_units: list[Unit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetGroupDialog")
        self.setWindowTitle(self.tr("Enrol the target group of a unit"))
        self._reads = Reads(self, db, "candidates")
        self._class_id = class_id
        self.candidates: list[PersonBrief] = []
        self.unit = unit_combo(found_units, self.tr("(the whole office)"))
        self.unit.setObjectName("targetUnit")
        self.unit.currentIndexChanged.connect(self.show_candidates)
        target = QLabel(programme_target)
        target.setWordWrap(True)
        self.model = PeopleTableModel(self)
        self.view = make_table("candidateView", self.model, [26, 11, 30, 20])
        self.count = QLabel()
        self.count.setObjectName("candidateCount")
        self.count.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.enrol_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.enrol_button.setObjectName("enrolCandidates")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Target group:"), target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.resize(860, 540)
        self.show_candidates()

    def unit_id(self) -> str | None:
        return self.unit.code()

    @property
    def reading(self) -> bool:
        return self._reads.busy("candidates")

    def show_candidates(self) -> None:
        """Read the chosen unit's candidates; Enrol waits for them."""
        class_id, unit_id = self._class_id, self.unit_id()
        self.enrol_button.setEnabled(False)
        self.count.setText(self.tr("Finding the target group…"))
        self._reads.ask("candidates", lambda db, _progress: enrolment.candidates(
            db, class_id, unit_id), self._show)

    def _show(self, candidates: list[PersonBrief]) -> None:
        self.candidates = candidates
        self.model.set_rows(candidates)
        count = len(candidates)
        self.count.setText(
            self.tr("%Ln people of the target group have not had this programme and are not "
                    "in this class. Beyond the capacity they go to the waiting list.", "",
                    count) if count
            else self.tr("Nobody left to enrol: everyone in the target group here has had "
                         "the programme or is already enrolled."))
        self.enrol_button.setText(self.tr("Enrol %Ln people", "", count))
        self.enrol_button.setEnabled(count > 0)


class NotEnrolledTableModel(ListTableModel[NotEnrolled]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Full name"), lambda n: n.full_name),
            Column(self.tr("Not enrolled because"), lambda n: n.reason,
                   tooltip=lambda n: n.reason),
        ], parent)


class NotEnrolledDialog(QDialog):
    """After enrolling a target group: who of it was not enrolled, each with the reason
    (withdrew from this class, completed the programme, in another class of it...)."""

    def __init__(self, result: enrolment.EnrolResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notEnrolledDialog")
        self.setWindowTitle(self.tr("Not enrolled"))
        done = QLabel(self.tr("Enrolled %Ln", "", len(result.enrolled))
                      + ("; " + self.tr("%Ln on the waiting list", "", len(result.waiting))
                         if result.waiting else "") + ".")
        # The most frequent reasons (a large group may have many, each class its own).
        reasons = [f"{reason} ({count})" for reason, count in result.reasons().items()]
        self.summary = QLabel(self.tr("%Ln people of the target group were not enrolled:", "",
                                      len(result.not_enrolled)) + " "
                              + "; ".join(reasons[:MOST_FREQUENT])
                              + ("; …" if len(reasons) > MOST_FREQUENT else ""))
        self.summary.setObjectName("notEnrolledSummary")
        self.summary.setWordWrap(True)
        self.model = NotEnrolledTableModel(self)
        self.model.set_rows(result.not_enrolled)
        self.view = make_table("notEnrolledView", self.model, [30])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(done)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)
