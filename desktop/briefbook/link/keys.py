"""Keys that make two spellings of one name compare equal.

``match_key`` folds what never distinguishes two entities: Traditional vs
Simplified characters, width, case, spaces and punctuation.  Romanised keys
(pinyin, Japanese readings) live in ``romanise.py``; they are weaker evidence
and lead to proposals rather than certain links.
"""

from __future__ import annotations

import re
import unicodedata

from ..core.chinese import to_simplified

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def match_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    text = to_simplified(text).casefold()
    return _NOISE.sub("", text)


def script_of(name: str) -> str:
    """Latn, Hans, Hant, Jpan, Hang or Zyyy (mixed/unknown), for showing names per script."""
    han = kana = latin = hangul = 0
    for ch in name:
        if "\u3040" <= ch <= "\u30ff":
            kana += 1
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            han += 1
        elif "\uac00" <= ch <= "\ud7af":
            hangul += 1
        elif ch.isalpha():
            latin += 1
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
