"""A figure's period in words for a book locale: "2019", "H1 2020" / "2020年上半年" /
"1. Halbjahr 2020", "Q1 2021", "Jan–May 2020" / "2020年1-5月", "as of 31 May 2020" /
"截至2020年5月31日", "period unknown" (``reported_words``: "reported 31 Jul 2020").  Works on the period's start and end (ISO dates),
so a half-year, quarter or month range is named whatever words the article used."""

from __future__ import annotations

import calendar

_UNKNOWN = {"en": "period unknown", "de": "Zeitraum unbekannt", "zh-Hans": "时期不明", "zh-Hant": "時期不明",
            "ja": "期間不明"}
_HALF = {"en": "H{h} {y}", "de": "{h}. Halbjahr {y}", "zh-Hans": "{y}年{hz}半年", "zh-Hant": "{y}年{hz}半年",
         "ja": "{y}年{hz}半期"}
_QUARTER = {"en": "Q{q} {y}", "de": "{q}. Quartal {y}", "zh-Hans": "{y}年第{qz}季度", "zh-Hant": "{y}年第{qz}季度",
            "ja": "{y}年第{q}四半期"}
# a figure with no period of its own: the day the article reported it, said as such
_REPORTED = {"en": "reported {d}", "de": "Meldung vom {d}", "zh-Hans": "{d}报道", "zh-Hant": "{d}報導",
             "ja": "{d}報道"}
_AS_OF = {"en": "as of {d}", "de": "Stand {d}", "zh-Hans": "截至{d}", "zh-Hant": "截至{d}", "ja": "{d}時点"}
_CJK_DIGITS = "〇一二三四"
_MONTHS_EN = [calendar.month_abbr[m] for m in range(13)]
_MONTHS_DE = ["", "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def _ymd(iso: str) -> tuple[int, int, int]:
    y, m, d = (int(p) for p in iso[:10].split("-"))
    return y, m, d


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _day(iso: str, loc: str) -> str:
    y, m, d = _ymd(iso)
    if loc in ("zh-Hans", "zh-Hant", "ja"):
        return f"{y}年{m}月{d}日"
    if loc == "de":
        return f"{d}. {_MONTHS_DE[m]} {y}"
    return f"{d} {_MONTHS_EN[m]} {y}"


def _month_span(y: int, a: int, b: int, loc: str) -> str:
    if loc in ("zh-Hans", "zh-Hant", "ja"):
        return f"{y}年{a}月" if a == b else f"{y}年{a}-{b}月"
    names = _MONTHS_DE if loc == "de" else _MONTHS_EN
    return f"{names[a]} {y}" if a == b else f"{names[a]}–{names[b]} {y}"


def period_words(start: str | None, end: str | None, loc: str) -> str:
    """The period ``start``..``end`` (ISO dates; start None = "as of" end) in ``loc``."""
    loc = loc if loc in _UNKNOWN else "en"
    if not start and not end:
        return _UNKNOWN[loc]
    if not start:
        return _AS_OF[loc].format(d=_day(end or "", loc))
    if not end:
        return _day(start, loc)
    (y1, m1, d1), (y2, m2, d2) = _ymd(start), _ymd(end)
    whole_months = d1 == 1 and d2 == _last(y2, m2)
    if y1 == y2 and whole_months:
        if (m1, m2) == (1, 12):
            return f"{y1}年" if loc in ("zh-Hans", "zh-Hant", "ja") else str(y1)
        if (m1, m2) in ((1, 6), (7, 12)):
            h = 1 if m1 == 1 else 2
            return _HALF[loc].format(h=h, y=y1, hz="上" if h == 1 else "下")
        if m2 - m1 == 2 and m1 % 3 == 1:
            q = (m1 + 2) // 3
            return _QUARTER[loc].format(q=q, y=y1, qz=_CJK_DIGITS[q])
        return _month_span(y1, m1, m2, loc)
    if start == end:
        return _day(start, loc)
    return f"{_day(start, loc)} – {_day(end, loc)}"


def reported_words(day: str | None, loc: str) -> str:
    """A figure without a period of its own, dated by the article that reported it:
    "reported 31 Jul 2020" / "Meldung vom 31. Juli 2020" / "2020年7月31日报道" (never
    "as of", which is a period the article gave); "period unknown" without that day."""
    loc = loc if loc in _UNKNOWN else "en"
    if not day:
        return _UNKNOWN[loc]
    return _REPORTED[loc].format(d=_day(day, loc))
