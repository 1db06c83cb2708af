"""The start page of an office with nobody on its roster yet: its first steps, in order,
each with a button that opens the place where it is done. Steps already done are ticked
(an office may add its units before it imports anyone), so the clerk sees what is left.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from cadre_desktop.domain.eligibility import PASS
from cadre_desktop.services.start import StartOverview
from cadre_desktop.ui.form_widgets import result_icon
from cadre_desktop.ui.start_parts import StartSection


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    detail: str
    buttons: tuple[tuple[str, str, object], ...]  # button text, page key, target


class FirstStepsSection(StartSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("First steps"), parent)
        self.setObjectName("firstSteps")
        self.steps = self._steps()
        self.buttons: dict[str, QPushButton] = {}
        self.marks: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, step in enumerate(self.steps):
            mark = QLabel(f"{row + 1}.")
            mark.setObjectName(f"stepMark_{step.key}")
            mark.setFont(bold)
            mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.marks[step.key] = mark
            title = QLabel(f"<b>{step.title}</b><br>{step.detail}")
            title.setWordWrap(True)
            grid.addWidget(mark, row, 0)
            grid.addWidget(title, row, 1, 1, 2)
            for column, (text, page, target) in enumerate(step.buttons):
                button = QPushButton(text)
                button.setObjectName(f"step_{step.key}_{column}")
                button.clicked.connect(lambda _=False, p=page, t=target: self.navigate.emit(p, t))
                grid.addWidget(button, row, 3 + column, Qt.AlignmentFlag.AlignTop)
                self.buttons.setdefault(step.key, button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setVisible(False)

    def _steps(self) -> list[Step]:
        return [
            Step("profile", self.tr("Fill in the office profile"),
                 self.tr("The office's name, its superior, the place, the signer and the "
                         "document symbol are printed on every list and certificate."),
                 ((self.tr("Office profile…"), "settings", "profile"),)),
            Step("units", self.tr("Add the office's units"),
                 self.tr("The branches people belong to, in the organisation tree beside the "
                         "roster. Importing a list can also add the units it names."),
                 ((self.tr("Add a unit…"), "roster", "add_unit"),)),
            Step("people", self.tr("Import the list of members from Excel"),
                 self.tr("A list kept in Excel or exported from another program: the "
                         "columns are matched for you and checked before anything is "
                         "saved. Or add people one by one."),
                 ((self.tr("Import a list…"), "roster", "import"),
                  (self.tr("Add a person…"), "roster", "add_person"))),
            Step("identity", self.tr("Set up the office's identity"),
                 self.tr("To send the office's data up to the province, or to receive the "
                         "data of the offices below."),
                 ((self.tr("Open “Office && keys”"), "office_keys", None),)),
            Step("guide", self.tr("Read the guide"),
                 self.tr("What to do on the first day, task by task. F1 opens the part of "
                         "the guide for the page you are on."),
                 ((self.tr("User guide"), "guide", "bat-dau"),)),
        ]

    def done(self, overview: StartOverview) -> dict[str, bool]:
        steps = overview.steps
        return {"profile": steps.profile_complete, "units": steps.units,
                "people": steps.people, "identity": steps.identity, "guide": False}

    def show_overview(self, overview: StartOverview) -> None:
        self.setVisible(overview.empty)
        done = self.done(overview)
        for row, step in enumerate(self.steps):
            mark = self.marks[step.key]
            if done[step.key]:
                mark.setPixmap(result_icon(PASS).pixmap(18, 18))
                mark.setToolTip(self.tr("Done"))
            else:
                mark.setText(f"{row + 1}.")
                mark.setToolTip("")
