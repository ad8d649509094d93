"""The sentence of an article that holds a span (a figure, a mention): what the book quotes
and what a measure or a description is read from."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.\s")


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The part of the sentence before the span, and the span's whole sentence."""
    left = start
    while left > 0 and not _SENTENCE_END.match(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and not _SENTENCE_END.match(text, right):
        right += 1
    return text[left:start], text[left:right]
