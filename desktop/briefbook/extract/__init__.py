"""Rule-based fact extraction: Article -> list[Fact] with exact code-point spans.

Public API
    EXTRACTOR_VERSION           stamped on every fact
    extract(article)            -> list[Fact], sorted by position
    extract_text(text, lang, published) -> list[Fact]
    extract_many(items)         items: list of (text, lang, published); picklable,
                                top-level, for worker processes -> list[list[dict]]
    warm_up()                   load the dictionaries now (cold start)

No Qt, no I/O beyond reading ``resources/dict`` once per process.
"""

from __future__ import annotations

from .base import EXTRACTOR_VERSION
from .pipeline import extract, extract_many, extract_text, warm_up

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_text", "extract_many", "warm_up"]
