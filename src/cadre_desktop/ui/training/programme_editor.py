"""Adding or changing a programme of the catalogue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.completion import format_score
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.services import training
from cadre_desktop.services.training import Programme, ProgrammeInput
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import error_line, refusal_shown, save_buttons
from cadre_desktop.ui.roster.editor_widgets import CodeCombo
from cadre_desktop.ui.training.labels import programme_kinds
from cadre_desktop.ui.training.target_editor import TargetChoices, TargetGroupEditor


def parse_score(value: str) -> float | None:
    """'5', '5,5' or '5.5' -> a score; blank -> no test."""
    cleaned = value.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidInput(f"'{value.strip()}' không phải điểm số", "pass_score") from None


class ProgrammeEditor(QDialog):
    saved = Signal(str)  # the programme's id

    def __init__(self, db: Database, choices: TargetChoices, programme: Programme | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeEditor")
        self._db = db
        self._programme_id = programme.id if programme else None
        self.setWindowTitle(self.tr("Edit programme") if programme else self.tr("New programme"))
        self.name = QLineEdit()
        self.name.setObjectName("field_name")
        self.name.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.code = QLineEdit()
        self.code.setObjectName("field_code")
        self.code.setPlaceholderText(self.tr("made from the name when blank"))
        self.kind = CodeCombo(list(programme_kinds().items()))
        self.kind.setObjectName("field_kind")
        self.level = QLineEdit()
        self.level.setObjectName("field_level")
        self.level.setPlaceholderText(self.tr("e.g. province, district, grassroots"))
        self.hours = QSpinBox()
        self.hours.setObjectName("field_default_hours")
        self.hours.setRange(0, 2000)
        self.hours.setSuffix(self.tr(" hours"))
        self.min_share = QSpinBox()
        self.min_share.setObjectName("field_min_attendance_pct")
        self.min_share.setRange(1, 100)
        self.min_share.setSuffix(" %")
        self.pass_score = QLineEdit()
        self.pass_score.setObjectName("field_pass_score")
        self.pass_score.setPlaceholderText(self.tr("blank: no test"))
        self.description = QLineEdit()
        self.description.setObjectName("field_target_description")
        self.target = TargetGroupEditor(choices)
        self.error = error_line()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("Default &hours:"), self.hours)
        form.addRow(self.tr("&Minimum attendance:"), self.min_share)
        form.addRow(self.tr("&Pass score:"), self.pass_score)
        form.addRow(self.tr("Target group in &words:"), self.description)
        form.addRow(self.tr("&Target group:"), self.target)
        buttons, self.save_button = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 760), self.sizeHint().height())
        self._widgets: dict[str, QWidget] = {
            "name": self.name, "code": self.code, "kind": self.kind,
            "default_hours": self.hours, "min_attendance_pct": self.min_share,
            "pass_score": self.pass_score}
        self._load(programme)

    def _load(self, programme: Programme | None) -> None:
        if programme is None:
            self.kind.set_code("professional")
            self.min_share.setValue(ProgrammeInput(name="").min_attendance_pct)
            return
        self.name.setText(programme.name)
        self.code.setText(programme.code)
        self.kind.set_code(programme.kind)
        self.level.setText(programme.level)
        self.hours.setValue(programme.default_hours)
        self.min_share.setValue(programme.min_attendance_pct)
        self.pass_score.setText("" if programme.pass_score is None
                                else format_score(programme.pass_score))
        self.description.setText(programme.target_description)
        self.target.set_group(programme.target_group)

    def data(self) -> ProgrammeInput:
        return ProgrammeInput(
            name=self.name.text(), code=self.code.text(), kind=self.kind.code() or "",
            level=self.level.text(), target_group=self.target.group(),
            target_description=self.description.text(), default_hours=self.hours.value(),
            min_attendance_pct=self.min_share.value(),
            pass_score=parse_score(self.pass_score.text()))

    def save(self) -> None:
        programme_id = refusal_shown(
            self.error, self._widgets,
            lambda: training.save_programme(self._db, self.data(), self._programme_id))
        if programme_id is None:
            return
        self._programme_id = programme_id
        self.saved.emit(programme_id)
        self.accept()
