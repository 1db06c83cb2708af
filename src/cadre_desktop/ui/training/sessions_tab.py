"""A class's sessions: the schedule, adding and generating sessions, and clashes.

A clash (the same lecturer, room or participant in two sessions at once) never blocks
saving: the office may know better. It is shown at once, and stays listed under the
schedule, with the session marked, until it is resolved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.sessions import Overlap
from cadre_desktop.services import training
from cadre_desktop.services.training import Session, SessionsAdded, TrainingClass
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.table_model import (
    CENTRE,
    WARNING_BACKGROUND,
    Column,
    ListTableModel,
)
from cadre_desktop.ui.kit.tables import (
    button,
    button_row,
    current_row,
    heading,
    make_table,
    selected_rows,
)
from cadre_desktop.ui.training import labels
from cadre_desktop.ui.training.session_dialogs import GenerateDialog, SessionDialog


@dataclass(frozen=True)
class SessionRow:
    session: Session
    clashes: tuple[str, ...]  # overlap kinds this session takes part in


class SessionTableModel(ListTableModel[SessionRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        kinds = labels.overlap_kinds()
        super().__init__([
            Column(self.tr("Date"), lambda r: labels.weekday_date(r.session.date), CENTRE),
            Column(self.tr("Time"),
                   lambda r: f"{r.session.start_time}–{r.session.end_time}", CENTRE),
            Column(self.tr("Topic"), lambda r: r.session.topic),
            Column(self.tr("Lecturer"), lambda r: r.session.lecturer_name),
            Column(self.tr("Room or link"), lambda r: r.session.room),
            Column(self.tr("Clash"), lambda r: ", ".join(kinds.get(k, k) for k in r.clashes)),
        ], parent)

    def highlight(self, record: SessionRow, column: int) -> QColor | None:
        return WARNING_BACKGROUND if record.clashes else None


class SessionsTab(QWidget):
    changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsTab")
        self._db = db
        self._class: TrainingClass | None = None
        self.dialog: QDialog | None = None
        self.model = SessionTableModel(self)
        self.view = make_table("sessionView", self.model, [16, 12, 40, 30, 26], multi=True,
                               stretch=2, fit=[0, 1, 5])
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.add_button = button(self.tr("&Add session…"), self.add_session, "addSession")
        self.generate_button = button(self.tr("&Generate recurring…"), self.generate,
                                      "generateSessions")
        self.edit_button = button(self.tr("&Edit…"), self.edit_current, "editSession")
        self.delete_button = button(self.tr("&Delete"), self.delete_selected, "deleteSessions")
        self.count = QLabel()
        self.count.setObjectName("sessionCount")
        self.clashes = QListWidget()
        self.clashes.setObjectName("clashList")
        self.clashes.setWordWrap(True)
        self.clash_title = heading("")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.clash_title)
        lower_layout.addWidget(self.clashes)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setSizes([400, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.add_button, self.generate_button, self.edit_button,
                                    self.delete_button, self.count, stretch_at=4))
        layout.addWidget(splitter, 1)

    def set_database(self, db: Database) -> None:
        self._db = db

    def load(self, cls: TrainingClass) -> None:
        self._class = cls
        sessions = training.class_detail(self._db, cls.id).sessions
        overlaps = training.class_overlaps(self._db, cls.id)
        kinds: dict[str, list[str]] = {}
        for overlap in overlaps:
            for info in (overlap.first, overlap.second):
                found = kinds.setdefault(info.id, [])
                if overlap.kind not in found:
                    found.append(overlap.kind)
        self.model.set_rows([SessionRow(s, tuple(kinds.get(s.id, ()))) for s in sessions])
        self.count.setText(self.tr("%Ln sessions", "", len(sessions)))
        self._show_clashes(overlaps)
        closed = cls.status in ("finished", "cancelled")
        for widget in (self.add_button, self.generate_button):
            widget.setEnabled(not closed)

    def _show_clashes(self, overlaps: list[Overlap]) -> None:
        kinds = labels.overlap_kinds()
        self.clashes.clear()
        for overlap in overlaps:
            self.clashes.addItem(f"{kinds.get(overlap.kind, overlap.kind)}: {overlap.message}")
        self.clash_title.setText(
            self.tr("Clashes with other sessions: %Ln", "", len(overlaps)) if overlaps
            else self.tr("No clashes with other sessions."))

    def _current_session(self) -> Session | None:
        record = self.model.record(current_row(self.view))
        return record.session if record else None

    # -- changes ---------------------------------------------------------------------------

    def add_session(self) -> None:
        if self._class is None:
            return
        dialog = SessionDialog(self._db, self._class, parent=self)
        if self._run(dialog):
            self._added(lambda: training.add_sessions(self._db, self._class_id(),
                                                      [dialog.session_input()]))

    def generate(self) -> None:
        if self._class is None:
            return
        dialog = GenerateDialog(self._db, self._class, self)
        if self._run(dialog):
            wanted = dialog.recurrence()
            self._added(lambda: training.generate_sessions(
                self._db, self._class_id(), wanted.first, wanted.last, wanted.weekdays,
                wanted.parts, wanted.template))

    def edit_current(self) -> None:
        session = self._current_session()
        if session is None or self._class is None:
            return
        dialog = SessionDialog(self._db, self._class, session, self)
        if not self._run(dialog):
            return
        try:
            overlaps = training.update_session(self._db, session.id, dialog.session_input())
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.changed.emit(self.tr("Session changed"))
        self._warn_clashes(overlaps, [])

    def delete_selected(self) -> None:
        ids = [r.session.id for row in selected_rows(self.view)
               if (r := self.model.record(row)) is not None]
        if not ids:
            return
        count = training.delete_sessions(self._db, ids)
        self.changed.emit(self.tr("Deleted %Ln sessions. Press Ctrl+Z to undo.", "", count))

    def _class_id(self) -> str:
        assert self._class is not None
        return self._class.id

    def _run(self, dialog: QDialog) -> bool:
        self.dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            dialog.deleteLater()

    def _added(self, add: Callable[[], SessionsAdded]) -> None:
        try:
            result = add()
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.changed.emit(self.tr("Added %Ln sessions", "", len(result.session_ids)))
        self._warn_clashes(result.overlaps, result.warnings)

    def _warn_clashes(self, overlaps: list[Overlap], warnings: list[str]) -> None:
        if not overlaps and not warnings:
            return
        kinds = labels.overlap_kinds()
        lines = [f"• {kinds.get(o.kind, o.kind)}: {o.message}" for o in overlaps]
        lines += [f"• {w}" for w in warnings]
        intro = (self.tr("Saved, but these sessions clash with others:") if overlaps
                 else self.tr("Saved, with a warning:"))
        messages.warn(self, self.tr("Clashing sessions"), intro + "\n\n" + "\n".join(lines))
