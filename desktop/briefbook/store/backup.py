"""Backups of a library: compressed, checked, taken after work, restorable from anywhere.

Backups live in a folder next to the library (``<name>.backups/``), named by
time and reason, so a user can find them without the app.  Each is a copy
made with SQLite's online backup API, checked (``quick_check``: a damaged
library is never backed up over sound backups), then compressed with
Zstandard (standard ``.zst``; ``zstd -d`` reads it).  Zstandard level 3 packs a
library about as small as xz did (within 5 %) in a sixth of the time, so the
backup made when the app closes no longer keeps the user waiting
(benchmarks/bench_backup.py).  Older ``.xz`` and uncompressed ``.briefbook``
backups and the migration copies next to the library (``<name>.v1-….bak``) are
still listed and restored.

When: after work — when a writer closes the library, after an import, and at
most ``PERIODIC_HOURS`` apart while changes happen (``BackupPolicy``) — and
before anything destructive (a restore, a demo rebuild).  Only when the
library changed since the newest backup: each commit advances a counter in
the file header (see db.py), and a backup carries the counter it was taken at.
Read-only opens never back up.

How many: the newest ``keep`` (a per-library setting in the backup folder),
and never more than ``BUDGET_RATIO`` times the library's size in all (its
size as a database, without the write-ahead log, which holds the same pages
again until a checkpoint).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from .db import Library, check_damage, is_full, library_error, writable_reason
from .errors import LibraryCorrupt, LibraryError, LibraryFull, LibraryReadOnly
from .lock import LibraryLock

KEEP = 8
BUDGET_RATIO = 1.5  # all kept backups together take at most this times the library
PERIODIC_HOURS = 4.0
DAILY_SECONDS = 24 * 3600
COMPRESSED = ".briefbook.zst"
_PACKED = (COMPRESSED, ".briefbook.xz")  # what restore reads: today's backups and older ones
_ZSTD_LEVEL = 3  # library files about 3x smaller; higher levels cost far more time for little
_SETTINGS = "settings.json"
_DAMAGED = re.compile(r"\.damaged-")


def _unpack_errors() -> tuple[type[BaseException], ...]:
    """What reading a damaged or foreign backup raises.  The compressors are imported when a
    backup is written or read, not at every open of a library (zstandard and the platform
    module it loads add a few milliseconds to each start of the app)."""
    import lzma

    import zstandard

    return (OSError, lzma.LZMAError, zstandard.ZstdError, EOFError, sqlite3.Error)


def backup_folder(library_path: Path) -> Path:
    library_path = Path(library_path)
    return library_path.with_name(library_path.name + ".backups")


def _rotating(folder: Path) -> list[Path]:
    """The rotating backups in ``folder``, newest first (damaged copies are never among them)."""
    found = [p for p in folder.glob("*.briefbook*")
             if (p.name.endswith(_PACKED) or p.name.endswith(".briefbook")) and not _DAMAGED.search(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def list_backups(library_path: Path) -> list[Path]:
    """Backups of the library, newest first (rotating ones and migration ones)."""
    library_path = Path(library_path)
    found = _rotating(backup_folder(library_path))
    found += [p for p in library_path.parent.glob(library_path.name + ".*.bak") if not _DAMAGED.search(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


# -- settings and space -------------------------------------------------------------------------
def backup_count(library_path: Path) -> int:
    """How many rotating backups to keep (the library's setting, default KEEP)."""
    try:
        data = json.loads((backup_folder(library_path) / _SETTINGS).read_text("utf-8"))
        return max(1, min(100, int(data.get("keep", KEEP))))
    except (OSError, ValueError, TypeError, AttributeError):
        return KEEP


def set_backup_count(library_path: Path, keep: int) -> None:
    if not 1 <= int(keep) <= 100:
        raise ValueError("keep between 1 and 100 backups")
    folder = backup_folder(library_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _SETTINGS).write_text(json.dumps({"keep": int(keep)}), "utf-8")
    except OSError as err:
        raise LibraryError(f"Cannot save the backup setting in {folder}: {err.strerror}.") from err
    rotate(folder, int(keep), _budget(Path(library_path)))


def space_used(library_path: Path) -> tuple[int, int]:
    """(number of rotating backups, bytes they take)."""
    backups = _rotating(backup_folder(library_path))
    return len(backups), sum(p.stat().st_size for p in backups)


def library_size(library_path: Path) -> int:
    """Bytes the library takes (its WAL counted: recent changes may still be there)."""
    size = 0
    for suffix in ("", "-wal"):
        try:
            size += library_path.with_name(library_path.name + suffix).stat().st_size
        except OSError:
            pass
    return size


def _budget(library_path: Path) -> int | None:
    size = library_size(library_path)
    return int(BUDGET_RATIO * size) if size else None


# -- making one ---------------------------------------------------------------------------------
def library_counter(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_counter(path: Path) -> int | None:
    """The change counter a backup was taken at (from its SQLite header), None if unreadable."""
    try:
        with _open_unpacked(path) as fh:
            head = fh.read(100)
    except _unpack_errors():
        return None
    if len(head) < 64 or not head.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(head[60:64], "big")


def _remove_stale_partials(folder: Path) -> None:
    """Leftovers of a backup that was killed half-way (never of one still running here)."""
    mine = f"-{os.getpid()}."
    for stale in folder.glob(".*.partial"):
        if mine not in stale.name:
            stale.unlink(missing_ok=True)


def make_backup(conn: sqlite3.Connection, library_path: Path, reason: str = "manual",
                keep: int | None = None) -> Path:
    """A checked, compressed backup of the open database ``conn``; returns its path.

    Raises LibraryCorrupt (and writes nothing) when the library is damaged, LibraryFull
    when the disk cannot hold it (nothing is left behind either way)."""
    library_path = Path(library_path)
    folder = backup_folder(library_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(f"Cannot create the backup folder {folder}: {err.strerror}.") from err
    _remove_stale_partials(folder)
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    target = folder / f"{stamp}_{reason}{COMPRESSED}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}_{reason}-{n}{COMPRESSED}"
    copy = folder / f".{stamp}-{os.getpid()}.copy.partial"
    packed = folder / f".{target.name}-{os.getpid()}.zst.partial"
    try:
        _copy_checked(conn, copy, library_path)
        budget = int(BUDGET_RATIO * copy.stat().st_size)  # the database itself, WAL folded in
        _compress(copy, packed)
        packed.replace(target)  # a backup is either complete or absent
        _sync_folder(folder)
    except (OSError, sqlite3.Error) as err:
        if is_full(err):
            raise LibraryFull(f"Not enough disk space for a backup of {library_path.name} in {folder}; the "
                              "existing backups are kept. Free some space.") from err
        if isinstance(err, sqlite3.Error):
            if isinstance(library_error(err, library_path), LibraryCorrupt):
                raise LibraryCorrupt(f"{library_path.name} is damaged ({err}), so no backup was made over the "
                                     "sound ones.") from err
            raise LibraryError(f"The backup of {library_path.name} failed ({err}); the existing backups are "
                               "kept.") from err
        raise LibraryError(f"Cannot write a backup in {folder}: {err.strerror or err}.") from err
    finally:
        copy.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)
    rotate(folder, keep if keep is not None else backup_count(library_path), budget)
    return target


def _copy_checked(conn: sqlite3.Connection, copy: Path, library_path: Path) -> None:
    dest = sqlite3.connect(copy)
    try:
        conn.backup(dest)
        problem = check_damage(dest)
        if problem is not None:
            raise LibraryCorrupt(f"{library_path.name} is damaged ({problem}), so no backup was made over the "
                                 "sound ones. Restore the newest backup (briefbook restore).")
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup opens anywhere, read-only media too
    finally:
        dest.close()


def _compress(source: Path, target: Path) -> None:
    import zstandard

    packer = zstandard.ZstdCompressor(level=_ZSTD_LEVEL, threads=2, write_checksum=True,
                                      write_content_size=True)
    with open(source, "rb") as src, open(target, "wb") as out:
        packer.copy_stream(src, out, size=source.stat().st_size)
        out.flush()
        os.fsync(out.fileno())


def _open_unpacked(path: Path) -> BinaryIO:
    """The database bytes a backup holds, as a stream (zst, xz or a plain copy)."""
    if path.name.endswith(".zst"):
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True)  # type: ignore[return-value]
    if path.name.endswith(".xz"):
        import lzma

        return lzma.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def rotate(folder: Path, keep: int = KEEP, budget: int | None = None) -> None:
    """Keep the newest ``keep`` backups, and no more than ``budget`` bytes of them
    (the newest always stays)."""
    used = 0
    for n, backup in enumerate(_rotating(folder)):
        used += backup.stat().st_size
        if n >= keep or (n > 0 and budget is not None and used > budget):
            try:
                backup.unlink()
            except OSError:
                pass


def backup_if_changed(conn: sqlite3.Connection, library_path: Path, reason: str) -> Path | None:
    """A backup unless the newest one already holds the library as it is."""
    backups = _rotating(backup_folder(library_path))
    if backups and backup_counter(backups[0]) == library_counter(conn):
        return None
    return make_backup(conn, library_path, reason)


def backup_if_due(conn: sqlite3.Connection, library_path: Path, now: float | None = None) -> Path | None:
    """The daily backup: when the newest is older than a day and the library changed since."""
    now = time.time() if now is None else now
    backups = _rotating(backup_folder(library_path))
    if backups and now - backups[0].stat().st_mtime < DAILY_SECONDS:
        return None
    return backup_if_changed(conn, library_path, "daily")


class BackupPolicy:
    """Backups after work for a library a writer opened: on close, after an import
    (``after_work``), and at most ``every_hours`` apart while commits happen.

    Whoever opens the library for work (the CLI, the GUI, services) attaches it;
    a failed backup never fails the user's change: it goes to ``on_error`` (and
    ``errors``)."""

    def __init__(self, every_hours: float = PERIODIC_HOURS, on_error: Callable[[LibraryError], None] | None = None):
        self.every_seconds = every_hours * 3600
        self.on_error = on_error
        self.errors: list[LibraryError] = []
        self.made: list[Path] = []
        self._last = 0.0

    def attach(self, lib: Library) -> Library:
        if lib.readonly:
            return lib
        backups = _rotating(backup_folder(lib.path))
        self._last = backups[0].stat().st_mtime if backups else time.time()
        lib.commit_hooks.append(self._after_commit)
        lib.close_hooks.append(lambda lib: self.after_work(lib, "on-close"))
        return lib

    def after_work(self, lib: Library, reason: str = "after-import") -> Path | None:
        if lib.readonly or lib.in_transaction:
            return None
        try:
            made = backup_if_changed(lib.conn, lib.path, reason)
        except LibraryError as err:
            self.errors.append(err)
            if self.on_error is not None:
                self.on_error(err)
            return None
        self._last = time.time()
        if made is not None:
            self.made.append(made)
        return made

    def _after_commit(self, lib: Library) -> None:
        if time.time() - self._last >= self.every_seconds:
            self.after_work(lib, "periodic")


# -- checking and restoring ---------------------------------------------------------------------
def unpack_backup(backup: Path, target: Path) -> None:
    """Write the database a backup holds to ``target`` (zst, xz or plain SQLite, read-only media too)."""
    if backup.name.endswith(_PACKED):
        with _open_unpacked(backup) as src, open(target, "wb") as out:
            while block := src.read(1 << 20):
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        return
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as err:
        raise LibraryCorrupt(f"{backup.name} is not a usable Briefbook library ({err}).") from err
    dest = sqlite3.connect(target)
    try:
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
        src.close()


def _check_unpacked(path: Path, name: str) -> int:
    """Raise LibraryCorrupt unless ``path`` is a sound library; returns its change counter."""
    try:
        con = sqlite3.connect(path)
        try:
            problem = check_damage(con, full=True)
            con.execute("SELECT version FROM schema_version").fetchone()
            counter = library_counter(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        raise LibraryCorrupt(f"{name} is not a usable Briefbook library ({err}).") from err
    if problem is not None:
        raise LibraryCorrupt(f"{name} is damaged ({problem}).")
    return counter


def check_backup(path: Path, workdir: Path | None = None) -> None:
    """Raise LibraryCorrupt unless the backup at ``path`` holds a sound Briefbook library."""
    path = Path(path)
    temp = (workdir or path.parent) / f".check-{os.getpid()}-{path.name}.partial"
    try:
        unpack_backup(path, temp)
        _check_unpacked(temp, path.name)
    except _unpack_errors() as err:
        if isinstance(err, OSError) and is_full(err):
            raise LibraryFull(f"Not enough disk space to check {path.name}.") from err
        raise LibraryCorrupt(f"{path.name} is not a usable Briefbook library ({err}).") from err
    finally:
        temp.unlink(missing_ok=True)


def newest_sound_backup(library_path: Path) -> Path | None:
    """The newest backup that checks out sound (damaged or unreadable ones are skipped)."""
    library_path = Path(library_path)
    workdir = library_path.parent if not writable_reason(library_path.parent) else None
    for backup in list_backups(library_path):
        try:
            check_backup(backup, workdir=workdir)
        except LibraryCorrupt:
            continue
        except LibraryError:
            return backup  # cannot check it here (disk full): the restore will
        return backup
    return None


def damaged_name(library_path: Path) -> Path:
    """Where a damaged library is kept: beside it, under a name no restore picks."""
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    target = library_path.with_name(f"{library_path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = library_path.with_name(f"{library_path.name}.damaged-{stamp}-{n}")
    return target


def _set_aside(library_path: Path, reason: str) -> Path | None:
    """Back up the current library (or keep it aside when it is damaged) before it is replaced.

    The caller holds the library's lock.  Returns the backup or the kept damaged file."""
    if not library_path.exists() or library_path.stat().st_size == 0:
        return None
    conn = None
    try:
        conn = sqlite3.connect(library_path, isolation_level=None)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return make_backup(conn, library_path, reason, keep=backup_count(library_path) + 1)
    except (LibraryCorrupt, sqlite3.DatabaseError):
        pass  # damaged (make_backup checks), or not even readable as SQLite: keep it aside
    finally:
        if conn is not None:
            conn.close()
    kept = damaged_name(library_path)
    os.replace(library_path, kept)
    for suffix in ("-wal", "-shm"):
        side = library_path.with_name(library_path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    return kept


def _take_lock(library_path: Path) -> LibraryLock:
    if library_path.exists() and writable_reason(library_path):
        raise LibraryReadOnly(f"Read-only library: {library_path} cannot be replaced "
                              f"({writable_reason(library_path)}).")
    lock = LibraryLock(library_path)
    try:
        lock.acquire()
    except OSError as err:
        raise LibraryReadOnly(f"Read-only library: cannot write in {library_path.parent} ({err.strerror}).") from err
    return lock


def restore_backup(library_path: Path, backup: Path) -> Path | None:
    """Replace the library with ``backup``; returns where its previous state was kept.

    The backup is unpacked and checked beside the library first, so a damaged
    backup changes nothing.  The current library is backed up (or, damaged, kept
    as ``<name>.damaged-<time>``) before it is replaced, so a restore can itself
    be undone.  Refused (LibraryBusy) while another Briefbook has the library open."""
    library_path, backup = Path(library_path), Path(backup)
    lock = _take_lock(library_path)
    temp = library_path.with_name(library_path.name + ".restoring")
    try:
        try:
            unpack_backup(backup, temp)
            restored_counter = _check_unpacked(temp, backup.name)
        except _unpack_errors() as err:
            if isinstance(err, OSError) and is_full(err):
                raise LibraryFull(f"Not enough disk space to restore {backup.name}; nothing was changed.") from err
            raise LibraryCorrupt(f"{backup.name} is not a usable Briefbook library ({err}).") from err
        saved = _set_aside(library_path, "before-restore")
        counters = [restored_counter] + ([backup_counter(saved)] if saved is not None else [])
        _set_counter(temp, max(c or 0 for c in counters) + 1)  # the restored state counts as a change
        for suffix in ("-wal", "-shm"):
            library_path.with_name(library_path.name + suffix).unlink(missing_ok=True)
        os.replace(temp, library_path)
        _sync_folder(library_path.parent)
        return saved
    finally:
        temp.unlink(missing_ok=True)
        lock.release(clean=True)


def _set_counter(path: Path, counter: int) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA user_version = {counter & 0x7FFFFFFF}")
        con.commit()
    finally:
        con.close()


def prepare_rebuild(library_path: Path, reason: str = "before-demo") -> tuple[LibraryLock, Path | None]:
    """For a command that rebuilds a library from scratch: take its lock (LibraryBusy
    while it is in use), back up what is there, and remove it.  Returns the held lock
    (pass it to open_library) and the backup or kept damaged file."""
    library_path = Path(library_path)
    lock = _take_lock(library_path)
    try:
        saved = _set_aside(library_path, reason)
        for suffix in ("", "-wal", "-shm"):
            library_path.with_name(library_path.name + suffix).unlink(missing_ok=True)
    except BaseException:
        lock.release(clean=True)
        raise
    return lock, saved
