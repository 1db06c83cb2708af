"""`print attendance` pays only for what it prints: importing cadre_desktop.printing loads
none of the documents' modules (nor reportlab), and printing an attendance sheet loads the
attendance sheet's modules alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cadre_desktop.store.db import Database
from test_printing import PEOPLE, _class, _office, _people

_LOADED = ("import sys\n{body}\n"
           "print(' '.join(sorted(m for m in sys.modules\n"
           "    if m.startswith(('cadre_desktop.printing', 'reportlab.platypus')))))\n")


def _modules(body: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _LOADED.format(body=body)], check=True,
                         capture_output=True, text=True).stdout
    return set(out.split())


def test_importing_printing_loads_no_document() -> None:
    assert _modules("import cadre_desktop.printing") == {"cadre_desktop.printing"}


def test_an_attendance_sheet_loads_its_own_modules_only(db: Database, tmp_path: Path) -> None:
    ids = _people(db, _office(db), PEOPLE)
    class_id = _class(db, list(ids.values()), 4)
    loaded = _modules(
        "from cadre_desktop.store.db import open_database\n"
        "from cadre_desktop.printing import print_attendance\n"
        f"db = open_database({str(db.path)!r}, read_only=True)\n"
        f"print_attendance(db, {class_id!r}, {str(tmp_path / 'a.pdf')!r})\n")
    assert "cadre_desktop.printing.attendance" in loaded
    others = {"certificate", "participants", "schedule", "member_forms", "member_data",
              "rotation_forms", "rotation_data", "form_parts", "lists"}
    assert not {f"cadre_desktop.printing.{name}" for name in others} & loaded
