"""The province's roll-up ("Offices' figures"): one row per office below with its last
bundle (number, date, age, changes or full) and whether it is overdue, and for each
target of the chosen plan the office's figure against the goal, behind ones marked; the
whole office's figures under the table; the same printed (Đoàn format, through the print
preview) or exported to .xlsx.

The figures are read off the GUI thread (ui.kit.queries) from services.rollup, the same
as `report offices` on the command line."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QVBoxLayout, QWidget

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import rollup as rollup_service
from cadre_desktop.services.rollup import Rollup
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.fields import DateField
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.kit.tables import button, button_row, make_table
from cadre_desktop.ui.offices.rollup_model import RollupModel

PDF_NAME = "tong-hop-don-vi.pdf"


class RollupPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)
    shown = Signal()  # a reading is on screen (tests, screenshots)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollupPage")
        self._db = db
        self.rollup: Rollup | None = None
        self.plan_id: str | None = None
        self.on = today()
        self.op: Op | None = None
        self.last_export: Path | None = None
        title = QLabel(self.tr("Offices' figures"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.plan = QComboBox()
        self.plan.setObjectName("rollupPlan")
        self.plan.setMinimumContentsLength(44)
        self.plan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan.activated.connect(lambda _i: self._plan_chosen())
        self.on_field = DateField("rollup_on")
        self.on_field.set_date(self.on)
        self.on_field.setToolTip(self.tr("The figures count what was recorded up to this day."))
        self.on_field.editingFinished.connect(self._date_changed)
        self.print_button = button(self.tr("&Print…"), self.print_rollup, "printRollup")
        self.export_button = button(self.tr("E&xport (.xlsx)…"), self.export_rollup,
                                    "exportRollup")
        self.print_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            self.tr("&Print…"), self)
        self.print_action.setObjectName("printRollupAction")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(lambda _checked=False: self.print_rollup())
        self.addAction(self.print_action)
        self.summary = QLabel()
        self.summary.setObjectName("rollupSummary")
        self.summary.setWordWrap(True)
        self.model = RollupModel(self)
        self.view = make_table("rollupView", self.model, (26, 12, 11, 8, 10, 22))
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(False)
        self.totals = QLabel()
        self.totals.setObjectName("rollupTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.printer = PdfMaker(self)
        self.printer.message.connect(self.message)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(button_row(QLabel(self.tr("Plan:")), self.plan,
                                    QLabel(self.tr("Figures on:")), self.on_field,
                                    self.print_button, self.export_button, stretch_at=4))
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)
        self._enable(False)
        self.reload()

    # -- the feature page interface ------------------------------------------------------

    @property
    def channel(self) -> str:
        return f"rollup-{id(self)}"

    def reload(self) -> None:
        """Read the roll-up off the GUI thread; it is shown when it has been read."""
        plan_id, on = self.plan_id, self.on
        self.summary.setText(self.tr("Counting…"))

        def read(db: Database, progress: Progress) -> Rollup:
            return rollup_service.office_rollup(db, plan_id, on, progress)

        queries_for(self._db).ask(self.channel, read, on_done=self.show_rollup)

    def refresh(self) -> None:
        self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.plan_id = None
        self.reload()

    def open_target(self, target: object) -> None:
        """A plan's id: show that plan."""
        if isinstance(target, str):
            self.choose_plan(target)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus()

    # -- showing -------------------------------------------------------------------------

    def show_rollup(self, rollup: Rollup) -> None:
        self.rollup = rollup
        self.plan_id = rollup.plan.id if rollup.plan else None
        self.plan.blockSignals(True)
        self.plan.clear()
        for p in rollup.plans:
            number = f"{p.number} · " if p.number else ""
            self.plan.addItem(f"{number}{p.name} ({p.period})", p.id)
        self.plan.setCurrentIndex(max(0, self.plan.findData(self.plan_id)))
        self.plan.setToolTip(self.plan.currentText())
        self.plan.setEnabled(bool(rollup.plans))
        self.plan.blockSignals(False)
        self.model.set_rollup(rollup)
        self.summary.setText(self._summary(rollup))
        self.totals.setText(self._totals(rollup))
        self._enable(True)
        self.shown.emit()

    def _summary(self, rollup: Rollup) -> str:
        if not rollup.rows:
            return self.tr("No office below this one is enrolled yet.")
        text = self.tr("%Ln office(s) below", "", len(rollup.rows))
        text += " · " + self.tr("%Ln overdue with their bundles", "", rollup.overdue)
        if rollup.plan is None:
            return text + " · " + self.tr("no plan with targets yet")
        return text + " · " + self.tr("%Ln behind on a target", "", rollup.behind)

    def _totals(self, rollup: Rollup) -> str:
        """The whole office's figure for each target: its own people and every office."""
        if not rollup.targets:
            return ""
        lines = []
        for target, cell in zip(rollup.targets, rollup.total, strict=True):
            verdict = {True: self.tr("behind"), False: self.tr("met"),
                       None: self.tr("not counted")}[cell.behind]
            lines.append(self.tr("%1: %2 (goal %3, %4)").replace("%1", html.escape(target.name))
                         .replace("%2", html.escape(cell.text))
                         .replace("%3", html.escape(target.goal_text))
                         .replace("%4", f"<b>{verdict}</b>" if cell.behind else verdict))
        return "<b>" + self.tr("The whole office:") + "</b><br>" + "<br>".join(lines)

    def _enable(self, ready: bool) -> None:
        idle = self.op is None
        for widget in (self.print_button, self.export_button, self.print_action):
            widget.setEnabled(ready and idle)

    # -- choosing ------------------------------------------------------------------------

    def _plan_chosen(self) -> None:
        self.choose_plan(self.plan.currentData())

    def choose_plan(self, plan_id: str | None) -> None:
        self.plan_id = plan_id
        self.reload()

    def _date_changed(self) -> None:
        day = self.on_field.new_day(self.on, self.message.emit)
        if day is not None:
            self.set_on(day)

    def set_on(self, day: dt.date) -> None:
        self.on = day
        self.on_field.set_date(day)
        self.reload()

    # -- paper and spreadsheet -----------------------------------------------------------

    def print_rollup(self) -> None:
        if self.rollup is None:
            return
        self.printer.make(self._db, "print_rollup", (), PDF_NAME, self.tr("Offices' figures"),
                          {"plan_id": self.plan_id, "on": self.on})

    def export_rollup(self) -> None:
        if self.rollup is None or self.op is not None:
            return
        start = str(Path.home() / "tong-hop-don-vi.xlsx")
        chosen = prompts.save_file_name(self, self.tr("Export the offices' figures"), start,
                                        self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        plan_id, on = self.plan_id, self.on

        def work(db: Database, progress: Progress) -> int:
            from cadre_desktop.exporting.list_export import export_rollup

            return export_rollup(db, path, plan_id, on, progress)

        self.op = run_op(self, self._db, work, title=self.tr("Export the offices' figures"),
                         label=self.tr("Writing the file…"),
                         on_success=lambda _rows: self._exported(path))
        self.op.ended.connect(self._op_ended)
        self._enable(True)

    def _op_ended(self) -> None:
        self.op = None
        self._enable(self.rollup is not None)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)))
