"""Adding one session, generating a recurring schedule, naming the lecturer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.domain.sessions import AFTERNOON, MORNING, WORKDAYS
from cadre_desktop.services.training import Session, SessionInput, TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import DateField, TimeField, error_line
from cadre_desktop.ui.training import labels
from cadre_desktop.ui.training.person_search import PersonSearchDialog


class LecturerField(QWidget):
    """A lecturer from the roster (chosen by search) or an outside name typed in."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._person_id: str | None = None
        self.search_dialog: PersonSearchDialog | None = None
        self.name = QLineEdit()
        self.name.setObjectName("field_lecturer")
        self.name.setPlaceholderText(self.tr("an outside lecturer's name, or choose from the "
                                             "roster"))
        self.name.textEdited.connect(self._typed)
        self.roster_button = QPushButton(self.tr("From roster…"))
        self.roster_button.setObjectName("lecturerFromRoster")
        self.roster_button.setAutoDefault(False)
        self.roster_button.clicked.connect(self.choose_from_roster)
        self.source = QLabel()
        self.source.setObjectName("lecturerSource")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.roster_button)
        row.addWidget(self.source)
        self._show_source()

    def set_lecturer(self, person_id: str | None, name: str) -> None:
        self._person_id = person_id
        self.name.setText(name)
        self._show_source()

    def person_id(self) -> str | None:
        return self._person_id

    def outside_name(self) -> str:
        return "" if self._person_id else self.name.text()

    def choose_from_roster(self) -> None:
        dialog = PersonSearchDialog(self._db, self.tr("Choose the lecturer"), parent=self)
        self.search_dialog = dialog
        dialog.search.setText(self.name.text())
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
                person = dialog.chosen()[0]
                self.set_lecturer(person.id, person.full_name)
        finally:
            self.search_dialog = None
            dialog.deleteLater()

    def _typed(self) -> None:
        self._person_id = None  # a typed name is someone from outside the roster
        self._show_source()

    def _show_source(self) -> None:
        self.source.setText(self.tr("(in the roster)") if self._person_id else "")


def _template_fields(db: Database, room_hint: str) -> tuple[QLineEdit, LecturerField, QLineEdit]:
    topic = QLineEdit()
    topic.setObjectName("field_topic")
    lecturer = LecturerField(db)
    room = QLineEdit()
    room.setObjectName("field_room")
    room.setPlaceholderText(room_hint)
    return topic, lecturer, room


class SessionDialog(QDialog):
    """One session: the date, its hours (morning and afternoon presets), topic, lecturer
    and room."""

    def __init__(self, db: Database, cls: TrainingClass, session: Session | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.setWindowTitle(self.tr("Edit session") if session else self.tr("Add session"))
        self.date = DateField("date")
        self.start = TimeField("start_time")
        self.end = TimeField("end_time")
        morning = QPushButton(self.tr("Morning"))
        morning.clicked.connect(lambda: self._preset(*MORNING))
        afternoon = QPushButton(self.tr("Afternoon"))
        afternoon.clicked.connect(lambda: self._preset(*AFTERNOON))
        for made in (morning, afternoon):
            made.setAutoDefault(False)
        self.topic, self.lecturer, self.room = _template_fields(
            db, self.tr("room, or the link of an online session"))
        self.error = error_line()
        hours = QHBoxLayout()
        for widget in (self.start, QLabel("–"), self.end, morning, afternoon):
            hours.addWidget(widget)
        hours.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("Hours:"), hours)
        form.addRow(self.tr("&Topic:"), self.topic)
        form.addRow(self.tr("&Lecturer:"), self.lecturer)
        form.addRow(self.tr("&Room or link:"), self.room)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        if session is None:
            self.date.set_date(cls.start_date)
            self._preset(*MORNING)
            self.room.setText(cls.link if cls.mode == "online" else cls.venue)
        else:
            self.date.set_date(session.date)
            self.start.set_time(session.start_time)
            self.end.set_time(session.end_time)
            self.topic.setText(session.topic)
            self.lecturer.set_lecturer(session.lecturer_person_id, session.lecturer_name)
            self.room.setText(session.room)

    def _preset(self, start: dt.time, end: dt.time) -> None:
        self.start.set_time(start)
        self.end.set_time(end)

    def session_input(self) -> SessionInput:
        day = self.date.date()
        if day is None:
            raise InvalidInput("Cần ngày của buổi học", "date")
        data = SessionInput(day, self.start.time(), self.end.time(), self.topic.text(),
                            self.lecturer.person_id(), self.lecturer.outside_name(),
                            self.room.text())
        data.columns()  # the store's own checks (the end after the start), before closing
        return data

    def _check(self) -> None:
        try:
            self.session_input()
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.accept()


@dataclass(frozen=True)
class Recurrence:
    first: dt.date
    last: dt.date
    weekdays: frozenset[int]
    parts: tuple[str, ...]
    template: SessionInput


class GenerateDialog(QDialog):
    """Every chosen weekday from one date to another, mornings, afternoons or both."""

    def __init__(self, db: Database, cls: TrainingClass, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generateDialog")
        self.setWindowTitle(self.tr("Generate recurring sessions"))
        self.first = DateField("first")
        self.last = DateField("last")
        self.first.set_date(cls.start_date)
        self.last.set_date(cls.end_date)
        self.days: list[QCheckBox] = []
        day_row = QHBoxLayout()
        for number, name in enumerate(labels.weekdays()):
            box = QCheckBox(name)
            box.setObjectName(f"weekday{number}")
            box.setChecked(number in WORKDAYS)
            self.days.append(box)
            day_row.addWidget(box)
        day_row.addStretch(1)
        self.morning = QRadioButton(self.tr("Mornings (07:30–11:30)"))
        self.morning.setObjectName("partMorning")
        self.afternoon = QRadioButton(self.tr("Afternoons (13:30–17:00)"))
        self.afternoon.setObjectName("partAfternoon")
        self.both = QRadioButton(self.tr("Both"))
        self.both.setObjectName("partBoth")
        self.morning.setChecked(True)
        group = QButtonGroup(self)
        part_row = QHBoxLayout()
        for radio in (self.morning, self.afternoon, self.both):
            group.addButton(radio)
            part_row.addWidget(radio)
        part_row.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.last)
        dates.addStretch(1)
        self.topic, self.lecturer, self.room = _template_fields(
            db, self.tr("room, or the link of an online session"))
        self.room.setText(cls.link if cls.mode == "online" else cls.venue)
        self.error = error_line()
        form = QFormLayout()
        form.addRow(self.tr("From:"), dates)
        form.addRow(self.tr("On:"), day_row)
        form.addRow(self.tr("Part of the day:"), part_row)
        form.addRow(self.tr("&Topic:"), self.topic)
        form.addRow(self.tr("&Lecturer:"), self.lecturer)
        form.addRow(self.tr("&Room or link:"), self.room)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(700, self.sizeHint().height())

    def recurrence(self) -> Recurrence:
        first, last = self.first.date(), self.last.date()
        if first is None or last is None:
            raise InvalidInput("Cần ngày bắt đầu và ngày kết thúc", "first")
        parts = (("morning",) if self.morning.isChecked() else ("afternoon",)
                 if self.afternoon.isChecked() else ("morning", "afternoon"))
        template = SessionInput(first, *MORNING, topic=self.topic.text(),
                                lecturer_person_id=self.lecturer.person_id(),
                                lecturer_name=self.lecturer.outside_name(),
                                room=self.room.text())
        weekdays = frozenset(i for i, box in enumerate(self.days) if box.isChecked())
        if not weekdays:
            raise InvalidInput("Cần chọn ít nhất một thứ trong tuần", "weekdays")
        return Recurrence(first, last, weekdays, parts, replace(template))

    def _check(self) -> None:
        try:
            self.recurrence()
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.accept()
