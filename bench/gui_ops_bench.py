"""The GUI against the command line on the same work (issue: "a GUI as fast as the
command line"), on a 3,000-person demo office:

- "gui/cli import preview": the import wizard's preview of the office's own 3,000-row
  export, from Next until the rows are shown, against the whole `roster import --dry-run`
  process on the same file;
- "gui/cli first pdf": the certificates of the class with the most completions, the first
  document of a fresh GUI process, from the click until the preview is on screen, against
  the whole `print certificates` process;
- "gui/cli bundle export": a full bundle from the open window against the whole
  `bundle export --full` process.

Each GUI figure is measured in a fresh process (bench/gui_ops.py), so that nothing is
warm that a clerk's first click would not find warm. Requirement: the GUI at most 1.5x
the command line's time, medians of RUNS each, measured alternately in the same run.

Run alone: `QT_QPA_PLATFORM=offscreen python bench/run.py --only gui_ops`.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import Entry, entry

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
RUNS = 5
MEMBERS = 3_000
RATIO = 1.5
PASS = "bench passphrase 2026"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(SRC)) if p)
    env["CADRE_PASSPHRASE"] = PASS
    return env


def _cli(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cadre_desktop", *args], env=_env(), check=True,
                   capture_output=True)
    return time.perf_counter() - start


def _gui(db: Path, job: str, arg: str, tmp: Path) -> float:
    proc = subprocess.run([sys.executable, str(HERE / "gui_ops.py"), str(db), job, arg,
                           str(tmp / "settings")], env=_env(), check=True,
                          capture_output=True, text=True)
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["seconds"])


def _office(tmp: Path) -> tuple[Path, Path, str]:
    """The demo office, its roster export and the class with the most completions."""
    db = tmp / "office.sqlite3"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "cadre_desktop", "demo", "--db", str(db),
                        "--members", str(MEMBERS)], env=_env(), check=True,
                       capture_output=True)
    sheet = tmp / "export.xlsx"
    if not sheet.exists():
        _cli("roster", "export", "--db", str(db), "-o", str(sheet))
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        class_id = conn.execute(
            "SELECT class_id FROM enrolment WHERE result = 'completed' AND deleted = 0"
            " GROUP BY class_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    return db, sheet, str(class_id)


def _pair(name: str, gui: Any, cli: Any, **details: Any) -> Entry:
    ours, base = [], []
    for _ in range(RUNS):  # alternately, so that a busy moment falls on both
        ours.append(gui())
        base.append(cli())
    value, baseline = statistics.median(ours), statistics.median(base)
    return entry(name, value / baseline, "x", f"<= {RATIO}x the command line",
                 value / baseline <= RATIO, None, gui_s=round(value, 3),
                 cli_s=round(baseline, 3), runs=RUNS, **details)


def run(tmp: Path) -> list[Entry]:
    db, sheet, class_id = _office(tmp)
    results = [
        _pair("gui/cli import preview",
              lambda: _gui(db, "preview", str(sheet), tmp),
              lambda: _cli("roster", "import", str(sheet), "--db", str(db), "--dry-run",
                           "--json"),
              rows=MEMBERS),
        _pair("gui/cli first pdf",
              lambda: _gui(db, "pdf", class_id, tmp),
              lambda: _cli("print", "certificates", "--db", str(db), "--class", class_id,
                           "-o", str(tmp / "cli.pdf")),
              document="certificates"),
    ]
    results += _bundle(db, tmp)
    return results


def _bundle(db: Path, tmp: Path) -> list[Entry]:
    """A full bundle of the office, to a province it is enrolled with."""
    office = tmp / "sending.sqlite3"
    province = tmp / "province.sqlite3"
    if not office.exists():
        shutil.copy(db, office)
        _cli("office", "init", "--db", str(office), "--code", "DP-GL",
             "--name", "Đoàn phường Gia Lộc")
        _cli("office", "init", "--db", str(province), "--code", "TD-TN",
             "--name", "Tỉnh đoàn Tây Ninh", "--level", "province")
        for here, there, role in ((office, province, "parent"), (province, office, "child")):
            identity = tmp / f"{there.stem}.identity"
            _cli("office", "identity", "--db", str(there), "-o", str(identity))
            found = subprocess.run(
                [sys.executable, "-m", "cadre_desktop", "office", "fingerprint", "--db",
                 str(there)], env=_env(), check=True, capture_output=True, text=True)
            digits = "".join(ch for ch in (found.stdout + found.stderr) if ch.isdigit())[-30:]
            _cli("office", "enrol", str(identity), "--db", str(here), "--role", role,
                 "--fingerprint", digits)
    return [_pair("gui/cli bundle export",
                  lambda: _gui(office, "export", str(tmp / "gui.cadre"), tmp),
                  lambda: _cli("bundle", "export", "--db", str(office), "-o",
                               str(tmp / "cli.cadre"), "--full"))]


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(SRC))
    with tempfile.TemporaryDirectory() as folder:
        for result in run(Path(folder)):
            print(json.dumps(result, ensure_ascii=False))
