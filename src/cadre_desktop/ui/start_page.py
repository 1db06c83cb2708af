"""The start page: a short overview for the clerk, as a list of sections.

Each section is a StartSection that reloads itself from the services when the page is
shown and may ask to open another page (navigate(page key, target)). Other features add
their own section by appending a factory to SECTIONS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
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
from cadre_desktop.services import member_programme, rotation_followup
from cadre_desktop.store import profile, rotation_evaluations, rotations, unit_counts, units
from cadre_desktop.store.db import Database
from cadre_desktop.ui.form_widgets import result_icon, today
from cadre_desktop.ui.rotation.words import evaluation_word, missing_words

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class StartSection(QGroupBox):
    navigate = Signal(str, object)  # page key, what to show there

    def reload(self, db: Database, day: dt.date) -> None:
        raise NotImplementedError


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

    def reload(self, db: Database, day: dt.date) -> None:
        locale = QLocale()
        people = sum(unit_counts.people_per_unit(db).values())
        active = sum(1 for u in units.list_units(db) if u.active)
        under_way = len(rotations.list_rotations(db, statuses=("active",)))
        for key, value in (("people", people), ("units", active), ("rotations", under_way)):
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

    def reload(self, db: Database, day: dt.date) -> None:
        self.list.clear()
        items = rotation_followup.due_items(db, day)
        rotation_items = [i for i in items if i.kind != rotation_followup.KIND_MEMBER]
        member_items = [i for i in items if i.kind == rotation_followup.KIND_MEMBER]
        if rotation_items:
            self._heading(self.tr("Rotations"))
        for item in sorted(rotation_items, key=lambda i: (not i.overdue, i.due)):
            evaluation = rotation_evaluations.get_evaluation(db, item.reference_id)
            target = (evaluation.rotation_id, evaluation.id) if evaluation else None
            text = self.tr("%1 — %2, due %3: missing %4").replace("%1", item.full_name) \
                .replace("%2", evaluation_word(item.kind, item.round)) \
                .replace("%3", format_date(item.due)).replace("%4", missing_words(item.missing))
            if item.overdue:
                text += " " + self.tr("(overdue)")
            self._line(text, item.overdue, ("rotations", target))
        groups = self._member_groups(db, member_items)
        if groups:
            self._heading(self.tr("Member self-evaluations"))
        for (unit_id, unit_name, round_no, due), (count, overdue) in groups:
            text = self.tr("%1 — %Ln member(s) without self-evaluation round %2, due %3", "",
                           count).replace("%1", unit_name).replace("%2", str(round_no)) \
                .replace("%3", format_date(due))
            if overdue:
                text += " " + self.tr("(overdue)")
            self._line(text, overdue, ("member_programme", unit_id))
        if not items:
            self.list.addItem(self.tr("Nothing is due in the coming weeks."))

    def _member_groups(self, db: Database, items: list[rotation_followup.DueItem]) -> list[
            tuple[tuple[str | None, str, int, dt.date], tuple[int, bool]]]:
        """(unit id, unit name, round, due) -> (members, any overdue), overdue first, then
        by date and in the organisation tree's order."""
        found = units.list_units(db)
        names = {u.id: u.name for u in found}
        place = {u.id: n for n, u in enumerate(found)}
        counted: dict[tuple[str | None, str, int, dt.date], tuple[int, bool]] = {}
        for item in items:
            unit_id = member_programme.get_registration(db, item.reference_id).unit_id
            key = (unit_id, names.get(unit_id or "", self.tr("(no unit)")), item.round,
                   item.due)
            count, overdue = counted.get(key, (0, False))
            counted[key] = (count + 1, overdue or item.overdue)
        return sorted(counted.items(), key=lambda kv: (
            not kv[1][1], kv[0][3], place.get(kv[0][0] or "", len(place))))

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if isinstance(target, tuple) and len(target) == 2:
            self.navigate.emit(str(target[0]), target[1])


def _offices_section() -> StartSection:
    from cadre_desktop.ui.offices.start_section import OfficesSection

    return OfficesSection()


SECTIONS: list[Callable[[], StartSection]] = [CountsSection, _offices_section, DueSection]


class StartPage(QWidget):
    changed = Signal()
    message = Signal(str)
    navigate = Signal(str, object)

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
        office = profile.load_profile(self._db).office_name
        day = today()
        self.title.setText(self.tr("%1 — %2").replace("%1", office or "Cadre Desktop")
                           .replace("%2", format_date(day)))
        for section in self.sections:
            section.reload(self._db, day)

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
