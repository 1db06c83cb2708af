"""Adding or changing a target (chỉ tiêu) of a plan: its name and kind, whom it counts
(the target group, with the programmes' own editor), the programmes that count, the
standard people must hold (share), what is counted (count), the goal and the window.

The form shows only the parts the chosen kind counts. A goal is typed as people read it
(90 %, 16 classes); a budget goal is a share of the plan's yearly estimates, shown in
đồng beside it. The services check everything (services.plan_checks) and name the field
that is wrong; the dialog points at it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.target_group import TargetGroup
from cadre_desktop.domain.targets import Attribute, TargetInput
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.plan_checks import MAX_BUDGET_SHARE, MAX_COUNT
from cadre_desktop.services.plans import Target
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit.fields import (
    CheckList,
    DateField,
    error_line,
    refusal_shown,
    save_buttons,
)
from cadre_desktop.ui.roster.editor_widgets import CodeCombo
from cadre_desktop.ui.targets.target_form import (
    TargetForm,
    attribute_fields,
    is_ordered,
    measures,
    periods,
)
from cadre_desktop.ui.targets.words import money, target_kinds
from cadre_desktop.ui.training.target_editor import TargetGroupEditor


def _combo(name: str, choices: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for code, label in choices.items():
        combo.addItem(label, code)
    return combo


def _label(text: str, buddy: QWidget) -> QLabel:
    """A row's label whose accelerator moves to a field inside a row of several."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _choose(combo: QComboBox, code: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(code)))


class TargetDialog(QDialog):
    """`saved(target_id)` once the target is written."""

    saved = Signal(str)

    def __init__(self, db: Database, form: TargetForm, target: Target | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetDialog")
        self._db = db
        self._form = form
        self._target = target
        self._kind = "coverage"
        self._goal_value: float | None = None  # the goal of the target being changed
        self.setWindowTitle(self.tr("Edit target") if target else self.tr("New target"))
        self.name = QLineEdit()
        self.name.setObjectName("field_name")
        self.name.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.kind = _combo("field_kind", target_kinds())
        self.measure = _combo("field_measure", measures())
        self.group = TargetGroupEditor(form.choices)
        self.group.setObjectName("field_target_group")
        # A group is a clause or two: room for four lines leaves room for the rest.
        self.group.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.programmes = CheckList(form.programmes)
        self.programmes.setObjectName("field_programmes")
        self.programmes_hint = QLabel()
        self.programmes_hint.setWordWrap(True)
        self.attribute = _combo("field_attribute", attribute_fields())
        self._level_pickers: dict[str, CodeCombo | CheckList] = {}
        for field in attribute_fields():
            picker: CodeCombo | CheckList
            if is_ordered(field):
                picker = CodeCombo(form.attributes.get(field, []),
                                   self.tr("— choose the lowest level —"))
            else:
                picker = CheckList(form.attributes.get(field, []))
            picker.setObjectName(f"field_attribute_{field}")
            self._level_pickers[field] = picker
        self.level_label = QLabel()
        self.goal = QDoubleSpinBox()
        self.goal.setObjectName("field_goal")
        self.goal.setGroupSeparatorShown(True)
        self.at_most = QCheckBox(self.tr("at &most (a ceiling: met while not above it)"))
        self.at_most.setObjectName("field_at_most")
        self.goal_hint = QLabel()
        self.goal_hint.setObjectName("goalHint")
        self.goal_hint.setWordWrap(True)
        self.period = _combo("field_period", periods())
        self.start = DateField("start_date")
        self.end = DateField("end_date")
        self.error = error_line()

        # The field, then its lowest level (a list with levels) or the values that count.
        chosen = QHBoxLayout()
        chosen.addWidget(self.attribute)
        chosen.addWidget(self.level_label)
        self._standard = standard = QVBoxLayout()
        standard.addLayout(chosen)
        for picker in self._level_pickers.values():
            if isinstance(picker, CodeCombo):
                chosen.addWidget(picker, 1)
            else:
                standard.addWidget(picker)
        goal = QHBoxLayout()
        goal.addWidget(self.goal)
        goal.addWidget(self.at_most)
        goal.addStretch(1)
        window = QHBoxLayout()
        window.addWidget(self.start)
        window.addWidget(QLabel("–"))
        window.addWidget(self.end)
        window.addWidget(QLabel(self.tr("blank: the plan's period (%1)").replace(
            "%1", f"{format_date(form.plan.start)} – {format_date(form.plan.end)}")), 1)
        self.layout_form = form_layout = QFormLayout()
        form_layout.addRow(self.tr("&Name:"), self.name)
        form_layout.addRow(self.tr("&Kind:"), self.kind)
        form_layout.addRow(self.tr("&What is counted:"), self.measure)
        form_layout.addRow(self.tr("Target &group:"), self.group)
        self._programmes_box = programmes = QVBoxLayout()
        programmes.addWidget(self.programmes)
        programmes.addWidget(self.programmes_hint)
        form_layout.addRow(_label(self.tr("&Programmes:"), self.programmes), programmes)
        form_layout.addRow(_label(self.tr("&Standard:"), self.attribute), standard)
        form_layout.addRow(_label(self.tr("G&oal:"), self.goal), goal)
        form_layout.addRow("", self.goal_hint)
        form_layout.addRow(self.tr("&Counted:"), self.period)
        form_layout.addRow(_label(self.tr("O&wn dates:"), self.start), window)
        buttons, self.save_button = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._widgets: dict[str, QWidget] = {
            "name": self.name, "kind": self.kind, "measure": self.measure,
            "target_group": self.group, "programmes": self.programmes,
            "attribute": self.attribute, "goal": self.goal, "at_most": self.at_most,
            "period": self.period, "start_date": self.start, "end_date": self.end}
        self._load(target)
        for combo in (self.kind, self.measure, self.period, self.attribute):
            combo.currentIndexChanged.connect(lambda _i: self._shape())
        self.goal.valueChanged.connect(lambda _v: self._shape())
        self.at_most.toggled.connect(lambda _on: self._shape())
        self._shape(first=True)
        self.resize(max(self.sizeHint().width(), 900), self.sizeHint().height())

    def _load(self, target: Target | None) -> None:
        if target is None:
            _choose(self.kind, "coverage")
            return
        self.name.setText(target.name)
        _choose(self.kind, target.kind)
        self._kind = target.kind
        _choose(self.measure, target.measure or "classes")
        self.group.set_group(target.target_group)
        for pid in target.programmes:  # a deleted programme shows, named, to be unticked
            if pid in self._form.deleted and pid not in dict(self._form.programmes):
                self.programmes.add_choice(pid, self.tr("%1 (deleted)").replace(
                    "%1", self._form.deleted[pid]))
        self.programmes.set_codes(target.programmes)
        if not target.attribute.empty:
            _choose(self.attribute, target.attribute.field)
            picker = self._level_pickers.get(target.attribute.field)
            if isinstance(picker, CodeCombo):
                picker.set_code(target.attribute.at_least or None)
            elif picker is not None:
                picker.set_codes(target.attribute.codes)
        self.at_most.setChecked(target.at_most)
        _choose(self.period, target.period)
        self.start.set_date(target.start)
        self.end.set_date(target.end)
        self._goal_value = target.goal

    # -- the form follows the kind ---------------------------------------------------------

    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def _shape(self, first: bool = False) -> None:
        kind = self.kind_code()
        if first or kind != self._kind:
            self._set_goal_range(kind, first)
            self._kind = kind
        counts_people = kind in ("coverage", "share") or (
            kind == "count" and self.measure.currentData() != "classes")
        form = self.layout_form
        form.setRowVisible(self.measure, kind == "count")
        form.setRowVisible(self.group, counts_people)
        form.setRowVisible(self._programmes_box, kind != "share")
        form.setRowVisible(self._standard, kind == "share")
        self.at_most.setVisible(kind in ("count", "budget"))
        self.programmes_hint.setText(
            self.tr("A person counts once they completed a class of a ticked programme.")
            if kind == "coverage" else
            self.tr("Only classes of the ticked programmes count; none ticked: every class."))
        field = str(self.attribute.currentData())
        for name, picker in self._level_pickers.items():
            picker.setVisible(kind == "share" and name == field)
        self.level_label.setText(self.tr("at least:") if is_ordered(field)
                                 else self.tr("one of:"))
        self.goal_hint.setText(self._goal_hint(kind))
        form.setRowVisible(self.goal_hint, bool(self.goal_hint.text()))

    def _set_goal_range(self, kind: str, first: bool) -> None:
        """A percentage for shares and budgets, a whole number for counts."""
        old = self._goal_value if first else None
        if kind == "count":
            self.goal.setDecimals(0)
            self.goal.setRange(0, MAX_COUNT)
            self.goal.setSuffix("")
            self.goal.setValue(old if old is not None else 1)
        else:
            self.goal.setDecimals(1)
            self.goal.setRange(0, 100 * (MAX_BUDGET_SHARE if kind == "budget" else 1))
            self.goal.setSuffix(" %")
            self.goal.setValue(old * 100 if old is not None else 100)

    def _goal_hint(self, kind: str) -> str:
        if kind != "budget":
            return ""
        estimate = self._form.estimate
        if self.period.currentData() == "year":
            return self.tr("Spending of the classes that end in the year, against that year's "
                           "estimate (the yearly plan).")
        if estimate is None:
            return self.tr("The plan has no yearly estimates yet: set them with Edit plan.")
        share = self.goal.value() / 100
        return self.tr("%1 of the plan's yearly estimates (%2 in all).").replace(
            "%1", money(round(estimate * share))).replace("%2", money(estimate))

    # -- saving ----------------------------------------------------------------------------

    def _attribute(self) -> Attribute:
        field = str(self.attribute.currentData())
        picker = self._level_pickers[field]
        if isinstance(picker, CodeCombo):
            return Attribute(field, picker.code() or "")
        return Attribute(field, "", picker.codes())

    def data(self) -> TargetInput:
        kind = self.kind_code()
        counts_people = kind in ("coverage", "share") or (
            kind == "count" and self.measure.currentData() != "classes")
        goal = self.goal.value() if kind == "count" else round(self.goal.value() / 100, 6)
        return TargetInput(
            self.name.text(), kind, goal,
            at_most=self.at_most.isChecked() and kind in ("count", "budget"),
            target_group=self.group.group() if counts_people else TargetGroup(),
            programmes=self.programmes.codes() if kind != "share" else (),
            attribute=self._attribute() if kind == "share" else Attribute(),
            measure=str(self.measure.currentData()) if kind == "count" else "",
            period=str(self.period.currentData()),
            start_date=self.start.date(), end_date=self.end.date(),
            sort_order=self._target.sort_order if self._target else 0)

    def save(self) -> None:
        plan_id = self._form.plan.id

        def save_target() -> str:
            data = self.data()
            if self._target is None:
                return plan_service.add_target(self._db, plan_id, data)
            return plan_service.save_target(self._db, plan_id, data, self._target.id)

        target_id = refusal_shown(self.error, self._widgets, save_target)
        if target_id is None:
            return
        self.saved.emit(target_id)
        self.accept()
