"""The office passphrase prompt, used wherever the office's private keys are needed.

One dialog for both cases: a new passphrase (typed twice, with the plain warning that a
forgotten passphrase cannot be recovered) and the existing one. The passphrase is only
returned to the caller, who uses it for one action and lets it go: it is never kept in a
widget, a setting or a file. Tests replace ask_passphrase (see ui/messages.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.services.passphrase_rules import MIN_PASSPHRASE
from cadre_desktop.sync.crypto import FORGOTTEN
from cadre_desktop.ui.roster.editor_widgets import ERROR_STYLE

WARNING_STYLE = "QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 6px; }"


class PassphraseDialog(QDialog):
    def __init__(self, title: str, text: str, new: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._new = new
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        if new:
            form.addRow(self.tr("&Again:"), self.second)
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if new:
            # The Qt-free layer's own words: shown as they are, in Vietnamese.
            warning = QLabel(FORGOTTEN)
            warning.setObjectName("forgottenWarning")
            warning.setWordWrap(True)
            warning.setStyleSheet(WARNING_STYLE)
            layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        first = self.first.text()
        if not first:
            self._refuse(self.tr("Type the office passphrase."))
        elif self._new and len(first) < MIN_PASSPHRASE:
            self._refuse(self.tr("The passphrase needs at least %1 characters.")
                         .replace("%1", str(MIN_PASSPHRASE)))
        elif self._new and self.second.text() != first:
            self._refuse(self.tr("The two passphrases are not the same. Type them again."))
            self.second.clear()
        else:
            self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def take(self) -> str:
        """The passphrase typed; the fields are cleared so that the widget keeps nothing."""
        value = self.first.text()
        self.first.clear()
        self.second.clear()
        return value


def ask_passphrase(parent: QWidget | None, title: str, text: str,
                   new: bool = False) -> str | None:
    """The passphrase typed by the clerk, or None when cancelled."""
    dialog = PassphraseDialog(title, text, new, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.take()
        return value if accepted and value else None
    finally:
        dialog.deleteLater()
