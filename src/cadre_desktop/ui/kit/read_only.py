"""Records another office owns are shown, never edited here (services.office_role): a
person an office below sent up, at the province; a programme, a list entry or a plan the
office above issued, at an office below. The control that would edit such a record is
disabled and its tooltip says why, in the service's words; the service refuses the edit
anyway (ReadOnlyRecord, a UserError shown as a warning) should it be reached another way.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def allow(control: QWidget | QAction, enabled: bool, reason: str | None,
          tip: str = "") -> None:
    """Enable `control` when `enabled` and no `reason` forbids it; a forbidden control is
    disabled with the reason as its tooltip, an allowed one gets back its own `tip`."""
    forbidden = enabled and reason is not None
    control.setEnabled(enabled and reason is None)
    control.setToolTip(reason if forbidden and reason is not None else tip)
