"""Each target as a horizontal bar against its goal line (Qt Charts).

Targets count different things (a share of people, classes, đồng spent), so every bar
shows how far its target is towards its goal: the goal is the dashed line at 100%, a bar
is green when the target is met and orange when not (a budget target "at most" is met
while its bar stays left of the line). The axis labels carry the number of the target in
the list beside the chart and its value against its goal ("3. 25% / 90%"), the bars the
share of the goal reached, a tooltip the target's name. Clicking a bar selects its target.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from cadre_desktop.domain.targets import count_text, percent
from cadre_desktop.services.targets import TargetFigures

MET_COLOUR = QColor(67, 160, 71)
NOT_MET_COLOUR = QColor(245, 124, 0)
GOAL_COLOUR = QColor(198, 40, 40)


def progress(f: TargetFigures) -> float | None:
    """How far a target is towards its goal in percent (100 = the goal); None without
    figures (a deleted programme, an empty group)."""
    if f.problem or f.value is None or not f.goal:
        return None
    return 100 * f.value / f.goal


def bar_text(f: TargetFigures) -> str:
    """The value against the goal, short: '25% / 90%', '8 / 16', '92,5% / ≤ 100%'."""
    if f.problem:
        return "—"
    if f.kind == "count":
        return f"{count_text(f.numerator)} / {count_text(f.goal)}"
    return f"{percent(f.value)} / {'≤ ' if f.target.at_most else ''}{percent(f.goal)}"


class TargetChart(QChartView):
    """The bars of a plan's targets; `chosen(row)` when a bar is clicked."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.figures: list[TargetFigures] = []
        self.labels: list[str] = []  # the category labels, first target first
        self.values: list[float | None] = []
        chart = QChart()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        # The colours are told below the chart (legend_label): a legend inside it would take
        # the height of a bar.
        chart.legend().hide()
        self.setChart(chart)

    def show_figures(self, figures: list[TargetFigures]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.figures = list(figures)
        self.values = [progress(f) for f in self.figures]
        self.labels = [f"{n}. {bar_text(f)}" for n, f in enumerate(self.figures, start=1)]
        if not self.figures:
            chart.setTitle(self.tr("This plan has no targets yet."))
            return
        chart.setTitle("")
        # One bar per target, orange; a met target's bar is "selected", which Qt draws in
        # the selected colour (green): the labels can then sit outside short bars, which a
        # stacked series of a "met" and a "not met" set would not allow.
        bars = QBarSet(self.tr("Targets"))
        bars.setColor(NOT_MET_COLOUR)
        bars.setSelectedColor(MET_COLOUR)
        bars.setLabelColor(self.palette().color(QPalette.ColorRole.WindowText))
        # Qt draws the first category at the bottom: the list goes in from its end so
        # that target 1 is on top, as in the table beside the chart.
        for value in reversed(self.values):
            bars.append(round(value, 1) if value is not None else 0.0)
        bars.selectBars([i for i, f in enumerate(reversed(self.figures)) if f.met])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.6)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.hovered.connect(self._hovered)
        series.clicked.connect(self._clicked)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(reversed(self.labels)))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        top = max([100.0, *(v for v in self.values if v is not None)])
        reach = QValueAxis()
        reach.setRange(0, 25 * math.ceil(top * 1.2 / 25))  # room for the last label
        reach.setTickType(QValueAxis.TickType.TicksDynamic)
        reach.setTickAnchor(0)
        reach.setTickInterval(25 if top <= 200 else 50 * math.ceil(top / 400))
        reach.setLabelFormat("%.0f%%")
        reach.setTitleText(self.tr("Share of the goal reached"))
        chart.addAxis(reach, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(reach)
        goal = QLineSeries()
        goal.setName(self.tr("Goal"))
        pen = QPen(GOAL_COLOUR)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        goal.setPen(pen)
        goal.append(100, -0.5)
        goal.append(100, len(self.figures) - 0.5)
        chart.addSeries(goal)
        goal.attachAxis(reach)
        goal.attachAxis(categories)

    def legend_label(self) -> QLabel:
        """What the colours and the dashed line mean, to put below the chart."""
        def swatch(colour: QColor, mark: str) -> str:
            return f'<span style="color:{colour.name()}">{mark}</span>'

        met, missing, goal = self.tr("Met"), self.tr("Not yet met"), self.tr("Goal")
        label = QLabel(" &nbsp; ".join((f"{swatch(MET_COLOUR, '■')} {met}",
                                        f"{swatch(NOT_MET_COLOUR, '■')} {missing}",
                                        f"{swatch(GOAL_COLOUR, '┆')} {goal}")))
        label.setObjectName("targetChartLegend")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def row_at(self, index: int) -> int:
        """The target (row of the list) of a bar's index (the bars go bottom up)."""
        return len(self.figures) - 1 - index

    def tooltip(self, row: int) -> str:
        f = self.figures[row]
        lines = [f"{row + 1}. {f.name}", f.problem or f"{f.value_text} — {f.goal_text}"]
        return "\n".join(lines)

    def _hovered(self, status: bool, index: int, _bars: QBarSet) -> None:
        if status and 0 <= self.row_at(index) < len(self.figures):
            QToolTip.showText(QCursor.pos(), self.tooltip(self.row_at(index)), self)
        else:
            QToolTip.hideText()

    def _clicked(self, index: int, _bars: QBarSet) -> None:
        row = self.row_at(index)
        if 0 <= row < len(self.figures):
            self.chosen.emit(row)
