"""What the start page's sections share: a section shows its part of the overview
(services.start) and may ask to open another page at a target."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox

from cadre_desktop.services.start import StartOverview

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class StartSection(QGroupBox):
    navigate = Signal(str, object)  # page key, what to show there

    def show_overview(self, overview: StartOverview) -> None:
        raise NotImplementedError
