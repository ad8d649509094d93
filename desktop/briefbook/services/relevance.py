"""Knowledge ranked for a trip (its destinations and itinerary places, its counterpart
organisations, its dates), and what of it a book for that trip takes.

    trip_context(lib, trip_id) -> knowledge.relevance.TripContext
    rank_figures(lib, trip_id, locale="en") -> figure objects (services/review.list_figures)
        with "relevance" and "reasons", most relevant first
    rank_entities(lib, trip_id) -> entity rows with "relevance" and "reasons"
    book_figures(lib, trip_id, locale="en") -> the accepted figures relevant to the trip:
        a 2024 Yantai figure does not enter a 2020 Qingdao book unless the user edits
        it into the trip (accepts it with {"trip": trip_id} in the edit)
"""

from __future__ import annotations

from ..knowledge.relevance import TripContext, entity_relevance, figure_relevance
from ..store import books
from ..store import knowledge_reads as KR
from ..store.db import Library
from ..store.knowledge import decision_for
from .review import list_entities, list_figures

BOOK_THRESHOLD = 0.5


def trip_context(lib: Library, trip_id: int) -> TripContext:
    trip = books.get_trip(lib, trip_id)
    if trip is None:
        raise ValueError(f"there is no trip {trip_id}")
    stops = books.itinerary(lib, trip_id)
    places = list(trip.destinations) + [s["place"] for s in stops if s.get("place")]
    place_ids = KR.place_entities_named(lib, places)
    org_ids = [s["org_entity_id"] for s in stops if s.get("org_entity_id")]
    return TripContext.of(places + KR.alias_names(lib, place_ids), KR.alias_names(lib, org_ids), trip.start_date, trip.end_date)


def rank_figures(lib: Library, trip_id: int, locale: str = "en") -> list[dict]:
    ctx = trip_context(lib, trip_id)
    out = []
    for f in list_figures(lib, locale):
        end = (f["period"] or {}).get("end")
        score, reasons = figure_relevance(f["subject"], end, ctx)
        out.append(dict(f, relevance=score, reasons=reasons))
    out.sort(key=lambda f: -f["relevance"])
    return out


def rank_entities(lib: Library, trip_id: int) -> list[dict]:
    ctx = trip_context(lib, trip_id)
    places_of_article = KR.places_by_article(lib)
    out = []
    for e in list_entities(lib):
        around = set().union(*(places_of_article.get(a, set()) for a in e["articles"]))
        score, reasons = entity_relevance(e["names"], e["entity_kind"], around, ctx)
        out.append(dict(e, relevance=score, reasons=reasons))
    out.sort(key=lambda e: -e["relevance"])
    return out


def book_figures(lib: Library, trip_id: int, locale: str = "en") -> list[dict]:
    chosen = []
    for f in rank_figures(lib, trip_id, locale):
        if f["status"] not in ("accepted", "edited"):
            continue
        if f["relevance"] >= BOOK_THRESHOLD or chosen_for_trip(lib, f["uuid"], trip_id):
            chosen.append(f)
    return chosen


def chosen_for_trip(lib: Library, uuid: str, trip_id: int) -> bool:
    """Whether the user's decision on the figure ``uuid`` chose it for the trip."""
    d = decision_for(lib, "figure", uuid)
    return (d or {}).get("edit", {}).get("trip") == trip_id
