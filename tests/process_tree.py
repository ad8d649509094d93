"""Finding a process's children and whether they still run, from /proc (Linux), for the
tests that kill a parent and check that nothing it started survives."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

HAS_PROC = Path("/proc/self/stat").exists()


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # after "pid (name)": state, ppid, ...


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry))
    return sorted(found)


def alive(pid: int) -> bool:
    """Running (a zombie waiting for whoever inherited it to reap it counts as gone)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def survivors(pids: list[int], within: float = 30.0) -> list[int]:
    """The pids still running after a bounded wait for them to end (a poll, not a
    timing assumption: the wait ends as soon as none runs).  Kills the survivors,
    so a failing test leaves nothing behind."""
    deadline = time.monotonic() + within
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p for p in pids if alive(p)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left
