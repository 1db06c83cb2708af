"""Helpers for bulk work (imports of sheets and bundles), shared by the Qt-free packages."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    A big sheet or bundle makes hundreds of thousands of small lists and dicts that all
    live until the work ends, so every collection walks them all and frees nothing (about
    a tenth of an import's time). Reference counting still frees everything else.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
