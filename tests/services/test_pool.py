"""Worker processes: one pool for reading and extraction, and no orphans when the parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from briefbook.services.pool import ordered_map

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


# A parent that starts a pool, makes sure its workers run, reports the pids of its
# children (the workers and multiprocessing's resource tracker) and waits to be killed.
_PARENT = """
import os, sys
from briefbook.services.pool import spawn_pool

def children():
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(int(entry))
    return found

pool = spawn_pool(2)
worker_pids = {f.result() for f in [pool.submit(os.getpid) for _ in range(8)]}
print(" ".join(map(str, sorted(set(children()) | worker_pids))), flush=True)
sys.stdin.read()  # until killed
"""


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped by whoever inherited it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_workers_and_the_resource_tracker_end_when_the_parent_is_killed():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        children = [int(p) for p in parent.stdout.readline().split()]
        assert len(children) >= 2  # at least one worker and the resource tracker
        assert all(_alive(p) for p in children)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    # Bounded poll: the workers check for their parent five times a second.
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [p for p in children if _alive(p)]
    for pid in survivors:  # leave nothing behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
