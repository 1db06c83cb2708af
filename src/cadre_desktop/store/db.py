"""Opening an office database: pragmas, migrations, the local office record."""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.store import migrate
from cadre_desktop.store.tx import Transaction


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_id() -> str:
    return str(uuid.uuid4())


def default_clerk() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors on odd systems; the name is cosmetic
        return "clerk"


class Database:
    """One SQLite connection to one office file. Not shared between threads:
    a worker thread opens its own Database on the same path."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.clerk = default_clerk()
        self._office_id: str | None = None

    @property
    def office_id(self) -> str:
        if self._office_id is None:
            row = self.conn.execute("SELECT id FROM office WHERE is_self = 1").fetchone()
            if row is None:
                raise DatabaseError("Tệp dữ liệu không có thông tin đơn vị (office)")
            self._office_id = str(row[0])
        return self._office_id

    @contextmanager
    def write(self, label: str, undoable: bool = True) -> Iterator[Transaction]:
        """One user action: one SQLite transaction with its audit entries."""
        if self.read_only:
            raise DatabaseError("Tệp dữ liệu đang mở ở chế độ chỉ đọc")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            cur = self.conn.execute(
                "INSERT INTO txn (at, clerk, label, undoable) VALUES (?, ?, ?, ?)",
                (now_utc(), self.clerk, label, int(undoable)),
            )
            tx = Transaction(self.conn, int(cur.lastrowid or 0), self.office_id, now_utc())
            yield tx
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            if tx.changes == 0 and not tx.keep_empty:
                self.conn.execute("DELETE FROM txn WHERE id = ?", (tx.txn_id,))
            self.conn.execute("COMMIT")

    def setting(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def close(self) -> None:
        self.conn.close()


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_database(path: str | Path, *, create: bool = True, read_only: bool = False) -> Database:
    """Open (and create or migrate) an office database.

    read_only: for commands that only read. The file must exist and be current; it is
    never written. Otherwise a missing file is created as a new, empty office database
    when create is true.
    """
    path = Path(path)
    exists = path.exists()
    if not exists and (read_only or not create):
        raise DatabaseError(f"Không tìm thấy tệp dữ liệu: {path}")
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = _connect(path, read_only)
        version = migrate.current_version(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"Tệp {path.name} không phải tệp dữ liệu Cadre Desktop ({exc})"
        ) from exc
    try:
        if read_only:
            migrate.refuse_if_newer(conn, path)
            if version < migrate.latest_version():
                raise DatabaseError(
                    f"Tệp dữ liệu {path.name} cần được nâng cấp: hãy mở nó bằng chương trình "
                    "(hoặc một lệnh ghi) trước"
                )
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate.migrate(conn, path)
            _ensure_defaults(conn)
            _ensure_derived(conn)
    except BaseException:
        conn.close()
        raise
    return Database(conn, path, read_only)


def _ensure_derived(conn: sqlite3.Connection) -> None:
    """What depends on the office's place in the tree: the triggers behind delta bundles
    for every synchronised table of an office that has an office above it (a table added
    by a migration gets them the first time the database is opened), none in a province;
    the people search index of an office with offices below it."""
    from cadre_desktop.store import person_search, sync_changes

    statements = sync_changes.trigger_changes(conn) + person_search.missing_statements(conn)
    if not statements:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _ensure_defaults(conn: sqlite3.Connection) -> None:
    """The local office record and the default lists, added once per defaults version so
    that a migration's new lists reach existing databases too (never overwriting edits)."""
    from cadre_desktop.store import seed_data

    row = conn.execute("SELECT id FROM office WHERE is_self = 1").fetchone()
    have = conn.execute("SELECT value FROM setting WHERE key = 'defaults_version'").fetchone()
    if row and have and int(have[0]) >= seed_data.DEFAULTS_VERSION:
        return
    stamp = now_utc()
    conn.execute("BEGIN IMMEDIATE")
    try:
        if row:
            office_id = str(row[0])
        else:
            office_id = new_id()
            conn.execute(
                "INSERT INTO office (id, code, name, is_self, created_at, updated_at) "
                "VALUES (?, '', '', 1, ?, ?)",
                (office_id, stamp, stamp),
            )
        seed_data.insert_defaults(conn, office_id, stamp)
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('defaults_version', ?)",
            (str(seed_data.DEFAULTS_VERSION),),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
