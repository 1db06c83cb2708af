"""The clerk's words for a failure of SQLite or of the disk (see store.failures), for the
GUI and the command line alike."""

from __future__ import annotations

from cadre_desktop.store.failures import explain

__all__ = ["explain"]
