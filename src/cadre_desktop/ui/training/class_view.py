"""One class: its details, sessions, participants, attendance, results and documents.

Tabs load what they show when they are shown; after a change every other tab is
marked stale and reloads when the clerk turns to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.domain.money import format_vnd
from cadre_desktop.services import training
from cadre_desktop.services.training import TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.tables import button, button_row
from cadre_desktop.ui.targets.budget_dialog import edit_class_budget
from cadre_desktop.ui.training import labels
from cadre_desktop.ui.training.attendance_tab import AttendanceTab
from cadre_desktop.ui.training.class_form import ClassForm
from cadre_desktop.ui.training.participants_tab import ParticipantsTab
from cadre_desktop.ui.training.print_tab import PrintTab
from cadre_desktop.ui.training.results_tab import ResultsTab
from cadre_desktop.ui.training.sessions_tab import SessionsTab


class ClassTab(Protocol):
    def load(self, cls: TrainingClass) -> None: ...

    def set_database(self, db: Database) -> None: ...


class DetailsTab(QWidget):
    changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsTab")
        self._db = db
        self._class: TrainingClass | None = None
        self.form = ClassForm(training.list_programmes(db))
        self.form.edited.connect(lambda: self._set_dirty(True))
        self.save_button = button(self.tr("&Save changes"), self.save, "saveClass")
        self.revert_button = button(self.tr("Re&vert"), self.revert, "revertClass")
        self.budget_button = button(self.tr("&Budget by cost item…"), self.edit_budget,
                                    "classBudget")
        self.summary = QLabel()
        self.summary.setObjectName("classSummary")
        self.summary.setWordWrap(True)
        content = QWidget()
        column = QVBoxLayout()
        column.addWidget(self.summary)
        column.addWidget(self.form)
        column.addLayout(button_row(self.save_button, self.revert_button, self.budget_button))
        column.addStretch(1)
        row = QHBoxLayout(content)
        row.addLayout(column, 3)
        row.addStretch(1)  # full-width fields are hard to read on a wide screen
        scroll = QScrollArea()  # a small window scrolls the form rather than clipping it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def set_database(self, db: Database) -> None:
        self._db = db

    def load(self, cls: TrainingClass) -> None:
        self._class = cls
        found = training.list_programmes(self._db)
        self.form.programme.blockSignals(True)
        self.form.programme.clear()
        self.form.programme.addItem("", None)
        for programme in found:
            self.form.programme.addItem(programme.name, programme.id)
        self.form.programme.blockSignals(False)
        if all(p.id != cls.programme_id for p in found):  # a programme since deleted
            self.form.programme.addItem(cls.programme_name, cls.programme_id)
        self.form.load(cls)
        seats = (self.tr("%1 of %2 seats taken").replace("%1", str(cls.enrolled))
                 .replace("%2", str(cls.capacity)) if cls.capacity
                 else self.tr("%1 enrolled").replace("%1", str(cls.enrolled)))
        bits = [seats, self.tr("%Ln sessions", "", cls.sessions)]
        if cls.waiting:
            bits.insert(1, self.tr("%Ln on the waiting list", "", cls.waiting))
        if cls.budget_planned is not None or cls.budget_actual is not None:
            bits.append(self.tr("budget %1, spent %2").replace(
                "%1", format_vnd(cls.budget_planned) or "—").replace(
                "%2", format_vnd(cls.budget_actual) or "—"))
        self.summary.setText("; ".join(bits))
        self._set_dirty(False)

    def edit_budget(self) -> None:
        if self._class is not None:
            edit_class_budget(self, self._db, self._class.id, self._class.name, self.changed.emit)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def revert(self) -> None:
        if self._class is not None:
            self.load(training.class_detail(self._db, self._class.id).training_class)

    def save(self) -> None:
        if self._class is None:
            return
        try:
            training.save_class(self._db, self.form.data(), self._class.id)
        except UserError as exc:
            self.form.show_error(exc)
            return
        self.changed.emit(self.tr("Saved class %1").replace("%1", self.form.name.text()))


class ClassView(QWidget):
    back = Signal()
    changed = Signal(str)  # office data changed; the message for the status bar
    edited = Signal()  # a quiet change (one attendance cell)

    def __init__(self, db: Database, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classView")
        self._db = db
        self._class: TrainingClass | None = None
        self.back_button = QPushButton(self.style().standardIcon(
            QStyle.StandardPixmap.SP_ArrowBack), self.tr("All classes"))
        self.back_button.setObjectName("backToClasses")
        self.back_button.clicked.connect(self.back)
        self.title = QLabel()
        self.title.setObjectName("classTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("classSubtitle")
        self.details = DetailsTab(db)
        self.sessions = SessionsTab(db)
        self.participants = ParticipantsTab(db)
        self.attendance = AttendanceTab(db)
        self.results = ResultsTab(db)
        self.printing = PrintTab(db)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("classTabs")
        self._tabs: list[ClassTab] = [self.details, self.sessions, self.participants,
                                      self.attendance, self.results, self.printing]
        names = [self.tr("&Details"), self.tr("&Sessions"), self.tr("&Participants"),
                 self.tr("A&ttendance"), self.tr("&Results"), self.tr("Pri&nt")]
        for tab, name in zip(self._tabs, names, strict=True):
            assert isinstance(tab, QWidget)
            self.tabs.addTab(tab, name)
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        for tab in (self.details, self.sessions, self.participants, self.attendance,
                    self.results):
            tab.changed.connect(self._changed)
        self.attendance.edited.connect(self._edited)
        for tab in (self.participants, self.attendance, self.printing):
            tab.message.connect(self.changed)  # a message only: nothing to reload

        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addLayout(heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    @property
    def class_id(self) -> str | None:
        return self._class.id if self._class else None

    def set_database(self, db: Database) -> None:
        self._db = db
        for tab in self._tabs:
            tab.set_database(db)

    def open_class(self, class_id: str) -> None:
        self._class = None
        self._load(class_id)

    def reload(self) -> bool:
        """Re-read everything; False when the class is gone (deleted, or undone)."""
        return self._class is not None and self._load(self._class.id)

    def _load(self, class_id: str) -> bool:
        try:
            cls = training.class_detail(self._db, class_id).training_class
        except NotFound:
            self._class = None
            return False
        self._class = cls
        self.title.setText(cls.name)
        status = labels.class_states().get(cls.state, cls.state)
        mode = labels.modes().get(cls.mode, cls.mode)
        self.subtitle.setText(" · ".join(b for b in (
            cls.programme_name, labels.date_range(cls.start_date, cls.end_date), mode,
            cls.venue, status) if b))
        self._stale = set(range(len(self._tabs)))
        self._tab_shown(self.tabs.currentIndex())
        return True

    def _tab_shown(self, index: int) -> None:
        if self._class is not None and index in self._stale:
            self._stale.discard(index)
            self._tabs[index].load(self._class)

    def _changed(self, message: str) -> None:
        if not self.reload():
            self.back.emit()
        self.changed.emit(message)

    def _edited(self) -> None:
        # The grid shows the change already; the other tabs read it when shown again.
        current = self.tabs.currentIndex()
        self._stale = set(range(len(self._tabs))) - {current}
        self.edited.emit()
