"""One GUI job timed in a process of its own, as a clerk starts it in the open window.

- `preview FILE`: the import wizard's preview of FILE, from Next on the mapping page until
  the preview's rows are shown;
- `pdf CLASS_ID`: the class's certificates, the first document the process makes, from
  the click until the print preview is on screen;
- `export FILE`: a full bundle sent to the province from the send page, from the click
  until the bundle is written.

Prints one JSON object: {"seconds": ...}. Run by bench/gui_ops_bench.py:
`QT_QPA_PLATFORM=offscreen python bench/gui_ops.py DB JOB ARG`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

TIMEOUT_S = 120.0


def _wait(done: object) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("the job did not finish")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def preview(window: object, db: object, sheet: Path) -> float:
    from cadre_desktop.ui.import_wizard import ImportWizard

    wizard = ImportWizard(db, window)  # type: ignore[arg-type]
    wizard.show()
    wizard.file_page.path_edit.setText(str(sheet))
    wizard.next()
    QCoreApplication.processEvents()
    page = wizard.preview_page
    start = time.perf_counter()
    wizard.next()
    _wait(lambda: page.preview is not None and page.model.rowCount() > 0)
    QCoreApplication.processEvents()  # the rows painted
    seconds = time.perf_counter() - start
    wizard.reject()
    return seconds


def pdf(window: object, db: object, class_id: str) -> float:
    from cadre_desktop.ui.kit.printing import PdfMaker

    maker = PdfMaker(window)  # type: ignore[arg-type]
    start = time.perf_counter()
    maker.make(db, "print_certificates", [class_id], "giay-chung-nhan.pdf",  # type: ignore[arg-type]
               "Certificates")
    _wait(lambda: maker.dialog is not None and maker.dialog.isVisible())
    QCoreApplication.processEvents()
    return time.perf_counter() - start


def export(window: object, db: object, out: Path) -> float:
    from cadre_desktop.services import bundles
    from cadre_desktop.ui.kit.ops import run_op

    passphrase = "bench passphrase 2026"
    done: list[object] = []
    start = time.perf_counter()
    run_op(window, db, lambda worker_db, progress: bundles.export_to_file(  # type: ignore[arg-type]
        worker_db, out, passphrase, progress=progress), title="Export",
        on_success=done.append, on_failure=lambda m: done.append(m))
    _wait(lambda: bool(done))
    if isinstance(done[0], str):
        raise RuntimeError(done[0])
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    db_path, job, arg = Path(argv[0]), argv[1], argv[2]
    settings = Path(argv[3]) if len(argv) > 3 else db_path.parent / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    app = QApplication(sys.argv[:1])
    from cadre_desktop.app import build_main_window

    window = build_main_window(db_path)
    window.show()
    QCoreApplication.processEvents()
    runs = {"preview": lambda: preview(window, window.db, Path(arg)),
            "pdf": lambda: pdf(window, window.db, arg),
            "export": lambda: export(window, window.db, Path(arg))}
    seconds = runs[job]()
    window.close()
    del app
    print(json.dumps({"seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
