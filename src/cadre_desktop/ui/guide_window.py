"""The user guide window (Help → User guide, F1): the contents on the left, a section on
the right with its pictures, and links between sections that open in place (Back and
Forward go over the sections read).

The text is the guide's own Markdown (services.guide, shipped in resources/guide/), shown
by Qt's Markdown reader. The pictures are screenshots of the whole window: they are scaled
to the width of the text, smoothly, and again when the window is resized.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QIcon,
    QImage,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.errors import NotFound
from cadre_desktop.services import guide
from cadre_desktop.services.guide import GuideSection
from cadre_desktop.ui.page_icons import page_icon

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1


class GuideBrowser(QTextBrowser):
    """Shows one section; pictures come from the guide's folder, scaled to fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideText")
        self.setOpenLinks(False)  # the window decides: another section, or the web browser
        self.document().setDocumentMargin(14)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.folder = guide.GUIDE_DIR
        self.fit_width = 0
        self._natural: dict[str, QImage] = {}

    def picture_width(self) -> int:
        """The width pictures are drawn at: the text's width once the vertical scroll bar
        is shown (a section with pictures always scrolls; fitted before the bar appears,
        a picture would be a scroll bar wider than the view)."""
        margin = int(self.document().documentMargin())
        bar = self.verticalScrollBar()
        room = 0 if bar.isVisible() else self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)
        return max(240, self.viewport().width() - room - 2 * margin - 4)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        name = QUrl(name) if isinstance(name, str) else name
        if kind != QTextDocument.ResourceType.ImageResource.value or (
                name.scheme() and not name.isLocalFile()):
            return super().loadResource(kind, name)
        path = name.toLocalFile() if name.isLocalFile() else name.path()
        image = self._natural.get(path)
        if image is None:
            image = QImage(str(self.folder / path))  # an absolute path stays as it is
            self._natural[path] = image
        if image.isNull() or image.width() <= self.fit_width:
            return image
        ratio = self.devicePixelRatioF()
        scaled = image.scaledToWidth(round(self.fit_width * ratio),
                                     Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def show_markdown(self, text: str, folder: Path) -> None:
        if folder != self.folder:
            self.folder = folder
            self._natural.clear()
        self.fit_width = self.picture_width()
        self.clear()  # drops the pictures cached at the former width
        self.setMarkdown(text)
        # A little air between the lines of text (the guide is read, not scanned); not
        # under a picture, whose line is as tall as the picture.
        spacing = QTextBlockFormat()
        spacing.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block = self.document().begin()
        while block.isValid():
            if "\ufffc" not in block.text():  # the character a picture stands on
                QTextCursor(block).mergeBlockFormat(spacing)
            block = block.next()


class GuideWindow(QWidget):
    def __init__(self, parent: QWidget | None = None, folder: Path = guide.GUIDE_DIR) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.folder = folder
        self.section: GuideSection | None = None
        self._history: list[str] = []
        self._place = -1
        self.contents = QListWidget()
        self.contents.setObjectName("guideContents")
        self.contents.setWordWrap(True)
        # Air by padding, not item spacing: with spacing, a title that wraps gets a row two
        # lines tall but is painted in a rect a few pixels shorter (its second line cut).
        self.contents.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for part in [guide.index(folder), *guide.sections(folder)]:
            title = self.tr("Contents") if part.anchor == guide.INDEX else part.title
            item = QListWidgetItem(title, self.contents)
            item.setToolTip(title)
            item.setData(ANCHOR_ROLE, part.anchor)
        self.contents.currentItemChanged.connect(self._chosen)
        self.browser = GuideBrowser()
        self.browser.anchorClicked.connect(self.follow)

        style = self.style()
        self.back_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack),
                                      self.tr("Back"), self.back, QKeySequence.StandardKey.Back)
        self.forward_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("Forward"),
            self.forward, QKeySequence.StandardKey.Forward)
        home = self._tool(page_icon("start"), self.tr("Contents"),
                          lambda: self.show_section(guide.INDEX))
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        bar = QHBoxLayout()
        for button in (self.back_button, self.forward_button, home):
            bar.addWidget(button)
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 730])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self._fit_pictures)
        self.resize(1000, 700)
        self._update_buttons()

    def _tool(self, icon: QIcon, text: str, slot: Callable[[], object],
              keys: QKeySequence.StandardKey | None = None) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)
        button.setText(text)
        button.setToolTip(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(slot)
        if keys is not None:
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        return button

    # -- what is shown -------------------------------------------------------------------

    def show_section(self, anchor: str) -> None:
        """Show a section (an anchor of the guide), remembered for Back."""
        self._show(anchor)
        del self._history[self._place + 1:]
        self._history.append(anchor)
        self._place = len(self._history) - 1
        self._update_buttons()

    def show_page_help(self, page: str) -> None:
        """The section for a page of the program ('training.attendance', …)."""
        self.show_section(guide.for_page(page, self.folder).anchor)

    def _show(self, anchor: str) -> None:
        try:
            section = guide.index(self.folder) if anchor == guide.INDEX \
                else guide.section(anchor, self.folder)
        except NotFound:
            return
        self.section = section
        self.browser.show_markdown(section.markdown, section.folder)
        self.setWindowTitle(self.tr("User guide — %1").replace("%1", section.title))
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(ANCHOR_ROLE) == anchor:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)

    def follow(self, url: QUrl) -> None:
        """A link: another section opens here, a web address in the web browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        name = url.path().rsplit("/", 1)[-1]
        if name.endswith(".md"):
            self.show_section(name.removesuffix(".md"))

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_section(str(item.data(ANCHOR_ROLE)))

    def back(self) -> None:
        if self._place > 0:
            self._place -= 1
            self._show(self._history[self._place])
            self._update_buttons()

    def forward(self) -> None:
        if self._place < len(self._history) - 1:
            self._place += 1
            self._show(self._history[self._place])
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(self._place > 0)
        self.forward_button.setEnabled(self._place < len(self._history) - 1)

    # -- pictures follow the width -------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit.start()

    def _fit_pictures(self) -> None:
        if self.section is None or abs(self.browser.picture_width()
                                       - self.browser.fit_width) < 24:
            return
        bar = self.browser.verticalScrollBar()
        share = bar.value() / max(1, bar.maximum())
        self.browser.show_markdown(self.section.markdown, self.section.folder)
        bar.setValue(round(share * bar.maximum()))

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)
