"""An import process killed in the middle of its transaction leaves the database as it
was, and importing the same bundle again then succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bundle_helpers import PASS, Office, craft, digest, fast_scrypt, offices, template
from cadre_desktop.sync.transaction import import_bundle

__all__ = ["fast_scrypt", "offices", "template"]

_CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from cadre_desktop.domain.progress import Progress
    from cadre_desktop.services import bundles
    from cadre_desktop.store.db import open_database

    db = open_database(sys.argv[1])
    marker = Path(sys.argv[3])
    sender = sys.argv[4]

    def observe(step):
        if step.what.startswith("Đang ghi bảng") and step.fraction > 0.7:
            # Inside the open transaction: the rows written so far are visible here only.
            seen = db.conn.execute("SELECT COUNT(*) FROM person WHERE office_id = ?",
                                   (sender,)).fetchone()[0]
            marker.write_text(str(seen))
            os.kill(os.getpid(), signal.SIGKILL)

    bundles.import_file(db, Path(sys.argv[2]), os.environ["CADRE_PASSPHRASE"],
                        progress=Progress(observe, min_interval=0))
    print("finished without being killed")
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_import_changes_nothing_and_can_be_repeated(offices: dict[str, Office],
                                                             tmp_path: Path) -> None:
    p, a = offices["P"], offices["A"]
    bundle = tmp_path / "a.cadre"
    bundle.write_bytes(craft(a, p))
    before = digest(p.db)
    script = tmp_path / "child.py"
    script.write_text(_CHILD, encoding="utf-8")
    marker = tmp_path / "marker"
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "CADRE_PASSPHRASE": PASS,
           "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, str(script), str(p.path), str(bundle), str(marker),
                           a.id], env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == -signal.SIGKILL, proc.stdout + proc.stderr
    assert marker.read_text() == "100"  # the people were written inside the transaction

    p.db.close()
    from cadre_desktop.store.db import open_database

    p.db = open_database(p.path)
    assert p.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert digest(p.db) == before
    report = import_bundle(p.db, bundle.read_bytes(), PASS)
    assert report.status == "imported" and report.tables["person"].inserted == 100
