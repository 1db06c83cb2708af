"""The actions on the chosen rotation: approve, start, extend or end early, complete and
cancel, each enabled only when the rotation's status allows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QStyle, QWidget

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import rotation as svc
from cadre_desktop.services.rotation import Rotation
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import ServiceDialog
from cadre_desktop.ui.rotation.action_dialogs import (
    ApproveDialog,
    CancelDialog,
    ChangeEndDialog,
    StartDialog,
)

DialogType = type[ApproveDialog] | type[StartDialog] | type[ChangeEndDialog] | type[CancelDialog]


class RotationActions(QObject):
    done = Signal(str, str)  # rotation id, the message for the status bar

    def __init__(self, db: Database, current: Callable[[], Rotation | None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._current = current
        self._parent = parent
        self.dialog: ServiceDialog | None = None
        style = parent.style()
        SP = QStyle.StandardPixmap

        def action(name: str, text: str, slot: Callable[[], None],
                   icon: QStyle.StandardPixmap | None = None) -> QAction:
            made = QAction(QIcon(style.standardIcon(icon)) if icon else QIcon(), text, self)
            made.setObjectName(name)
            made.triggered.connect(slot)
            return made

        self.approve = action("approveRotation", self.tr("A&pprove…"), self._approve,
                              SP.SP_DialogApplyButton)
        self.start = action("startRotation", self.tr("&Start…"), self._start,
                            SP.SP_MediaPlay)
        self.change_end = action("changeEndRotation", self.tr("E&xtend or end early…"),
                                 self._change_end, SP.SP_BrowserReload)
        self.complete = action("completeRotation", self.tr("C&omplete"), self._complete,
                               SP.SP_DialogOkButton)
        self.cancel = action("cancelRotation", self.tr("Ca&ncel rotation…"), self._cancel,
                             SP.SP_DialogCancelButton)
        self.all = [self.approve, self.start, self.change_end, self.complete, self.cancel]
        self.update()

    def set_database(self, db: Database) -> None:
        self._db = db

    def update(self) -> None:
        rotation = self._current()
        status = rotation.status if rotation else ""
        self.approve.setEnabled(status == "proposed")
        self.start.setEnabled(status == "approved")
        self.change_end.setEnabled(status in ("proposed", "approved", "active"))
        self.complete.setEnabled(status == "active")
        self.cancel.setEnabled(status in ("proposed", "approved", "active"))

    def _open(self, kind: DialogType, message: str) -> None:
        rotation = self._current()
        if rotation is None:
            return
        dialog = kind(self._db, rotation, self._parent)
        self.dialog = dialog

        def accepted() -> None:
            text = message
            if isinstance(dialog, ChangeEndDialog):
                text = (self.tr("Extended the rotation of %1") if dialog.kind == "extension"
                        else self.tr("Ended the rotation of %1 early"))
            self.done.emit(rotation.id, text.replace("%1", rotation.full_name))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: ServiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _approve(self) -> None:
        self._open(ApproveDialog, self.tr("Approved the rotation of %1"))

    def _start(self) -> None:
        self._open(StartDialog, self.tr("%1 has started the rotation"))

    def _change_end(self) -> None:
        self._open(ChangeEndDialog, "")

    def _cancel(self) -> None:
        self._open(CancelDialog, self.tr("Cancelled the rotation of %1"))

    def _complete(self) -> None:
        rotation = self._current()
        if rotation is None:
            return
        if not messages.confirm(self._parent, self.tr("Complete rotation"), self.tr(
                "%1's rotation ends on %2. Mark it as completed?").replace(
                    "%1", rotation.full_name).replace("%2", format_date(rotation.end)),
                self.tr("Complete")):
            return
        try:
            svc.complete(self._db, rotation.id)
        except UserError as exc:
            show_user_error(self._parent, exc)
            return
        self.done.emit(rotation.id, self.tr("Completed the rotation of %1").replace(
            "%1", rotation.full_name))
