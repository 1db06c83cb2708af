"""Files the clerk saves from the GUI (a previewed document's "Save as PDF", a copy of a
made PDF): written like every export (store.files), whole or not at all and readable by
the owner only, since a printed list names people."""

from __future__ import annotations

from pathlib import Path

from cadre_desktop.domain.errors import UserError
from cadre_desktop.store import files


def save_bytes(target: Path, data: bytes) -> None:
    """Write `data` as the file `target`; a refusal (UserError) says why it could not."""
    try:
        files.write_private(target, data)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {target}: {exc.strerror or exc}") from exc


def save_copy(source: Path, target: Path) -> None:
    """Copy the made file `source` to `target`; a refusal (UserError) says why it could not."""
    try:
        files.copy_private(source, target)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {target}: {exc.strerror or exc}") from exc
