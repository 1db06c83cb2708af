"""The one handle every store function takes.

Reads take `db: Handle`, satisfied by both an open `Database` and a `Transaction` inside
one, so a service can read and write through the same handle within one user action.
Writes take the `Transaction` itself: every change is audited, and the audit is the
transaction's job. No store function takes a bare sqlite3 connection from outside the
store (migrations and seeding, which run before a Database exists, are the exception).
"""

from __future__ import annotations

import sqlite3
from typing import Protocol


class Handle(Protocol):
    @property
    def conn(self) -> sqlite3.Connection: ...

    @property
    def office_id(self) -> str: ...
