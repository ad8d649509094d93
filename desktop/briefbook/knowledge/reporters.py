"""Whose statistics a sentence reports: the country of the office an article cites.

A customs or statistics release names its own country once, if at all: 据日本海关统计…
其中，对中国出口… / "Die Einfuhren aus China …, wie das Statistische Bundesamt mitteilte".
The exporter or importer such a sentence leaves unnamed is the reporting country.

    reporting_offices(text, mentions, lang) -> [(position, country)] in text order: an office of
        resources/knowledge/reporters.tsv, or an organisation named with its country and an
        office word (日本財務省, 中国商務部, 日本海關)
    reporter_at(offices, sentence_start, sentence_end) -> the country of the office the
        figure's sentence cites ("…, the customs office said"), else of the one cited last before

Pure logic over the text and the article's mentions; no store, no Qt.
"""

from __future__ import annotations

import re
from functools import cache

from briefbook.paths import resource

from .glossary import in_script
from .periods import to_simplified_per_char

_OFFICE_WORD = re.compile(r"海关|海関|税関|税关|财务省|財務省|统计|統計|商务部|商務部|贸易振兴|貿易振興|经济产业省|経済産業省"
                          r"|Customs|Statistic|Statisti|Zoll|Bundesamt|Ministry|Ministerium", re.I)


_COLUMN = {"zh-Hans": 0, "zh-Hant": 0, "ja": 1, "de": 2, "en": 3}


@cache
def _offices(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for line in resource("knowledge", "reporters.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        names, *countries = line.split("\t")
        country = countries[min(_COLUMN.get(lang, 3), len(countries) - 1)]
        if lang == "zh-Hant":
            country = in_script(country.strip(), "zh-Hant")
        spellings = sorted({to_simplified_per_char(n.strip()) for n in names.split("|") if n.strip()}, key=len,
                           reverse=True)
        latin = [re.escape(s) for s in spellings if s.isascii() or not re.search(r"[\u3040-\u9fff]", s)]
        cjk = [re.escape(s) for s in spellings if s not in latin and re.search(r"[\u3040-\u9fff]", s)]
        parts = ([rf"\b(?:{'|'.join(latin)})\b"] if latin else []) + ([f"(?:{'|'.join(cjk)})"] if cjk else [])
        out.append((re.compile("|".join(parts), re.I), country.strip()))
    return tuple(out)


def is_office(name: str, lang: str) -> bool:
    """財務省, the General Administration of Customs: a reporting office, no side of a trade."""
    norm = to_simplified_per_char(name)
    return any(rx.fullmatch(norm) for rx, _c in _offices(lang))


def reporting_offices(text: str, mentions, lang: str) -> list[tuple[int, str]]:
    norm = to_simplified_per_char(text)
    found: list[tuple[int, str]] = []
    for rx, country in _offices(lang):
        found += [(m.start(), country) for m in rx.finditer(norm)]
    places = sorted({m.name for m in mentions if m.kind == "place" and len(m.name) >= 2}, key=len, reverse=True)
    for m in mentions:
        if m.kind != "organization" or not _OFFICE_WORD.search(m.name):
            continue
        home = next((p for p in places if m.name.startswith(p) and len(m.name) > len(p)), None)
        if home is not None:
            found.append((m.start, home))
    found.sort()
    return found


def reporter_at(offices: list[tuple[int, str]], sentence_start: int, sentence_end: int) -> str | None:
    inside = [c for at, c in offices if sentence_start <= at < sentence_end]
    if inside:
        return inside[0]
    before = [c for at, c in offices if at < sentence_start]
    return before[-1] if before else None
