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

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

from .break_rules import (  # noqa: F401  (CANNOT_END, can_break_between, hyphen_points, ...: used as linebreak.X)
    CANNOT_END,
    CANNOT_START,
    HYPHENATION_LANGS,
    WORD_JOINER,
    _char_class,
    _may_break,
    _pairs,
    _pyphen,
    can_break_between,
    hyphen_points,
    is_cjk_char,
)


def _word_around(chars: list[str], i: int, start: int) -> tuple[int, int]:
    """The Latin word that character ``i`` belongs to: [ws, we)."""
    ws = i
    while ws > start and chars[ws - 1].isalpha() and not is_cjk_char(chars[ws - 1]):
        ws -= 1
    we = i
    while we < len(chars) and chars[we].isalpha() and not is_cjk_char(chars[we]):
        we += 1
    return ws, we


class _Run(str):
    """Consecutive characters of one fragment, as ``makeCJKParaLine`` takes them (it
    reads only the text and ``.frag``; one element per run instead of per character)."""

    frag: object


def _run(text: str, frag) -> _Run:
    r = _Run(text)
    r.frag = frag
    return r


# (font name, size) -> (the registered font, {character: width}): a character's width
# as reportlab measures it alone, computed once per font and size
_widths: dict[tuple[str, float], tuple[object, dict[str, float]]] = {}


def _width_table(frag) -> dict[str, float]:
    key = (frag.fontName, frag.fontSize)
    font = getFont(frag.fontName)
    entry = _widths.get(key)
    if entry is None or entry[0] is not font:  # a font registered again under the name: measure anew
        entry = _widths[key] = (font, {})
    return entry[1]


def break_lines(frags, max_widths, calc_bounds, hyphenation: str = "") -> ParaLines:
    # One entry per character (a fragment with no text is one empty entry), with the
    # width reportlab gives it alone (its cjkU width) and the fragment it comes from.
    chars: list[str] = []
    widths: list[float] = []
    owner: list = []  # the fragment of each entry
    glued: set[int] = set()  # no break before these: a WORD JOINER stood there (inside a name)
    forced: set[int] = set()  # the entries of line-break fragments (<br/>)
    for f in frags:
        text = f.text
        first = len(chars)
        if hasattr(f, "cbDefn"):
            w = getattr(f.cbDefn, "width", 0)
            for t in text or [text]:
                if t == WORD_JOINER:
                    glued.add(len(chars))
                    continue
                chars.append(t)
                widths.append(w)
                owner.append(f)
        elif not text:
            chars.append(text)
            widths.append(stringWidth(text, f.fontName, f.fontSize))
            owner.append(f)
        else:
            table = _width_table(f)
            for t in text:
                if t == WORD_JOINER:
                    glued.add(len(chars))
                    continue
                w = table.get(t)
                if w is None:
                    w = table[t] = stringWidth(t, f.fontName, f.fontSize)
                chars.append(t)
                widths.append(w)
                owner.append(f)
        if hasattr(f, "lineBreak"):
            forced.update(range(first, len(chars)))
    lines = []
    n = len(chars)
    max_width = max_widths[0]
    start = i = 0
    width = 0.0
    last_break = -1

    def hyphen_after(k: int) -> tuple[_Run, float]:  # a hyphen in the fragment of entry k
        f = owner[k]
        w = getattr(f.cbDefn, "width", 0) if hasattr(f, "cbDefn") else stringWidth("-", f.fontName, f.fontSize)
        return _run("-", f), w

    def emit(end: int, line_break: bool, extra: tuple[_Run, float] | None = None) -> None:
        nonlocal max_width
        if not line_break and extra is None:
            while end - start > 1 and chars[end - 1] == " ":
                end -= 1
        used = sum(widths[start:end]) + (extra[1] if extra is not None else 0)
        seg: list = []
        k = start
        while k < end:  # runs of one fragment; an image or a line break stays one entry
            f = owner[k]
            j = k + 1
            if not (hasattr(f, "cbDefn") or hasattr(f, "lineBreak")):
                while j < end and owner[j] is f:
                    j += 1
            seg.append(_run("".join(chars[k:j]), f))
            k = j
        if extra is not None:
            seg.append(extra[0])
        lines.append(makeCJKParaLine(seg, max_width, used, max_width - used, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]

    limit = max_width + _FUZZ
    while i < n:
        u = chars[i]
        if i in forced:
            emit(i + 1, True)
            limit = max_width + _FUZZ
            start = i = i + 1
            width, last_break = 0.0, -1
            continue
        if i > start and i not in glued:
            pair = (chars[i - 1], u)
            ok = _pairs.get(pair)
            if ok is None:
                if len(_pairs) > 100_000:  # a long CJK book has many pairs: keep the memory bounded
                    _pairs.clear()
                ok = _pairs[pair] = _may_break(*pair)
            if ok:
                last_break = i
        uw = widths[i]
        if i > start and u != " " and width + uw > limit:
            if hyphenation and u.isalpha() and not is_cjk_char(u):
                ws, we = _word_around(chars, i, start)
                word = "".join(chars[ws:we])
                hyphen = hyphen_after(i - 1)
                fits = [ws + p for p in hyphen_points(word, hyphenation)
                        if ws + p <= i and ws + p - start >= 2
                        and sum(widths[start:ws + p]) + hyphen[1] <= limit]
                if fits:
                    brk = max(fits)
                    emit(brk, False, extra=hyphen)
                    limit = max_width + _FUZZ
                    start = i = brk
                    width, last_break = 0.0, -1
                    continue
            brk = last_break if last_break > start else i
            if brk == i and chars[i - 1].isalpha() and u.isalpha() and not is_cjk_char(u) and i - 1 > start:
                # a word longer than the line: hyphenate instead of cutting silently
                brk = i - 1
                emit(brk, False, extra=hyphen_after(brk - 1))
            else:
                emit(brk, False)
            limit = max_width + _FUZZ
            start = brk
            while start < n and chars[start] == " ":
                start += 1
            i = max(i, start)
            width = sum(widths[start:i])
            last_break = -1
            continue
        width += uw
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
