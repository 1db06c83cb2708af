"""The rotation rules as settings: the conditions' thresholds, the lists they use and the
yearly plan's limits (defaults: Tây Ninh plan 51-KH/TĐTN-TCKT)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from cadre_desktop.domain.rotation_rules import RotationRules
from cadre_desktop.services import lists
from cadre_desktop.services import rotation as svc
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import ServiceDialog, today


def _spin(name: str, value: int, low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    if suffix:
        spin.setSuffix(suffix)
    return spin


class CheckList(QListWidget):
    """Codes from a lookup list, each with a check box."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.setMaximumHeight(self.sizeHintForRow(0) * min(max(self.count(), 2), 6) + 8)

    def set_codes(self, codes: tuple[str, ...]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def codes(self) -> tuple[str, ...]:
        return tuple(str(self.item(row).data(Qt.ItemDataRole.UserRole))
                     for row in range(self.count())
                     if self.item(row).checkState() == Qt.CheckState.Checked)


class RulesDialog(ServiceDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rotation rules"), self._run, parent, self.tr(
            "The conditions a cadre must meet and the yearly plan's limits. A change applies "
            "to checks made from now on; rotations already proposed keep their check."))
        self.setObjectName("rulesDialog")
        self._db = db
        self.changed_count = 0
        rules = svc.load_rules(db)
        self._rules = rules
        years = " " + self.tr("years")
        self.staff = QCheckBox(self.tr("Must be in the office's permanent staff"))
        self.staff.setObjectName("ruleStaff")
        self.staff.setChecked(rules.require_permanent_staff)
        self.party = CheckList([(i.code, i.label) for i in lists.items(db, "party_status")])
        self.party.setObjectName("ruleParty")
        self.party.set_codes(rules.party_statuses)
        self.max_age = _spin("ruleMaxAge", rules.max_age, 18, 70, " " + self.tr("years old"))
        self.rating_years = _spin("ruleRatingYears", rules.rating_years, 1, 10, years)
        self.min_rating = QComboBox()
        self.min_rating.setObjectName("ruleMinRating")
        for level in lists.levels_for_year(db, today().year):
            self.min_rating.addItem(level.label, level.rank)
        index = self.min_rating.findData(rules.min_rating_rank)
        if index < 0:
            self.min_rating.addItem(str(rules.min_rating_rank), rules.min_rating_rank)
            index = self.min_rating.count() - 1
        self.min_rating.setCurrentIndex(index)
        conditions = QGroupBox(self.tr("Conditions"))
        form = QFormLayout(conditions)
        form.addRow(self.staff)
        form.addRow(self.tr("Party status:"), self.party)
        form.addRow(self.tr("Age at most:"), self.max_age)
        form.addRow(self.tr("Yearly ratings checked:"), self.rating_years)
        form.addRow(self.tr("Lowest rating accepted:"), self.min_rating)

        months = " " + self.tr("months")
        self.quota = _spin("ruleQuota", rules.quota_per_year, 0, 100)
        self.min_months = _spin("ruleMinMonths", rules.min_months, 1, 120, months)
        self.quarter = _spin("ruleQuarter", rules.latest_start_quarter, 1, 4)
        self.every = _spin("ruleEvery", rules.evaluation_every_months, 1, 24, months)
        self.horizon = _spin("ruleHorizon", rules.due_horizon_days, 0, 366,
                             " " + self.tr("days"))
        plan = QGroupBox(self.tr("Yearly plan"))
        form2 = QFormLayout(plan)
        form2.addRow(self.tr("Cadres sent per year at most:"), self.quota)
        form2.addRow(self.tr("Shortest rotation:"), self.min_months)
        form2.addRow(self.tr("Start by the end of quarter:"), self.quarter)
        form2.addRow(self.tr("Evaluation every:"), self.every)
        form2.addRow(self.tr("List as due this many days ahead:"), self.horizon)

        positions = [(i.code, i.label) for i in lists.items(db, "position")]
        self.group = QComboBox()
        self.group.setObjectName("ruleGroup")
        self.host_posts = CheckList(positions)
        self.host_posts.setObjectName("ruleHostPosts")
        self._posts = {g.code: g.host_positions for g in rules.groups}
        for g in rules.groups:
            self.group.addItem(g.label, g.code)
        self._shown_group = self.group.currentData()
        self.group.currentIndexChanged.connect(self._group_changed)
        self.host_posts.set_codes(self._posts.get(str(self._shown_group), ()))
        groups = QGroupBox(self.tr("Host posts by group"))
        form3 = QFormLayout(groups)
        form3.addRow(self.tr("Group:"), self.group)
        form3.addRow(self.tr("Host posts:"), self.host_posts)

        row = QHBoxLayout()
        row.addWidget(conditions, 1)
        row.addWidget(plan, 1)
        self.form.addRow(row)
        self.form.addRow(groups)

    def _group_changed(self) -> None:
        if self._shown_group is not None:
            self._posts[str(self._shown_group)] = self.host_posts.codes()
        self._shown_group = self.group.currentData()
        self.host_posts.set_codes(self._posts.get(str(self._shown_group), ()))

    def rules(self) -> RotationRules:
        self._group_changed()  # keeps what was ticked for the group on show
        groups = tuple(dataclasses.replace(g, host_positions=self._posts.get(g.code, ()))
                       for g in self._rules.groups)
        return dataclasses.replace(
            self._rules, require_permanent_staff=self.staff.isChecked(),
            party_statuses=self.party.codes(), max_age=self.max_age.value(),
            rating_years=self.rating_years.value(),
            min_rating_rank=int(self.min_rating.currentData()),
            quota_per_year=self.quota.value(), min_months=self.min_months.value(),
            latest_start_quarter=self.quarter.value(),
            evaluation_every_months=self.every.value(), due_horizon_days=self.horizon.value(),
            groups=groups)

    def _run(self, _dialog: ServiceDialog) -> None:
        self.changed_count = svc.save_rules(self._db, self.rules())
