"""Keys that make two spellings of one name compare equal.

``match_key`` folds what never distinguishes two entities: Traditional vs
Simplified characters, width, case, spaces and punctuation.  Romanised keys
(pinyin, Japanese readings) live in ``romanise.py``; they are weaker evidence
and lead to proposals rather than certain links.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..core.text import count_scripts, has_cjk, to_simplified

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


# -- weaker keys (evidence for proposals, or for dictionary look-ups) ---------------

_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GERMAN_ENDINGS = ("en", "es", "er", "em", "e", "n", "s")


def _stem(token: str) -> str:
    for ending in _GERMAN_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 4:
            return token[: -len(ending)]
    return token


def inflection_key(name: str) -> str:
    """A Latin name with German/English inflection endings cut from every word:
    'Liberaldemokratischen Partei Japans' and 'Liberaldemokratische Partei Japans'
    share one key.  Empty for names that are not in Latin letters or have one word."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    words = _LATIN_WORD.findall(text)
    if len(words) < 2 or not all(w.isascii() or w.isalpha() and not has_cjk(w) for w in words):
        return ""
    return " ".join(_stem(w) for w in words)


# Legal-form and group suffixes that do not change which organisation is meant
# (三得利集团 = 三得利, ORIX Corporation = ORIX).  Branches and subsidiaries keep
# their distinguishing part (伊藤忠(中国) stays apart from 伊藤忠).
_ORG_SUFFIXES_CJK = ("股份有限公司", "有限责任公司", "有限公司", "株式会社", "控股集团", "集团公司", "集团",
                     "控股", "公司", "会社", "グループ", "ホールディングス")
_ORG_SUFFIXES_LATIN = ("holdings", "holding", "group", "gruppe", "corporation", "corp", "company", "co",
                       "ltd", "limited", "inc", "incorporated", "ag", "gmbh", "kk", "plc", "se")


def org_core_key(name: str) -> str:
    """match_key of an organisation's name without legal-form/group suffixes ('' if nothing was cut)."""
    key = match_key(name)
    if has_cjk(key):
        cut = key
        changed = True
        while changed:
            changed = False
            for suffix in _ORG_SUFFIXES_CJK:
                if cut.endswith(suffix) and len(cut) > len(suffix) + 1:
                    cut = cut[: -len(suffix)]
                    changed = True
        # "株式会社" is also written before the name
        if cut.startswith("株式会社") and len(cut) > 5:
            cut = cut[4:]
        return cut if cut != key else ""
    words = _LATIN_WORD.findall(unicodedata.normalize("NFKC", name or "").casefold())
    while len(words) > 1 and words[-1] in _ORG_SUFFIXES_LATIN:
        words.pop()
    cut = "".join(words)
    return cut if cut and cut != key else ""


_PLACE_SUFFIXES = ("市", "省")


def place_core_key(name: str) -> str:
    """match_key of a Chinese place without 市/省 ('青岛市' -> '青岛'); '' if nothing was cut."""
    key = match_key(name)
    for suffix in _PLACE_SUFFIXES:
        if key.endswith(suffix) and len(key) >= 3 and has_cjk(key):
            return key[:-1]
    return ""
