"""Traditional/Simplified conversion through OpenCC, loaded once per process."""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


def to_simplified_per_char(text: str) -> str:
    """Simplified text of exactly the same length, so offsets carry over.

    OpenCC's phrase tables may change the length of a run; converting one
    character at a time never does (a character whose conversion is not one
    character is left as it is).
    """
    conv = _converter("t2s")
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        s = conv.convert(ch)
        out.append(s if len(s) == 1 else ch)
    return "".join(out)
