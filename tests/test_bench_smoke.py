"""The benchmark harness runs (on a tiny office; no timings are checked here)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import common  # noqa: E402
import demo_time  # noqa: E402
import import_sheet  # noqa: E402
import run as bench_run  # noqa: E402

PEOPLE = 500
IMPORT_ROWS = 200


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "demo.sqlite3"
    demo_time.generate(path, PEOPLE)
    return path


def _check(entries: list[common.Entry]) -> None:
    for e in entries:
        assert {"name", "value", "unit", "baseline", "requirement", "ok"} <= set(e)
        assert e["ok"] in (True, False, None)
        if e["ok"] is not None:
            assert e["value"] is not None


def test_demo_generation_entry(tmp_path: Path) -> None:
    e = demo_time.run(tmp_path / "demo.sqlite3", PEOPLE)
    _check([e])
    assert e["value"] > 0


def test_import_entry(demo_path: Path, tmp_path: Path) -> None:
    e = import_sheet.run(demo_path, tmp_path, IMPORT_ROWS, repeats=1)
    _check([e])
    if not _has("cadre_desktop.importing.roster_import"):
        assert e["skipped"]
        return
    assert e["rows"] == IMPORT_ROWS and e["baseline"] > 0
    assert import_sheet.read_with_openpyxl(tmp_path / f"roster-{IMPORT_ROWS}.xlsx") == \
        IMPORT_ROWS + 1


def test_roster_files_memory_entries(tmp_path: Path) -> None:
    import roster_files_bench

    entries = roster_files_bench.run(tmp_path / "files", rows=300)
    _check(entries)
    assert len(entries) == 3
    for e in entries:
        assert e["unit"] == "MB" and e["baseline"] > 0 and e["ok"] is True
    assert entries[1]["imported"] == 300 and entries[2]["unchanged"] == 300


@pytest.fixture
def private_settings(tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.mark.usefixtures("private_settings")
def test_gui_figures_in_process(qapp: object, demo_path: Path) -> None:
    import roster_gui

    with roster_gui.NoneGuard():
        entries = roster_gui.measure(demo_path, repeats=1, settle_s=0.25)
    _check(entries)
    if not (_has("cadre_desktop.app") or _has("cadre_desktop.ui.roster.model")):
        assert all(e.get("skipped") for e in entries)
        return
    names = " | ".join(e["name"] for e in entries)
    assert "first rows" in names and "filter as you type" in names and "sort" in names
    assert all(e["value"] is not None for e in entries)


def test_whole_harness_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench-results.json"
    code = bench_run.main(["--out", str(out), "--members", str(PEOPLE), "--import-rows",
                           str(IMPORT_ROWS), "--repeats", "1", "--no-extra", "--quick"])
    assert code == 0
    document = json.loads(out.read_text("utf-8"))
    _check(document["results"])
    names = [e["name"] for e in document["results"]]
    assert any("demo generation" in n for n in names)
    assert any("peak memory" in n or "GUI" in n for n in names)
    assert not [e for e in document["results"] if e.get("error")]


def test_province_figures_on_tiny_offices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import province

    monkeypatch.delenv(province.SKIP_ENV, raising=False)
    monkeypatch.setattr(province, "RUNS", 1)
    entries = province.run(tmp_path, members=150, offices=2, big=200)
    _check(entries)
    names = " | ".join(e["name"] for e in entries)
    for part in ("delta bundle", "delta import", "full export", "full import",
                 "province imports 2 offices", "province file", "roster search"):
        assert part in names
    delta = entries[0]
    assert delta["kind"] == "delta" and delta["value"] < delta["baseline"]
    assert not [e for e in entries if e.get("error")]


def test_province_figures_can_be_skipped(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import province

    monkeypatch.setenv(province.SKIP_ENV, "1")
    entries = province.run(tmp_path)
    assert len(entries) == 1 and entries[0]["skipped"]
