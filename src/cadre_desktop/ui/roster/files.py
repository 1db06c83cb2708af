"""The roster's files: import a list (the wizard), and the people on screen (the search,
the unit, the filters and the sort as the page shows them) exported as a file that
imports back, or printed as a Đoàn-format list (Ctrl+P, through the print preview).

Exporting and printing run as ops (kit.ops) with their progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cadre_desktop.domain.progress import Progress
from cadre_desktop.services.roster import RosterFilter, RosterSort
from cadre_desktop.services.roster_selection import Selection
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import run_op
from cadre_desktop.ui.kit.printing import PdfMaker


class RosterFiles(QObject):
    """`message` carries what the status bar should say; `imported` that the roster
    changed through the wizard's own connection."""

    message = Signal(str)
    imported = Signal()

    def __init__(self, page: QWidget, db: Database,
                 on_screen: Callable[[], tuple[RosterFilter, RosterSort]]) -> None:
        super().__init__(page)
        self._page = page
        self.db = db
        self._on_screen = on_screen
        self.printer = PdfMaker(page)
        self.printer.message.connect(self.message)
        self.import_wizard: QWidget | None = None

    def selection(self) -> Selection:
        flt, sort = self._on_screen()
        return Selection.of(flt, sort)

    def import_roster(self) -> None:
        from cadre_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.db, self._page)
        self.import_wizard = wizard
        wizard.imported.connect(self.imported)
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()

    def export_roster(self) -> None:
        """The people on screen, as a file `roster import` reads back."""
        path = prompts.save_file_name(
            self._page, self.tr("Export roster"), str(Path.home() / "danh-sach.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx")
        selection = self.selection()

        def export(db: Database, progress: Progress) -> int:
            from cadre_desktop.exporting.roster_export import export_roster

            return export_roster(db, target, progress, selection=selection)

        run_op(self._page, self.db, export, title=self.tr("Export roster"),
               label=self.tr("Writing %1…").replace("%1", target.name),
               on_success=lambda count: self.message.emit(
                   self.tr("Exported %Ln people to %1", "", int(count))
                   .replace("%1", str(target))))

    def print_roster(self) -> None:
        """The people on screen as a Đoàn-format list, shown in the print preview."""
        self.printer.make(self.db, "print_roster", [], "danh-sach-doan-vien.pdf",
                          self.tr("Roster list"), {"selection": self.selection()})
