"""The user guide inside the program: Help → User guide shows the contents, F1 the section
for the page (and tab) on screen, links between sections open in place with Back and
Forward, and the pictures are shown scaled to the width of the text."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from cadre_desktop.services import guide
from cadre_desktop.ui.guide_window import GuideWindow
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.page_help import page_key, tab_key
from cadre_desktop.ui.training.page import TrainingPage
from gui_support import OFFSCREEN_NOISE
from training_roster import make_class

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


def press_f1(qtbot: QtBot, win: MainWindow) -> GuideWindow:
    target = QApplication.focusWidget() or win
    qtbot.keyClick(target, Qt.Key.Key_F1)
    shown = win.help.guide
    assert shown is not None and shown.isVisible()
    return shown


def shown_anchor(guide_window: GuideWindow) -> str:
    assert guide_window.section is not None
    return guide_window.section.anchor


def show(win: MainWindow, page: QWidget) -> None:
    win.navigation.setCurrentRow(win.pages.indexOf(page))


def test_f1_opens_the_section_for_the_page_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    # the roster: importing a list
    assert page_key(window) == "roster"
    shown = press_f1(qtbot, window)
    assert shown_anchor(shown) == "nhap-danh-sach"
    assert shown.windowTitle() == "User guide — Nhập danh sách đoàn viên từ Excel"
    window.activateWindow()
    qtbot.waitActive(window)

    # the start page: the first day
    window.navigation.setCurrentRow(0)
    window.navigation.setFocus()
    assert shown_anchor(press_f1(qtbot, window)) == "bat-dau"
    window.activateWindow()
    qtbot.waitActive(window)

    # the rotations and the member programme have their own sections
    for key, anchor in (("rotations", "cu-can-bo-di-co-so"),
                        ("member_programme", "theo-doi-ren-luyen"),
                        ("send_bundle", "gui-bao-cao-len-tinh")):
        show(window, window.feature_pages[key])
        window.navigation.setFocus()
        assert shown_anchor(press_f1(qtbot, window)) == anchor, key
        window.activateWindow()
        qtbot.waitActive(window)
    show(window, window.settings_page)
    assert page_key(window) == "settings"


def test_f1_answers_in_the_import_wizard(qtbot: QtBot, window: MainWindow) -> None:
    window.roster_page.import_action.trigger()
    wizard = window.roster_page.import_wizard
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is wizard)
    wizard.activateWindow()  # as the window system does with a new dialog
    qtbot.waitActive(wizard)
    qtbot.waitUntil(lambda: wizard.isAncestorOf(QApplication.focusWidget()))
    assert page_key(window) == "roster.import"
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_F1)
    shown = window.help.guide
    assert shown is not None and shown.isVisible()
    assert shown_anchor(shown) == "nhap-danh-sach"
    shown.close()
    wizard.reject()


def test_f1_follows_the_tab_of_a_class(qtbot: QtBot, window: MainWindow) -> None:
    class_id = make_class(window.db, name="Lớp kỹ năng số", start=dt.date.today())
    window.open_page("training", class_id)
    page = window.feature_pages["training"]
    assert isinstance(page, TrainingPage)
    view = page.classes.class_view
    assert page_key(window) == "training.details"
    view.tabs.setCurrentWidget(view.attendance)
    assert page_key(window) == "training.attendance"
    view.setFocus()
    assert shown_anchor(press_f1(qtbot, window)) == "diem-danh"
    view.tabs.setCurrentWidget(view.printing)
    assert page_key(window) == "training.print"
    window.help.show_page_help()
    assert shown_anchor(window.help.window()) == "in-danh-sach"
    page.tabs.setCurrentWidget(page.programmes)  # the catalogue: opening a class
    assert page_key(window) == "training.programmes"
    window.help.show_page_help()
    assert shown_anchor(window.help.window()) == "mo-lop"


def test_the_innermost_tab_shown_names_the_place(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    outer = QTabWidget(page)
    first, second = QWidget(), QWidget()
    first.setObjectName("classesPage")
    second.setObjectName("")
    outer.addTab(first, "a")
    outer.addTab(second, "b")
    inner = QTabWidget(first)
    sessions, member_rows = QWidget(), QWidget()
    sessions.setObjectName("sessionsTab")
    member_rows.setObjectName("memberRowsTab")
    inner.addTab(sessions, "s")
    inner.addTab(member_rows, "m")
    page.show()
    assert tab_key(page) == "sessions"
    inner.setCurrentIndex(1)
    assert tab_key(page) == "member_rows"
    outer.setCurrentIndex(1)  # the inner tabs are hidden, the outer tab has no name
    assert tab_key(page) is None


def test_the_guide_window_shows_the_contents_links_and_pictures(
        qtbot: QtBot, window: MainWindow) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions()][:2] == ["&User guide", "&Help on this page"]
    window.help.guide_action.trigger()
    shown = window.help.guide
    assert shown is not None and shown.isVisible()
    assert shown_anchor(shown) == guide.INDEX
    titles = [shown.contents.item(r).text() for r in range(shown.contents.count())]
    assert titles == ["Contents", *(s.title for s in guide.sections())]
    assert not shown.back_button.isEnabled()

    # a link to another section opens it here; Back and Forward go over what was read
    shown.follow(QUrl("diem-danh.md"))
    assert shown_anchor(shown) == "diem-danh"
    assert shown.contents.currentItem().text() == "Điểm danh"
    assert "Điểm danh từng buổi" in shown.browser.toPlainText()
    shown.back_button.click()
    assert shown_anchor(shown) == guide.INDEX and shown.forward_button.isEnabled()
    shown.forward_button.click()
    assert shown_anchor(shown) == "diem-danh"

    # the section's picture is there, scaled down to the width of the text
    shown.resize(900, 650)
    qtbot.waitUntil(lambda: shown.browser.viewport().width() < 800)
    shown.show_section("diem-danh")
    images = [fmt.toImageFormat() for fmt in shown.browser.document().allFormats()
              if fmt.isImageFormat()]
    assert [i.name() for i in images] == ["images/diem-danh.png"]
    picture = shown.browser.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(images[0].name()))
    assert picture is not None and not picture.isNull()
    width = picture.width() / picture.devicePixelRatio()
    assert width == shown.browser.fit_width < 1366
    assert width <= shown.browser.viewport().width()
    assert isinstance(images[0], QTextImageFormat)

    # choosing in the contents shows that section
    shown.contents.setCurrentRow(1)
    assert shown_anchor(shown) == guide.sections()[0].anchor
    shown.close()
