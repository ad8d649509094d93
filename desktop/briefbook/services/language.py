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
import re
from dataclasses import dataclass, field
from enum import StrEnum

from ..core.book import (
    NUMERIC_KINDS,
    ArticleItem,
    Book,
    FactItem,
    Item,
    Paragraph,
    Section,
    SourceRef,
    TextItem,
)
from ..core.text import has_cjk, is_cjk, is_han, is_kana, to_japanese_forms
from ..export.locale import romanise_japanese, romanise_name
from ..knowledge.glossary import default_glossary, in_script
from ..link.romanise import starts_with_japanese_surname, to_japanese_kanji

CJK_LOCALES = ("zh-Hans", "zh-Hant", "ja")
# Which glossary category renders which field of a fact's value.
_FIELDS = {"person": (("title", "titles"), ("org", "organisations")),
           "organization": (("name", "organisations"),),
           "place": (("name", "places"),),
           "event": (("place", "places"), ("organiser", "organisations"))}


class IssueCode(StrEnum):
    """What a finding of the check is about; a face words it in the user's language by this
    code and its ``params`` (the English ``fix`` is for the command line and logs)."""

    QUOTE_UNTRANSLATED = "quote_untranslated"  # quoted in another language: left out until translated
    TITLE_UNTRANSLATED = "title_untranslated"  # a title the glossary does not know
    ORGANISATION_UNTRANSLATED = "organisation_untranslated"
    PLACE_UNTRANSLATED = "place_untranslated"
    MEASURE_UNTRANSLATED = "measure_untranslated"  # a figure's label
    NOTE_UNTRANSLATED = "note_untranslated"  # the user's note on a fact
    TEXT_UNTRANSLATED = "text_untranslated"  # the user's own text in a section
    SECTION_TITLE_UNTRANSLATED = "section_title_untranslated"
    MEMBER_UNTRANSLATED = "member_untranslated"  # params field: title | organisation | role
    PROGRAMME_UNTRANSLATED = "programme_untranslated"  # params field: place | counterpart | purpose | notes
    TRIP_PURPOSE_UNTRANSLATED = "trip_purpose_untranslated"


_FIX_TEXTS = {
    IssueCode.QUOTE_UNTRANSLATED: "left out of the book: quoted in another language; add your translation to print it",
    IssueCode.TITLE_UNTRANSLATED: "type the title's {locale} rendering (it is not in the glossary)",
    IssueCode.ORGANISATION_UNTRANSLATED: "type the organisation's {locale} rendering (it is not in the glossary)",
    IssueCode.PLACE_UNTRANSLATED: "type the place's {locale} rendering (it is not in the glossary)",
    IssueCode.MEASURE_UNTRANSLATED: "choose a measure from the vocabulary or translate the label",
    IssueCode.NOTE_UNTRANSLATED: "add your translation of the note",
    IssueCode.TEXT_UNTRANSLATED: "write the text in the book's language",
    IssueCode.SECTION_TITLE_UNTRANSLATED: "give the section a title in the book's language",
    IssueCode.MEMBER_UNTRANSLATED: "type the member's {field} in the book's language",
    IssueCode.PROGRAMME_UNTRANSLATED: "type the {field} in the book's language",
    IssueCode.TRIP_PURPOSE_UNTRANSLATED: "write the purpose in the book's language",
}


@dataclass(frozen=True)
class Jump:
    """Where a finding is fixed: ``kind`` entity | section | item | member | itinerary | trip,
    the row's ``id``, the row it is ``within`` (an item's section, a member's or programme
    item's trip) and the ``field`` to fix (title, organisation, place, purpose ...)."""

    kind: str
    id: int
    within: int | None = None
    field: str = ""

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class LanguageIssue:
    """One thing in the book that is not yet in the book's language."""

    where: str  # the section title (trip-level findings: "Delegation", "Itinerary", "Trip overview")
    text: str  # the text as it would print
    code: IssueCode
    target: Jump | None  # None only for a book not assembled from a library
    params: dict = field(default_factory=dict)
    original: str = ""  # a quote's whole sentence, which its translation is kept under (book translate)

    @property
    def fix(self) -> str:
        """What to do about it, in one English sentence (the command line's wording)."""
        return _FIX_TEXTS[self.code].format(**self.params)

    @property
    def ref(self) -> str:
        return self.target.ref if self.target else ""

    def as_dict(self) -> dict:
        return {"where": self.where, "text": self.text, "code": str(self.code), "params": dict(self.params),
                "target": dataclasses.asdict(self.target) if self.target else None, "original": self.original,
                "fix": self.fix, "ref": self.ref}


def _jump(ref: str | None, section: Section) -> Jump | None:
    """The jump for an item of ``section``: its own ref ("item:7", "entity:12"), else the section."""
    kind, _, value = (ref or "").partition(":")
    if kind in ("item", "entity") and value.isdigit():
        return Jump(kind, int(value), section.section_id if kind == "item" else None)
    return Jump("section", section.section_id) if section.section_id is not None else None


def _render(text: str, category: str, locale: str) -> str:
    """``text`` in ``locale`` when the glossary (or OpenCC, for CJK) knows how; else unchanged.
    A list of names the glossary does not know as a whole ("山东省人民政府、中国贸促会、日本贸易
    振兴机构", an event's organisers) is rendered name by name and joined in the book's language."""
    found = default_glossary().render(text, category, locale)
    if found is None and locale not in CJK_LOCALES and "、" in text:
        names = [n.strip() for n in re.split(r"[、，,]|(?<=[会局府厅部委])(?:和|与|及)", text) if n.strip()]
        rendered = [_render(n, category, locale) for n in names]
        if len(names) > 1 and rendered != names:
            return ", ".join(rendered)
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


def romanise_term(text: str, lang: str | None = None) -> str:
    """A place, organisation or publisher the glossary does not know, in Latin letters:
    pinyin (Hepburn for Japanese), one word per run of characters (烟海e家 -> "Yanhai e Jia")."""
    if lang == "ja" or any(map(is_kana, text)):
        return romanise_japanese(text) or text
    from pypinyin import Style, lazy_pinyin

    out = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+", text):
        if is_cjk(run[0]):
            out.append("".join(lazy_pinyin(run, style=Style.NORMAL, v_to_u=True)).capitalize())
        elif run.strip(" “”\"「」『』"):
            out.append(run.strip(" “”\"「」『』"))
    return " ".join(out)


_QUOTE_MARKS = "“”\"「」『』„"


def _glossary_name(text: str, locale: str) -> str | None:
    """A place or organisation from the glossary (烟台, 烟台市, 日本“国际客厅”), or None."""
    bare = text.strip().strip(_QUOTE_MARKS)
    for candidate in dict.fromkeys((text.strip(), bare, bare.replace("“", "").replace("”", ""))):
        for category in ("places", "organisations"):
            term = default_glossary().find(candidate, category)
            if term is not None:
                return term.renderings.get(locale) or term.renderings.get("en")
        if candidate.endswith(("市", "省")) and len(candidate) > 2:
            term = default_glossary().find(candidate[:-1], "places")
            if term is not None:
                return term.renderings.get(locale) or term.renderings.get("en")
    return None


def render_proper_name(text: str, locale: str, lang: str | None = None) -> str:
    """A place, organisation or publisher in ``locale``: the glossary's rendering; for
    en/de a name it does not know in pinyin with the original in parentheses
    ("Yanhai e Jia (烟海e家)"); in a CJK book in the book's script."""
    if not text or not has_cjk(text):
        return text
    if locale in CJK_LOCALES:
        found = _glossary_name(text, locale)
        return found if found is not None else in_script(text, locale)
    found = _glossary_name(text, locale)
    if found is not None:
        return found
    return f"{romanise_term(text, lang)} ({text})"


_SUBJECT_PARTS = re.compile(r"(\s*(?:–|—|←|→|↔|、|/)\s*)")


def render_subject(subject: str, locale: str) -> str:
    """A figure's subject ("青岛–日本", "青岛 ← 日本") part by part, its marks kept (render_measure words the arrows)."""
    if not has_cjk(subject):
        return subject
    parts = _SUBJECT_PARTS.split(subject)
    return "".join(p if _SUBJECT_PARTS.fullmatch(p) or not p.strip() else render_proper_name(p, locale)
                   for p in parts)


# A directed subject ("青岛 ← 日本": from Japan into Qingdao; "日本 → 中国": from Japan to China)
# reads in words in a book; the arrows stay in the review lists, where they are short.
_DIRECTED = re.compile(r"(?P<a>[^←→]+?)\s*(?P<arrow>[←→])\s*(?P<b>[^←→]+)")
_DIRECTED_PHRASES = {  # (into A from B: investment, imports; from A to B: exports)
    "en": ("{label} in {a} from {b}", "{label} from {a} to {b}"),
    "de": ("{label} in {a} aus {b}", "{label} aus {a} nach {b}"),
    "zh-Hans": ("{b}对{a}{label}", "{a}对{b}{label}"),
    "zh-Hant": ("{b}對{a}{label}", "{a}對{b}{label}"),
    "ja": ("{b}から{a}への{label}", "{a}から{b}への{label}"),
}


# A measure of an undirected subject: the subject first, as a table or heading names
# what a figure is of ("Qingdao–Japan: trade volume", "青岛–日本贸易额", "青島–日本の貿易額")
_SUBJECT_PHRASES = {"en": "{subject}: {label}", "de": "{subject}: {label}", "zh-Hans": "{subject}{label}",
                    "zh-Hant": "{subject}{label}", "ja": "{subject}の{label}"}


def subject_phrase(label: str, subject: str, locale: str) -> str:
    """A measure and its (undirected) subject in words of ``locale``: "Japan International
    Lounge (Qingdao): number of organisations", "Qingdao–Japan: Handelsvolumen",
    "青岛–日本贸易额", "日本「国際客庁」の機関数" (never the review lists' "label · subject")."""
    phrase = _SUBJECT_PHRASES.get(locale) or _SUBJECT_PHRASES.get(locale[:2]) or _SUBJECT_PHRASES["en"]
    if phrase.startswith("{subject}: ") and locale[:2] == "en" and label[:1].isupper() and label[1:2].islower():
        label = label[0].lower() + label[1:]  # English lowercases after the colon, not "GDP"
    return phrase.format(label=label, subject=subject)


def directed_phrase(label: str, a: str, arrow: str, b: str, locale: str) -> str:
    """A measure of a directed subject in words of ``locale``: ``a ← b`` (into a from b)
    "Investment in Qingdao from Japan", "Investitionen in Qingdao aus Japan", "日本对青岛投资";
    ``a → b`` (from a to b) "Exports from Japan to China", "日本对中国出口"."""
    into, onto = _DIRECTED_PHRASES.get(locale) or _DIRECTED_PHRASES.get(locale[:2]) or _DIRECTED_PHRASES["en"]
    return (into if arrow == "←" else onto).format(label=label, a=a, b=b)


def render_measure(measure: str, locale: str) -> str:
    """A key figure's label "Anzahl der Projekte · 烟台": the subject after the last " · ",
    in the book's language, in one phrase with the measure ("Yantai: Anzahl der
    Projekte", subject_phrase); a directed subject ("投资 · 青岛 ← 日本") becomes one phrase
    ("Investment in Qingdao from Japan", "日本对青岛投资"), never an arrow."""
    label, sep, subject = measure.rpartition(" · ")
    if not sep:
        return in_script(measure, locale) if locale in CJK_LOCALES and has_cjk(measure) else measure
    if locale in CJK_LOCALES and has_cjk(label):
        label = in_script(label, locale)
    directed = _DIRECTED.fullmatch(subject.strip())
    if directed:
        a, b = (render_subject(directed[x].strip(), locale) for x in ("a", "b"))
        return directed_phrase(label, a, directed["arrow"], b, locale)
    return subject_phrase(label, render_subject(subject, locale).strip(), locale)


def localise_source(src: SourceRef | None, locale: str) -> SourceRef | None:
    """The publisher in the book's language; the title stays as published (Sources list),
    except that a Chinese book gives a Chinese title in its own script (OpenCC)."""
    if src is None:
        return src
    if locale in ("zh-Hans", "zh-Hant") and (src.lang or "zh").startswith("zh") and has_cjk(src.title):
        src = dataclasses.replace(src, title=in_script(src.title, locale))
    if not src.publisher or not has_cjk(src.publisher):
        return src
    lang = "ja" if (src.lang or "").startswith("ja") else None
    return dataclasses.replace(src, publisher=render_proper_name(src.publisher, locale, lang))


def needs_translation(text: str, src_lang: str | None, locale: str) -> bool:
    """Free text the reader of a ``locale`` book cannot read as it is: CJK in an en/de book,
    Japanese in a Chinese book, Chinese in a Japanese one, German in an English or a CJK
    book (another script of the same language is converted, not translated)."""
    if not text:
        return False
    written_in = (src_lang or "")[:2]
    if not has_cjk(text):  # a German quote in an English or Japanese book
        return written_in in ("de", "en") and written_in != locale[:2]
    if locale not in CJK_LOCALES:
        return True
    japanese = (src_lang or "").startswith("ja") or any(map(is_kana, text))
    return japanese != (locale == "ja")


def _article(a: ArticleItem, locale: str, kind: str) -> ArticleItem | None:
    """A quote or excerpt for the book: in the book's script; in another language only
    as the user's translation (``summary``), else None (left out, and listed by the check)."""
    src = localise_source(a.source, locale)
    lang = a.source.lang if a.source else None
    if kind == "sources":
        return dataclasses.replace(a, source=src)
    text = a.excerpt or ""
    if not needs_translation(text, lang, locale) and not needs_translation(a.title, lang, locale):
        if locale in CJK_LOCALES:
            return dataclasses.replace(a, source=src, title=in_script(a.title, locale), excerpt=in_script(text, locale),
                                       summary=in_script(a.summary, locale) if a.summary else a.summary)
        return dataclasses.replace(a, source=src)
    if a.summary and not needs_translation(a.summary, lang, locale):
        # the user's translation stands for the original; the citation says where it is from
        title = a.title if not needs_translation(a.title, lang, locale) else (src.publisher if src else "") or ""
        return dataclasses.replace(a, source=src, title=title, excerpt=a.summary if text else "", summary=None
                                   if text else a.summary)
    return None


def _fact_translations(f: FactItem, locale: str) -> FactItem:
    f = _fact_script(f, locale)
    own = f.translations.get(locale) or f.translations.get(locale.split("-")[0]) or {}
    add: dict = {}
    for key, category in _FIELDS.get(f.kind, ()):
        text = f.value.get(key)
        if isinstance(text, str) and text and key not in own:
            rendered = _render(text, category, locale)
            if rendered != text:
                add[key] = rendered
    if f.value.get("excerpt") and "excerpt" not in own:
        # a figure's sentence, in the book's script; one the reader cannot read is left out, as quotes are
        said = f.value["excerpt"]
        add["excerpt"] = "" if needs_translation(said, f.source.lang if f.source else f.lang, locale) \
            else in_script(said, locale) if locale in CJK_LOCALES else said
    for key in ("name", "subject") if f.kind in ("event", "agreement") and locale in CJK_LOCALES else ():
        if isinstance(f.value.get(key), str) and key not in own and (written := in_script(f.value[key], locale)) \
                != f.value[key]:
            add[key] = written  # an event's name, an agreement's subject: in the book's script
    if f.kind == "agreement" and "parties" not in own and f.value.get("parties"):
        add["parties"] = [_render(_render(p, "organisations", locale), "places", locale) for p in f.value["parties"]]
    if f.kind == "person" and locale not in CJK_LOCALES and "romanised" not in own and (guess := _guessed_reading(f)):
        # a reading the user confirmed (entity_translations/reading_confirmed) prints without the mark
        add["romanised"] = guess if f.value.get("reading_confirmed") else guess + UNVERIFIED_MARK
    if f.kind == "person" and "name" not in own and f.value.get("name"):
        name = f.value["name"]
        # a Japanese name in Japanese forms (佐々木, not 佐佐木) wherever it prints
        # (a Chinese book writes it in its own script: 高岛大浩, as the Chinese press does)
        if locale in ("zh-Hans", "zh-Hant"):
            written = in_script(name, locale)
        else:
            japanese = f.lang == "ja" or f.value.get("name_lang") == "ja"  # guessed reading, or an article's
            written = japanese_name(name) if japanese else in_script(name, locale) if locale == "ja" else name
        if written != name:
            add["name"] = written
    if not add:
        return f
    return dataclasses.replace(f, translations={**f.translations, locale: {**add, **own}})


def _fact_script(f: FactItem, locale: str) -> FactItem:
    """The measure label (its subject included) and the citation's publisher in the book's language."""
    measure = render_measure(f.measure, locale) if f.measure and f.kind in NUMERIC_KINDS else f.measure
    source = localise_source(f.source, locale)
    more = [shown for m in f.more_sources if (shown := localise_source(m, locale)) is not None]
    if measure == f.measure and source is f.source and all(a is b for a, b in zip(more, f.more_sources, strict=True)):
        return f
    return dataclasses.replace(f, measure=measure, source=source, more_sources=more)


def _section(s: Section, locale: str, drop_untranslated: bool = True) -> Section:
    items: list[Item] = []
    for i in s.items:
        if isinstance(i, FactItem):
            items.append(_fact_translations(i, locale))
        elif isinstance(i, ArticleItem):
            shown = _article(i, locale, s.kind)
            if shown is not None:
                items.append(shown)
            elif not drop_untranslated:
                items.append(i)
        else:
            items.append(i)
    return dataclasses.replace(s, items=items, children=[_section(c, locale, drop_untranslated) for c in s.children])


def localise_book(book: Book, drop_untranslated: bool = True) -> Book:
    """A copy of ``book`` with glossary renderings and script conversion for its locale.

    A quote or excerpt in a language the reader does not read is printed only as the
    user's translation; without one it is left out (``drop_untranslated``) rather than
    printed in a script the delegation cannot read, and ``language_check`` (run on the
    book localised with ``drop_untranslated=False``) lists it so the user can add one.
    """
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
    return dataclasses.replace(book, trip=trip, sections=[_section(s, loc, drop_untranslated) for s in book.sections])


def _fact_issues(f: FactItem, s: Section, locale: str) -> list[LanguageIssue]:
    shown = {**f.value, **(f.translations.get(locale) or f.translations.get(locale.split("-")[0]) or {})}
    target = _jump(f.ref, s)
    out = []
    for key, category in _FIELDS.get(f.kind, ()):
        text = shown.get(key)
        if isinstance(text, str) and has_cjk(text):
            code = {"titles": IssueCode.TITLE_UNTRANSLATED, "organisations": IssueCode.ORGANISATION_UNTRANSLATED,
                    "places": IssueCode.PLACE_UNTRANSLATED}[category]
            out.append(LanguageIssue(s.title, text, code, target, {"locale": locale}))
    if f.kind in NUMERIC_KINDS and f.measure and has_cjk(f.measure):
        out.append(LanguageIssue(s.title, f.measure, IssueCode.MEASURE_UNTRANSLATED, target))
    if f.note and has_cjk(f.note):
        out.append(LanguageIssue(s.title, f.note, IssueCode.NOTE_UNTRANSLATED, target))
    return out


def _quote_untranslated(item: ArticleItem, locale: str) -> bool:
    lang = item.source.lang if item.source else None
    text = item.excerpt or item.title
    untranslated = needs_translation(text, lang, locale) or (
        locale not in CJK_LOCALES and needs_translation(item.title, lang, locale))
    return untranslated and not (item.summary and not needs_translation(item.summary, lang, locale))


def _text_of(t: TextItem) -> str:
    out = []
    for block in t.blocks:
        runs = block.runs if isinstance(block, Paragraph) else [r for item in block.items for r in item]
        out.append("".join(r.text for r in runs))
    return " ".join(x for x in out if x)


def _walk(sections: list[Section], locale: str, out: list[LanguageIssue]) -> None:
    """Section titles, facts (en/de: a CJK book's script is converted as a whole), quotes and
    the user's own text blocks not in the book's language."""
    for s in sections:
        if not s.included:
            continue
        latin = locale not in CJK_LOCALES
        if latin and has_cjk(s.title):
            out.append(LanguageIssue(s.title, s.title, IssueCode.SECTION_TITLE_UNTRANSLATED,
                                     Jump("section", s.section_id) if s.section_id is not None else None))
        for item in s.items:
            if isinstance(item, FactItem) and latin:
                out += _fact_issues(item, s, locale)
            elif isinstance(item, ArticleItem) and s.kind != "sources" and _quote_untranslated(item, locale):
                out.append(LanguageIssue(s.title, (item.excerpt or item.title or "")[:80], IssueCode.QUOTE_UNTRANSLATED,
                                         _jump(item.ref, s), original=item.excerpt or ""))
            elif isinstance(item, TextItem) and needs_translation(text := _text_of(item), None, locale):
                out.append(LanguageIssue(s.title, text[:80], IssueCode.TEXT_UNTRANSLATED, _jump(item.ref, s)))
        _walk(s.children, locale, out)


def language_check(book: Book) -> list[LanguageIssue]:
    """Everything in ``book`` (already localised) that its reader could not read.

    A CJK book's script is converted as a whole: it lists only what is in another
    language (Chinese in a Japanese book, Japanese in a Chinese one).
    """
    out: list[LanguageIssue] = []
    trip = book.trip
    if trip is not None and book.locale not in CJK_LOCALES:
        tid = trip.trip_id
        for m in trip.members:
            for text, what in ((m.title, "title"), (m.org, "organisation"), (m.role, "role")):
                if has_cjk(text):
                    out.append(LanguageIssue("Delegation", text, IssueCode.MEMBER_UNTRANSLATED,
                                             Jump("member", m.row_id, tid, what) if m.row_id is not None else None,
                                             {"field": what}))
        for i in trip.itinerary:
            for text, what in ((i.place, "place"), (i.counterpart_org, "counterpart"), (i.purpose, "purpose"),
                               (i.notes, "notes")):
                if has_cjk(text):
                    out.append(LanguageIssue("Itinerary", text, IssueCode.PROGRAMME_UNTRANSLATED,
                                             Jump("itinerary", i.row_id, tid, what) if i.row_id is not None else None,
                                             {"field": what}))
        if has_cjk(trip.purpose):
            out.append(LanguageIssue("Trip overview", trip.purpose[:80], IssueCode.TRIP_PURPOSE_UNTRANSLATED,
                                     Jump("trip", tid, None, "purpose") if tid is not None else None))
    _walk(book.sections, book.locale, out)
    return out
