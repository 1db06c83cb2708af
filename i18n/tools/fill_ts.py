"""Fill a Qt Linguist .ts file from a hand-written table of translations, and check it.

Translating hundreds of messages in Linguist is slow; a table in a Python file is quicker to
write and review. The table file defines ``CTX`` ({(context, source): translation}) and may
define ``DEFAULT`` ({source: translation}, used when no (context, source) entry exists). A
numerus message takes one string (a single plural form, as Vietnamese has) or a list of forms:

    python i18n/tools/fill_ts.py i18n/cadre_desktop_vi.ts /tmp/vi_table.py --language vi_VN

Messages the table covers are set and marked finished (``--keep`` leaves messages that are
already finished alone). Afterwards the tool lists what is still unfinished and what looks
wrong: placeholders (%1, %n, %Ln) or line breaks that differ from the source, leading or
trailing spaces lost, an ``&`` accelerator that is not on a plain a–z letter, and the same
accelerator letter used twice in one context. ``--check`` only checks (exit status 1 when
something is unfinished or wrong). The file is written back with its DOCTYPE line; run
``make update-translations`` afterwards to get lupdate's own layout.
"""

from __future__ import annotations

import argparse
import re
import runpy
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
PLACEHOLDER = re.compile(r"%L?n|%\d+")
ACCELERATOR = re.compile(r"&(.)")


def _text(element: ET.Element | None) -> str:
    return "" if element is None else (element.text or "")


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [_text(form) for form in translation.findall("numerusform")]
    return [_text(translation)]


def _set(message: ET.Element, value: str | list[str]) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in [value] if isinstance(value, str) else value:
            ET.SubElement(translation, "numerusform").text = form
    else:
        if not isinstance(value, str):
            raise ValueError(f"not a numerus message: {message.findtext('source')!r}")
        translation.text = value


def accelerators(text: str) -> list[str]:
    """The accelerator characters of a text ("&&" is a literal ampersand)."""
    return [c for c in ACCELERATOR.findall(text.replace("&&", "")) if c != "&"]


def problems(context: str, source: str, forms: list[str]) -> list[str]:
    found = []
    for form in forms:
        if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
            found.append(f"placeholders differ: {form!r}")
        if form.count("\n") != source.count("\n"):
            found.append(f"line breaks differ: {form!r}")
        if (source[:1].isspace(), source[-1:].isspace()) != (form[:1].isspace(),
                                                               form[-1:].isspace()):
            found.append(f"leading/trailing space differs: {form!r}")
        for char in accelerators(form):
            if not ("a" <= char.lower() <= "z"):
                found.append(f"accelerator on {char!r}: {form!r}")
    return [f"{context} / {source!r}: {p}" for p in found]


def fill(root: ET.Element, table: Mapping[tuple[str, str], Any], default: Mapping[str, Any],
         keep: bool) -> tuple[int, set[tuple[str, str]]]:
    filled, used = 0, set()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            value = table.get((name, source), default.get(source))
            if (name, source) in table:
                used.add((name, source))
            if value is None:
                continue
            translation = message.find("translation")
            if keep and translation is not None and translation.get("type") is None:
                continue
            _set(message, value)
            filled += 1
    return filled, used


def check(root: ET.Element) -> tuple[list[str], list[str]]:
    """(unfinished messages, problems)."""
    unfinished, wrong = [], []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        letters: dict[str, list[str]] = defaultdict(list)
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            forms = _forms(message)
            if translation is None or translation.get("type") == "unfinished" or not all(
                    forms) or not forms:
                unfinished.append(f"{name} / {source!r}")
                continue
            wrong.extend(problems(name, source, forms))
            for char in accelerators(forms[0]):
                letters[char.lower()].append(forms[0])
        for char, texts in letters.items():
            if len(texts) > 1:
                wrong.append(f"{name}: accelerator '{char}' used by {texts}")
    return unfinished, wrong


def write(root: ET.Element, path: Path) -> None:
    # lupdate's layout: <context> at the margin, its contents indented by four spaces.
    root.text = "\n"
    for context in root:
        ET.indent(context, space="    ", level=0)
        context.tail = "\n"
    body = ET.tostring(root, encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ts", type=Path)
    parser.add_argument("table", type=Path, nargs="?", help="Python file defining CTX/DEFAULT")
    parser.add_argument("--language", help="set the TS language attribute, e.g. vi_VN")
    parser.add_argument("--source-language", default="en")
    parser.add_argument("--keep", action="store_true",
                        help="leave messages that are already finished alone")
    parser.add_argument("--check", action="store_true", help="only check, do not write")
    args = parser.parse_args(argv)

    tree = ET.parse(args.ts)
    root = tree.getroot()
    if not args.check:
        if args.language:
            root.set("language", args.language)
        root.set("sourcelanguage", args.source_language)
        if args.table is not None:
            names = runpy.run_path(str(args.table))
            table, default = names.get("CTX", {}), names.get("DEFAULT", {})
            filled, used = fill(root, table, default, args.keep)
            print(f"filled {filled} messages", file=sys.stderr)
            for key in sorted(set(table) - used):
                print(f"table entry not in the .ts: {key}", file=sys.stderr)
        write(root, args.ts)
    unfinished, wrong = check(root)
    total = sum(1 for _ in root.iter("message"))
    print(f"{total} messages, {len(unfinished)} unfinished, {len(wrong)} problems",
          file=sys.stderr)
    for line in unfinished:
        print(f"unfinished: {line}", file=sys.stderr)
    for line in wrong:
        print(f"problem: {line}", file=sys.stderr)
    return 1 if args.check and (unfinished or wrong) else 0


if __name__ == "__main__":
    sys.exit(main())
