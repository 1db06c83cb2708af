"""Shared helpers of the benchmark harness: result entries, timing, the printed table.

An entry is a dict: name, value, unit, baseline (a number in the same unit, or None),
requirement (text), ok (True/False; None when the figure could not be measured), and
any details (e.g. "skipped", "error", "rows").
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

Entry = dict[str, Any]


def entry(name: str, value: float | None, unit: str, requirement: str, ok: bool | None,
          baseline: float | None = None, **details: Any) -> Entry:
    return {"name": name, "value": _round(value), "unit": unit, "baseline": _round(baseline),
            "requirement": requirement, "ok": ok, **details}


def skipped(name: str, unit: str, requirement: str, reason: str) -> Entry:
    return entry(name, None, unit, requirement, None, skipped=f"skipped: {reason}")


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return round(value, 3 if abs(value) < 100 else 1)


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def print_table(entries: list[Entry]) -> None:
    rows = [("", "measurement", "value", "baseline", "requirement")]
    for e in entries:
        mark = {True: "ok", False: "FAIL", None: "--"}[e.get("ok")]
        value = "-" if e.get("value") is None else f"{e['value']} {e['unit']}"
        baseline = "-" if e.get("baseline") is None else f"{e['baseline']} {e['unit']}"
        requirement = e.get("requirement") or ""
        if e.get("skipped"):
            requirement = e["skipped"]
        elif e.get("error"):
            requirement = f"error: {e['error']}"
        rows.append((mark, e["name"], value, baseline, requirement))
    widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r[:4], widths, strict=True)), r[4])
