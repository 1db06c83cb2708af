"""Loading the translations for the chosen language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"


def _load(translator: QTranslator, name: str, folders: list[Path]) -> bool:
    for folder in folders:
        if (folder / f"{name}.qm").is_file() and translator.load(name, str(folder)):
            return True
    return False


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the program's and Qt's own translations; returns the translators, which
    must stay referenced for as long as they are installed."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi"
                               else QLocale.Language.English))
    # English needs its file too: the source strings are English, but a plural message's
    # source has one form only ("%Ln people"), and cadre_desktop_en gives "1 person".
    installed = []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for name, folders in ((f"cadre_desktop_{language}", [I18N_DIR]),
                          (f"qtbase_{language}", [I18N_DIR, qt_dir])):
        translator = QTranslator()  # no parent: uninstalled when the caller drops it
        if _load(translator, name, folders):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
