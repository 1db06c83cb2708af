"""A page's list as it is on screen, on paper and in a spreadsheet: "Print the list…"
(the print preview, through kit.printing) and "Export to Excel…" (an .xlsx written by an
op, the file chosen through kit.prompts), and the page's Print action (Ctrl+P).

A list is made by a function of cadre_desktop.printing (`print_x`) and one of
cadre_desktop.exporting.list_export (`export_x`) that take the same arguments: the page
says which, and what its filters are at the moment the clerk asks.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QStyle, QWidget

from cadre_desktop.domain.progress import Progress
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit import prompts
from cadre_desktop.ui.kit.ops import Op, run_op
from cadre_desktop.ui.kit.printing import PdfMaker
from cadre_desktop.ui.kit.tables import button

# What the page shows now: the arguments after `db` and the keyword options.
Arguments = tuple[Sequence[str], Mapping[str, object]]


def print_action(page: QWidget, slot: Callable[[], object], name: str) -> QAction:
    """The page's Print action: Ctrl+P wherever the focus is on the page (the shortcut
    belongs to the page, so pages never compete for it), and what the main window's
    File → Print… triggers. The page enables it when what it shows can be printed."""
    action = QAction(page.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
                     QCoreApplication.translate("OnScreen", "&Print…"), page)
    action.setObjectName(name)
    action.setShortcut(QKeySequence.StandardKey.Print)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    return action


@dataclass(frozen=True)
class ListKind:
    """One list a page shows: its document and spreadsheet functions, the title of the
    preview, and the file name (ASCII: a Vietnamese name can trouble an old viewer or a
    USB stick) without its suffix."""

    name: str                # "classes": print_classes / export_classes
    title: str               # "Training classes"
    file_stem: str           # "danh-sach-lop"
    print_function: str = ""   # when it is not print_<name>
    export_function: str = ""  # when it is not export_<name>

    @property
    def printer(self) -> str:
        return self.print_function or f"print_{self.name}"

    @property
    def exporter(self) -> str:
        return self.export_function or f"export_{self.name}"


class ListFiles(QObject):
    """Print and export one list of a page; `message` carries what the status bar should
    say, `exported` the path of the spreadsheet written."""

    message = Signal(str)
    exported = Signal(str)

    def __init__(self, page: QWidget, db: Database, kind: ListKind,
                 shown: Callable[[], Arguments]) -> None:
        super().__init__(page)
        self._page = page
        self.db = db
        self.kind = kind
        self._shown = shown
        self.printer = PdfMaker(page)
        self.printer.message.connect(self.message)
        self.export_op: Op | None = None
        self.last_export: Path | None = None
        self.print_button: QPushButton = button(
            self.tr("Print the &list…"), self.print_list, f"print_{kind.name}")
        self.print_button.setToolTip(self.tr("Print the list as it is shown, "
                                             "through the print preview (Ctrl+P)"))
        self.export_button: QPushButton = button(
            self.tr("E&xport to Excel…"), self.export_list, f"export_{kind.name}")
        self.export_button.setToolTip(self.tr("Save the list as it is shown as an Excel "
                                              "workbook (.xlsx)"))

    def set_database(self, db: Database) -> None:
        self.db = db

    def set_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.export_button.setEnabled(enabled)

    def print_list(self) -> bool:
        """Make the list as shown and open it in the print preview; False when a
        document is still being made, or when the page has nothing to print (Ctrl+P on an
        empty list: the status bar says so)."""
        if not self.print_button.isEnabled():
            self.message.emit(self.tr("Nothing to print: the list is empty."))
            return False
        args, options = self._shown()
        return self.printer.make(self.db, self.kind.printer, args,
                                 f"{self.kind.file_stem}.pdf", self.kind.title, options)

    def export_list(self) -> None:
        """The list as shown, to an .xlsx file the clerk chooses (an op)."""
        if self.export_op is not None or not self.export_button.isEnabled():
            return
        title = self.tr("Export to Excel")
        path = prompts.save_file_name(self._page, title,
                                      str(Path.home() / f"{self.kind.file_stem}.xlsx"),
                                      self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        args, options = self._shown()
        function = self.kind.exporter

        def work(db: Database, progress: Progress) -> int:
            exporting = importlib.import_module("cadre_desktop.exporting.list_export")
            progress.check()
            export = getattr(exporting, function)
            extra = ({"progress": progress}
                     if "progress" in inspect.signature(export).parameters else {})
            return int(export(db, *args, target, **options, **extra))

        self.export_op = run_op(
            self._page, self.db, work, title=title,
            label=self.tr("Writing %1…").replace("%1", target.name),
            on_success=lambda count: self._exported(target, int(count)))
        self.export_op.ended.connect(self._export_ended)

    def _export_ended(self) -> None:
        self.export_op = None

    def _exported(self, target: Path, count: int) -> None:
        self.last_export = target
        self.message.emit(self.tr("%1: %Ln rows saved to %2", "", count)
                          .replace("%1", self.kind.title).replace("%2", str(target)))
        self.exported.emit(str(target))
