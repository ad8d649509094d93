"""The agreements and events of a profile, from knowledge: the statement claims the user
accepted (services.review's statement rows), never the mentions they were read from.

A claim belongs to an organisation's profile when the organisation is one of its
sides: an agreement party or an event's name, organiser or participant that is the
organisation's entity (after linking and merging) or one of its names.  A book for a
trip takes only what was accepted for that trip: a claim dated after the trip's last
day (a 2024 signing in a 2020 book) stays out unless the user's decision chose it for
this trip (``{"trip": trip_id}`` in the decision's edit, as for figures).

Each claim is one FactItem however many articles report it, cited by all of them:

    agreement  value: parties, subject, value (what it is worth, when the text says)
    event      value: name, place, organiser
    both       value["date"], and value["date_label"] when the date is only the day an
               article reported it ("Meldung vom 31. Juli 2020"); no date: the exporter
               says "date unknown"
"""

from __future__ import annotations

from ..core.book import FactItem, SourceRef
from ..core.names import match_key
from ..knowledge.display import book_locale
from ..knowledge.period_words import reported_words
from ..store import book_sources as sources
from ..store import knowledge as K
from ..store.db import Library
from .review import list_statements

CHOSEN = ("accepted", "edited")
_SIDES = {"agreement": ("parties",), "event": ("name", "organiser", "participants")}


def _names(args: dict, kind: str) -> list[str]:
    out: list[str] = []
    for key in _SIDES.get(kind, ()):
        v = args.get(key)
        out += [x for x in v if isinstance(x, str)] if isinstance(v, list) else [v] if isinstance(v, str) else []
    return out


def _about(statement: dict, entity_uuid: str | None, keys: set[str]) -> bool:
    """Whether the organisation (its uuid, its names' match keys) is a side of the claim."""
    if entity_uuid and entity_uuid in statement.get("entities", ()):
        return True
    names = [match_key(n) for n in _names(statement["args"], statement["kind"])]
    return any(k in n for n in names for k in keys if len(k) >= 2)


def statement_items(lib: Library, entity_id: int, trip_id: int | None, until: str | None, locale: str | None,
                    source_ref) -> list[FactItem]:
    """The accepted agreements and events about the organisation ``entity_id``, newest first
    (``source_ref(article_id)`` makes a citation, ``until`` is the trip's last day)."""
    loc = book_locale(locale)
    keys = sources.entity_match_keys(lib, entity_id)
    entity_uuid = sources.entity_uuid(lib, entity_id)
    decided = K.decisions_for(lib, "statement")
    out: list[tuple[str, FactItem]] = []
    for st in list_statements(lib):
        if st["status"] not in CHOSEN or not _about(st, entity_uuid, keys):
            continue
        edit = (decided.get(st["uuid"]) or {}).get("edit") or {}
        args = {**st["args"], **{k: v for k, v in edit.items() if k in st["args"]}}  # the user's corrections
        refs = [r for a in st["articles"] if (r := source_ref(a)) is not None]
        date = args.get("date") or None
        chosen_here = trip_id is not None and edit.get("trip") == trip_id
        if until and date and date[:10] > until and not chosen_here:
            continue  # after the trip: not this trip's unless the user chose it for it
        out.append((date or "", _item(st["kind"], args, date, refs, loc, f"entity:{entity_id}")))
    out.sort(key=lambda t: t[0], reverse=True)
    return [item for _, item in out]


def _item(kind: str, args: dict, date: str | None, refs: list[SourceRef], loc: str, ref: str) -> FactItem:
    # an agreement's date is often only the day its article reported it: said as such
    reported = bool(date) and any((r.date or "")[:10] == (date or "")[:10] for r in refs)
    value: dict = {"date": date}
    if reported:
        value["date_label"] = reported_words(date, loc)
    if kind == "agreement":
        value.update(parties=list(args.get("parties") or []), subject=args.get("subject") or "",
                     value=args.get("value"))
        text = value["subject"]
    else:
        value.update(name=args.get("name") or "", place=args.get("place"), organiser=args.get("organiser"))
        text = value["name"]
    first = refs[0] if refs else None
    return FactItem(kind=kind, text=text, value=value, source=first, as_of=date,
                    lang=first.lang if first else None, ref=ref, more_sources=refs[1:])
