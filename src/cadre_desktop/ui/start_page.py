"""The start page: a short overview for the clerk, as a list of sections.

The overview is read in one go (services.start.overview) off the GUI thread when the page
is shown or its data changed; each section (a StartSection) shows its part and may ask
to open another page (navigate(page key, target)). Other features add their own section
by appending a factory to SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import FAIL, UNKNOWN
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import start
from cadre_desktop.services.start import StartOverview
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import result_icon, today
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.offices.start_section import OfficesSection
from cadre_desktop.ui.rotation.words import evaluation_word, missing_words
from cadre_desktop.ui.start_parts import TARGET_ROLE, StartSection


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


class DueSection(StartSection):
    """Evaluations overdue or due soon: each rotation's on its own line, the members'
    self-evaluations counted per branch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Evaluations due and overdue"), parent)
        self.setObjectName("dueSection")
        self.list = QListWidget()
        self.list.setObjectName("dueList")
        self.list.setWordWrap(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        hint = QLabel(self.tr("Double-click a line (or press Enter) to open it."))
        hint.setObjectName("dueHint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text, self.list)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _line(self, text: str, overdue: bool, target: tuple[str, object]) -> None:
        item = QListWidgetItem(result_icon(FAIL if overdue else UNKNOWN), text, self.list)
        item.setData(TARGET_ROLE, target)
        item.setToolTip(self.tr("Overdue") if overdue else self.tr("Due soon"))

    def show_overview(self, overview: StartOverview) -> None:
        self.list.clear()
        if overview.rotations_due:
            self._heading(self.tr("Rotations"))
        for line in overview.rotations_due:
            item = line.item
            text = self.tr("%1 — %2, due %3: missing %4").replace("%1", item.full_name) \
                .replace("%2", evaluation_word(item.kind, item.round)) \
                .replace("%3", format_date(item.due)).replace("%4", missing_words(item.missing))
            if item.overdue:
                text += " " + self.tr("(overdue)")
            target = (line.rotation_id, item.reference_id) if line.rotation_id else None
            self._line(text, item.overdue, ("rotations", target))
        if overview.branches_due:
            self._heading(self.tr("Member self-evaluations"))
        for branch in overview.branches_due:
            text = self.tr("%1 — %Ln member(s) without self-evaluation round %2, due %3", "",
                           branch.members).replace("%1", branch.unit_name or self.tr("(no unit)")) \
                .replace("%2", str(branch.round)).replace("%3", format_date(branch.due))
            if branch.overdue:
                text += " " + self.tr("(overdue)")
            self._line(text, branch.overdue, ("member_programme", branch.unit_id))
        if overview.nothing_due:
            self.list.addItem(self.tr("Nothing is due in the coming weeks."))

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if isinstance(target, tuple) and len(target) == 2:
            self.navigate.emit(str(target[0]), target[1])


SECTIONS: list[Callable[[], StartSection]] = [CountsSection, OfficesSection, DueSection]


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
            layout.addWidget(section, 1 if isinstance(section, DueSection) else 0)

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
