"""Print preview: the pages of the PDF that was made, with page navigation, zoom, Print
(the system's printers, a page range, copies) and Save as PDF.

The pages on screen are drawn from the PDF's own bytes, the printer gets those pages
(kit.pdf_pages) and Save as PDF writes those bytes: what the clerk sees is what prints and
what is saved. The print and file dialogs are module functions (`ask_printer`,
`ask_save_path`) so that tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import saved_files
from cadre_desktop.ui.kit import pdf_pages

# (label, zoom factor); 0 fits the whole page, -1 the width.
_WHOLE_PAGE, _FIT_WIDTH = 0.0, -1.0
_ZOOMS = [_WHOLE_PAGE, _FIT_WIDTH, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0]


def ask_printer(parent: QWidget, printer: QPrinter, pages: int, current: int) -> bool:
    """The system's print dialog (printer, page range, copies); False when cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintPreview", "Print"))
    dialog.setMinMax(1, pages)
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(option.PrintPageRange | option.PrintCurrentPage
                      | option.PrintCollateCopies | option.PrintShowPageSize)
    printer.setFromTo(1, pages)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if accepted and printer.printRange() == QPrinter.PrintRange.CurrentPage:
        printer.setFromTo(current + 1, current + 1)
    return accepted


def ask_save_path(parent: QWidget, start: str) -> str:
    title = QCoreApplication.translate("PrintPreview", "Save as PDF")
    filters = QCoreApplication.translate("PrintPreview", "PDF document (*.pdf)")
    path, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


class PrintPreview(QDialog):
    """A made document, before it goes to paper or to a file."""

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # the saved copy's path

    def __init__(self, pdf_path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.title = title
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(self.tr("Print preview – %1").replace("%1", title))
        self.data = self.pdf_path.read_bytes()
        self.document, self._buffer = pdf_pages.load_pdf(self.data, self)
        self.pages = self.document.pageCount()
        ok = self.document.status() == QPdfDocument.Status.Ready and self.pages > 0

        self.view = QPdfView(self)
        self.view.setObjectName("previewPages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(12)
        self.navigator = self.view.pageNavigator()
        self.toolbar = self._toolbar()
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.navigator.currentPageChanged.connect(self._page_shown)
        self.view.zoomFactorChanged.connect(self._zoom_shown)
        self.set_zoom(_WHOLE_PAGE)
        if ok:
            self.status.setText(self.tr("%Ln page(s)", "", self.pages))
        else:
            self.status.setText(self.tr("This document cannot be shown."))
            for action in (self.print_action, self.save_action):
                action.setEnabled(False)
        self._page_shown(0)
        self.resize(900, 1000)

    # The toolbar

    def _action(self, text: str, name: str, keys: QKeySequence | QKeySequence.StandardKey
                | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(self.tr("&Print…"), "previewPrint",
                                         QKeySequence.StandardKey.Print)
        self.save_action = self._action(self.tr("&Save as PDF…"), "previewSave",
                                        QKeySequence.StandardKey.Save)
        self.previous_action = self._action(self.tr("P&revious page"), "previewPrevious",
                                            QKeySequence(Qt.Key.Key_PageUp))
        self.next_action = self._action(self.tr("&Next page"), "previewNext",
                                        QKeySequence(Qt.Key.Key_PageDown))
        self.zoom_out_action = self._action(self.tr("Zoom &out"), "previewZoomOut",
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_action = self._action(self.tr("Zoom &in"), "previewZoomIn",
                                           QKeySequence.StandardKey.ZoomIn)
        self.close_action = self._action(self.tr("&Close"), "previewClose")
        self.page_box = QSpinBox()
        self.page_box.setObjectName("previewPage")
        self.page_box.setRange(1, max(1, self.pages))
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("previewZoom")
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        for factor in _ZOOMS:
            label = {_WHOLE_PAGE: self.tr("Whole page"), _FIT_WIDTH: self.tr("Page width")}.get(
                factor, f"{round(factor * 100)} %")
            self.zoom_box.addItem(label, factor)
        self.zoom_box.activated.connect(lambda index: self.set_zoom(_ZOOMS[index]))
        bar.addAction(self.print_action)
        bar.addAction(self.save_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addWidget(self.page_box)
        bar.addWidget(QLabel(" " + self.tr("of %1").replace("%1", str(self.pages)) + " "))
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_box)
        bar.addAction(self.zoom_in_action)
        bar.addSeparator()
        bar.addAction(self.close_action)
        self.print_action.triggered.connect(self.print_document)
        self.save_action.triggered.connect(self.save_as_pdf)
        self.previous_action.triggered.connect(lambda: self.go_to(self.current_page - 1))
        self.next_action.triggered.connect(lambda: self.go_to(self.current_page + 1))
        self.zoom_in_action.triggered.connect(lambda: self._zoom_by(1.25))
        self.zoom_out_action.triggered.connect(lambda: self._zoom_by(1 / 1.25))
        self.close_action.triggered.connect(self.reject)
        return bar

    # Pages and zoom

    @property
    def current_page(self) -> int:
        return int(self.navigator.currentPage())

    def go_to(self, index: int) -> None:
        """Show page `index` (0-based), kept within the document."""
        index = max(0, min(self.pages - 1, index))
        if self.pages and index != self.current_page:
            self.navigator.jump(index, QPointF(), self.navigator.currentZoom())

    def _page_shown(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.previous_action.setEnabled(index > 0)
        self.next_action.setEnabled(index < self.pages - 1)

    def set_zoom(self, factor: float) -> None:
        """A factor (1.0 is the paper's size), or the whole page, or the page's width."""
        if factor == _WHOLE_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif factor == _FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(max(0.1, min(8.0, factor)))
        self._zoom_shown()

    def _zoom_by(self, ratio: float) -> None:
        self.set_zoom(self.view.zoomFactor() * ratio)

    def _zoom_shown(self) -> None:
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitInView:
            index = _ZOOMS.index(_WHOLE_PAGE)
        elif mode == QPdfView.ZoomMode.FitToWidth:
            index = _ZOOMS.index(_FIT_WIDTH)
        else:
            factor = round(self.view.zoomFactor(), 2)
            index = _ZOOMS.index(factor) if factor in _ZOOMS else -1
            if index < 0:
                self.zoom_box.setEditable(True)
                self.zoom_box.setEditText(f"{round(factor * 100)} %")
                return
        self.zoom_box.setEditable(False)
        self.zoom_box.setCurrentIndex(index)

    # Print and save

    def print_document(self) -> int:
        """Ask for a printer, the pages and the copies, then print; the pages printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setPageLayout(pdf_pages.page_layout(self.document, 0))
        if not ask_printer(self, printer, self.pages, self.current_page):
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print on a printer already set up (range and copies as it says)."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, self.pages
        total = (last - first + 1) * max(1, printer.copyCount())
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, total, self)
        progress.setObjectName("printingProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, of: int) -> bool:
            progress.setMaximum(of)
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            done = pdf_pages.print_pages(self.document, printer, first - 1, last - 1,
                                         printer.copyCount(), step)
        finally:
            progress.reset()
            progress.deleteLater()
        if done:
            self.status.setText(self.tr("%Ln page(s) sent to the printer.", "", done))
            self.printed.emit(done)
        return done

    def save_as_pdf(self) -> Path | None:
        """Write the previewed PDF where the clerk chooses; its path, None when cancelled
        or when it could not be written (the clerk has been told why)."""
        chosen = ask_save_path(self, str(Path.home() / self.pdf_path.name))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            saved_files.save_bytes(target, self.data)
        except UserError as exc:  # a full disk, a folder that cannot be written
            QMessageBox.warning(self, self.tr("Save as PDF"), str(exc))
            return None
        self.status.setText(self.tr("Saved %1").replace("%1", str(target)))
        self.saved.emit(str(target))
        return target


def show_preview(path: Path, title: str, parent: QWidget | None = None) -> PrintPreview:
    """Open the preview of a made document (window-modal, returns at once)."""
    preview = PrintPreview(path, title, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
