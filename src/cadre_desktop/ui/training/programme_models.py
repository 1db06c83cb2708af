"""Table models of the Programmes page: the catalogue, unit coverage, people still untrained."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from cadre_desktop.domain.completion import format_score
from cadre_desktop.services.enrolment import PersonBrief
from cadre_desktop.services.training import Programme
from cadre_desktop.ui.kit.table_model import (
    CENTRE,
    RIGHT,
    WARNING_BACKGROUND,
    Column,
    ListTableModel,
)
from cadre_desktop.ui.roster.model import display_partial_date
from cadre_desktop.ui.training.labels import programme_kinds


@dataclass(frozen=True)
class ProgrammeRow:
    programme: Programme
    target: str  # the target group in words (domain.target_group.describe)


class ProgrammeTableModel(ListTableModel[ProgrammeRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        kinds = programme_kinds()
        super().__init__([
            Column(self.tr("Programme"), lambda r: r.programme.name,
                   tooltip=lambda r: r.programme.code),
            Column(self.tr("Kind"), lambda r: kinds.get(r.programme.kind, r.programme.kind)),
            Column(self.tr("Level"), lambda r: r.programme.level),
            Column(self.tr("Target group"), lambda r: r.target,
                   tooltip=lambda r: r.programme.target_description or r.target),
            Column(self.tr("Hours"), lambda r: str(r.programme.default_hours), RIGHT),
            Column(self.tr("Min. attendance"),
                   lambda r: f"{r.programme.min_attendance_pct}%", CENTRE),
            Column(self.tr("Pass score"), lambda r: "" if r.programme.pass_score is None
                   else format_score(r.programme.pass_score), CENTRE),
        ], parent)

    def muted(self, record: ProgrammeRow) -> bool:
        return record.programme.deleted


@dataclass(frozen=True)
class CoverageRow:
    unit_id: str
    name: str  # indented by depth
    in_target: int
    trained: int

    @property
    def untrained(self) -> int:
        return self.in_target - self.trained

    @property
    def share(self) -> str:
        return f"{100 * self.trained // self.in_target}%" if self.in_target else ""


class CoverageTableModel(ListTableModel[CoverageRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Unit"), lambda r: r.name),
            Column(self.tr("In target group"), lambda r: str(r.in_target), RIGHT),
            Column(self.tr("Trained"), lambda r: str(r.trained), RIGHT),
            Column(self.tr("Untrained"), lambda r: str(r.untrained), RIGHT),
            Column(self.tr("Trained share"), lambda r: r.share, CENTRE),
        ], parent)

    def highlight(self, record: CoverageRow, column: int) -> QColor | None:
        return WARNING_BACKGROUND if column == 3 and record.untrained else None


class PeopleTableModel(ListTableModel[PersonBrief]):
    """People as the enrolment services describe them (name, birth, unit, position)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("Full name"), lambda p: p.full_name),
            Column(self.tr("Date of birth"), lambda p: display_partial_date(p.birth_date),
                   CENTRE),
            Column(self.tr("Unit"), lambda p: p.unit),
            Column(self.tr("Position"), lambda p: p.position),
        ], parent)
