"""Helpers for the office and bundle GUI tests: the questions that leave the program's own
widgets (passphrase, files, folders, message boxes) answered by the test, and waiting for
the ops (ui.kit.ops: bundles, receipts, keys) to end."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bundle_helpers import PASS
from cadre_desktop.ui import messages, passphrase_dialog
from cadre_desktop.ui.kit import ops, prompts


@dataclass
class Answers:
    """What the clerk would answer; every question asked is recorded."""

    passphrase: str | None = PASS
    open_file: str = ""
    open_files: list[str] = field(default_factory=list)
    save_file: str = ""
    folder: str = ""
    text: str | None = "máy tính bị mất"
    confirm: bool = True
    asked: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)


def answer(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def ask_passphrase(_parent: object, title: str, _text: str, new: bool = False) -> str | None:
        given.asked.append(f"passphrase{' (new)' if new else ''}: {title}")
        return given.passphrase

    def save_file_name(_parent: object, title: str, start: str, _filters: str) -> str:
        given.asked.append(f"save: {title} [{Path(start).name}]")
        return given.save_file

    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", ask_passphrase)
    monkeypatch.setattr(prompts, "open_file_name", lambda *_a: given.open_file)
    monkeypatch.setattr(prompts, "open_file_names", lambda *_a: list(given.open_files))
    monkeypatch.setattr(prompts, "save_file_name", save_file_name)
    monkeypatch.setattr(prompts, "folder", lambda *_a: given.folder)
    monkeypatch.setattr(messages, "inform", lambda _p, _t, text: given.informed.append(text))
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: given.warned.append(text))
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: given.confirm)
    monkeypatch.setattr(messages, "ask_text", lambda *_a, **_k: given.text)
    return given


def running_ops() -> int:
    return sum(len(runner.running) for runner in ops._runners.values())


def wait_jobs(qtbot: QtBot) -> None:
    """Until every op's thread has ended and its outcome was handed over (the runner
    forgets an op once its outcome has been handed over)."""
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=60000)
