"""The one home of worker processes: a spawn pool whose workers end with their parent.

Reading files and extracting facts cost more than storing them, so large batches
run in worker processes while every write stays in the calling process.

* spawn, not fork: the caller may be a GUI thread in a process holding Qt and
  SQLite state that a fork must not copy.
* A worker watches its parent and exits when the parent is gone.  Without it a
  Briefbook killed during an import (SIGKILL, a power cut of the terminal)
  strands its workers blocked on the task queue, and with them the
  multiprocessing resource tracker, which lives as long as anyone holds its pipe.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# How often a worker looks for its parent.  Only how soon an orphan ends depends
# on it; nothing waits on this interval.
PARENT_CHECK_SECONDS = 0.2


def default_workers(limit: int = 4) -> int:
    return min(os.cpu_count() or 1, limit)


def _exit_when_orphaned(parent_pid: int) -> None:
    # When the parent dies the worker is re-parented (to init or a subreaper), so
    # getppid() stops naming the parent; the pid cannot be reused for our parent
    # while we are its child.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _worker_start(parent_pid: int) -> None:
    """Initializer of every worker: start the watch on the parent."""
    from ..applog import setup_worker_logging

    setup_worker_logging()  # library warnings to the parent's log file, not the terminal
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="parent-watch", daemon=True).start()


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool of ``workers`` spawned workers that end when this process dies."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_start, initargs=(os.getpid(),))


class _SharedPool:
    """One pool for every ``ordered_map`` inside a ``shared_workers`` block, started
    on first use with the most workers any call asked for until then."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.workers = 0

    def get(self, workers: int) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool, self.workers = spawn_pool(workers), workers
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.shutdown(wait=True, cancel_futures=True)


# Per thread of work (a GUI import runs in a thread of its own): a new thread starts
# with no shared pool.
_shared: ContextVar[_SharedPool | None] = ContextVar("briefbook_shared_pool", default=None)


@contextmanager
def shared_workers() -> Iterator[None]:
    """Inside the block, reading and extracting share one pool of workers, started
    when first needed and ended with the block: starting spawned workers (each
    importing the extractor and loading its models) costs about a second, paid
    once per import instead of once per step and batch."""
    if _shared.get() is not None:  # nested: the outer block owns the pool
        yield
        return
    holder = _SharedPool()
    token = _shared.set(holder)
    try:
        yield
    finally:
        _shared.reset(token)
        holder.close()


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int, chunksize: int = 1) -> Iterator[R]:
    """``map(fn, items)`` in order, in ``workers`` processes (here when ``workers`` <= 1).

    ``fn`` must be a top-level function taking and returning plain data.  Close the
    iterator (``contextlib.closing``) to stop early: closing cancels the pending work
    and waits for the workers to end (inside ``shared_workers``: cancels the pending
    work; the workers end with the block).  Items are taken from ``items`` as the work
    goes (a few chunks per worker ahead), not all at once: a 100,000-article
    extraction neither reads every text before the first result nor holds them all.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    shared = _shared.get()
    if shared is not None:
        # Closing early cancels what has not started; the pool lives on for the next call.
        yield from _windowed(shared.get(workers), fn, items, chunksize, workers * CHUNKS_AHEAD)
        return
    pool = spawn_pool(workers)
    try:
        yield from _windowed(pool, fn, items, chunksize, workers * CHUNKS_AHEAD)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Chunks submitted per worker ahead of the one whose results are being used: enough that
# a worker never waits for the next chunk, few enough that memory stays flat.
CHUNKS_AHEAD = 4


def _apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Worker side of ``_windowed``: one chunk, in order."""
    return [fn(item) for item in chunk]


def _windowed(pool: ProcessPoolExecutor, fn: Callable[[T], R], items: Iterable[T], chunksize: int,
              window: int) -> Iterator[R]:
    """Results in order, with at most ``window`` chunks submitted and not yet used; the
    next chunk is submitted before the results of a finished one are handed out, so the
    workers go on while the caller works on them."""
    source = iter(items)

    def next_chunk() -> list[T]:
        return list(islice(source, max(chunksize, 1)))

    pending: deque[Future] = deque()
    try:
        for _ in range(max(window, 1)):
            chunk = next_chunk()
            if not chunk:
                break
            pending.append(pool.submit(_apply, fn, chunk))
        while pending:
            done = pending.popleft().result()
            chunk = next_chunk()
            if chunk:
                pending.append(pool.submit(_apply, fn, chunk))
            yield from done
    finally:
        for future in pending:
            future.cancel()
