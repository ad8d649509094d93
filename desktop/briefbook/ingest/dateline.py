"""The article's own date from its dateline or page line, in every language.

News text states its date in a few places only: a labelled page line
(Published: 12 March 2025, Veröffentlicht am 14.03.2025, 発行日 2025年3月12日),
a line that is nothing but the date, under the title ((2025年3月12日),
March 12, 2025, Mittwoch, 12.03.2025), a dateline that opens the first
paragraph or stands alone under the title (München, 14. März 2025 – ..., München, den
14. März 2025, TOKYO, March 12, 2025 (Reuters) -,
新华社北京3月12日电).  Wire datelines often leave the year out (BERLIN, March 12
(Reuters) -, München, 14. März –, 新华社北京3月12日电): the year is then the one the
document's own metadata states, else the year of the article's other full dates,
else that of the file's or the import's date (the latest such day not after it, as
an article is not dated in the future).  A date anywhere else in the opening lines is usually an
event the story reports (a past meeting, a deadline), so it is not taken: every
pattern here is anchored to the start of a line, a label, or a line that holds
little besides the date.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

HEAD_LINES = 8

_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
    "dezember": 12, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6,
    "july": 7, "october": 10, "december": 12,
}
for _k, _v in list(_MONTHS.items()):
    _MONTHS.setdefault(_k[:3], _v)
_MONTHS.update({"sept": 9, "okt": 10, "dez": 12, "mrz": 3})
_MON = "|".join(sorted((re.escape(k) for k in _MONTHS), key=len, reverse=True))
_Y = r"(?P<y>(?:19|20)\d{2})"

# one date, any of the shapes articles use; each has groups y, m or mon, d
_FORMS = (
    rf"{_Y}\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})(?:\s*[日号])?",
    rf"(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?{_Y}",
    rf"(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MON})\.?,?\s+{_Y}",
    rf"(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}",
)
# a Taiwanese date in the Republic's years (民國113年3月12日, 113年3月12日, 113/03/12 = 2024-03-12):
# no Western date has a three-digit year from 100, so the era may be left out
_ROC_FORM = (r"(?:(?:中華民國|中华民国|民國|民国)\s*)?(?<!\d)(?P<roc>1[0-3]\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*"
             r"(?P<d>\d{1,2})\s*日|(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.\-/]))")
# 12/03/2025 or 03/12/2025: read only where one of the two numbers can be no month
_SLASH_FORM = rf"(?<![\d/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_Y}(?![\d/])"
_DATES = [re.compile(f, re.IGNORECASE) for f in (*_FORMS, _ROC_FORM, _SLASH_FORM)]
# a day and month without a year, only where a dateline stands: PLACE, March 12 (Reuters) -
_NO_YEAR = (
    re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]*\s*(?:19|20)\d{{2}})(?!\d)",
               re.IGNORECASE),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MON})\b\.?(?!,?\s*(?:19|20)\d{{2}})", re.IGNORECASE),
)
_ANY_DATE = re.compile("|".join(f"(?:{re.sub(r'[?]P<[a-z]+>', '', f)})" for f in _FORMS), re.IGNORECASE)
_TIME = re.compile(r"^\s*,?\s*(?:um\s+|at\s+)?(\d{1,2}:\d{2})(?::\d{2})?")

_LABELS = (r"(?:published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|date|dated|"
           r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|aktualisiert(?:\s+am)?|stand|datum|vom|"
           r"发布时间|發佈時間|发布日期|發布日期|發布時間|发表时间|發表時間|更新时间|更新時間|时间|時間|日期|"
           r"発行日|発表日|公開日|掲載日|更新日|投稿日|配信日|日付)")
_LABEL = re.compile(rf"^\W{{0,3}}{_LABELS}\s*[:：]?\s*", re.IGNORECASE)

# the label among the other fields of a page line: 作者:佚名 来源:长江日报 更新:2020-12-11,
# ezhejiang.gov.cn| Updated: September 4, 2018 (更新 and 发布 alone only with their colon)
_FIELD_LABEL = re.compile(rf"(?:^|[\s|｜])(?:{_LABELS}\s*[:：]?|(?:更新|发布|發佈|發布)\s*[:：])\s*$", re.IGNORECASE)
_FIELDS = re.compile(r"^(?:[^。.!?！？]|\.(?=\S)){0,80}$")  # no sentence ends (a site's gov.cn is fine)
# the closing line some sites give: 人民中国インターネット版 2012年4月23日, 「人民網日本語版」2012年6月18日
_SOURCE_LINE = re.compile(r"^[「『\"(（]?[^\d。.!?！？,，、]{2,30}?[」』\")）]?\s*$")
TAIL_LINES = 3
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
            r"donnerstag|freitag|samstag|sonntag|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?,?\s*")
# a line that is the date and little else: brackets, a weekday, a time, a publisher
_FILLER = re.compile(rf"^[\s(（\[【]*(?:{_WEEKDAY})?$", re.IGNORECASE)
# between a label and its date: a time and a weekday (Updated 2:30 PM ET, Tue March 12, 2025 /
# Veröffentlicht: Mi, 12.03.2025)
_AFTER_LABEL = re.compile(rf"^(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}}\b)?\s*,?\s*)?(?:{_WEEKDAY})?$",
                          re.IGNORECASE)
# the opening of a first paragraph: PLACE, DATE – / PLACE (dpa) DATE: / PLACE, DATE (Reuters) -
_PLACE_HEAD = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\w.'\-]*(?:[ /][A-ZÄÖÜ][\w.'\-]*){0,3})\s*(?:\([\w ./\-]{1,20}\))?\s*[,/]?\s*"
    rf"(?:{_WEEKDAY})?(?:den\s+)?$", re.IGNORECASE)
_AFTER_DATELINE = re.compile(r"^\s*(?:\([\w ./\-]{1,20}\)\s*)?[–—\-:|/]")
# Chinese wire datelines: 新华社北京3月12日电 / 本报东京2025年3月12日讯
_CN_WIRE = re.compile(
    r"^\W{0,2}[\u4e00-\u9fff]{1,12}?(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯|訊|電)")


def _iso(y: str | int, m: str | int, d: str | int) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _year(m: re.Match) -> int:
    g = m.groupdict()
    return 1911 + int(g["roc"]) if g.get("roc") else int(g["y"])


def _value(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        if (a > 12) == (b > 12):
            return None  # 05/03/2025 is the 5th of March in Europe, May 3rd in the US
        slash_day, slash_month = (a, b) if a > 12 else (b, a)
        return _iso(g["y"], slash_month, slash_day)
    month = g.get("m") or g.get("m2") or _MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    return _iso(_year(m), month, g.get("d") or g["d2"]) if month else None


def _first_date(line: str) -> tuple[re.Match, str] | None:
    """The earliest date in the line (the forms may overlap: take the leftmost, longest)."""
    best = None
    for rx in _DATES:
        m = rx.search(line)
        if m and (best is None or m.start() < best.start() or (m.start() == best.start() and m.end() > best.end())):
            best = m
    if best is None:
        return None
    iso = _value(best)
    return (best, iso) if iso else None


def _time_after(line: str, end: int) -> str | None:
    t = _TIME.match(line[end:])
    return t.group(1) if t else None


def _text_year(text: str) -> int | None:
    """The year of the article's own full dates: the most frequent, the latest of equals."""
    years: Counter[int] = Counter()
    for rx in _DATES:
        for m in rx.finditer(text):
            if _value(m):
                years[_year(m)] += 1
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def _with_year(month: int, day: int, text: str, published_year: int | None,
               reference: date | None) -> str | None:
    year = published_year or _text_year(text)
    if year:
        return _iso(year, month, day)
    if reference is None:
        return None
    year = reference.year if (month, day) <= (reference.month, reference.day) else reference.year - 1
    return _iso(year, month, day)


def _yearless_dateline(line: str) -> tuple[int, int, int] | None:
    """(month, day, end) of a dateline without a year at the start of the line."""
    for rx in _NO_YEAR:
        for m in rx.finditer(line):
            if _PLACE_HEAD.match(line[: m.start()]) and _AFTER_DATELINE.match(line[m.end():]):
                month = _MONTHS.get(m["mon"].lower().rstrip("."))
                if month:
                    return month, int(m["d"]), m.end()
    return None


def find_dateline(text: str, published_year: int | None = None,
                  reference: date | None = None) -> tuple[str, str | None] | None:
    """(ISO date, time or None) of the article's dateline, or None when it has none.

    A dateline without a year (3月12日电, BERLIN, March 12 (Reuters) -) takes
    ``published_year`` (the document's metadata), else the year of the article's
    other full dates, else the latest such day not after ``reference`` (the file's or
    the import's date)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:HEAD_LINES]
    for line in lines:
        found = _first_date(line)
        if found:
            m, iso = found
            before, after = line[: m.start()], line[m.end():]
            time = _time_after(line, m.end())
            label = _LABEL.match(before)
            if label and (label.end() == len(before) or _AFTER_LABEL.match(before[label.end():])):
                return iso, time
            field = _FIELD_LABEL.search(before)
            if field and _FIELDS.match(before[:field.start()]) and \
                    (":" in before[:field.start()] or "：" in before[:field.start()] or "|" in before):
                return iso, time
            rest = _TIME.sub("", after, count=1).strip(" )）]】|·,.")
            if _FILLER.match(before) and (not rest or (len(rest) <= 30 and not re.search(r"[。.!?！？]$", rest)
                                                     and not _ANY_DATE.search(rest))):
                return iso, time  # a date line (its publisher may stand beside it)
            if _PLACE_HEAD.match(before) and (_AFTER_DATELINE.match(after) or not rest):
                return iso, time  # München, 14. März 2025 – ... or that alone on its line
        short = _yearless_dateline(line)
        if short:
            month, day, end = short
            dated = _with_year(month, day, text, published_year, reference)
            if dated:
                return dated, _time_after(line, end)
        w = _CN_WIRE.match(line)
        if w:
            wire = _iso(w["y"], w["m"], w["d"]) if w["y"] else \
                _with_year(int(w["m"]), int(w["d"]), text, published_year, reference)
            if wire:
                return wire, None
    tail = [line.strip() for line in text.split("\n") if line.strip()][-TAIL_LINES:]
    for line in reversed(tail):
        found = _first_date(line)
        if found and not line[found[0].end():].strip() and _SOURCE_LINE.match(line[:found[0].start()]):
            return found[1], None  # the publisher's name and its date closing the article
    return None
