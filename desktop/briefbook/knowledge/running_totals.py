"""A running total next to a figure of a period: "1-3月新设项目8个，累计120个".

A sentence that gives the figure of a month range and the total so far names one period
only; read plainly both figures get it, and two values for one measure, subject and
period are a conflict.  The total carries a word that says it adds up everything so far
(累计, 累計, 共计, 总计, 共 before the number, insgesamt, kumuliert, in total, cumulative,
bringing the total to): when such a figure shares its measure, subject and period with
another figure of the article that has no such word and another value (its subject, or
none named), it is the total
as of the period's end (start unknown), as 截至2020年5月底 reads.  Alone, the same word
keeps the period it was given: "1-5月累计进出口2000亿元" is the figure of Jan-May; so does a
total whose own clause names its period ("im ersten Halbjahr insgesamt" is the half-year's
total), and a growth rate or share is never a running total (figures.py decides both).

    says_running_total(clause_before, figure_text, cjk) -> whether the words say so
    mark_running_totals(figures, totals)   turns those totals' periods into "as of" in place

Pure logic: no store, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .periods import Period

_CUMULATIVE_CJK = re.compile(r"累计|累計|累积|累積|总计|總計|共计|共計|合计|合計|一共|总共|總共|共(?=[\d一二三四五六七八九十两兩])")
_CUMULATIVE_LATIN = re.compile(r"\b(?:insgesamt|kumuliert\w*|in total|cumulative(?:ly)?|bringing the total to|"
                               r"(?:die|the) (?:Gesamtzahl|total) (?:auf|to))\b", re.I)


def says_running_total(clause_before: str, figure_text: str, cjk: bool) -> bool:
    """Whether the clause up to the figure (and the figure's own words) says it is a total so far."""
    rx = _CUMULATIVE_CJK if cjk else _CUMULATIVE_LATIN
    return bool(rx.search(clause_before + figure_text))


def mark_running_totals(figures: Sequence, totals: set[int]) -> None:
    """``totals``: the indexes of the figures whose clause says they are a running total."""
    def claim(f) -> tuple | None:
        if f.period is None or f.period.kind == "as_of":
            return None
        return (f.measure, f.period.start, f.period.end, f.unit, f.currency)

    plain: dict[tuple, list] = {}
    for i, f in enumerate(figures):
        key = claim(f)
        if key is not None and i not in totals:
            plain.setdefault(key, []).append(f)
    for i in sorted(totals):
        f = figures[i]
        key = claim(f)
        # a total whose sentence leaves its subject unnamed continues the figure before it
        if key is None or not any(o.value != f.value and (f.subject is None or o.subject == f.subject)
                                  for o in plain.get(key, ())):
            continue
        f.period = Period(None, f.period.end, "as_of")
        f.cues.append("period:running-total")
