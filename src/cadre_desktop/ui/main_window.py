"""The main window: a list of pages on the left, menus, the status bar.

Pages are built when first shown (the start of a 100,000-person office waits for no page
it does not show). Every change to the office's data, from an op on a worker thread or an
edit on the GUI thread, is announced by the op runner with the tables it touched (from
the audit trail); a page showing one of them reloads, at once when it is on screen and
otherwise when it is next shown. Closing with work still running asks, then cancels the
work and waits for it: nothing is cut off half way. File → Print… triggers the Print
action of the page shown (its `print_action`, Ctrl+P on that page), greyed out when the
page has nothing to print.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.progress import Progress
from cadre_desktop.services import profile, roster, session
from cadre_desktop.store.db import Database
from cadre_desktop.ui import messages, settings
from cadre_desktop.ui.backup_dialog import BackupDialog
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.feature_pages import FEATURE_PAGES, FeaturePage
from cadre_desktop.ui.kit import queries
from cadre_desktop.ui.kit.ops import run_op, runner_for
from cadre_desktop.ui.page_icons import page_icon
from cadre_desktop.ui.profile_dialog import ProfileDialog
from cadre_desktop.ui.roster.page import RosterPage
from cadre_desktop.ui.settings_page import SettingsPage
from cadre_desktop.ui.window_menus import make_menus


class _Pages(dict[str, QWidget]):
    """The feature pages built so far; asking for one that is not builds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __missing__(self, key: str) -> QWidget:
        return self._window.build_page(key)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, db_path: Path, ask_profile: bool = False,
                 parent: QWidget | None = None, daily_backup: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self.db_path = db_path
        self._ask_profile = ask_profile
        self._daily_backup = daily_backup
        self._shown = False
        self._closing = False
        self.profile_dialog: ProfileDialog | None = None
        self.backup_dialog: BackupDialog | None = None
        self.runner = runner_for(db)
        self.runner.data_changed.connect(self.data_changed)
        self._stale: set[str] = set()  # built pages hidden when their data changed
        self._source: object = None  # the page whose own write is being announced

        self.undo_action = QAction(self.style().standardIcon(
            QStyle.StandardPixmap.SP_ArrowBack), self.tr("&Undo"), self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        # The pages own Ctrl+P (each on its own widgets); the menu entry only shows the keys.
        self.print_action = QAction(self.tr("&Print…") + "\t" + QKeySequence(
            QKeySequence.StandardKey.Print).toString(QKeySequence.SequenceFormat.NativeText),
            self)
        self.print_action.setObjectName("printPage")
        self.print_action.triggered.connect(self.print_page)

        self.roster_page = RosterPage(db, db_path, self.undo_action)
        self.settings_page = SettingsPage(db, db_path)
        for page in (self.roster_page, self.settings_page):
            page.message.connect(self.show_message)
        self.roster_page.changed.connect(self.data_written)
        self.settings_page.backups_requested.connect(self.show_backups)
        self.settings_page.saved.connect(self.data_written)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(24, 24))
        self.pages = QStackedWidget()
        self.feature_pages = _Pages(self)
        self._specs = {spec.key: spec for spec in FEATURE_PAGES}
        self._slots: dict[str, QWidget] = {}  # an empty stand-in until the page is built
        for spec in FEATURE_PAGES:
            if spec.first:
                self._add_feature_slot(spec)
        self._add_page(self.tr("Roster"), self.roster_page, "roster")
        for spec in FEATURE_PAGES:
            if not spec.first:
                self._add_feature_slot(spec)
        self._add_page(self.tr("Settings"), self.settings_page, "settings")
        self.navigation.currentRowChanged.connect(self._page_chosen)
        self.navigation.setCurrentRow(0)
        # Long page titles (and their translations) wrap rather than widen the window.
        self.navigation.setWordWrap(True)
        self.navigation.setFixedWidth(min(self.navigation.sizeHintForColumn(0) + 36, 150))

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.help, self.language_group = make_menus(self)
        self.statusBar().showMessage(str(db_path))
        self._restore_geometry()
        self.update_undo()
        self.update_title()
        self.update_navigation()

    def _add_page(self, title: str, page: QWidget, icon: str | QStyle.StandardPixmap) -> None:
        shown = page_icon(icon) if isinstance(icon, str) else self.style().standardIcon(icon)
        QListWidgetItem(shown, title, self.navigation)
        self.pages.addWidget(page)

    def _add_feature_slot(self, spec: FeaturePage) -> None:
        slot = QWidget()
        slot.setObjectName(f"pageSlot_{spec.key}")
        self._slots[spec.key] = slot
        self._add_page(spec.title(), slot, spec.icon)

    def build_page(self, key: str) -> QWidget:
        """The feature page, built now if it was not yet (in the place of its stand-in)."""
        if key in dict.keys(self.feature_pages):
            return dict.__getitem__(self.feature_pages, key)
        spec = self._specs[key]
        page = spec.build(self.db)
        dict.__setitem__(self.feature_pages, key, page)
        page.message.connect(self.show_message)  # type: ignore[attr-defined]
        page.changed.connect(self.data_written)  # type: ignore[attr-defined]
        page.navigate.connect(self.open_page)  # type: ignore[attr-defined]
        slot = self._slots.pop(key)
        index = self.pages.indexOf(slot)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(slot)
        slot.deleteLater()
        self.pages.setCurrentIndex(current)
        return page

    def update_navigation(self) -> None:
        """Hide the pages that do not belong to this office (the province sends nothing
        up; an office with no office below has no figures of offices to show)."""
        for spec in FEATURE_PAGES:
            if spec.shown is None:
                continue
            widget = self._slots.get(spec.key) or dict.get(self.feature_pages, spec.key)
            item = self.navigation.item(self.pages.indexOf(widget))
            if item is not None:
                item.setHidden(not spec.shown(self.db))

    def _page_chosen(self, row: int) -> None:
        widget = self.pages.widget(row)
        key = next((k for k, slot in self._slots.items() if slot is widget), None)
        if key is not None:
            widget = self.build_page(key)
        else:
            key = next((k for k, p in self.feature_pages.items() if p is widget), None)
        self.pages.setCurrentWidget(widget)
        if key is not None and key in self._stale:
            self._stale.discard(key)
            widget.refresh()  # type: ignore[attr-defined]
        self.update_print()

    def open_page(self, key: str, target: object = None) -> None:
        """Show a feature page, opened at a target (a page says what it takes)."""
        if key not in self._specs:
            self._open_place(key, target)
            return
        page = self.feature_pages[key]
        self.navigation.setCurrentRow(self.pages.indexOf(page))
        page.open_target(target)  # type: ignore[attr-defined]

    def _open_place(self, key: str, target: object) -> None:
        """The other places a page can open (the start page's first steps): the roster
        and what to do there, the office profile, a section of the guide."""
        if key == "guide":
            self.help.show_section(str(target or "index"))
        elif key == "roster":
            self.navigation.setCurrentRow(self.pages.indexOf(self.roster_page))
            action = {"import": self.roster_page.import_action,
                      "add_person": self.roster_page.add_action,
                      "add_unit": self.roster_page.units.add_action}.get(str(target))
            if action is not None:
                action.trigger()
        elif key == "settings":
            self.navigation.setCurrentRow(self.pages.indexOf(self.settings_page))
            self.settings_page.focus_profile()

    # -- actions -------------------------------------------------------------------------

    def page_print_action(self) -> QAction | None:
        """The Print action of the page shown, when it has one and it can print now."""
        found = getattr(self.pages.currentWidget(), "print_action", None)
        return found if isinstance(found, QAction) and found.isEnabled() else None

    def update_print(self) -> None:
        self.print_action.setEnabled(self.page_print_action() is not None)

    def print_page(self) -> None:
        action = self.page_print_action()
        if action is not None:
            action.trigger()

    def update_title(self) -> None:
        office = profile.load_profile(self.db).office_name
        self.setWindowTitle(f"{office} — Cadre Desktop" if office else "Cadre Desktop")

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def update_undo(self) -> None:
        label = roster.next_undo_label(self.db)
        self.undo_action.setEnabled(label is not None)
        self.undo_action.setText(self.tr("&Undo: %1").replace("%1", label) if label
                                 else self.tr("&Undo"))
        # The toolbar button stays short; its tooltip names what will be undone.
        self.undo_action.setIconText(self.tr("Undo"))
        self.undo_action.setToolTip(self.tr("Undo: %1").replace("%1", label) if label
                                    else self.tr("Nothing to undo"))

    def undo(self) -> None:
        try:
            label = roster.undo_last(self.db)
        except UserError as exc:
            show_user_error(self, exc)
            label = None
        self.data_written()
        if label:
            self.show_message(self.tr("Undone: %1").replace("%1", label))

    def data_written(self) -> None:
        """Something was written on the GUI thread: the runner says which tables. The
        page that wrote has shown its own change already; the others follow."""
        self._source = self.sender()
        try:
            self.runner.data_written()
        finally:
            self._source = None
        self.update_undo()

    def data_changed(self, tables: frozenset[str]) -> None:
        """Reload the pages that show one of these tables (a hidden one when shown)."""
        everything = "*" in tables
        source = self._source
        if source is not self.roster_page and (everything or tables & {
                "person", "unit", "lookup", "position_assignment", "planning", "rating",
                "office"}):
            self.roster_page.refresh()
        if source is not self.settings_page and (everything or tables & {
                "setting", "office", "lookup", "rating_scale", "rating_level"}):
            self.settings_page.reload()
        current = self.pages.currentWidget()
        for key, page in self.feature_pages.items():
            shown = self._specs[key].tables
            if page is source or not (everything or "*" in shown or tables & shown):
                continue
            if page is current:
                page.refresh()  # type: ignore[attr-defined]
            else:
                self._stale.add(key)
        if everything or tables & {"office", "sync_identity", "sync_office_key"}:
            self.update_navigation()
        self.update_undo()
        self.update_title()

    def refresh_pages(self) -> None:
        """Reload every page (the file was replaced: a restored backup)."""
        self.data_changed(frozenset({"*"}))

    def focus_search(self) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(self.roster_page))
        self.roster_page.focus_search()

    def _start_backup(self) -> None:
        """The daily copy, taken in the background once the window is up."""
        path = self.db_path

        def backup(_db: Database, progress: Progress) -> object:
            return session.auto_backup(path, progress)

        def failed(message: str) -> None:
            self.show_message(self.tr("No automatic backup: %1").replace("%1", message))

        self.backup_op = run_op(self, self.db, backup, title=self.tr("Backup"),
                                show_progress=False, show_failures=False, on_failure=failed,
                                background=True)

    def ask_profile(self) -> None:
        dialog = ProfileDialog(self.db, self)
        self.profile_dialog = dialog
        dialog.saved.connect(self.settings_page.reload)
        dialog.saved.connect(self.update_title)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_backups(self) -> None:
        dialog = BackupDialog(self.db, self)
        self.backup_dialog = dialog
        dialog.restore_requested.connect(self.restore_backup)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def restore_backup(self, path: Path) -> None:
        """Replace the file with a backup, as an op (a Cancel leaves the file as it was),
        then reopen it everywhere."""
        if self.runner.clerks_work:
            messages.warn(self, self.tr("Backups and restore"), self.tr(
                "Wait until the work under way has finished, then restore."))
            return
        self.runner.cancel_all_and_wait()  # a background backup still copying the file
        queries.stop_all()  # no page reads the file while it is replaced
        db_path = self.db_path

        def restore(_db: Database, progress: Progress) -> object:
            return session.restore_backup(db_path, path, progress)

        def restored(safety: object) -> None:
            self._reopen()
            if isinstance(safety, session.Backup):
                self.show_message(self.tr("Backup restored. The data as it was before is "
                                          "kept in %1").replace("%1", safety.path.name))

        self.restore_op = run_op(self, self.db, restore, title=self.tr("Backups and restore"),
                                 label=self.tr("Restoring the backup…"), on_success=restored)

    def _reopen(self) -> None:
        """A new connection for the window and every page: the file was replaced."""
        self.db.close()
        self.db = session.open_office(self.db_path)
        self.runner.set_database(self.db)
        self.roster_page.set_database(self.db)
        self.settings_page.set_database(self.db)
        for page in self.feature_pages.values():
            page.set_database(self.db)  # type: ignore[attr-defined]
        self.update_undo()
        self.update_title()
        self.update_navigation()

    # -- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        stored = settings.app_settings()
        geometry = stored.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = stored.value("main_window/roster_splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.roster_page.splitter.restoreState(splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.roster_page.view.setFocus()
            if self._daily_backup:
                QTimer.singleShot(0, self._start_backup)
            if self._ask_profile and not profile.load_profile(self.db).complete:
                QTimer.singleShot(0, self.ask_profile)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.clerks_work and not self._closing and not messages.confirm(
                self, self.tr("Quit"), self.tr(
                    "Work is still under way. Stop it and quit? What it has not finished "
                    "is not saved."), self.tr("Stop and quit")):
            event.ignore()
            return
        self._closing = True
        # The clerk's work stops (it rolls back); a daily backup under way is finished.
        self.runner.cancel_all_and_wait(finish_background=True)
        stored = settings.app_settings()
        stored.setValue("main_window/geometry", self.saveGeometry())
        stored.setValue("main_window/roster_splitter", self.roster_page.splitter.saveState())
        stored.sync()
        super().closeEvent(event)
        queries.stop_all()
        self.db.close()
