"""Starting the GUI: translations, the single-instance lock, the window (which takes the
daily backup in the background once it is shown)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from cadre_desktop import __version__
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import session
from cadre_desktop.ui import settings
from cadre_desktop.ui.errors import install_excepthook, show_user_error
from cadre_desktop.ui.i18n import install_translators
from cadre_desktop.ui.main_window import MainWindow


def build_main_window(db_path: Path, ask_profile: bool = False,
                      daily_backup: bool = False) -> MainWindow:
    """The main window on the database at db_path, not yet shown (a QApplication must
    exist). ask_profile: ask for the office profile on first show when it is incomplete;
    daily_backup: take the daily copy in the background once the window is shown."""
    db = session.open_office(Path(db_path))
    try:
        return MainWindow(db, Path(db_path), ask_profile=ask_profile,
                          daily_backup=daily_backup)
    except BaseException:
        db.close()
        raise


RESOURCES = Path(__file__).resolve().parent / "resources"


def _ensure_fonts() -> None:
    """A machine without any font (a bare Linux install running the packaged build) would
    show empty boxes: fall back to the fonts the program ships for printing."""
    if QFontDatabase.families():
        return
    for font in sorted((RESOURCES / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


def _close_when_shown(window: MainWindow) -> list[bool]:
    """The smoke test's end: once the event loop has shown the window, close it (the loop
    then ends as after any last window); the list returned says whether it was on screen."""
    seen: list[bool] = []

    def close() -> None:
        seen.append(window.isVisible() and window.windowHandle() is not None)
        print(f"smoke test: main window {'shown' if seen[0] else 'NOT shown'}, "
              f"{window.navigation.count()} pages; closing", file=sys.stderr)
        window.close()

    QTimer.singleShot(0, close)
    return seen


def run_gui(db_path: Path, language: str | None = None, smoke_test: bool = False) -> int:
    """Open the app. smoke_test: start as usual (lock, database, window, daily backup), then
    close the window as soon as it is shown: a packaged build proves with it that the GUI
    starts on a machine, without anyone clicking (no office-profile question then)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Cadre Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "cadre-desktop.png")))
    _ensure_fonts()
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
        window = build_main_window(db_path, ask_profile=not smoke_test, daily_backup=True)
    except UserError as exc:
        held.release()
        show_user_error(None, exc)
        return 1
    window.show()
    seen = _close_when_shown(window) if smoke_test else None
    try:
        code = app.exec()
        return code if seen is None else (0 if code == 0 and seen == [True] else 1)
    finally:
        del translators
        held.release()
