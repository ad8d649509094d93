"""The CJK line breaker as it was written first, one reportlab ``cjkU`` object per
character: the reference the faster breaker in export/linebreak.py must agree
with line for line (tests/export/test_linebreak.py)."""

from __future__ import annotations

from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

from briefbook.export.linebreak import WORD_JOINER, can_break_between, hyphen_points, is_cjk_char


def _word_around(U, i: int, start: int) -> tuple[int, int]:
    ws = i
    while ws > start and U[ws - 1].isalpha() and not is_cjk_char(U[ws - 1]):
        ws -= 1
    we = i
    while we < len(U) and U[we].isalpha() and not is_cjk_char(U[we]):
        we += 1
    return ws, we


def reference_break_lines(frags, max_widths, calc_bounds, hyphenation: str = "") -> ParaLines:
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


