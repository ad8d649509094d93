"""How relevant a piece of knowledge is to a trip: its places, its counterpart
organisations, its time window.  Pure scoring over plain values (no store).

A figure scores for a trip place or counterpart in its subject, and for a period
that ends inside the window before the trip (``RECENT_YEARS`` before the trip's
start up to its end), less the older it is; a figure whose period ends after the
trip, or that is older than the window, gets no time score.  An entity scores
when it is a trip place or counterpart, or when its articles are about them.
Scores are in 0..1; ``reasons`` say why, for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..core.text import to_simplified_per_char

RECENT_YEARS = 3
PLACE, ORG, TIME = 0.45, 0.35, 0.3


def norm_name(name: str | None) -> str:
    s = re.sub(r"[“”\"'「」『』\s]", "", to_simplified_per_char(name or "")).lower()
    return re.sub(r"(市|省|县|区)$", "", s)


@dataclass
class TripContext:
    places: set[str] = field(default_factory=set)   # normalised names (all aliases)
    orgs: set[str] = field(default_factory=set)
    start: date | None = None
    end: date | None = None

    @classmethod
    def of(cls, places, orgs, start: str | None, end: str | None) -> TripContext:
        return cls({norm_name(p) for p in places if p}, {norm_name(o) for o in orgs if o},
                   _day(start), _day(end) or _day(start))


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        parts = [int(x) for x in iso[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _mentions(text: str | None, names: set[str]) -> list[str]:
    t = norm_name(text)
    return sorted(n for n in names if n and n in t)


def time_score(period_end: str | None, trip: TripContext) -> tuple[float, str | None]:
    end = _day(period_end)
    if end is None or trip.start is None:
        return 0.0, None
    if trip.end and end > trip.end:
        return 0.0, "after the trip"
    years = (trip.start - end).days / 365.25
    if years > RECENT_YEARS:
        return 0.0, f"{years:.0f} years before the trip"
    return TIME * (1 - max(0.0, years) / RECENT_YEARS), "recent"


def figure_relevance(subject: str | None, period_end: str | None, trip: TripContext) -> tuple[float, list[str]]:
    reasons = []
    score = 0.0
    places = _mentions(subject, trip.places)
    if places:
        score += PLACE
        reasons.append("place: " + ", ".join(places))
    orgs = _mentions(subject, trip.orgs)
    if orgs:
        score += ORG
        reasons.append("counterpart: " + ", ".join(orgs))
    t, why = time_score(period_end, trip)
    score += t
    if why:
        reasons.append(why)
    return round(min(score, 1.0), 3), reasons


def entity_relevance(names: list[str], kind: str, article_places: set[str], trip: TripContext) -> tuple[float, list[str]]:
    keys = {norm_name(n) for n in names}
    if kind == "place" and keys & trip.places:
        return 1.0, ["trip place"]
    if kind == "organization" and keys & trip.orgs:
        return 1.0, ["counterpart"]
    shared = sorted({norm_name(p) for p in article_places} & trip.places)
    if shared:
        return 0.4, ["in articles about " + ", ".join(shared)]
    return 0.0, []
