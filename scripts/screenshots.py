"""The user guide's pictures, taken from the real program (`make screenshots`).

Makes a demo office (and a provincial office it reports to) in a temporary folder, opens
the main window offscreen at 1366x768 in Vietnamese, goes through the pages the guide
describes and saves each as a PNG in src/cadre_desktop/resources/guide/images/. Run it
again whenever a page changes, so that the guide keeps showing the program as it is.

    python scripts/screenshots.py [--today YYYY-MM-DD] [--out FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from cadre_desktop.demo import DemoCalendar, generate_demo
from cadre_desktop.services import bundles, offices, training
from cadre_desktop.services.guide import GUIDE_DIR, sections
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.ui import settings
from cadre_desktop.ui.i18n import install_translators
from cadre_desktop.ui.kit.queries import queries_for
from cadre_desktop.ui.main_window import MainWindow

SIZE = (1366, 768)  # the smallest screen offices still have
PASSPHRASE = "mat khau mau cua don vi"


def settle(app: QApplication, rounds: int = 5, db: Database | None = None) -> None:
    """Let the window draw; with `db`, first let the pages' background reads answer (the
    start page and the roster read off the GUI thread)."""
    if db is not None:
        runner = queries_for(db)
        deadline = time.monotonic() + 30
        while not runner.idle and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    for _ in range(rounds):
        app.processEvents()


def make_offices(folder: Path, today: dt.date) -> Path:
    """The demo ward office, enrolled with a provincial office, with one bundle sent."""
    ward_path, province_path = folder / "du_lieu_mau.sqlite3", folder / "tinh.sqlite3"
    ward = open_database(ward_path)
    generate_demo(ward, members=3000, seed=1, today=today)
    province = open_database(province_path)
    ward_info = offices.init_office(ward, "DP-GIALOC", "Đoàn phường Gia Lộc", PASSPHRASE)
    province_info = offices.init_office(province, "TD-TAYNINH", "Tỉnh đoàn Tây Ninh", PASSPHRASE)
    offices.enrol(ward, offices.identity_file(province), "parent", province_info.fingerprint)
    offices.enrol(province, offices.identity_file(ward), "child", ward_info.fingerprint)
    bundle = folder / "goi_so_1.cadre"
    bundles.export_to_file(ward, bundle, PASSPHRASE)
    report = bundles.import_file(province, bundle, PASSPHRASE)
    receipt = folder / "bien_nhan_1.cadre"
    bundles.save_receipt(report, receipt)
    bundles.import_receipt_file(ward, receipt)
    province.close()
    ward.close()
    return ward_path


def wait_for_reads(app: QApplication, timeout: float = 60) -> None:
    """Let the pages' background reads answer (the figures are read off the GUI thread)."""
    from cadre_desktop.ui.kit import queries

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not all(r.idle for r in queries._runners.values()):
        app.processEvents()
        time.sleep(0.02)
    settle(app, 10)


class Shooter:
    def __init__(self, app: QApplication, window: MainWindow, out: Path) -> None:
        self.app, self.window, self.out = app, window, out
        self.saved: list[Path] = []
        self.idle = window.statusBar().currentMessage()  # the file's name

    def quiet(self) -> None:
        """The status bar as a page shows when first opened (not the message the previous
        step left, such as a sheet printed for another page's picture)."""
        self.window.statusBar().showMessage(self.idle)

    def page(self, key: str) -> QWidget:
        """Show a page of the navigation ('roster', 'settings' or a feature page key)."""
        w = self.window
        widget = {"roster": w.roster_page, "settings": w.settings_page}.get(key) \
            or w.feature_pages[key]
        w.navigation.setCurrentRow(w.pages.indexOf(widget))
        self.quiet()
        settle(self.app, db=w.db)
        return widget

    def shoot(self, name: str, before: Callable[[], object] | None = None) -> None:
        if before is not None:
            before()
        settle(self.app, 10, self.window.db)
        path = self.out / f"{name}.png"
        if not self.window.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        self.saved.append(path)
        print(f"saved {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--out", type=Path, default=GUIDE_DIR / "images")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cadre-screens-") as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(folder / "settings"))
        app = QApplication(sys.argv[:1])
        app.setApplicationDisplayName("Cadre Desktop")
        translators = install_translators(app, "vi")
        settings.set_language("vi")
        db_path = make_offices(folder, args.today)
        window = MainWindow(open_database(db_path), db_path)
        window.resize(*SIZE)
        window.show()
        window.statusBar().showMessage(db_path.name)  # not the temporary folder
        settle(app, 20)
        shots = Shooter(app, window, args.out)
        take(shots, args.today, db_path)
        window.close()
        del translators
    wanted = {image for s in sections() for image in s.images()}
    made = {f"images/{p.name}" for p in shots.saved}
    missing = sorted(wanted - made)
    if missing and args.out == GUIDE_DIR / "images":
        print(f"the guide shows pictures this script does not take: {missing}",
              file=sys.stderr)
        return 1
    return 0


def take(shots: Shooter, today: dt.date, db_path: Path) -> None:
    shots.page("start")
    shots.shoot("tong-quan")
    shots.page("roster")
    shots.shoot("danh-sach")

    page = shots.page("training")
    classes = page.classes  # type: ignore[attr-defined]
    shots.shoot("lop-boi-duong")
    db = shots.window.db
    running = next(c for c in training.list_classes(db, today=today) if c.state == "running")
    classes.open_class(running.id)
    view = classes.class_view
    shots.shoot("hoc-vien", lambda: view.tabs.setCurrentIndex(2))
    shots.shoot("diem-danh", lambda: view.tabs.setCurrentIndex(3))
    def printed() -> None:
        view.tabs.setCurrentIndex(5)
        view.printing.make("attendance")
        deadline = time.monotonic() + 60
        while view.printing.job is not None and time.monotonic() < deadline:
            shots.app.processEvents()
            time.sleep(0.05)

    shots.shoot("in-bang-diem-danh", printed)
    classes.show_list()

    shots.page("targets")
    shots.shoot("chi-tieu", lambda: wait_for_reads(shots.app))

    rotations = shots.page("rotations")
    year = DemoCalendar(today).next_round.year

    def candidates() -> None:
        rotations.year.setValue(year)  # type: ignore[attr-defined]
        rotations.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        rotations.candidates_view.selectRow(0)  # type: ignore[attr-defined]

    shots.shoot("cu-can-bo", candidates)
    shots.page("member_programme")
    shots.shoot("ren-luyen")
    shots.page("send_bundle")
    shots.shoot("gui-len-tinh")


if __name__ == "__main__":
    raise SystemExit(main())
