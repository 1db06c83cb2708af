"""A branch's score grid: one row per member in official order, the final self-score and
the branch's score typed from the keyboard, the classification computed as they are typed,
and everything saved in one action.

Typing a digit starts editing the current cell; Enter or Down keeps the value and moves
to the next member, Up to the previous one. Values stay as typed until saved; a row the
service refuses (ScoreErrors) is shown in red with its reason.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.member_score import ScoreBand, classify, format_score, parse_score
from cadre_desktop.services.member_programme import ScoreEntry, ScoreRow
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND, OVERDUE_COLOUR
from cadre_desktop.ui.member_programme.models import registration_word

Index = QModelIndex | QPersistentModelIndex
NAME, STATUS, SELF_SCORE, SCORE, RESULT, NOTE = range(6)
EDITABLE = (SELF_SCORE, SCORE, NOTE)
_FIELDS = {SELF_SCORE: "self_score", SCORE: "score", NOTE: "note"}


class ScoreGridModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ScoreRow] = []
        self._bands: tuple[ScoreBand, ...] = ()
        self._typed: dict[str, dict[int, str]] = {}  # person id -> column -> text
        self._errors: dict[str, str] = {}
        self._headers = [self.tr("Full name"), self.tr("Registration"),
                         self.tr("Final self-score"), self.tr("Branch score"),
                         self.tr("Result"), self.tr("Note")]

    def set_rows(self, rows: list[ScoreRow], bands: tuple[ScoreBand, ...],
                 keep_typed: bool = False) -> None:
        """keep_typed: what was typed for members still listed stays (the list was read
        again while the clerk typed); otherwise the grid shows what is saved."""
        self.beginResetModel()
        self._rows = list(rows)
        self._bands = bands
        if keep_typed:
            listed = {r.person_id for r in self._rows if r.status == "approved"}
            self._typed = {pid: typed for pid, typed in self._typed.items() if pid in listed}
        else:
            self._typed.clear()
        self._errors.clear()
        self.endResetModel()

    def mark_saved(self) -> None:
        """What was typed is saved: it becomes the rows' values at once (the page reads
        the branch again), and the grid is no longer dirty."""
        rows = []
        for row in self._rows:
            if row.person_id in self._typed:
                score = parse_score(self.text(row, SCORE))
                row = dataclasses.replace(
                    row, score=score, self_score=parse_score(self.text(row, SELF_SCORE)),
                    note=self.text(row, NOTE), classification=classify(
                        score, self._bands).label if score is not None else "")
            rows.append(row)
        self.set_rows(rows, self._bands)

    @property
    def dirty(self) -> bool:
        return bool(self._typed)

    def row_editable(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].status == "approved"

    def text(self, row: ScoreRow, column: int) -> str:
        typed = self._typed.get(row.person_id, {})
        if column in typed:
            return typed[column]
        if column == SELF_SCORE:
            return format_score(row.self_score)
        if column == SCORE:
            return format_score(row.score)
        return row.note if column == NOTE else ""

    def result(self, row: ScoreRow) -> tuple[str, bool]:
        """The classification of the score as typed, or why it is not a score."""
        if row.person_id in self._errors:
            message = self._errors[row.person_id]
            # the row already names the member; the message's own prefix is dropped here
            return message.removeprefix(f"{row.full_name}: "), True
        try:
            score = parse_score(self.text(row, SCORE))
            self_score = parse_score(self.text(row, SELF_SCORE))
        except InvalidInput as exc:
            return exc.message, True
        del self_score  # checked only: the classification follows the branch's score
        if score is None:
            return "", False
        return classify(score, self._bands).label, False

    def entries(self) -> dict[str, ScoreEntry]:
        """The rows changed since loading, as the service takes them (whole rows: a blank
        score means 'no score')."""
        found = {}
        for row in self._rows:
            if row.person_id in self._typed:
                found[row.person_id] = ScoreEntry(self.text(row, SCORE),
                                                  self.text(row, SELF_SCORE),
                                                  self.text(row, NOTE))
        return found

    def set_errors(self, errors: dict[str, str]) -> None:
        """person id -> the service's message; the rows are painted red."""
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._headers) - 1))

    def error_rows(self) -> list[int]:
        return [n for n, r in enumerate(self._rows) if r.person_id in self._errors]

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemNeverHasChildren)
        if index.column() in EDITABLE and self.row_editable(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return row.full_name
            if column == STATUS:
                return registration_word(row.status)
            if column == RESULT:
                return self.result(row)[0]
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == RESULT and self.result(row)[1]:
                return QColor(OVERDUE_COLOUR)
            if not self.row_editable(index.row()):
                return QColor("#777777")
        if role == Qt.ItemDataRole.BackgroundRole and row.person_id in self._errors:
            return QColor(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and column in (SCORE, SELF_SCORE) \
                and column in self._typed.get(row.person_id, {}):
            font = QFont()
            font.setBold(True)  # typed and not yet saved
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.person_id in self._errors:
                return self._errors[row.person_id]
            if not self.row_editable(index.row()) and column in EDITABLE:
                return self.tr("Scores are entered once the branch has approved the "
                               "member's registration.")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SELF_SCORE, SCORE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self._rows[index.row()]
        text = "" if value is None else str(value).strip()
        if text == self.text(row, index.column()):
            return False
        self._typed.setdefault(row.person_id, {})[index.column()] = text
        self._errors.pop(row.person_id, None)
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self._headers) - 1))
        self.edited.emit()
        return True


class ScoreDelegate(QStyledItemDelegate):
    """A line editor that takes only score characters in the score columns, and hands
    Enter, Down and Up back to the grid as 'keep and move'."""

    move = Signal(int)  # +1 next member, -1 previous

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("scoreEditor")
        if index.column() in (SCORE, SELF_SCORE):
            editor.setValidator(QRegularExpressionValidator(
                QRegularExpression(r"\d{0,3}([.,]\d{0,2})?"), editor))
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Return: 1, Qt.Key.Key_Enter: 1, Qt.Key.Key_Down: 1,
                    Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                self.move.emit(step)
                return True
        return super().eventFilter(watched, event)


class ScoreGridView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreGrid")
        self.delegate = ScoreDelegate(self)
        self.delegate.move.connect(self.move_rows)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def move_rows(self, step: int) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        row = min(max(current.row() + step, 0), model.rowCount() - 1)
        self.setCurrentIndex(model.index(row, current.column()))

    def commit_editing(self) -> None:
        """Keep what is being typed in the open cell (before saving by a shortcut)."""
        editor = QApplication.focusWidget()
        if self.state() == QAbstractItemView.State.EditingState and isinstance(
                editor, QLineEdit) and self.isAncestorOf(editor):
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() != QAbstractItemView.State.EditingState:
            self.move_rows(1)
            return
        super().keyPressEvent(event)
