"""Small pieces shared by the rotation, member programme and start pages: dates, result
icons, a dialog that runs one service call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.wording import format_size
from cadre_desktop.ui.roster.editor_widgets import ERROR_STYLE

W = TypeVar("W", bound=QWidget)

# Colours of a rule's result: text and icon agree, and a result is never told by colour
# alone (the icon's glyph and the tooltip say it too).
RESULT_COLOURS = {PASS: "#1b7f3b", FAIL: "#b3261e", UNKNOWN: "#9a6700"}
_GLYPHS = {PASS: "✓", FAIL: "✕", UNKNOWN: "?"}
OVERDUE_COLOUR = "#b3261e"
WARNING_BACKGROUND = "#fff4ce"
ERROR_BACKGROUND = "#fde7e9"


# Tests set this to a fixed day; every page reads the day through today().
FIXED_TODAY: dt.date | None = None


def today() -> dt.date:
    """The day the pages count due dates and default years from."""
    return FIXED_TODAY or dt.date.today()


def display_iso(value: str | None) -> str:
    """'2025-07-01' -> '01/07/2025'; blank stays blank."""
    return format_date(dt.date.fromisoformat(value)) if value else ""


def size_text(size: int) -> str:
    """A file's size as the clerk sees it beside the file: '1,43 MB' in Vietnamese (the
    same words as the command line, domain.wording), Qt's own form in another language."""
    locale = QLocale()
    if locale.language() == QLocale.Language.Vietnamese:
        return format_size(size)
    return locale.formattedDataSize(size, 2, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


@cache
def result_icon(result: str) -> QIcon:
    """A coloured disc with a tick, a cross or a question mark."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(RESULT_COLOURS.get(result, "#777777")))
    painter.drawEllipse(QRectF(1, 1, 30, 30))
    font = QFont()
    font.setPixelSize(22)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, 32, 32), int(Qt.AlignmentFlag.AlignCenter),
                     _GLYPHS.get(result, "·"))
    painter.end()
    return QIcon(pixmap)


def date_edit(day: dt.date | None = None, name: str = "") -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(qdate(day or today()))
    if name:
        edit.setObjectName(name)
    return edit


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date().toPython()
    assert isinstance(value, dt.date)
    return value


def fit_columns(view: QTableView, widest: int = 260) -> None:
    """Columns as wide as their contents, but none wider than `widest` pixels (a long
    summary is read in its tooltip or detail, not by scrolling sideways)."""
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        if view.columnWidth(column) > widest:
            view.setColumnWidth(column, widest)


class ServiceDialog(QDialog):
    """A small form whose OK runs one service call; a refusal is shown inside the dialog,
    which stays open so the clerk can correct the entry."""

    def __init__(self, title: str, action: Callable[[ServiceDialog], None],
                 parent: QWidget | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._action = action
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, widget: W) -> W:
        self.form.addRow(label, widget)
        return widget

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def submit(self) -> None:
        try:
            self._action(self)
        except UserError as exc:
            self.show_error(exc.message)
            return
        self.accept()
