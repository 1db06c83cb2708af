"""Guards against a broken Qt binding: PySide6 6.12.0 drops a reference to None on every
call that returns nothing, and on Python 3.11 the app then aborts after a few thousand calls."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit


def test_void_qt_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        edit.setObjectName("rosterSearch")
        timer.setInterval(150)
    assert sys.getrefcount(None) >= before - 50
