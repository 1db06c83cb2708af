"""What the user sees when something goes wrong.

A UserError is a refusal with a message meant for the clerk: a plain message box. Anything
else is a bug: a dialog with a report (traceback, version, platform) the clerk can copy
and send.
"""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop import __version__
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services.failures import explain
from cadre_desktop.ui import messages

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    messages.warn(parent, QCoreApplication.translate("Errors", "Cannot do that"), error.message)


def bug_report_text(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> str:
    lines = [
        f"Cadre Desktop {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.platform()} ({platform.machine()})",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class BugReportDialog(QDialog):
    """Shows an unexpected error's report with a button that copies it."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bugReportDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(640, 420)
        intro = QLabel(self.tr(
            "Something went wrong inside Cadre Desktop. Your data is safe: the last action "
            "was not saved. Please copy the report below and send it to whoever supports "
            "the program, with a few words on what you were doing."))
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setObjectName("bugReportText")
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copyReport")
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.report.toPlainText())


def show_bug_report(parent: QWidget | None, exc_type: type[BaseException],
                    exc: BaseException, tb: TracebackType | None) -> None:
    BugReportDialog(bug_report_text(exc_type, exc, tb), parent).exec()


_showing = False


def handle_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: errors raised in slots end up here."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    traceback.print_exception(exc_type, exc, tb)
    if _showing:  # an error while showing an error: the console has it, do not loop
        return
    _showing = True
    try:
        parent = QApplication.activeWindow()
        known = explain(exc)  # a damaged database, a full disk: the clerk's words
        if known is not None:
            show_user_error(parent, known)
        elif isinstance(exc, UserError):
            show_user_error(parent, exc)
        else:
            show_bug_report(parent, exc_type, exc, tb)
    finally:
        _showing = False


def install_excepthook() -> ExceptHook:
    previous = sys.excepthook
    sys.excepthook = handle_exception
    return previous
