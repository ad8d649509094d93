"""The one place the library is used from: a Library whose every statement and
transaction is serialised by one lock.

The library file is locked per process, so the GUI thread and the background
worker (import, extraction) share one Library and one SQLite connection.  A
connection must not be used by two threads at once, and a write from the GUI
must never slip into the worker's open transaction; so every use takes the lock,
statements are fully fetched while it is held, and a transaction holds it from
BEGIN to COMMIT.  The store's transactions are one article or one edit long, so
the GUI waits at most a few milliseconds for the worker.  Qt-free.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..store.db import Library


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
    def __init__(self, conn, lock: threading.RLock):
        self._conn = conn
        self._lock = lock

    def execute(self, sql, params=()):
        with self._lock:
            return _Result(self._conn.execute(sql, params))

    def executemany(self, sql, seq):
        with self._lock:
            return _Result(self._conn.executemany(sql, seq))

    def __getattr__(self, name):  # backup, total_changes, ...
        return getattr(self._conn, name)


class SerialLibrary:
    """Stands in for a Library in every store call the GUI or its worker makes."""

    def __init__(self, lib: Library):
        self._lib = lib
        self.lock = threading.RLock()
        self.conn = _LockedConnection(lib.conn, self.lock)

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
    def transaction(self) -> Iterator:
        with self.lock, self._lib.transaction() as conn:
            yield conn

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
            self._lib.close()
