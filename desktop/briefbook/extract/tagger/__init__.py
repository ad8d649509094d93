"""Statistical taggers for people, organisations and places, behind one interface.

The rules (``extract/cjk``, ``extract/zh``, ``extract/ja``, ``extract/latin``) are
precise on the kinds of text they were written for and miss what they never saw; a
statistical tagger trained on public data generalises but puts boundaries less
carefully.  Each language's passes may ask ``tagger_for(lang)`` for a tagger and use
its spans as candidates, as a vote or as a filter; how they are combined is the
business of the language's own passes.

A tagger is loaded on first use and kept for the life of the process (worker
processes load their own).  ``tagger_for`` returns None when no tagger is shipped for
the language or its model files are missing, so extraction always works on the rules
alone.  Models live in ``resources/models/``; each has its training script and the
licence of its training data beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

KINDS = ("person", "organization", "place")


@dataclass(frozen=True)
class TaggedSpan:
    start: int  # code-point offsets into the text given to ``tag``
    end: int
    kind: str  # one of KINDS
    score: float  # the tagger's own confidence in [0, 1]; 1.0 when it gives none


class Tagger(Protocol):
    name: str  # stable, recorded as a signal on the facts it supports

    def tag(self, text: str) -> list[TaggedSpan]: ...


_FACTORIES: dict[str, Callable[[], Tagger | None]] = {}
_LOADED: dict[str, Tagger | None] = {}


def register(lang: str, factory: Callable[[], Tagger | None]) -> None:
    """Make ``factory`` the way to build the tagger for ``lang`` (called at import)."""
    _FACTORIES[lang] = factory
    _LOADED.pop(lang, None)


def tagger_for(lang: str) -> Tagger | None:
    """The tagger for a language, built once per process; None if there is none."""
    if lang not in _LOADED:
        factory = _FACTORIES.get(lang)
        _LOADED[lang] = factory() if factory else None
    return _LOADED[lang]
