"""One writer per library: an OS file lock next to the database.

SQLite alone would let a second process write and then fail later with
"database is locked" in the middle of the user's work.  Taking an exclusive
lock at open time turns that into one clear message up front.  The OS drops
the lock when the process dies, so a crash never leaves a stale lock.

The lock file also tells whether the last session closed the library cleanly:
it holds ``<pid> open`` while a writer has the library and ``closed`` after a
clean close.  A new writer that finds ``open`` knows the previous one died
(crash, kill, power loss) and checks the whole file before trusting it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from .errors import LibraryBusy

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

WaitProgress = Callable[[float, float], None]  # (seconds waited, seconds we wait at most)
_CLOSED = b"closed\n"


class LibraryLock:
    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None
        self.unclean = False  # the previous writer did not close the library cleanly

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait_seconds: float = 0.0, on_wait: WaitProgress | None = None) -> None:
        """Take the lock, waiting up to ``wait_seconds`` for another Briefbook to let go
        (``on_wait`` is told every half second); LibraryBusy when it does not."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        start = time.monotonic()
        while not _try_lock(fd):
            waited = time.monotonic() - start
            if waited >= wait_seconds:
                holder = ""
                try:
                    holder = os.pread(fd, 64, 0).decode("ascii", "ignore").split()[0]
                except (OSError, IndexError):
                    pass
                os.close(fd)
                who = f" (process {holder})" if holder.isdigit() else ""
                raise LibraryBusy(
                    f"The library {self.path.with_suffix('').name} is already open in another Briefbook "
                    f"window{who}. Close it there first, or open the library read-only."
                )
            if on_wait is not None:
                on_wait(waited, wait_seconds)
            time.sleep(min(0.5, max(0.01, wait_seconds - waited)))
        try:
            previous = os.pread(fd, 64, 0)
            self.unclean = b" open" in previous
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} open\n".encode("ascii"), 0)
        except OSError:
            _unlock(fd)
            os.close(fd)
            raise
        self._fd = fd

    def release(self, clean: bool = True) -> None:
        """Let go; ``clean`` records that the library was closed properly."""
        if self._fd is not None:
            if clean:
                try:
                    os.ftruncate(self._fd, 0)
                    os.pwrite(self._fd, _CLOSED, 0)
                except OSError:  # a full disk must not keep the lock held
                    pass
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
