"""The start page: a short overview for the clerk, as a list of sections.

The overview is read in one go (services.start.overview) off the GUI thread when the page
is shown or its data changed; each section (a StartSection) shows its part and may ask
to open another page (navigate(page key, target)): the office's counts, an empty office's
first steps (start_steps) and what needs doing, grouped (start_summary). Other features
add their own section by appending a factory to SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import start
from cadre_desktop.services.start import StartOverview
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import today
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.start_parts import StartSection
from cadre_desktop.ui.start_steps import FirstStepsSection
from cadre_desktop.ui.start_summary import DueSummarySection


class CountsSection(StartSection):
    """How big the office is: people, units, rotations under way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The office"), parent)
        self.setObjectName("countsSection")
        self.values: dict[str, QLabel] = {}
        row = QHBoxLayout(self)
        row.setSpacing(36)
        for key, caption in (("people", self.tr("people")), ("units", self.tr("units")),
                             ("rotations", self.tr("rotations under way"))):
            number = QLabel("0")
            number.setObjectName(f"count_{key}")
            font = QFont(number.font())
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            number.setFont(font)
            tile = QVBoxLayout()
            tile.setSpacing(0)
            tile.addWidget(number, 0, Qt.AlignmentFlag.AlignHCenter)
            tile.addWidget(QLabel(caption), 0, Qt.AlignmentFlag.AlignHCenter)
            row.addLayout(tile)
            self.values[key] = number
        row.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_overview(self, overview: StartOverview) -> None:
        locale = QLocale()
        for key, value in (("people", overview.people), ("units", overview.units),
                           ("rotations", overview.rotations_under_way)):
            self.values[key].setText(locale.toString(value))


SECTIONS: list[Callable[[], StartSection]] = [CountsSection, FirstStepsSection,
                                               DueSummarySection]


class StartPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)
    shown = Signal()  # the overview is on screen

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self._db = db
        self.title = QLabel()
        self.title.setObjectName("startTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.sections = [make() for make in SECTIONS]
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for section in self.sections:
            section.navigate.connect(self.navigate)
            layout.addWidget(section, 1 if isinstance(section, DueSummarySection) else 0)
        layout.addStretch(0)  # an empty office's first steps stay at the top

    def section(self, kind: type[StartSection]) -> StartSection | None:
        return next((s for s in self.sections if isinstance(s, kind)), None)

    def reload(self) -> None:
        """Read the overview off the GUI thread; the sections show it when it comes."""
        day = today()

        def read(db: Database, _progress: Progress) -> StartOverview:
            return start.overview(db, day)

        queries_for(self._db).ask(f"start-{id(self)}", read, on_done=self.show_overview)

    def show_overview(self, overview: StartOverview) -> None:
        self.title.setText(self.tr("%1 — %2").replace("%1", overview.office_name
                                                       or "Cadre Desktop")
                           .replace("%2", format_date(overview.day)))
        for section in self.sections:
            section.show_overview(overview)
        self.shown.emit()

    def refresh(self) -> None:
        """Re-read after a change elsewhere; a hidden page waits until it is shown."""
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.refresh()

    def open_target(self, target: object) -> None:
        """Nothing to open here; the start page is shown as it is."""
