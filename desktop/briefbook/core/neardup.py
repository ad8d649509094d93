"""Near-duplicate detection with MinHash over character shingles.

The same story re-posted by another site differs in its boilerplate, title line
or a sentence; its 5-character shingles still overlap heavily.  A signature of
64 minimum hashes estimates that overlap (Jaccard similarity); banding the
signature (16 bands of 4) gives candidate pairs through an index lookup instead
of comparing every pair of articles.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

NUM_HASHES = 64
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE = 5
THRESHOLD = 0.6  # estimated Jaccard above which an article is flagged as a near-duplicate

_PRIME = (1 << 61) - 1
_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _coefficients():
    """The hash coefficients (a, b), made on first use: numpy takes a good part of
    the desktop app's start-up and is needed only once articles are compared."""
    import numpy as np

    rng = np.random.default_rng(20261122)  # fixed: signatures must be stable across runs
    return (rng.integers(1, _PRIME, NUM_HASHES, dtype=np.uint64),
            rng.integers(0, _PRIME, NUM_HASHES, dtype=np.uint64))


def _normalise(text: str) -> str:
    # core.text compiles its script classes: imported when texts are compared, not at start
    from .text import to_simplified

    return _STRIP.sub("", to_simplified(text).lower())


def signature(text: str) -> np.ndarray | None:
    """64 uint32 minimum hashes, or None for texts too short to compare."""
    norm = _normalise(text)
    if len(norm) < SHINGLE * 4:
        return None
    import numpy as np

    # Hash every 5-code-point shingle at once: a polynomial over the code points,
    # computed with numpy (wrapping uint64 arithmetic), deduplicated with np.unique.
    a, b = _coefficients()
    points = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(points) - SHINGLE + 1
    hashes = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        hashes = hashes * np.uint64(1_000_003) + points[k:k + n]
    hashes = np.unique(hashes)
    mixed = (hashes[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
    return mixed.min(axis=0).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 63-bit key per band (fits SQLite's signed INTEGER)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        keys.append(zlib.crc32(chunk) | (band << 32))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    return float(np.count_nonzero(a == b)) / NUM_HASHES


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    import numpy as np

    return np.frombuffer(blob, dtype="<u4")
