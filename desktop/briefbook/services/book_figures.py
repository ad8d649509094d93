"""The key figures of a book, from knowledge: the accepted figures relevant to the
book's trip (services.relevance.book_figures; every accepted figure when the book has
no trip), each as the exporter's FactItem with

    measure   the measure's label in the book's locale, with the subject
              ("贸易额 · 青岛–日本", "Trade volume · Qingdao–Japan")
    value     the value formatted for the locale with its approximation in words
              ("more than one third", never 33.33 %), under "display", and the period
              in words under "period_label" ("H1 2020", "2020年上半年", "1. Halbjahr 2020"; a
              figure with no period of its own: "reported 31 Jul 2020", its article's day)
    source    one item per source article, so that every source is cited, with the
              sentence that gives the value there under "excerpt" (a conflict prints
              each value with its sentence)
    claim     under "claim", the same key for a figure and its rivals (the conflict rule
              of knowledge/conflicts.py decided them) and another for every other figure:
              the exporter marks a conflict only among items of one claim, so two figures
              that share a label and an end date (15 projects in Jan-May next to 2,155 in
              all as of the end of May; ten associations next to four government offices)
              are two rows, not rivals

A figure in conflict brings the conflicting value with it (unless the user rejected
that one): both appear under the same measure and period, which the exporter marks as
a conflict and shows side by side.
"""

from __future__ import annotations

from ..core.book import FactItem
from ..knowledge.display import book_locale
from ..knowledge.period_words import period_words, reported_words
from ..store import book_sources
from ..store.db import Library
from .relevance import book_figures
from .review import list_figures
from .sentences import sentence_around

# Durations and multipliers ("57年歷史", "连续11年", "43倍") describe, they are not key figures.
_NOT_KEY_FIGURES = {"years", "months", "days", "hours", "times", "fold"}
EXCERPT_AROUND = 60  # characters kept on each side of the value in a long sentence


def excerpt(text: str, start: int, end: int) -> str:
    """The sentence that holds ``text[start:end]``, cut to EXCERPT_AROUND characters on each
    side of it (with "…" where cut)."""
    before, sentence = sentence_around(text, start, end)
    lo = len(before)
    hi = lo + (end - start)
    head = sentence[max(0, lo - EXCERPT_AROUND):lo]
    tail = sentence[hi:hi + EXCERPT_AROUND]
    return ("…" if lo > EXCERPT_AROUND else "") + (head + sentence[lo:hi] + tail).strip() + \
        ("…" if len(sentence) - hi > EXCERPT_AROUND else "")


def _excerpts(lib: Library, figure: dict) -> dict[int, str]:
    """{article id: the sentence of the figure's first span there}."""
    out: dict[int, str] = {}
    for s in figure["sources"]:
        if s["article_id"] not in out:
            text = book_sources.article_text(lib, s["article_id"])
            out[s["article_id"]] = excerpt(text, s["start"], s["end"]) if text else ""
    return out


def _own_claim(figure: dict) -> str:
    """A figure and the rivals it lists share the least of their UUIDs."""
    return min([figure["uuid"], *(c["uuid"] for c in figure.get("conflicts") or ())])


def _claims(figures: list[dict]) -> dict[str, str]:
    """{uuid: claim} with every chain of rivals in one claim (rivals of rivals too)."""
    parent = {f["uuid"]: f["uuid"] for f in figures}

    def root(u: str) -> str:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for f in figures:
        for c in f.get("conflicts") or ():
            if c["uuid"] in parent:
                a, b = sorted((root(f["uuid"]), root(c["uuid"])))
                parent[b] = a
    return {u: root(u) for u in parent}


def _items(figure: dict, loc: str, source_ref, excerpts: dict[int, str] | None = None,
           claim: str | None = None) -> list[FactItem]:
    period = figure.get("period") or {}
    label = figure["label"] + (f" · {figure['subject']}" if figure.get("subject") else "")
    value = {"value": figure["value"], "currency": figure.get("currency"), "unit": figure.get("unit"),
             "approx": figure.get("approx"), "display": figure["display"],
             "claim": claim or _own_claim(figure)}
    dated = bool(period.get("start") or period.get("end"))
    articles = list(dict.fromkeys(s["article_id"] for s in figure["sources"])) or [None]
    items = []
    for a in articles:
        source = source_ref(a) if a is not None else None
        # no period of its own: the day its article reported it, said as such
        words = (period_words(period.get("start"), period.get("end"), loc) if dated
                 else reported_words(source.date if source is not None else None, loc))
        said = (excerpts or {}).get(a) if a is not None else None
        items.append(FactItem(kind=figure["kind"], text=figure["display"],
                              value=dict(value, period_label=words, **({"excerpt": said} if said else {})),
                              source=source, measure=label, as_of=period.get("end") or period.get("start")))
    return items


def figure_items(figure: dict, locale: str, source_ref) -> list[FactItem]:
    """One figure of ``list_figures`` as FactItems, one per source article (a profile's figures)."""
    return _items(figure, locale, source_ref)


def key_figure_items(lib: Library, trip_id: int | None, locale: str | None, source_ref) -> list[FactItem]:
    """``source_ref(article_id)`` makes the citation (services.assembling.source_ref)."""
    loc = book_locale(locale)
    every = list_figures(lib, loc)
    chosen = book_figures(lib, trip_id, loc) if trip_id is not None else [
        f for f in every if f["status"] in ("accepted", "edited")]
    by_uuid = {f["uuid"]: f for f in every}
    picked: dict[str, dict] = {}
    for f in chosen:
        if f["kind"] == "count" and f.get("unit") in _NOT_KEY_FIGURES:
            continue
        if f.get("same_as") in by_uuid:  # another reading of a figure decided with it: shown once
            continue
        picked.setdefault(f["uuid"], f)
        for c in f["conflicts"]:  # contradictory values never leave one of them out silently
            other = by_uuid.get(c["uuid"])
            if other is not None and other["status"] != "rejected":
                picked.setdefault(other["uuid"], dict(other, label=f["label"], subject=f["subject"]))
    claims = _claims(list(picked.values()))
    items: list[FactItem] = []
    for f in picked.values():
        items.extend(_items(f, loc, source_ref, _excerpts(lib, f), claims[f["uuid"]]))
    return items
