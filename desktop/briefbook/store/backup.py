"""Rotating backups of a library, made with SQLite's online backup API.

Backups live in a folder next to the library (``<name>.backups/``), named by
time and reason, so a user can find them without the app.  One is made when a
library is opened if the newest is older than a day, before a restore, and on
request; the oldest beyond ``KEEP`` are deleted.  (Migration backups are made
next to the file by ``db.migrate`` before any schema change.)
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from .errors import LibraryCorrupt, LibraryError

KEEP = 10
DAILY_SECONDS = 24 * 3600


def backup_folder(library_path: Path) -> Path:
    library_path = Path(library_path)
    return library_path.with_name(library_path.name + ".backups")


def list_backups(library_path: Path) -> list[Path]:
    """Backups of the library, newest first (rotating ones and migration ones)."""
    library_path = Path(library_path)
    found = list(backup_folder(library_path).glob("*.briefbook"))
    found += list(library_path.parent.glob(library_path.name + ".*.bak"))
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def make_backup(conn: sqlite3.Connection, library_path: Path, reason: str = "manual", keep: int = KEEP) -> Path:
    folder = backup_folder(library_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(f"Cannot create the backup folder {folder}: {err.strerror}.") from err
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    target = folder / f"{stamp}_{reason}.briefbook"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}_{reason}-{n}.briefbook"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    partial.replace(target)  # a backup is either complete or absent
    rotate(folder, keep)
    return target


def rotate(folder: Path, keep: int = KEEP) -> None:
    backups = sorted(folder.glob("*.briefbook"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in backups[keep:]:
        try:
            old.unlink()
        except OSError:
            pass


def backup_if_due(conn: sqlite3.Connection, library_path: Path, now: float | None = None) -> Path | None:
    """The daily backup: made when the newest rotating backup is older than a day."""
    now = time.time() if now is None else now
    existing = sorted(backup_folder(library_path).glob("*.briefbook"), key=lambda p: p.stat().st_mtime)
    if existing and now - existing[-1].stat().st_mtime < DAILY_SECONDS:
        return None
    return make_backup(conn, library_path, "daily")


def check_backup(path: Path) -> None:
    """Raise LibraryCorrupt unless ``path`` is a sound Briefbook library."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            con.execute("SELECT version FROM schema_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        raise LibraryCorrupt(f"{path.name} is not a usable Briefbook library ({err}).") from err
    if ok != "ok":
        raise LibraryCorrupt(f"{path.name} is damaged ({ok}).")


def restore_backup(library_path: Path, backup: Path) -> Path | None:
    """Replace the library with ``backup``.  The current file (if readable) is kept as a
    backup first, so a restore can itself be undone.  The library must not be open."""
    from .db import open_library

    library_path, backup = Path(library_path), Path(backup)
    check_backup(backup)
    saved = None
    if library_path.exists():
        try:
            lib = open_library(library_path)
        except LibraryCorrupt:
            lib = None
            folder = backup_folder(library_path)
            folder.mkdir(parents=True, exist_ok=True)
            saved = folder / f"{datetime.now().strftime('%Y-%m-%d_%H-%M-%S')}_damaged.briefbook"
            shutil.copy2(library_path, saved)
        if lib is not None:
            try:
                saved = make_backup(lib.conn, library_path, "before-restore", keep=KEEP + 1)
            finally:
                lib.close()
    for suffix in ("-wal", "-shm"):
        side = library_path.with_name(library_path.name + suffix)
        if side.exists():
            side.unlink()
    temp = library_path.with_name(library_path.name + ".restoring")
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dest = sqlite3.connect(temp)
    try:
        src.backup(dest)
    finally:
        dest.close()
        src.close()
    temp.replace(library_path)
    return saved
