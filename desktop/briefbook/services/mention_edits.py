"""Edits of mentions, articles and entity links that keep the knowledge consistent.

Figures and statements are read from an article's live mentions (rejected ones
are left out) and from the entities its mentions are linked to.  So every edit
of those -- a mention's status, its words or value, a mention added or deleted,
an article deleted or brought back, entities merged or split, a mention split
off its entity, an entity accepted or rejected with all its mentions -- is done
here: the store write, then the knowledge of the articles it touched is read
again (services.knowledge.refresh_articles; the entity grouping of the review
queue is read from the links each time, so it follows by itself).  The faces
(GUI undo commands, CLI) call these and nothing below them.

Each returns an ``Edit``: which articles were read again, which figures and
statements that added, removed or changed (by uuid), and what its undo needs.
``undo(lib, edit)`` puts the store back, brings back the very claims the
re-reading removed (same ids and uuids, so the user's decisions keyed by them
hold again), reads the articles again and returns the ``Edit`` that redoes it.

    set_mention_status(lib, fact_ids, status)       accept / reject / reset mentions
    restore_mention_statuses(lib, previous)          put back statuses saved by a partly failed bulk run
    edit_mention(lib, fact_id, value=, start=, end=, kind=)
    add_mention(lib, article_id, fact)               -> Edit.result is the new fact id
    delete_mentions(lib, fact_ids)
    delete_article(lib, article_id)
    merge_entities(lib, keep_id, other_id)
    split_entity(lib, entity_id, alias_ids, name)    -> Edit.result is the new entity id
    split_mention(lib, fact_id, entity_id)           -> Edit.result is the new entity id
    decide_rows(lib, rows, status, edit=None)        a review decision; an entity's mentions follow it
                                                     (Edit.result: those mentions' fact ids)
    pick_value(lib, conflict_row, uuid)
    undo(lib, edit) -> Edit (its redo)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.facts import Fact
from ..store import entities as ent
from ..store import entity_edits, views
from ..store import facts as facts_store
from ..store import knowledge as K
from ..store.articles import existing_articles
from ..store.db import Library
from . import review
from .knowledge import refresh_articles

# An entity decision is also the decision on each of its mentions (the mention-level
# queue, the reader and the book read the mentions' statuses).
MENTION_STATUS = {"accepted": "accepted", "edited": "accepted", "rejected": "rejected"}

_CLAIMS = (("figure", "figures", "figure_sources", "figure_id"),
           ("statement", "statements", "statement_sources", "statement_id"))
_NOT_COMPARED = {"modified_at", "created_at"}


@dataclass
class Edit:
    """What one edit did.  ``knowledge``: {"figures"|"statements": {"added", "removed",
    "changed": [uuid]}} for the articles read again (removed: no longer read from them;
    a claim the user decided on is kept, without a source, for its decision)."""

    inverse: dict                                   # the store write that undoes it
    articles: list[int] = field(default_factory=list)
    knowledge: dict = field(default_factory=dict)
    claims: dict = field(default_factory=dict)      # the claims the re-reading removed, as rows
    result: Any = None

    @property
    def changed_figures(self) -> list[str]:
        f = self.knowledge.get("figures") or {}
        return sorted({*f.get("added", ()), *f.get("removed", ()), *f.get("changed", ())})

    @property
    def changed_statements(self) -> list[str]:
        s = self.knowledge.get("statements") or {}
        return sorted({*s.get("added", ()), *s.get("removed", ()), *s.get("changed", ())})


# -- the public edits ----------------------------------------------------------------

def set_mention_status(lib: Library, fact_ids: Iterable[int], status: str, by: str = "user", *, progress=None,
                       chunk_transactions: bool = False, previous: dict | None = None) -> Edit:
    """Accept, reject or reset mentions (set-based, see store.views.set_fact_statuses; a bulk
    run passes ``chunk_transactions`` and ``previous``, which then holds what the committed
    chunks changed even if a later one fails).  Only the articles where a mention was
    rejected or brought back are read again: accepting does not change what is read."""
    return _run(lib, {"op": "set_status", "ids": list(fact_ids), "status": status, "by": by,
                      "previous": previous}, progress=progress, chunk_transactions=chunk_transactions)


def restore_mention_statuses(lib: Library, previous: dict[str, list[int]], by: str = "user", *, progress=None,
                             chunk_transactions: bool = False) -> Edit:
    """Every mention gets back the status it had ({status: [fact ids]}, as set_mention_status's
    store write saved it)."""
    return _run(lib, {"op": "statuses", "previous": previous, "by": by}, progress=progress,
                chunk_transactions=chunk_transactions)


def edit_mention(lib: Library, fact_id: int, *, value: dict | None = None, start: int | None = None,
                 end: int | None = None, kind: str | None = None, by: str = "user") -> Edit:
    return _run(lib, {"op": "edit", "fact_id": fact_id, "value": value, "start": start, "end": end,
                      "kind": kind, "by": by})


def add_mention(lib: Library, article_id: int, fact: Fact, by: str = "user") -> Edit:
    return _run(lib, {"op": "add", "article_id": article_id, "fact": fact, "by": by})


def delete_mentions(lib: Library, fact_ids: Iterable[int]) -> Edit:
    return _run(lib, {"op": "delete_facts", "ids": list(fact_ids)})


def delete_article(lib: Library, article_id: int) -> Edit:
    """Delete an article with its mentions; the figures and statements only it was a source
    of go with it (those the user decided on stay for their decision) and come back, the
    same claims, on undo."""
    return _run(lib, {"op": "delete_article", "article_id": article_id})


def merge_entities(lib: Library, keep_id: int, other_id: int) -> Edit:
    return _run(lib, {"op": "merge", "keep": keep_id, "other": other_id})


def split_entity(lib: Library, entity_id: int, alias_ids: list[int], name: str | None = None) -> Edit:
    return _run(lib, {"op": "split_entity", "entity": entity_id, "aliases": list(alias_ids), "name": name})


def split_mention(lib: Library, fact_id: int, entity_id: int) -> Edit:
    return _run(lib, {"op": "split_mention", "fact_id": fact_id, "entity": entity_id})


def decide_rows(lib: Library, rows: list[dict], status: str | None, edit: dict | None = None, by: str = "user") -> Edit:
    """A review decision on queue rows (services.review.decide_rows); the mentions of the
    entities among them take the decision too (rejected mentions leave the figures and
    statements read from them)."""
    return _run(lib, {"op": "decide_rows", "rows": rows, "status": status, "edit": edit, "by": by})


def pick_value(lib: Library, row: dict, keep_uuid: str, by: str = "user") -> Edit:
    return _run(lib, {"op": "pick_value", "row": row, "keep": keep_uuid, "by": by})


def undo(lib: Library, edit: Edit, *, progress=None, chunk_transactions: bool = False) -> Edit:
    """Undo ``edit``; returns the Edit whose undo redoes it."""
    return _run(lib, edit.inverse, restore=edit.claims, progress=progress, chunk_transactions=chunk_transactions)


# -- running a store write and reading the knowledge again ------------------------------

def _run(lib: Library, step: dict, restore: dict | None = None, **opts) -> Edit:
    early = K.claims_of_articles(lib, [step["article_id"]]) if step["op"] == "delete_article" else None
    inverse, articles, result = _apply(lib, step, opts)
    read = sorted({a for a in articles if a is not None} | _articles_of_claims(restore))
    before = K.claims_of_articles(lib, read)
    if early is not None:
        before = _union(early, before)
    put_back = K.restore_claims(lib, restore) if restore else {}
    kept = K.claims_of_articles(lib, read)
    live = _still_there(lib, read)
    refresh_articles(lib, live)
    after = K.claims_of_articles(lib, live)
    if put_back:
        K.drop_unsourced(lib, put_back)
    # what undo brings back: the claims the re-reading removed; for a deleted article every
    # claim it was a source of, with its sources (a decided one stayed, without them)
    claims = early if early is not None else K.gone_claims(lib, _union(before, kept))
    return Edit(inverse=inverse, articles=live, knowledge=_diff(before, after), claims=claims, result=result)


def _still_there(lib: Library, article_ids: list[int]) -> list[int]:
    """The articles of ``article_ids`` still in the library (a deleted one has nothing to read)."""
    there = existing_articles(lib, article_ids) if article_ids else set()
    return [a for a in article_ids if a in there]


def _apply(lib: Library, step: dict, opts: dict) -> tuple[dict, Sequence[int | None], Any]:
    """Do one store write; returns (the step that undoes it, the articles to read again, result)."""
    op = step["op"]
    if op == "set_status":
        prev = views.set_fact_statuses(lib, step["ids"], step["status"], step.get("by", "user"),
                                       progress=opts.get("progress"),
                                       chunk_transactions=opts.get("chunk_transactions", False),
                                       previous=step.get("previous"))
        return ({"op": "statuses", "previous": prev, "by": step.get("by", "user")},
                _crossing(lib, prev, step["status"]), None)
    if op == "statuses":
        merged: dict[str, list[int]] = {}
        moved: list[int] = []
        for status, ids in step["previous"].items():
            prev = views.set_fact_statuses(lib, ids, status, step.get("by", "user"), progress=opts.get("progress"),
                                           chunk_transactions=opts.get("chunk_transactions", False))
            for old, members in prev.items():
                merged.setdefault(old, []).extend(members)
            moved += _crossing(lib, prev, status)
        return {"op": "statuses", "previous": merged, "by": step.get("by", "user")}, moved, None
    if op == "edit":
        before = facts_store.update_fact(lib, step["fact_id"], value=step["value"], start=step["start"],
                                         end=step["end"], kind=step["kind"], by=step.get("by", "user"))
        return {"op": "write_fact", "fact": before}, [before.article_id], None
    if op == "write_fact":
        fact: Fact = step["fact"]
        current = facts_store.get_fact(lib, fact.id) if fact.id is not None else None
        if current is None:
            raise KeyError(fact.id)
        facts_store.write_fact_back(lib, fact)
        return {"op": "write_fact", "fact": current}, [fact.article_id], None
    if op == "add":
        fact_id = facts_store.add_user_fact(lib, step["article_id"], step["fact"], step.get("by", "user"))
        return {"op": "delete_facts", "ids": [fact_id]}, [step["article_id"]], fact_id
    if op == "delete_facts":
        articles = views.fact_article_ids(lib, step["ids"])
        saved = [s for s in (facts_store.delete_fact(lib, i) for i in step["ids"]) if s]
        return {"op": "restore_facts", "saved": saved}, articles, None
    if op == "restore_facts":
        for saved in step["saved"]:
            facts_store.restore_fact(lib, saved)
        return ({"op": "delete_facts", "ids": [s["id"] for s in step["saved"]]},
                [s["article_id"] for s in step["saved"]], None)
    if op == "delete_article":
        snapshot = views.delete_article(lib, step["article_id"])
        return {"op": "restore_article", "snapshot": snapshot}, [], None
    if op == "restore_article":
        views.restore_article(lib, step["snapshot"])
        ids = [a["id"] for a in step["snapshot"].get("articles", [])]
        return {"op": "delete_article", "article_id": ids[0]} if ids else {"op": "none"}, ids, None
    if op == "merge":
        record = ent.merge_entities(lib, step["keep"], step["other"])
        return {"op": "unmerge", "record": record}, _articles_of_links(lib, record["links"]), None
    if op == "unmerge":
        record = step["record"]
        ent.unmerge_entities(lib, record)
        return ({"op": "merge", "keep": record["keep"], "other": record["other"]},
                _articles_of_links(lib, record["links"]), None)
    if op == "split_entity":
        record = entity_edits.split(lib, step["entity"], step["aliases"], step["name"])
        return {"op": "unsplit_entity", "record": record}, _articles_of_links(lib, record["links"]), record["new"]["id"]
    if op in ("unsplit_entity", "resplit_entity"):
        record = step["record"]
        (entity_edits.undo_split if op == "unsplit_entity" else entity_edits.redo_split)(lib, record)
        back = "resplit_entity" if op == "unsplit_entity" else "unsplit_entity"
        return {"op": back, "record": record}, _articles_of_links(lib, record["links"]), record["new"]["id"]
    if op == "split_mention":
        record = review.split_mention(lib, step["fact_id"], step["entity"])
        return {"op": "unsplit_mention", "record": record}, views.fact_article_ids(lib, [step["fact_id"]]), record["to"]
    if op == "unsplit_mention":
        record = step["record"]
        review.unsplit_mention(lib, record)
        return ({"op": "split_mention", "fact_id": record["fact_id"], "entity": record["from"]},
                views.fact_article_ids(lib, [record["fact_id"]]), None)
    if op == "decide_rows":
        records = review.decide_rows(lib, step["rows"], step["status"], step["edit"], step.get("by", "user"))
        mentions = _entity_mentions(lib, step["rows"])
        if not mentions:
            return {"op": "decisions", "records": records}, [], []
        status = MENTION_STATUS.get(step["status"], "proposed")  # no decision: the mentions are open again
        prev = views.set_fact_statuses(lib, mentions, status, step.get("by", "user"))
        undo_steps = [{"op": "statuses", "previous": prev, "by": step.get("by", "user")},
                      {"op": "decisions", "records": records}]
        return {"op": "steps", "steps": undo_steps}, _crossing(lib, prev, status), mentions
    if op == "pick_value":
        records = review.pick_value(lib, step["row"], step["keep"], step.get("by", "user"))
        return {"op": "decisions", "records": records}, [], None
    if op == "decisions":
        review.undo(lib, step["records"])
        swapped = [{"kind": r["kind"], "uuid": r["uuid"], "old": r["new"], "new": r["old"]} for r in step["records"]]
        return {"op": "decisions", "records": swapped}, [], None
    if op == "steps":
        inverses: list[dict] = []
        touched: list[int | None] = []
        for sub in step["steps"]:
            inv, arts, _ = _apply(lib, sub, opts)
            inverses.insert(0, inv)
            touched.extend(arts)
        return {"op": "steps", "steps": inverses}, touched, None
    if op == "none":
        return {"op": "none"}, [], None
    raise ValueError(f"unknown edit {op!r}")


def _crossing(lib: Library, previous: dict[str, list[int]], status: str) -> list[int]:
    """The articles of the mentions whose status moved into or out of "rejected" (only those
    change what the knowledge is read from)."""
    if status == "rejected":
        moved = [i for old, ids in previous.items() if old != "rejected" for i in ids]
    else:
        moved = list(previous.get("rejected", []))
    return views.fact_article_ids(lib, moved) if moved else []


def _articles_of_links(lib: Library, links: list) -> list[int]:
    fact_ids = [link["fact_id"] if isinstance(link, dict) else link[0] for link in links]
    return views.fact_article_ids(lib, fact_ids)


def subject_mentions(lib: Library, entity_id: int) -> list[dict]:
    """The facts that name the entity itself (a person's fact that names an organisation
    as the person's employer is a mention of the person, not one to decide with the
    organisation)."""
    return [f for f in ent.entity_facts(lib, entity_id) if f["role"] == "subject"]


def _entity_mentions(lib: Library, rows: list[dict]) -> list[int]:
    entity_ids = {m["entity_id"] for r in rows for m in (r.get("members") or [r]) if m.get("entity_id") is not None}
    return sorted({f["id"] for eid in sorted(entity_ids) for f in subject_mentions(lib, eid)})


# -- what the re-reading changed --------------------------------------------------------

def _articles_of_claims(snapshot: dict | None) -> set[int]:
    if not snapshot:
        return set()
    return {s["article_id"] for _, _, sources, _ in _CLAIMS for s in snapshot.get(sources, [])}


def _union(a: dict, b: dict) -> dict:
    out: dict[str, list[dict]] = {}
    for _, table, sources, _ in _CLAIMS:
        ids = {r["id"] for r in a.get(table, [])}
        out[table] = a.get(table, []) + [r for r in b.get(table, []) if r["id"] not in ids]
        seen = {json.dumps(s, sort_keys=True) for s in a.get(sources, [])}
        out[sources] = a.get(sources, []) + [s for s in b.get(sources, []) if json.dumps(s, sort_keys=True) not in seen]
    return out


def _signatures(snapshot: dict) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, table, sources, column in _CLAIMS:
        srcs: dict[int, list] = {}
        for s in snapshot.get(sources, []):
            srcs.setdefault(s[column], []).append((s["article_id"], s["start"], s["end"]))
        out[kind] = {r["uuid"]: json.dumps([{k: v for k, v in r.items() if k not in _NOT_COMPARED},
                                            sorted(srcs.get(r["id"], []))], sort_keys=True, default=str)
                     for r in snapshot.get(table, [])}
    return out


def _diff(before: dict, after: dict) -> dict:
    old, new = _signatures(before), _signatures(after)
    out = {}
    for kind, table, _, _ in _CLAIMS:
        a, b = old[kind], new[kind]
        out[table] = {"added": sorted(set(b) - set(a)), "removed": sorted(set(a) - set(b)),
                      "changed": sorted(u for u in set(a) & set(b) if a[u] != b[u])}
    return out
