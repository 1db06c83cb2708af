"""The start page's section on the offices below: which of them are overdue with their
bundle. Shown only at an office that has enrolled offices below it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout

from cadre_desktop.domain.eligibility import FAIL, PASS
from cadre_desktop.services.start import StartOverview
from cadre_desktop.ui.form_widgets import display_iso, result_icon
from cadre_desktop.ui.start_parts import TARGET_ROLE, StartSection


class OfficesSection(StartSection):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Offices below"))
        self.setObjectName("officesSection")
        self.list = QListWidget()
        self.list.setObjectName("overdueOffices")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setVisible(False)

    def show_overview(self, overview: StartOverview) -> None:
        self.list.clear()
        children = overview.children
        self.setVisible(bool(children))
        if not children:
            return
        late = overview.late_children
        for status in late:
            if status.last_sequence is None:
                text = self.tr("%1 — no bundle since it was enrolled").replace(
                    "%1", status.office.label)
            else:
                text = self.tr("%1 — last bundle (no. %2) imported on %3, %4 days ago").replace(
                    "%1", status.office.label).replace("%2", str(status.last_sequence)) \
                    .replace("%3", display_iso((status.last_imported_at or "")[:10])) \
                    .replace("%4", str(status.days_since))
            item = QListWidgetItem(result_icon(FAIL), text, self.list)
            item.setData(TARGET_ROLE, ("offices", status.office.id))
            item.setToolTip(self.tr("Overdue"))
        if not late:
            item = QListWidgetItem(result_icon(PASS), self.tr(
                "All %1 offices below have sent their bundles in time.").replace(
                    "%1", str(len(children))), self.list)
            item.setData(TARGET_ROLE, ("offices", None))
        rows = self.list.count()
        self.list.setFixedHeight(min(rows, 6) * (self.list.fontMetrics().height() + 10) + 6)

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if isinstance(target, tuple) and len(target) == 2:
            self.navigate.emit(str(target[0]), target[1])
