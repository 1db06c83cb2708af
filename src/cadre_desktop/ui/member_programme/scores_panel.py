"""The Scores tab: the branch's grid with its buttons, saving in one go and showing the
rows the service refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.member_score import ScoreBand
from cadre_desktop.services import member_programme as svc
from cadre_desktop.services.member_programme import ScoreRow
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import fit_columns
from cadre_desktop.ui.member_programme.score_grid import SCORE, ScoreGridModel, ScoreGridView
from cadre_desktop.ui.roster.editor_widgets import ERROR_STYLE


class ScoresPanel(QWidget):
    saved = Signal(str)  # the message for the status bar
    discard_requested = Signal()
    apply_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = ScoreGridModel(self)
        self.scores.edited.connect(self._edited)
        self.grid = ScoreGridView()
        self.grid.setModel(self.scores)
        hint = QLabel(self.tr("Type a score and press Enter to go to the next member. "
                              "Scores are written when you press Save."))
        hint.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save scores"))
        self.save_button.setObjectName("saveScores")
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        self.discard_button.setObjectName("discardScores")
        self.discard_button.clicked.connect(self.discard_requested)
        self.apply_button = QPushButton(self.tr("Apply as yearly &ratings…"))
        self.apply_button.setObjectName("applyRatings")
        self.apply_button.clicked.connect(self.apply_requested)
        self.print_button = QPushButton(self.tr("&Print branch results…"))
        self.print_button.setObjectName("printBranchResults")
        self.print_button.clicked.connect(self.print_requested)
        self.errors = QLabel()
        self.errors.setObjectName("scoreErrors")
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.apply_button)
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addLayout(buttons)
        column.addWidget(self.grid, 1)
        column.addWidget(self.errors)
        self._edited()

    def set_rows(self, rows: list[ScoreRow], bands: tuple[ScoreBand, ...],
                 has_year: bool, keep_typed: bool = False) -> None:
        self.scores.set_rows(rows, bands, keep_typed)
        fit_columns(self.grid, 320)
        self.grid.setColumnWidth(SCORE, max(self.grid.columnWidth(SCORE), 110))
        self.errors.setVisible(False)
        self.apply_button.setEnabled(has_year)
        self.print_button.setEnabled(has_year and any(r.registration_id for r in rows))
        self._edited()

    def _edited(self) -> None:
        self.save_button.setEnabled(self.scores.dirty)
        self.discard_button.setEnabled(self.scores.dirty)

    def save(self, db: Database, year_id: str, unit_id: str, on: dt.date) -> None:
        self.grid.commit_editing()  # the cell being typed in counts too
        if not self.scores.dirty:
            return
        try:
            count = svc.save_branch_scores(db, year_id, unit_id, self.scores.entries(), on)
        except svc.ScoreErrors as exc:
            self.scores.set_errors(exc.errors)
            self.errors.setText(self.tr("Nothing was saved. Correct the rows in red:")
                                + "\n" + "\n".join(exc.errors.values()))
            self.errors.setVisible(True)
            rows = self.scores.error_rows()
            if rows:
                self.grid.setCurrentIndex(self.scores.index(rows[0], SCORE))
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.scores.mark_saved()
        self._edited()
        self.saved.emit(self.tr("Saved the scores of %Ln members", "", count))
