"""The office's profile: the header lines, place, signer and document symbol printed on
every document (per-office settings)."""

from __future__ import annotations

from cadre_desktop.domain import text
from cadre_desktop.domain.doc_number import check_certificate_pattern
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.store import profile
from cadre_desktop.store.db import Database
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.profile import OfficeProfile

__all__ = ["OfficeProfile", "load_profile", "save_profile"]

# The audit label is office data read by the command line and the province, in Vietnamese
# like the other services' labels; it is not interface text.
_LABEL_SAVE = "Cập nhật thông tin đơn vị"


def load_profile(db: Handle) -> OfficeProfile:
    return profile.load_profile(db)


def save_profile(db: Database, office: OfficeProfile) -> None:
    """Save the profile; a certificate pattern that makes no numbers is refused (printing
    would fall back to the default one without a word)."""
    pattern = text.clean(office.certificate_pattern)
    problem = check_certificate_pattern(pattern) if pattern else ""
    if problem:
        raise InvalidInput(problem, "certificate_pattern")
    # Not undoable: undo replays row changes, and the profile lives in settings.
    with db.write(_LABEL_SAVE, undoable=False) as tx:
        profile.save_profile(tx, office)
