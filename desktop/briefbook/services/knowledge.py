"""Building knowledge from mentions: figures and statements from an article's facts.

Extraction yields mentions (facts with spans); linking groups the name mentions
into entities.  This module then reads the article's numbers into figures
(knowledge/figures.py: measure, subject, period, approximation) and its person,
event and agreement mentions into statements, and stores them as claims with
sources (store/knowledge.py); services/figure_reads.py reads them back.
services/extraction.py calls ``build_article_knowledge`` after linking each
article; ``build_knowledge``
rebuilds a whole library (an upgraded library's first build, or after the user
adds a measure).

A rebuild never loses a user decision: decisions are kept by the claim's uuid,
and a claim found again is the same row (same key, same uuid).  The first time
a figure or statement is built from facts the user had already reviewed (a
library from before knowledge existed), those facts' statuses become its
decision (decided by "migration").

    build_article_knowledge(lib, article_id) -> {"figures": n, "statements": n}
    build_knowledge(lib, article_ids=None, progress=..., cancel=...) -> articles done
    ensure_built(lib) -> articles built (those whose mentions have no knowledge yet)
    refresh_articles(lib, article_ids) -> articles read again (after the user edited their mentions)
    add_user_measure(lib, key, kinds, labels, triggers) -> undo record; undo_user_measure(lib, record)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..core.facts import Fact
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..knowledge.agreements import NameIndex, signing_parties
from ..knowledge.figures import FigureReading, read_figures
from ..knowledge.measures import Vocabulary
from ..knowledge.periods import to_simplified_per_char
from ..store import knowledge as K
from ..store import knowledge_reads as KR
from ..store.articles import article_ids as _all_article_ids
from ..store.db import Library
from ..store.facts import facts_for_article
from .figure_reads import vocabulary


def add_user_measure(lib: Library, key: str, kinds: list[str], labels: dict[str, str],
                     triggers: dict[str, list[str]] | None = None) -> dict:
    """Add a measure to the vocabulary (remembered in the library); figures are read with it
    from the next build on.  Returns {"key", "old"} for ``K.save_user_measure`` undo."""
    old = K.save_user_measure(lib, key, kinds, labels, triggers)
    return {"key": key, "old": old}


def undo_user_measure(lib: Library, record: dict) -> None:
    """Undo ``add_user_measure``: a measure the user added is removed from the vocabulary
    again (a changed one gets its old labels back)."""
    K.restore_user_measure(lib, record["key"], record["old"])


# -- figures -----------------------------------------------------------------------

def figure_key(fig: FigureReading, subject: str | None) -> str:
    """What makes two readings the same figure: measure, subject, period, value, unit, currency
    and the counted thing (not the wording, not the approximation)."""
    period = fig.period
    value = None if fig.value is None else round(fig.value, 6)
    parts = [fig.kind, fig.measure, subject or "", period.start or "" if period else "", period.end or "" if period else "",
             repr(value), fig.unit or "", fig.currency or "", fig.scope]
    return "|".join(parts)


def _subject_name(fig: FigureReading) -> str | None:
    return fig.subject.display() if fig.subject else None


def _figure_confidence(fig: FigureReading, measure_from_words: bool) -> float:
    """Agreement of independent signals that the reading is complete: the measure named in
    the sentence, a subject, a period."""
    miss = 1.0
    for present, weight in ((measure_from_words, 0.5), (fig.subject is not None, 0.3), (fig.period is not None, 0.3)):
        if present:
            miss *= 1 - weight
    return round(1 - miss, 3)


def figure_records(article_id: int, text: str, facts, readings: list[FigureReading]) -> list[dict]:
    """Store rows (see store/knowledge.replace_article_figures) for an article's readings."""
    records: list[dict] = []
    keys: list[str] = []
    for fig in readings:
        subject = _subject_name(fig)
        keys.append(figure_key(fig, subject))
    for n, fig in enumerate(readings):
        fact = facts[fig.fact_index] if 0 <= fig.fact_index < len(facts) else None
        subject = _subject_name(fig)
        p = fig.period
        records.append({
            "key": keys[n], "kind": fig.kind, "measure": fig.measure, "subject": subject,
            "subject_json": json.dumps(fig.subject.__dict__, ensure_ascii=False) if fig.subject else None,
            "period_start": p.start if p else None, "period_end": p.end if p else None,
            "period_kind": p.kind if p else None, "approx": fig.approx, "value": fig.value, "unit": fig.unit,
            "currency": fig.currency, "fraction": fig.fraction, "scope": fig.scope,
            "confidence": _figure_confidence(fig, any(c.startswith(("measure:clause", "measure:noun", "measure:after"))
                                                      for c in fig.cues)),
            "qualifies_key": keys[fig.qualifies] if fig.qualifies is not None else None,
            "sources": [{"fact_id": getattr(fact, "id", None), "start": fig.start, "end": fig.end, "text": fig.text}],
            "fact_status": getattr(fact, "status", "proposed"),
        })
    return records


# -- statements --------------------------------------------------------------------

def _norm(name: str | None) -> str:
    return re.sub(r"[“”\"'「」『』\s]", "", to_simplified_per_char(name or "")).lower()


def _event_key(name: str, date: str | None) -> str:
    """The same event however it is punctuated (“对话山东——日本·…” / 对话山东—日本・…), and
    without a leading year that is the event's own (2024中日氢能源产业合作交流会 in 2024)."""
    key = re.sub(r"[\W_]+", "", _norm(name))
    year = (date or "")[:4]
    if year and key.startswith(year):
        key = key[4:]
    return key


def _person_entities(lib: Library, fact_ids: list[int]) -> dict[int, int]:
    if not fact_ids:
        return {}
    return KR.subject_entities(lib, fact_ids)


def statement_records(lib: Library, article_id: int, text: str, published: str | None, facts,
                      lang: str | None = None) -> list[dict]:
    """holds_title (person, title, org, as of the article's date), event (name, date, place,
    organiser), agreement (parties, date, subject), located_in / part_of (an organisation
    whose name starts with a place or another organisation of the article)."""
    live = [f for f in facts if f.status != "rejected"]
    entity_of = _person_entities(lib, [f.id for f in live if f.id is not None])
    out: list[dict] = []

    def add(kind, key, args, fact, entity_id=None, confidence=None):
        out.append({"kind": kind, "key": f"{kind}|{key}", "args": args, "entity_id": entity_id,
                    "confidence": confidence, "fact_status": fact.status,
                    "sources": [{"fact_id": fact.id, "start": fact.start, "end": fact.end}]})

    names = NameIndex((f.start, f.end, f.value.get("name") or f.text) for f in live
                      if f.kind in ("organization", "person", "place") and not f.value.get("refers_to"))
    places = sorted({f.value.get("name") or f.text for f in live if f.kind == "place"}, key=len, reverse=True)
    orgs = sorted({f.value.get("name") or f.text for f in live if f.kind == "organization"}, key=len, reverse=True)
    for f in live:
        v = f.value or {}
        if f.kind == "person" and v.get("title") and not v.get("refers_to"):
            person = v.get("name") or f.text
            eid = entity_of.get(f.id)
            add("holds_title", f"{eid or _norm(person)}|{_norm(v['title'])}|{_norm(v.get('org'))}",
                {"person": person, "title": v["title"], "org": v.get("org"), "as_of": published}, f, eid,
                f.confidence)
        elif f.kind == "event":
            name = v.get("name") or f.text
            sentence_start = max(text.rfind(c, 0, f.start) for c in "。！？\n.!?") + 1
            m = re.search(r"由(.{2,40}?)(?:共同)?(?:主办|举办|主辦|舉辦)", text[sentence_start:f.end + 60])
            add("event", _event_key(name, v.get("date") or published),
                {"name": name, "date": v.get("date"), "place": v.get("place"),
                 "organiser": m.group(1) if m else None, "participants": []}, f, None, f.confidence)
        elif f.kind == "agreement":
            # the signing sides the clause names, not every organisation of the sentence
            parties = signing_parties(text, f.start, f.end, names, lang)
            add("agreement", f"{'+'.join(sorted(_norm(p) for p in parties))}|{published or ''}|{_norm(f.text)}",
                {"parties": parties, "date": published, "subject": f.text, "value": None}, f, None, f.confidence)
        elif f.kind == "organization":
            name = v.get("name") or f.text
            place = next((p for p in places if len(p) >= 2 and name.startswith(p) and name != p), None)
            if place:
                add("located_in", f"{_norm(name)}|{_norm(place)}", {"organisation": name, "place": place}, f, None, 0.9)
            parent = next((o for o in orgs if len(o) >= 3 and name.startswith(o) and name != o), None)
            if parent:
                add("part_of", f"{_norm(name)}|{_norm(parent)}", {"organisation": name, "parent": parent}, f, None, 0.9)
    return out


# -- building ------------------------------------------------------------------------

def _migrate_decisions(lib: Library, kind: str, records: list[dict], uuids: dict[str, str]) -> None:
    """A claim first built from mentions the user had reviewed takes over their decision."""
    reviewed = [(uuid, status) for rec in records
                if (uuid := uuids.get(rec["key"])) and (status := rec.get("fact_status")) in ("accepted", "edited", "rejected")]
    if not reviewed:  # an import's fresh mentions: nothing to take over, nothing to look up
        return
    decided = K.decided_among(lib, kind, [uuid for uuid, _status in reviewed])
    by_status: dict[str, list[str]] = {}
    for uuid, status in reviewed:
        if uuid not in decided:
            by_status.setdefault("accepted" if status == "edited" else status, []).append(uuid)
    for status, ids in by_status.items():
        K.decide_many(lib, kind, sorted(set(ids)), status, by="migration")


def facts_signature(facts) -> list[tuple]:
    """What ``read_figures`` reads of each fact, in order: readings made from one list of
    facts (in a worker process, before the facts had ids) hold for another with the same
    signature.  The values are compared as they are (plain JSON data either way), not
    serialised: the stored facts of a fresh extraction carry the very value objects the
    signature came with."""
    return [(f.kind, f.start, f.end, f.text, f.value) for f in facts]


def build_article_knowledge(lib: Library, article_id: int, vocab: Vocabulary | None = None,
                            read: tuple[list[tuple], list[FigureReading]] | None = None,
                            migrate: bool = True, stored: list[Fact] | None = None) -> dict:
    """``read``: (facts signature, readings) made beforehand from the extracted facts
    (services/extraction.py reads the figures in its workers); used when the article's
    stored facts are those, else the figures are read here.  ``migrate=False``: the
    mentions' statuses do not become decisions on the claims (a re-reading after the
    user's edit: an undo of that edit must find the claims as they were).  ``stored``:
    the article's facts as ``store.facts.save_extracted`` just stored them, in its order,
    instead of reading them back."""
    row = KR.article_for_knowledge(lib, article_id)
    if row is None:
        return {"figures": 0, "statements": 0}
    facts = [f for f in (facts_for_article(lib, article_id) if stored is None else stored) if f.status != "rejected"]
    if read is not None and read[0] == facts_signature(facts):
        readings = read[1]
    else:
        readings = read_figures(row["text"], row["lang"], row["published"], facts, vocab or vocabulary(lib))
    fig_records = figure_records(article_id, row["text"], facts, readings)
    result = K.replace_article_figures(lib, article_id, fig_records)
    st_records = statement_records(lib, article_id, row["text"], row["published"], facts, row["lang"])
    K.replace_article_statements(lib, article_id, st_records)
    if migrate:
        _migrate_decisions(lib, "figure", fig_records, result["uuids"])
        if any(rec.get("fact_status") in ("accepted", "edited", "rejected") for rec in st_records):
            _migrate_decisions(lib, "statement", st_records, KR.statement_uuids_of_article(lib, article_id))
    return {"figures": len(fig_records), "statements": len(st_records)}


def refresh_articles(lib: Library, article_ids: Iterable[int]) -> int:
    """After the user edited, added or deleted mentions: the articles' figures and statements are
    read again from their mentions (same claims keep their uuids and decisions); returns how
    many articles were read.  The faces do not call this: services/mention_edits.py does,
    after each of its writes."""
    ids = sorted({a for a in article_ids if a is not None})
    if lib.readonly or not ids:
        return 0
    vocab = vocabulary(lib)
    for aid in ids:
        build_article_knowledge(lib, aid, vocab, migrate=False)
    return len(ids)


def ensure_built(lib: Library) -> int:
    """Build the knowledge of articles whose mentions have none yet (a library upgraded from
    before knowledge existed); returns how many articles were built."""
    ids = KR.articles_without_knowledge(lib)
    if ids and not lib.readonly:
        build_knowledge(lib, ids)
    return len(ids)


def build_knowledge(lib: Library, article_ids: Iterable[int] | None = None, progress: ProgressFn = no_progress,
                    cancel: CancelToken | None = None) -> int:
    ids = list(article_ids) if article_ids is not None else _all_article_ids(lib)
    vocab = vocabulary(lib)
    progress(0, len(ids), "building knowledge")
    for n, aid in enumerate(ids, 1):
        build_article_knowledge(lib, aid, vocab)
        progress(n, len(ids), f"article {aid}")
        if cancel is not None and cancel.cancelled:
            return n
    return len(ids)
