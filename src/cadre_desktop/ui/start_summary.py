"""The start page's summary of what needs doing, one group per kind of work.

A group says how many there are (and how many are late) on its heading line, then lists
the few most urgent (the overview keeps each list most urgent first) and counts the rest:
an office with a hundred late branches sees four headings and a dozen lines, not a hundred
red ones. The heading, every line and the "more" line open the page where the work is
done (Enter or a double click); a line opens it at its own record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN
from cadre_desktop.services.start import StartOverview
from cadre_desktop.ui.form_widgets import display_iso, result_icon
from cadre_desktop.ui.rotation.words import evaluation_word, missing_words
from cadre_desktop.ui.start_parts import TARGET_ROLE, StartSection

SHOWN = 3  # lines under a heading; the rest are counted
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # a heading's group key


@dataclass
class Group:
    """One kind of work: its heading, the page it is done on and its most urgent lines."""

    key: str  # names the group in tests and for the page's own code
    title: str
    counts: str
    page: str
    state: str  # FAIL (something is late), UNKNOWN (due soon) or PASS (all in time)
    total: int
    lines: list[tuple[str, object]] = field(default_factory=list)  # text, target


def _n(value: int) -> str:
    return QLocale().toString(value)


class DueSummarySection(StartSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("To do"), parent)
        self.setObjectName("dueSection")
        self.tree = QTreeWidget()
        self.tree.setObjectName("dueTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(28)
        self.tree.setWordWrap(True)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemsExpandable(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0px; }")  # room to read
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        self.hint = QLabel(self.tr("Double-click a line (or press Enter) to open it."))
        self.hint.setObjectName("dueHint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.groups: list[Group] = []

    # -- the groups ----------------------------------------------------------------------

    def _rotations(self, overview: StartOverview) -> Group | None:
        due = overview.rotations_due
        if not due:
            return None
        late = overview.rotations_overdue
        group = Group("rotations", self.tr("Evaluations of cadres on rotation"),
                      self._late_and_soon(late, len(due) - late), "rotations",
                      FAIL if late else UNKNOWN, len(due))
        for line in due[:SHOWN]:
            item = line.item
            text = self.tr("%1 — %2, due %3: missing %4").replace("%1", item.full_name) \
                .replace("%2", evaluation_word(item.kind, item.round)) \
                .replace("%3", format_date(item.due)).replace("%4", missing_words(item.missing))
            target = (line.rotation_id, item.reference_id) if line.rotation_id else None
            group.lines.append((self._late(text, item.overdue), target))
        return group

    def _members(self, overview: StartOverview) -> Group | None:
        branches = overview.branches_due
        if not branches:
            return None
        late = overview.members_overdue
        counts = self.tr("%Ln member(s)", "", overview.members_due) + " " + self.tr(
            "in %Ln branch(es)", "", len({b.unit_id for b in branches}))
        if late:
            counts += ", " + self.tr("%1 overdue").replace("%1", _n(late))
        group = Group("members", self.tr("Member self-evaluations"), counts,
                      "member_programme", FAIL if late else UNKNOWN, len(branches))
        for branch in branches[:SHOWN]:
            text = self.tr("%1 — %Ln member(s) without self-evaluation round %2, due %3", "",
                           branch.members).replace("%1", branch.unit_name or self.tr("(no unit)")) \
                .replace("%2", str(branch.round)).replace("%3", format_date(branch.due))
            group.lines.append((self._late(text, branch.overdue), branch.unit_id))
        return group

    def _classes(self, overview: StartOverview) -> Group | None:
        ended = overview.classes_to_close
        if not ended:
            return None
        group = Group("classes", self.tr("Classes ended, to be closed"),
                      self.tr("%Ln class(es)", "", len(ended)), "training", UNKNOWN,
                      len(ended))  # work to do, not late: the to-do mark, not the red one
        for cls in ended[:SHOWN]:
            text = self.tr("%1 — last day %2: record the results and close it").replace(
                "%1", cls.name).replace("%2", format_date(cls.end_date))
            group.lines.append((text, cls.class_id))
        return group

    def _offices(self, overview: StartOverview) -> Group | None:
        children = overview.children
        if not children:
            return None
        late = overview.late_children
        if not late:
            text = (self.tr("The office below has sent its bundles in time.")
                    if len(children) == 1 else
                    self.tr("All %1 offices below have sent their bundles in time.")
                    .replace("%1", _n(len(children))))
            return Group("offices", "", text, "offices", PASS, 0)  # the line says it all
        group = Group("offices", self.tr("Offices below late with their bundles"),
                      self.tr("%Ln office(s)", "", len(late)), "offices", FAIL, len(late))
        for status in late[:SHOWN]:
            if status.last_sequence is None:
                text = self.tr("%1 — no bundle since it was enrolled").replace(
                    "%1", status.office.name)
            else:
                text = self.tr("%1 — last bundle (no. %2) imported on %3, %4 days ago").replace(
                    "%1", status.office.name).replace("%2", str(status.last_sequence)) \
                    .replace("%3", display_iso((status.last_imported_at or "")[:10])) \
                    .replace("%4", _n(status.days_since or 0))
            group.lines.append((text, status.office.id))
        return group

    def _late(self, text: str, overdue: bool) -> str:
        return text + " " + self.tr("(overdue)") if overdue else text

    def _late_and_soon(self, late: int, soon: int) -> str:
        parts = []
        if late:
            parts.append(self.tr("%1 overdue").replace("%1", _n(late)))
        if soon:
            parts.append(self.tr("%1 due soon").replace("%1", _n(soon)))
        return ", ".join(parts)

    # -- showing -------------------------------------------------------------------------

    def show_overview(self, overview: StartOverview) -> None:
        self.tree.clear()
        made = (self._rotations(overview), self._members(overview), self._classes(overview),
                self._offices(overview))
        self.groups = [g for g in made if g is not None]
        for group in self.groups:
            self._add(group)
        if overview.nothing_due:
            item = QTreeWidgetItem(self.tree, [self.tr("Nothing is due in the coming weeks.")])
            item.setIcon(0, result_icon(PASS))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.expandAll()
        # An office with nothing to do yet (the first steps are shown) needs no empty box.
        self.setVisible(not overview.empty or not overview.nothing_due)

    def _add(self, group: Group) -> None:
        text = f"{group.title}: {group.counts}" if group.title else group.counts
        heading = QTreeWidgetItem(self.tree, [text])
        heading.setIcon(0, result_icon(group.state))
        heading.setData(0, TARGET_ROLE, (group.page, None))
        heading.setData(0, GROUP_ROLE, group.key)
        font = QFont(self.tree.font())
        font.setBold(True)
        heading.setFont(0, font)
        for text, target in group.lines:
            line = QTreeWidgetItem(heading, [text])
            line.setData(0, TARGET_ROLE, (group.page, target))
        rest = group.total - len(group.lines)
        if rest > 0:
            more = QTreeWidgetItem(heading, [self.tr("… and %Ln more", "", rest)])
            more.setData(0, TARGET_ROLE, (group.page, None))
            italic = QFont(self.tree.font())
            italic.setItalic(True)
            more.setFont(0, italic)

    def _open(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET_ROLE)
        if isinstance(target, tuple) and len(target) == 2:
            self.navigate.emit(str(target[0]), target[1])
