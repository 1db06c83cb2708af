"""Plan target and report benchmarks: `run(tmp_dir)` returns one dict per measurement.

On the demo office of the harness (100,000 people; generated here when run alone), each
whole command process, median of 5, beside `roster search ""` on the same file (the
baseline, measured in the same run):
- `target list --json` (every target of the demo plan, per unit; requirement: under 1 s);
- `report training --json` for the year of the last finished class (under 1 s);
- `report training -o FILE.pdf` for the same year (under 1 s);
- `target show ID --json` for the target with the largest denominator (under 1 s).

Run alone: `PYTHONPATH=src python bench/targets_bench.py [TMP_DIR] [--members N]
[--db PATH]` (an existing demo database is used as it is).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import Entry, entry, print_table

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
RUNS = 5
MEMBERS = 100_000
LIMIT_S = 1.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def _command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cadre_desktop", *args, "--db", str(db)]


def _time(cmd: list[str], runs: int) -> tuple[float, str]:
    """Median wall time of the whole process, and its last output."""
    times = []
    out = ""
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=_env(), capture_output=True, text=True, check=False,
                              timeout=300)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[3:5])}: exit {proc.returncode}: "
                               f"{proc.stderr.strip()[-300:]}")
        out = proc.stdout
    return statistics.median(times), out


def _demo(tmp: Path, members: int) -> Path:
    """The harness's demo office when there is one, else a new one."""
    shared = tmp.parent / "demo.sqlite3"
    if shared.exists():
        return shared
    path = tmp / "demo.sqlite3"
    if not path.exists():
        from cadre_desktop.demo import generate_demo
        from cadre_desktop.store.db import open_database

        db = open_database(path)
        try:
            generate_demo(db, members=members, seed=1)
        finally:
            db.close()
    return path


def _facts(db: Path) -> tuple[int, int]:
    """The year of the last finished class (the report's year) and the people."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT MAX(end_date) FROM training_class WHERE deleted = 0"
                           " AND status = 'finished'").fetchone()
        people = conn.execute("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0]
    finally:
        conn.close()
    year = int(str(row[0])[:4]) if row and row[0] else time.localtime().tm_year
    return year, int(people)


def run(tmp_dir: str | Path, members: int = MEMBERS, db_path: Path | None = None,
        runs: int = RUNS) -> list[Entry]:
    tmp = Path(tmp_dir)
    tmp.mkdir(parents=True, exist_ok=True)
    db = db_path or _demo(tmp, members)
    year, count = _facts(db)
    people = f"{count:,} people".replace(",", ".")
    requirement = f"< {LIMIT_S:g} s (whole process, beside roster search \"\")"
    baseline, _ = _time(_command(db, "roster", "search", "", "--json"), runs)
    span = ["--from", f"{year}-01-01", "--to", f"{year}-12-31"]
    results: list[Entry] = []
    listed: list[dict[str, Any]] = []
    for name, args in (
            (f"target list ({people})", ["target", "list", "--json"]),
            (f"report training {year} JSON ({people})", ["report", "training", *span,
                                                         "--json"]),
            (f"report training {year} PDF ({people})",
             ["report", "training", *span, "-o", str(tmp / "report.pdf")])):
        try:
            seconds, out = _time(_command(db, *args), runs)
        except Exception as exc:  # one failing command must not lose the other figures
            results.append(entry(name, None, "s", requirement, False, baseline, error=str(exc)))
            continue
        if args[:2] == ["target", "list"]:
            listed = json.loads(out)
        results.append(entry(name, seconds, "s", requirement, seconds < LIMIT_S, baseline))
    people_targets = [t for t in listed if t["kind"] in ("coverage", "share")]
    if people_targets:
        widest = max(people_targets, key=lambda t: t["denominator"] or 0)
        name = f"target show ({widest['denominator']} people in the group)"
        try:
            seconds, _ = _time(_command(db, "target", "show", widest["id"], "--json"), runs)
            results.append(entry(name, seconds, "s", requirement, seconds < LIMIT_S, baseline))
        except Exception as exc:
            results.append(entry(name, None, "s", requirement, False, baseline, error=str(exc)))
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tmp", nargs="?", type=Path, default=None)
    parser.add_argument("--members", type=int, default=MEMBERS)
    parser.add_argument("--db", type=Path, default=None, help="an existing demo database")
    options = parser.parse_args()
    where = options.tmp or Path(tempfile.mkdtemp(prefix="targetsb-"))
    found = run(where, options.members, options.db)
    print_table(found)
    print(json.dumps(found, ensure_ascii=False, indent=2))
