"""The book in its reader's language: titles, organisations and places from the
glossary, CJK text in the book's script, and the check before export.

``localise_book`` runs on the assembled book after its locale is known (the export
dialog and the CLI may change the locale at the last moment).  Names of people are
left to the exporter, which romanises them with the original in parentheses.  Free
text (quotes, background, notes, the user's own text blocks) is never rewritten:
the check lists it so the user can write a translation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..core.book import ArticleItem, Book, FactItem, Section
from ..core.text import has_cjk, is_han, to_japanese_forms
from ..export.locale import romanise_name
from ..knowledge.glossary import default_glossary, in_script
from ..link.romanise import starts_with_japanese_surname, to_japanese_kanji

CJK_LOCALES = ("zh-Hans", "zh-Hant", "ja")
# Which glossary category renders which field of a fact's value.
_FIELDS = {"person": (("title", "titles"), ("org", "organisations")),
           "organization": (("name", "organisations"),),
           "place": (("name", "places"),),
           "event": (("place", "places"),)}


@dataclass(frozen=True)
class LanguageIssue:
    """One thing in the book that is not yet in the book's language."""

    where: str   # the section title, or "Delegation", "Itinerary"
    text: str    # the text as it would print
    fix: str     # what to do about it, in one sentence
    ref: str     # what to open: "fact:12", "member:3", "itinerary:2", "section:Background"

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def _render(text: str, category: str, locale: str) -> str:
    """``text`` in ``locale`` when the glossary (or OpenCC, for CJK) knows how; else unchanged."""
    found = default_glossary().render(text, category, locale)
    return text if found is None else found


# A reading of a name guessed from its characters (a Japanese name with no Latin
# spelling in any article) is printed with this mark until the user confirms it.
UNVERIFIED_MARK = "\u2020"


def japanese_name(name: str) -> str:
    """A Japanese name in Japanese kanji forms, a doubled kanji written with 々 (佐佐木 -> 佐々木)."""
    out = to_japanese_forms(name)
    return "".join("々" if i and ch == out[i - 1] and is_han(ch) else ch for i, ch in enumerate(out))


def _guessed_reading(f: FactItem) -> str | None:
    """The reading of a Japanese name guessed from its characters: the assembler marks such
    a name with lang 'ja' and no Latin spelling (a Latin alias an article wrote is kept with
    the language of the article instead); a reading already given with lang 'ja' counts too."""
    name = f.value.get("name") or ""
    if f.lang != "ja" or not has_cjk(name):
        return None
    if f.value.get("romanised"):
        return f.value["romanised"]
    if starts_with_japanese_surname(name):
        return romanise_name(to_japanese_kanji(name), "ja") or None
    return None


def _fact_translations(f: FactItem, locale: str) -> FactItem:
    own = f.translations.get(locale) or f.translations.get(locale.split("-")[0]) or {}
    add = {}
    for key, category in _FIELDS.get(f.kind, ()):
        text = f.value.get(key)
        if isinstance(text, str) and text and key not in own:
            rendered = _render(text, category, locale)
            if rendered != text:
                add[key] = rendered
    if f.kind == "agreement" and "parties" not in own and f.value.get("parties"):
        add["parties"] = [_render(_render(p, "organisations", locale), "places", locale) for p in f.value["parties"]]
    if f.kind == "person" and locale not in CJK_LOCALES and "romanised" not in own and (guess := _guessed_reading(f)):
        add["romanised"] = guess + UNVERIFIED_MARK
    if f.kind == "person" and "name" not in own and f.value.get("name"):
        name = f.value["name"]
        # a Japanese name in Japanese forms (佐々木, not 佐佐木) wherever it prints
        written = japanese_name(name) if f.lang == "ja" else in_script(name, locale) if locale in CJK_LOCALES else name
        if written != name:
            add["name"] = written
    if not add:
        return f
    return dataclasses.replace(f, translations={**f.translations, locale: {**add, **own}})


def _section(s: Section, locale: str) -> Section:
    items = [_fact_translations(i, locale) if isinstance(i, FactItem) else i for i in s.items]
    return dataclasses.replace(s, items=items, children=[_section(c, locale) for c in s.children])


def localise_book(book: Book) -> Book:
    """A copy of ``book`` with glossary renderings and script conversion for its locale."""
    loc = book.locale
    trip = book.trip
    if trip is not None:
        members = [dataclasses.replace(m, title=_render(m.title, "titles", loc), org=_render(m.org, "organisations", loc),
                                       name=in_script(m.name, loc) if loc in CJK_LOCALES else m.name)
                   for m in trip.members]
        itinerary = [dataclasses.replace(i, place=_render(i.place, "places", loc),
                                         counterpart_org=_render(i.counterpart_org, "organisations", loc))
                     for i in trip.itinerary]
        trip = dataclasses.replace(trip, members=members, itinerary=itinerary,
                                   destinations=[_render(d, "places", loc) for d in trip.destinations])
    return dataclasses.replace(book, trip=trip, sections=[_section(s, loc) for s in book.sections])


def _fact_issues(f: FactItem, where: str, ref: str, locale: str) -> list[LanguageIssue]:
    shown = {**f.value, **(f.translations.get(locale) or f.translations.get(locale.split("-")[0]) or {})}
    out = []
    for key, category in _FIELDS.get(f.kind, ()):
        text = shown.get(key)
        if isinstance(text, str) and has_cjk(text):
            what = {"titles": "title", "organisations": "organisation", "places": "place"}[category]
            out.append(LanguageIssue(where, text, f"type the {what}'s {locale} rendering (it is not in the glossary)",
                                     ref))
    if f.kind in ("amount", "percentage", "count") and f.measure and has_cjk(f.measure):
        out.append(LanguageIssue(where, f.measure, "choose a measure from the vocabulary or translate the label", ref))
    if f.note and has_cjk(f.note):
        out.append(LanguageIssue(where, f.note, "add your translation of the note", ref))
    return out


def _walk(sections: list[Section], locale: str, out: list[LanguageIssue]) -> None:
    for s in sections:
        if not s.included:
            continue
        if has_cjk(s.title):
            out.append(LanguageIssue(s.title, s.title, "give the section a title in the book's language",
                                     f"section:{s.title}"))
        for n, item in enumerate(s.items, start=1):
            ref = getattr(item, "ref", None) or f"section:{s.title}#{n}"
            if isinstance(item, FactItem):
                out += _fact_issues(item, s.title, ref, locale)
            elif isinstance(item, ArticleItem) and s.kind != "sources":
                text = item.summary or item.excerpt
                if has_cjk(text or "") and not (item.summary and not has_cjk(item.summary)):
                    out.append(LanguageIssue(s.title, (text or "")[:80], "write a summary in the book's language",
                                             ref))
        _walk(s.children, locale, out)


def language_check(book: Book) -> list[LanguageIssue]:
    """Everything in ``book`` (already localised) that an en or de reader could not read.

    A CJK book needs no such list: its script is converted as a whole.
    """
    if book.locale in CJK_LOCALES:
        return []
    out: list[LanguageIssue] = []
    trip = book.trip
    if trip is not None:
        for n, m in enumerate(trip.members, start=1):
            for text, what in ((m.title, "title"), (m.org, "organisation"), (m.role, "role")):
                if has_cjk(text):
                    out.append(LanguageIssue("Delegation", text, f"type the member's {what} in the book's language",
                                             f"member:{n}"))
        for n, i in enumerate(trip.itinerary, start=1):
            for text, what in ((i.place, "place"), (i.counterpart_org, "counterpart"), (i.purpose, "purpose"),
                               (i.notes, "notes")):
                if has_cjk(text):
                    out.append(LanguageIssue("Itinerary", text, f"type the {what} in the book's language",
                                             f"itinerary:{n}"))
        if has_cjk(trip.purpose):
            out.append(LanguageIssue("Trip overview", trip.purpose[:80], "write the purpose in the book's language",
                                     "trip"))
    _walk(book.sections, book.locale, out)
    return out
