"""The period a figure refers to, resolved against the article's date.

A ``Period`` is a closed range of whole days (``start``..``end``, ISO dates) and
a kind that says how it was written:

    year      2019年 / im Jahr 2019               2019-01-01..2019-12-31
    half      今年上半年 (article of July 2020)     2020-01-01..2020-06-30
    quarter   一季度 / Q1 2021 / im ersten Quartal 2021-01-01..2021-03-31
    months    1-5月 / Januar bis Mai / 前5个月 / 1月から5月にかけて / in den ersten fünf Monaten
                                                 2020-01-01..2020-05-31
    month     2020年5月                            2020-05-01..2020-05-31
    day       7月30日 (a day or a range of days)
    as_of     截至2020年5月底 / Stand Ende Mai      start None, end 2020-05-31 (a cumulative total)
    since     自5月19日…以来                       2020-05-19..the article's date

Two sources feed it: the extractor's date facts (with ``iso``/``end_iso``) and a
few patterns of our own for period words the date rules do not read (上半期,
"first half of 2023", "im ersten Halbjahr").  Nothing here guesses a year that
the text and the article date do not give: no period is "period unknown".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# the same-length Simplified copy the figure readers import from here
from briefbook.core.text import to_simplified_per_char as to_simplified_per_char


@dataclass(frozen=True)
class Period:
    start: str | None
    end: str | None
    kind: str

    def as_dict(self) -> dict:
        out: dict = {"start": self.start, "end": self.end}
        if self.kind == "as_of":
            out["as_of"] = True
        return out


def last_day(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _first(y: int, m: int = 1, d: int = 1) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def _parts(iso: str) -> tuple[int, int | None, int | None] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", iso or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _range_of(iso: str) -> tuple[str, str] | None:
    p = _parts(iso)
    if p is None:
        return None
    y, mo, d = p
    if mo is None:
        return _first(y), _first(y, 12, 31)
    if d is None:
        return _first(y, mo), last_day(y, mo)
    return _first(y, mo, d), _first(y, mo, d)


def _kind_of(start_iso: str, end_iso: str | None) -> str:
    a = _parts(start_iso)
    b = _parts(end_iso) if end_iso else None
    if a is None:
        return "day"
    if a[1] is None:
        return "year"
    if a[2] is None:
        if b is None or b[1] == a[1]:
            return "month"
        if a[1] == 1 and b[1] == 6 or a[1] == 7 and b[1] == 12:
            return "half"
        if a[1] is not None and b[1] is not None and b[1] - a[1] == 2 and a[1] in (1, 4, 7, 10):
            return "quarter"
        return "months"
    return "day"


_AS_OF_BEFORE = re.compile(r"(截至|截止到|截止|截止至|到|至|Stand|bis Ende|as of|as at|(?:by|until|as of|as at|at) the end of)\s*$",
                           re.I)
_AS_OF_AFTER = re.compile(r"^\s*(底|末|为止|時点|时点|現在|现在|までに|まで|累计|累計)")
_SINCE_BEFORE = re.compile(r"(自|从|從|seit|since)\s*$", re.I)
_SINCE_AFTER = re.compile(r"^[^，,。；]{0,8}?(以来|以來|起|来|seitdem)")


def from_date(iso: str | None, end_iso: str | None, text: str, before: str, after: str,
              published: str | None) -> Period | None:
    """A period from an extractor date fact; ``before``/``after`` are a few characters around it."""
    if not iso:
        return None
    first = _range_of(iso)
    if first is None:
        return None
    last = _range_of(end_iso) if end_iso else first
    if last is None:
        last = first
    start, end = first[0], last[1]
    before_s, after_s = to_simplified_per_char(before), to_simplified_per_char(after)
    if _AS_OF_BEFORE.search(before_s) or re.match(r"^(截至|截止)", text) or _AS_OF_AFTER.match(after_s) \
            or text.endswith(("底", "末")):
        return Period(None, end, "as_of")
    if _SINCE_BEFORE.search(before_s) and (_SINCE_AFTER.match(after_s) or before_s.rstrip().lower().endswith(("seit", "since"))):
        pub_range = _range_of(published) if published else None
        pub_end = pub_range[1] if pub_range else None
        return Period(start, pub_end, "since")
    return Period(start, end, _kind_of(iso, end_iso))


# -- our own patterns, for period words the date rules do not read ---------------

_REL = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "上年": -1, "昨年": -1, "本年度": 0}
_HALF_CJK = {"上半年": (1, 6), "下半年": (7, 12), "上半期": (1, 6), "下半期": (7, 12), "上期": (1, 6), "下期": (7, 12),
             "一季度": (1, 3), "第一季度": (1, 3), "二季度": (4, 6), "第二季度": (4, 6),
             "三季度": (7, 9), "第三季度": (7, 9), "四季度": (10, 12), "第四季度": (10, 12), "前三季度": (1, 9),
             "第1四半期": (1, 3), "第2四半期": (4, 6), "第3四半期": (7, 9), "第4四半期": (10, 12),
             "1～3月期": (1, 3), "4～6月期": (4, 6), "7～9月期": (7, 9), "10～12月期": (10, 12)}
_DASH = "～~〜\\-－—–―‐−﹣"
_CJK_RX = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|本年|去年|前年|上年|昨年))?"
    r"(?:(?P<h>上半年|下半年|上半期|下半期|前三季度|第?[一二三四]季度|第[1-4]四半期|(?:1|4|7|10)～(?:3|6|9|12)月期)"
    rf"(?:\s*[（(](?P<p1>\d{{1,2}})\s*[{_DASH}至到]\s*(?P<p2>\d{{1,2}})月[)）])?"
    rf"|(?P<m1>\d{{1,2}})\s*[{_DASH}至到]\s*(?P<m2>\d{{1,2}})月"
    rf"|(?P<j1>\d{{1,2}})月\s*(?:から|より|至|到|[{_DASH}])\s*(?P<j2>\d{{1,2}})月"
    r"|前(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个|カ|ヶ|ケ|か|箇)?月)")
_CJK_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
            "十一": 11, "十二": 12}
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4,
        "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12} | {
    m.lower() + ".": i for i, m in enumerate(calendar.month_abbr) if m and m != "May"} | {"sept.": 9}
_MON = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
_LATIN_RX = re.compile(
    rf"(?P<half>(?:first|second|ersten|zweiten|erste|zweite)\s+(?:half|Halbjahr|Jahreshälfte))(?:\s+(?:of\s+|des\s+Jahres\s+)?(?P<hy>(?:19|20)\d{{2}}))?"
    rf"|(?P<q>(?:first|second|third|fourth|ersten|zweiten|dritten|vierten)\s+(?:quarter|Quartal))(?:\s+(?:of\s+|des\s+Jahres\s+)?(?P<qy>(?:19|20)\d{{2}}))?"
    rf"|\b(?P<qn>Q[1-4])\s*(?P<qny>(?:19|20)\d{{2}})?"
    rf"|\bH(?P<hn>[12])\s*(?P<hny>(?:19|20)\d{{2}})?"
    rf"|(?:from\s+|von\s+)?\b(?P<ma>{_MON})\s*(?:-|–|to|bis|through|and|und)\s*(?P<mb>{_MON})(?!\w)(?:\s+(?P<my>(?:19|20)\d{{2}}))?"
    rf"|(?P<fm>(?:first|ersten)\s+(?P<fmn>\d{{1,2}}|{'|'.join(_COUNT_WORDS)})\s+(?:months|Monaten|Monate))"
    rf"(?:\s+(?:of\s+|des\s+Jahres\s+|(?:of\s+)?the\s+year\s+)?(?P<fmy>(?:19|20)\d{{2}}))?"
    rf"|(?P<fy>(?:FY|fiscal\s+year|Geschäftsjahr)\s*(?:19|20)\d{{2}})"
    rf"|(?<![\d.,])(?P<year>(?:19|20)\d{{2}})(?![\d%]|[.,]\d|\s*(?:Mio|Mrd|million|billion|Prozent|percent|Euro|Yuan|Dollar))", re.I)


_CJK_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_LATIN_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d%]|[.,]\d)")


def own_periods(text: str, lang: str, published: str | None) -> list[tuple[int, int, Period]]:
    """(start, end, Period) for period words in ``text`` that the date rules may have missed."""
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    out: list[tuple[int, int, Period]] = []
    cjk = lang in ("zh-Hans", "zh-Hant", "ja")
    stated = [(m.start(), int(m.group(1))) for m in (_CJK_YEAR if cjk else _LATIN_YEAR).finditer(text)]

    def year_of(at: int) -> int | None:
        """The article's year, or without an article date the last year the text stated before."""
        if pub_year is not None:
            return pub_year
        return next((y for pos, y in reversed(stated) if pos < at), None)

    if cjk:
        norm = to_simplified_per_char(text)
        defined: dict[str, tuple[int, int, int]] = {}  # 上半期 -> (year, first month, last month) as the text said
        for m in _CJK_RX.finditer(norm):
            y = int(m.group("y")) if m.group("y") else (pub_year + _REL[m.group("rel")] if m.group("rel") and pub_year
                                                           else None)
            if y is None and not m.group("rel"):
                y = year_of(m.start())  # 1-5月 / 上半年 without a year: the article's year
            if y is None:
                continue
            if m.group("h"):
                h = m.group("h")
                key = h if h in _HALF_CJK else h.lstrip("第")
                a, b = _HALF_CJK.get(key, _HALF_CJK.get(h, (1, 12)))
                if m.group("p1"):  # 2018年上半期(4−9月): a fiscal half-year says its months
                    pa, pb = int(m.group("p1")), int(m.group("p2"))
                    if 1 <= pa <= pb <= 12:
                        a, b = pa, pb
                        defined[h] = (y, a, b)
                elif h in defined and not m.group("y") and not m.group("rel"):
                    y, a, b = defined[h]  # the same word later means what the text defined it as
            elif m.group("n"):  # 前7个月 / 前7か月: from January to the end of the seventh month
                n = m.group("n")
                a, b = 1, int(n) if n.isdigit() else _CJK_NUM.get(n, 0)
                if not 1 <= b <= 12:
                    continue
            else:  # 1-7月 / 1月から4月にかけて
                a, b = int(m.group("m1") or m.group("j1")), int(m.group("m2") or m.group("j2"))
                if not (1 <= a <= b <= 12):
                    continue
            out.append((m.start(), m.end(), Period(_first(y, a), last_day(y, b), _kind_of(f"{y}-{a:02d}", f"{y}-{b:02d}"))))
        return out
    for m in _LATIN_RX.finditer(text):
        g = m.groupdict()
        if g["half"] or g["hn"]:
            n = 1 if (g["hn"] == "1" or (g["half"] and g["half"].split()[0].lower() in ("first", "ersten", "erste"))) else 2
            written = g["hy"] or g["hny"]
            y = int(written) if written else year_of(m.start())
            if y:
                a, b = (1, 6) if n == 1 else (7, 12)
                out.append((m.start(), m.end(), Period(_first(y, a), last_day(y, b), "half")))
        elif g["q"] or g["qn"]:
            n = int(g["qn"][1]) if g["qn"] else _ORD[g["q"].split()[0].lower()]
            written = g["qy"] or g["qny"]
            y = int(written) if written else year_of(m.start())
            if y:
                out.append((m.start(), m.end(), Period(_first(y, 3 * n - 2), last_day(y, 3 * n), "quarter")))
        elif g["fm"]:  # in den ersten sieben Monaten / the first seven months
            n = g["fmn"].lower()
            b = int(n) if n.isdigit() else _COUNT_WORDS[n]
            y = int(g["fmy"]) if g["fmy"] else year_of(m.start())
            if y and 1 <= b <= 12:
                out.append((m.start(), m.end(), Period(_first(y), last_day(y, b), _kind_of(f"{y}-01", f"{y}-{b:02d}"))))
        elif g["ma"]:
            a, b = _MONTHS[g["ma"].lower()], _MONTHS[g["mb"].lower()]
            y = int(g["my"]) if g["my"] else year_of(m.start())
            if y and a <= b:
                out.append((m.start(), m.end(), Period(_first(y, a), last_day(y, b), _kind_of(f"{y}-{a:02d}", f"{y}-{b:02d}"))))
        elif g["year"]:
            y = int(g["year"])
            before = text[max(0, m.start() - 12):m.start()]
            if re.search(r"(bis|until|by|Ende|end of)\s*$", before, re.I):
                out.append((m.start(), m.end(), Period(None, _first(y, 12, 31), "as_of")))
            elif re.search(r"(seit|since)\s*$", before, re.I):
                pub_range = _range_of(published) if published else None
                out.append((m.start(), m.end(), Period(_first(y), pub_range[1] if pub_range else None, "since")))
            else:
                out.append((m.start(), m.end(), Period(_first(y), _first(y, 12, 31), "year")))
    return out


# the month before the one the text speaks of (the previous month's 21.8 percent, im Vormonat, 前月)
# ("from the previous month" and 前月比 are what a figure is compared with, not its period)
_PREVIOUS_MONTH = re.compile(r"\bthe\s+(?:previous|preceding|prior)\s+month['’]s|\bin\s+the\s+(?:previous|preceding|prior)"
                             r"\s+month\b|\bim\s+Vormonat\b|\bdes\s+Vormonats\b|前月|前一个?月")
# the month before the article's (last month, 上月, 先月)
_LAST_MONTH = re.compile(r"\blast\s+month\b|\bim\s+letzten\s+Monat\b|上个?月|先月")
_COMPARED_AFTER = ("比", "同期", "と比", "に比")


def _month_before(y: int, m: int) -> Period:
    y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return Period(_first(y, m), last_day(y, m), "month")


def relative_months(text: str, published: str | None, known: list[tuple[int, int, Period]]
                    ) -> list[tuple[int, int, Period]]:
    """(start, end, Period) for a month said relative to another: "the previous month" is the
    month before the last single month the text named before it (none without one: not
    guessed); "last month" / 上月 / 先月 the month before the article's."""
    pub = _parts(published[:10]) if published else None
    out: list[tuple[int, int, Period]] = []
    norm = to_simplified_per_char(text)
    for rx, relative_to_text in ((_PREVIOUS_MONTH, True), (_LAST_MONTH, False)):
        for m in rx.finditer(norm):
            if any(s < m.end() and m.start() < e for s, e, _ in known) \
                    or norm.startswith(_COMPARED_AFTER, m.end()):
                continue
            base = None
            if relative_to_text:
                months = [p.start for s, e, p in known if e <= m.start() and p.kind == "month" and p.start]
                if months:
                    base = _parts(months[-1][:7])
                else:
                    continue  # "the previous month" of no month the text named: not guessed
            if base is None and pub is not None and pub[1]:
                base = pub
            if base is None or not base[1]:
                continue
            out.append((m.start(), m.end(), _month_before(base[0], base[1])))
    return out
