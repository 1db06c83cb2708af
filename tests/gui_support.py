"""Helpers for the GUI tests: the demo office's people, reading the roster view, typing
Vietnamese text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

# The offscreen platform cannot pass a window's size limits on to a window system, nor
# raise a window above the others, and says so whenever a shown window's layout changes or
# a window (the user guide) is brought to the front; that is not a problem of the program.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                            r"This plugin does not support raise\(\)")

PEOPLE = [
    # (full name, birth, gender, unit key, citizen id)
    ("Nguyễn Văn Đức", "12/03/1998", "Nam", "kp1", "079098001234"),
    ("Nguyễn Thị Ánh", "05/1999", "Nữ", "kp1", None),
    ("Trần Văn Anh", "2001", "Nam", "kp2", None),
    ("Lê Thị Bình", "01/01/2000", "Nữ", "kp2", None),
    ("Nguyễn Hữu Anh", "1997", "Nam", "kp2", None),
    ("Đỗ Thị Ân", "1996", "Nữ", "kp1", None),
]
# Official order: all 'Anh' (by family name), then 'Ánh', 'Ân', 'Bình', 'Đức'.
OFFICIAL_ORDER = ["Nguyễn Hữu Anh", "Trần Văn Anh", "Nguyễn Thị Ánh", "Đỗ Thị Ân",
                  "Lê Thị Bình", "Nguyễn Văn Đức"]


@dataclass
class Office:
    path: Path
    unit_ids: dict[str, str]


def settle(model: Any) -> None:
    """Let a paged model read its list and every page of it off the GUI thread, as the
    view would by scrolling through it (a short list: the pages stay cached)."""
    from cadre_desktop.ui.kit.paged_model import PAGE_SIZE, PagedTableModel

    if isinstance(model, PagedTableModel):
        assert model.wait_loaded()
        for start in range(0, model.rowCount(), PAGE_SIZE):
            model.record(start)
        assert model.wait_loaded()


def wait_for_queries(timeout: float = 10.0) -> None:
    """Let every background read in flight answer (the pages show what it read)."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop

    from cadre_desktop.ui.kit import queries

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if all(r.idle for r in queries._runners.values()):
            QCoreApplication.processEvents()
            return
    raise AssertionError("background reads did not finish")


def settled_text(label: Any, busy: str = "Counting…", timeout: float = 10.0) -> str:
    """A label's text once it no longer says the list is being read."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while label.text() == busy and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return str(label.text())


def shown_names(view: QTableView) -> list[str]:
    """The names the roster view shows, top to bottom (read through the view's model)."""
    model = view.model()
    settle(model)
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def header_click(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def type_text(widget: QWidget, text: str) -> None:
    """Type text key by key as a Vietnamese keyboard delivers it (QTest.keyClicks refuses
    characters outside Latin-1, such as 'đ' or a combining tone mark)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown if not char.isascii() else
                              Qt.Key(ord(char.upper())), Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
