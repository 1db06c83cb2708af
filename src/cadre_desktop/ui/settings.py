"""The program's own preferences (window geometry, language), kept apart from office data.

INI format everywhere, so that the file is the same on every OS and tests can point
QSettings at a temporary folder with QSettings.setPath.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "CadreDesktop"
APPLICATION = "CadreDesktop"

# Language codes offered, with each language's own name (an autonym is never translated).
LANGUAGES: list[tuple[str, str]] = [("vi", "Tiếng Việt"), ("en", "English")]
DEFAULT_LANGUAGE = "vi"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


def language() -> str:
    value = app_settings().value("language", DEFAULT_LANGUAGE)
    codes = [code for code, _name in LANGUAGES]
    return value if isinstance(value, str) and value in codes else DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    settings = app_settings()
    settings.setValue("language", code)
    settings.sync()
