"""Where a line may break, without any typesetting engine: the kinsoku rules, the
CJK character classes and German/English hyphenation points.  The PDF's line
breaker (linebreak.py) and the DOCX's page estimate (paginate.py) share them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..core.text import is_cjk, is_cjk_punct, is_hangul

# closing punctuation, small kana, iteration marks, prolonged sound mark ...
CANNOT_START = set(
    "!%),.:;?]}¢°’”‰′″℃、。〃々〉》」』】〕〗〙〟ゝゞ・ーヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "！％），．：；？］｝～｡｣､･ｰﾞﾟ…‥–—"
)
# opening punctuation and prefixes
CANNOT_END = set("([{£¥‘“〈《「『【〔〖〘〝（［｛｢＄￡￥#＃")


def is_cjk_char(ch: str) -> bool:
    """A character a line may break before or after: CJK, Hangul, CJK punctuation and
    everything East Asian wide or full-width (radicals, bopomofo, full-width forms)."""
    if len(ch) != 1:
        return False
    return (is_cjk(ch) or is_hangul(ch) or is_cjk_punct(ch)
            or unicodedata.east_asian_width(ch) in ("W", "F"))


def can_break_between(prev: str, cur: str) -> bool:
    """May a line end after ``prev`` and the next start with ``cur``?"""
    if not prev or not cur:
        return False
    if cur.isspace():
        return False
    if cur in CANNOT_START or prev in CANNOT_END:
        return False
    if prev == "\u00a0":
        return False  # a no-break space (between the words of a name)
    if prev.isspace():
        return True
    if prev.isdigit() and prev.isascii() and is_cjk_char(cur):
        return False  # keep a number with its counter or unit: 2019年, 76.43亿
    if is_cjk_char(prev) or is_cjk_char(cur):
        return True
    return prev in "-/\u2010\u2013\u2014" and cur.isalnum()


WORD_JOINER = "\u2060"  # the layout puts it between the characters of a CJK name


# book locale -> pyphen dictionary; other locales are not hyphenated
HYPHENATION_LANGS = {"de": "de_DE", "en": "en_GB"}


@lru_cache(maxsize=8)
def _pyphen(lang: str):
    import pyphen

    return pyphen.Pyphen(lang=lang, left=3, right=3)  # no "of-|fice", no "-|on" at a line start


def hyphen_points(word: str, lang: str) -> list[int]:
    """Where ``word`` may be hyphenated (indexes into it), by ``lang``'s patterns."""
    if not lang or len(word) < 5:
        return []
    return _pyphen(lang).positions(word)


# What each character allows, looked up once per distinct character (a paragraph
# asks for every pair of neighbours): bits of _char_class.
_SPACE, _NO_START, _NO_END, _NBSP, _DIGIT, _WIDE, _DASH, _ALNUM = (1 << k for k in range(8))
_classes: dict[str, int] = {}


def _char_class(ch: str) -> int:
    bits = _classes.get(ch)
    if bits is None:
        bits = ((_SPACE if ch.isspace() else 0) | (_NO_START if ch in CANNOT_START else 0)
                | (_NO_END if ch in CANNOT_END else 0) | (_NBSP if ch == "\u00a0" else 0)
                | (_DIGIT if ch.isdigit() and ch.isascii() else 0) | (_WIDE if is_cjk_char(ch) else 0)
                | (_DASH if ch in "-/\u2010\u2013\u2014" else 0) | (_ALNUM if ch.isalnum() else 0))
        _classes[ch] = bits
    return bits


def _may_break(prev: str, cur: str) -> bool:
    """:func:`can_break_between` from the characters' classes (the same answers, a test
    compares them)."""
    if not prev or not cur:
        return False
    p, c = _char_class(prev), _char_class(cur)
    if c & (_SPACE | _NO_START) or p & (_NO_END | _NBSP):
        return False
    if p & _SPACE:
        return True
    if p & _DIGIT and c & _WIDE:
        return False
    if (p | c) & _WIDE:
        return True
    return bool(p & _DASH and c & _ALNUM)


_pairs: dict[tuple[str, str], bool] = {}  # (previous, current character) -> _may_break
