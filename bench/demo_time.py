"""Demo generation time: `generate_demo` into a new database file."""

from __future__ import annotations

import time
from pathlib import Path

from common import Entry, entry

from cadre_desktop.demo import generate_demo
from cadre_desktop.store.db import open_database

LIMIT_S = 60.0


def generate(path: Path, members: int, seed: int = 1) -> float:
    """Create a demo office of `members` people at path (replacing any file); seconds taken,
    opening the new database included."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    db = open_database(path)
    try:
        generate_demo(db, members=members, seed=seed)
    finally:
        db.close()
    return time.perf_counter() - start


def run(path: Path, members: int) -> Entry:
    seconds = generate(path, members)
    return entry(f"demo generation, {members:,} people", seconds, "s",
                 f"< {LIMIT_S:.0f} s", seconds < LIMIT_S)
