"""This office's identity: setting it up (code, name, whether it is the province,
passphrase), the fingerprint read aloud to the other office's clerk, the identity file
to hand over, and new keys.

Making keys locks them with the passphrase (scrypt: most of a second on purpose), so
setting up and making new keys are ops (ui.kit.ops), off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import offices as office_service
from cadre_desktop.services import profile as profile_store
from cadre_desktop.services.bundles import write_atomically
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages, passphrase_dialog
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.form_widgets import display_iso, today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.offices import words


def fingerprint_font(base: QFont, scale: float = 1.9) -> QFont:
    """Large fixed-width digits that are easy to read out over the phone."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * scale)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    return font


class IdentityPanel(QGroupBox):
    changed = Signal()
    message = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This office"), parent)
        self.setObjectName("identityPanel")
        self._db = db
        self.op: Op | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self._setup_form())
        self.stack.addWidget(self._identity_view())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.reload()

    def _setup_form(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr(
            "Before this office can send its records to the office above, or receive the "
            "bundles of the offices below, it needs an identity: its code, its name and a "
            "pair of keys locked with a passphrase that only the office knows."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("officeCode")
        self.code.setMaxLength(60)
        self.code.setMaximumWidth(220)
        self.name = QLineEdit()
        self.name.setObjectName("officeName")
        self.name.setMaxLength(200)
        self.name.setMaximumWidth(520)
        self.top = QCheckBox(self.tr("This office is the &province: no office above it"))
        self.top.setObjectName("provinceLevel")
        self.top.setToolTip(self.tr(
            "The top office receives the bundles of the offices below and sends them its "
            "lists and plans; it has nothing to send up."))
        self.setup_button = QPushButton(self.tr("&Set up the office identity…"))
        self.setup_button.setObjectName("setupIdentity")
        self.setup_button.clicked.connect(self.set_up)
        form = QFormLayout()
        form.addRow(self.tr("Office &code:"), self.code)
        form.addRow(self.tr("Office &name:"), self.name)
        form.addRow("", self.top)
        row = QHBoxLayout()
        row.addWidget(self.setup_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _identity_view(self) -> QWidget:
        page = QWidget()
        self.office_label = QLabel()
        self.office_label.setObjectName("identityOffice")
        bold = QFont(self.office_label.font())
        bold.setBold(True)
        self.office_label.setFont(bold)
        caption = QLabel(self.tr("Fingerprint of this office's keys:"))
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setFont(fingerprint_font(self.font()))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr(
            "When another office enrols this one, read these six groups of digits to its "
            "clerk by phone. Give it the identity file on a USB stick or by e-mail."))
        hint.setWordWrap(True)
        self.created = QLabel()
        self.created.setObjectName("keysCreated")
        self.save_button = QPushButton(self.tr("Save &identity file…"))
        self.save_button.setObjectName("saveIdentity")
        self.save_button.clicked.connect(self.save_identity)
        self.rotate_button = QPushButton(self.tr("Make &new keys…"))
        self.rotate_button.setObjectName("rotateKeys")
        self.rotate_button.clicked.connect(self.rotate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.rotate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.office_label)
        layout.addWidget(caption)
        layout.addWidget(self.fingerprint)
        layout.addWidget(hint)
        layout.addWidget(self.created)
        layout.addLayout(buttons)
        return page

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def reload(self) -> None:
        info = office_service.identity_info(self._db)
        if info is None:
            profile = profile_store.load_profile(self._db)
            if not self.code.text():
                self.code.setText(profile.office_code)
            if not self.name.text():
                self.name.setText(profile.office_name)
            self.stack.setCurrentIndex(0)
            return
        self.office_label.setText(info.office.label)
        self.fingerprint.setText(info.fingerprint_display)
        self.created.setText(self.tr("Keys made on %1").replace(
            "%1", display_iso(info.created_at[:10])))
        self.stack.setCurrentIndex(1)

    def has_identity(self) -> bool:
        return self.stack.currentIndex() == 1

    # -- actions -------------------------------------------------------------------------

    def set_up(self) -> None:
        code, name = self.code.text().strip(), self.name.text().strip()
        if not code or not name:
            messages.warn(self, self.tr("Office identity"),
                          self.tr("Type the office's code and name first."))
            return
        passphrase = passphrase_dialog.ask_passphrase(
            self, self.tr("Office passphrase"),
            self.tr("Choose the passphrase that will protect this office's keys. It is asked "
                    "each time a bundle is sent or received. Type it twice."), new=True)
        if passphrase is None:
            return
        level = "province" if self.top.isChecked() else None

        def work(db: Database, _progress: Progress) -> office_service.IdentityInfo:
            return office_service.init_office(db, code, name, passphrase, level)

        self._start(run_op(self, self._db, work, title=self.tr("Office identity"),
                           label=self.tr("Making and locking the keys…"), writes=True,
                           on_success=self._set_up))

    def _start(self, op: Op) -> None:
        self.op = op
        op.ended.connect(self._op_ended)
        for button in (self.setup_button, self.rotate_button):
            button.setEnabled(False)

    def _op_ended(self) -> None:
        self.op = None
        for button in (self.setup_button, self.rotate_button):
            button.setEnabled(True)
        self.reload()
        self.changed.emit()

    def _set_up(self, info: office_service.IdentityInfo) -> None:
        self.message.emit(self.tr("Identity of %1 set up").replace("%1", info.office.name))

    def save_identity(self) -> None:
        info = office_service.identity_info(self._db)
        if info is None:
            return
        start = str(Path.home() / words.identity_file_name(info.office.code))
        target = prompts.save_file_name(self, self.tr("Save identity file"), start,
                                        self.tr("Cadre Desktop files (*.cadre)"))
        if not target:
            return
        try:
            write_atomically(Path(target), office_service.identity_file(self._db))
        except OSError as exc:
            messages.warn(self, self.tr("Save identity file"), str(exc))
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.message.emit(self.tr("Identity file saved to %1").replace("%1", target))

    def rotate(self) -> None:
        info = office_service.identity_info(self._db)
        if info is None:
            return
        if not messages.confirm(self, self.tr("New keys"), self.tr(
                "Make new keys for this office? A key change file is written; send it to the "
                "office above and to every office below. Until they import it they cannot "
                "read this office's bundles, nor this office theirs."),
                self.tr("Make new keys")):
            return
        start = str(Path.home() / words.rotation_file_name(info.office.code, today()))
        target = prompts.save_file_name(self, self.tr("Save the key change file"), start,
                                        self.tr("Cadre Desktop files (*.cadre)"))
        if not target:
            return
        passphrase = passphrase_dialog.ask_passphrase(
            self, self.tr("Office passphrase"),
            self.tr("Type the office passphrase to sign the key change with the old keys."))
        if passphrase is None:
            return

        def work(db: Database, _progress: Progress) -> bytes:
            return office_service.rotate_keys(db, passphrase)

        self._start(run_op(self, self._db, work, title=self.tr("New keys"),
                           label=self.tr("Making and locking the keys…"), writes=True,
                           on_success=lambda statement: self._write_statement(
                               Path(target), statement)))

    def _write_statement(self, path: Path, statement: bytes) -> None:
        """The keys have changed already: the statement must reach a file, so a failed
        write asks for another place instead of losing it."""
        while True:
            try:
                write_atomically(path, statement)
            except (OSError, UserError) as exc:  # a folder chosen, a full disk
                messages.warn(self, self.tr("Save the key change file"), str(exc))
                again = prompts.save_file_name(self, self.tr("Save the key change file"),
                                               str(path), self.tr("Cadre Desktop files (*.cadre)"))
                if not again:
                    messages.warn(self, self.tr("New keys"), self.tr(
                        "The new keys are in use but the key change file was not saved. "
                        "Ask the office above to revoke the old key and enrol this office "
                        "again with its new identity file."))
                    return
                path = Path(again)
                continue
            self.message.emit(self.tr("New keys made; key change file saved to %1")
                              .replace("%1", str(path)))
            return
