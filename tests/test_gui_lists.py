"""The Settings page's list editor, used the way a clerk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from cadre_desktop.ui import messages
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.roster.editor import PersonEditor

pytest_plugins = ["gui_fixtures"]
LEFT = Qt.MouseButton.LeftButton


def child(window: MainWindow, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def shown(items: QListWidget) -> list[str]:
    return [items.item(i).text() for i in range(items.count())]


def open_list(window: MainWindow, kind: str) -> QListWidget:
    window.navigation.setCurrentRow(window.pages.indexOf(window.settings_page))
    combo = child(window, QComboBox, "listKind")
    combo.setCurrentIndex(combo.findData(kind))
    return child(window, QListWidget, "listItems")  # type: ignore[no-any-return]


def test_add_rename_and_hide_a_position(qtbot: QtBot, window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    items = open_list(window, "position")
    answers = iter(["Ủy viên Ban Tuyên giáo", "Trưởng Ban Tuyên giáo"])
    monkeypatch.setattr(messages, "ask_text", lambda *args, **kw: next(answers))
    qtbot.mouseClick(child(window, QPushButton, "listAdd"), LEFT)
    assert shown(items)[-1] == "Ủy viên Ban Tuyên giáo"
    items.setCurrentRow(items.count() - 1)
    qtbot.mouseClick(child(window, QPushButton, "listRename"), LEFT)
    assert shown(items)[-1] == "Trưởng Ban Tuyên giáo"
    assert "Trưởng Ban Tuyên giáo" in window.statusBar().currentMessage()

    editor = PersonEditor(window.roster_page._db, None, None, window)
    qtbot.addWidget(editor)
    combo = editor.findChild(QComboBox, "field_position")
    assert combo is not None
    assert "Trưởng Ban Tuyên giáo" in [combo.itemText(i) for i in range(combo.count())]

    items.setCurrentRow(items.count() - 1)
    qtbot.mouseClick(child(window, QPushButton, "listHide"), LEFT)
    assert "Trưởng Ban Tuyên giáo" not in shown(items)


def test_a_duplicate_name_is_refused_with_a_message(qtbot: QtBot, window: MainWindow,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    items = open_list(window, "working_status")
    before = shown(items)
    warnings: list[str] = []
    monkeypatch.setattr(messages, "ask_text", lambda *args, **kw: "kiem nhiem")
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: warnings.append(text))
    qtbot.mouseClick(child(window, QPushButton, "listAdd"), LEFT)
    assert shown(items) == before
    assert warnings and "đã có" in warnings[0]
