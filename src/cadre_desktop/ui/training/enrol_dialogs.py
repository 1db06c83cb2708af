"""Enrolling the target group of a unit: the candidates are shown before anyone is
enrolled."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.services import enrolment
from cadre_desktop.store.db import Database
from cadre_desktop.store.enrolment import PersonBrief
from cadre_desktop.store.units import Unit
from cadre_desktop.ui.kit.fields import unit_combo
from cadre_desktop.ui.kit.tables import make_table
from cadre_desktop.ui.training.programme_models import PeopleTableModel


class TargetGroupDialog(QDialog):
    """Choose a unit; see who in its subtree belongs to the programme's target group and
    has not had the programme; enrol them all."""

    def __init__(self, db: Database, class_id: str, programme_target: str,
                 found_units: list[Unit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetGroupDialog")
        self.setWindowTitle(self.tr("Enrol the target group of a unit"))
        self._db = db
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

    def show_candidates(self) -> None:
        self.candidates = enrolment.candidates(self._db, self._class_id, self.unit_id())
        self.model.set_rows(self.candidates)
        count = len(self.candidates)
        self.count.setText(
            self.tr("%Ln people of the target group have not had this programme and are not "
                    "in this class. Beyond the capacity they go to the waiting list.", "",
                    count) if count
            else self.tr("Nobody left to enrol: everyone in the target group here has had "
                         "the programme or is already enrolled."))
        self.enrol_button.setText(self.tr("Enrol %Ln people", "", count))
        self.enrol_button.setEnabled(count > 0)
