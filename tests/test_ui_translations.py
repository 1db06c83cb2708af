"""The program's own translations: i18n/cadre_desktop_vi.ts is complete and matches the code,
the Vietnamese window shows Vietnamese, and English plural messages read "1 person".

The .qm files are build products (`make translations`). When the package's copy is missing or
older than its .ts, the tests compile a fresh one into a temporary folder, so they never check
a stale file.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cadre_desktop.app import build_main_window
from cadre_desktop.ui import i18n
from gui_support import OFFSCREEN_NOISE, Office

pytest_plugins = ["gui_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "cadre_desktop"
TS_DIR = ROOT / "i18n"
VI_TS = TS_DIR / "cadre_desktop_vi.ts"
EN_TS = TS_DIR / "cadre_desktop_en.ts"
PLACEHOLDER = re.compile(r"%L?n|%\d+")
LUPDATE_COMMAND = (
    "make update-translations\n"
    "  (or: pyside6-lupdate -no-obsolete -locations none "
    "$(find src/cadre_desktop/ui src/cadre_desktop/app.py -name '*.py' | sort) "
    "-ts i18n/cadre_desktop_vi.ts)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    finished: bool
    forms: tuple[str, ...]


def read_ts(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ()
            elif numerus:
                forms = tuple(f.text or "" for f in translation.findall("numerusform"))
            else:
                forms = (translation.text or "",)
            finished = translation is not None and translation.get("type") is None
            found.append(Message(name, message.findtext("source", ""), numerus, finished,
                                 forms))
    return found


# -- the .ts files -------------------------------------------------------------------------


def test_vietnamese_ts_is_complete_and_keeps_placeholders() -> None:
    root = ET.parse(VI_TS).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("vi_VN", "en")
    messages = read_ts(VI_TS)
    assert len(messages) > 800
    unfinished = [f"{m.context}: {m.source!r}" for m in messages
                  if not m.finished or not all(m.forms) or not m.forms]
    assert not unfinished, "Untranslated messages in i18n/cadre_desktop_vi.ts:\n" + "\n".join(
        unfinished)
    wrong = []
    for m in messages:
        if m.numerus and len(m.forms) != 1:  # Vietnamese has one plural form
            wrong.append(f"{m.context}: {m.source!r} has {len(m.forms)} plural forms")
        for form in m.forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(m.source)):
                wrong.append(f"{m.context}: {m.source!r} -> {form!r} (placeholders)")
            if form.count("\n") != m.source.count("\n"):
                wrong.append(f"{m.context}: {m.source!r} -> {form!r} (line breaks)")
    assert not wrong, "\n".join(wrong)


def test_english_ts_has_both_plural_forms() -> None:
    root = ET.parse(EN_TS).getroot()
    assert root.get("language") == "en"
    messages = read_ts(EN_TS)
    assert messages and all(m.numerus and m.finished for m in messages)
    for m in messages:
        assert len(m.forms) == 2, m.source  # one, many
        for form in m.forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(
                PLACEHOLDER.findall(m.source)), (m.source, form)
    vietnamese_plurals = {(m.context, m.source) for m in read_ts(VI_TS) if m.numerus}
    english = {(m.context, m.source) for m in messages}
    missing = sorted(vietnamese_plurals - english)
    assert not missing, (
        "Plural messages without English forms in i18n/cadre_desktop_en.ts (add each with "
        "a one and a many <numerusform>):\n" + "\n".join(f"  {c}: {s!r}" for c, s in missing))


# -- drift: strings in the code that the .ts does not have ---------------------------------


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module functions such as `def _tr(text): return translate("Ctx", text)`: name -> Ctx."""
    found = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) == 1
                and len(node.body) == 1 and isinstance(node.body[0], ast.Return)):
            continue
        call, param = node.body[0].value, node.args.args[0].arg
        if (isinstance(call, ast.Call) and _callee(call) == "translate" and len(call.args) >= 2
                and isinstance(call.args[1], ast.Name) and call.args[1].id == param):
            context = _literal(call.args[0])
            if context is not None:
                found[node.name] = context
    return found


class _Collector(ast.NodeVisitor):
    """(line, context or None when lupdate's context cannot be told, source) of each call."""

    def __init__(self, wrappers: dict[str, str]) -> None:
        self.wrappers = wrappers
        self.classes: list[str] = []
        self.found: list[tuple[int, str | None, str]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name, args = _callee(node), node.args
        if name == "tr" and args and (source := _literal(args[0])) is not None:
            on_self = (isinstance(node.func, ast.Attribute)
                       and isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
            context = self.classes[-1] if on_self and self.classes else None
            self.found.append((node.lineno, context, source))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and (
                source := _literal(args[1])) is not None:
            self.found.append((node.lineno, _literal(args[0]), source))
        elif name in self.wrappers and args and (source := _literal(args[0])) is not None:
            self.found.append((node.lineno, self.wrappers[name], source))
        self.generic_visit(node)


def code_strings() -> list[tuple[str, int, str | None, str]]:
    files = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        collector = _Collector(_wrappers(tree))
        collector.visit(tree)
        found.extend((str(path.relative_to(ROOT)), line, context, source)
                     for line, context, source in collector.found)
    return found


def test_every_string_in_the_code_is_in_the_ts() -> None:
    messages = read_ts(VI_TS)
    sources = {m.source for m in messages}
    pairs = {(m.context, m.source) for m in messages}
    found = code_strings()
    assert len(found) > 500
    missing = [f"  {path}:{line} [{context or '?'}] {source!r}"
               for path, line, context, source in found
               if source not in sources or (context is not None
                                            and (context, source) not in pairs)]
    assert not missing, (
        "These user-visible strings are not in i18n/cadre_desktop_vi.ts:\n"
        + "\n".join(missing)
        + f"\n\nRun {LUPDATE_COMMAND}\nthen translate the new messages (Qt Linguist, or "
        "i18n/tools/fill_ts.py) and run `make translations`.\n"
        "A string still missing after lupdate is one lupdate cannot see: a tr() inside an "
        "f-string, a call through a helper function, or a call in the plural-count argument "
        "(`tr(text, '', len(x))` across lines). Make it a plain self.tr(...) or "
        "QCoreApplication.translate(...) with a literal text and a simple variable, or mark the "
        "literal with QT_TRANSLATE_NOOP(context, text).")


# -- the installed translations --------------------------------------------------------------


def _lrelease() -> str:
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        beside_python = Path(sys.executable).with_name(name)
        if beside_python.is_file():
            return str(beside_python)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        pytest.fail("pyside6-lrelease not found; run `make translations`")
    return found


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with fresh cadre_desktop_vi.qm and cadre_desktop_en.qm."""
    pairs = [(TS_DIR / f"cadre_desktop_{lang}.ts", i18n.I18N_DIR / f"cadre_desktop_{lang}.qm")
             for lang in ("vi", "en")]
    if all(qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime for ts, qm in pairs):
        return i18n.I18N_DIR
    built = tmp_path_factory.mktemp("qm")
    for ts, qm in pairs:
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(built / qm.name)],
                       check=True)
    return built


@pytest.fixture
def install(qapp: QApplication, qm_dir: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QTranslator]]:
    """The translators _install() puts in (as the program does), removed afterwards."""
    monkeypatch.setattr(i18n, "I18N_DIR", qm_dir)
    locale = QLocale()
    installed: list[QTranslator] = []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def _install(qapp: QApplication, installed: list[QTranslator], language: str) -> None:
    installed.extend(i18n.install_translators(qapp, language))
    names = {Path(t.filePath()).name for t in installed}
    assert f"cadre_desktop_{language}.qm" in names, names


@OFFSCREEN_NOISE
def test_main_window_in_vietnamese(qtbot: QtBot, qapp: QApplication, office: Office,
                                   install: list[QTranslator]) -> None:
    _install(qapp, install, "vi")
    window = build_main_window(office.path)
    qtbot.addWidget(window)

    messages = read_ts(VI_TS)
    english = {m.source for m in messages}
    vietnamese = {m.forms[0] for m in messages if m.forms}
    nav = window.navigation
    titles = [nav.item(row).text() for row in range(nav.count())]
    assert titles[0] == "Tổng quan"
    assert "Cán bộ, đoàn viên" in titles
    assert all(t in vietnamese and t not in english for t in titles), titles
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Tệp", "Sửa", "Xem", "Trợ giúp"]

    model = window.roster_page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    # The headings of official lists (and of the files the program writes).
    assert headers == ["Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ",
                       "Chế độ công tác", "Số CCCD", "Điện thoại"]
    model.finish_count()
    assert window.roster_page.count_label.text() == "6 người"


def test_english_plural_forms(qapp: QApplication, install: list[QTranslator]) -> None:
    _install(qapp, install, "en")

    def people(count: int) -> str:
        return QCoreApplication.translate("RosterPage", "%Ln people", "", count)

    assert [people(n) for n in (0, 1, 2, 1000)] == ["0 people", "1 person", "2 people",
                                                      "1,000 people"]
    assert QCoreApplication.translate("SessionsTab", "Added %Ln sessions", "", 1) == (
        "Added 1 session")
    assert QCoreApplication.translate(
        "DueSummarySection", "%1 — %Ln member(s) without self-evaluation round %2, due %3", "",
        3) == "%1 — 3 members without self-evaluation round %2, due %3"
