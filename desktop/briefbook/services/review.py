"""Review on knowledge: one decision per entity, statement or figure.

The queue (``review_queue``) has one row per thing to decide:

    entity     a person, organisation or place after linking (all its mentions,
               its names in every script, its best title and organisation, its
               articles); its title statements are decided with it
    figure     a figure claim (with the growth rates and shares that qualify it,
               which are decided with it) and its conflicts
    event, agreement   statements read from the text

Each row has ``status``: the user's decision (accepted, rejected, edited) if
there is one, else "auto" when independent signals agree (see
``entity_confidence``), else "proposed".  The queue lists the rows still to
decide ("proposed") unless asked for all.  Decisions go through ``decide`` /
``decide_many`` and return an undo record for ``undo``; a mention can still be
rejected alone (store.facts.set_status) or split off its entity
(``split_mention``).

    review_queue(lib, locale="en", include_decided=False) -> [row]
    list_entities(lib) -> [entity row]
    list_figures(lib, locale="en") -> [figure object, as `briefbook figures list --json`]
    list_statements(lib) -> [event and agreement claims, with their status]
    decide(lib, row_kind, uuid, status, edit=None, by="user") -> undo record
    decide_many(lib, row_kind, uuids, status, by="user") -> [undo record]
    decide_rows(lib, rows, status, edit=None) -> [undo record]   (every member of each row)
    pick_value(lib, conflict_row, uuid) -> [undo record]         (keep one value, reject the others)
    undo(lib, record)
    split_mention(lib, fact_id, entity_id) -> undo record; unsplit_mention(lib, record)
"""

from __future__ import annotations

from functools import cache

from ..core.names import match_key
from ..knowledge.display import book_locale, format_value
from ..knowledge.glossary import default_glossary
from ..store import knowledge as K
from ..store import knowledge_reads as KR
from ..store.db import Library
from .figure_reads import figure_conflicts, vocabulary

# Independent signals for an entity and how much each alone says (1 - product of misses).
SIGNALS = {"dictionary": 0.6, "articles": 0.5, "cue": 0.4, "tagger": 0.3, "mentions": 0.2}
AUTO_SIGNALS = 2  # this many signals agreeing (or a dictionary entry) accept without asking

_ROW_KIND = {"entity": "entity", "figure": "figure", "event": "statement", "agreement": "statement",
             "statement": "statement"}


@cache
def _byline_roles() -> frozenset[str]:
    """The roles a byline names (记者, 通讯员 ...): read when entities are listed, not
    by every command that imports this module (an export lists figures only)."""
    from ..extract.dictionaries import word_list

    return frozenset(word_list("cjk/byline_roles.txt"))


# Independent signals that a figure is read completely and right, as for entities.
FIGURE_SIGNALS = {"measure": 0.5, "subject": 0.3, "period": 0.3, "sources": 0.5}


def figure_signals(measure: str, subject: str | None, period: dict | None, articles: int) -> list[str]:
    """measure classified by the vocabulary, a subject found, a period found, several articles."""
    found = [("measure", measure != "unknown"), ("subject", bool(subject)), ("period", bool(period)),
             ("sources", articles >= 2)]
    return [name for name, present in found if present]


def figure_confidence(signals: list[str]) -> float:
    miss = 1.0
    for s in signals:
        miss *= 1 - FIGURE_SIGNALS[s]
    return round(1 - miss, 3)


def entity_confidence(signals: list[str]) -> float:
    miss = 1.0
    for s in signals:
        miss *= 1 - SIGNALS[s]
    return round(1 - miss, 3)


def _organisation_context(lib: Library) -> dict[str, dict[str, str]]:
    """{an organisation's name key: {"place": where it is, "parent": what it is part of}},
    from the located_in / part_of statements ("青島市企業聯合會" is in 青島)."""
    out: dict[str, dict[str, str]] = {}
    for st in K.statement_rows(lib, ("located_in", "part_of")):
        args = st["args"]
        key, value = ("place", args.get("place")) if st["kind"] == "located_in" else ("parent", args.get("parent"))
        if args.get("organisation") and value:
            out.setdefault(match_key(args["organisation"]), {}).setdefault(key, value)
    return out


def _entity_rows(lib: Library) -> list[dict]:
    from ..knowledge import grouping
    from ..link.dictionary import alias_dictionary

    rows = KR.entity_review_rows(lib)
    context = _organisation_context(lib)
    names = KR.names_by_entity(lib)
    titles = KR.best_titles(lib)
    dictionary = alias_dictionary()
    decided = K.decisions_for(lib, "entity")
    titles_seen = KR.mention_titles(lib)
    apart = KR.kept_apart(lib)
    contexts = KR.short_form_contexts(lib)
    places = [n for r in rows if r["kind"] == "place" for n in names.get(r["id"], [r["canonical_name"]])] if contexts else []
    out = []
    for r in rows:
        signals = []
        if dictionary.lookup(r["kind"], r["canonical_name"])[0] is not None:
            signals.append("dictionary")
        if r["articles"] >= 2:
            signals.append("articles")
        if r["cue"]:
            signals.append("cue")
        if (r["best"] or 0) >= 0.8:
            signals.append("tagger")
        if r["mentions"] >= 3:
            signals.append("mentions")
        decision = decided.get(r["uuid"])
        auto = "dictionary" in signals or len(signals) >= AUTO_SIGNALS
        status = decision["status"] if decision else ("auto" if auto else "proposed")
        if decision is None and r["rejected"] == r["mentions"]:
            status = "rejected"  # every mention was rejected one by one
        title = titles.get(r["id"], {})
        out.append({"kind": "entity", "entity_kind": r["kind"], "id": r["id"], "uuid": r["uuid"],
                    "name": (decision or {}).get("edit", {}).get("name") or r["canonical_name"],
                    "names": names.get(r["id"], [r["canonical_name"]]), "mentions": r["mentions"],
                    "articles": sorted(int(a) for a in (r["article_ids"] or "").split(",") if a),
                    "title": title.get("title"), "org": title.get("org"),
                    "within": next((context[k] for n in names.get(r["id"], [r["canonical_name"]])
                                    if (k := match_key(n)) in context), {}) if r["kind"] == "organization" else {},
                    "signals": signals, "confidence": entity_confidence(signals), "status": status,
                    "decided_by": decision["decided_by"] if decision else None, "apart": r["id"] in apart,
                    "resolved": [n for before in contexts.get(r["id"], ())
                                 if (n := grouping.coordinated_name(r["canonical_name"], before, places))],
                    "byline": bool(titles_seen.get(r["id"])) and all(t in _byline_roles()
                                                                      for t in titles_seen[r["id"]])})
    return out


def list_entities(lib: Library) -> list[dict]:
    return _entity_rows(lib)


def list_figures(lib: Library, locale: str = "en") -> list[dict]:
    """Every figure as the CLI prints it: measure key and label, subject, period, approx,
    value, unit, currency, display, sources, conflicts, qualifiers, status."""
    loc = book_locale(locale)
    vocab = vocabulary(lib)
    rows = K.figure_rows(lib)
    sources = K.figure_sources(lib)
    conflicts = figure_conflicts(lib)
    decided = K.decisions_for(lib, "figure")
    by_id = {r["id"]: r for r in rows}
    out = []
    for r in rows:
        if not sources.get(r["id"]):
            continue  # kept only for its decision, until an article reads the claim again
        d = decided.get(r["uuid"])
        edit = (d or {}).get("edit") or {}
        measure = edit.get("measure", r["measure"])
        value = edit.get("value", r["value"])
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        approx = edit.get("approx", r["approx"])
        out.append({
            "uuid": r["uuid"], "kind": r["kind"], "measure": measure, "label": vocab.label(measure, loc),
            "subject": edit.get("subject", r["subject"]),
            "period": ({"start": r["period_start"], "end": r["period_end"], "kind": r["period_kind"]}
                       if (r["period_start"] or r["period_end"]) else None),
            "approx": approx, "value": value, "unit": r["unit"], "currency": r["currency"], "fraction": r["fraction"],
            "display": format_value(r["kind"], value, unit=r["unit"], currency=r["currency"], approx=approx,
                                    fraction=r["fraction"], locale=loc),
            "sources": [{"article_id": s["article_id"], "start": s["start"], "end": s["end"], "text": s["text"]}
                        for s in sources.get(r["id"], [])],
            "conflicts": [{"uuid": by_id[c]["uuid"], "value": by_id[c]["value"],
                           "display": format_value(by_id[c]["kind"], by_id[c]["value"], unit=by_id[c]["unit"],
                                                   currency=by_id[c]["currency"], approx=by_id[c]["approx"],
                                                   fraction=by_id[c]["fraction"], locale=loc),
                           "sources": [s["article_id"] for s in sources.get(c, [])],
                           "spans": [{"article_id": s["article_id"], "start": s["start"], "end": s["end"]}
                                     for s in sources.get(c, [])]}
                          for c in conflicts.get(r["id"], [])],
            "qualifies": r["qualifies_uuid"], "scope": r["scope"],
            "same_as": edit.get("same_as"), "status": d["status"] if d else "proposed",
        })
    for f in out:
        f["signals"] = figure_signals(f["measure"], f["subject"], f["period"],
                                      len({x["article_id"] for x in f["sources"]}))
        f["confidence"] = figure_confidence(f["signals"])
    return out


_NAME_ARGS = ("person", "org", "place", "organisation", "parent")


def follow_mentions(lib: Library, statements: list[dict], sources: dict[int, list[dict]]) -> None:
    """The names in a statement's arguments follow their mentions' entities: after a merge, a
    rename or the user's edit of the entity the current name is shown (``args``; the words of
    the article stay under ``written``) and ``entities`` lists the entities' uuids."""
    arts = sorted({x["article_id"] for srcs in sources.values() for x in srcs})
    known = KR.mention_entities(lib, arts)
    edited = {u: d["edit"]["name"] for u, d in K.decisions_for(lib, "entity").items() if d["edit"].get("name")}

    def current(name, articles):
        ent = next((known[(a, name)] for a in articles if (a, name) in known), None) if isinstance(name, str) else None
        return (edited.get(ent["uuid"], ent["name"]), ent["uuid"]) if ent else (name, None)

    for st in statements:
        articles = sorted({x["article_id"] for x in sources.get(st["id"], [])})
        args, uuids = dict(st["args"]), []
        for key in _NAME_ARGS:
            if args.get(key):
                args[key], u = current(args[key], articles)
                uuids.append(u)
        if args.get("parties"):
            pairs = [current(p, articles) for p in args["parties"]]
            args["parties"] = list(dict.fromkeys(n for n, _ in pairs))  # two names of one entity: one party
            uuids += [u for _, u in pairs]
        st["written"], st["args"] = st["args"], args
        st["entities"] = list(dict.fromkeys(u for u in uuids if u))


def list_statements(lib: Library) -> list[dict]:
    """Every event and agreement claim with a source: kind, uuid, args (names as their
    entities are now), written (as read), entities, sources, articles, status."""
    return _statement_rows(lib)


def _statement_rows(lib: Library) -> list[dict]:
    decided = K.decisions_for(lib, "statement")
    sources = K.statement_sources(lib)
    statements = K.statement_rows(lib, ("event", "agreement"))
    follow_mentions(lib, statements, sources)
    out = []
    for s in statements:
        d = decided.get(s["uuid"])
        srcs = sources.get(s["id"], [])
        if not srcs:
            continue  # kept only for its decision
        out.append({"kind": s["kind"], "uuid": s["uuid"], "args": s["args"], "written": s["written"],
                    "entities": s["entities"], "mentions": len(srcs),
                    "sources": srcs, "articles": sorted({x["article_id"] for x in srcs}),
                    "confidence": s["confidence"], "status": d["status"] if d else "proposed"})
    return out


def _member(row: dict) -> dict:
    return {"kind": row["kind"], "uuid": row["uuid"], "entity_id": row.get("id") if row["kind"] == "entity" else None,
            "status": row["status"]}


def _group_status(statuses: list[str]) -> str:
    if len(set(statuses)) == 1:
        return statuses[0]
    if "proposed" in statuses:
        return "proposed"
    decided = [x for x in statuses if x not in ("auto", "rejected")]
    return decided[0] if decided else "auto" if "auto" in statuses else statuses[0]


def _merged(rows: list[dict], groups: list[list[int]]) -> list[dict]:
    """One row per group: the first member's row with every member listed under ``members``
    (a decision on the row is a decision on each), mentions and articles summed up."""
    out = []
    for g in groups:
        lead = dict(rows[g[0]], members=[_member(rows[i]) for i in g])
        if len(g) > 1:
            lead["mentions"] = sum(rows[i]["mentions"] for i in g)
            lead["articles"] = sorted({a for i in g for a in rows[i].get("articles") or ()})
            lead["status"] = _group_status([rows[i]["status"] for i in g])
            if lead["kind"] == "entity":
                lead["names"] = list(dict.fromkeys(n for i in g for n in rows[i]["names"]))
                lead["signals"] = [x for x in SIGNALS if any(x in rows[i]["signals"] for i in g)]
                lead["confidence"] = entity_confidence(lead["signals"])
            if lead["kind"] == "figure":
                lead["sources"] = [src for i in g for src in rows[i]["sources"]]
        out.append(lead)
    return out


def _conflict_row(members: list[dict], sources_of: dict) -> dict:
    """A conflict as one row: the values side by side under ``alternatives``; accepting keeps
    them all (as conflicting), ``pick_value`` keeps one and rejects the others."""
    lead = dict(members[0])
    statuses = [m["status"] for m in members]
    chosen = [m["uuid"] for m in members if m["status"] in ("accepted", "edited")]
    lead.update(conflict=True, members=[_member(m) for m in members],
                alternatives=[{"uuid": m["uuid"], "value": m["value"], "display": m["display"], "status": m["status"],
                               "approx": m["approx"], "sources": m["sources"], "qualifiers": m["qualifiers"]}
                              for m in members],
                conflicts=[{"uuid": m["uuid"], "value": m["value"], "display": m["display"],
                            "sources": [x["article_id"] for x in m["sources"]]} for m in members[1:]],
                mentions=sum(m["mentions"] for m in members),
                articles=sorted({x["article_id"] for m in members for x in m["sources"]}),
                chosen=chosen[0] if len(chosen) == 1 and "proposed" not in statuses else None,
                status=_group_status(["accepted" if x == "edited" else x for x in statuses]) if len(chosen) != 1
                else ("proposed" if "proposed" in statuses else "accepted"))
    return lead


def review_queue(lib: Library, locale: str = "en", include_decided: bool = False) -> list[dict]:
    """The rows to decide, entities first (most mentioned first), then figures (conflicts
    first), then events and agreements.  ``include_decided`` lists every row.  Rows that
    are one decision for the reader (knowledge.grouping) are one row whose ``members``
    the decision covers."""
    from ..knowledge import grouping

    entity_list = sorted(_entity_rows(lib), key=lambda r: (-r["mentions"], r["name"]))
    groups = [sorted(g, key=lambda i: (-entity_list[i]["mentions"], -len(entity_list[i]["name"]), i))
              for g in grouping.entity_groups(entity_list, default_glossary())]
    entities = _merged(entity_list, groups)
    all_figures = list_figures(lib, locale)
    qualifiers: dict[str, list[dict]] = {}
    for f in all_figures:
        if f["qualifies"]:
            qualifiers.setdefault(f["qualifies"], []).append(f)
    uuids = {f["uuid"] for f in all_figures}
    plain = [dict(f, kind="figure", figure_kind=f["kind"], mentions=len(f["sources"]),
                  articles=sorted({x["article_id"] for x in f["sources"]}), qualifiers=qualifiers.get(f["uuid"], []))
             for f in all_figures if not (f["qualifies"] and f["qualifies"] in uuids)]  # decided with its figure
    conflicted = grouping.conflict_groups(plain)
    in_conflict = {i for g in conflicted for i in g}
    figures = [_conflict_row([plain[i] for i in g], {}) for g in conflicted]
    rest = [f for i, f in enumerate(plain) if i not in in_conflict]
    for f in rest:
        f["conflicts"] = []  # a rejected value no longer conflicts; the conflict row shows every value
    figures += _merged(rest, grouping.figure_groups(rest))
    figures.sort(key=lambda r: (not r.get("conflict"), r["measure"] == "unknown"))
    plain_statements = _statement_rows(lib)
    statements = _merged(plain_statements, grouping.statement_groups(plain_statements))
    inside = grouping.figures_in_statements(figures, statements)
    for i, j in inside.items():  # a count inside an event or agreement is decided with it
        statements[j]["members"] = statements[j]["members"] + figures[i]["members"]
        statements[j].setdefault("figures", []).append(figures[i])
        statements[j]["status"] = _group_status([statements[j]["status"], figures[i]["status"]])
    figures = [f for i, f in enumerate(figures) if i not in inside]
    rows = entities + figures + statements
    if not include_decided:
        rows = [r for r in rows if r["status"] == "proposed"]
    return rows


def decide(lib: Library, row_kind: str, uuid: str, status: str | None, edit: dict | None = None,
           by: str = "user") -> list[dict]:
    """Accept / reject / edit one target (``row_kind`` is the row's ``kind``); for a figure
    the figures that qualify it get the same decision.  Returns the undo record (a list)."""
    return decide_many(lib, row_kind, [uuid], status, edit, by)


def decide_many(lib: Library, row_kind: str, uuids: list[str], status: str | None, edit: dict | None = None,
                by: str = "user") -> list[dict]:
    target = _ROW_KIND[row_kind]
    ids = list(uuids)
    if target == "figure":
        ids += [u for u in KR.qualifier_uuids(lib, ids) if u not in ids]
    records = K.decide_many(lib, target, ids[:len(uuids)], status, edit, by)
    if len(ids) > len(uuids):
        records += K.decide_many(lib, target, ids[len(uuids):], status, None, by)
    return records


def decide_rows(lib: Library, rows: list[dict], status: str | None, edit: dict | None = None,
                by: str = "user") -> list[dict]:
    """A decision on queue rows: on every member of each row.  The other readings of a grouped
    figure are marked the same as the first (``same_as``: the book shows the figure once);
    accepting a conflict row keeps every value, as conflicting."""
    records: list[dict] = []
    for row in rows:
        members = row.get("members") or [row]
        lead = members[0]
        records += decide_many(lib, lead["kind"], [lead["uuid"]], status, edit, by)
        for m in members[1:]:
            same = {"same_as": lead["uuid"]} if m["kind"] == lead["kind"] == "figure" and not row.get("conflict") else {}
            own = edit if m["kind"] == lead["kind"] else None
            records += decide_many(lib, m["kind"], [m["uuid"]], status, {**(own or {}), **same} or None, by)
    return records


def pick_value(lib: Library, row: dict, keep_uuid: str, by: str = "user") -> list[dict]:
    """Resolve a conflict row: the value ``keep_uuid`` is accepted, the others rejected."""
    others = [m["uuid"] for m in row["members"] if m["uuid"] != keep_uuid]
    return decide_many(lib, "figure", [keep_uuid], "accepted", None, by) + \
        decide_many(lib, "figure", others, "rejected", None, by)


def undo(lib: Library, record: list[dict] | dict, by: str = "user") -> None:
    K.undo_decision(lib, record, by)


def split_mention(lib: Library, fact_id: int, entity_id: int) -> dict:
    return K.split_mention(lib, fact_id, entity_id)


def unsplit_mention(lib: Library, record: dict) -> None:
    K.unsplit_mention(lib, record)
