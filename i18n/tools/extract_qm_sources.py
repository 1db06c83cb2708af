"""Rebuild the message list of i18n/qtbase_vi.ts from a compiled Qt translation (.qm).

Qt ships no Vietnamese ``qtbase`` translation, so the standard buttons and dialogs are translated
by our own ``i18n/qtbase_vi.ts``. Qt finds a translation by (context, source text, comment), so
the source strings must match Qt's exactly, accelerator ``&`` and ``%1`` included. The only copy
of them that PySide6 ships is inside the compiled translations for other languages; this tool
reads one of those (German is the most complete) and writes a Linguist .ts file for the chosen
contexts, keeping the translations of an existing .ts. After a Qt upgrade:

    QT_TR="$(python -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)')"
    python i18n/tools/extract_qm_sources.py "$QT_TR/Qt/translations/qtbase_de.qm" \\
        --merge i18n/qtbase_vi.ts -o i18n/qtbase_vi.ts

New messages come out as ``type="unfinished"`` (lrelease skips them, Qt then shows English) and
messages Qt no longer has come out as ``type="vanished"`` unless ``--no-obsolete`` is given; the
counts are printed on stderr. ``--list`` shows the contexts of a .qm with their message counts.

Limits: a message the reference language left untranslated is not in its .qm, so it is missing
here too (give several .qm files to take the union). Plural messages are recognised by having
more than one translation, so the reference language must have at least two plural forms.

The .qm layout (Qt's ``qtranslator.cpp``): a 16-byte magic, then sections of tag (1 byte) +
length (4 bytes, big-endian). The messages section (0x69) is a run of records of tagged fields
ending with tag 1: 3 = translation (4-byte length + UTF-16BE text, 0xFFFFFFFF for a null one;
repeated for each plural form), 6 = source text, 7 = context, 8 = comment (each 4-byte length +
UTF-8 bytes), 5 = obsolete 4-byte field, 2 and 4 = obsolete length-prefixed fields.
"""

from __future__ import annotations

import argparse
import struct
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
SECTION_MESSAGES = 0x69

FIELD_END = 1
FIELD_OBSOLETE2 = 2
FIELD_TRANSLATION = 3
FIELD_OBSOLETE4 = 4
FIELD_OBSOLETE1 = 5
FIELD_SOURCE = 6
FIELD_CONTEXT = 7
FIELD_COMMENT = 8
NULL_LENGTH = 0xFFFFFFFF

# Contexts whose text a widgets application shows on Linux and Windows: standard buttons,
# message boxes, wizards, file/print/colour/font dialogs, edit context menus, scroll bars, undo
# actions, accessibility action names. Left out on purpose: QShortcut (key names: Vietnamese
# software writes Ctrl, Shift, Alt, Del, Enter, Esc as printed on the keys, which is what Qt
# shows without a translation), QGuiApplication (command-line help and QT_LAYOUT_DIRECTION,
# whose absence means left-to-right), macOS/Android/Windows-plugin contexts, networking, SQL
# drivers, XML, regular expressions and other developer-facing error texts.
DEFAULT_CONTEXTS: tuple[str, ...] = (
    "CloseButton",
    "Print Device Input Slot",
    "Print Device Output Bin",
    "QAbstractFileIconProvider",
    "QAbstractSpinBox",
    "QAccessibleActionInterface",
    "QApplication",
    "QColorDialog",
    "QComboBox",
    "QCupsJobWidget",
    "QCupsPrinterSupport",
    "QDialog",
    "QDialogButtonBox",
    "QDockWidget",
    "QErrorMessage",
    "QFileDialog",
    "QFileSystemModel",
    "QFontDatabase",
    "QFontDialog",
    "QGnomeTheme",
    "QInputDialog",
    "QKeySequenceEdit",
    "QLineEdit",
    "QMdiArea",
    "QMdiSubWindow",
    "QMessageBox",
    "QPageSetupWidget",
    "QPageSize",
    "QPlatformTheme",
    "QPrintDialog",
    "QPrintPreviewDialog",
    "QPrintPropertiesDialog",
    "QPrintPropertiesWidget",
    "QPrintSettingsOutput",
    "QPrintWidget",
    "QProgressBar",
    "QProgressDialog",
    "QScrollBar",
    "QStandardPaths",
    "QTabBar",
    "QUndoGroup",
    "QUndoModel",
    "QUndoStack",
    "QUnicodeControlCharacterMenu",
    "QWhatsThisAction",
    "QWidget",
    "QWidgetTextControl",
    "QWizard",
)

Key = tuple[str, str, str]  # (context, source, comment): what Qt looks a message up by


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    translations: list[str] = field(default_factory=list)
    status: str = "unfinished"  # "", "unfinished" or "vanished", as in the .ts type attribute

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


class QmFormatError(ValueError):
    pass


def _sections(data: bytes) -> dict[int, bytes]:
    if data[:16] != QM_MAGIC:
        raise QmFormatError("not a Qt .qm file (bad magic)")
    sections: dict[int, bytes] = {}
    pos = 16
    while pos < len(data):
        if pos + 5 > len(data):
            raise QmFormatError(f"truncated section header at byte {pos}")
        tag = data[pos]
        (length,) = struct.unpack_from(">I", data, pos + 1)
        sections[tag] = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    return sections


def parse_qm(data: bytes) -> list[Message]:
    """The messages stored in a .qm file (translations as the reference language has them)."""
    block = _sections(data).get(SECTION_MESSAGES, b"")
    messages: list[Message] = []
    pos = 0
    fields: dict[int, bytes] = {}
    translations: list[str] = []

    def read_blob() -> bytes:
        nonlocal pos
        (length,) = struct.unpack_from(">I", block, pos)
        pos += 4
        if length == NULL_LENGTH:
            return b""
        blob = block[pos : pos + length]
        pos += length
        return blob

    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == FIELD_END:
            if FIELD_SOURCE in fields or FIELD_CONTEXT in fields:
                messages.append(Message(
                    context=fields.get(FIELD_CONTEXT, b"").decode("utf-8"),
                    source=fields.get(FIELD_SOURCE, b"").decode("utf-8"),
                    comment=fields.get(FIELD_COMMENT, b"").decode("utf-8"),
                    numerus=len(translations) > 1,
                    translations=translations,
                ))
            fields, translations = {}, []
        elif tag == FIELD_TRANSLATION:
            translations.append(read_blob().decode("utf-16-be"))
        elif tag in (FIELD_SOURCE, FIELD_CONTEXT, FIELD_COMMENT):
            fields[tag] = read_blob()
        elif tag == FIELD_OBSOLETE1:
            pos += 4
        elif tag in (FIELD_OBSOLETE2, FIELD_OBSOLETE4):
            read_blob()
        else:
            raise QmFormatError(f"unknown message field tag {tag:#x} at byte {pos - 1}")
    return messages


def read_qm_files(paths: Iterable[Path]) -> list[Message]:
    """The union of the messages of several .qm files; the first file wins on duplicates."""
    seen: dict[Key, Message] = {}
    for path in paths:
        for message in parse_qm(path.read_bytes()):
            seen.setdefault(message.key, message)
    return list(seen.values())


def read_ts(path: Path) -> dict[Key, Message]:
    """The messages of an existing .ts file with their translations and status."""
    result: dict[Key, Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for element in context.iter("message"):
            translation = element.find("translation")
            forms: list[str] = []
            status = ""
            if translation is not None:
                status = translation.get("type", "")
                numerus_forms = translation.findall("numerusform")
                forms = ([f.text or "" for f in numerus_forms] if numerus_forms
                         else [translation.text or ""])
            message = Message(name, element.findtext("source", ""),
                              element.findtext("comment", ""),
                              element.get("numerus") == "yes", forms, status)
            result[message.key] = message
    return result


def merge(fresh: Sequence[Message], old: dict[Key, Message], keep_vanished: bool,
          ) -> tuple[list[Message], Counter[str]]:
    """Qt's current messages with the translations kept from ``old``."""
    counts: Counter[str] = Counter()
    merged: list[Message] = []
    for message in fresh:
        previous = old.get(message.key)
        if previous is not None and previous.status != "vanished" and any(previous.translations):
            merged.append(Message(*message.key, message.numerus, previous.translations,
                                  previous.status))
            counts["kept"] += 1
        else:
            merged.append(Message(*message.key, message.numerus, [], "unfinished"))
            counts["new"] += 1
    fresh_keys = {m.key for m in fresh}
    for key, previous in old.items():
        if key not in fresh_keys and previous.status != "vanished":
            counts["vanished"] += 1
            if keep_vanished:
                previous.status = "vanished"
                merged.append(previous)
    return merged, counts


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def render_ts(messages: Iterable[Message], language: str) -> str:
    """A .ts document in lupdate's layout, contexts and messages sorted for stable diffs."""
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{_escape(language)}" sourcelanguage="en">']
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        for message in sorted(by_context[context], key=lambda m: (m.source, m.comment)):
            numerus = ' numerus="yes"' if message.numerus else ""
            status = f' type="{message.status}"' if message.status else ""
            lines += [f"    <message{numerus}>",
                      f"        <source>{_escape(message.source)}</source>"]
            if message.comment:
                lines.append(f"        <comment>{_escape(message.comment)}</comment>")
            if message.numerus:
                lines.append(f"        <translation{status}>")
                lines += [f"            <numerusform>{_escape(form)}</numerusform>"
                          for form in message.translations or [""]]
                lines.append("        </translation>")
            else:
                text = _escape(message.translations[0]) if message.translations else ""
                lines.append(f"        <translation{status}>{text}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("qm", nargs="+", type=Path, help="reference .qm file(s), e.g. qtbase_de.qm")
    parser.add_argument("-o", "--output", type=Path, help="the .ts to write (default: stdout)")
    parser.add_argument("--merge", type=Path, help="existing .ts whose translations are kept")
    parser.add_argument("--language", default="vi_VN", help="language attribute of the .ts")
    parser.add_argument("--contexts", help="comma-separated contexts to take besides those "
                        "already in the --merge file (default: the UI contexts)")
    parser.add_argument("--all-contexts", action="store_true", help="take every context")
    parser.add_argument("--no-obsolete", action="store_true",
                        help="drop translations of messages Qt no longer has")
    parser.add_argument("--list", action="store_true", help="list contexts with message counts")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    messages = read_qm_files(args.qm)
    if args.list:
        for context, count in sorted(Counter(m.context for m in messages).items()):
            mark = "*" if context in DEFAULT_CONTEXTS else " "
            print(f"{mark} {count:4d}  {context}")
        return 0
    old = read_ts(args.merge) if args.merge and args.merge.exists() else {}
    if not args.all_contexts:
        wanted = set(args.contexts.split(",")) if args.contexts else set(DEFAULT_CONTEXTS)
        # A context the .ts already translates stays in, so that --contexts only adds.
        wanted |= {m.context for m in old.values() if m.status != "vanished"}
        messages = [m for m in messages if m.context in wanted]
    merged, counts = merge(messages, old, keep_vanished=not args.no_obsolete)
    text = render_ts(merged, args.language)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(messages)} messages: {counts['kept']} translated, {counts['new']} new "
          f"(unfinished), {counts['vanished']} no longer in Qt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
