"""Numbered migrations: each applied with its record in one transaction.

Files in migrations/ are named NNNN_name.sql. PRAGMA user_version holds the number of
the last one applied; a database whose number is higher than any we know was written
by a newer program and is refused. Before migrating an existing database a copy of the
file is taken next to it.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.store import files

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    found = []
    for entry in resources.files("cadre_desktop.store.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbers have a gap at {expected}")
    return found


def latest_version() -> int:
    return len(available())


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_if_newer(conn: sqlite3.Connection, path: Path) -> None:
    version = current_version(conn)
    if version > latest_version():
        raise DatabaseError(
            f"Tệp dữ liệu {path.name} được tạo bởi phiên bản Cadre Desktop mới hơn "
            f"(lược đồ {version}, chương trình này hiểu đến {latest_version()}). "
            "Hãy cập nhật chương trình; tệp không bị thay đổi."
        )


def backup_before_migrating(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    target = path.with_name(f"{path.stem}.before-v{version + 1}{path.suffix or '.sqlite3'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.before-v{version + 1}-{n}{path.suffix or '.sqlite3'}")
    files.create_private(target)  # a copy of the office's personal data: owner only
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def migrate(conn: sqlite3.Connection, path: Path) -> list[int]:
    """Apply pending migrations; returns the versions applied."""
    refuse_if_newer(conn, path)
    version = current_version(conn)
    pending = [m for m in available() if m.version > version]
    if not pending:
        return []
    if version > 0:
        backup_before_migrating(conn, path, version)
    applied = []
    for migration in pending:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        record = (
            "CREATE TABLE IF NOT EXISTS schema_migration ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);\n"
            f"INSERT INTO schema_migration VALUES ({migration.version}, "
            f"'{migration.name}', '{now}');\n"
            f"PRAGMA user_version = {migration.version};\n"
        )
        # executescript commits any open transaction first, so BEGIN/COMMIT are explicit
        # and a failure anywhere rolls back the schema change together with its record.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n{record}COMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise DatabaseError(
                f"Không nâng cấp được tệp dữ liệu (bước {migration.version}): {exc}"
            ) from exc
        applied.append(migration.version)
    return applied
