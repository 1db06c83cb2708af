"""Who takes part: the enrolled, the waiting list and those who withdrew, with enrolling
and withdrawing. While the class runs, people under the attendance share are flagged.
The whole list (every enrolment with its state) prints and exports as it is.

Enrolling a unit's target group may enrol hundreds: it runs as an op (progress, Cancel),
and then shows who of the group was not enrolled and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QTabBar, QVBoxLayout, QWidget

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.domain.target_group import describe
from cadre_desktop.services import attendance, enrolment, training, units
from cadre_desktop.services.enrolment import EnrolResult, Participant, PersonBrief
from cadre_desktop.services.training import TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.on_screen import Arguments, ListFiles, ListKind
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.table_model import (
    CENTRE,
    WARNING_BACKGROUND,
    Column,
    ListTableModel,
)
from cadre_desktop.ui.kit.tables import button, button_row, current_row, make_table
from cadre_desktop.ui.roster.model import display_partial_date
from cadre_desktop.ui.training.enrol_dialogs import NotEnrolledDialog, TargetGroupDialog
from cadre_desktop.ui.training.person_search import PersonSearchDialog
from cadre_desktop.ui.training.programmes_page import target_choices

LISTS = ("enrolled", "waiting", "withdrawn")
CLOSED = ("finished", "cancelled")


@dataclass(frozen=True)
class ParticipantRow:
    participant: Participant
    note: str
    flagged: bool = False  # under the attendance share while the class runs


class ParticipantTableModel(ListTableModel[ParticipantRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Code"), lambda r: r.participant.short_code, CENTRE),
            Column(self.tr("Full name"), lambda r: r.participant.full_name),
            Column(self.tr("Date of birth"),
                   lambda r: display_partial_date(r.participant.birth_date), CENTRE),
            Column(self.tr("Unit"), lambda r: r.participant.unit),
            Column(self.tr("Position"), lambda r: r.participant.position),
            Column(self.tr("Note"), lambda r: r.note, tooltip=lambda r: r.note),
        ], parent)

    def highlight(self, record: ParticipantRow, column: int) -> QColor | None:
        return WARNING_BACKGROUND if record.flagged else None


class ParticipantsTab(QWidget):
    changed = Signal(str)  # office data changed; the message for the status bar
    message = Signal(str)  # nothing changed (an enrolment cancelled)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantsTab")
        self._db = db
        self._class: TrainingClass | None = None
        self._lists: dict[str, list[ParticipantRow]] = {name: [] for name in LISTS}
        self.dialog: QDialog | None = None
        self.job: Op | None = None  # enrolling a target group
        self.lists = QTabBar()
        self.lists.setObjectName("participantLists")
        for _name in LISTS:
            self.lists.addTab("")
        self.lists.currentChanged.connect(lambda _i: self._show_list())
        self.model = ParticipantTableModel(self)
        self.view = make_table("participantView", self.model, [6, 26, 11, 30, 24])
        self.enrol_button = button(self.tr("&Enrol…"), self.enrol_people, "enrolPeople")
        self.target_button = button(self.tr("Enrol a unit's &target group…"),
                                    self.enrol_target_group, "enrolTargetGroup")
        self.withdraw_button = button(self.tr("&Withdraw…"), self.withdraw_current,
                                      "withdrawParticipant")
        self.remove_button = button(self.tr("&Remove"), self.remove_current, "removeEnrolment")
        self.remove_button.setToolTip(self.tr("Take out an enrolment entered by mistake "
                                              "(a real withdrawal is kept with its reason)"))
        self.files = ListFiles(self, db, ListKind(
            "class_participants", self.tr("Participants"), "hoc-vien-cua-lop",
            export_function="export_participants"), self.shown)
        self.files.message.connect(self.message)
        self.files.print_button.setToolTip(self.tr(
            "Print the class's enrolments (enrolled, waiting and withdrawn) through the "
            "print preview (Ctrl+P)"))
        self.files.set_enabled(False)
        self.flag_note = QLabel()
        self.flag_note.setObjectName("belowShareNote")
        self.flag_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.enrol_button, self.target_button,
                                    self.withdraw_button, self.remove_button,
                                    self.files.print_button, self.files.export_button,
                                    stretch_at=2))
        layout.addWidget(self.lists)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.flag_note)

    def set_database(self, db: Database) -> None:
        self._db = db
        self.files.set_database(db)

    def shown(self) -> Arguments:
        """The class shown (its list prints every enrolment, with its state)."""
        return ([self._class.id] if self._class else []), {}

    def load(self, cls: TrainingClass) -> None:
        self._class = cls
        everyone = training.class_detail(self._db, cls.id).participants
        below: dict[str, str] = {}
        if cls.status not in CLOSED:
            for progress in attendance.below_share(self._db, cls.id):
                outcome = progress.outcome
                below[progress.participant.enrolment_id] = self.tr(
                    "Attended %1 of %2 sessions held, under the minimum").replace(
                    "%1", str(outcome.present)).replace("%2", str(outcome.held))
        waiting_order = {p.enrolment_id: i for i, p in
                         enumerate(enrolment.waiting_queue(self._db, cls.id))}
        for name in LISTS:
            self._lists[name] = [self._row(p, below, waiting_order)
                                 for p in everyone if p.status == name]
        if self._lists["waiting"]:
            self._lists["waiting"].sort(key=lambda r: waiting_order[r.participant.enrolment_id])
        titles = [self.tr("Enrolled (%1)"), self.tr("Waiting list (%1)"),
                  self.tr("Withdrawn (%1)")]
        for i, name in enumerate(LISTS):
            self.lists.setTabText(i, titles[i].replace("%1", str(len(self._lists[name]))))
        flagged = len(below)
        self.flag_note.setText(self.tr("%Ln participants are under the programme's minimum "
                                       "attendance so far (highlighted).", "", flagged)
                               if flagged else "")
        self.flag_note.setVisible(bool(flagged))
        self.files.set_enabled(bool(everyone))
        closed = cls.status in CLOSED
        self.enrol_button.setEnabled(not closed)
        self.target_button.setEnabled(not closed and self.job is None)
        self._show_list()

    def _row(self, p: Participant, below: dict[str, str],
             waiting_order: dict[str, int]) -> ParticipantRow:
        if p.status == "withdrawn":
            note = self.tr("Withdrew on %1: %2").replace(
                "%1", format_date(p.withdrawn_on)).replace("%2", p.withdraw_reason)
        elif p.status == "waiting":
            note = self.tr("No. %1 on the waiting list, since %2").replace(
                "%1", str(waiting_order.get(p.enrolment_id, 0) + 1)).replace(
                "%2", format_date(p.enrolled_on))
        else:
            bits = [below[p.enrolment_id]] if p.enrolment_id in below else []
            if p.outside_reason:
                bits.append(self.tr("Outside the target group: %1").replace(
                    "%1", p.outside_reason))
            note = "; ".join(bits)
        return ParticipantRow(p, note, p.enrolment_id in below)

    def current_list(self) -> str:
        return LISTS[max(self.lists.currentIndex(), 0)]

    def show_list(self, name: str) -> None:
        self.lists.setCurrentIndex(LISTS.index(name))
        self._show_list()

    def _show_list(self) -> None:
        name = self.current_list()
        self.model.set_rows(self._lists[name])
        self.withdraw_button.setEnabled(name != "withdrawn")
        self.remove_button.setEnabled(name != "withdrawn")

    def _current(self) -> Participant | None:
        record = self.model.record(current_row(self.view))
        return record.participant if record else None

    # -- enrolling ----------------------------------------------------------------------

    def _notes(self) -> Callable[[Database, list[PersonBrief]], dict[str, str]]:
        """What the search says of the people found (read on the query thread)."""
        assert self._class is not None
        class_id = self._class.id
        taken = {r.participant.person_id for rows in self._lists.values() for r in rows}
        already, outside = self.tr("already in this class"), self.tr("outside the target group")

        def notes(db: Database, people: list[PersonBrief]) -> dict[str, str]:
            others = set(enrolment.outside_target(db, class_id,
                                                  [p.id for p in people if p.id not in taken]))
            return {p.id: already if p.id in taken else outside if p.id in others else ""
                    for p in people}

        return notes

    def enrol_people(self) -> None:
        if self._class is None:
            return
        dialog = PersonSearchDialog(self._db, self.tr("Enrol people in %1").replace(
            "%1", self._class.name), multi=True, notes=self._notes(), parent=self)
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = [p.id for p in dialog.chosen()] if accepted else []
        finally:
            self.dialog = None
            dialog.deleteLater()
        if chosen:
            self.enrol_ids(chosen)

    def enrol_ids(self, person_ids: list[str]) -> None:
        """Enrol people; those outside the target group need a reason, asked for here."""
        if self._class is None:
            return
        reason = ""
        outside = enrolment.outside_target(self._db, self._class.id, person_ids)
        if outside:
            names = [p.full_name for p in enrolment.person_briefs(self._db, outside)]
            typed = prompts.ask_reason(self, self.tr("Outside the target group"), self.tr(
                "%1 not in the target group of this programme. Why are they enrolled?").replace(
                "%1", ", ".join(names)))
            if typed is None:
                return
            reason = typed
        try:
            result = enrolment.enrol_many(self._db, self._class.id, person_ids, reason)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._report(result)

    def enrol_target_group(self) -> None:
        if self._class is None or self.job is not None:
            return
        programme = training.class_detail(self._db, self._class.id).programme
        target = describe(programme.target_group, target_choices(self._db).labels)
        dialog = TargetGroupDialog(self._db, self._class.id, target,
                                   units.list_units(self._db), self)
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            unit_id = dialog.unit_id()
        finally:
            self.dialog = None
            dialog.deleteLater()
        if accepted:
            self.enrol_group(unit_id)

    def enrol_group(self, unit_id: str | None) -> None:
        """Enrol the target group of a unit (None: the whole office) as an op: a large
        group takes a while, and Cancel leaves the class as it was."""
        if self._class is None or self.job is not None:
            return
        class_id = self._class.id

        def work(db: Database, progress: Progress) -> EnrolResult:
            return enrolment.enrol_target_group(db, class_id, unit_id, progress=progress)

        self.target_button.setEnabled(False)
        self.job = run_op(self, self._db, work, title=self.tr("Enrol the target group"),
                          label=self.tr("Enrolling the target group…"), writes=True,
                          on_success=self._group_enrolled, on_failure=self._group_failed)
        self.job.ended.connect(self._job_ended)

    def _job_ended(self) -> None:
        self.job = None
        self.target_button.setEnabled(self._class is not None
                                      and self._class.status not in CLOSED)

    def _group_enrolled(self, result: EnrolResult) -> None:
        self._report(result)
        if result.not_enrolled:
            self.show_not_enrolled(result)

    def _group_failed(self, _text: str) -> None:
        # A refusal was shown by the runner; a cancel is only said in the status bar.
        if self.job is not None and self.job.cancel_requested:
            self.message.emit(self.tr("Enrolment cancelled: nobody was enrolled."))

    def show_not_enrolled(self, result: EnrolResult) -> None:
        """Who of the group was not enrolled, and why (a window the clerk closes)."""
        dialog = NotEnrolledDialog(result, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _report(self, result: EnrolResult) -> None:
        parts = [self.tr("Enrolled %Ln", "", len(result.enrolled))]
        if result.waiting:
            parts.append(self.tr("%Ln on the waiting list", "", len(result.waiting)))
        if result.skipped:
            parts.append(self.tr("%Ln already in the class", "", len(result.skipped)))
        if result.not_enrolled:
            parts.append(self.tr("%Ln not enrolled", "", len(result.not_enrolled)))
        self.changed.emit("; ".join(parts))

    # -- leaving ----------------------------------------------------------------------

    def withdraw_current(self) -> None:
        participant = self._current()
        if participant is None or participant.status == "withdrawn":
            return
        reason = prompts.ask_reason(self, self.tr("Withdraw"), self.tr(
            "Why does %1 leave the class?").replace("%1", participant.full_name))
        if reason is None:
            return
        try:
            moved = enrolment.withdraw(self._db, participant.enrolment_id, reason)
        except UserError as exc:
            show_user_error(self, exc)
            return
        text = self.tr("%1 withdrew.").replace("%1", participant.full_name)
        if moved:
            text += " " + self.tr("Moved up from the waiting list: %1").replace(
                "%1", ", ".join(p.full_name for p in moved))
        self.changed.emit(text)

    def remove_current(self) -> None:
        participant = self._current()
        if participant is None or participant.status == "withdrawn":
            return
        try:
            moved = enrolment.remove_enrolment(self._db, participant.enrolment_id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        text = self.tr("Removed %1. Press Ctrl+Z to undo.").replace("%1", participant.full_name)
        if moved:
            text += " " + self.tr("Moved up from the waiting list: %1").replace(
                "%1", ", ".join(p.full_name for p in moved))
        self.changed.emit(text)
