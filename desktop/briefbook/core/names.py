"""Comparing names as written: the keys the store indexes and the linker matches on.

``match_key`` folds what never distinguishes two entities: Traditional vs
Simplified characters, width, case, spaces and punctuation.  ``script_of``
says in which script a name is written, so an entity's page can show its
names per script.  Both live in core because the store indexes aliases by them
and the linker (link/) compares names by them: neither may import the other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .text import count_scripts, to_simplified

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    text = to_simplified(text).casefold()
    return _NOISE.sub("", text)


def script_of(name: str) -> str:
    """Latn, Hans, Hant, Jpan, Hang or Zyyy (mixed/unknown), for showing names per script."""
    han, kana, hangul, latin, other = count_scripts(name)
    latin += other
    if kana:
        return "Jpan"
    if han and han >= latin:
        simplified = to_simplified(name)
        return "Hant" if simplified != name else "Hans"
    if hangul:
        return "Hang"
    if latin:
        return "Latn"
    return "Zyyy"
