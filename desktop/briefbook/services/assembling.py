"""Assembling a book: library rows -> the exporter's ``core.book.Book``.

Sections fill themselves where the user placed nothing by hand: a counterpart
profile from the checked facts linked to its organisation and the agreements and
events accepted for the trip (services/book_statements.py), key figures from the
accepted figures relevant to the book's trip (services/book_figures.py).  Only
accepted or edited knowledge reaches a book; proposals and rejected claims never do.
"""

from __future__ import annotations

import dataclasses
import json
import re

from ..core.article import display_title
from ..core.book import (
    NUMERIC_KINDS,
    ArticleItem,
    Book,
    DelegationMember,
    FactItem,
    ItineraryItem,
    Section,
    SourceRef,
    TextItem,
    Trip,
)
from ..core.names import match_key, script_of
from ..core.richtext import parse_blocks
from ..link.romanise import starts_with_japanese_surname
from ..store import book_sources as sources
from ..store import books as book_store
from ..store import entities as entity_store
from ..store import entity_translations as user_texts
from ..store.book_sources import CHECKED
from ..store.db import Library
from .book_figures import key_figure_items
from .book_statements import statement_items
from .profiles import (
    SnippetLedger,
    best_sentence,
    dedupe_people,
    organisation_figures,
    person_mentions,
    title_lines,
    trip_interactions,
)
from .sentences import sentence_around as _sentence_around

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年|\b((?:19|20)\d{2})\b")


def source_ref(lib: Library, article_id: int) -> SourceRef | None:
    row = sources.article_source(lib, article_id)
    if row is None:
        return None
    title = display_title(row["title"], row["text"], 60)
    return SourceRef(title=title, publisher=row["source"], date=row["published"], url=row["url"],
                     path=row["path"], lang=row["lang"])


_LEAD = re.compile(r"^(其中|同比|此外|另外|而且|并且|并|且|以及|和|与|其|约|近|达|达到|为|超过|共|总计|累计|"
                   r"and|und|with|mit|of|von|to|auf)\s*")
_TAIL = re.compile(r"(达到|达|为|约为|约|近|超过|逾|共|总计|累计|有|是|reached|erreichte|von|of|by|um|auf|at)\s*$")


def derive_measure(text: str, start: int, end: int) -> str:
    """What a number measures, from the clause before it (the user can edit it).

    "2019年，青岛与日本进出口总额达到62.33亿美元，同比增长2.1%" gives
    "青岛与日本进出口总额" for the amount and "青岛与日本进出口总额 同比增长" for
    the percentage: a clause too short to say anything borrows the subject of the
    clause before it.
    """
    before, _ = _sentence_around(text, start, end)
    clauses = [c.strip() for c in re.split(r"[,，、;；:：]", before)]
    clause = _TAIL.sub("", clauses[-1]).strip() if clauses else ""
    core = _LEAD.sub("", clause).strip()
    if len(core) < 5 and len(clauses) > 1:
        previous = re.split(r"\d", clauses[-2], maxsplit=1)[0]
        previous = _TAIL.sub("", _LEAD.sub("", previous.strip())).strip()
        previous = re.sub(r"^((19|20)\d{2}\s*年?|今年|去年|当年|上半年)\s*", "", previous)
        if previous:
            core = f"{previous} {core}".strip() if core else previous
    return core[-40:]


def derive_as_of(text: str, start: int, end: int, published: str | None) -> str | None:
    """The period a figure refers to: a year in its sentence, else the article's date."""
    _, sentence = _sentence_around(text, start, end)
    m = _YEAR.search(sentence)
    if m:
        return m.group(1) or m.group(2)
    if published and ("今年" in sentence or "this year" in sentence or "dieses Jahr" in sentence):
        return published[:4]
    return published


def fact_item(lib: Library, fact_id: int, payload: dict | None = None) -> FactItem | None:
    row = sources.fact_with_article(lib, fact_id)
    if row is None or row["status"] not in CHECKED:
        return None
    payload = payload or {}
    value = json.loads(row["value_json"] or "{}")
    measure = payload.get("measure")
    as_of = payload.get("as_of")
    if row["kind"] in NUMERIC_KINDS:
        measure = measure or derive_measure(row["article_text"], row["start"], row["end"]) or None
        as_of = as_of or derive_as_of(row["article_text"], row["start"], row["end"], row["published"])
    elif row["kind"] in ("event", "agreement", "date"):
        as_of = as_of or value.get("date") or value.get("iso") or row["published"]
    lang = row["lang"]
    translations: dict[str, dict] = {}
    if row["kind"] == "person":
        romanised, name_lang = romanise_person(lib, fact_id, value.get("name") or row["text"])
        if romanised:
            value = dict(value, romanised=romanised)
            if starts_with_japanese_surname(value.get("name") or row["text"]):
                value["name_lang"] = "ja"  # an article's spelling, no guess; the original in Japanese forms
        lang = name_lang or lang
        entity_id = sources.subject_entity(lib, fact_id)
        if entity_id is not None:  # the user's own renderings of this person, kept for every book
            if user_texts.reading_confirmed(lib, entity_id):
                value = dict(value, reading_confirmed=True)
            for t in user_texts.translations(lib, entity_id):
                if t["field"] in ("name", "title", "org"):
                    key = "romanised" if t["field"] == "name" and t["locale"] in ("en", "de") else t["field"]
                    translations.setdefault(t["locale"], {})[key] = t["translation"]
    return FactItem(kind=row["kind"], text=row["text"], value=value, source=source_ref(lib, row["article_id"]),
                    measure=measure, as_of=as_of, note=payload.get("note"), lang=lang, translations=translations)


def romanise_person(lib: Library, fact_id: int, name: str) -> tuple[str | None, str | None]:
    """(romanised name, language of the name) for a person fact.

    The best romanisation is the one an article wrote: a Latin-script alias of the
    person's entity (佐佐木伸彦 linked to "Sasaki Nobuhiko").  Failing that, a name
    starting with a Japanese family name is read as Japanese, not as Chinese pinyin:
    its language is 'ja' and the reading is left to ``localise_book``, which guesses it
    only for a book outside CJK (loading the Japanese reading dictionary takes seconds,
    and a CJK book prints the name as written).
    """
    if script_of(name) == "Latn":
        return None, None
    entity_id = sources.subject_entity(lib, fact_id)
    if entity_id is not None:
        latin = sources.latin_alias(lib, entity_id)
        if latin:
            return latin, None
    if starts_with_japanese_surname(name):
        return None, "ja"
    return None, None


def profile_facts(lib: Library, entity_id: int) -> list[int]:
    """Checked person facts about an organisation: its people and the people linked to it;
    newest articles first.  Its events and agreements are knowledge, not mentions
    (services/book_statements.py)."""
    keys = sources.entity_match_keys(lib, entity_id)
    linked = sources.linked_fact_ids(lib, entity_id)
    found: list[tuple[str, int, int]] = []
    for r in sources.checked_facts_of(lib, ("person",)):
        value = json.loads(r["value_json"] or "{}")
        hit = r["id"] in linked or (bool(value.get("org")) and match_key(value["org"]) in keys)
        if hit:
            found.append((r["published"] or "", r["article_id"], r["id"]))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [fid for _, _, fid in found]


def profile_mentions(lib: Library, entity_id: int, limit: int = 6, locale: str | None = None,
                     until: str | None = None) -> list[ArticleItem]:
    """What the articles say about an organisation: the sentence of each mention
    (one per article, newest first), cited like any fact; with the user's translation of
    the sentence for ``locale`` as its ``summary`` when there is one.  ``until`` (the
    trip's last day) leaves out articles published after it: a 2020 trip's book does not
    quote a 2024 report."""
    keys = sources.entity_match_keys(lib, entity_id)
    linked = sources.linked_fact_ids(lib, entity_id)
    by_article: dict[int, tuple[str, set[str]]] = {}
    for r in sources.organization_mentions(lib):
        name = json.loads(r["value_json"] or "{}").get("name") or r["text"]
        if r["id"] not in linked and match_key(name) not in keys:
            continue
        if until and (r["published"] or "")[:10] > until:
            continue
        _, sentence = _sentence_around(r["body"], r["start"], r["end"])
        by_article.setdefault(r["article_id"], (r["published"] or "", set()))[1].add(sentence.strip())
    out: list[tuple[str, ArticleItem]] = []
    for article_id, (published, sentences) in by_article.items():
        ref = source_ref(lib, article_id)
        # The fullest sentences say the most; captions ("拜訪歐力士集團") say least.
        for sentence in sorted(sentences, key=len, reverse=True)[:2]:
            translated = user_texts.quote_translation(lib, entity_id, locale, sentence[:400]) if locale else None
            out.append((published, ArticleItem(title=ref.title, source=ref, date=ref.date, excerpt=sentence[:400],
                                               summary=translated, ref=f"entity:{entity_id}")))
    out.sort(key=lambda t: t[0], reverse=True)
    return [item for _, item in out[:limit]]


def _assemble_items(lib: Library, section: dict, book: dict) -> list:
    out = []
    for item in book_store.items(lib, section["id"]):
        kind, payload = item["item_kind"], item["payload"]
        ref = f"item:{item['id']}"
        if kind == "fact" and item["item_id"] is not None:
            fi = fact_item(lib, item["item_id"], payload)
            if fi is not None:
                out.append(dataclasses.replace(fi, ref=ref))
        elif kind == "article" and item["item_id"] is not None:
            src = source_ref(lib, item["item_id"])
            if src is None:
                continue
            text = sources.article_text(lib, item["item_id"])
            out.append(ArticleItem(title=src.title, source=src, date=src.date,
                                   excerpt=payload.get("excerpt") or _lead(text, src.title),
                                   summary=payload.get("summary"), ref=ref))
        elif kind == "entity" and item["item_id"] is not None:
            out.extend(dataclasses.replace(fi, ref=f"entity:{item['item_id']}")
                       for fid in profile_facts(lib, item["item_id"]) if (fi := fact_item(lib, fid)))
            out.extend(statement_items(lib, item["item_id"], book.get("trip_id"), book.get("until"),
                                       book.get("locale"), lambda a: source_ref(lib, a)))
        elif kind == "text":
            out.append(TextItem(parse_blocks(payload.get("text", "")), ref=ref))
    return out


def _lead(text: str, title: str | None, limit: int = 280) -> str:
    """The article's first real paragraph, for a background excerpt."""
    for para in text.split("\n"):
        para = para.strip()
        if len(para) > 40 and para != title:
            return para if len(para) <= limit else para[:limit].rstrip() + "…"
    return text[:limit]


def _auto_items(lib: Library, section: dict, items: list, book: dict | None = None,
                ledger: SnippetLedger | None = None) -> list:
    settings = section.get("settings") or {}
    book = book or {}
    if section["kind"] == "profile" and settings.get("entity_id") and settings.get("auto", True):
        return _profile_items(lib, settings["entity_id"], items, book, ledger or SnippetLedger())
    if section["kind"] == "figures" and not items and settings.get("auto", True):
        # knowledge, not mentions: the accepted figures relevant to the trip (services/book_figures.py)
        return key_figure_items(lib, book.get("trip_id"), book.get("locale"), lambda a: source_ref(lib, a))
    return items


def _profile_items(lib: Library, eid: int, items: list, book: dict, ledger: SnippetLedger) -> list:
    """A person's or an organisation's profile (services/profiles.py) after what the user placed."""
    locale, until = book.get("locale"), book.get("until")
    ref = lambda a: source_ref(lib, a)  # noqa: E731
    interactions = trip_interactions(lib, eid, sources.entity_kind(lib, eid) or "organization", book.get("trip_id"),
                                     until)
    if sources.entity_kind(lib, eid) == "person":
        lines = [dataclasses.replace(f, ref=f"entity:{eid}") for f in title_lines(lib, eid, ref, until)]
        return [*items, *lines, *interactions,
                *person_mentions(lib, eid, ledger, locale=locale, until=until, source_ref=ref)]
    fids = profile_facts(lib, eid)
    facts = [dataclasses.replace(fi, ref=f"entity:{sources.subject_entity(lib, fid) or eid}")
             for fid in fids if (fi := fact_item(lib, fid))
             and not (until and (fi.as_of or "")[:10] > until)]  # a 2020 trip's book: no 2024 title
    # its agreements and events: the claims accepted for this trip
    facts += statement_items(lib, eid, book.get("trip_id"), until, locale, ref)
    people = dedupe_people([f for f in facts if f.kind == "person"],
                           lambda name: _accepted_position(lib, fids, name, eid, ref, until))
    about = user_texts.fields_for(lib, eid, locale).get("description") if locale else None
    has_text = any(isinstance(i, TextItem) for i in items)
    if about and not has_text:  # the user's description, kept per entity
        items, has_text = [TextItem(parse_blocks(about)), *items], True
    mentions = profile_mentions(lib, eid, locale=locale, until=until)
    names = [a["name"] for a in sources.entity_aliases(lib, eid)]
    described = [] if has_text else [dataclasses.replace(best, role="description") for best in
                                     [best_sentence(mentions, names)] if best and ledger.take(best.excerpt)]
    quotes = [m for m in mentions if ledger.take(m.excerpt)]
    figures = organisation_figures(lib, names, locale, until, ref, book.get("trip_id"))
    return [*described, *items, *people, *(f for f in facts if f.kind != "person"), *figures, *interactions, *quotes]


def _accepted_position(lib: Library, fids: list[int], name: str, org_id: int, ref, until: str | None):
    """The newest accepted title a person holds at the organisation ``org_id`` (the person's
    entity found by a mention among ``fids``), None when the user accepted none; a person
    with no entity keeps the mention's."""
    keys = sources.entity_match_keys(lib, org_id)
    for fid in fids:
        row = sources.fact_with_article(lib, fid)
        if row is None or row["kind"] != "person" or match_key(json.loads(row["value_json"] or "{}").get("name")
                                                               or row["text"]) != match_key(name):
            continue
        person = sources.subject_entity(lib, fid)
        if person is None:
            return "keep"
        lines = [f for f in title_lines(lib, person, ref, until) if match_key(f.value.get("org") or "") in keys]
        return dataclasses.replace(max(lines, key=lambda f: f.as_of or ""), ref=f"entity:{person}") if lines else None
    return "keep"


def assemble_trip(lib: Library, trip_id: int | None) -> Trip | None:
    if trip_id is None:
        return None
    row = book_store.get_trip(lib, trip_id)
    if row is None:
        return None

    def entity_name(eid):
        return sources.entity_name(lib, eid) if eid else ""

    trip = Trip(title=row.title, destinations=row.destinations, start=row.start_date, end=row.end_date,
                purpose=row.purpose, classification=row.classification, trip_id=trip_id)
    trip.members = [DelegationMember(m["name"], m["title"] or "", m["org"] or _member_org(lib, m), m["role"] or "",
                                     row_id=m["id"]) for m in book_store.members(lib, trip_id)]
    trip.itinerary = [ItineraryItem(day=i["day"] or "", time=i["time"] or "", place=i["place"] or "",
                                    counterpart_org=entity_name(i["org_entity_id"]) or "",
                                    counterpart_people=[entity_name(p) for p in i["people_entity_ids"] if entity_name(p)],
                                    purpose=i["purpose"] or "", notes=i["notes"] or "",
                                    end=i.get("end_time") or "", venue=i.get("venue") or "",
                                    address=i.get("address") or "", participants=_lines(i.get("participants")),
                                    row_id=i["id"])
                      for i in book_store.itinerary(lib, trip_id)]
    return trip


def _member_org(lib: Library, member: dict) -> str:
    """A member typed without an organisation takes the one accepted for their person entity
    (the member's own, else the one person entity of that name); the glossary localises it."""
    eid = member.get("entity_id")
    if eid is None:
        found = entity_store.find_entities(lib, "person", member["name"] or "")
        eid = found[0] if len(found) == 1 else None
    for _ in range(10):  # a merged-away entity: the one it was merged into
        if eid is None or (into := entity_store.merged_into(lib, eid)) is None:
            break
        eid = into
    return (entity_store.accepted_organisation(lib, eid) or "") if eid is not None else ""


def _lines(text: str | None) -> list[str]:
    """A list stored one entry a line (distribution, participants)."""
    return [x.strip() for x in (text or "").splitlines() if x.strip()]


def _build_date() -> str | None:
    """SOURCE_DATE_EPOCH (reproducible builds) fixes the date printed on the cover."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()


def assemble_book(lib: Library, book_id: int, locale: str | None = None) -> Book:
    """The book ``book_id``; ``locale`` (the export's choice) replaces the book's own, so
    that the figures' labels and periods are worded in it."""
    row = book_store.get_book(lib, book_id)
    if row is None:
        raise KeyError(f"there is no book {book_id}")
    if locale:
        row = dict(row, locale=locale)
    book = Book(title=row["title"], trip=assemble_trip(lib, row["trip_id"]), locale=row["locale"],
                template=row["template"], prepared_by=row["prepared_by"] or "",
                prepared_on=_build_date() or (row["updated_at"] or "")[:10], draft=bool(row["draft"]),
                document_number=row.get("document_number") or "", version=row.get("version") or "",
                distribution=_lines(row.get("distribution")))
    by_id: dict[int, Section] = {}
    rows = book_store.sections(lib, book_id)
    ledger = SnippetLedger()  # a press snippet is printed once in the book
    context = {"trip_id": row["trip_id"], "locale": row["locale"], "until": book.trip.end if book.trip else None}
    for s in rows:
        items = _assemble_items(lib, s, context)
        if s["body"]:
            items.insert(0, TextItem(parse_blocks(s["body"])))
        items = _auto_items(lib, s, items, context, ledger)
        eid = (s.get("settings") or {}).get("entity_id")
        about = (sources.entity_kind(lib, eid) or "") if s["kind"] == "profile" and eid else ""
        section = Section(kind=s["kind"], title=s["title"], included=bool(s["included"]), items=items,
                          about=about, section_id=s["id"])
        by_id[s["id"]] = section
    for s in rows:
        section = by_id[s["id"]]
        if s["parent_id"] is not None and s["parent_id"] in by_id:
            by_id[s["parent_id"]].children.append(section)
        elif s["parent_id"] is None:
            book.sections.append(section)
    return book
