"""Questions that leave the program's own widgets (file and folder dialogs, the system
PDF viewer, a reason to type), in one place so tests can replace them (the passphrase has
its own seam in ui/passphrase_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """A short text the clerk must type; None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal)
    return value if ok else None


def open_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def open_file_names(parent: QWidget | None, title: str, start: str,
                    filters: str) -> list[str]:
    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(paths)


def folder(parent: QWidget | None, title: str, start: str) -> str:
    """A folder (or a removable drive) to write into; '' when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start)


def save_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path
