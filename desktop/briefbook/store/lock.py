"""One writer per library: an OS file lock next to the database.

SQLite alone would let a second process write and then fail later with
"database is locked" in the middle of the user's work.  Taking an exclusive
lock at open time turns that into one clear message up front.  The OS drops
the lock when the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
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


class LibraryLock:
    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = ""
            try:
                holder = os.read(fd, 64).decode("ascii", "ignore").strip()
            except OSError:
                pass
            os.close(fd)
            who = f" (process {holder})" if holder else ""
            raise LibraryBusy(
                f"The library {self.path.with_suffix('').name} is already open in another Briefbook window{who}. "
                "Close it there first, or open the library read-only."
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
