"""Opening a library: one SQLite file, WAL, foreign keys, versioned schema.

Every write goes through ``Library.transaction()`` (BEGIN IMMEDIATE ... COMMIT),
so a crash leaves either all of a change or none of it.  Before a migration
the file is copied with SQLite's online backup API to a timestamped file next
to it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ..core.article import display_title
from .errors import LibraryCorrupt, LibraryError, LibraryTooNew
from .lock import LibraryLock
from .schema import MIGRATIONS, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Library:
    """An open library.  Not thread-safe: use one Library per thread or serialise."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: LibraryLock | None, readonly: bool):
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.readonly = readonly
        self._lock = lock
        self._depth = 0
        self._thread = threading.get_ident()

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        if self.conn is not None:
            try:
                if not self.readonly:
                    self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions ----------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction; a nested call is a savepoint inside the outer one.

        An exception rolls back only the innermost level, so a batch can wrap
        many per-article transactions and one failing article leaves no rows
        while the others stay.
        """
        if self.readonly:
            raise LibraryError("This library is open read-only; changes cannot be saved.")
        level = self._depth
        self.conn.execute("BEGIN IMMEDIATE" if level == 0 else f"SAVEPOINT sp{level}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self._depth -= 1
            if level == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{level}")
                self.conn.execute(f"RELEASE sp{level}")
            raise
        else:
            self._depth -= 1
            self.conn.execute("COMMIT" if level == 0 else f"RELEASE sp{level}")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def schema_version(self) -> int:
        return _read_version(self.conn)


def _read_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def _check_file(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file.")
    if path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head != _SQLITE_MAGIC:
        raise LibraryCorrupt(f"{path} is not a Briefbook library (it is not an SQLite database file).")


def backup_file(conn: sqlite3.Connection, path: Path, label: str) -> Path:
    """Copy the open database to ``<name>.<label>-<timestamp>.bak`` with the online backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}.bak")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def open_library(path: str | Path, readonly: bool = False, create: bool = True, daily_backup: bool = False) -> Library:
    """Open (and create or migrate) the library at ``path``.

    Raises LibraryBusy when another process has it open, LibraryTooNew for a
    file from a newer Briefbook, LibraryCorrupt for a file that is not a
    library, LibraryError for anything else a user must act on.
    """
    path = Path(path).expanduser()
    _check_file(path)
    if not path.exists():
        if readonly or not create:
            raise LibraryError(f"There is no library at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(f"Cannot create the library folder {path.parent}: {err.strerror}.") from err

    lock = None
    if not readonly:
        lock = LibraryLock(path)
        try:
            lock.acquire()
        except OSError as err:
            raise LibraryError(f"Cannot open {path} for writing: {err.strerror}.") from err
    try:
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10)
        conn.row_factory = sqlite3.Row
        conn.create_function("display_title", 2, display_title, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = NORMAL")
        version = _read_version(conn)
    except sqlite3.DatabaseError as err:
        if lock:
            lock.release()
        if "locked" in str(err) or "busy" in str(err):
            raise LibraryError(f"The library {path} is locked by another program; try again in a moment.") from err
        raise LibraryCorrupt(f"{path} is damaged or not a Briefbook library ({err}).") from err

    lib = Library(path, conn, lock, readonly)
    try:
        if version > SCHEMA_VERSION:
            raise LibraryTooNew(
                f"{path} was saved by a newer Briefbook (library version {version}; this program reads up to "
                f"{SCHEMA_VERSION}). Update Briefbook to open it."
            )
        if version < SCHEMA_VERSION:
            if readonly:
                raise LibraryError(f"{path} needs an upgrade that a read-only open cannot do.")
            migrate(lib, version)
        if daily_backup and not readonly:
            from .backup import backup_if_due

            backup_if_due(lib.conn, path)
    except BaseException:
        lib.close()
        raise
    return lib


def migrate(lib: Library, from_version: int) -> Path | None:
    """Apply migrations from ``from_version`` up; back the file up first if it held data."""
    backup = None
    if from_version > 0:
        backup = backup_file(lib.conn, lib.path, f"v{from_version}")
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        with lib.transaction() as conn:
            for statement in _split_sql(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    return backup


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (executescript would commit our transaction)."""
    statements, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        candidate = "\n".join(buf).strip()
        if candidate.endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        statements.append(rest)
    return statements
