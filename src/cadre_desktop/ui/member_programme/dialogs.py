"""Small forms of the member programme: a new programme year, returning a registration
with a comment, and a member's self-evaluation for one round."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from cadre_desktop.domain.dates import format_date
from cadre_desktop.services import member_programme as svc
from cadre_desktop.services.member_programme import ProgrammeYear
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import ServiceDialog, date_edit, date_of, qdate, today
from cadre_desktop.ui.rotation.words import evaluation_word


class NewYearDialog(ServiceDialog):
    """A programme year with its deadlines (the settings' by default: 18/10 and 30/05)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New programme year"), self._run, parent, self.tr(
            "Members register their criteria by the first deadline and evaluate themselves "
            "by the second. The results become the yearly ratings of the rating year."))
        self.setObjectName("newYearDialog")
        self._db = db
        self.year: ProgrammeYear | None = None
        day = today()
        self.start_year = QSpinBox()
        self.start_year.setObjectName("startYear")
        self.start_year.setRange(2000, 2100)
        self.start_year.setValue(day.year if day.month >= 7 else day.year - 1)
        self.registration = date_edit(day, "registrationDeadline")
        self.evaluation = date_edit(day, "evaluationDeadline")
        self.rating_year = QSpinBox()
        self.rating_year.setObjectName("ratingYear")
        self.rating_year.setRange(2000, 2100)
        self.add_row(self.tr("Starts in:"), self.start_year)
        self.add_row(self.tr("Register by:"), self.registration)
        self.add_row(self.tr("Evaluate by:"), self.evaluation)
        self.add_row(self.tr("Rating year:"), self.rating_year)
        self.start_year.valueChanged.connect(self._defaults)
        self.evaluation.dateChanged.connect(
            lambda _d: self.rating_year.setValue(date_of(self.evaluation).year))
        self._defaults()

    def _defaults(self) -> None:
        registration, evaluation = svc.load_settings(self._db).deadlines(self.start_year.value())
        self.registration.setDate(qdate(registration))
        self.evaluation.setDate(qdate(evaluation))
        self.rating_year.setValue(evaluation.year)

    def _run(self, _dialog: ServiceDialog) -> None:
        self.year = svc.open_year(self._db, self.start_year.value(), date_of(self.registration),
                                  date_of(self.evaluation), self.rating_year.value())


class ReturnDialog(ServiceDialog):
    """The branch returns a registration, saying what to change."""

    def __init__(self, db: Database, registration_id: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Return registration"), self._run, parent, self.tr(
            "Return %1's registration for changes. Say what should change.").replace(
                "%1", name))
        self.setObjectName("returnDialog")
        self._db, self._registration_id = db, registration_id
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setTabChangesFocus(True)
        self.by = QLineEdit()
        self.by.setObjectName("returnBy")
        self.add_row(self.tr("Comment:"), self.comment)
        self.add_row(self.tr("By:"), self.by)

    def _run(self, _dialog: ServiceDialog) -> None:
        svc.decide_registration(self._db, self._registration_id, approve=False,
                                comment=self.comment.toPlainText(), by=self.by.text(),
                                on=today())


class SelfEvaluationDialog(ServiceDialog):
    """A member's self-evaluation for one round of the year's schedule."""

    def __init__(self, db: Database, year: ProgrammeYear, registration_id: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Self-evaluation"), self._run, parent, name)
        self.setObjectName("selfEvaluationDialog")
        self._db, self._registration_id = db, registration_id
        self.round = QComboBox()
        self.round.setObjectName("selfRound")
        rounds = svc.rounds(year)
        for item in rounds:
            self.round.addItem(f"{evaluation_word('member_self_evaluation', item.seq)} — "
                               f"{format_date(item.due)}", item.seq)
        upcoming = next((n for n, item in enumerate(rounds) if item.due >= today()),
                        len(rounds) - 1)
        self.round.setCurrentIndex(max(upcoming, 0))
        self.day = date_edit(today(), "selfDay")
        self.score = QLineEdit()
        self.score.setObjectName("selfScore")
        self.score.setPlaceholderText(self.tr("0–100, may be left blank"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("selfSummary")
        self.summary.setTabChangesFocus(True)
        self.add_row(self.tr("Round:"), self.round)
        self.add_row(self.tr("Evaluated on:"), self.day)
        self.add_row(self.tr("Self-score:"), self.score)
        self.add_row(self.tr("Summary:"), self.summary)

    def _run(self, _dialog: ServiceDialog) -> None:
        svc.record_self_evaluation(self._db, self._registration_id, int(self.round.currentData()),
                                   date_of(self.day), self.score.text(),
                                   self.summary.toPlainText())
