"""Places a figure's sentence names without a place mention of its own
(knowledge/figures.py reads them with the article's mentions).

    中日 / 日中 / 日美 / 中欧 …      two one-character country names before a trade word
        (中日两国, 中日间贸易总额, 日美贸易, 中日輸出入総額) name a pair: between them
    China-Japan / Japan-China / Sino-Japanese   a hyphenated pair of places or their
        adjectives before a noun names a pair as well
    Chinese exports / die deutschen Exporte / das chinesische Außenhandelsvolumen
        a country's adjective right before a measure word names that country
    ASEAN / 欧盟 / EU   a group of countries (resources/knowledge/blocs.txt) is a side of a
        figure like a country, though the tagger reads it as an organisation

Pure logic over the text and the article's place names; no store, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefbook.paths import resource


@dataclass
class Mention:
    start: int
    end: int
    name: str
    kind: str  # place | organization


# a trade or relation word after two one-character country names (Simplified text)
_PAIR_AFTER_CJK = re.compile(r"^(?:两国|兩国|双边|间|之间|的?贸易|经贸|进出口|输出入|贸易|合作|关系)")


def abbreviation_pairs(norm: str, base: int, abbrevs: dict[str, str]) -> list[tuple[Mention, Mention]]:
    """Pairs written as two one-character names: 中日两国 -> (中国, 日本)."""
    out = []
    for i in range(len(norm) - 1):
        a, b = norm[i], norm[i + 1]
        if a == b or a not in abbrevs or b not in abbrevs or abbrevs[a] == abbrevs[b]:
            continue
        if i > 0 and norm[i - 1] in abbrevs:  # 中日韩: three names, not this pair
            continue
        if _PAIR_AFTER_CJK.match(norm[i + 2:i + 6]):
            out.append((Mention(base + i, base + i + 1, abbrevs[a], "place"),
                        Mention(base + i + 1, base + i + 2, abbrevs[b], "place")))
    return out


@cache
def _blocs() -> frozenset[str]:
    out: set[str] = set()
    for line in resource("knowledge", "blocs.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.update(_bloc_key(n) for n in line.split("|") if n.strip())
    return frozenset(out)


def _bloc_key(name: str) -> str:
    from .periods import to_simplified_per_char

    return to_simplified_per_char(name.strip()).casefold()


def is_bloc(name: str) -> bool:
    """ASEAN, 東盟, Europäische Union: a group of countries that trades as one side."""
    return _bloc_key(name) in _blocs()


@cache
def _demonyms(lang: str) -> tuple[tuple[str, str], ...]:
    path = resource("dict", lang, "demonyms.tsv")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        adj, place = line.split("\t", 1)
        out.append((adj.strip(), place.strip()))
    out.sort(key=lambda p: -len(p[0]))
    return tuple(out)


@cache
def _adjective_pattern(lang: str) -> re.Pattern:
    stems = "|".join(re.escape(a) for a, _ in _demonyms(lang))
    if lang == "de":
        return re.compile(rf"\b({stems})(e|en|er|es|em)?\b", re.I)
    return re.compile(rf"\b({stems})\b")


def _place_of(lang: str, adjective: str) -> str | None:
    low = adjective.lower()
    for adj, place in _demonyms(lang):
        if adj.lower() == low:
            return place
    return None


def adjective_mentions(text: str, lang: str, is_measure_word) -> list[Mention]:
    """A country's adjective before a measure word (Chinese exports, die deutschen Exporte)
    read as a mention of the country; ``is_measure_word(word)`` says what a measure word is."""
    if lang not in ("de", "en"):
        return []
    out = []
    for m in _adjective_pattern(lang).finditer(text):
        place = _place_of(lang, m.group(1))
        nxt = re.match(r"[\s-]*([\w-]+)", text[m.end():m.end() + 40])
        if place and nxt and is_measure_word(nxt.group(1)):
            out.append(Mention(m.start(), m.end(), place, "place"))
    return out


@cache
def _countries(lang: str) -> dict[str, str]:
    return {p.lower(): p for _a, p in _demonyms(lang)}


def country_mentions(text: str, lang: str, known: list[Mention]) -> list[Mention]:
    """Country names of the adjective lists where the article's mentions have none:
    Japan's exports (a possessive the name rules pass over), Chinas Außenhandel."""
    if lang not in ("de", "en"):
        return []
    taken = [(m.start, m.end) for m in known]
    places = sorted({p for _a, p in _demonyms(lang)}, key=len, reverse=True)
    # Japan's, Chinas, den Niederlanden (a German dative adds -n)
    rx = re.compile(r"\b(" + "|".join(re.escape(p) for p in places) + r")(?:['’]s|s" + ("|n" if lang == "de" else "")
                    + r")?\b")
    out = []
    for m in rx.finditer(text):
        if not any(a < m.end(1) and m.start(1) < b for a, b in taken):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "place"))
    return out


def hyphen_pairs(sentence: str, base: int, names: dict[str, str], lang: str) -> list[tuple[Mention, Mention]]:
    """China-Japan / Sino-Japanese / chinesisch-deutsche: a pair of places joined by a hyphen.
    ``names`` maps a written place name (lower case) to its name."""
    out = []
    for m in re.finditer(r"\b([A-Za-zÄÖÜäöüß]+)[-–]([A-Za-zÄÖÜäöüß]+)\b", sentence):
        sides = []
        for word in (m.group(1), m.group(2)):
            low = word.lower()
            place = names.get(low) or ("China" if low == "sino" else None)
            if place is None and lang in ("de", "en"):
                stem = re.sub(r"(e|en|er|es|em)$", "", low) if lang == "de" else low
                place = _place_of(lang, stem) or _place_of(lang, low) or _countries(lang).get(low)
            sides.append(place)
        if sides[0] and sides[1] and sides[0] != sides[1]:
            a0, a1 = base + m.start(1), base + m.end(1)
            b0, b1 = base + m.start(2), base + m.end(2)
            out.append((Mention(a0, a1, sides[0], "place"), Mention(b0, b1, sides[1], "place")))
    return out
