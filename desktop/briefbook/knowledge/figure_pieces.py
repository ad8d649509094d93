"""Reading the figures of a very long text piece by piece.

A figure takes its subject and period from its own sentence, the sentence or two
before it, its paragraph, or the figure before it: nothing a news article says
reaches further than a few thousand characters.  Reading a whole text at once
compares every figure with every other and every mention, which is fine for an
article (a few dozen figures) and hours for a one-megabyte file of 8,000 figures
(a statistics dump, a pasted log, a hostile file).  A text longer than
``PIECE_CHARS`` is therefore read in pieces cut at paragraph or sentence ends,
each piece read as an article of its own, and the readings put back in the
whole text's offsets: the work grows with the length, not with its square.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PIECE_CHARS = 20_000  # several times the longest article of the seeds and the blind sets

_SENTENCE_END = re.compile(r"[。！？；!?;]|[.](?=\s)")


def cut_points(text: str, facts: list[dict], size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most about ``size`` long, cut
    after a line break, else after a sentence end, else anywhere; never inside a fact."""
    spans = sorted((f["start"], f["end"]) for f in facts if f.get("end", 0) > f.get("start", 0))
    pieces: list[tuple[int, int]] = []
    a = 0
    while a < len(text):
        if len(text) - a <= size:
            pieces.append((a, len(text)))
            break
        lo, hi = a + size // 2, a + size
        cut = text.rfind("\n", lo, hi) + 1
        if cut <= 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
            cut = ends[-1] if ends else hi
        for start, end in spans:  # a fact across the cut moves it to the fact's end
            if start < cut < end:
                cut = end
        pieces.append((a, cut))
        a = cut
    return pieces


def read_in_pieces(text: str, facts: list[dict], read: Callable[[str, list[dict]], list]) -> list:
    """``read(piece text, piece facts)`` over the pieces of a long text, the readings moved
    back to the whole text (start, end, fact_index and qualifies)."""
    out: list = []
    for a, b in cut_points(text, facts):
        index = [i for i, f in enumerate(facts) if a <= f["start"] < b]
        part = [dict(facts[i], start=facts[i]["start"] - a, end=facts[i]["end"] - a) for i in index]
        readings = read(text[a:b], part)
        for r in readings:
            r.start += a
            r.end += a
            if r.fact_index >= 0:
                r.fact_index = index[r.fact_index]
            if r.qualifies is not None:
                r.qualifies += len(out)
        out.extend(readings)
    return out
