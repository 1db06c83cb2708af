"""Opening an office database: pragmas, migrations, the local office record."""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cadre_desktop.domain.errors import DatabaseError
from cadre_desktop.store import files, lock, migrate
from cadre_desktop.store.ids import new_id as new_id  # re-exported: callers of old
from cadre_desktop.store.ids import now_utc as now_utc
from cadre_desktop.store.tx import Transaction

# Set by the command line for the length of one command: every database opened for
# writing then takes the one-writer lock (store.lock) until it is closed. The GUI takes
# that lock once for its window instead (app.py), so it leaves this off.
BUSY_TIMEOUT_MS = 5000  # how long a statement waits for another connection's write
_writer_lock_who: str | None = None
_held: dict[Path, list[Any]] = {}  # path -> [lock, number of open databases using it]


@contextmanager
def cli_writer_locks(who: str) -> Iterator[None]:
    """While inside, open_database(...) for writing takes the writer lock as `who`."""
    global _writer_lock_who
    previous, _writer_lock_who = _writer_lock_who, who
    try:
        yield
    finally:
        _writer_lock_who = previous
        if previous is None:  # the command is over: a database left open lets go too
            for key in list(_held):
                held, _count = _held.pop(key)
                held.release()


def _take_writer_lock(path: Path) -> Path | None:
    if _writer_lock_who is None:
        return None
    key = path.resolve()
    if key in _held:  # the same command opening the file twice
        _held[key][1] += 1
    else:
        _held[key] = [lock.acquire(path, _writer_lock_who), 1]
    return key


def _release_writer_lock(key: Path | None) -> None:
    if key is None or key not in _held:
        return
    _held[key][1] -= 1
    if _held[key][1] <= 0:
        held, _count = _held.pop(key)
        held.release()


def default_clerk() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors on odd systems; the name is cosmetic
        return "clerk"


class Database:
    """One SQLite connection to one office file. Not shared between threads:
    a worker thread opens its own Database on the same path."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool,
                 writer_lock: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.clerk = default_clerk()
        self.closed = False
        self._office_id: str | None = None
        self._writer_lock = writer_lock

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
            if tx.changes == 0 and not tx.keep_empty:
                self.conn.execute("DELETE FROM txn WHERE id = ?", (tx.txn_id,))
            self.conn.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself fails (a full disk): SQLite may keep the transaction
            # open, and the data must stay exactly as it was before the action.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def setting(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def close(self) -> None:
        self.closed = True
        try:
            self.conn.close()
        finally:
            _release_writer_lock(self._writer_lock)
            self._writer_lock = None


def _connect(path: Path, read_only: bool, immutable: bool = False) -> sqlite3.Connection:
    if read_only:
        # immutable: a file no one can write (a read-only folder or medium), read
        # without the -shm file SQLite could not create there.
        query = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
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
    if exists:
        files.check_database_file(path)
    held = None if read_only else _take_writer_lock(path)
    try:
        return _open(path, exists, read_only, held)
    except BaseException:
        _release_writer_lock(held)
        raise


def _open(path: Path, exists: bool, read_only: bool, held: Path | None) -> Database:
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True)
        files.create_private(path)  # personal data: readable by its owner only
    conn: sqlite3.Connection | None = None
    try:
        try:
            conn = _connect(path, read_only)
            version = migrate.current_version(conn)
        except sqlite3.OperationalError:
            if not (read_only and exists and not files.folder_writable(path)):
                raise
            # A database in WAL mode in a folder we cannot write: SQLite cannot make its
            # -shm file, so the read-only open fails. No one can write the file there.
            if conn is not None:
                conn.close()
            conn = _connect(path, read_only, immutable=True)
            version = migrate.current_version(conn)
        if exists and version == 0:
            files.refuse_foreign_sqlite(conn, path)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise DatabaseError(
                f"Tệp {path.name} không phải tệp dữ liệu Cadre Desktop hoặc đã bị hỏng; tệp "
                "không bị thay đổi."
            ) from exc
        raise
    if not read_only:
        files.make_private(path)
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
    return Database(conn, path, read_only, held)


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
