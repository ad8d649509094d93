"""Line breaking for paragraphs that contain CJK text (reportlab).

reportlab's own ``wordWrap="CJK"`` cuts Latin words and knows only part of the
kinsoku rules (no fullwidth comma, colon, question mark ...).  This breaker
allows a break between two CJK characters, after a space and after a hyphen,
never inside a Latin word or number, never before closing punctuation
(。，、）」 ...) and never after an opening bracket (（「 ...).  A Latin word that
overflows the line is hyphenated by the book language's rules (pyphen's German
and English patterns, the LibreOffice dictionaries, offline), so a narrow table
cell reads "Mitglieds-|unternehmen", never "Mitgliedsunternehm-|en".  Only a run
longer than the line with no break opportunity at all is cut by force.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

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


def _word_around(U, i: int, start: int) -> tuple[int, int]:
    """The Latin word that character ``i`` belongs to: [ws, we)."""
    ws = i
    while ws > start and U[ws - 1].isalpha() and not is_cjk_char(U[ws - 1]):
        ws -= 1
    we = i
    while we < len(U) and U[we].isalpha() and not is_cjk_char(U[we]):
        we += 1
    return ws, we


def break_lines(frags, max_widths, calc_bounds, hyphenation: str = "") -> ParaLines:
    U: list = []  # reportlab's cjkU character objects
    glued: set[int] = set()  # no break before these: a WORD JOINER stood there (inside a name)
    for f in frags:
        text = f.text
        if text:
            for t in text:
                if t == WORD_JOINER:
                    glued.add(len(U))
                else:
                    U.append(cjkU(t, f, "utf8"))
        else:
            U.append(cjkU(text, f, "utf8"))
    lines = []
    n = len(U)
    max_width = max_widths[0]
    start = i = 0
    width = 0.0
    last_break = -1

    def emit(end: int, line_break: bool, extra=None) -> None:
        nonlocal max_width
        seg = U[start:end] + ([extra] if extra is not None else [])
        if not line_break:
            k = len(seg)
            while k > 1 and seg[k - 1] == " ":
                k -= 1
            seg = seg[:k]
        used = sum(u.width for u in seg)
        lines.append(makeCJKParaLine(seg, max_width, used, max_width - used, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]

    while i < n:
        u = U[i]
        if hasattr(u.frag, "lineBreak"):
            emit(i + 1, True)
            start = i = i + 1
            width, last_break = 0.0, -1
            continue
        if i > start and i not in glued and can_break_between(U[i - 1], u):
            last_break = i
        if i > start and u != " " and width + u.width > max_width + _FUZZ:
            if hyphenation and u.isalpha() and not is_cjk_char(u):
                ws, we = _word_around(U, i, start)
                word = "".join(str(x) for x in U[ws:we])
                hyphen = cjkU("-", U[i - 1].frag, "utf8")
                fits = [ws + p for p in hyphen_points(word, hyphenation)
                        if ws + p <= i and ws + p - start >= 2
                        and sum(x.width for x in U[start:ws + p]) + hyphen.width <= max_width + _FUZZ]
                if fits:
                    brk = max(fits)
                    emit(brk, False, extra=hyphen)
                    start = i = brk
                    width, last_break = 0.0, -1
                    continue
            brk = last_break if last_break > start else i
            if brk == i and U[i - 1].isalpha() and u.isalpha() and not is_cjk_char(u) and i - 1 > start:
                # a word longer than the line: hyphenate instead of cutting silently
                brk = i - 1
                hyphen = cjkU("-", U[brk - 1].frag, "utf8")
                emit(brk, False, extra=hyphen)
            else:
                emit(brk, False)
            start = brk
            while start < n and U[start] == " ":
                start += 1
            i = max(i, start)
            width = sum(x.width for x in U[start:i])
            last_break = -1
            continue
        width += u.width
        i += 1
    if start < n:
        emit(n, False)
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):
    """A platypus Paragraph using :func:`break_lines` (create with wordWrap='CJK')."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802 (reportlab's name)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        # Tables wrap a cell several times and multiBuild repeats every pass: the
        # result only depends on the widths, so keep the last one.
        key = tuple(maxWidths)
        cached = getattr(self, "_bb_lines", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                             textColor=style.textColor, lines=[], ascent=style.fontSize,
                             descent=-0.2 * style.fontSize)
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        lang = HYPHENATION_LANGS.get(getattr(style, "hyphenationLang", "")[:2], "")
        lines = break_lines(self.frags, maxWidths, auto not in ("", "off"), lang)
        self._bb_lines = (key, lines)
        return lines
