"""Enrol the people who do not yet meet a target into a class, in one action
(services.target_enrol): the clerk chooses the class (those whose completion counts for
the target first), gives a reason when some are outside the class programme's group, and
sees who was enrolled, who waits for a seat and who was refused, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import target_enrol
from cadre_desktop.services.target_enrol import ClassChoice, TargetEnrolment
from cadre_desktop.services.targets import TargetFigures
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit.ops import run_op
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.table_model import WARNING_BACKGROUND, Column, ListTableModel
from cadre_desktop.ui.kit.tables import make_table
from cadre_desktop.ui.targets.words import date_range

ENROLLED, WAITING, REFUSED = "enrolled", "waiting", "refused"
translate = QCoreApplication.translate  # pyside6-lupdate finds translate("EnrolUnmetDialog", …)


@dataclass(frozen=True)
class Outcome:
    full_name: str
    what: str  # ENROLLED, WAITING or REFUSED
    reason: str = ""


def outcomes(result: TargetEnrolment) -> list[Outcome]:
    return ([Outcome(p.full_name, ENROLLED) for p in result.enrolled]
            + [Outcome(p.full_name, WAITING) for p in result.waiting]
            + [Outcome(r.full_name, REFUSED, r.reason) for r in result.refused])


class OutcomeModel(ListTableModel[Outcome]):
    def __init__(self, parent: QWidget | None = None) -> None:
        words = {ENROLLED: translate("EnrolUnmetDialog", "Enrolled"),
                 WAITING: translate("EnrolUnmetDialog", "On the waiting list"),
                 REFUSED: translate("EnrolUnmetDialog", "Not enrolled")}
        super().__init__([
            Column(translate("EnrolUnmetDialog", "Full name"), lambda o: o.full_name),
            Column(translate("EnrolUnmetDialog", "Outcome"), lambda o: words[o.what],
                   sort_key=lambda o: o.what),
            Column(translate("EnrolUnmetDialog", "Why"), lambda o: o.reason,
                   tooltip=lambda o: o.reason),
        ], parent)

    def highlight(self, record: Outcome, column: int) -> QColor | None:
        return WARNING_BACKGROUND if record.what == REFUSED and column == 1 else None


def choice_text(c: ClassChoice) -> str:
    seats = (translate("EnrolUnmetDialog", "%1 of %2 seats taken")
             .replace("%1", str(c.enrolled)).replace("%2", str(c.capacity)) if c.capacity
             else translate("EnrolUnmetDialog", "%1 enrolled")
             .replace("%1", str(c.enrolled)))
    when = date_range(c.start, c.end)
    return " — ".join(b for b in (c.name, when, seats) if b)


class EnrolUnmetDialog(QDialog):
    """`enrolled(message)` once people were enrolled (the page reads its figures again)."""

    enrolled = Signal(str)

    def __init__(self, db: Database, figures: TargetFigures, on: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolUnmetDialog")
        self.setWindowTitle(self.tr("Enrol the people not yet met"))
        self.resize(760, 520)
        self._db = db
        self.figures = figures
        self.on = on
        self.outcome: TargetEnrolment | None = None
        unmet = len(figures.unmet())
        intro = QLabel(self.tr("%Ln people do not yet meet the target “%1”. Choose the class "
                               "to enrol them into.", "", unmet).replace("%1", figures.name))
        intro.setWordWrap(True)
        self.classes = QComboBox()
        self.classes.setObjectName("enrolClass")
        self.classes.setPlaceholderText(self.tr("Reading the classes…"))
        self.classes.currentIndexChanged.connect(lambda _i: self._class_chosen())
        self.warning = QLabel()
        self.warning.setObjectName("enrolWarning")
        self.warning.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("enrolReason")
        self.reason.setPlaceholderText(self.tr("needed for people outside the programme's "
                                               "target group"))
        form = QFormLayout()
        form.addRow(self.tr("&Class:"), self.classes)
        form.addRow("", self.warning)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.summary = QLabel()
        self.summary.setObjectName("enrolSummary")
        self.summary.setWordWrap(True)
        self.outcomes = OutcomeModel(self)
        self.view = make_table("enrolOutcomes", self.outcomes, (30, 18), stretch=2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.enrol_button = self.buttons.addButton(self.tr("&Enrol"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.enrol_button.setObjectName("enrolNow")
        self.enrol_button.setEnabled(False)
        self.enrol_button.clicked.connect(self.enrol)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.choices: list[ClassChoice] = []
        self.busy = True
        target_id, day = figures.id, today()

        def read(db: Database, _progress: Progress) -> list[ClassChoice]:
            return target_enrol.class_choices(db, target_id, day)

        queries_for(db).ask(f"enrol-{id(self)}", read, on_done=self.show_choices)

    def show_choices(self, choices: list[ClassChoice]) -> None:
        self.busy = False
        self.choices = choices
        self.classes.clear()
        for c in choices:
            self.classes.addItem(choice_text(c), c.class_id)
        self.classes.setCurrentIndex(0 if choices else -1)  # a placeholder keeps it at -1
        if not choices:
            self.classes.setPlaceholderText(self.tr("No class takes people now"))
            self.warning.setText(self.tr("Open a class in Training first (one that has not "
                                         "ended, is not finished or cancelled)."))
        self._class_chosen()

    def chosen(self) -> ClassChoice | None:
        index = self.classes.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def _class_chosen(self) -> None:
        c = self.chosen()
        self.enrol_button.setEnabled(c is not None and self.outcome is None)
        if c is None:
            return
        about = self.tr("Programme: %1.").replace("%1", c.programme)
        if not c.counts and self.figures.kind == "coverage":
            about += " " + self.tr("Completing this class does not count for the target: its "
                                   "programme is not one of the target's.")
        self.warning.setText(about)

    def enrol(self) -> None:
        c = self.chosen()
        if c is None:
            return
        self.enrol_button.setEnabled(False)
        target_id, class_id, reason, on = self.figures.id, c.class_id, self.reason.text(), self.on
        enrolling = self.tr("Enrolling…")
        # Those the page shows as not yet met (of one office at a province, if chosen).
        people = [p.person_id for p in self.figures.unmet()]

        def work(db: Database, progress: Progress) -> TargetEnrolment:
            progress.step(enrolling, 0, 1)
            return target_enrol.enrol_unmet(db, target_id, class_id, people, reason=reason,
                                            on=on, enrolled_on=today())

        run_op(self, self._db, work, title=self.tr("Enrol the people not yet met"),
               writes=True, on_success=self.show_result,
               on_failure=lambda _text: self._class_chosen())

    def show_result(self, result: TargetEnrolment) -> None:
        self.outcome = result
        self.outcomes.set_rows(outcomes(result))
        c = self.chosen()
        text = self.tr("%1 enrolled, %2 on the waiting list, %3 not enrolled.").replace(
            "%1", str(len(result.enrolled))).replace("%2", str(len(result.waiting))).replace(
            "%3", str(len(result.refused)))
        self.summary.setText(text)
        self.enrol_button.setEnabled(False)
        if result.enrolled or result.waiting:
            self.enrolled.emit(f"{c.name}: {text}" if c else text)
