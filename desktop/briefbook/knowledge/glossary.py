"""Titles, organisations and places in the book's language, from the shipped glossary.

The glossary is ``resources/glossary/*.tsv`` (see its README).  A term is found by
any of its spellings after conversion to Simplified Chinese (so 黨委書記 finds
党委书记) or, for Latin spellings, case-insensitively (JETRO).  A compound title
("市委副书记、市长") is rendered part by part; a title that starts with a known
place ("北海道知事") becomes "Governor of Hokkaido".  A term the glossary does not
know is returned as ``None`` for en/de, and in the book's script for the CJK
locales, so the caller can tell the user what is still untranslated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from briefbook.core.text import has_cjk, to_japanese_forms, to_simplified, to_traditional
from briefbook.paths import resource

LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")
CATEGORIES = ("titles", "organisations", "places")
_PARTS = re.compile(r"\s*[、,，/]\s*")
_OF = {"en": "{title} of {place}", "de": "{title} von {place}"}


@dataclass(frozen=True)
class Term:
    key: str
    category: str
    renderings: dict[str, str] = field(hash=False)
    aliases: tuple[str, ...] = ()


def _norm(text: str) -> str:
    text = text.strip().replace("（", "(").replace("）", ")")
    return to_simplified(text) if has_cjk(text) else text.casefold()


def parse_tsv(text: str, category: str) -> list[Term]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t"), strict=False))
        aliases = tuple(a for a in (cells.get("aliases") or "").split("|") if a)
        out.append(Term(cells["key"], category, {loc: cells[loc] for loc in LOCALES if cells.get(loc)}, aliases))
    return out


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = terms
        self._index: dict[str, dict[str, Term]] = {c: {} for c in CATEGORIES}
        for t in terms:
            for spelling in (t.key, *t.renderings.values(), *t.aliases):
                self._index[t.category].setdefault(_norm(spelling), t)

    def find(self, text: str, category: str) -> Term | None:
        return self._index[category].get(_norm(text))

    def _one(self, text: str, category: str, locale: str) -> str | None:
        term = self.find(text, category)
        if term is not None:
            return term.renderings.get(locale) or term.renderings.get("en")
        if category == "titles" and locale in _OF:  # 北海道知事, 日本下关市市长
            for cut in range(len(text) - 1, 0, -1):
                place, title = self.find(text[:cut], "places"), self.find(text[cut:], "titles")
                if place and title:
                    return _OF[locale].format(title=title.renderings[locale], place=place.renderings[locale])
        return None

    def render(self, text: str | None, category: str, locale: str) -> str | None:
        """``text`` in ``locale``: from the glossary, or None when en/de has no rendering for it."""
        if not text:
            return text
        found = self._one(text, category, locale)
        if found is None and category == "titles":
            parts = [p for p in _PARTS.split(text) if p]
            if len(parts) > 1:
                rendered = [self._one(p, category, locale) for p in parts]
                if all(rendered):
                    sep = "、" if locale in ("zh-Hans", "zh-Hant", "ja") else ", "
                    found = sep.join(r for r in rendered if r)
        if found is not None:
            return found
        if locale in ("en", "de"):
            return None if has_cjk(text) else text
        return in_script(text, locale)


def in_script(text: str, locale: str) -> str:
    """CJK text in the forms a zh-Hans, zh-Hant or ja reader expects (OpenCC)."""
    if locale == "zh-Hans":
        return to_simplified(text)
    if locale == "zh-Hant":
        return to_traditional(text)
    if locale == "ja":
        return to_japanese_forms(text)
    return text


@cache
def default_glossary() -> Glossary:
    terms: list[Term] = []
    for category in CATEGORIES:
        path = resource("glossary", f"{category}.tsv")
        terms += parse_tsv(path.read_text(encoding="utf-8"), category)
    return Glossary(terms)
