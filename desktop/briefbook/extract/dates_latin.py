"""Dates in German and English text: full, partial and relative (see ``dates`` for the
rules all languages share: ISO granularity follows the text, a missing year comes from
the article's own date only)."""

from __future__ import annotations

import re
from datetime import timedelta

from .base import Doc
from .dates import _iso, _month_from, _pub_day, _pub_year, _valid

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

# the words after which a bare year is a date (seit 2019, Since 1985, by 2030, ab 2026), in
# lower case and capitalised at a sentence start; one fixed-width lookbehind each
_YEAR_WORDS = ("im Jahr", "im Jahre", "Jahr", "Jahres", "in", "seit", "bis", "ab", "vor", "nach", "since", "until",
               "by", "from", "before", "after", "in early", "in late")
_YEAR_AFTER = "|".join(rf"(?<=\b{w} )" for w in sorted({x for w in _YEAR_WORDS for x in (w, w[0].upper() + w[1:])}))
_AGO_WORDS = {"einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
              "zehn": 10, "zwanzig": 20, "dreißig": 30, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "a": 1}
_SEASONS = {"frühjahr": (3, 5), "frühling": (3, 5), "sommer": (6, 8), "herbst": (9, 11), "spring": (3, 5),
            "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_DAY_WORDS = {"heute": 0, "today": 0, "gestern": -1, "yesterday": -1, "vorgestern": -2, "tomorrow": 1}
_WEEK_WORDS = {"vergangene": -1, "vergangenen": -1, "letzte": -1, "letzten": -1, "last": -1, "diese": 0, "dieser": 0,
               "this": 0, "kommende": 1, "kommenden": 1, "nächste": 1, "nächsten": 1, "next": 1}

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
    # Anfang Mai / Ende Juni 2024 / early May / mid-April: the month, the edge word kept in the span
    ("edge_m", re.compile(rf"\b(?P<edge>Ende|Anfang|Mitte|Beginn|[Ee]arly|[Ll]ate|[Mm]id-|[Mm]id)\s?(?P<mon>{MONTH_RE})"
                          rf"(?:\s(?P<y>(?:19|20)\d{{2}}))?(?![\w-]|\s\d{{1,2}}\b)")),
    # im Herbst 2024 / im Sommer / in the spring of 2025 / this summer: the months of the season
    ("season", re.compile(r"\b(?:(?P<rel>[Ii]m vergangenen|[Ii]m kommenden|[Ii]n diesem|[Ll]ast|[Tt]his|[Nn]ext)\s|"
                          r"(?P<prep>[Ii]m|[Ii]n the|[Ii]n|[Dd]uring the|[Bb]is zum|[Ss]eit dem)\s)?"
                          r"(?P<season>Frühjahr|Frühling|Sommer|Herbst|spring|summer|autumn|fall)(?:es|s)?"
                          r"(?:\s(?:of\s)?(?P<y>(?:19|20)\d{2}))?(?![\w-])")),
    # 1. Halbjahr 2024 / 2. Quartal / Q1 2025 / H1 2024
    ("num_part", re.compile(r"(?=[1-4QH])(?<![\w.])(?:(?P<n>[1-4])\.\s?(?P<unit>Halbjahr(?:es)?|Quartal(?:s)?)|(?P<qh>[QH])(?P<k>[1-4]))"
                            r"(?:\s(?P<y>(?:19|20)\d{2}))?(?![\w-])")),
    # heute / gestern (Abend) / today / yesterday: the article's own day or the one before
    ("relday", re.compile(r"(?<![Bb]is )(?<![Nn]och )(?<![Uu]ntil )\b(?P<relday>[Hh]eute|[Gg]estern|[Vv]orgestern|[Tt]oday|"
                          r"[Yy]esterday|[Tt]omorrow)(?:\s(?:[Aa]bend|[Mm]orgen|[Nn]achmittag|[Vv]ormittag|[Mm]ittag|"
                          r"morning|afternoon|evening|night))?(?![\w’'-])")),
    # vergangene Woche / in der kommenden Woche / last week / this week: Monday to Sunday
    ("week", re.compile(r"\b(?:(?:[Ii]n der|[Dd]er|[Ii]n)\s)?(?P<wk>[Vv]ergangenen?|[Ll]etzten?|[Dd]iese[r]?|[Kk]ommenden?|"
                        r"[Nn]ächsten?|[Ll]ast|[Tt]his|[Nn]ext)\s(?:Woche|week)\b")),
    # am 12.3. / vom 12.3. bis ...: a day and month of the article's year, after a preposition
    ("dm_num", re.compile(r"(?=\d{1,2}\.\d{1,2}\.)(?:(?<=\b[Aa]m )|(?<=\b[Vv]om )|(?<=\bbis )|(?<=\b[Zz]um )|(?<=\b[Aa]b )|(?<=\b[Ss]eit ))"
                          r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?![\d]|\s?(?:19|20)\d{2})")),
    # June 16 to June 19 / June 30 to July 2, 2020 / 16. Juni bis 19. Juni: a range of days over months
    ("md_range", re.compile(rf"(?P<mon>{MONTH_RE})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(?P<y1>(?:19|20)\d{{2}}))?"
                            rf"\s?(?:–|-|to|until|through|bis)\s?(?P<mon2>{MONTH_RE})\s(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                            rf"(?:,?\s(?P<y>(?:19|20)\d{{2}}))?(?!\d)")),
    ("dm_range", re.compile(rf"(?=\d)(?<![\d.])(?P<d>\d{{1,2}})\.?\s(?P<mon>{MONTH_RE})(?:\s(?P<y1>(?:19|20)\d{{2}}))?"
                            rf"\s?(?:–|-|bis(?:\szum)?|to|until)\s?(?P<d2>\d{{1,2}})\.?\s(?P<mon2>{MONTH_RE})"
                            rf"(?:,?\s(?P<y>(?:19|20)\d{{2}}))?(?!\d)")),
    # 20. bis 22. Mai 2020 / 20.-22. Mai
    ("d_range", re.compile(rf"(?=\d)(?<![\d.])(?P<d>\d{{1,2}})\.?\s?(?:bis|–|-|to|and|/|und)\s?(?P<d2>\d{{1,2}})\.?\s(?P<mon>{MONTH_RE})(?:,?\s(?P<y>(?:19|20)\d{{2}}))?")),
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
                        r"|[Ll]etzten Monat|[Dd]iesen Monat|[Ii]n diesem Monat|im kommenden Monat|[Nn]ächsten Monat"
                        r"|(?:des )?(?:vergangenen|letzten|kommenden|nächsten|laufenden) Monats|dieses Monats)\b")),
    # last year / im vergangenen Jahr / next year
    ("rel", re.compile(r"\b(?P<rel>[Ll]ast year|[Tt]his year|[Nn]ext year|(?:im )?vergangenen Jahr(?:es)?|im letzten Jahr"
                       r"|[Ll]etztes Jahr|[Ii]n diesem Jahr|[Dd]ieses Jahr(?:es)?|im kommenden Jahr|im nächsten Jahr|[Nn]ächstes Jahr"
                       r"|[Ii]m laufenden Jahr|des laufenden Jahres)\b")),
    # die 1990er Jahre / the 1990s / the '90s: the ten years
    ("decade", re.compile(r"(?<![\w'’])(?P<dec>(?:19|20)\d0)(?:er(?:\s?Jahren?)?|s)(?![\w-])")),
    # vor drei Jahren / two years ago: the year so many years before the article's
    ("ago", re.compile(rf"\b(?:[Vv]or\s(?P<n>\d{{1,2}}|(?i:{'|'.join(sorted(_AGO_WORDS, key=len, reverse=True))}))\sJahr(?:en)?"
                       rf"|(?P<n2>\d{{1,2}}|(?i:{'|'.join(sorted(_AGO_WORDS, key=len, reverse=True))}))\syears?\sago)\b")),
    # zum Jahresende / seit Jahresbeginn: the last or first month of the article's year
    ("yearedge", re.compile(r"\b(?P<ye>Jahresende|Jahresbeginn|Jahresanfang|Jahresmitte)s?\b")),
    # (the lookahead first: only where a year stands are the eight lookbehinds tried)
    ("y", re.compile(rf"(?=(?:19|20)\d{{2}})(?:{_YEAR_AFTER})(?P<y>(?:19|20)\d{{2}})(?![\d%]|[.,]\d)")),
    # 2015 und 2017 / 2019 and 2021: two years named together
    ("y", re.compile(r"(?<![\d.,])(?P<y>(?:19|20)\d{2})(?= (?:und|and|oder|or) (?:19|20)\d{2}(?![\d%]|[.,]\d))")),
    ("y", re.compile(r"(?:(?<=\d{4} und )|(?<=\d{4} and )|(?<=\d{4} oder )|(?<=\d{4} or ))(?P<y>(?:19|20)\d{2})(?![\d%]|[.,]\d)")),
]

# am Samstag / Montagabend / on Monday: a day of the week around the article's own day
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
            "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
# the weekday stands alone (am Montag, said Tuesday) or with the week it is in (last Tuesday,
# kommenden Freitag); every Monday, Black Friday and montags name no day
# (the weekday is found first and the words before it read after: a pattern that opens with
# the optional week and lookbehinds is tried at every character of the text)
WEEKDAY_RE = re.compile(r"\b(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday|"
                        r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:abend|morgen|nachmittag|vormittag|mittag)?\b")
_WEEKDAY_WEEK = re.compile(r"(?<!\w)(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Vv]ergangenen|[Vv]origen|[Kk]ommenden|[Nn]ächsten|"
                           r"[Dd]iesen|[Ll]etzten)\s$")
_NO_DAY = re.compile(r"\b(?:[Jj]eden|[Ee]very|[Ee]ach|Black|Good|Cyber|Super)\s$")
_CLAUSE = re.compile(r",|;| und | and | but | aber | sowie ")
SENTENCE_REACH = 400  # characters: how far a weekday's sentence is looked for either side
# Montag, 12. Mai / Tuesday, March 12: the date written after the weekday says which day it is
_DATE_AFTER = re.compile(rf",?\s*(?:den\s+)?(?:\d{{1,2}}\.\s?(?:{MONTH_RE}|\d{{1,2}}\.)|(?:{MONTH_RE})\s\d{{1,2}}\b|\d{{1,2}}\s(?:{MONTH_RE}))")
_LAST, _NEXT = ("last", "vergangenen", "vorigen", "letzten"), ("next", "kommenden", "nächsten")
# a clause that speaks of what is to come, or of what happened: which way the weekday points
_FUTURE = re.compile(r"\b(?:wird|werden|soll|sollen|will|wollen|geplant|vorgesehen|erwartet|plant|planen|"
                     r"is due|are due|is scheduled|are scheduled|is expected|are expected|plans?|next)\b")
_PAST = re.compile(r"\b(?:ist|sind|hat|haben|hatte|hatten|war|waren|wurde|wurden|was|were|had|said|met|signed|"
                   r"visited|arrived|left|held|told|\w+ed)\b")
_PAST_STRICT = re.compile(r"\b(?:hatte|hatten|war|waren|wurde|wurden|was|were|had|said|met|signed|"
                          r"visited|arrived|left|held|told|\w+ed)\b")


# what a pattern cannot match without (a substring test is far cheaper than the scan)
_LATIN_NEEDS = {"season": ("Frühjahr", "Frühling", "Sommer", "Herbst", "spring", "summer", "autumn", "fall"),
                "relday": ("eute", "estern", "oday", "esterday", "omorrow"), "week": ("Woche", "week"), "ago": ("Jahr", "year"),
                "yearedge": ("Jahres",), "fy": ("iscal", "FY", "inancial", "jahr"), "decade": ("0er", "0s")}


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
        week = _WEEKDAY_WEEK.search(norm, max(0, s - 12), s)
        if week:
            s = week.start()
        if _NO_DAY.search(norm, max(0, s - 8), s) or not doc.is_free(s, e):
            continue
        # (at most a long sentence's width either side: text without full stops would make
        # every weekday read the whole text)
        lo, hi = max(0, s - SENTENCE_REACH), min(len(norm), e + SENTENCE_REACH)
        a = max(norm.rfind(".", lo, s), norm.rfind("\n", lo, s), lo - 1) + 1
        b = min(x for x in (norm.find(".", e, hi), norm.find("\n", e, hi), hi) if x != -1)
        # the clause the weekday stands in (signed on Tuesday | and will meet on Friday)
        cuts = [(c.start(), c.end()) for c in _CLAUSE.finditer(norm, a, b)]
        a = max([ce for cs, ce in cuts if ce <= s], default=a)
        b = min([cs for cs, ce in cuts if cs >= e], default=b)
        sentence = norm[a:b]
        if _DATE_AFTER.match(norm, e):
            continue
        target = WEEKDAYS[m.group("wd").lower()]
        back = (day.weekday() - target) % 7
        mod = week["mod"].lower() if week else ""
        if mod in _LAST:
            when = day - timedelta(days=back or 7)
        elif mod in _NEXT:
            when = day + timedelta(days=(7 - back) % 7 or 7)
        elif mod:  # this Friday / diesen Freitag: the day of the article's week
            when = day - timedelta(days=day.weekday() - target)
        # "bis Mittwoch ist eine Delegation zu Gast": until a day, the present tense is of now
        elif _FUTURE.search(sentence) or not (_PAST_STRICT if re.search(r"\b(?:[Bb]is|[Uu]ntil)\s$", norm[max(0, s - 6):s])
                                               else _PAST).search(sentence):
            when = day + timedelta(days=(7 - back) % 7)
        else:
            when = day - timedelta(days=back)
        doc.add("date", s, e, {"iso": when.isoformat(), "end_iso": None, "relative": True}, 0.7, claim=True)


def extract_latin(doc: Doc) -> None:
    pub = _pub_year(doc)
    norm = doc.norm
    _weekdays(doc)
    for kind, rx in LATIN_PATTERNS:
        needs = _LATIN_NEEDS.get(kind)
        if needs and not any(w in norm for w in needs):
            continue  # the pattern cannot match: skip its scan of the whole text
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
            if kind in ("md_range", "dm_range"):
                _latin_day_range(doc, s, e, g, pub)
                continue
            if kind in ("fy", "edge"):
                _latin_year_part(doc, s, e, g, kind)
                continue
            if kind in ("season", "num_part", "relday", "week", "decade", "ago", "yearedge"):
                # the season's span starts at the season word (im Herbst 2018 -> Herbst 2018)
                _latin_period(doc, m.start("season") if kind == "season" and g.get("prep") else s, e, g, kind, pub)
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


def _latin_period(doc: Doc, s: int, e: int, g: dict, kind: str, pub: int | None) -> None:
    """A season, a numbered half or quarter, a day or a week named relative to the article."""
    relative = False
    iso: str | None
    end_iso: str | None
    if kind == "relday":
        day = _pub_day(doc)
        if day is None:
            return  # heute without the article's date is no date anyone can read
        iso, end_iso = (day + timedelta(days=_DAY_WORDS[g["relday"].lower()])).isoformat(), None
        relative = True
    elif kind == "week":
        day = _pub_day(doc)
        if day is None:
            return
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=_WEEK_WORDS[g["wk"].lower()])
        iso, end_iso, relative = monday.isoformat(), (monday + timedelta(days=6)).isoformat(), True
    elif kind == "decade":
        first = int(g["dec"])
        iso, end_iso = _iso(first), _iso(first + 9)
    elif kind in ("ago", "yearedge"):
        if pub is None:
            return
        if kind == "ago":
            n = g.get("n") or g["n2"]
            iso, end_iso = _iso(pub - (int(n) if n.isdigit() else _AGO_WORDS[n.lower()])), None
        else:
            month = {"jahresende": 12, "jahresbeginn": 1, "jahresanfang": 1, "jahresmitte": 6}[g["ye"].lower()]
            iso, end_iso = _iso(pub, month), None
        relative = True
    else:
        if kind == "season":
            a, b = _SEASONS[g["season"].lower()]
            if not (g.get("y") or g.get("rel") or g.get("prep")) or (g["season"] in ("fall", "spring") and not g.get("y")):
                return  # a bare "summer" or "in the fall" is too often no date
            if g["season"] == "fall" and not (g.get("prep") or g.get("rel")):
                return  # "prices fall 2020": a verb
            rel = (g.get("rel") or "").lower()
            off = -1 if ("vergangen" in rel or rel == "last") else (1 if ("komm" in rel or rel == "next") else 0)
        else:
            n = int(g.get("n") or g["k"])
            half = (g.get("unit") or "").lower().startswith("halb") or g.get("qh") == "H"
            if (half and n > 2) or (g.get("qh") and not g.get("y")):
                return  # no third half; Q1 alone may be a paper size or a model name
            a, b = ((n - 1) * 6 + 1, n * 6) if half else ((n - 1) * 3 + 1, n * 3)
            off = 0
        y = int(g["y"]) if g.get("y") else (pub + off if pub is not None else None)
        relative = bool(y) and not g.get("y")
        iso, end_iso = (_iso(y, a), _iso(y, b)) if y else (None, None)
    value: dict = {"iso": iso, "end_iso": end_iso}
    if relative:
        value["relative"] = True
    doc.add("date", s, e, value, 0.8, claim=True)


def _latin_day_range(doc: Doc, s: int, e: int, g: dict, pub: int | None) -> None:
    """June 16 to June 19 (2015) / 30. Juni bis 2. Juli -> one range; without a year the
    publication year, and without that a range whose ends are not known."""
    a, b = MONTHS[g["mon"].lower()], MONTHS[g["mon2"].lower()]
    d1, d2 = int(g["d"]), int(g["d2"])
    y2 = int(g["y"]) if g.get("y") else None
    y1 = int(g["y1"]) if g.get("y1") else None
    if y2 is None and y1 is not None:
        y2 = y1 if (a, d1) <= (b, d2) else y1 + 1
    elif y2 is not None and y1 is None:
        y1 = y2 if (a, d1) <= (b, d2) else y2 - 1
    relative = y2 is None and pub is not None
    if y2 is None and pub is not None:
        y1, y2 = pub, pub if (a, d1) <= (b, d2) else pub + 1
    if y1 is None or y2 is None:
        doc.add("date", s, e, {"iso": None, "end_iso": None}, 0.8, claim=True)
        return
    if not (_valid(y1, a, d1) and _valid(y2, b, d2)) or (y1, a, d1) >= (y2, b, d2):
        return
    value: dict = {"iso": _iso(y1, a, d1), "end_iso": _iso(y2, b, d2)}
    if relative:
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
