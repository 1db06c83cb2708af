"""A head start for the commands that unlock this office's keys.

Unlocking the sealed private keys costs one scrypt at n=2**17 (crypto.py): about 0.4 s
on an office computer, most of what importing a small delta bundle from the command line
costs beyond the program's start-up. The derivation needs only the sealed key's salt and
cost, and the passphrase; so `bundle import` and `bundle export` begin it on a worker
thread before the program loads its modules and opens the database, and the unlock then
takes the result (crypto.derive_ahead). Only the inputs are read here, from the database
opened read-only; any doubt (no such file, no key, an older schema, no passphrase in the
environment) means no head start, and the command unlocks as it always did and reports
its own errors. Nothing is written and nothing is kept beyond the process.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

# The commands that unlock the active key, as `bundle <command>`.
_UNLOCKING = ("import", "export")


def wanted(argv: list[str]) -> Path | None:
    """The database of a `bundle import` or `bundle export` command line, if it names
    one with --db (the default database is not looked up here: that costs start-up)."""
    words = [w for w in argv if not w.startswith("-")]
    if len(words) < 2 or words[0] != "bundle" or words[1] not in _UNLOCKING:
        return None
    for index, arg in enumerate(argv):
        if arg == "--db" and index + 1 < len(argv):
            return Path(argv[index + 1])
        if arg.startswith("--db="):
            return Path(arg.removeprefix("--db="))
    return None


def start(db_path: Path, passphrase: str) -> bool:
    """Begin deriving the key that opens this office's active sealed keys; False when
    there is nothing to begin (the command then does all the work itself)."""
    try:
        # Read-only, as store/db.py opens a file it only reads; never waits on a writer.
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=0)
        try:
            row = conn.execute("SELECT secret FROM sync_identity WHERE status = 'active'"
                               ).fetchone()
        finally:
            conn.close()
        if row is None or not row[0]:
            return False
        record = json.loads(row[0])
        salt, n = bytes.fromhex(record["salt"]), int(record["n"])
    except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
        return False
    from cadre_desktop.sync import crypto

    crypto.derive_ahead(passphrase, salt, n)
    return True
