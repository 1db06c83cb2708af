"""The Registrations tab: a branch's members with their registration's status and result,
how many are at each stage, and the buttons acting on the chosen one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cadre_desktop.services.member_programme import ScoreRow
from cadre_desktop.ui.form_widgets import fit_columns
from cadre_desktop.ui.kit.tables import button, button_row, make_table
from cadre_desktop.ui.member_programme.models import RegistrationsModel, registration_word

STAGES = (None, "draft", "submitted", "returned", "approved")


class RegistrationsPanel(QWidget):
    """open_, approve, return_ and self_evaluation: what the buttons do (the page's own,
    with its year and its dialogs)."""

    def __init__(self, open_: Callable[[], None], approve: Callable[[], None],
                 return_: Callable[[], None], self_evaluation: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegistrationsModel(self)
        self.view = make_table("registrationsView", self.model)
        self.counts = QLabel()
        self.counts.setObjectName("registrationCounts")
        self.counts.setWordWrap(True)
        self.view.doubleClicked.connect(lambda _i: open_())
        self.view.activated.connect(lambda _i: open_())
        self.open_button = button(self.tr("&Open registration…"), open_, "openRegistration")
        self.approve_button = button(self.tr("A&pprove"), approve, "approveSelected")
        self.return_button = button(self.tr("Re&turn…"), return_, "returnSelected")
        self.self_button = button(self.tr("&Self-evaluation…"), self_evaluation,
                                  "selfEvaluation")
        column = QVBoxLayout(self)
        column.addWidget(self.counts)
        column.addLayout(button_row(self.open_button, self.approve_button, self.return_button,
                                    self.self_button))
        column.addWidget(self.view, 1)

    def show_rows(self, rows: list[ScoreRow], keep: str | None) -> int:
        """The branch's members; keep: the member to select again (else the first).
        Returns the row selected (-1: none)."""
        self.model.set_rows(rows)
        fit_columns(self.view, 320)
        counts = self.model.counts()
        self.counts.setText(" · ".join(f"{registration_word(status)}: {counts[status]}"
                                       for status in STAGES if counts.get(status)))
        row = self.model.row_of_person(keep) if keep else -1
        row = row if row >= 0 else 0
        if row >= self.model.rowCount():
            return -1
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        return row

    def current_row(self) -> ScoreRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None
