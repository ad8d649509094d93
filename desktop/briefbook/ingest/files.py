"""Files on disk -> bytes, safely: one regular file at a time, with bounded reads.

A folder a user points at can hold anything: FIFOs that block a reader forever,
symlinks to /dev/zero or /proc/self/environ, symlink loops, unreadable
sub-folders, names that are not valid UTF-8.  Everything here is decided with
os.stat on the resolved path before a byte is read, and the read itself is
bounded by the format's size limit, so no file can hang or exhaust the import.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from .errors import IngestError
from .readers import MAX_BYTES, SUFFIXES, SUPPORTED, supported_types

# Kernel views that look like regular files but are the machine's state, not articles.
_SYSTEM_ROOTS = ("/proc", "/sys", "/dev")


def display_path(path: str | os.PathLike) -> str:
    """A name that can be printed and stored: undecodable bytes as \\xNN, never a lone surrogate."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _stat_error(path: Path, err: OSError) -> IngestError:
    if err.errno == errno.ELOOP:
        return IngestError("the path is a symbolic link loop", "symlink_loop")
    if err.errno == errno.ENOENT:
        if os.path.lexists(path):
            return IngestError("the path is a symbolic link whose target does not exist", "broken_symlink")
        return IngestError("the file does not exist", "not_found")
    if err.errno in (errno.EACCES, errno.EPERM):
        return IngestError("permission denied: the file cannot be read", "permission_denied")
    if err.errno == errno.ENAMETOOLONG:
        return IngestError("the file name is too long", "name_too_long")
    return IngestError(f"the file cannot be read ({err.strerror or type(err).__name__})", "unreadable",
                       detail=err.strerror or type(err).__name__)


def _kind(mode: int) -> tuple[str, str] | None:
    """What a non-regular file is, as (code, words); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder", "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "fifo", "this is a named pipe (FIFO), not a file; skipped"
    if stat.S_ISSOCK(mode):
        return "socket", "this is a socket, not a file; skipped"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device", "this is a device, not a file; skipped"
    return "not_regular", "this is not a regular file; skipped"


def _is_system_path(resolved: str) -> bool:
    if sys.platform.startswith("win"):
        return False
    return any(resolved == root or resolved.startswith(root + "/") for root in _SYSTEM_ROOTS)


def check_file(path: Path) -> tuple[str, str]:
    """(format, resolved path) for a file that may be read.  Raises IngestError otherwise."""
    try:
        info = os.stat(path)  # follows symlinks: a loop raises ELOOP here
    except OSError as err:
        raise _stat_error(path, err) from err
    reason = _kind(info.st_mode)
    if reason:
        raise IngestError(reason[1], reason[0])
    resolved = os.path.realpath(path)
    if _is_system_path(resolved):
        raise IngestError("the file is part of the operating system (/proc, /sys, /dev), not an article; skipped",
                          "system_file")
    suffix = Path(path).suffix.lower()
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        raise IngestError(f"unsupported file type '{display_path(suffix) or 'no extension'}' ({supported_types()})",
                          "unsupported_type", type=display_path(suffix), supported=SUPPORTED)
    limit = MAX_BYTES[fmt]
    if info.st_size > limit:
        raise IngestError(f"the file is too large ({info.st_size / 1048576:.0f} MB; the limit for "
                          f"{suffix} files is {limit // 1048576} MB)", "too_large",
                          size_mb=round(info.st_size / 1048576), limit_mb=limit // 1048576)
    return fmt, resolved


def read_bounded(resolved: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; more is refused, not read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(resolved, flags)
    except OSError as err:
        raise _stat_error(Path(resolved), err) from err
    try:
        # The file may have been swapped between stat and open: check what was opened.
        info = os.fstat(fd)
        reason = _kind(info.st_mode)
        if reason:
            raise IngestError(reason[1], reason[0])
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise IngestError(f"the file is too large (over {limit // 1048576} MB)", "too_large_over",
                                  limit_mb=limit // 1048576)
        return b"".join(chunks)
    except BlockingIOError as err:
        raise IngestError("the file cannot be read without waiting (not a regular file)", "not_regular") from err
    except OSError as err:
        raise _stat_error(Path(resolved), err) from err
    finally:
        os.close(fd)


def collect_files(paths: list[str | Path]) -> tuple[list[Path], list[tuple[str, IngestError]]]:
    """Expand folders recursively.  Returns (files to read, [(path, reason)] for paths
    that fail now: missing paths, symlink loops, folders that cannot be listed)."""
    files: list[Path] = []
    problems: list[tuple[str, IngestError]] = []

    def unreadable(err: OSError) -> None:
        detail = err.strerror or type(err).__name__
        problems.append((display_path(err.filename or "?"), IngestError(
            f"the folder cannot be read ({detail}); its files were skipped", "folder_unreadable", detail=detail)))

    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)
        except OSError as err:
            problem = _stat_error(path, err)
            if problem.code == "not_found":
                problem = IngestError("the path does not exist", "path_not_found")
            problems.append((display_path(raw), problem))
            continue
        if not stat.S_ISDIR(info.st_mode):
            files.append(path)
            continue

        for root, dirs, names in os.walk(path, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or name.lower() in ("readme.md", "license", "license.txt"):
                    continue
                candidate = Path(root) / name
                if candidate.suffix.lower() in SUFFIXES:
                    files.append(candidate)
    return files, problems
