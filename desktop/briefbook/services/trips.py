"""Trips and books as the CLI (and any other face) makes and inspects them.

Each function takes ids the user typed: an id that names nothing raises
``UnknownItem`` with a sentence the face prints as it is.
"""

from __future__ import annotations

import dataclasses
import datetime

from ..store import books as book_store
from ..store.db import Library

BOOK_LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")
ITEM_KINDS = ("article", "entity", "fact", "text")


class UnknownItem(LookupError):
    """The user named a trip, book, section or item that is not in the library."""

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0]) if self.args else ""


def _iso_date(value: str | None, what: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{what} must be a date like 2020-11-27, not {value!r}") from None


def _trip(lib: Library, trip_id: int) -> book_store.TripRow:
    trip = book_store.get_trip(lib, trip_id)
    if trip is None:
        raise UnknownItem(f"there is no trip {trip_id} (briefbook trip list shows them)")
    return trip


def _book(lib: Library, book_id: int) -> dict:
    book = book_store.get_book(lib, book_id)
    if book is None:
        raise UnknownItem(f"there is no book {book_id} (briefbook book list shows them)")
    return book


def trip_summary(trip: book_store.TripRow) -> dict:
    return dataclasses.asdict(trip)


def new_trip(lib: Library, title: str, destinations: list[str] | None = None, start: str | None = None,
             end: str | None = None, purpose: str = "", classification: str = "") -> dict:
    if not title.strip():
        raise ValueError("a trip needs a title")
    row = book_store.TripRow(None, title.strip(), list(destinations or []), _iso_date(start, "the start"),
                             _iso_date(end, "the end"), purpose, classification)
    if row.start_date and row.end_date and row.end_date < row.start_date:
        raise ValueError("the trip ends before it starts")
    book_store.save_trip(lib, row)
    return trip_summary(row)


def edit_trip(lib: Library, trip_id: int, **changes) -> dict:
    """Change the given fields (None leaves a field as it is)."""
    trip = _trip(lib, trip_id)
    for key in ("start_date", "end_date"):
        if changes.get(key) is not None:
            changes[key] = _iso_date(changes[key], "the start" if key == "start_date" else "the end")
    given = {k: v for k, v in changes.items() if v is not None}
    if "title" in given and not given["title"].strip():
        raise ValueError("a trip needs a title")
    trip = dataclasses.replace(trip, **given)
    if trip.start_date and trip.end_date and trip.end_date < trip.start_date:
        raise ValueError("the trip ends before it starts")
    book_store.save_trip(lib, trip)
    return trip_summary(trip)


MEMBER_FIELDS = ("name", "title", "org", "role")


def add_member(lib: Library, trip_id: int, name: str, title: str = "", org: str = "", role: str = "") -> dict:
    """A delegation member at the end of the trip's list: name, title, organisation and
    role in the delegation (head, deputy head, member …)."""
    _trip(lib, trip_id)
    if not name.strip():
        raise ValueError("a delegation member needs a name")
    member_id = book_store.add_member(lib, trip_id, name.strip(), title, org, role)
    return book_store.trip_row(lib, "delegation_members", member_id) or {}


def edit_member(lib: Library, member_id: int, **changes) -> dict:
    """Change the given fields of a delegation member (None leaves a field as it is)."""
    if book_store.trip_row(lib, "delegation_members", member_id) is None:
        raise UnknownItem(f"there is no delegation member {member_id} (briefbook trip show TRIP lists them)")
    given = {k: v for k, v in changes.items() if v is not None and k in MEMBER_FIELDS}
    if "name" in given and not given["name"].strip():
        raise ValueError("a delegation member needs a name")
    if given:
        book_store.update_row(lib, "delegation_members", member_id, **given)
    return book_store.trip_row(lib, "delegation_members", member_id) or {}


def list_trips(lib: Library) -> list[dict]:
    return [trip_summary(t) for t in book_store.list_trips(lib)]


def trip_details(lib: Library, trip_id: int) -> dict:
    """The trip with its delegation, programme and the books made for it."""
    out = trip_summary(_trip(lib, trip_id))
    out["members"] = book_store.members(lib, trip_id)
    out["itinerary"] = book_store.itinerary(lib, trip_id)
    out["books"] = [{"id": b["id"], "title": b["title"], "locale": b["locale"]}
                    for b in book_store.list_books(lib) if b["trip_id"] == trip_id]
    return out


def book_summary(book: dict) -> dict:
    return {k: book[k] for k in ("id", "title", "trip_id", "locale", "template", "prepared_by", "draft", "updated_at")}


def list_books(lib: Library) -> list[dict]:
    return [book_summary(b) for b in book_store.list_books(lib)]


def new_book(lib: Library, title: str, trip_id: int | None = None, locale: str = "en",
             template: str = "official") -> dict:
    """A new book with the default outline titled in its locale."""
    if locale not in BOOK_LOCALES:
        raise ValueError(f"the locale must be one of {', '.join(BOOK_LOCALES)}")
    if trip_id is not None:
        trip = _trip(lib, trip_id)
        title = title or trip.title
    if not title.strip():
        raise ValueError("a book needs a title (or a trip to take it from)")
    book_id = book_store.create_book(lib, title.strip(), trip_id, locale=locale, template=template,
                                     outline=book_store.default_outline(locale))
    return book_details(lib, book_id)


def book_details(lib: Library, book_id: int) -> dict:
    """The book with its outline: every section with its items."""
    out = book_summary(_book(lib, book_id))
    out["sections"] = [{"id": s["id"], "parent_id": s["parent_id"], "kind": s["kind"], "title": s["title"],
                        "included": bool(s["included"]),
                        "items": [{"id": i["id"], "kind": i["item_kind"], "item_id": i["item_id"],
                                   **({"text": i["payload"].get("text", "")} if i["item_kind"] == "text" else {})}
                                  for i in book_store.items(lib, s["id"])]}
                       for s in book_store.sections(lib, book_id)]
    return out


def _section_of(lib: Library, book_id: int, section: str) -> int:
    """A section named by its id or by its kind (the first of that kind)."""
    rows = book_store.sections(lib, book_id)
    for s in rows:
        if str(s["id"]) == section or s["kind"] == section:
            return s["id"]
    kinds = ", ".join(dict.fromkeys(s["kind"] for s in rows))
    raise UnknownItem(f"book {book_id} has no section {section!r} (give a section id or one of: {kinds})")


def add_to_book(lib: Library, book_id: int, section: str, kind: str, item_id: int | None = None,
                text: str | None = None) -> dict:
    """Place an article, entity, fact or text block in a section; returns the new item."""
    _book(lib, book_id)
    if kind not in ITEM_KINDS:
        raise ValueError(f"the item kind must be one of {', '.join(ITEM_KINDS)}")
    section_id = _section_of(lib, book_id, section)
    if kind == "text":
        if not (text or "").strip():
            raise ValueError("a text item needs its text")
        new_id = book_store.add_item(lib, section_id, "text", payload={"text": text})
    else:
        if item_id is None:
            raise ValueError(f"give the {kind}'s id")
        if not book_store.item_exists(lib, kind, item_id):
            raise UnknownItem(f"there is no {kind} {item_id} in the library")
        new_id = book_store.add_item(lib, section_id, kind, item_id)
    return {"id": new_id, "section_id": section_id, "kind": kind, "item_id": item_id}


def remove_from_book(lib: Library, book_id: int, item_id: int) -> dict:
    """Take one item out of the book (the thing it points to stays in the library)."""
    _book(lib, book_id)
    if book_store.row_owner(lib, "section_items", item_id)[1] != book_id:
        raise UnknownItem(f"book {book_id} has no item {item_id} (briefbook book show {book_id} lists them)")
    saved = book_store.delete_row(lib, "section_items", item_id) or {}
    return {"id": item_id, "section_id": saved.get("section_id"), "kind": saved.get("item_kind")}


def set_source(lib: Library, article_id: int, publisher: str | None = None, url: str | None = None) -> dict:
    """The publisher and URL a book prints for an article (None leaves one as it is, ""
    clears it); a URL is a web address, never a file on this machine."""
    from ..store import articles as article_store

    if not article_store.article_exists(lib, article_id):
        raise UnknownItem(f"there is no article {article_id} (briefbook list shows them)")
    if url and not url.strip().lower().startswith(("http://", "https://")):
        raise ValueError(f"a source's URL starts with http:// or https://, not {url!r}")
    given = {k: v.strip() for k, v in (("source", publisher), ("url", url)) if v is not None}
    if given:
        article_store.set_source_details(lib, article_id, **given)
    return article_store.source_details(lib, article_id)
