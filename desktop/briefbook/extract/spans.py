"""Text normalisation that keeps offsets, and small span helpers.

Rules match against a *normalised* copy of the article text that has exactly the
same length as the original: every code point is mapped to one code point
(Traditional -> Simplified with OpenCC t2s character by character, full-width
digits/letters/punctuation -> ASCII).  So an offset found in the copy is the same
offset in the original, and ``text[start:end]`` is always the original wording.
OpenCC's phrase-level conversion is not length-preserving, which is why we convert
one character at a time and keep the original character whenever a conversion
would change the length.
"""

from __future__ import annotations

import unicodedata

from ..core.text import CharTable, simplified_char

# Japanese shinjitai that OpenCC's t2s leaves alone, mapped to the Simplified
# character the dictionaries use (愛知県 -> 爱知县, 商務庁 -> 商务厅, 経済 -> 经济, the
# family name 呉 -> 吴).
# 円 is left alone: it is the yen.
_JA_TO_ZH = dict(zip("県庁経済広沢図価売関鉄総発営団労験従帰転伝両辺恵歳楽児応実変拠戦択浜気検権軽験駅売読続緑縄縦顕覧説覚呉",
                     "县厅经济广泽图价卖关铁总发营团劳验从归转传两边惠岁乐儿应实变据战择滨气检权轻验驿卖读续绿绳纵显览说觉吴",
                     strict=True))

# NFKC turns these into something other than one ASCII char we want; keep them.
_KEEP = set("・·〇々ー〜～")


def _map_char(c: str) -> str:
    o = ord(c)
    if o < 0x80:
        return c
    if c in _KEEP:
        return c
    if 0xFF01 <= o <= 0xFF5E or o in (0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x202F):
        k = unicodedata.normalize("NFKC", c)
        return k if len(k) == 1 else c
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
        if c in _JA_TO_ZH:
            return _JA_TO_ZH[c]
        return simplified_char(c)
    return c


_TABLE = CharTable(_map_char)


def normalise(text: str) -> str:
    """Same-length copy of ``text`` for matching (see the module docstring)."""
    if not text:
        return text
    result = text.translate(_TABLE)
    assert len(result) == len(text)
    return result


def to_simplified(s: str) -> str:
    """Normalise a dictionary entry exactly like text."""
    return normalise(s)


def sentence_bounds(norm: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence (or line) around ``pos``."""
    enders = "。！？!?\n；;"
    start = pos
    while start > 0 and norm[start - 1] not in enders:
        start -= 1
        if pos - start > 400:
            break
    end = pos
    n = len(norm)
    while end < n and norm[end] not in enders:
        end += 1
        if end - pos > 400:
            break
    return start, end
