"""Record ids and timestamps, for every store module (kept apart from store.db, which
seeds the default lists and so imports the modules that need these)."""

from __future__ import annotations

import datetime as dt
import uuid


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_id() -> str:
    return str(uuid.uuid4())


# The default lists' ids are derived from their kind and code, so that every office (and a
# province holding several) gives a default item the same id.
_DEFAULTS = uuid.UUID("5b0e61a2-7c1f-4f0e-9a57-3c1f0d2b8e11")


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_DEFAULTS, ":".join(parts)))
