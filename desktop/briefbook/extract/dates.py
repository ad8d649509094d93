"""Dates to ISO: full, partial (2020年5月 -> 2020-05), ranges, relative years.

A date without a year takes it from the article's publication date, and only from
there; without one the ISO value stays None (the text is still marked).  ISO
granularity follows the text: YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..core.text import is_han
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
# Era years: Japanese 令和8年 = 2026, 平成31年 = 2019, 令和元年 = 2019; the Republic of China's
# calendar, which Taiwan dates by: 民國113年 = 中華民國113年 = 2024
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "中華民國": 1911, "中华民国": 1911, "民國": 1911, "民国": 1911}
ERA = r"(?P<era>令和|平成|昭和|中華民國|中华民国|民國|民国)(?P<ey>元|\d{1,3}|[一二三四五六七八九十百〇零]{1,6})"
# A Taiwanese year without its era, 113年3月 / 113年度 (2024): three digits from 100 followed by a
# month or 度 are no Western year anyone writes, nor a duration (成立113年 has neither)
ROC_YEAR = r"(?P<roc>(?<![\d.])1[0-3]\d(?=年(?:\d{1,2}\D{0,2}\d{0,2}月|度|[上下]半年|第?[一二三四]季)))"
# Taiwanese press writes the number of a relative year, month or day in brackets: 今(113)年,
# 去(2023)年, 本(6)月, 昨(12)日
PAREN_YEAR = r"(?P<py>[今去明前本])[(（](?P<pyn>\d{4}|1[0-3]\d)[)）]"
YEAR = rf"(?:(?P<y>\d{{4}})|{ERA}|{ROC_YEAR}|{PAREN_YEAR})年"


def _era_year(g: dict) -> None:
    """Put the Western year of an era year (令和8年, 民國113年, 113年度) into g["y"]."""
    if g.get("era"):
        ey = g["ey"]
        n = 1 if ey == "元" else int(ey) if ey.isdigit() else parse_cn_integer(ey)
        g["y"] = str(ERAS[g["era"]] + n) if n else None
    elif g.get("roc"):
        g["y"] = str(1911 + int(g["roc"]))
    elif g.get("pyn"):
        n = int(g["pyn"])
        g["y"] = str(n if n > 999 else 1911 + n)

# The characters a relative or written year (今年, 2020年, 令和2年) and a small number
# can start with: the patterns below that open with optional parts look ahead for one
# of them first, so the engine tries those parts only where a match can start.
_REL_YEAR_FIRST = "".join(sorted({w[0] for w in REL.split("|")} | {e[0] for e in ERAS})) + r"\d"
_NUM_FIRST = r"\d一二三四五六七八九十"

# Order matters: longer forms first; each match claims its characters.
CJK_PATTERNS = [
    # ISO-like timestamps 2020-07-31, 2020/7/31, 2020.07.31
    ("iso", re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.\-/])")),
    # the same with a Taiwanese year, 113/03/12 (2024-03-12): read in Traditional Chinese text only
    ("roc_iso", re.compile(r"(?<![\d.\-/])(?P<roc>1[0-3]\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.\-/])")),
    # 11月27日至12月1日 / 5月20日-22日 / 2020年11月27日至12月1日
    ("range_md", re.compile(
        rf"(?=[{_REL_YEAR_FIRST}{_NUM_FIRST}])(?:{YEAR})?(?P<m>{CN_SMALL_NUM})月(?P<d>{CN_SMALL_NUM})[日号]"
        rf"\s?{RANGE_SEP}\s?(?:(?P<m2>{CN_SMALL_NUM})月)?(?P<d2>{CN_SMALL_NUM})[日号]")),
    # 今年1-5月 / 2020年1-5月 / 1至5月
    ("range_m", re.compile(
        rf"(?=[{_REL_YEAR_FIRST}{_NUM_FIRST}])(?:(?P<rel>{REL})|{YEAR})?(?P<m>{CN_SMALL_NUM})(?:月)?{RANGE_SEP}(?P<m2>{CN_SMALL_NUM})月(?!份?[\d一二三四五六七八九十]+[日号])")),
    # 今年上半年 / 2020年上半年 / 去年一季度 / 前三季度
    ("half", re.compile(
        rf"(?=[{_REL_YEAR_FIRST}上下一二三四第前年])(?:(?P<rel>{REL})|{YEAR})?"
        r"(?P<h>上半年|下半年|一季度|二季度|三季度|四季度|第一季度|第二季度|第三季度|第四季度|前三季度|年初|年底|年末|年中"
        r"|初(?![步期次级級心衷创創选選审審稿版中])|底|末)")),
    # (截至)2020年5月30日(上午) / 2020年5月(底) / 7月30日上午 / 今年5月
    ("ymd", re.compile(
        rf"(?=[截{_REL_YEAR_FIRST}{_NUM_FIRST}])(?P<until>截至|截止到|截止)?(?:(?P<rel>{REL})|{YEAR})?"
        rf"(?:(?P<m>{CN_SMALL_NUM})|本[(（](?P<pm>\d{{1,2}})[)）])月(?:(?P<d>{CN_SMALL_NUM})[日号]|份)?{PART}?(?P<tod>{TIME_OF_DAY})?")),
    # 昨(12)日 / 今(13)日上午: the day in brackets, the month the article's
    ("paren_d", re.compile(rf"(?P<pd>今|昨|前|明)[(（](?P<d>\d{{1,2}})[)）]日(?P<tod>{TIME_OF_DAY})?")),
    # 今春 / 昨秋 / 2025年春 / 去年夏天: the months of the season
    ("season", re.compile(rf"(?=[{_REL_YEAR_FIRST}昨来來])(?:(?P<rs>今|昨|去|明|来|來)|(?:(?P<rel>{REL})|{YEAR}))(?P<season>春|夏|秋)(?:季|天)?"
                          r"(?![\u4e00-\u9fff]|(?<=[春夏秋])[以])|(?:(?P<rs2>今|昨|去|明|来|來))(?P<season2>春|夏|秋)(?=以来|以來)")),
    # 本月 / 上月 / 今月 / 先月: a month counted from the article's own
    ("relm", re.compile(r"(?P<relm>本月|上月|下月|上个月|下个月|今月|先月|来月)(?P<part>上旬|中旬|下旬|底|初|末)?")),
    # 2024年度 / 2024财年 / 本年度 / 昨年度: a fiscal year, given as its (first) year; Japanese
    # 前年度 is "the year before" (前年度比), a comparison, not a date
    ("fy", re.compile(rf"(?=[{_REL_YEAR_FIRST}])(?:(?P<rel>今年|本年|昨年|来年|去年|上年|明年)|{YEAR}|(?P<fy>(?:19|20)\d{{2}}))"
                      r"(?:(?<=年)度|财年|財年|财政年度|財政年度|会计年度|會計年度)")),
    # 甲辰年: a year of the sixty-year cycle, the one nearest the article's date
    # “十四五”期间: the years of a Chinese five-year plan (the 14th: 2021-2025), named as a period
    ("plan", re.compile(r"(?<![一二三四五六七八九十])十(?P<plan>[一二三四五六七八九])五(?=[”\"」』]?(?:时期|時期|期间|期間|末|以来|以來))")),
    ("ganzhi", re.compile(r"(?P<stem>[甲乙丙丁戊己庚辛壬癸])(?P<branch>[子丑寅卯辰巳午未申酉戌亥])年")),
    ("y", re.compile(rf"(?P<until>截至|截止到)?(?<![\d.])(?:(?P<y>(?:1[89]|20|21)\d{{2}})|{ERA}|{PAREN_YEAR})年(?!代|度?[以]?[\d])(?:{PART})?")),
    ("rel", re.compile(r"(?P<rel>今年|本年|去年|明年|前年|来年|昨年)(?!\d|[一二三四五六七八九十]+月)")),
    ("sameday", re.compile(rf"(?P<same>当天|当日)(?P<tod>{TIME_OF_DAY})")),
    # 26日至29日 / 28日(上午): a day of the article's own month (wire datelines 台北28日電)
    ("range_d", re.compile(r"(?<![\d.月第])(?P<d>\d{1,2})[日号]\s?(?:至|到|—|–|-|~|～)\s?(?P<d2>\d{1,2})[日号](?![间間内以後后前])")),
    # (30日前 is "30 days before", 30日前往 a day and a verb: 'went on the 30th')
    ("d", re.compile(rf"(?<![\d.月第数數每])(?P<d>\d{{1,2}})[日号](?P<tod>{TIME_OF_DAY})?(?![间間内以後后目份本元]|前(?!往))")),
    # 今天 / 昨天 / 昨日 (晚间): the article's own day, or the day before it; not 今天的招商 / 明天的产业
    # ("today's", "tomorrow's" as a figure of speech)
    ("relday", re.compile(rf"(?P<relday>今天|昨天|明天|前天|昨日)(?P<tod>{TIME_OF_DAY})?(?!的)")),
]
# what a pattern cannot match without (a substring test is far cheaper than the scan)
_CJK_NEEDS = {"range_md": ("月",), "paren_d": ("(", "（"), "season": ("春", "夏", "秋"), "plan": ("五",),
              "fy": ("度", "财年", "財年", "财政", "財政", "会计", "會計"), "ganzhi": ("年",), "relm": ("月",),
              "roc_iso": ("/", "-", "."), "iso": ("/", "-", "."), "sameday": ("当",)}
REL_DAY = {"今天": 0, "昨天": -1, "昨日": -1, "明天": 1, "前天": -2}
_CJK_SEASONS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11)}
_SEASON_REL = {"今": 0, "昨": -1, "去": -1, "明": 1, "来": 1, "來": 1}


def _paren_day(doc: Doc, day: int, offset: int) -> str | None:
    """昨(12)日: the day the article's date and the offset give when its number agrees,
    else that day of the article's month."""
    pub_day = _pub_day(doc)
    if pub_day is not None and (pub_day + timedelta(days=offset)).day == day:
        return (pub_day + timedelta(days=offset)).isoformat()
    ym = _pub_month(doc)
    return _iso(*ym, day) if ym is not None and _valid(*ym, day) else None

HALVES = {"上半年": (1, 6), "下半年": (7, 12), "一季度": (1, 3), "第一季度": (1, 3),
          "二季度": (4, 6), "第二季度": (4, 6), "三季度": (7, 9), "第三季度": (7, 9),
          "四季度": (10, 12), "第四季度": (10, 12), "前三季度": (1, 9), "年初": (1, 1),
          "年底": (12, 12), "年末": (12, 12), "年中": (6, 7), "初": (1, 1), "底": (12, 12), "末": (12, 12)}


# 上周五 / 本週三 / 星期一 / 週三 / 来週の火曜日 / 水曜日: a weekday around the article's day;
# 上周 / 下週 / 先週 / 来週 alone: that week, Monday to Sunday
_ZH_WEEKDAY = re.compile(rf"(?<!每)(?P<wk>上|下|本|这|這)?(?:个|個)?(?:(?:星期|禮拜|礼拜)(?P<wd>[一二三四五六日天])"
                         rf"|(?:周|週)(?P<wd2>[一二三四五六日]))(?P<tod>{TIME_OF_DAY})?")
_JA_WEEKDAY = re.compile(r"(?P<wk>先週|今週|来週|來週|先周|今周|来周)?の?(?P<wd>[月火水木金土日])曜日?(?P<tod>午前|午後|朝|夜)?")
_CJK_WEEK = re.compile(r"(?P<wk>上|下|本|这|這|先|来|來|今)(?:个|個)?(?:周|週|星期|禮拜|礼拜)"
                       r"(?![一二三四五六日天末]|の?[月火水木金土日]曜)")
_WEEK_OFFSET = {"上": -1, "先": -1, "下": 1, "来": 1, "來": 1, "本": 0, "这": 0, "這": 0, "今": 0}
_WD_INDEX = {c: i for i, c in enumerate("一二三四五六")} | {"日": 6, "天": 6} | \
    {c: i for i, c in enumerate("月火水木金土")}
_CJK_FUTURE = re.compile(r"将|將|拟|擬|计划|計劃|预计|預計|预定|預定|予定|方針|見通し|する。|します")
# what may follow a bare 周 + numeral for it to be a weekday: a name goes on with another
# character (周一鸣 is a person; 週, the Traditional form, names no one)
_AFTER_BARE_WEEKDAY = set("将將起至到在于於晚前后後及和与與、，,。 ")


def _cjk_weekdays(doc: Doc) -> None:
    day = _pub_day(doc)
    norm = doc.norm
    if day is None or not any(w in norm for w in ("周", "週", "星期", "禮拜", "礼拜", "曜")):
        return
    monday = day - timedelta(days=day.weekday())
    hits = []
    for m in _ZH_WEEKDAY.finditer(norm):
        if m["wd2"] and not m["wk"] and doc.text[m.start("wd2") - 1] != "週":
            nxt = norm[m.end()] if m.end() < len(norm) else " "
            if not m["tod"] and not (nxt in _AFTER_BARE_WEEKDAY or not is_han(nxt)):
                continue
        hits.append((m, m["wk"], m["wd"] or m["wd2"]))
    for m in _JA_WEEKDAY.finditer(norm):
        if not m["wk"] and m.start() > 0 and is_han(norm[m.start() - 1]):
            continue  # 毎週土曜日 (every Saturday)
        hits.append((m, m["wk"][0] if m["wk"] else None, m["wd"]))
    for m, wk, wd in hits:
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        target = _WD_INDEX[wd]
        if wk is not None:
            when = monday + timedelta(weeks=_WEEK_OFFSET[wk], days=target)
        else:
            lo, hi = max(0, s - 200), min(len(norm), e + 200)  # a sentence's reach, not the whole text
            a = max(max(norm.rfind(c, lo, s) for c in "。！？\n"), lo - 1) + 1
            b = min((x for x in (norm.find(c, e, hi) for c in "。！？\n") if x != -1), default=hi)
            back = (day.weekday() - target) % 7
            when = day + timedelta(days=(7 - back) % 7) if _CJK_FUTURE.search(norm[a:b]) else day - timedelta(days=back)
        doc.add("date", s, e, {"iso": when.isoformat(), "end_iso": None, "relative": True}, 0.7, claim=True)
    for m in _CJK_WEEK.finditer(norm):
        s, e = m.span()
        if not doc.is_free(s, e):
            continue
        start = monday + timedelta(weeks=_WEEK_OFFSET[m["wk"]])
        doc.add("date", s, e, {"iso": start.isoformat(), "end_iso": (start + timedelta(days=6)).isoformat(),
                               "relative": True}, 0.7, claim=True)


def extract_cjk(doc: Doc) -> None:
    _cjk_weekdays(doc)
    norm = doc.norm
    pub = _pub_year(doc)
    last_day: str | None = None  # for 当天: the latest full date mentioned before it
    found = []
    for kind, rx in CJK_PATTERNS:
        needs = _CJK_NEEDS.get(kind)
        if needs and not any(w in norm for w in needs):
            continue  # the pattern cannot match: skip its scan of the whole text
        for m in rx.finditer(norm):
            s, e = m.span()
            if e - s < 2 or not doc.is_free(s, e):
                continue
            g = m.groupdict()
            _era_year(g)
            if g.get("rel") == "前年" and doc.lang == "ja":
                continue  # Japanese 前年 is "the year before" (前年比), not two years ago
            iso = end_iso = None
            if kind == "roc_iso" and doc.lang != "zh-Hant":
                continue
            if kind in ("iso", "roc_iso"):
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
                if len(g["h"]) == 1 and not g["rel"]:
                    continue  # 2023年底 is read with its year by the year pattern
                y = _year(g, pub)
                a, b = HALVES[g["h"]]
                if y is None:
                    iso = end_iso = None
                elif a == b:
                    iso = _iso(y, a)
                else:
                    iso, end_iso = _iso(y, a), _iso(y, b)
            elif kind == "ymd":
                if g.get("pm"):
                    g["m"] = g["pm"]
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
            elif kind == "paren_d":
                iso = _paren_day(doc, int(g["d"]), REL_DAY[g["pd"] + "天"])
                if iso is None and _pub_month(doc) is not None:
                    continue  # no such day in the article's month
                if iso:
                    last_day = iso
            elif kind == "season":
                if g.get("season2"):
                    g["rs"], g["season"] = g["rs2"], g["season2"]
                season_year = pub + _SEASON_REL[g["rs"]] if g.get("rs") and pub is not None else \
                    (None if g.get("rs") else _year(g, pub))
                a, b = _CJK_SEASONS[g["season"]]
                iso, end_iso = (_iso(season_year, a), _iso(season_year, b)) if season_year is not None else (None, None)
            elif kind == "plan":
                first = 1981 + 5 * (10 + "一二三四五六七八九".index(g["plan"]) + 1 - 6)  # the 6th began in 1981
                iso, end_iso = _iso(first), _iso(first + 4)
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
                # without the article's date 今天 is still a date of the text, one no one can
                # place yet (like 今年 or 27日 there): listed without its day
                iso = (day + timedelta(days=REL_DAY[g["relday"]])).isoformat() if day else None
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
    if kind in ("relm", "ganzhi", "rel", "relday", "paren_d"):
        return True
    if kind in ("iso", "roc_iso", "y", "sameday", "plan"):
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
