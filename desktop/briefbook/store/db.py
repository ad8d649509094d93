"""Opening a library: one SQLite file, WAL, foreign keys, versioned schema.

Every write goes through ``Library.transaction()`` (BEGIN IMMEDIATE ... COMMIT),
so a crash leaves either all of a change or none of it.  Before a migration
the file is copied with SQLite's online backup API to a timestamped file next
to it.

What can go wrong with the file itself is turned into one clear LibraryError
each: damage (checked when a writer opens the library: ``quick_check``, and
the full ``integrity_check`` after an unclean shutdown), read-only media (the
library opens read-only), a full disk (the change in progress is dropped, the
WAL truncated so freed space is enough to go on), another program holding
the write lock (we wait a bounded time, reporting progress, then say "busy").

Each committed change also advances a counter in the file header
(``PRAGMA user_version``, unused otherwise), so a backup can tell whether the
library changed since the last one without reading it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..core.article import display_title
from .errors import LibraryBusy, LibraryCorrupt, LibraryError, LibraryFull, LibraryReadOnly, LibraryTooNew
from .lock import LibraryLock, WaitProgress
from .schema import MIGRATIONS, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_SECONDS = 30.0  # how long a write waits for another program's write lock before "library busy"
_BUSY_STEP_MS = 500  # SQLite's own wait per attempt; between attempts we report progress
WRITER_CACHE_KIB = 65_536  # the page cache of a connection that writes (SQLite's default is 2,000 KiB)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just made (sqlite3 types ``lastrowid`` as int | None)."""
    rowid = cur.lastrowid
    if rowid is None:  # only after a statement that inserted nothing
        raise RuntimeError("the statement inserted no row")  # a bug, not a library problem
    return rowid


# rows per multi-row statement: SQLite allows 32,766 bound values in one statement
_ROWS_PER_STATEMENT = 200


def execute_rows(conn: sqlite3.Connection, head: str, row: str, rows: list[tuple] | list[list], tail: str = "") -> None:
    """``head VALUES row, row, ... tail`` over ``rows`` in as few statements as the
    bound-value limit allows, the rows in the order given (ids follow it).  One
    statement for many rows instead of ``executemany``'s one statement a row:
    the writes of an import all go through the one process that stores them."""
    for i in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[i:i + _ROWS_PER_STATEMENT]
        conn.execute(f"{head} VALUES {','.join([row] * len(chunk))} {tail}",
                     [value for r in chunk for value in r])


def _code(err: sqlite3.Error) -> int:
    return (getattr(err, "sqlite_errorcode", 0) or 0) & 0xFF


def is_full(err: BaseException) -> bool:
    if isinstance(err, OSError):
        return err.errno in (errno.ENOSPC, errno.EDQUOT)
    return isinstance(err, sqlite3.Error) and (_code(err) == sqlite3.SQLITE_FULL or "disk is full" in str(err))


def is_busy(err: BaseException) -> bool:
    return isinstance(err, sqlite3.Error) and (
        _code(err) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in str(err))


def library_error(err: sqlite3.Error, path: Path) -> LibraryError | None:
    """The LibraryError a user can act on for an SQLite error, or None for a plain bug."""
    code = _code(err)
    if is_full(err):
        return LibraryFull(f"The disk holding {path.name} is full: the last change was not stored (everything "
                           "saved before it is). Free some space, then try again.")
    if is_busy(err):
        return LibraryBusy(f"Library busy: another program is writing to {path.name}. Try again when it is done.")
    if code == sqlite3.SQLITE_READONLY:
        return LibraryReadOnly(f"Read-only library: {path} cannot be written (read-only media or no "
                               "permission). Copy it to a writable folder to change it.")
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return LibraryCorrupt(f"{path.name} is damaged ({err}). Restore a backup (briefbook restore); the damaged "
                              "file is kept.")
    if code == sqlite3.SQLITE_IOERR:
        return LibraryError(f"Cannot read or write {path} ({err}).")
    return None


class Library:
    """An open library.  Not thread-safe: use one Library per thread or serialise.

    ``on_busy(waited, limit)`` is told while a write waits for another program;
    ``commit_hooks`` run after each outermost commit and ``close_hooks`` before the
    connection closes (the backup policy in store/backup.py uses both)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: LibraryLock | None, readonly: bool,
                 readonly_reason: str = ""):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self.readonly_reason = readonly_reason
        self.busy_seconds = BUSY_SECONDS
        self.on_busy: WaitProgress | None = None
        self.commit_hooks: list[Callable[[Library], None]] = []
        self.close_hooks: list[Callable[[Library], None]] = []
        self._lock = lock
        self._depth = 0
        self._flat_from: int | None = None  # the level of the innermost transaction(flat=True)
        self._lost: LibraryError | None = None  # SQLite rolled the whole transaction back (disk full...)
        self._thread = threading.get_ident()
        self._changes_counted = conn.total_changes
        # open_library(defer_clean_check=True) left the quick check of a cleanly closed
        # file to the caller (the app runs it in the background, see check_damage)
        self.damage_check_due = False

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        if self.conn is not None:
            hooks, self.close_hooks = self.close_hooks, []
            try:
                for hook in hooks:
                    hook(self)
            finally:
                self._close_connection()
        if self._lock:
            self._lock.release(clean=True)
            self._lock = None

    def _close_connection(self) -> None:
        try:
            if not self.readonly:
                if self.conn.total_changes != self._changes_counted and not self.conn.in_transaction:
                    self._count_change()  # writes made outside transaction()
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()
        self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions ----------------------------------------------------
    @contextmanager
    def transaction(self, flat: bool = False) -> Iterator[sqlite3.Connection]:
        """A transaction; a nested call is a savepoint inside the outer one.

        An exception rolls back only the innermost level, so a batch can wrap
        many per-article transactions and one failing article leaves no rows
        while the others stay.  When SQLite itself had to drop the whole
        transaction (a full disk), every level ends with the same LibraryFull,
        so no caller goes on as if its earlier work were stored.

        With ``flat``, the transactions opened inside this one are part of it and
        no savepoints of their own (two statements each, dozens per article when
        an extraction is stored): for a unit that is all or nothing and never goes
        on after a failure inside it, which rolls back the whole unit.
        """
        if self.readonly:
            raise LibraryReadOnly(self.readonly_message())
        level = self._depth
        if self._flat_from is not None and level > self._flat_from:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        if flat:
            outer_flat, self._flat_from = self._flat_from, level
            try:
                with self.transaction() as conn:
                    yield conn
            finally:
                self._flat_from = outer_flat
            return
        if level == 0:
            self._lost = None
            self._begin()
        else:
            self._savepoint(f"SAVEPOINT sp{level}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException as err:
            self._depth -= 1
            replacement = self._rollback(level, err)
            if replacement is not err:
                raise replacement from err
            raise
        else:
            self._depth -= 1
            self._commit(level)

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting at most ``busy_seconds`` for another program's write lock."""
        start = time.monotonic()
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as err:
                if not is_busy(err):
                    raise self._translate(err) from err
                waited = time.monotonic() - start
                if self.on_busy is not None:  # told at least once, however short the wait
                    self.on_busy(waited, self.busy_seconds)
                if waited >= self.busy_seconds:
                    raise LibraryBusy(
                        f"Library busy: another program has held the write lock of {self.path.name} for "
                        f"{waited:.0f} s. Nothing was changed; try again when it is done.") from err

    def _savepoint(self, sql: str) -> None:
        if self._lost is not None:
            raise self._lost
        try:
            self.conn.execute(sql)
        except sqlite3.Error as err:
            raise self._translate(err) from err

    def _rollback(self, level: int, err: BaseException) -> BaseException:
        """Undo the innermost level; returns what to raise (a LibraryError for what a user can act on)."""
        if isinstance(err, sqlite3.Error):
            err = self._translate(err)
        if self._lost is None and not self.conn.in_transaction:  # SQLite dropped the whole transaction
            self._lost = err if isinstance(err, LibraryError) else LibraryError(
                f"The change in progress was not stored ({err}).")
        if self._lost is not None:
            if level == 0:
                self._give_back_wal_space()
            return self._lost
        try:
            if level == 0:
                self.conn.execute("ROLLBACK")
                if isinstance(err, LibraryFull):
                    self._give_back_wal_space()
            else:
                self.conn.execute(f"ROLLBACK TO sp{level}")
                self.conn.execute(f"RELEASE sp{level}")
        except sqlite3.Error as again:
            self._lost = self._translate(again)
            if not isinstance(self._lost, LibraryError):
                self._lost = LibraryError(f"The change in progress was not stored ({again}).")
            return self._lost
        return err

    def _commit(self, level: int) -> None:
        if self._lost is None and not self.conn.in_transaction:
            self._lost = LibraryError("The change in progress was not stored (SQLite ended the transaction).")
        if self._lost is not None:
            if level == 0:
                self._give_back_wal_space()
            raise self._lost
        try:
            if level == 0:
                if self.conn.total_changes != self._changes_counted:
                    self._count_change()
                self.conn.execute("COMMIT")
            else:
                self.conn.execute(f"RELEASE sp{level}")
        except sqlite3.Error as err:
            translated = self._translate(err)
            if level == 0:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self._give_back_wal_space()
            elif isinstance(translated, LibraryError):
                self._lost = translated
            raise translated from err
        if level == 0:
            for hook in list(self.commit_hooks):
                hook(self)

    def _count_change(self) -> None:
        counter = self.conn.execute("PRAGMA user_version").fetchone()[0]
        self.conn.execute(f"PRAGMA user_version = {(counter + 1) & 0x7FFFFFFF}")
        self._changes_counted = self.conn.total_changes

    def _give_back_wal_space(self) -> None:
        """After a failed write: truncate the WAL, so that freeing a little disk space
        is enough to go on (a WAL left full-sized fails the next write at once)."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass

    def _translate(self, err: sqlite3.Error) -> BaseException:
        return library_error(err, self.path) or err

    def readonly_message(self) -> str:
        why = f" ({self.readonly_reason})" if self.readonly_reason else ""
        return f"Read-only library: {self.path.name} is open read-only{why}; changes cannot be saved."

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @property
    def change_counter(self) -> int:
        """Advances with every committed change (kept in the file header)."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def schema_version(self) -> int:
        return _read_version(self.conn)


def uses_wal(lib: Library) -> bool:
    """Whether the library is in WAL mode (then a second, read-only connection sees its commits)."""
    return str(lib.scalar("PRAGMA journal_mode")).lower() == "wal"


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
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as err:
        raise LibraryError(f"Cannot read {path}: {err.strerror}.") from err
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
    except BaseException:
        dest.close()
        target.unlink(missing_ok=True)
        raise
    dest.close()
    return target


def writable_reason(path: Path) -> str:
    """Why ``path`` (an existing library) cannot be written, or "" when it can."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "read-only media"
    except (OSError, AttributeError):
        pass
    if not os.access(path, os.W_OK):
        return "the file is write-protected"
    if not os.access(folder, os.W_OK):
        return "its folder is write-protected"
    return ""


def check_damage(conn: sqlite3.Connection, full: bool = False) -> str | None:
    """None when SQLite finds the file sound, else what it found (first lines)."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(5)").fetchall()]
    except sqlite3.DatabaseError as err:
        return str(err)
    return None if rows == ["ok"] else "; ".join(rows)


def open_library(path: str | Path, readonly: bool = False, create: bool = True, check: bool = True,
                 lock: LibraryLock | None = None, on_busy: WaitProgress | None = None,
                 busy_seconds: float = BUSY_SECONDS, defer_clean_check: bool = False) -> Library:
    """Open (and create or migrate) the library at ``path``.

    A library that cannot be written (read-only media, write-protected file or
    folder) opens read-only: ``lib.readonly`` is set and says why.  A writer
    first checks the file (``check``): quick_check, or integrity_check when the
    last session did not close cleanly; damage raises LibraryCorrupt before
    anything is written.  ``lock`` is a lock the caller already holds.
    ``defer_clean_check``: a file whose last session closed cleanly and that needs no
    migration is not checked here (quick_check reads the whole file: about a second per
    100 MB); ``lib.damage_check_due`` is set and the caller runs ``check_damage`` on a
    connection of its own (the app does so in the background once its window is up).

    Raises LibraryBusy when another process has it open, LibraryTooNew for a
    file from a newer Briefbook, LibraryCorrupt for a file that is damaged or not
    a library, LibraryError for anything else a user must act on.
    """
    path = Path(path).expanduser()
    readonly_reason = "opened read-only" if readonly else ""
    if not readonly and path.exists() and lock is None:
        readonly_reason = writable_reason(path)
        readonly = bool(readonly_reason)
    if not path.exists():
        if readonly or not create:
            raise LibraryError(f"There is no library at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(f"Cannot create the library folder {path.parent}: {err.strerror}.") from err

    if not readonly and lock is None:
        lock = LibraryLock(path)
        try:
            lock.acquire()  # before anything reads or writes the file: it may be in use
        except OSError as err:
            if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and path.exists():
                lock, readonly, readonly_reason = None, True, "its folder is write-protected"
            else:
                raise LibraryError(f"Cannot open {path} for writing: {err.strerror}.") from err
    try:
        _check_file(path)
        conn = _connect(path, readonly)
        if not readonly:
            _truncate_leftover_wal(conn, path)
        version = _read_version(conn)
        unclean = lock is not None and lock.unclean
        deferred = defer_clean_check and not unclean and version == SCHEMA_VERSION
        if not readonly and version > 0 and check and not deferred:
            problem = check_damage(conn, full=unclean)
            if problem is not None:
                conn.close()
                raise LibraryCorrupt(
                    f"{path.name} is damaged ({problem}). Nothing was written to it. Restore the newest sound "
                    "backup (briefbook restore); the damaged file is kept beside the library.")
    except sqlite3.DatabaseError as err:
        if lock:
            lock.release(clean=False)
        if is_busy(err):
            raise LibraryBusy(f"Library busy: {path} is locked by another program; try again in a moment.") from err
        raise LibraryCorrupt(f"{path} is damaged or not a Briefbook library ({err}).") from err
    except BaseException:
        if lock:
            lock.release(clean=False)
        raise

    lib = Library(path, conn, lock, readonly, readonly_reason)
    lib.on_busy, lib.busy_seconds = on_busy, busy_seconds
    lib.damage_check_due = not readonly and version > 0 and check and deferred
    try:
        if version > SCHEMA_VERSION:
            raise LibraryTooNew(
                f"{path} was saved by a newer Briefbook (library version {version}; this program reads up to "
                f"{SCHEMA_VERSION}). Update Briefbook to open it."
            )
        if version < SCHEMA_VERSION:
            if readonly:
                raise LibraryReadOnly(f"{path} needs an upgrade that a read-only open cannot do.")
            migrate(lib, version)
    except BaseException:
        lib.close()
        raise
    return lib


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    try:
        conn = _configure(sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                          timeout=_BUSY_STEP_MS / 1000), readonly)
    except sqlite3.OperationalError:
        if not readonly or not writable_reason(path):
            raise
        # A WAL library on read-only media: SQLite cannot create the -shm it needs,
        # but nothing can change the file either, so it may be read as immutable.
        conn = _configure(sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                          check_same_thread=False), readonly)
    return conn


def _configure(conn: sqlite3.Connection, readonly: bool) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.create_function("display_title", 2, display_title, deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_STEP_MS}")
    if not readonly:
        mode = _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        if mode.lower() != "wal":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Storing an article updates indexes all over the file (aliases and romanised keys by
        # name, figures by claim): with SQLite's default 2 MB page cache a library of a few
        # thousand articles already reads those pages back from the OS for every article.
        # Pages are taken only as they are used, so a small library stays small in memory.
        conn.execute(f"PRAGMA cache_size = {-WRITER_CACHE_KIB}")
    else:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails now, not at the first query
    return conn


def _truncate_leftover_wal(conn: sqlite3.Connection, path: Path) -> None:
    """A WAL left by a session that ended on a full disk (its checkpoint needed space
    that was not there): fold it into the file now, so the space is free for new work."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return
    except OSError:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass  # still no space, or a reader: the next close tries again


def _retry_busy(step, seconds: float = BUSY_SECONDS):
    start = time.monotonic()
    while True:
        try:
            return step()
        except sqlite3.OperationalError as err:
            if not is_busy(err) or time.monotonic() - start >= seconds:
                raise


def migrate(lib: Library, from_version: int) -> Path | None:
    """Apply migrations from ``from_version`` up; back the file up first if it held data."""
    backup = None
    if from_version > 0:
        backup = backup_file(lib.conn, lib.path, f"v{from_version}")
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        with lib.transaction() as conn:
            step = MIGRATIONS[version]
            if callable(step):  # a migration that needs Python (schema.py says why)
                step(conn, _split_sql)
            else:
                for statement in _split_sql(step):
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
