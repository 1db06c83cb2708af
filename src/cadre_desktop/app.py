"""Starting the GUI: translations, the single-instance lock, the window (which takes the
daily backup in the background once it is shown)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from cadre_desktop import __version__
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import session
from cadre_desktop.ui import settings
from cadre_desktop.ui.errors import install_excepthook, show_user_error
from cadre_desktop.ui.i18n import install_translators
from cadre_desktop.ui.main_window import MainWindow


def build_main_window(db_path: Path, ask_profile: bool = False) -> MainWindow:
    """The main window on the database at db_path, not yet shown (a QApplication must
    exist). ask_profile: ask for the office profile on first show when it is incomplete."""
    db = session.open_office(Path(db_path))
    try:
        return MainWindow(db, Path(db_path), ask_profile=ask_profile)
    except BaseException:
        db.close()
        raise


def run_gui(db_path: Path, language: str | None = None) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Cadre Desktop")
    app.setApplicationVersion(__version__)
    chosen = language if language in {code for code, _name in settings.LANGUAGES} else None
    translators = install_translators(app, chosen or settings.language())
    install_excepthook()
    db_path = Path(db_path)
    try:
        held = session.lock_office(db_path)
    except UserError as exc:
        show_user_error(None, exc)
        return 1
    try:
        window = build_main_window(db_path, ask_profile=True)
    except UserError as exc:
        held.release()
        show_user_error(None, exc)
        return 1
    window.show()
    try:
        return app.exec()
    finally:
        del translators
        held.release()
