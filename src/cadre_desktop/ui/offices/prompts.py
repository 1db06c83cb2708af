"""The file and folder questions of the office pages, in one place so tests can replace
them (the passphrase has its own seam in ui/passphrase_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

BUNDLE_FILTER = "*.cadre"


def open_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def open_file_names(parent: QWidget | None, title: str, start: str,
                    filters: str) -> list[str]:
    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(paths)


def save_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


def folder(parent: QWidget | None, title: str, start: str) -> str:
    """A folder (or a removable drive) to write into; '' when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start)
