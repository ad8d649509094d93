"""Offsets between Python code points (how facts store spans) and Qt's UTF-16
units (how QTextCursor counts).  A character outside the Basic Multilingual
Plane (emoji, CJK Extension B such as 𠀀) is one code point but two UTF-16 units;
without this conversion every highlight after it would drift.  Qt-free."""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Converts offsets for one text.  O(log n) per lookup; cheap when the text is all BMP."""

    def __init__(self, text: str):
        # code-point indexes of the astral characters, in order
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # their UTF-16 positions
        self._astral16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_right(self._astral, cp - 1)

    def to_codepoint(self, u16: int) -> int:
        # every astral character before u16 added one extra unit
        n = bisect_right(self._astral16, u16 - 1)
        # a position inside a surrogate pair snaps to the start of the character
        if n and self._astral16[n - 1] == u16 - 1:
            return self._astral[n - 1]
        return u16 - n


def to_utf16(text: str, cp: int) -> int:
    return OffsetMap(text).to_utf16(cp)


def to_codepoint(text: str, u16: int) -> int:
    return OffsetMap(text).to_codepoint(u16)
