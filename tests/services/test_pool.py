"""Worker processes: one pool for reading and extraction, and no orphans when the parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from briefbook.services.pool import CHUNKS_AHEAD, ordered_map, shared_workers
from tests.process_tree import HAS_PROC, children_of, survivors

ROOT = Path(__file__).resolve().parents[2]


def _square(n: int) -> int:
    return n * n


def test_ordered_map_keeps_the_order_in_workers_and_here():
    items = list(range(40))
    assert list(ordered_map(_square, items, workers=2, chunksize=3)) == [n * n for n in items]
    assert list(ordered_map(_square, items, workers=0)) == [n * n for n in items]


def test_closing_early_stops_the_workers():
    import multiprocessing

    with closing(ordered_map(_square, range(10_000), workers=2, chunksize=1)) as results:
        first = [next(results) for _ in range(3)]
        assert multiprocessing.active_children() != []
    assert first == [0, 1, 4]
    assert multiprocessing.active_children() == []


def test_ordered_map_takes_its_items_as_the_work_goes():
    taken: list[int] = []

    def items():
        for n in range(2_000):
            taken.append(n)
            yield n

    with shared_workers():
        with closing(ordered_map(_square, items(), workers=2, chunksize=4)) as results:
            assert [next(results) for _ in range(5)] == [0, 1, 4, 9, 16]
            # the chunks in flight and the one handed out, not the whole input
            assert len(taken) <= 4 * (2 * CHUNKS_AHEAD + 2)
        assert list(ordered_map(_square, range(50), workers=2, chunksize=4)) == [n * n for n in range(50)]


def _worker_pid(_n: int) -> int:
    return os.getpid()


def test_maps_inside_shared_workers_run_in_the_same_workers_which_end_with_the_block():
    import multiprocessing

    with shared_workers():
        first = set(ordered_map(_worker_pid, range(20), workers=2))
        with closing(ordered_map(_square, range(10_000), workers=2)) as results:
            assert next(results) == 0  # stopped early: the pool stays for the next map
        second = set(ordered_map(_worker_pid, range(20), workers=2))
        assert os.getpid() not in first
        assert second <= {p.pid for p in multiprocessing.active_children()}
        assert first <= {p.pid for p in multiprocessing.active_children()}
    assert multiprocessing.active_children() == []


# A parent that starts a pool, makes sure its workers run, and waits to be killed.
_PARENT = """
import os, sys
from briefbook.services.pool import spawn_pool
pool = spawn_pool(2)
print(len({f.result() for f in [pool.submit(os.getpid) for _ in range(8)]}), flush=True)
sys.stdin.read()  # until killed
"""


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to find the workers")
def test_workers_and_the_resource_tracker_end_when_the_parent_is_killed():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        workers = int(parent.stdout.readline())
        children = children_of(parent.pid)
        assert workers >= 1 and len(children) >= workers + 1  # the workers and the resource tracker
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert survivors(children) == []
