"""Trips, delegation members, itinerary, books and their outline (sections and items).

Every write is one transaction and returns what undo needs (the row as it was,
or the id it created).  ``assemble.py`` turns these rows into the exporter's
``core.book.Book``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core.book import SECTION_KINDS
from .db import Library, inserted_id, now_iso


@dataclass
class TripRow:
    id: int | None
    title: str
    destinations: list[str] = field(default_factory=list)
    start_date: str | None = None
    end_date: str | None = None
    purpose: str = ""
    classification: str = ""


def save_trip(lib: Library, trip: TripRow) -> int:
    stamp = now_iso()
    dest = json.dumps(trip.destinations, ensure_ascii=False)
    with lib.transaction() as conn:
        if trip.id is None:
            trip.id = inserted_id(conn.execute(
                """INSERT INTO trips (title, destinations, start_date, end_date, purpose, classification, created_at, updated_at)
                   VALUES (?,?,?,?,?,?,?,?)""",
                (trip.title, dest, trip.start_date, trip.end_date, trip.purpose, trip.classification, stamp, stamp)))
        else:
            conn.execute("""UPDATE trips SET title=?, destinations=?, start_date=?, end_date=?, purpose=?, classification=?,
                            updated_at=? WHERE id=?""",
                         (trip.title, dest, trip.start_date, trip.end_date, trip.purpose, trip.classification, stamp, trip.id))
    return trip.id


def get_trip(lib: Library, trip_id: int) -> TripRow | None:
    r = lib.conn.execute("SELECT * FROM trips WHERE id = ?", (trip_id,)).fetchone()
    if r is None:
        return None
    return TripRow(r["id"], r["title"], json.loads(r["destinations"] or "[]"), r["start_date"], r["end_date"],
                   r["purpose"] or "", r["classification"] or "")


def list_trips(lib: Library) -> list[TripRow]:
    trips = (get_trip(lib, r[0]) for r in lib.conn.execute("SELECT id FROM trips ORDER BY start_date DESC, id DESC"))
    return [t for t in trips if t is not None]


def _next_position(lib: Library, table: str, column: str, value) -> int:
    return (lib.scalar(f"SELECT max(position) FROM {table} WHERE {column} IS ?", (value,)) or 0) + 1


def add_member(lib: Library, trip_id: int, name: str, title: str = "", org: str = "", role: str = "",
               entity_id: int | None = None) -> int:
    with lib.transaction() as conn:
        return inserted_id(conn.execute(
            "INSERT INTO delegation_members (trip_id, position, name, title, org, role, entity_id) VALUES (?,?,?,?,?,?,?)",
            (trip_id, _next_position(lib, "delegation_members", "trip_id", trip_id), name, title, org, role, entity_id)))


def members(lib: Library, trip_id: int) -> list[dict]:
    return [dict(r) for r in lib.conn.execute(
        "SELECT * FROM delegation_members WHERE trip_id = ? ORDER BY position, id", (trip_id,))]


def add_itinerary_item(lib: Library, trip_id: int, day: str, time: str = "", place: str = "",
                       org_entity_id: int | None = None, people_entity_ids: Sequence[int] = (), purpose: str = "",
                       notes: str = "", end_time: str = "", venue: str = "", address: str = "",
                       participants: str = "") -> int:
    with lib.transaction() as conn:
        return inserted_id(conn.execute(
            """INSERT INTO itinerary_items (trip_id, position, day, time, place, org_entity_id, people_entity_ids, purpose,
                                            notes, end_time, venue, address, participants)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (trip_id, _next_position(lib, "itinerary_items", "trip_id", trip_id), day, time, place, org_entity_id,
             json.dumps(list(people_entity_ids)), purpose, notes, end_time, venue, address, participants)))


def itinerary(lib: Library, trip_id: int) -> list[dict]:
    rows = []
    for r in lib.conn.execute("SELECT * FROM itinerary_items WHERE trip_id = ? ORDER BY day, time, position", (trip_id,)):
        d = dict(r)
        d["people_entity_ids"] = json.loads(d["people_entity_ids"] or "[]")
        rows.append(d)
    return rows


_OWNER_SQL = {
    "delegation_members": "SELECT trip_id, 0 FROM delegation_members WHERE id = ?",
    "itinerary_items": "SELECT trip_id, 0 FROM itinerary_items WHERE id = ?",
    "sections": "SELECT 0, book_id FROM sections WHERE id = ?",
    "section_items": "SELECT 0, s.book_id FROM section_items i JOIN sections s ON s.id = i.section_id WHERE i.id = ?",
    "books": "SELECT 0, id FROM books WHERE id = ?",
}


def row_owner(lib: Library, table: str, row_id: int) -> tuple[int, int]:
    """(trip id, book id) a member, itinerary item, section, section item or book belongs to;
    0 where it belongs to none, (0, 0) when the row does not exist."""
    row = lib.conn.execute(_OWNER_SQL[table], (row_id,)).fetchone()
    return (row[0] or 0, row[1] or 0) if row else (0, 0)


def trip_row(lib: Library, table: str, row_id: int) -> dict | None:
    """One delegation member or itinerary item as stored (None when it does not exist)."""
    if table not in ("delegation_members", "itinerary_items"):
        raise ValueError(table)
    row = lib.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return dict(row) if row is not None else None


def delete_row(lib: Library, table: str, row_id: int) -> dict | None:
    """Delete a member, itinerary item, section item or section; returns the row for undo."""
    if table not in ("delegation_members", "itinerary_items", "section_items", "sections"):
        raise ValueError(table)
    row = lib.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        return None
    saved = dict(row)
    if table == "sections":
        saved["_items"] = [dict(r) for r in lib.conn.execute("SELECT * FROM section_items WHERE section_id = ?", (row_id,))]
    with lib.transaction() as conn:
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
    return saved


def restore_row(lib: Library, table: str, saved: dict) -> None:
    row = {k: v for k, v in saved.items() if not k.startswith("_")}
    with lib.transaction() as conn:
        conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({','.join('?' * len(row))})", tuple(row.values()))
        for item in saved.get("_items", []):
            conn.execute(f"INSERT INTO section_items ({', '.join(item)}) VALUES ({','.join('?' * len(item))})",
                         tuple(item.values()))


def update_row(lib: Library, table: str, row_id: int, **fields) -> dict:
    """Change columns of a member, itinerary item, section or book; returns the old values."""
    allowed = {
        "delegation_members": {"name", "title", "org", "role", "entity_id", "position"},
        "itinerary_items": {"day", "time", "place", "org_entity_id", "people_entity_ids", "purpose", "notes", "position",
                            "end_time", "venue", "address", "participants"},
        "sections": {"title", "included", "body", "settings_json", "position", "parent_id", "kind"},
        "books": {"title", "locale", "template", "prepared_by", "draft", "trip_id", "document_number", "version",
                  "distribution"},
        "section_items": {"position", "payload_json", "section_id"},
    }[table]
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} of {table}")
    row = lib.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        raise KeyError(row_id)
    old = {k: row[k] for k in fields}
    values = {k: json.dumps(v) if k == "people_entity_ids" and not isinstance(v, str) else v for k, v in fields.items()}
    with lib.transaction() as conn:
        conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?", (*values.values(), row_id))
        if table == "books":
            conn.execute("UPDATE books SET updated_at = ? WHERE id = ?", (now_iso(), row_id))
    return old


# -- books and outline --------------------------------------------------------

DEFAULT_OUTLINE = (
    ("cover", "Cover"), ("overview", "Trip overview"), ("itinerary", "Itinerary"),
    ("delegation", "Delegation"), ("profile", "Counterparts"), ("figures", "Key figures"),
    ("background", "Background"), ("talking_points", "Talking points"), ("sources", "Sources"),
)


# Section titles of a new book, in the book's language (the kinds of DEFAULT_OUTLINE, in order).
OUTLINE_TITLES = {
    "en": ("Cover", "Trip overview", "Itinerary", "Delegation", "Counterparts", "Key figures", "Background",
           "Talking points", "Sources"),
    "de": ("Deckblatt", "Reiseüberblick", "Programm", "Delegation", "Gesprächspartner", "Kennzahlen", "Hintergrund",
           "Gesprächspunkte", "Quellen"),
    "zh-Hans": ("封面", "出访概况", "日程安排", "代表团名单", "会见对象", "关键数据", "背景资料", "谈话要点", "资料来源"),
    "zh-Hant": ("封面", "出訪概況", "日程安排", "代表團名單", "會見對象", "關鍵數據", "背景資料", "談話要點", "資料來源"),
    "ja": ("表紙", "訪問概要", "日程", "代表団", "面会先", "主要データ", "背景資料", "発言要領", "出典"),
}


def default_outline(locale: str) -> tuple[tuple[str, str], ...]:
    """DEFAULT_OUTLINE with its titles in ``locale`` (English when the locale is unknown)."""
    titles = OUTLINE_TITLES.get(locale, OUTLINE_TITLES["en"])
    return tuple((kind, title) for (kind, _t), title in zip(DEFAULT_OUTLINE, titles, strict=True))


def create_book(lib: Library, title: str, trip_id: int | None = None, locale: str = "en", template: str = "official",
                prepared_by: str = "", draft: bool = True, outline=DEFAULT_OUTLINE) -> int:
    stamp = now_iso()
    with lib.transaction() as conn:
        book_id = inserted_id(conn.execute(
            """INSERT INTO books (trip_id, title, locale, template, prepared_by, draft, created_at, updated_at)
               VALUES (?,?,?,?,?,?,?,?)""", (trip_id, title, locale, template, prepared_by, int(draft), stamp, stamp)))
        for position, (kind, section_title) in enumerate(outline, start=1):
            conn.execute("INSERT INTO sections (book_id, position, kind, title) VALUES (?,?,?,?)",
                         (book_id, position, kind, section_title))
    return book_id


def get_book(lib: Library, book_id: int) -> dict | None:
    r = lib.conn.execute("SELECT * FROM books WHERE id = ?", (book_id,)).fetchone()
    return None if r is None else dict(r)


def list_books(lib: Library) -> list[dict]:
    return [dict(r) for r in lib.conn.execute("SELECT * FROM books ORDER BY updated_at DESC, id DESC")]


def add_section(lib: Library, book_id: int, kind: str, title: str, parent_id: int | None = None,
                position: int | None = None, body: str | None = None, settings: dict | None = None) -> int:
    if kind not in SECTION_KINDS:
        raise ValueError(f"unknown section kind {kind!r}")
    with lib.transaction() as conn:
        if position is None:
            position = (lib.scalar("SELECT max(position) FROM sections WHERE book_id = ? AND parent_id IS ?",
                                   (book_id, parent_id)) or 0) + 1
        else:
            conn.execute("UPDATE sections SET position = position + 1 WHERE book_id = ? AND parent_id IS ? AND position >= ?",
                         (book_id, parent_id, position))
        return inserted_id(conn.execute(
            "INSERT INTO sections (book_id, parent_id, position, kind, title, body, settings_json) VALUES (?,?,?,?,?,?,?)",
            (book_id, parent_id, position, kind, title, body, json.dumps(settings or {}, ensure_ascii=False))))


def sections(lib: Library, book_id: int) -> list[dict]:
    """All sections of a book, parents before children, in outline order."""
    rows = [dict(r) for r in lib.conn.execute(
        "SELECT * FROM sections WHERE book_id = ? ORDER BY parent_id IS NOT NULL, parent_id, position, id", (book_id,))]
    for r in rows:
        r["settings"] = json.loads(r.pop("settings_json") or "{}")
    return rows


def move_section(lib: Library, section_id: int, new_parent: int | None, new_position: int) -> tuple[int | None, int]:
    """Move a section in the outline; returns (old parent, old position) for undo."""
    row = lib.conn.execute("SELECT book_id, parent_id, position FROM sections WHERE id = ?", (section_id,)).fetchone()
    if row is None:
        raise KeyError(section_id)
    book_id, old_parent, old_position = row
    with lib.transaction() as conn:
        conn.execute("UPDATE sections SET position = position - 1 WHERE book_id = ? AND parent_id IS ? AND position > ?",
                     (book_id, old_parent, old_position))
        conn.execute("UPDATE sections SET position = position + 1 WHERE book_id = ? AND parent_id IS ? AND position >= ?",
                     (book_id, new_parent, new_position))
        conn.execute("UPDATE sections SET parent_id = ?, position = ? WHERE id = ?", (new_parent, new_position, section_id))
    return old_parent, old_position


def add_item(lib: Library, section_id: int, item_kind: str, item_id: int | None = None, payload: dict | None = None,
             position: int | None = None) -> int:
    """Place a fact, article, entity or text block in a section."""
    with lib.transaction() as conn:
        if position is None:
            position = (lib.scalar("SELECT max(position) FROM section_items WHERE section_id = ?", (section_id,)) or 0) + 1
        return inserted_id(conn.execute(
            "INSERT INTO section_items (section_id, position, item_kind, item_id, payload_json) VALUES (?,?,?,?,?)",
            (section_id, position, item_kind, item_id, json.dumps(payload or {}, ensure_ascii=False))))


def item_counts(lib: Library, book_id: int) -> dict[int, int]:
    """Section id -> number of items, for the sections of a book that have any."""
    return {r[0]: r[1] for r in lib.query(
        "SELECT i.section_id, count(*) FROM section_items i JOIN sections s ON s.id = i.section_id "
        "WHERE s.book_id = ? GROUP BY i.section_id", (book_id,))}


def items(lib: Library, section_id: int) -> list[dict]:
    rows = []
    for r in lib.conn.execute("SELECT * FROM section_items WHERE section_id = ? ORDER BY position, id", (section_id,)):
        d = dict(r)
        d["payload"] = json.loads(d.pop("payload_json") or "{}")
        rows.append(d)
    return rows


_ITEM_TABLES = {"article": "articles", "entity": "entities", "fact": "facts"}


def item_exists(lib: Library, item_kind: str, item_id: int) -> bool:
    """Whether the article, entity or fact a section item would point to is in the library."""
    table = _ITEM_TABLES[item_kind]
    return lib.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (item_id,)) is not None
