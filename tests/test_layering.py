"""The Qt-free core never imports PySide6, directly or through another module; the GUI
reaches the data only through the services (from the store it imports the Database type
alone)."""

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


GUI = [PACKAGE / "ui", PACKAGE / "app.py"]


def _gui_sources() -> list[Path]:
    found: list[Path] = []
    for place in GUI:
        found.extend(sorted(place.rglob("*.py")) if place.is_dir() else [place])
    return found


def _store_imports(path: Path) -> list[str]:
    """Every import of cadre_desktop.store in a file but `from ...store.db import Database`."""
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{path.name}:{node.lineno} import {a.name}" for a in node.names
                      if a.name.startswith("cadre_desktop.store")]
        elif isinstance(node, ast.ImportFrom) and node.module:
            module = node.module
            if node.level:  # relative: resolve against the file's package
                base = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                module = ".".join([*base, module])
            if not module.startswith("cadre_desktop.store") and not (
                    module == "cadre_desktop" and any(a.name == "store" for a in node.names)):
                continue
            names = [a.name for a in node.names]
            if module == "cadre_desktop.store.db" and names == ["Database"]:
                continue
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} from {module} "
                         f"import {', '.join(names)}")
    return found


def test_the_gui_reaches_the_store_through_the_services_only() -> None:
    offenders = [hit for path in _gui_sources() for hit in _store_imports(path)]
    assert offenders == []


def test_the_layering_check_sees_every_kind_of_store_import(tmp_path: Path) -> None:
    """The check itself: each way of reaching the store is caught, the Database type is not."""
    sample = PACKAGE / "ui" / "_layering_sample.py"
    cases = {
        "from cadre_desktop.store import units": 1,
        "from cadre_desktop.store.db import Database, open_database": 1,
        "import cadre_desktop.store.people": 1,
        "from cadre_desktop import store": 1,
        "from ..store import units": 1,
        "from cadre_desktop.store.db import Database": 0,
        "from cadre_desktop.services import units": 0,
    }
    try:
        for line, expected in cases.items():
            sample.write_text(line + "\n", "utf-8")
            assert len(_store_imports(sample)) == expected, line
    finally:
        sample.unlink(missing_ok=True)


def _import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in the file, functions too)."""
    modules = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
               .removesuffix(".__init__"): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in modules else base)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_circles() -> None:
    graph = _import_graph()
    circles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for node in graph:
        if node not in index:
            visit(node)
    assert circles == []
