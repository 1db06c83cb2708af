"""The benchmark harness behind `make bench`: measured figures with their baselines, each
measured in the same run, written to a JSON file and printed as a table.

- demo generation of 100,000 people (requirement: under 60 s);
- on that database, in a process of its own (bench/roster_gui.py): the roster's first
  rows after the window is shown (< 0.5 s), filter as you type for typical queries
  (< 100 ms and at most twice Qt's QSqlTableModel), sorting in official order (no
  slower than QSqlTableModel's ORDER BY full_name), and the process's peak memory
  (< 300 MB);
- importing a 20,000-row roster sheet (at most twice openpyxl alone reading it);
- the figures of every other bench/*_bench.py module that has `run(tmp_dir)` returning
  a list of entries (e.g. printing);
- the province at scale (bench/province.py: delta bundles, memory of a 100,000-member
  export and import, a province importing 100 offices, its roster search at 2 million);
  long, so skipped when CADRE_BENCH_SKIP_PROVINCE is set.

Usage: `QT_QPA_PLATFORM=offscreen python bench/run.py --out bench-results.json`
[--members N] [--import-rows N] [--repeats N] [--no-extra] [--quick]
[--strict: exit 1 when a requirement fails] [--only NAME ...: only these parts: demo, gui,
import, province, or a bench/NAME_bench.py module such as print or bundle; or entries by
their names, e.g. "gui/cli first pdf"].
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
if str(SRC) not in sys.path:
    sys.path.append(str(SRC))  # an installed package (make's venv) still comes first

import demo_time  # noqa: E402
import import_sheet  # noqa: E402
from common import Entry, entry, print_table  # noqa: E402

OWN_MODULES = {"run", "common", "demo_time", "import_sheet", "roster_gui", "province"}
PARTS = ("demo", "gui", "import", "province")


def gui_figures(db_path: Path, tmp: Path, repeats: int, quick: bool = False) -> list[Entry]:
    """bench/roster_gui.py in a child process, so that its peak memory is its own."""
    out = tmp / "gui.json"
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(SRC)) if p)
    cmd = [sys.executable, str(HERE / "roster_gui.py"), str(db_path), "--out", str(out),
           "--repeats", str(repeats), *(["--settle", "0.25"] if quick else [])]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900,
                          check=False)
    if proc.returncode != 0 or not out.exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return [entry("roster GUI benchmarks", None, "", "", False,
                      error=f"exit {proc.returncode}: {' | '.join(tail)}")]
    results: list[Entry] = json.loads(out.read_text("utf-8"))
    return results


def extra_figures(tmp: Path, only: set[str] | None = None) -> list[Entry]:
    """Entries from the other bench/*_bench.py modules (those named in `only`, if given)."""
    results: list[Entry] = []
    for path in sorted(HERE.glob("*_bench.py")):
        name = path.stem
        if name in OWN_MODULES or (only is not None and name.removesuffix("_bench") not in only):
            continue
        try:
            module = importlib.import_module(name)
            run = getattr(module, "run", None)
            if run is None:
                continue
            folder = tmp / name
            folder.mkdir(exist_ok=True)
            results.extend(run(folder))
        except Exception as exc:  # one broken module must not lose the other figures
            traceback.print_exc()
            results.append(entry(f"{name}", None, "", "", False, error=repr(exc)))
    return results


# Entry names (as the issues ask for them) -> the part of the bench that measures them, so
# that `--only "start to first rows at 100k"` runs just that part.
ENTRY_PARTS = {
    "start to first rows at 100k": "gui",
    "roster page at the end, sorted by unit, 100k": "gui",
    "gui/cli import preview": "gui_ops",
    "gui/cli first pdf": "gui_ops",
    "gui/cli bundle export": "gui_ops",
}


def parts_of(names: list[str]) -> set[str]:
    """The parts to run for names given to --only: part names, or entry names."""
    return {ENTRY_PARTS.get(name, name) for name in names}


def province_figures(tmp: Path) -> list[Entry]:
    import province

    folder = tmp / "province"
    folder.mkdir(exist_ok=True)
    try:
        return province.run(folder)
    except Exception as exc:  # the other figures stay
        traceback.print_exc()
        return [entry("province benchmarks", None, "", "", False, error=repr(exc))]


def run_all(tmp: Path, members: int, import_rows: int, repeats: int,
            extra: bool = True, quick: bool = False,
            only: set[str] | None = None) -> list[Entry]:
    def wanted(part: str) -> bool:
        return only is None or part in only

    db_path = tmp / "demo.sqlite3"
    results: list[Entry] = []
    if wanted("demo") or wanted("gui") or wanted("import"):
        print(f"Generating a demo office of {members:,} people...", file=sys.stderr)
        results.append(demo_time.run(db_path, members))
    if wanted("gui"):
        print("Roster GUI...", file=sys.stderr)
        results += gui_figures(db_path, tmp, repeats, quick)
    if wanted("import"):
        print(f"Importing {import_rows:,} rows...", file=sys.stderr)
        try:
            results.append(import_sheet.run(db_path, tmp, import_rows, min(repeats, 3)))
        except Exception as exc:
            traceback.print_exc()
            results.append(entry("roster import", None, "s", "", False, error=repr(exc)))
    if extra or only is not None:
        print("Other benchmarks...", file=sys.stderr)
        results += extra_figures(tmp, only)
        if wanted("province"):
            print("The province at scale...", file=sys.stderr)
            results += province_figures(tmp)
    return results


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for module in ("PySide6", "openpyxl"):
        try:
            found[module] = str(importlib.import_module(module).__version__)
        except Exception:
            found[module] = "not installed"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cadre Desktop benchmarks")
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-extra", action="store_true",
                        help="skip the other bench/*_bench.py modules")
    parser.add_argument("--quick", action="store_true",
                        help="shorter pauses between searches (for the smoke test)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a requirement is not met")
    parser.add_argument("--only", nargs="+", metavar="PART",
                        help=f"run only these: {', '.join(PARTS)} or a *_bench module's name")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cadre-bench-") as folder:
        results = run_all(Path(folder), args.members, args.import_rows, args.repeats,
                          extra=not args.no_extra, quick=args.quick,
                          only=parts_of(args.only) if args.only else None)
    named = [n for n in (args.only or []) if n in ENTRY_PARTS]
    if named and len(named) == len(args.only):
        # Only entries were named: keep just those (their part may measure others too).
        results = [r for r in results if r["name"] in named]
    document = {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), **_versions()},
        "members": args.members,
        "import_rows": args.import_rows,
        "seconds": round(time.perf_counter() - started, 1),
        "results": results,
    }
    if any(r.get("pyside_none_leak") for r in results):
        document["warnings"] = [
            "This PySide6 drops a reference to None on every Qt call that returns nothing "
            "(PySide6 6.12.0 on Python 3.11): a long GUI session aborts with 'none_dealloc'. "
            "The GUI benchmark held extra references to None to finish; see "
            "bench/roster_gui.py none_refcount_leak()."]
    args.out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print_table(results)
    for warning in document.get("warnings", []):
        print(f"\nWARNING: {warning}")
    failed = [r["name"] for r in results if r.get("ok") is False]
    print(f"\n{len(results) - len(failed)} of {len(results)} figures meet their requirement;"
          f" written to {args.out} ({document['seconds']} s)")
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
