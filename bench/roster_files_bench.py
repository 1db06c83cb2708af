"""Peak memory of the roster's file commands at 100,000 people, beside openpyxl alone.

`run(tmp_dir)` returns one entry per measurement (bench/run.py collects it for `make
bench`); each is taken in a process of its own, so its peak resident memory (ru_maxrss)
is that job's alone, Python and its imports included:

- `roster export` of a 100,000-person demo office to .xlsx, against openpyxl alone
  writing the same rows (read back from that file as a stream) in write-only mode;
- `roster import` of that file into a new database, against openpyxl alone reading it
  (read-only mode, every row's values);
- `roster import` of it back into (a copy of) the office it came from: every row matched
  by its Mã and compared, nothing written (the clerk's re-import of an unchanged export).

Requirement: at most 300 MB each. Run alone:
`PYTHONPATH=src python bench/roster_files_bench.py [--rows N] [TMP_DIR]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import Entry, entry, print_table  # noqa: E402

LIMIT_MB = 300.0
ROWS = 100_000

# The peak is read from /proc/self/status (VmHWM) where there is one: ru_maxrss of a
# child on Linux starts from its parent's size at fork, which would hide small figures.
_MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
except OSError:
    pass
print(json.dumps({{"peak_mb": round(peak, 1), "seconds": round(seconds, 2), **result}}))
"""

_EXPORT = """
from cadre_desktop.exporting.roster_export import export_roster
from cadre_desktop.store.db import open_database
db = open_database(sys.argv[1], read_only=True)
result = {"rows": export_roster(db, sys.argv[2])}
db.close()
"""

_OPENPYXL_WRITE = """
from openpyxl import Workbook, load_workbook
source = load_workbook(sys.argv[1], read_only=True)
book = Workbook(write_only=True)
sheet = book.create_sheet("Danh sách")
count = 0
for row in source.active.iter_rows(values_only=True):
    sheet.append(list(row))
    count += 1
book.save(sys.argv[2])
source.close()
result = {"rows": count - 1}
"""

_IMPORT = """
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.store.db import open_database
db = open_database(sys.argv[2])
report = import_roster(db, sys.argv[1])
db.close()
result = {"imported": report.imported, "updated": report.updated,
          "unchanged": report.unchanged, "rejected": len(report.rejected)}
"""

_OPENPYXL_READ = """
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
count = sum(1 for row in book.active.iter_rows(values_only=True))
book.close()
result = {"rows": count - 1}
"""


def _measure(body: str, *args: str) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    proc = subprocess.run([sys.executable, "-c", _MEASURE.format(body=body), *args],
                          env=env, capture_output=True, text=True, timeout=1800, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"exit {proc.returncode}: {' | '.join(tail)}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _demo(tmp: Path, rows: int) -> Path:
    """A demo office of `rows` people: the harness's own when it has that many."""
    import sqlite3

    shared = tmp.parent / "demo.sqlite3"
    if shared.exists():
        conn = sqlite3.connect(f"{shared.resolve().as_uri()}?mode=ro", uri=True)
        try:
            have = conn.execute("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0]
        finally:
            conn.close()
        if have == rows:
            from cadre_desktop.store.db import open_database

            open_database(shared).close()  # brought to this program's layout, if older
            return shared
    import demo_time

    path = tmp / f"demo-{rows}.sqlite3"
    if not path.exists():
        demo_time.generate(path, rows)
    return path


def _entry(name: str, ours: dict[str, Any], base: dict[str, Any] | None, ok: bool,
           **details: Any) -> Entry:
    return entry(name, ours["peak_mb"], "MB", f"<= {LIMIT_MB:g} MB", ok,
                 base["peak_mb"] if base else None, seconds=ours["seconds"],
                 baseline_seconds=base["seconds"] if base else None, **details)


def run(tmp: Path, rows: int = ROWS) -> list[Entry]:
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    demo = _demo(tmp, rows)
    sheet, copy = tmp / "roster.xlsx", tmp / "openpyxl-copy.xlsx"
    results: list[Entry] = []
    exported = _measure(_EXPORT, str(demo), str(sheet))
    written = _measure(_OPENPYXL_WRITE, str(sheet), str(copy))
    results.append(_entry(
        f"roster export, {rows:,} people to .xlsx: peak memory (vs openpyxl writing it)",
        exported, written, exported["peak_mb"] <= LIMIT_MB and exported["rows"] == rows,
        rows=exported["rows"]))
    fresh = tmp / "import-new.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    imported = _measure(_IMPORT, str(sheet), str(fresh))
    read = _measure(_OPENPYXL_READ, str(sheet))
    results.append(_entry(
        f"roster import, {rows:,}-row .xlsx into a new database: peak memory "
        "(vs openpyxl reading it)", imported, read,
        imported["peak_mb"] <= LIMIT_MB and imported["imported"] == rows
        and imported["rejected"] == 0, **{k: imported[k] for k in ("imported", "rejected")}))
    same = tmp / "import-same.sqlite3"  # a copy of the exported office: every Mã is known
    shutil.copyfile(demo, same)
    again = _measure(_IMPORT, str(sheet), str(same))
    results.append(_entry(
        f"roster import, the same {rows:,} rows again (all matched by Mã, unchanged): "
        "peak memory (vs openpyxl reading it)", again, read,
        again["peak_mb"] <= LIMIT_MB and again["unchanged"] == rows
        and again["updated"] == 0, **{k: again[k] for k in ("unchanged", "updated")}))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tmp", nargs="?", type=Path, default=None)
    parser.add_argument("--rows", type=int, default=ROWS)
    args = parser.parse_args(argv)
    if args.tmp is not None:
        results = run(args.tmp, args.rows)
    else:
        with tempfile.TemporaryDirectory(prefix="cadre-files-bench-") as folder:
            results = run(Path(folder) / "files", args.rows)
    print_table(results)
    return 0 if all(r.get("ok") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
