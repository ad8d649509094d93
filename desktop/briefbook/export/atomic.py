"""Write a file atomically: a temporary file in the target folder, then os.replace."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefbook.export.errors import ExportCancelled, ExportError


def _message(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Not enough disk space to write {path.name} in {path.parent}."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write to {path.parent}: the folder is read-only or you lack permission."
    if exc.errno == errno.ENOENT:
        return f"The folder {path.parent} does not exist."
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder, not a file name."
    return f"Cannot write {path}: {exc.strerror or exc}."


def write_atomic(path: str | os.PathLike, produce: Callable[[BinaryIO], None]) -> Path:
    """Call ``produce(fileobj)`` on a temporary file next to ``path`` and move it
    into place only when it returned; on any error the temporary file is removed
    and nothing appears (or changes) under ``path``."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder, not a file name.")
    if target.exists() and not target.stat().st_mode & 0o222:  # replacing it would ignore the protection
        raise ExportError(f"{target.name} is read-only; it was not replaced. Choose another file name.")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(_message(exc, target)) from exc
    ok = False
    try:
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, 0o666 & ~_umask())
        except OSError:
            pass
        os.replace(tmp, target)
        ok = True
    except (ExportError, ExportCancelled):
        raise
    except OSError as exc:
        raise ExportError(_message(exc, target)) from exc
    finally:
        if not ok:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
