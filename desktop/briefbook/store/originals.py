"""The original text of an article, stored as a delta against its cleaned text.

This module imports nothing of the store, so the schema's migrations can use it.
"""

from __future__ import annotations

import sqlite3
import zlib


def original_delta(original: str, text: str) -> bytes:
    """The original text, compressed with the cleaned text as zlib's preset dictionary:
    what the two share (nearly everything) costs a back-reference, so the original
    takes a few hundred bytes instead of a second copy.  b'' means "the same as text"."""
    if original == text:
        return b""
    packer = zlib.compressobj(6, zdict=text.encode("utf-8"))
    return packer.compress(original.encode("utf-8")) + packer.flush()


def original_from(original: str, delta: bytes | None, text: str) -> str:
    """The original text of a stored row (``delta`` None: stored as it is, before v5)."""
    if delta is None:
        return original
    if not delta:
        return text
    unpacker = zlib.decompressobj(zdict=text.encode("utf-8"))
    return (unpacker.decompress(delta) + unpacker.flush()).decode("utf-8")


def compact_originals(conn: sqlite3.Connection, chunk: int = 500) -> None:
    """Store every original still kept whole as a delta (the v5 migration; in the caller's transaction)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE original_delta IS NULL")]
    for lo in range(0, len(ids), chunk):
        part = ids[lo:lo + chunk]
        rows = conn.execute(f"SELECT id, original, text FROM articles WHERE id IN ({','.join('?' * len(part))})",
                            part).fetchall()
        conn.executemany("UPDATE articles SET original = '', original_delta = ? WHERE id = ?",
                         [(original_delta(r[1], r[2]), r[0]) for r in rows])
