"""The Targets page's lists as kit table models (column specs over the services' records):
the targets, a target unit by unit and office by office, its people, the classes it
counts, and the plan's budget year by year."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.targets import MEASURES, count_text, percent
from cadre_desktop.domain.text import name_sort_key, split_full_name
from cadre_desktop.services.plans import YearBudget
from cadre_desktop.services.targets import (
    ClassRow,
    OfficeFigure,
    PersonStatus,
    TargetFigures,
    UnitFigure,
)
from cadre_desktop.ui.kit.table_model import RIGHT, WARNING_BACKGROUND, Column, ListTableModel
from cadre_desktop.ui.targets.words import date_range, met_word, money, target_kinds

MET_BACKGROUND = QColor(200, 230, 201)  # a soft green: reads on light and dark palettes
translate = QCoreApplication.translate  # pyside6-lupdate finds translate("Targets", "…")


def _share(numerator: int, denominator: int | None) -> str:
    return percent(numerator / denominator) if denominator else "—"


def _count(value: int | None) -> str:
    return count_text(value) if value is not None else "—"


def _met(f: TargetFigures) -> str:
    return "—" if f.problem else met_word(f.met)


# The table's forms of a figure are short enough for their columns at 1366 pixels: a budget
# as its share of the estimate, a count with the first word of its measure ("637 lượt").
# The whole text ("47,8% (200.847.000 / 420.000.000 đồng)") is in the tooltip and in the
# target's line under the table.

def _counted(f: TargetFigures, amount: float) -> str:
    measure = MEASURES.get(f.target.measure, "")
    return f"{count_text(amount)} {measure.split(' ')[0]}".strip()


def _result(f: TargetFigures) -> str:
    if f.problem:
        return "—"
    if f.kind == "budget" and f.value is not None:
        return percent(f.value)
    return _counted(f, f.numerator) if f.kind == "count" else f.value_text


def _goal(f: TargetFigures) -> str:
    return _counted(f, f.goal) if f.kind == "count" else f.goal_text


def _window(f: TargetFigures) -> str:
    return translate("Targets", "not begun") if f.start > f.end else date_range(f.start, f.end)


class TargetsModel(ListTableModel[TargetFigures]):
    """The plan's targets in the plan's order (the row numbers are the chart's)."""

    MET_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        kinds = target_kinds()

        def about(f: TargetFigures) -> str:
            lines = [f.name, f"{kinds.get(f.kind, f.kind)}: {f.value_text} — {f.goal_text}",
                     translate("Targets", "Counted over %1").replace("%1", _window(f))]
            return "\n".join([f.name, f.problem] if f.problem else lines)

        super().__init__([
            Column(translate("Targets", "Target"), lambda f: f.name, tooltip=about),
            Column(translate("Targets", "Result"), _result, RIGHT, about),
            Column(translate("Targets", "Goal"), _goal, RIGHT, about),
            Column(translate("Targets", "Met"), _met, tooltip=about),
        ], parent)

    def highlight(self, record: TargetFigures, column: int) -> QColor | None:
        if column != self.MET_COLUMN or record.problem:
            return None
        return MET_BACKGROUND if record.met else WARNING_BACKGROUND

    def muted(self, record: TargetFigures) -> bool:
        return record.problem is not None


def _unit_share(u: UnitFigure) -> float:
    return u.value if u.value is not None else -1.0


class UnitsModel(ListTableModel[UnitFigure]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(translate("Targets", "Unit"), lambda u: u.unit, sort_key=lambda u: u.unit),
            Column(translate("Targets", "Counted"), lambda u: count_text(u.numerator), RIGHT,
                   sort_key=lambda u: u.numerator),
            Column(translate("Targets", "Out of"), lambda u: _count(u.denominator), RIGHT,
                   sort_key=lambda u: u.denominator or 0),
            Column(translate("Targets", "Share"), lambda u: _share(u.numerator, u.denominator),
                   RIGHT, sort_key=_unit_share),
        ], parent)


def _office_share(o: OfficeFigure) -> float:
    return o.numerator / o.denominator if o.denominator else -1.0


class OfficesModel(ListTableModel[OfficeFigure]):
    """A province's figures office by office (the offices below it send their records)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(translate("Targets", "Code"), lambda o: o.office, sort_key=lambda o: o.office),
            Column(translate("Targets", "Office"), lambda o: o.name, sort_key=lambda o: o.name),
            Column(translate("Targets", "Counted"), lambda o: count_text(o.numerator), RIGHT,
                   sort_key=lambda o: o.numerator),
            Column(translate("Targets", "Out of"), lambda o: _count(o.denominator), RIGHT,
                   sort_key=lambda o: o.denominator or 0),
            Column(translate("Targets", "Share"), lambda o: _share(o.numerator, o.denominator),
                   RIGHT, sort_key=_office_share),
        ], parent)


def _name_key(p: PersonStatus) -> str:
    return name_sort_key(*split_full_name(p.full_name))


class PeopleModel(ListTableModel[PersonStatus]):
    """The people of a target's group (official name order) and whether they count."""

    MET_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(translate("Targets", "Full name"), lambda p: p.full_name, sort_key=_name_key),
            Column(translate("Targets", "Unit"), lambda p: p.unit,
                   sort_key=lambda p: (p.unit, _name_key(p))),
            Column(translate("Targets", "Office"), lambda p: p.office,
                   sort_key=lambda p: (p.office, _name_key(p))),
            Column(translate("Targets", "Counts"), lambda p: met_word(p.met),
                   sort_key=lambda p: (p.met, _name_key(p))),
        ], parent)

    def highlight(self, record: PersonStatus, column: int) -> QColor | None:
        if column != self.MET_COLUMN:
            return None
        return MET_BACKGROUND if record.met else WARNING_BACKGROUND


class ClassesModel(ListTableModel[ClassRow]):
    """The classes a count or budget target counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(translate("Targets", "Class"), lambda c: c.name, sort_key=lambda c: c.name),
            Column(translate("Targets", "Ended"), lambda c: format_date(c.end),
                   sort_key=lambda c: c.end),
            Column(translate("Targets", "Enrolments"), lambda c: count_text(c.enrolments), RIGHT,
                   sort_key=lambda c: c.enrolments),
            Column(translate("Targets", "Completed"), lambda c: count_text(c.completions), RIGHT,
                   sort_key=lambda c: c.completions),
            Column(translate("Targets", "Estimate"), lambda c: money(c.planned), RIGHT,
                   sort_key=lambda c: c.planned or 0),
            Column(translate("Targets", "Spent"), lambda c: money(c.actual), RIGHT,
                   sort_key=lambda c: c.actual or 0),
        ], parent)


class YearsModel(ListTableModel[YearBudget]):
    """The plan's budget year by year: the yearly plan's estimate against the classes
    that ended that year."""

    SPENT_COLUMN = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(translate("Targets", "Year"), lambda y: str(y.year)),
            Column(translate("Targets", "Yearly estimate"), lambda y: money(y.estimate), RIGHT),
            Column(translate("Targets", "Classes"), lambda y: count_text(y.classes), RIGHT),
            Column(translate("Targets", "Classes' estimates"), lambda y: money(y.planned),
                   RIGHT),
            Column(translate("Targets", "Spent"), lambda y: money(y.actual), RIGHT),
            Column(translate("Targets", "Spent of the estimate"),
                   lambda y: _share(y.actual, y.estimate), RIGHT),
            Column(translate("Targets", "Note"), lambda y: y.note),
        ], parent)

    def highlight(self, record: YearBudget, column: int) -> QColor | None:
        if column == self.SPENT_COLUMN and record.estimate and record.actual > record.estimate:
            return WARNING_BACKGROUND
        return None
