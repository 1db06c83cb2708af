"""The main window: pages, menus, language, geometry, the office profile, backups, errors
and starting the program."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from cadre_desktop import __version__, app
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import backup, lock
from cadre_desktop.store.db import open_database
from cadre_desktop.store.profile import load_profile
from cadre_desktop.ui import errors, messages, settings
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.profile_dialog import ProfileDialog
from gui_support import OFFSCREEN_NOISE, Office, settle, type_text

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


def test_navigation_lists_the_working_pages(window: MainWindow) -> None:
    nav = window.findChild(QListWidget, "navigation")
    assert nav is not None
    titles = [nav.item(i).text() for i in range(nav.count())]
    assert titles[:2] == ["Start", "Roster"] and titles[-1] == "Settings"
    nav.setCurrentRow(nav.count() - 1)
    assert window.pages.currentWidget() is window.settings_page
    nav.setCurrentRow(1)
    assert window.pages.currentWidget() is window.roster_page
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_language_switch_is_stored_and_takes_effect_on_restart(
        monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    told: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda _parent, _title, text: told.append(text))
    assert settings.language() == "vi"  # the default
    english = next(a for a in window.language_group.actions() if a.data() == "en")
    assert [a.text() for a in window.language_group.actions()] == ["Tiếng Việt", "English"]
    english.trigger()
    assert settings.language() == "en"
    assert told and "next time" in told[0]
    assert "next time" in window.statusBar().currentMessage()
    english.trigger()  # choosing the current language again says nothing
    assert len(told) == 1


def test_geometry_is_remembered(qtbot: QtBot, office: Office) -> None:
    first = app.build_main_window(office.path)
    qtbot.addWidget(first)
    first.resize(720, 520)  # the offscreen screen is 800 x 600
    first.show()
    qtbot.waitExposed(first)
    first.close()
    assert settings.app_settings().value("main_window/geometry") is not None
    second = app.build_main_window(office.path)
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (720, 520)


def test_undo_menu_names_the_action(qtbot: QtBot, window: MainWindow) -> None:
    assert window.undo_action.text() == "&Undo: Thêm Đỗ Thị Ân"
    window.undo_action.trigger()
    settle(window.roster_page.model)
    assert window.roster_page.model.total == 5
    assert window.undo_action.text() == "&Undo: Thêm Nguyễn Hữu Anh"


def test_profile_is_asked_on_first_start_only_when_asked_for(qtbot: QtBot,
                                                               office: Office) -> None:
    quiet = app.build_main_window(office.path)
    qtbot.addWidget(quiet)
    quiet.show()
    qtbot.waitExposed(quiet)
    QApplication.processEvents()
    assert quiet.profile_dialog is None
    quiet.close()

    win = app.build_main_window(office.path, ask_profile=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.profile_dialog is not None and win.profile_dialog.isVisible())
    dialog = win.profile_dialog
    assert isinstance(dialog, ProfileDialog)
    save = dialog.buttons.buttons()[0]
    edits = dialog.form.edits
    type_text(edits["office_name"], "BCH ĐOÀN PHƯỜNG GIA LỘC")
    type_text(edits["office_code"], "GL")
    assert not dialog.form.complete
    type_text(edits["place_name"], "Gia Lộc")
    type_text(edits["signer_title"], "BÍ THƯ")
    assert dialog.form.complete and save.isEnabled()
    dialog.buttons.accepted.emit()
    assert load_profile(win.db).office_name == "BCH ĐOÀN PHƯỜNG GIA LỘC"
    assert win.windowTitle() == "BCH ĐOÀN PHƯỜNG GIA LỘC — Cadre Desktop"
    assert win.settings_page.form.edits["place_name"].text() == "Gia Lộc"
    win.close()

    again = app.build_main_window(office.path, ask_profile=True)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    QApplication.processEvents()
    assert again.profile_dialog is None  # complete now: not asked again


def test_settings_page_saves_the_profile(qtbot: QtBot, window: MainWindow) -> None:
    page = window.settings_page
    save = page.findChild(QPushButton, "saveProfile")
    assert save is not None and not save.isEnabled()
    type_text(page.form.edits["doc_suffix"], "ĐTN")
    assert save.isEnabled()
    save.click()
    assert load_profile(window.db).doc_suffix == "ĐTN"
    assert not save.isEnabled()
    assert window.statusBar().currentMessage() == "Office profile saved"


def test_backup_restore_reopens_the_database(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                             window: MainWindow) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    window.show_backups()
    dialog = window.backup_dialog
    assert dialog is not None and dialog.list.topLevelItemCount() == 0
    dialog.backup_now()  # a copy of the whole file: in the background
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=10000)
    # A change after the copy, which the restore takes back.
    save_person(window.db, PersonForm({"full_name": "Hồ Văn Mới"}))
    window.roster_page.refresh()
    settle(window.roster_page.model)
    assert window.roster_page.model.total == 7
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_selected()  # an op: the file is replaced off the GUI thread
    qtbot.waitUntil(lambda: "Backup restored" in window.statusBar().currentMessage(),
                    timeout=10000)
    settle(window.roster_page.model)
    assert window.roster_page.model.total == 6
    assert len(backup.list_backups(window.db_path)) == 2  # the copy and the safety copy


def test_bug_report_has_version_and_traceback_and_can_be_copied(qtbot: QtBot) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = errors.bug_report_text(type(exc), exc, exc.__traceback__)
    assert f"Cadre Desktop {__version__}" in report
    assert "RuntimeError: boom" in report and "Traceback" in report
    dialog = errors.BugReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.copy_report()
    assert QGuiApplication.clipboard().text() == report


def test_excepthook_shows_user_errors_plainly(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[str] = []
    reports: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(errors, "show_bug_report",
                        lambda _parent, _t, exc, _tb: reports.append(str(exc)))
    errors.handle_exception(UserError, UserError("Không được"), None)
    errors.handle_exception(ValueError, ValueError("bug"), None)
    assert shown == ["Không được"] and reports == ["bug"]
    capsys.readouterr()


def test_run_gui_refuses_a_database_open_elsewhere(monkeypatch: pytest.MonkeyPatch,
                                                  qtbot: QtBot, office: Office) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    default_locale = QLocale()
    held = lock.acquire(office.path)
    try:
        assert app.run_gui(office.path, "en") == 1
    finally:
        held.release()
        QLocale.setDefault(default_locale)
    assert shown and "đang được mở" in shown[0]


def test_run_gui_opens_and_closes(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                  office: Office, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    default_locale = QLocale()

    def close_windows() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                assert widget.isVisible()
                widget.close()

    QTimer.singleShot(200, close_windows)
    try:
        assert app.run_gui(office.path, "en") == 0
    finally:
        QLocale.setDefault(default_locale)
    assert sys.excepthook is errors.handle_exception
    assert len(backup.list_backups(office.path)) == 1  # the daily copy
    # The lock was released on exit.
    lock.acquire(office.path).release()
    db = open_database(office.path)
    db.close()
