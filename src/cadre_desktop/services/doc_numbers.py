"""Document numbers as the office's settings make them, for the number fields of the GUI:
the line the paper will show while the clerk types ("Số: 15-DS/ĐTN") and, when what was
typed cannot be used, why."""

from __future__ import annotations

from cadre_desktop.domain.doc_number import NumberCheck, check_number
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.profile import load_profile

# The kind of each class document in its number ("DS": danh sách, "TB": thông báo).
KINDS = {"attendance": "DS", "participants": "DS", "schedule": "TB"}


def number_preview(db: Handle, typed: str, kind: str = "DS") -> NumberCheck:
    """What the number typed gives on a document of `kind`: `line` is the paper's
    "Số: 15-DS/ĐTN" (a blank to fill when nothing is typed), `message` why it cannot be
    used ('' when it can)."""
    return check_number(typed, kind, load_profile(db).doc_suffix)
