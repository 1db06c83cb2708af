"""The programme year's results as yearly ratings: the preview of every change (existing
ratings included), written only when the clerk confirms. The writing runs as an op with
a working Cancel (nothing is written when cancelled)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import member_programme as svc
from cadre_desktop.services.member_programme import RatingPreview
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages
from cadre_desktop.ui.form_widgets import display_iso, fit_columns
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.member_programme.models import RatingPreviewModel


class ApplyRatingsDialog(QDialog):
    applied = Signal(int)  # how many ratings were written

    def __init__(self, db: Database, preview: RatingPreview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applyRatingsDialog")
        self._db = db
        self.preview = preview
        self.op: Op | None = None
        year = self.preview.year
        self.setWindowTitle(self.tr("Apply as yearly ratings — %1").replace("%1", year.name))
        changes = len(self.preview.changes)
        replaced = sum(1 for c in self.preview.changes if c.current_label)
        lines = [self.tr("The scores of %1 give these ratings for %2.").replace(
            "%1", year.name).replace("%2", str(year.rating_year))]
        lines.append(self.tr("%1 ratings will be written; %2 of them replace a rating the "
                             "person already has (in red). %3 are already as the score says.")
                     .replace("%1", str(changes)).replace("%2", str(replaced))
                     .replace("%3", str(self.preview.unchanged)))
        if year.ratings_applied_at:
            lines.append(self.tr("Results were already applied on %1.").replace(
                "%1", display_iso(year.ratings_applied_at)))
        intro = QLabel("\n".join(lines))
        intro.setObjectName("ratingsIntro")
        intro.setWordWrap(True)
        self.model = RatingPreviewModel(self)
        self.model.set_rows(self.preview.changes)
        self.table = QTableView()
        self.table.setObjectName("ratingsPreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.table, 280)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.addButton(
            self.tr("&Write %1 ratings…").replace("%1", str(changes)),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("writeRatings")
        self.apply_button.setEnabled(changes > 0)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 560)

    def apply(self) -> None:
        count = len(self.preview.changes)
        if not count or not messages.confirm(
                self, self.tr("Apply as yearly ratings"),
                self.tr("Write %1 yearly ratings for %2? This can be undone with Undo.")
                .replace("%1", str(count)).replace("%2", str(self.preview.year.rating_year)),
                self.tr("Write ratings")):
            return
        year_id = self.preview.year.id

        def write(db: Database, progress: Progress) -> RatingPreview:
            return svc.apply_ratings(db, year_id, confirm=True, progress=progress)

        def written(result: RatingPreview) -> None:
            self.applied.emit(result.applied)
            self.accept()

        self.apply_button.setEnabled(False)  # once: the op runs, then the dialog closes
        self.op = run_op(self, self._db, write, title=self.tr("Apply as yearly ratings"),
                         label=self.tr("Writing the yearly ratings…"), writes=True,
                         on_success=written,
                         on_failure=lambda _m: self.apply_button.setEnabled(True))
