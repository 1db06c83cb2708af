"""Questions that leave the program's own widgets (file dialogs, a reason to type), in one
place so tests can replace them."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """A short text the clerk must type; None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal)
    return value if ok else None


def open_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def save_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path
