"""Rule-based fact extraction: Article -> list[Fact] with exact code-point spans.

Public API
    EXTRACTOR_VERSION           stamped on every fact
    extract(article)            -> list[Fact], sorted by position
    extract_text(text, lang, published) -> list[Fact]
    extract_many(items)         items: list of (text, lang, published); picklable,
                                top-level, for worker processes -> list[list[dict]]
    warm_up()                   load the dictionaries now (cold start)

No Qt, no I/O beyond reading ``resources/dict`` once per process.  The pipeline (its
taggers and rules, half a second of imports) is imported on first use of these
names, so a module that needs only a word list (``extract.dictionaries``) or the
version does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from .pipeline import extract, extract_many, extract_text, warm_up

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_text", "extract_many", "warm_up"]

_PIPELINE = frozenset({"extract", "extract_text", "extract_many", "warm_up"})


def __getattr__(name: str):
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
