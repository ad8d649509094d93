"""Bytes that an export can compute again, kept in the user's cache folder.

An entry's name says everything its bytes are made from (the caller puts the
content hash of its inputs and the versions of the code that made it into the
name), so a changed input gets a new entry and is never served an old one.  Each
entry starts with a hash of its own bytes: a damaged or truncated entry is
computed and written again.  Entries are written whole or not at all (a
temporary file renamed over the old one, so two exports at once are safe), and a
cache folder that cannot be written only costs the time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from array import array
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from briefbook.paths import user_cache_dir

_MAGIC = b"BBC1"
_DIGEST = 16


def cache_dir() -> Path:
    return user_cache_dir() / "fonts"


def digest(data: bytes) -> str:
    """A short content hash for entry names."""
    return hashlib.blake2b(data, digest_size=_DIGEST).hexdigest()


@lru_cache(maxsize=32)
def file_digest(path: Path) -> str:
    """:func:`digest` of a file's bytes.  Hashing a CJK font costs more than the rest of
    a short export, so the hash is remembered as an entry named by the file's path,
    size and modification time: it is computed again when any of them changes."""
    st = path.stat()
    prefix = f"digest-{path.name}-{digest(str(path.resolve()).encode())}-"
    memo = f"{prefix}{st.st_size}-{st.st_mtime_ns}"
    return cached_bytes(memo, lambda: digest(path.read_bytes()).encode(), prune=(prefix, memo)).decode()


def cached_codepoints(name: str, make: Callable[[], frozenset[int]]) -> frozenset[int]:
    """A set of codepoints kept as the entry ``name`` (as :func:`cached_bytes`)."""
    data = read_entry(name)
    if data is not None and len(data) % array("I").itemsize == 0:
        return frozenset(array("I", data))
    points = make()
    store_entry(name, array("I", sorted(points)).tobytes())
    return points


def cached_bytes(name: str, make: Callable[[], bytes], prune: tuple[str, str] | None = None) -> bytes:
    """The entry ``name`` of the cache folder, or ``make()`` written there.  With
    ``prune=(prefix, current)``, writing removes the entries whose names start with
    ``prefix`` but not with ``current`` (the same input at other versions), so that a
    changed font does not leave its old entries behind."""
    data = read_entry(name)
    if data is not None:
        return data
    data = make()
    store_entry(name, data, prune)
    return data


def read_entry(name: str) -> bytes | None:
    """The bytes of the entry ``name``, or None when it is missing or damaged (for a
    caller that must check the bytes itself before it trusts them)."""
    return _read(cache_dir() / name)


def store_entry(name: str, data: bytes, prune: tuple[str, str] | None = None) -> None:
    """Keep ``data`` as the entry ``name`` (``prune`` as for :func:`cached_bytes`)."""
    entry = cache_dir() / name
    write_entry(entry, _MAGIC + hashlib.blake2b(data, digest_size=_DIGEST).digest() + data)
    if prune:
        prefix, current = prune
        try:
            for old in entry.parent.glob(f"{prefix}*"):
                if not old.name.startswith(current):
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # an unreadable folder keeps its old entries


def keep_newest(prefix: str, count: int) -> None:
    """Remove the oldest entries whose names start with ``prefix`` beyond the newest ``count``."""
    try:
        entries = sorted(cache_dir().glob(f"{prefix}*"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[count:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # an unreadable folder keeps its old entries


def _read(entry: Path) -> bytes | None:
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if raw[: len(_MAGIC)] != _MAGIC or hashlib.blake2b(raw[head:], digest_size=_DIGEST).digest() != raw[len(_MAGIC):head]:
        return None
    return raw[head:]


def write_entry(entry: Path, data: bytes) -> None:
    """Write ``entry`` atomically; a folder that cannot be written is left alone."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # no cache: the next run computes again
