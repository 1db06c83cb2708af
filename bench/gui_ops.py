"""One GUI job timed in a process of its own, as a clerk starts it in the open window.

- `preview FILE`: the import wizard's preview of FILE, from Next on the mapping page until
  the preview's rows are shown;
- `pdf CLASS_ID`: the class's certificates, the first document the process makes, from
  the click until the print preview is on screen;
- `export FILE`: a full bundle sent to the province from the send page ("full" ticked,
  "Make a bundle" clicked, into FILE's folder), from the click until the bundle is
  written.

Prints one JSON object: {"seconds": ...}. Run by bench/gui_ops_bench.py:
`QT_QPA_PLATFORM=offscreen python bench/gui_ops.py DB JOB ARG`.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

TIMEOUT_S = 120.0


def _wait(done: Callable[[], bool]) -> None:
    """Run the event loop as the application does (QEventLoop.exec, which lets the worker
    have the interpreter while it waits) until done() holds.

    Not a processEvents(WaitForMoreEvents) loop: PySide6 keeps the GIL while that call
    waits, and the worker then runs 1.6-1.8 times slower than under the application's own
    event loop (measured here on the import preview: worker 1.74-1.90 s under such a loop,
    0.95-1.07 s under exec()), which measures the harness, not the program."""
    if done():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + TIMEOUT_S
    failed: list[str] = []

    def check() -> None:
        if done():
            loop.quit()
        elif time.perf_counter() > deadline:
            failed.append("the job did not finish")
            loop.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError(failed[0])


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
    """The send page's "Make a bundle" with "full" ticked, clicked as a clerk does; the
    folder and passphrase dialogs answer at once (a clerk's typing is not measured)."""
    from cadre_desktop.ui import passphrase_dialog
    from cadre_desktop.ui.kit import prompts

    prompts.folder = lambda *_args: str(out.parent)  # type: ignore[assignment]
    passphrase_dialog.ask_passphrase = (  # type: ignore[assignment]
        lambda *_args, **_kw: "bench passphrase 2026")
    window.open_page("send_bundle")  # type: ignore[attr-defined]
    page = window.feature_pages["send_bundle"]  # type: ignore[attr-defined]
    QCoreApplication.processEvents()
    page.full_choice.setChecked(True)
    before = set(out.parent.glob("*.cadre"))
    start = time.perf_counter()
    page.export_button.click()
    _wait(lambda: page.op is None and bool(set(out.parent.glob("*.cadre")) - before))
    seconds = time.perf_counter() - start
    for made in set(out.parent.glob("*.cadre")) - before:
        made.unlink()
    return seconds


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
