"""The same checks as packaging/smoke.sh, for Windows (run by CI with the runner's Python;
the program under test is the frozen build and uses none of it):

    python packaging/smoke.py PATH\\TO\\cadre-desktop.exe
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run(app: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run([app, *args], capture_output=True, env=env, timeout=600)
    print(f"$ cadre-desktop {' '.join(args)} -> {done.returncode}")
    for stream in (done.stdout, done.stderr):
        text = stream.decode("utf-8", "replace").strip()
        if text and len(text) < 2000:
            print("    " + text.replace("\n", "\n    "))
    if done.returncode != 0:
        raise SystemExit(f"failed: {args}")
    return done


def main() -> int:
    app = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="cadre-smoke-") as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
                   APPDATA=str(home / "Roaming"), LOCALAPPDATA=str(home / "Local"))
        db = str(home / "demo.sqlite3")
        version = run(app, "--version", env=env).stdout.decode()
        assert version.startswith("cadre-desktop "), version
        demo = run(app, "demo", "--db", db, "--members", "300", env=env)
        assert "Đã tạo dữ liệu mẫu" in demo.stderr.decode("utf-8")
        classes = json.loads(run(app, "class", "list", "--db", db, "--json", env=env).stdout)
        pdf = home / "diem_danh.pdf"
        run(app, "print", "attendance", "--db", db, "--class", classes[0]["id"], "-o", str(pdf),
            env=env)
        assert pdf.read_bytes()[:5] == b"%PDF-", "not a PDF"
        gui = run(app, "--db", db, "--smoke-test", env=env)
        assert b"smoke test: main window shown" in gui.stderr, gui.stderr
    print("all good")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
