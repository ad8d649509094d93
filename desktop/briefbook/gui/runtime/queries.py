"""Read-only queries off the GUI thread: counts, slow filter pages, whole-library totals.

``submit(key, query, on_result)`` runs ``query(lib)`` on a background thread with its
own read-only connection (WAL: it reads the last committed state and never waits for
the import's transaction) and calls ``on_result(value)`` on the GUI thread.  A newer
submission under the same key supersedes the older one: a queued one is skipped, a
running one is interrupted (sqlite3 ``Connection.interrupt``), and neither delivers a
result, so a view only ever shows the answer to its latest question.

Queries run on a thread of their own, not on the job executor, so a count never
waits behind an import.  SyncQueries runs each query at once (tests, no WAL).
"""

from __future__ import annotations

import sqlite3
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Query = Callable[[Any], Any]
_SKIPPED = object()  # what a superseded, interrupted or failed query delivers (nothing is called)


class _Delivery(QObject):
    """Lives on the GUI thread: ``ready`` emitted by the worker is queued to ``_deliver``."""

    ready = Signal(object)

    def __init__(self, callback):
        super().__init__()
        self.callback = callback
        self.ready.connect(self._deliver)

    @Slot(object)
    def _deliver(self, value) -> None:
        self.callback(value)


class _Runnable(QRunnable):
    def __init__(self, runner: QueryRunner, key: str, gen: int, query: Query, delivery: _Delivery):
        super().__init__()
        self.runner, self.key, self.gen, self.query, self.delivery = runner, key, gen, query, delivery

    def run(self) -> None:
        self.runner._run(self)


class QueryRunner:
    """Runs read-only queries on one background thread and its own connection."""

    synchronous = False

    def __init__(self, path):
        self.path = path
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._lib = None
        self._latest: dict[str, int] = {}
        self._gen = 0
        self._running: tuple[str, int] | None = None
        self._guard = threading.Lock()  # _latest, _running and interrupt() agree
        self._pending: set[_Delivery] = set()  # kept alive until delivered
        self._closed = False

    def submit(self, key: str, query: Query, on_result: Callable[[Any], None]) -> None:
        if self._closed:
            return
        with self._guard:
            self._gen += 1
            gen = self._gen
            self._latest[key] = gen
            if self._running is not None and self._running[0] == key and self._lib is not None:
                self._lib.conn.interrupt()  # only that statement: _run clears _running under the guard

        def deliver(value):
            self._pending.discard(delivery)
            if value is not _SKIPPED and not self._closed and self._latest.get(key) == gen:  # no newer question
                on_result(value)

        delivery = _Delivery(deliver)
        self._pending.add(delivery)
        self.pool.start(_Runnable(self, key, gen, query, delivery))

    def _run(self, job: _Runnable) -> None:
        with self._guard:
            if self._closed or self._latest.get(job.key) != job.gen:
                job.delivery.ready.emit(_SKIPPED)  # superseded before it started
                return
            self._running = (job.key, job.gen)
        value, ok = None, False
        try:
            if self._lib is None:
                from ...store.db import open_library

                self._lib = open_library(self.path, readonly=True)
            value, ok = job.query(self._lib), True
        except sqlite3.OperationalError as err:
            if "interrupt" not in str(err):
                traceback.print_exc()
        except Exception:  # a failed count must not take the app down; the view keeps "…"
            traceback.print_exc()
        finally:
            with self._guard:
                self._running = None
                ok = ok and self._latest.get(job.key) == job.gen
        job.delivery.ready.emit(value if ok else _SKIPPED)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    @property
    def idle(self) -> bool:
        """Nothing queued, running or waiting to be delivered."""
        return not self._pending

    def shutdown(self) -> None:
        with self._guard:
            self._closed = True
            self._latest.clear()
            if self._running is not None and self._lib is not None:
                self._lib.conn.interrupt()
        self.pool.waitForDone()
        if self._lib is not None:
            self._lib.close()
            self._lib = None


class SyncQueries:
    """Runs each query at once on the calling thread, through the GUI's library."""

    synchronous = True

    def __init__(self, lib):
        self.lib = lib

    idle = True

    def submit(self, key: str, query: Query, on_result: Callable[[Any], None]) -> None:
        on_result(query(self.lib))

    def wait(self, msecs: int = -1) -> bool:
        return True

    def shutdown(self) -> None:
        pass


class ManualQueries:
    """Holds queries until ``run_all()`` (tests of what a view shows while it waits)."""

    synchronous = False

    def __init__(self, lib):
        self.lib = lib
        self.queue: list[tuple[str, Query, Callable]] = []

    def submit(self, key: str, query: Query, on_result: Callable[[Any], None]) -> None:
        self.queue = [q for q in self.queue if q[0] != key] + [(key, query, on_result)]

    @property
    def idle(self) -> bool:
        return not self.queue

    def run_all(self) -> None:
        while self.queue:
            _key, query, on_result = self.queue.pop(0)
            on_result(query(self.lib))

    def wait(self, msecs: int = -1) -> bool:
        return True

    def shutdown(self) -> None:
        self.queue.clear()
