"""Enrolling another office: its identity file, then the fingerprint its clerk reads out
by phone, typed here. The expected digits are never shown: the clerk must type what was
heard, so a swapped file is caught. A wrong fingerprint is refused and nothing changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from cadre_desktop.services import offices as office_service
from cadre_desktop.services.offices import EnrolResult
from cadre_desktop.store.db import Database
from cadre_desktop.sync.keys import Identity
from cadre_desktop.ui.form_widgets import ServiceDialog
from cadre_desktop.ui.offices.identity_panel import fingerprint_font


class EnrolDialog(ServiceDialog):
    enrolled = Signal(object)  # the EnrolResult

    def __init__(self, db: Database, data: bytes, identity: Identity, role: str,
                 parent: QWidget | None = None) -> None:
        # self.tr needs the object made first.
        translate = QCoreApplication.translate
        if role == "parent":
            title = translate("EnrolDialog", "Enrol the office above")
            intro = translate(
                "EnrolDialog",
                "This identity file is from the office above. Phone its clerk and ask them "
                "to read the fingerprint shown on their “Office & keys” page; type it here "
                "as you hear it.")
        else:
            title = translate("EnrolDialog", "Enrol an office below")
            intro = translate(
                "EnrolDialog",
                "This identity file is from an office below. Phone its clerk and ask them "
                "to read the fingerprint shown on their “Office & keys” page; type it here "
                "as you hear it.")
        super().__init__(title, self._enrol, parent, intro)
        self.setObjectName("enrolDialog")
        self.setMinimumWidth(560)
        self._db = db
        self._data = data
        self._role = role
        self.result_: EnrolResult | None = None
        office = QLabel(identity.office.name)
        office.setObjectName("enrolOfficeName")
        code = QLabel(identity.office.code)
        code.setObjectName("enrolOfficeCode")
        self.add_row(self.tr("Office:"), office)
        self.add_row(self.tr("Code:"), code)
        self.typed = QLineEdit()
        self.typed.setObjectName("typedFingerprint")
        self.typed.setFont(fingerprint_font(self.font(), 1.4))
        self.typed.setPlaceholderText("00000 00000 00000 00000 00000 00000")
        self.typed.setMaxLength(60)
        sample = self.typed.placeholderText() + "00"
        wide = QFontMetrics(self.typed.font()).horizontalAdvance(sample)
        self.typed.setMinimumWidth(wide)
        self.setMinimumWidth(max(560, wide + 160))
        self.add_row(self.tr("&Fingerprint:"), self.typed)
        self.ok_button.setText(self.tr("&Enrol"))

    def show_error(self, message: str) -> None:
        super().show_error(message)
        self.adjustSize()  # the refusal's lines must not squeeze the fields

    def _enrol(self, _dialog: ServiceDialog) -> None:
        self.result_ = office_service.enrol(self._db, self._data, self._role, self.typed.text())
        self.enrolled.emit(self.result_)
