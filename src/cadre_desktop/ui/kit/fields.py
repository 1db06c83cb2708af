"""Form fields the training dialogs share: dates, times, money, units, checkable lists."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from cadre_desktop.domain.dates import format_date, parse_full
from cadre_desktop.domain.errors import InvalidInput, UserError
from cadre_desktop.domain.money import format_vnd
from cadre_desktop.domain.sessions import format_time, parse_time
from cadre_desktop.services.units import Unit
from cadre_desktop.ui.roster.editor_widgets import ERROR_STYLE, CodeCombo

T = TypeVar("T")

_MONEY_NOISE = re.compile(r"[\s.,]|đồng|đ|vnd", re.IGNORECASE)


class DateField(QLineEdit):
    """A full date typed as dd/mm/yyyy; blank is no date."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"field_{field}")
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)

    def date(self) -> dt.date | None:
        try:
            return parse_full(self.text().strip() or None)
        except InvalidInput as exc:
            raise InvalidInput(exc.message, self.field) from exc

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def new_day(self, current: dt.date, tell: Callable[[str], None]) -> dt.date | None:
        """For a field that always holds a day (figures "up to"): the day typed when it is
        valid and not `current`; otherwise None, with `current` shown again (and a wrong
        date's message told)."""
        try:
            day = self.date()
        except UserError as exc:
            tell(exc.message)
            day = None
        if day is None:
            self.set_date(current)
        return day if day != current else None


class TimeField(QLineEdit):
    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"field_{field}")
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:000") + 24)

    def time(self) -> dt.time:
        try:
            return parse_time(self.text())
        except InvalidInput as exc:
            raise InvalidInput(exc.message, self.field) from exc

    def set_time(self, value: dt.time | str) -> None:
        self.setText(format_time(parse_time(value)))


def parse_money(value: str) -> int | None:
    """'1.340.000.000 đ', '1340000000', '1 340 000 000 đồng' -> 1340000000; '' -> None."""
    digits = _MONEY_NOISE.sub("", value)
    if not digits:
        return None
    if not digits.isdigit():
        raise InvalidInput(f"'{value.strip()}' không phải số tiền (đồng)", "budget")
    return int(digits)


class MoneyField(QLineEdit):
    """An amount in đồng; shown grouped (1.340.000.000 đ) once the clerk leaves it."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"field_{field}")
        self.setPlaceholderText(self.tr("amount in đồng"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._tidy)

    def amount(self) -> int | None:
        try:
            return parse_money(self.text())
        except InvalidInput as exc:
            raise InvalidInput(exc.message, self.field) from exc

    def set_amount(self, value: int | None) -> None:
        self.setText(format_vnd(value))

    def _tidy(self) -> None:
        with contextlib.suppress(InvalidInput):  # left as typed; saving reports it
            self.set_amount(parse_money(self.text()))


def unit_choices(found: list[Unit], include_closed: bool = False) -> list[tuple[str, str]]:
    """Units indented under their parents, in tree order."""
    known = {u.id for u in found}
    by_parent: dict[str | None, list[Unit]] = {}
    for unit in found:
        by_parent.setdefault(unit.parent_id if unit.parent_id in known else None,
                             []).append(unit)
    choices: list[tuple[str, str]] = []

    def walk(parent: str | None, depth: int) -> None:
        for unit in by_parent.get(parent, []):
            if unit.active or include_closed:
                choices.append((unit.id, "    " * depth + unit.name))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return choices


def unit_combo(found: list[Unit], blank: str) -> CodeCombo:
    combo = CodeCombo(unit_choices(found), blank)
    combo.setMinimumContentsLength(30)
    return combo


class CheckList(QListWidget):
    """A short list of (code, label) choices with a check box each."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, label in choices:
            self.add_choice(code, label)
        self.setMinimumHeight(90)

    def add_choice(self, code: str, label: str, checked: bool = False) -> None:
        item = QListWidgetItem(label, self)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def codes(self) -> tuple[str, ...]:
        return tuple(str(self.item(i).data(Qt.ItemDataRole.UserRole))
                     for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_codes(self, codes: tuple[str, ...]) -> None:
        wanted = list(codes)
        for i in range(self.count()):
            item = self.item(i)
            code = str(item.data(Qt.ItemDataRole.UserRole))
            item.setCheckState(Qt.CheckState.Checked if code in wanted
                               else Qt.CheckState.Unchecked)
            if code in wanted:
                wanted.remove(code)
        for code in wanted:  # a code no longer in the list is kept, not lost
            self.add_choice(code, code, checked=True)


def error_line() -> QLabel:
    label = QLabel()
    label.setObjectName("formError")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_error(line: QLabel, message: str, widgets: Mapping[str, QWidget],
               field: str | None) -> None:
    """A form's refusal on its error line, the field it names focused (a service's
    InvalidInput names its field)."""
    line.setText(message)
    line.setVisible(True)
    widget = widgets.get(field or "")
    if widget is not None:
        widget.setFocus()


def refusal_shown(line: QLabel, widgets: Mapping[str, QWidget],
                  call: Callable[[], T]) -> T | None:
    """A form's service call: its result, or None when the service refused the form (the
    refusal on the form's error line, the field an InvalidInput names focused)."""
    try:
        return call()
    except InvalidInput as exc:
        show_error(line, exc.message, widgets, exc.field)
    except UserError as exc:
        show_error(line, exc.message, widgets, None)
    return None


def save_buttons(dialog: QDialog, save: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """A form dialog's Save and Cancel: Save calls `save` (which accepts the dialog when
    the service took the form), Cancel rejects it. The Save button is named for tests."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setObjectName("saveButton")
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save_button
