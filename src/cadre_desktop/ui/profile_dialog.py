"""The office profile: the names and titles printed on every document.

Asked once on first start (office name, code and place are needed for documents) and
editable later on the Settings page. Under the certificate number pattern, the next
certificate's number as it will be printed ("Số: 15/GCN-ĐTN"), live, or why the pattern
cannot make numbers (the profile is not saved with such a pattern).
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.doc_number import NumberCheck
from cadre_desktop.services import doc_numbers
from cadre_desktop.services.doc_numbers import CertificateNumbers
from cadre_desktop.services.profile import OfficeProfile, load_profile, save_profile
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import today

REQUIRED = ("office_name", "office_code", "place_name")
ERROR_STYLE = "color: #b00020;"


def certificates_this_year(db: Database) -> CertificateNumbers:
    """The certificates given this year, from which the next number follows."""
    return doc_numbers.certificate_numbers(db, today().year)


class ProfileForm(QWidget):
    """The profile's fields; `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "office_name": (self.tr("&Office name (issuing body):"),
                            self.tr("e.g. BCH ĐOÀN PHƯỜNG GIA LỘC")),
            "office_code": (self.tr("Office &code:"), self.tr("e.g. GL")),
            "upper_body": (self.tr("&Upper body:"), self.tr("e.g. TỈNH ĐOÀN TÂY NINH")),
            "place_name": (self.tr("&Place name (date line):"), self.tr("e.g. Gia Lộc")),
            "signer_title": (self.tr("Signer's &title:"), self.tr("e.g. BÍ THƯ")),
            "signer_name": (self.tr("Signer's &name:"), self.tr("e.g. Nguyễn Văn An")),
            "doc_suffix": (self.tr("&Document number suffix:"),
                           self.tr("e.g. ĐTN in “Số: 12-KH/ĐTN”")),
            "certificate_pattern": (self.tr("C&ertificate number pattern:"),
                                    self.tr("{số}/GCN-{ký hiệu} (the default) gives "
                                            "“Số: 15/GCN-ĐTN”; {năm} adds the year")),
        }
        layout = QFormLayout(self)
        for field in fields(OfficeProfile):
            label, example = labels[field.name]
            edit = QLineEdit()
            edit.setObjectName(f"profile_{field.name}")
            edit.setPlaceholderText(example)
            edit.setMinimumWidth(320)
            edit.textChanged.connect(self.changed)
            if field.name in REQUIRED:
                label = label.replace(":", " *:")
            layout.addRow(label, edit)
            self.edits[field.name] = edit
            if field.name == "certificate_pattern":
                self.certificate_preview = QLabel()
                self.certificate_preview.setObjectName("certificatePreview")
                self.certificate_preview.setWordWrap(True)
                layout.addRow("", self.certificate_preview)
        self._certificates = CertificateNumbers(today().year, frozenset())
        for name in ("certificate_pattern", "doc_suffix"):
            self.edits[name].textChanged.connect(self._show_certificate)
        note = QLabel(self.tr("* needed for printed documents"))
        note.setEnabled(False)
        layout.addRow(note)
        self._show_certificate()

    def set_certificates(self, numbers: CertificateNumbers) -> None:
        """The certificates already given this year (the next number follows them)."""
        self._certificates = numbers
        self._show_certificate()

    @property
    def problem(self) -> str:
        """Why the profile cannot be saved as typed ('' when it can)."""
        return self._next_certificate().message

    def _next_certificate(self) -> NumberCheck:
        return self._certificates.next_number(self.edits["certificate_pattern"].text(),
                                              self.edits["doc_suffix"].text())

    def _show_certificate(self) -> None:
        found = self._next_certificate()
        if found.ok:
            self.certificate_preview.setText(self.tr("The next certificate of %1: %2")
                                             .replace("%1", str(self._certificates.year))
                                             .replace("%2", found.line))
            self.certificate_preview.setStyleSheet("")
        else:
            self.certificate_preview.setText(found.message)
            self.certificate_preview.setStyleSheet(ERROR_STYLE)

    def profile(self) -> OfficeProfile:
        return OfficeProfile(**{name: edit.text() for name, edit in self.edits.items()})

    def set_profile(self, profile: OfficeProfile) -> None:
        for field in fields(OfficeProfile):
            self.edits[field.name].setText(getattr(profile, field.name))

    @property
    def complete(self) -> bool:
        return self.profile().complete


class ProfileDialog(QDialog):
    """First-run question for the office profile; saves on OK."""

    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Your office"))
        self._db = db
        intro = QLabel(self.tr(
            "Welcome to Cadre Desktop. Please enter your office's details: they are printed "
            "in the header and signature of every document. You can change them later under "
            "Settings."))
        intro.setWordWrap(True)
        self.form = ProfileForm()
        self.form.set_profile(load_profile(db))
        self.form.set_certificates(certificates_this_year(db))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.form.changed.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.form.complete and not self.form.problem)

    def _save(self) -> None:
        save_profile(self._db, self.form.profile())
        self.saved.emit()
        self.accept()
