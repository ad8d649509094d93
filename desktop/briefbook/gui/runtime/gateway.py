"""The one place the library is used from: a Library whose every statement and
transaction is serialised by one lock.

The library file is locked per process, so the GUI thread and the background
worker (import, extraction) share one Library and one SQLite connection.  A
connection must not be used by two threads at once, and a write from the GUI
must never slip into the worker's open transaction; so every use takes the lock,
statements are fully fetched while it is held, and a transaction holds it from
BEGIN to COMMIT.

The import batches many articles into one transaction (up to half a second), so
the GUI thread's plain reads (SELECT outside a transaction) go to a second,
read-only connection: in WAL mode it reads the last committed state without
waiting for the worker.  Only a GUI *write* during an import waits for the
batch.  Qt-free.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ...store.db import Library


class _Result:
    """A fully fetched cursor: rows plus the attributes the store reads."""

    __slots__ = ("_rows", "_pos", "lastrowid", "rowcount", "description")

    def __init__(self, cursor):
        self._rows = cursor.fetchall() if cursor.description is not None else []
        self._pos = 0
        self.lastrowid = cursor.lastrowid
        self.rowcount = cursor.rowcount
        self.description = cursor.description

    def __iter__(self):
        rows, self._pos = self._rows[self._pos:], len(self._rows)
        return iter(rows)

    def fetchone(self):
        if self._pos >= len(self._rows):
            return None
        self._pos += 1
        return self._rows[self._pos - 1]

    def fetchall(self):
        rows, self._pos = self._rows[self._pos:], len(self._rows)
        return rows


class _LockedConnection:
    def __init__(self, owner: SerialLibrary, conn, lock: threading.RLock):
        self._owner = owner
        self._conn = conn
        self._lock = lock

    def execute(self, sql, params=()):
        reader = self._owner.reader_for(sql)
        if reader is not None:
            with self._owner.read_lock:
                return _Result(reader.execute(sql, params))
        with self._lock:
            return _Result(self._conn.execute(sql, params))

    def executemany(self, sql, seq):
        with self._lock:
            return _Result(self._conn.executemany(sql, seq))

    def __getattr__(self, name):  # backup, total_changes, ...
        return getattr(self._conn, name)


class SerialLibrary:
    """Stands in for a Library in every store call the GUI or its worker makes."""

    def __init__(self, lib: Library, reader: Library | None = None):
        self._lib = lib
        self._reader = reader
        self.lock = threading.RLock()
        self.read_lock = threading.Lock()
        self._local = threading.local()
        self._gui_thread = threading.get_ident()
        self.conn = _LockedConnection(self, lib.conn, self.lock)

    def reader_for(self, sql: str):
        """The read-only connection, for a GUI-thread SELECT outside a transaction."""
        if (self._reader is None or threading.get_ident() != self._gui_thread
                or getattr(self._local, "depth", 0) or not sql.lstrip()[:6].upper() == "SELECT"):
            return None
        return self._reader.conn

    @contextmanager
    def time_limit(self, seconds: float) -> Iterator[None]:
        """GUI-thread reads inside give up after ``seconds`` (sqlite3.OperationalError
        "interrupted"), so a view can try a query on the GUI thread and hand it to the
        background when it turns out slow.  Without the read-only connection: no limit."""
        reader = self._reader.conn if self._reader is not None else None
        if reader is None or threading.get_ident() != self._gui_thread:
            yield
            return
        deadline = time.monotonic() + seconds
        reader.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        try:
            yield
        finally:
            reader.set_progress_handler(None, 0)

    @property
    def in_transaction(self) -> bool:
        return self._lib.in_transaction

    @property
    def path(self):
        return self._lib.path

    @property
    def readonly(self) -> bool:
        return self._lib.readonly

    @property
    def raw(self) -> Library:
        return self._lib

    @contextmanager
    def transaction(self, flat: bool = False) -> Iterator:
        with self.lock:
            self._local.depth = getattr(self._local, "depth", 0) + 1
            try:
                with self._lib.transaction(flat) as conn:
                    yield conn
            finally:
                self._local.depth -= 1

    def query(self, sql: str, params: tuple | dict = ()):
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def schema_version(self) -> int:
        with self.lock:
            return self._lib.schema_version()

    def close(self) -> None:
        with self.lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            self._lib.close()
