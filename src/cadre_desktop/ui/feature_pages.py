"""The pages a feature adds to the main window's navigation, in order.

A feature page is a QWidget with the signals `changed()` (office data changed: the undo
label follows), `message(str)` (for the status bar) and `navigate(str, object)` (open
another page at a target), and the methods `refresh()`, `set_database(db)` and
`open_target(target)`. `first` pages come before the roster; the others after it, before
the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from cadre_desktop.store.db import Database


@dataclass(frozen=True)
class FeaturePage:
    key: str
    title: Callable[[], str]  # called once the translators are installed
    icon: QStyle.StandardPixmap
    build: Callable[[Database], QWidget]
    first: bool = False
    refresh_all: bool = False  # its changes reach other pages (an imported bundle)


def _start(db: Database) -> QWidget:
    from cadre_desktop.ui.start_page import StartPage

    return StartPage(db)


def _training(db: Database) -> QWidget:
    from cadre_desktop.ui.training.page import TrainingPage

    return TrainingPage(db, db.path)


def _rotations(db: Database) -> QWidget:
    from cadre_desktop.ui.rotation.page import RotationPage

    return RotationPage(db)


def _member_programme(db: Database) -> QWidget:
    from cadre_desktop.ui.member_programme.page import MemberProgrammePage

    return MemberProgrammePage(db)


def _send_bundle(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.send_page import SendBundlePage

    return SendBundlePage(db)


def _offices(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.offices_page import OfficesPage

    return OfficesPage(db)


def _office_keys(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.keys_page import OfficeKeysPage

    return OfficeKeysPage(db)


SP = QStyle.StandardPixmap
FEATURE_PAGES: list[FeaturePage] = [
    FeaturePage("start", lambda: QCoreApplication.translate("MainWindow", "Start"),
                SP.SP_DirHomeIcon, _start, first=True),
    FeaturePage("training", lambda: QCoreApplication.translate("MainWindow", "Training"),
                SP.SP_FileDialogDetailedView, _training),
    FeaturePage("rotations", lambda: QCoreApplication.translate("MainWindow", "Rotations"),
                SP.SP_BrowserReload, _rotations),
    FeaturePage("member_programme",
                lambda: QCoreApplication.translate("MainWindow", "Member programme"),
                SP.SP_FileDialogContentsView, _member_programme),
    FeaturePage("send_bundle",
                lambda: QCoreApplication.translate("MainWindow", "Send to the province"),
                SP.SP_ArrowUp, _send_bundle),
    FeaturePage("offices", lambda: QCoreApplication.translate("MainWindow", "Offices"),
                SP.SP_DirLinkIcon, _offices, refresh_all=True),
    FeaturePage("office_keys", lambda: QCoreApplication.translate("MainWindow", "Office & keys"),
                SP.SP_DialogApplyButton, _office_keys, refresh_all=True),
]
