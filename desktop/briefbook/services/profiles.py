"""The profiles of a book: what the library knows about a person or an organisation.

A person's profile is built from knowledge the user accepted: one line per title held
at an organisation (the holds_title statements, with the date of each report and its
sources), the meetings of the book's trip and the earlier trips of the library that
involve the person (as a delegation member, a programme item's counterpart or one of
our participants), and what the articles say about them.  An organisation's profile
holds its description (the user's, else the best sentence an article wrote about it,
whole), its people, figures and agreements, and the trips it was a counterpart of.

Press snippets are never printed twice: not within a profile and not across the
profiles of one book (``SnippetLedger``).
"""

from __future__ import annotations

import json
import re

from ..core.book import ArticleItem, FactItem, Interaction
from ..core.names import match_key, script_of
from ..core.text import to_simplified
from ..link.romanise import starts_with_japanese_surname
from ..store import book_sources as sources
from ..store import books as book_store
from ..store import entity_translations as user_texts
from ..store.book_sources import CHECKED
from ..store.db import Library
from ..store.knowledge_reads import entity_roots
from .sentences import sentence_around

_SNIPPET_NOISE = re.compile(r"[\W_]+")
_DEFINING = re.compile(r"作为|是|為|为|は|is |are |was |ist |sind |war ")


class SnippetLedger:
    """The sentences a book has printed as press snippets or descriptions: a sentence
    (or one holding it, or held by it) seen once is not printed again."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    @staticmethod
    def key(text: str) -> str:
        return _SNIPPET_NOISE.sub("", to_simplified(text or "")).lower()

    def seen(self, text: str) -> bool:
        k = self.key(text)
        return not k or any(k == o or (min(len(k), len(o)) >= 12 and (k in o or o in k)) for o in self.keys)

    def take(self, text: str) -> bool:
        """True (and remembered) when ``text`` is new to the book."""
        if self.seen(text):
            return False
        self.keys.append(self.key(text))
        return True


def _accepted(row) -> bool:
    """A title statement the user accepted: their decision on it, else the decision on its mention."""
    if row["decision"] is not None:
        return row["decision"] in CHECKED
    return row["fact_status"] in CHECKED


def person_identity(lib: Library, entity_id: int, written: str | None = None) -> tuple[dict, str | None, dict]:
    """(value, language of the name, the user's renderings per locale) of a person entity:
    its name in its original script with the Latin spelling an article or the user gave
    (a Latin-named entity merged with 赵豪 prints 'Zhao Hao (赵豪)'), whether the reading
    is confirmed."""
    aliases = sources.entity_aliases(lib, entity_id)
    canonical = sources.entity_name(lib, entity_id) or written or ""
    original = next((n for n in (written, canonical, *(a["name"] for a in aliases))
                     if n and script_of(n) != "Latn"), None)
    latin = sources.latin_alias(lib, entity_id) or (canonical if script_of(canonical) == "Latn" else None)
    value: dict = {"name": original or canonical}
    japanese = bool(original and starts_with_japanese_surname(original))
    lang = None
    if original and latin:
        value["romanised"] = latin
        if japanese:
            value["name_lang"] = "ja"  # an article's spelling, no guess; the original in Japanese forms (佐々木)
    elif japanese:
        lang = "ja"  # the reading is guessed from the characters (localise_book marks it)
    if user_texts.reading_confirmed(lib, entity_id):
        value["reading_confirmed"] = True
    translations: dict[str, dict] = {}
    for t in user_texts.translations(lib, entity_id):
        if t["field"] in ("name", "title", "org"):
            key = "romanised" if t["field"] == "name" and t["locale"] in ("en", "de") else t["field"]
            translations.setdefault(t["locale"], {})[key] = t["translation"]
    return value, lang, translations


def title_lines(lib: Library, entity_id: int, source_ref, until: str | None = None) -> list[FactItem]:
    """One FactItem per accepted title statement and source, oldest first: the title and
    organisation as of the report's date; ``until`` (the trip's last day) leaves out later reports."""
    rows = [r for r in sources.title_statements(lib, entity_id) if _accepted(r)]
    written = next((json.loads(r["args_json"]).get("person") for r in rows), None)
    identity, lang, translations = person_identity(lib, entity_id, written)
    out: list[FactItem] = []
    seen: set[tuple[str, int]] = set()
    for r in rows:
        if until and (r["published"] or "")[:10] > until or (r["uuid"], r["article_id"]) in seen:
            continue
        seen.add((r["uuid"], r["article_id"]))
        args = {**json.loads(r["args_json"] or "{}"), **json.loads(r["edit_json"] or "{}")}
        if not args.get("title"):
            continue
        value = {**identity, "title": args["title"], "org": args.get("org") or ""}
        out.append(FactItem(kind="person", text=args.get("person") or identity["name"], value=value,
                            source=source_ref(r["article_id"]), as_of=args.get("as_of") or r["published"],
                            lang=lang, translations=translations))
    return out


def _involves(names: set[str], text: str | None) -> bool:
    key = match_key(text or "")
    return bool(key) and any(k == key or (len(k) >= 2 and k in key) for k in names)


def trip_interactions(lib: Library, entity_id: int, kind: str, trip_id: int | None,
                      until: str | None = None) -> list[Interaction]:
    """The library's trips that involve the entity: the book's own trip (``current``) and the
    others that began before it ended; never a trip that does not name the entity."""
    names = {k for k in sources.entity_match_keys(lib, entity_id) if k}
    out: list[Interaction] = []
    for trip in book_store.list_trips(lib):
        if trip.id is None or trip.id != trip_id and until and (trip.start_date or "") > until:
            continue
        found: list[Interaction] = []

        def seen(role: str, purpose: str, trip=trip, **programme) -> Interaction:
            return Interaction(trip=trip.title, start=trip.start_date, end=trip.end_date, current=trip.id == trip_id,
                               role=role, purpose=purpose, **programme)
        members = book_store.members(lib, trip.id)
        items = book_store.itinerary(lib, trip.id)
        ids = [m["entity_id"] for m in members] + [i["org_entity_id"] for i in items] + [
            p for i in items for p in i["people_entity_ids"]]
        roots = entity_roots(lib, [x for x in ids if x is not None])
        if kind == "person":
            for m in members:
                if roots.get(m["entity_id"]) == entity_id or (m["entity_id"] is None and _involves(names, m["name"])):
                    found.append(seen("member", m["role"] or m["title"] or ""))
        for i in items:
            if kind == "person":
                if any(roots.get(p) == entity_id for p in i["people_entity_ids"]):
                    role = "counterpart"
                elif any(_involves(names, line) for line in (i.get("participants") or "").splitlines()):
                    role = "participant"
                else:
                    continue
            elif roots.get(i["org_entity_id"]) != entity_id:
                continue
            else:
                role = "counterpart"
            found.append(seen(role, i["purpose"] or "", day=i["day"], time=i["time"] or "",
                              venue=i.get("venue") or i["place"] or ""))
        out.extend(found)
    out.sort(key=lambda x: (not x.current, x.start or "", x.day or "", x.time), reverse=False)
    return out


def person_mentions(lib: Library, entity_id: int, ledger: SnippetLedger, limit: int = 4, locale: str | None = None,
                    until: str | None = None, source_ref=None) -> list[ArticleItem]:
    """The sentences the articles wrote about a person (one per article, newest first), each
    once in the book."""

    by_article: dict[int, tuple[str, str]] = {}
    for r in sources.entity_mentions(lib, entity_id):
        if until and (r["published"] or "")[:10] > until:
            continue
        _, sentence = sentence_around(r["body"], r["start"], r["end"])
        sentence = sentence.strip()
        if len(sentence) > len(by_article.get(r["article_id"], ("", ""))[1]):
            by_article[r["article_id"]] = (r["published"] or "", sentence)
    out: list[ArticleItem] = []
    for article_id, (_published, sentence) in sorted(by_article.items(), key=lambda t: t[1][0], reverse=True):
        if len(out) >= limit or not ledger.take(sentence):
            continue
        ref = source_ref(article_id)
        translated = user_texts.quote_translation(lib, entity_id, locale, sentence[:400]) if locale else None
        out.append(ArticleItem(title=ref.title, source=ref, date=ref.date, excerpt=sentence[:400], summary=translated,
                               ref=f"entity:{entity_id}"))
    return out


def best_sentence(mentions: list[ArticleItem], names: list[str]) -> ArticleItem | None:
    """The sentence that best says what an organisation is: one that names it early and
    defines it ("欧力士集团作为日本最大的……"), not a list of visits; None when none does."""
    def score(a: ArticleItem) -> float:
        text = a.excerpt
        at = min((text.find(n) for n in names if n and n in text), default=-1)
        if at < 0 or len(text) < 20:
            return -1
        listing = text.count("、") + text.count(", ")  # a list of visits names many
        return (2 if _DEFINING.search(text[at:at + 60]) else 0) + (1 if at < len(text) / 4 else 0) - listing * 0.3
    scored = [(score(a), a) for a in mentions]
    good = [t for t in scored if t[0] > 1]
    return max(good, key=lambda t: t[0])[1] if good else None


def dedupe_people(facts: list[FactItem], accepted=None) -> list[FactItem]:
    """One row per person (the newest report of them first), not one per mention;
    ``accepted(name)`` gives the person's accepted position at the organisation (a
    FactItem), None to leave the person out, "keep" for the mention as it is."""
    out: dict[str, FactItem] = {}
    for f in sorted(facts, key=lambda f: f.as_of or (f.source.date if f.source else "") or "", reverse=True):
        key = match_key(f.value.get("name") or f.text)
        if key in out:
            continue
        shown = accepted(f.value.get("name") or f.text) if accepted else "keep"
        if shown is None:
            continue
        out[key] = shown if isinstance(shown, FactItem) else f
    return list(out.values())


def organisation_figures(lib: Library, names: list[str], locale: str | None, until: str | None,
                         source_ref, trip_id: int | None = None) -> list[FactItem]:
    """The accepted figures an article gives in a sentence naming the organisation
    ("阿尔弗雷萨集团……在日本销售合作单位约5万多家"), up to the trip's last day unless the
    user chose the figure for this trip (as the key figures take it)."""
    from ..knowledge.display import book_locale
    from .book_figures import figure_items
    from .relevance import chosen_for_trip
    from .review import list_figures

    names = [n for n in names if len(n) >= 2]
    texts: dict[int, str] = {}
    out: list[FactItem] = []
    loc = book_locale(locale)
    for f in list_figures(lib, loc):
        if f["status"] not in CHECKED or f.get("qualifies") or f.get("same_as"):
            continue
        for s in f["sources"]:
            body = texts.setdefault(s["article_id"], sources.article_text(lib, s["article_id"]))
            _, sentence = sentence_around(body, s["start"], s["end"])
            if any(n in sentence for n in names):
                chosen = trip_id is not None and chosen_for_trip(lib, f["uuid"], trip_id)
                items = [i for i in figure_items(f, loc, source_ref)
                         if chosen or not (until and i.source and (i.source.date or "")[:10] > until)]
                out.extend(items)
                break
    return out
