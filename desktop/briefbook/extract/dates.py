"""Dates to ISO: full, partial (2020年5月 -> 2020-05), ranges, relative years.

A date without a year takes it from the article's publication date, and only from
there; without one the ISO value stays None (the text is still marked).  ISO
granularity follows the text: YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .base import Doc
from .numbers import parse_cn_integer

CN_SMALL_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
TIME_OF_DAY = r"(?:上午|下午|晚上|晚间|晚間|傍晚|早上|早晨|凌晨|中午|夜间|夜間|晚|午后|午後|午前)"
PART = r"(?P<part>上旬|中旬|下旬|底|初|末|中下旬|上中旬)"
# between the two ends of a range: 至, 到, dashes, and the tildes and wave dash of Japanese
# text (1～3月期, 1〜6月)
RANGE_SEP = r"(?:至|到|—|–|-|－|−|~|～|〜)"


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    return parse_cn_integer(s)


def _valid(y, m=None, d=None) -> bool:
    if y is not None and not (1000 <= y <= 2200):
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if not 1 <= d <= 31:
            return False
        if y is not None and m is not None and d > calendar.monthrange(y, m)[1]:
            return False
    return True


def _iso(y, m=None, d=None) -> str | None:
    if y is None:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _pub_year(doc: Doc) -> int | None:
    if doc.published and re.match(r"\d{4}", doc.published):
        return int(doc.published[:4])
    return None


REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1, "后年": 2, "上年": -1,
            "来年": 1, "昨年": -1}
REL = "今年|去年|明年|前年|本年|上年|来年|昨年"
# Japanese era years: 令和8年 = 2026, 平成31年 = 2019, 令和元年 = 2019
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
ERA = r"(?P<era>令和|平成|昭和)(?P<ey>元|\d{1,2})"
YEAR = rf"(?:(?P<y>\d{{4}})|{ERA})年"


def _era_year(g: dict) -> None:
    """Put the Western year of an era year (令和8年) into g["y"]."""
    if g.get("era"):
        n = 1 if g["ey"] == "元" else int(g["ey"])
        g["y"] = str(ERAS[g["era"]] + n)

# The characters a relative or written year (今年, 2020年, 令和2年) and a small number
# can start with: the patterns below that open with optional parts look ahead for one
# of them first, so the engine tries those parts only where a match can start.
_REL_YEAR_FIRST = "".join(sorted({w[0] for w in REL.split("|")} | {e[0] for e in ERAS})) + r"\d"
_NUM_FIRST = r"\d一二三四五六七八九十"

# Order matters: longer forms first; each match claims its characters.
CJK_PATTERNS = [
    # ISO-like timestamps 2020-07-31, 2020/7/31, 2020.07.31
    ("iso", re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.\-/])")),
    # 11月27日至12月1日 / 5月20日-22日 / 2020年11月27日至12月1日
    ("range_md", re.compile(
        rf"(?:{YEAR})?(?P<m>{CN_SMALL_NUM})月(?P<d>{CN_SMALL_NUM})[日号]"
        rf"\s?{RANGE_SEP}\s?(?:(?P<m2>{CN_SMALL_NUM})月)?(?P<d2>{CN_SMALL_NUM})[日号]")),
    # 今年1-5月 / 2020年1-5月 / 1至5月
    ("range_m", re.compile(
        rf"(?=[{_REL_YEAR_FIRST}{_NUM_FIRST}])(?:(?P<rel>{REL})|{YEAR})?(?P<m>{CN_SMALL_NUM})(?:月)?{RANGE_SEP}(?P<m2>{CN_SMALL_NUM})月(?!份?[\d一二三四五六七八九十]+[日号])")),
    # 今年上半年 / 2020年上半年 / 去年一季度 / 前三季度
    ("half", re.compile(
        rf"(?=[{_REL_YEAR_FIRST}上下一二三四第前年])(?:(?P<rel>{REL})|{YEAR})?"
        r"(?P<h>上半年|下半年|一季度|二季度|三季度|四季度|第一季度|第二季度|第三季度|第四季度|前三季度|年初|年底|年末|年中)")),
    # (截至)2020年5月30日(上午) / 2020年5月(底) / 7月30日上午 / 今年5月
    ("ymd", re.compile(
        rf"(?=[截{_REL_YEAR_FIRST}{_NUM_FIRST}])(?P<until>截至|截止到|截止)?(?:(?P<rel>{REL})|{YEAR})?"
        rf"(?P<m>{CN_SMALL_NUM})月(?:(?P<d>{CN_SMALL_NUM})[日号]|份)?{PART}?(?P<tod>{TIME_OF_DAY})?")),
    # 本月 / 上月 / 今月 / 先月: a month counted from the article's own
    ("relm", re.compile(r"(?P<relm>本月|上月|下月|上个月|下个月|今月|先月|来月)(?P<part>上旬|中旬|下旬|底|初|末)?")),
    # 2024年度 / 2024财年 / 本年度 / 昨年度: a fiscal year, given as its (first) year; Japanese
    # 前年度 is "the year before" (前年度比), a comparison, not a date
    ("fy", re.compile(rf"(?:(?P<rel>今年|本年|昨年|来年|去年|上年|明年)|{YEAR}|(?P<fy>(?:19|20)\d{{2}}))"
                      r"(?:(?<=年)度|财年|財年|财政年度|財政年度|会计年度|會計年度)")),
    # 甲辰年: a year of the sixty-year cycle, the one nearest the article's date
    ("ganzhi", re.compile(r"(?P<stem>[甲乙丙丁戊己庚辛壬癸])(?P<branch>[子丑寅卯辰巳午未申酉戌亥])年")),
    ("y", re.compile(rf"(?P<until>截至|截止到)?(?<![\d.])(?:(?P<y>(?:1[89]|20|21)\d{{2}})|{ERA})年(?!代|度?[以]?[\d])(?:{PART})?")),
    ("rel", re.compile(r"(?P<rel>今年|去年|明年|前年|来年|昨年)(?!\d|[一二三四五六七八九十]+月)")),
    ("sameday", re.compile(rf"(?P<same>当天|当日)(?P<tod>{TIME_OF_DAY})")),
    # 26日至29日 / 28日(上午): a day of the article's own month (wire datelines 台北28日電)
    ("range_d", re.compile(r"(?<![\d.月第])(?P<d>\d{1,2})[日号]\s?(?:至|到|—|–|-|~|～)\s?(?P<d2>\d{1,2})[日号](?![间間内以後后前])")),
    ("d", re.compile(rf"(?<![\d.月第数數每])(?P<d>\d{{1,2}})[日号](?P<tod>{TIME_OF_DAY})?(?![间間内以後后前目份本元])")),
    # 今天 / 昨天 / 昨日 (晚间): the article's own day, or the day before it; not 今天的招商 / 明天的产业
    # ("today's", "tomorrow's" as a figure of speech)
    ("relday", re.compile(rf"(?P<relday>今天|昨天|明天|前天|昨日)(?P<tod>{TIME_OF_DAY})?(?!的)")),
]
REL_DAY = {"今天": 0, "昨天": -1, "昨日": -1, "明天": 1, "前天": -2}

HALVES = {"上半年": (1, 6), "下半年": (7, 12), "一季度": (1, 3), "第一季度": (1, 3),
          "二季度": (4, 6), "第二季度": (4, 6), "三季度": (7, 9), "第三季度": (7, 9),
          "四季度": (10, 12), "第四季度": (10, 12), "前三季度": (1, 9), "年初": (1, 1),
          "年底": (12, 12), "年末": (12, 12), "年中": (6, 7)}


def extract_cjk(doc: Doc) -> None:
    norm = doc.norm
    pub = _pub_year(doc)
    last_day: str | None = None  # for 当天: the latest full date mentioned before it
    found = []
    for kind, rx in CJK_PATTERNS:
        for m in rx.finditer(norm):
            s, e = m.span()
            if e - s < 2 or not doc.is_free(s, e):
                continue
            g = m.groupdict()
            _era_year(g)
            if g.get("rel") == "前年" and doc.lang == "ja":
                continue  # Japanese 前年 is "the year before" (前年比), not two years ago
            iso = end_iso = None
            if kind == "iso":
                y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
                if not _valid(y, mo, d):
                    continue
                iso = _iso(y, mo, d)
            elif kind == "range_md":
                y = int(g["y"]) if g["y"] else pub
                mo, d, d2 = _num(g["m"]), _num(g["d"]), _num(g["d2"])
                mo2 = _num(g["m2"]) if g["m2"] else mo
                if not (_valid(None, mo, d) and _valid(None, mo2, d2)):
                    continue
                if y is not None:
                    y2 = y + 1 if mo2 < mo else y
                    if not (_valid(y, mo, d) and _valid(y2, mo2, d2)):
                        continue
                    iso, end_iso = _iso(y, mo, d), _iso(y2, mo2, d2)
                else:
                    iso = end_iso = None
            elif kind == "range_m":
                y = _year(g, pub)
                mo, mo2 = _num(g["m"]), _num(g["m2"])
                if not (_valid(None, mo) and _valid(None, mo2)) or mo2 <= mo:
                    continue
                if g["rel"] is None and g["y"] is None and not norm[s:e].count("月") == 2 \
                        and not (s > 0 and norm[s - 1] in "年"):
                    # bare "1-5月" is fine, but "3-5" without 月 after the first needs context
                    pass
                iso, end_iso = (_iso(y, mo), _iso(y, mo2)) if y else (None, None)
            elif kind == "half":
                if not (g["rel"] or g["y"]) and g["h"] in ("年初", "年底", "年末", "年中"):
                    continue  # 年底 alone is read by the later patterns, if at all
                y = _year(g, pub)
                a, b = HALVES[g["h"]]
                if y is None:
                    iso = end_iso = None
                elif a == b:
                    iso = _iso(y, a)
                else:
                    iso, end_iso = _iso(y, a), _iso(y, b)
            elif kind == "ymd":
                if s > 0 and norm[s - 1] in "个第" or (s > 0 and norm[s - 1].isdigit()):
                    continue  # 两个月 / 第5月 / the tail of a number
                y = _year(g, pub)
                mo, d = _num(g["m"]), _num(g["d"])
                if not _valid(None, mo, d):
                    continue
                if g["m"] and not g["m"].isdigit() and not (g["d"] or g["y"] or g["rel"]):
                    continue  # 五月 alone is too ambiguous (五月花, 三月份 ok only with context)
                if y is not None and not _valid(y, mo, d):
                    continue
                part = g["part"]
                if d is None and part in ("底", "末") and g["until"] and y is not None:
                    d = calendar.monthrange(y, mo)[1]
                iso = _iso(y, mo, d) if y is not None else None
                if d is not None and iso:
                    last_day = iso
            elif kind == "y":
                y = int(g["y"])
                iso = _iso(y, 12, 31) if g["until"] and g["part"] in ("底", "末") else _iso(y)
            elif kind == "fy":
                if g.get("fy"):
                    g["y"] = g["fy"]
                elif not (g.get("y") or g.get("rel")):
                    continue
                iso = _iso(_year(g, pub))
            elif kind == "rel":
                if e < len(norm) and norm[e] in "年度":
                    continue
                y = _year(g, pub)
                iso = _iso(y) if y else None
            elif kind == "relm":
                iso = _month_from(doc, REL_MONTH[g["relm"]])
            elif kind == "ganzhi":
                if STEMS.index(g["stem"]) % 2 != BRANCHES.index(g["branch"]) % 2:
                    continue  # not a year of the cycle (甲丑): two characters that are no year
                cycle_year = _ganzhi_year(g["stem"], g["branch"], pub)
                iso = _iso(cycle_year) if cycle_year is not None else None
            elif kind in ("d", "range_d"):
                d, d2 = int(g["d"]), int(g["d2"]) if g.get("d2") else None
                if not _valid(None, None, d) or (d2 is not None and not (_valid(None, None, d2) and d2 > d)):
                    continue
                ym = _pub_month(doc)
                if ym is not None and not (_valid(*ym, d) and (d2 is None or _valid(*ym, d2))):
                    continue
                iso = _iso(*ym, d) if ym else None
                end_iso = _iso(*ym, d2) if ym and d2 is not None else None
                if iso and d2 is None:
                    last_day = iso
            elif kind == "relday":
                day = _pub_day(doc)
                if day is None:
                    continue  # 今天 without the article's date is no date anyone can read
                iso = (day + timedelta(days=REL_DAY[g["relday"]])).isoformat()
            elif kind == "sameday":
                prev = [f for (fs, f) in found if fs < s and f.value.get("iso") and len(f.value["iso"]) == 10]
                iso = prev[-1].value["iso"] if prev else last_day
            value: dict[str, object] = {"iso": iso, "end_iso": end_iso}
            if kind == "fy":
                value["fiscal_year"] = True  # its months depend on the country or company
            if iso and _resolved_relative(kind, g):
                value["relative"] = True  # read against the article's date, not written out
            f = doc.add("date", s, e, value, 0.85, claim=True)
            if f:
                found.append((s, f))
                found.sort(key=lambda x: x[0])


REL_MONTH = {"本月": 0, "今月": 0, "上月": -1, "上个月": -1, "先月": -1, "下月": 1, "下个月": 1, "来月": 1}
STEMS, BRANCHES = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"


def _resolved_relative(kind: str, g: dict) -> bool:
    """Whether the date's year (or month) came from the article's date rather than the text."""
    if kind in ("relm", "ganzhi", "rel", "relday"):
        return True
    if kind in ("iso", "y", "sameday"):
        return False
    return not g.get("y")


def _pub_month(doc: Doc) -> tuple[int, int] | None:
    if doc.published and re.match(r"\d{4}-\d{2}", doc.published):
        return int(doc.published[:4]), int(doc.published[5:7])
    return None


def _pub_day(doc: Doc) -> date | None:
    if doc.published and re.match(r"\d{4}-\d{2}-\d{2}", doc.published):
        try:
            return date.fromisoformat(doc.published[:10])
        except ValueError:
            return None
    return None


def _month_from(doc: Doc, offset: int) -> str | None:
    ym = _pub_month(doc)
    if ym is None:
        return None
    y, m = ym[0], ym[1] + offset
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return _iso(y, m)


def _ganzhi_year(stem: str, branch: str, pub: int | None) -> int | None:
    """The year of 甲辰 (2024, 1964, ...) nearest the publication year."""
    s, b = STEMS.index(stem), BRANCHES.index(branch)
    k = next(i for i in range(60) if i % 10 == s and i % 12 == b)  # 0 = 甲子 = 1984
    if pub is None:
        return None
    base = 1984 + k
    return min((base + 60 * n for n in range(-3, 4)), key=lambda y: (abs(y - pub), y))


def _year(g: dict, pub: int | None) -> int | None:
    if g.get("y"):
        return int(g["y"])
    rel = g.get("rel")
    if rel and pub is not None:
        return pub + REL_YEAR[rel]
    if rel:
        return None
    return pub


# ------------------------------------------------------------------- German / English

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "october": 10, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
    "sep.": 9, "sept.": 9, "oct.": 10, "okt.": 10, "nov.": 11, "dec.": 12, "dez.": 12,
    # without the full stop, as English news writes them (Aug 27); only before a day, see below
    "jan": 1, "feb": 2, "apr": 4, "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
SHORT_NO_DOT = {"jan", "feb", "apr", "aug", "sept", "sep", "oct", "nov", "dec"}  # English text, with a day or year
MONTH_RE = "|".join(sorted((re.escape(k[0].upper() + k[1:]) for k in MONTHS), key=len, reverse=True))

LATIN_PATTERNS = [
    ("iso", re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-])")),
    ("dmy_num", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\d])")),
    # Januar bis März 2025 / January-March 2025 / November 2024 to February 2025; "and" only
    # after between/zwischen (January and May alone are two months)
    ("mon_range", re.compile(rf"(?P<mon>{MONTH_RE})(?:\s(?P<y1>(?:19|20)\d{{2}}))?\s?(?P<sep>–|-|—|to|bis|through|and|und)\s?"
                             rf"(?P<mon2>{MONTH_RE})(?:,?\s(?P<y>(?:19|20)\d{{2}}))?(?![\w-])")),
    # fiscal 2024 / FY2024 / FY 2024/25 / Geschäftsjahr 2024/25: a fiscal year, given as its first year
    ("fy", re.compile(r"\b(?:[Ff]iscal(?: [Yy]ear)?|FY|[Ff]inancial [Yy]ear|Geschäftsjahr(?:es)?|Haushaltsjahr(?:es)?"
                      r"|Wirtschaftsjahr(?:es)?)\s?(?P<y>(?:19|20)\d{2})(?:\s?[/–-]\s?(?:19|20)?\d{2}(?!\d))?(?![\d%]|[.,]\d)")),
    # Ende 2024 / Anfang 2025 / Mitte 2025 / early 2025 / by the end of 2024 / mid-2025
    ("edge", re.compile(r"\b(?P<edge>Ende|Anfang|Mitte|Beginn|[Ee]arly|[Ll]ate|[Mm]id-|[Mm]id|[Tt]he end of|"
                        r"[Tt]he beginning of|[Tt]he start of|[Tt]he middle of)\s?(?P<y>(?:19|20)\d{2})(?![\d%]|[.,]\d)")),
    # 20. bis 22. Mai 2020 / 20.-22. Mai
    ("d_range", re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.?\s?(?:bis|–|-|to|and)\s?(?P<d2>\d{{1,2}})\.?\s(?P<mon>{MONTH_RE})(?:,?\s(?P<y>(?:19|20)\d{{2}}))?")),
    # May 20-22, 2020 / May 20 to 22
    ("m_range", re.compile(rf"(?P<mon>{MONTH_RE})\s(?P<d>\d{{1,2}})\s?(?:–|-|to|bis)\s?(?P<d2>\d{{1,2}})(?:,?\s(?P<y>(?:19|20)\d{{2}}))?(?!\d)")),
    # 30. Juli 2020 / 30 July 2020
    ("dmy", re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.?\s(?P<mon>{MONTH_RE})(?:,?\s(?P<y>(?:19|20)\d{{2}}))?(?![\w])")),
    # July 30, 2020 / July 30
    ("mdy", re.compile(rf"(?P<mon>{MONTH_RE})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(?P<y>(?:19|20)\d{{2}}))?(?![\d])")),
    # Juli 2020 / July 2020
    ("my", re.compile(rf"(?P<mon>{MONTH_RE})\s(?P<y>(?:19|20)\d{{2}})(?!\d)")),
    # im Jahr 2020 / in 2020 / seit 2019
    # in May / im Mai / Ende Juni: a month of the publication year
    ("m", re.compile(rf"(?=[{''.join(sorted({k[0].upper() for k in MONTHS}))}])(?:(?<=\bin )|(?<=\bim )|(?<=\bEnde )|(?<=\bAnfang )|(?<=\bMitte )|(?<=\bearly )|(?<=\blate )"
                     rf"|(?<=\bmid-))(?P<mon>{MONTH_RE})(?!\w|\s\d)")),
    # im ersten Halbjahr / in the first half (of 2024) / im dritten Quartal / in the first quarter
    ("part", re.compile(r"\b(?:[Ii]m|[Ii]n the|[Ii]n|[Dd]uring the|[Ii]m Laufe des)\s+(?P<ord>ersten|zweiten|dritten|vierten|first|second|"
                        r"third|fourth)\s+(?P<unit>Halbjahr(?:es)?|Quartal(?:s)?|half|quarter)"
                        r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}))?(?:\s+(?P<rel>des vergangenen Jahres|des Jahres|of the year|"
                        r"of last year|of this year|of next year|des laufenden Jahres|dieses Jahres))?\b")),
    # last month / im vergangenen Monat / diesen Monat
    ("relm", re.compile(r"\b(?P<relm>[Ll]ast month|[Tt]his month|[Nn]ext month|(?:im )?vergangenen Monat|im letzten Monat"
                        r"|letzten Monat|diesen Monat|in diesem Monat|im kommenden Monat|nächsten Monat"
                        r"|(?:des )?(?:vergangenen|letzten|kommenden|nächsten|laufenden) Monats|dieses Monats)\b")),
    # last year / im vergangenen Jahr / next year
    ("rel", re.compile(r"\b(?P<rel>[Ll]ast year|[Tt]his year|[Nn]ext year|(?:im )?vergangenen Jahr(?:es)?|im letzten Jahr"
                       r"|letztes Jahr|in diesem Jahr|dieses Jahr(?:es)?|im kommenden Jahr|im nächsten Jahr|nächstes Jahr)\b")),
    # (the lookahead first: only where a year stands are the eight lookbehinds tried)
    ("y", re.compile(r"(?=(?:19|20)\d{2})(?:(?<=\bim Jahr )|(?<=\bJahr )|(?<=\bin )|(?<=\bseit )|(?<=\bbis )|(?<=\bsince )|(?<=\buntil )|(?<=\bby ))(?P<y>(?:19|20)\d{2})(?![\d%]|[.,]\d)")),
    # 2015 und 2017 / 2019 and 2021: two years named together
    ("y", re.compile(r"(?<![\d.,])(?P<y>(?:19|20)\d{2})(?= (?:und|and|oder|or) (?:19|20)\d{2}(?![\d%]|[.,]\d))")),
    ("y", re.compile(r"(?:(?<=\d{4} und )|(?<=\d{4} and )|(?<=\d{4} oder )|(?<=\d{4} or ))(?P<y>(?:19|20)\d{2})(?![\d%]|[.,]\d)")),
]

# am Samstag / Montagabend / on Monday: a day of the week around the article's own day
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
            "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
WEEKDAY_RE = re.compile(r"(?:(?<=\b[Aa]m )|(?<=\bbis )|(?<=\bseit )|(?<=\bon )|(?<=\bby )|(?<=\buntil )|(?<=\bOn ))"
                        r"(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday|"
                        r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:abend|morgen|nachmittag|vormittag|mittag)?\b")
_CLAUSE = re.compile(r",|;| und | and | but | aber | sowie ")
# a clause that speaks of what is to come, or of what happened: which way the weekday points
_FUTURE = re.compile(r"\b(?:wird|werden|soll|sollen|will|wollen|geplant|vorgesehen|erwartet|plant|planen|"
                     r"is due|are due|is scheduled|are scheduled|is expected|are expected|plans?|next)\b")
_PAST = re.compile(r"\b(?:ist|sind|hat|haben|hatte|hatten|war|waren|wurde|wurden|was|were|had|said|met|signed|"
                   r"visited|arrived|left|held|told|\w+ed)\b")


def _weekdays(doc: Doc) -> None:
    """A weekday read against the article's day: the one before it (or that day) where
    its clause tells what happened, the one after it where it tells what is to come or
    is in the present (Am Montagabend trifft er ...).  Without the article's day none."""
    day = _pub_day(doc)
    if day is None:
        return
    norm = doc.norm
    for m in WEEKDAY_RE.finditer(norm):
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        a = max(norm.rfind(".", 0, s), norm.rfind("\n", 0, s)) + 1
        b = min(x for x in (norm.find(".", e), norm.find("\n", e), len(norm)) if x != -1)
        # the clause the weekday stands in (signed on Tuesday | and will meet on Friday)
        cuts = [(c.start(), c.end()) for c in _CLAUSE.finditer(norm, a, b)]
        a = max([ce for cs, ce in cuts if ce <= s], default=a)
        b = min([cs for cs, ce in cuts if cs >= e], default=b)
        sentence = norm[a:b]
        back = (day.weekday() - WEEKDAYS[m.group("wd").lower()]) % 7
        if _FUTURE.search(sentence) or not _PAST.search(sentence):
            when = day + timedelta(days=(7 - back) % 7)
        else:
            when = day - timedelta(days=back)
        doc.add("date", s, e, {"iso": when.isoformat(), "end_iso": None, "relative": True}, 0.7, claim=True)


def extract_latin(doc: Doc) -> None:
    pub = _pub_year(doc)
    norm = doc.norm
    _weekdays(doc)
    for kind, rx in LATIN_PATTERNS:
        for m in rx.finditer(norm):
            s, e = m.span()
            if not doc.is_free(s, e):
                continue
            g = m.groupdict()
            if kind == "part":
                _latin_part(doc, s, e, g, pub)
                continue
            if kind == "mon_range":
                _latin_month_range(doc, s, e, g, pub)
                continue
            if kind in ("fy", "edge"):
                _latin_year_part(doc, s, e, g, kind)
                continue
            if kind == "relm":
                rel = g["relm"].lower()
                off = -1 if ("last" in rel or "vergangen" in rel or "letzt" in rel) else \
                    (1 if ("next" in rel or "komm" in rel or "nächst" in rel) else 0)
                iso = _month_from(doc, off)
                doc.add("date", s, e, {"iso": iso, "end_iso": None, **({"relative": True} if iso else {})},
                        0.8, claim=True)
                continue
            if kind == "rel":
                rel = g["rel"].lower()
                off = -1 if ("last" in rel or "vergangen" in rel or "letzt" in rel) else \
                    (1 if ("next" in rel or "komm" in rel or "nächst" in rel) else 0)
                iso = _iso(pub + off) if pub is not None else None
                doc.add("date", s, e, {"iso": iso, "end_iso": None, **({"relative": True} if iso else {})},
                        0.8, claim=True)
                continue
            y = int(g["y"]) if g.get("y") else None
            mon = MONTHS.get(g["mon"].lower()) if g.get("mon") else (int(g["m"]) if g.get("m") else None)
            if kind == "my" and g["mon"] == "May" and doc.lang == "en" and s > 0 and norm[s - 1] != " ":
                continue
            if g.get("mon") in ("Mai", "May", "März", "March") and kind in ("mdy",) and doc.lang == "en" and g["mon"] == "May":
                pass
            if g.get("mon") and g["mon"].lower() in SHORT_NO_DOT and (doc.lang != "en" or kind == "m"):
                continue  # Jan is a German given name; "in Aug" alone is too little
            d = int(g["d"]) if g.get("d") else None
            d2 = int(g["d2"]) if g.get("d2") else None
            yy = y if y is not None else (pub if kind not in ("y", "my") else y)
            if kind == "m" and g["mon"] in ("May", "March") and doc.lang == "en" and norm[s - 3:s] != "in ":
                continue  # "late March" is fine, "May" after other words is a verb too often
            if not _valid(yy, mon, d) or (d2 is not None and not _valid(yy, mon, d2)):
                continue
            iso = _iso(yy, mon, d) if yy is not None else None
            end_iso = _iso(yy, mon, d2) if (d2 is not None and yy is not None) else None
            doc.add("date", s, e, {"iso": iso, "end_iso": end_iso}, 0.85, claim=True)


def _latin_month_range(doc: Doc, s: int, e: int, g: dict, pub: int | None) -> None:
    """Januar bis März 2025 -> 2025-01 .. 2025-03; without a year, the publication year."""
    if g["sep"] in ("and", "und") and not re.search(r"(?:[Bb]etween|[Zz]wischen)\s$", doc.norm[max(0, s - 9):s]):
        return
    a, b = MONTHS[g["mon"].lower()], MONTHS[g["mon2"].lower()]
    if a == b:
        return
    if g.get("y"):
        y2 = int(g["y"])
        y1 = int(g["y1"]) if g.get("y1") else (y2 if a < b else y2 - 1)
    elif g.get("y1"):
        return  # "March 2024 to May": the end's year is not written
    elif pub is not None:
        y1 = pub
        y2 = pub if a < b else pub + 1
    else:
        doc.add("date", s, e, {"iso": None, "end_iso": None}, 0.8, claim=True)
        return
    if (y1, a) >= (y2, b):
        return
    value: dict = {"iso": _iso(y1, a), "end_iso": _iso(y2, b)}
    if not g.get("y"):
        value["relative"] = True
    doc.add("date", s, e, value, 0.85, claim=True)


# Ende 2024 / early 2025 / mid-2025 read like 年底 / 年初 / 年中
_EDGE_MONTHS = {"ende": (12, 12), "late": (12, 12), "the end of": (12, 12), "anfang": (1, 1), "beginn": (1, 1),
                "early": (1, 1), "the beginning of": (1, 1), "the start of": (1, 1), "mitte": (6, 7),
                "mid": (6, 7), "mid-": (6, 7), "the middle of": (6, 7)}


def _latin_year_part(doc: Doc, s: int, e: int, g: dict, kind: str) -> None:
    y = int(g["y"])
    if kind == "fy":
        value: dict = {"iso": _iso(y), "end_iso": None, "fiscal_year": True}
    else:
        a, b = _EDGE_MONTHS[g["edge"].lower()]
        value = {"iso": _iso(y, a), "end_iso": _iso(y, b) if b != a else None}
    doc.add("date", s, e, value, 0.85, claim=True)


_ORDINAL = {"ersten": 1, "first": 1, "zweiten": 2, "second": 2, "dritten": 3, "third": 3, "vierten": 4, "fourth": 4}


def _latin_part(doc: Doc, s: int, e: int, g: dict, pub: int | None) -> None:
    """im ersten Halbjahr (des vergangenen Jahres) / in the third quarter of 2024 -> a month range."""
    n = _ORDINAL[g["ord"].lower()]
    half = g["unit"].lower().startswith(("halb", "half"))
    if half and n > 2:
        return
    a, b = ((n - 1) * 6 + 1, n * 6) if half else ((n - 1) * 3 + 1, n * 3)
    rel = (g.get("rel") or "").lower()
    if g.get("y"):
        y: int | None = int(g["y"])
    elif pub is not None:
        y = pub - 1 if ("vergangen" in rel or "last" in rel) else (pub + 1 if "next" in rel else pub)
    else:
        y = None
    value: dict = {"iso": _iso(y, a) if y else None, "end_iso": _iso(y, b) if y else None}
    if y and not g.get("y"):
        value["relative"] = True
    doc.add("date", s, e, value, 0.8, claim=True)
