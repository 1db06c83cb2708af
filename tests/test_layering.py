"""The Qt-free core never imports PySide6, directly or through another module."""

import ast
import subprocess
import sys
from pathlib import Path

import cadre_desktop

PACKAGE = Path(cadre_desktop.__file__).parent
QT_FREE = ["domain", "store", "services", "importing", "exporting", "demo", "cli", "printing",
           "sync"]


def test_no_pyside_import_in_core_sources() -> None:
    offenders = []
    for folder in QT_FREE:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_importing_the_core_does_not_load_qt() -> None:
    modules = []
    for folder in QT_FREE:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            rel = path.relative_to(PACKAGE.parent).with_suffix("")
            modules.append(".".join(rel.parts).removesuffix(".__init__"))
    script = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
