"""Read-side queries for the desktop views (Qt-free): filtered, paged lists of
articles and facts, the values the filter boxes offer, and a whole-article
snapshot so that deleting an article can be undone.

Paging is keyset or LIMIT/OFFSET over indexed columns, so a view never loads
more rows than it shows (the library table and the 200,000-row facts table).
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass, field

from ..core.article import display_title
from ..core.facts import STATUSES
from ..core.searchtext import build_fts_query, make_snippet
from . import search as ranking
from .articles import with_shown_titles
from .db import Library, now_iso
from .fts import index_article, indexed_notes, unindex_article
from .knowledge import drop_article_claims

# bm25 weights for (title, body, notes), as in store/search.py.
# Articles without a headline are shown by the start of their first line.
_WEIGHTS = "8.0, 1.0, 2.0"


@dataclass
class ArticleFilter:
    query: str = ""
    lang: str | None = None
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None  # ISO, inclusive
    tag: str | None = None
    source: str | None = None
    unreviewed: bool = False

    def is_empty(self) -> bool:
        return self == ArticleFilter()


def _article_where(flt: ArticleFilter, min_id: int | None = None) -> tuple[str, str, list, bool]:
    """(join, where, params, searching) for a filter; an unsearchable query matches nothing.
    ``min_id`` keeps only the matches from that id up (the ranking window, store/search.py)."""
    joins, where, params = "", [], []
    searching = False
    if flt.query.strip():
        fts = build_fts_query(flt.query)
        if fts is None:
            where.append("0")
        else:
            searching = True
            bound = "" if min_id is None else f" AND rowid >= {int(min_id)}"
            joins = (f" JOIN (SELECT rowid AS aid, bm25(articles_fts, {_WEIGHTS}) AS rank FROM articles_fts "
                     f"WHERE articles_fts MATCH ?{bound}) s ON s.aid = a.id")
            params.append(fts)
    if flt.lang:
        where.append("a.lang = ?")
        params.append(flt.lang)
    if flt.source:
        where.append("a.source = ?")
        params.append(flt.source)
    if flt.date_from:
        where.append("a.published >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        where.append("a.published <= ?")
        params.append(flt.date_to + "\uffff")
    if flt.tag:
        where.append("a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)")
        params.append(flt.tag)
    if flt.unreviewed:
        where.append("EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id AND f.status = 'proposed')")
    return joins, (" WHERE " + " AND ".join(where)) if where else "", params, searching


def count_articles(lib: Library, flt: ArticleFilter) -> int:
    joins, where, params, _ = _article_where(flt)
    try:
        return lib.scalar(f"SELECT count(*) FROM articles a{joins}{where}", tuple(params)) or 0
    except Exception:  # a malformed search never crashes a view
        return 0


def article_rows(lib: Library, flt: ArticleFilter, limit: int, offset: int = 0) -> list[dict]:
    """One page of the library table: metadata, fact counts, tags and (when searching) a snippet."""
    joins, where, params, searching = _article_where(flt)
    order = "s.rank, a.id" if searching else "coalesce(a.published, '') DESC, a.id DESC"
    if searching:
        # As search() does: a query with more matches than RANK_WINDOW ranks the newest
        # of them first, and the first pages score only those.
        floor = _window_floor(lib, joins, where, params)
        if floor is not None:
            order = f"(a.id < {floor}), s.rank, a.id"
            if offset + limit <= ranking.RANK_WINDOW:
                joins, where, params, _ = _article_where(flt, min_id=floor)
    # Page the ids first, then compute counts and tags for that page only.
    sql = f"""SELECT a.id, display_title(a.title, a.text) AS title, a.source, a.published, a.lang, a.path, a.format,
                     a.duplicate_of, a.duplicate_status,
                     (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.status = 'proposed') AS proposed,
                     (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.status IN ('accepted', 'edited')) AS accepted,
                     (SELECT group_concat(t.name, ', ') FROM article_tags at JOIN tags t ON t.id = at.tag_id
                      WHERE at.article_id = a.id) AS tags
              FROM (SELECT a.id AS pid, row_number() OVER (ORDER BY {order}) AS pos
                    FROM articles a{joins}{where} ORDER BY {order} LIMIT ? OFFSET ?) p
              JOIN articles a ON a.id = p.pid ORDER BY p.pos"""
    try:
        rows = [dict(r) for r in lib.conn.execute(sql, (*params, limit, offset))]
    except Exception:
        return []
    if searching:
        for row in rows:
            text = lib.scalar("SELECT text FROM articles WHERE id = ?", (row["id"],)) or ""
            row["snippet"], row["spans"] = make_snippet(text, flt.query)
    return rows


def _window_floor(lib: Library, joins: str, where: str, params: list) -> int | None:
    """The smallest id of the newest RANK_WINDOW articles a search and its filters match,
    or None when they match no more than that."""
    matches = joins.replace(f", bm25(articles_fts, {_WEIGHTS}) AS rank", "")
    try:
        if not where:  # the search alone: FTS5 walks its postings newest first and stops
            return ranking.window_floor(lib.conn, params[0])
        row = lib.conn.execute(f"SELECT a.id FROM articles a{matches}{where} ORDER BY a.id DESC LIMIT 1 OFFSET ?",
                               (*params, ranking.RANK_WINDOW)).fetchone()
    except Exception:  # a malformed search never crashes a view
        return None
    return None if row is None else int(row[0]) + 1


def article_row(lib: Library, article_id: int, query: str = "") -> dict | None:
    sql = """SELECT a.id, display_title(a.title, a.text) AS title, a.source, a.published, a.lang, a.path, a.format, a.duplicate_of, a.duplicate_status,
                    (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.status = 'proposed') AS proposed,
                    (SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.status IN ('accepted', 'edited')) AS accepted,
                    (SELECT group_concat(t.name, ', ') FROM article_tags at JOIN tags t ON t.id = at.tag_id
                     WHERE at.article_id = a.id) AS tags
             FROM articles a WHERE a.id = ?"""
    row = lib.conn.execute(sql, (article_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    if query.strip():
        text = lib.scalar("SELECT text FROM articles WHERE id = ?", (article_id,)) or ""
        out["snippet"], out["spans"] = make_snippet(text, query)
    return out


def languages(lib: Library) -> list[str]:
    return [r[0] for r in lib.conn.execute("SELECT DISTINCT lang FROM articles WHERE lang IS NOT NULL ORDER BY lang")]


def sources(lib: Library, limit: int = 500) -> list[str]:
    return [r[0] for r in lib.conn.execute(
        "SELECT source FROM articles WHERE source IS NOT NULL AND source != '' GROUP BY source "
        "ORDER BY count(*) DESC, source LIMIT ?", (limit,))]


# -- facts ---------------------------------------------------------------------

@dataclass
class FactFilter:
    article_id: int | None = None
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    min_confidence: float | None = None
    max_confidence: float | None = None
    text: str = ""
    extra: dict = field(default_factory=dict)


def _fact_where(flt: FactFilter) -> tuple[str, list]:
    where: list[str] = []
    params: list[object] = []
    if flt.article_id is not None:
        where.append("f.article_id = ?")
        params.append(flt.article_id)
    if flt.statuses:
        where.append(f"f.status IN ({','.join('?' * len(flt.statuses))})")
        params += list(flt.statuses)
    if flt.kinds:
        where.append(f"f.kind IN ({','.join('?' * len(flt.kinds))})")
        params += list(flt.kinds)
    if flt.min_confidence is not None:
        where.append("f.confidence >= ?")
        params.append(flt.min_confidence)
    if flt.max_confidence is not None:
        where.append("f.confidence <= ?")
        params.append(flt.max_confidence)
    if flt.text.strip():
        where.append("f.text LIKE ?")
        params.append(f"%{flt.text.strip()}%")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def count_facts(lib: Library, flt: FactFilter) -> int:
    where, params = _fact_where(flt)
    return lib.scalar(f"SELECT count(*) FROM facts f{where}", tuple(params)) or 0


def fact_rows(lib: Library, flt: FactFilter, limit: int, after: tuple | None = None) -> list[dict]:
    """A page of facts.  For one article: in text order.  Library-wide: by (article, start, id),
    keyset-paged from ``after`` (the sort key of the last row already shown), so the
    thousandth page costs what the first does."""
    where, params = _fact_where(flt)
    if after is not None:
        where += (" AND " if where else " WHERE ") + "(f.article_id, f.start, f.id) > (?, ?, ?)"
        params += list(after)
    sql = f"""SELECT f.id, f.article_id, f.kind, f.start, f."end", f.text, f.value_json, f.status, f.confidence,
                     f.origin, f.changed_by, a.published
              FROM facts f JOIN articles a ON a.id = f.article_id{where}
              ORDER BY f.article_id, f.start, f.id LIMIT ?"""
    out = []
    for r in lib.conn.execute(sql, (*params, limit)):
        d = dict(r)
        d["value"] = json.loads(d.pop("value_json") or "{}")
        out.append(d)
    # the title is not in the query: it would read the article's whole text again for every
    # fact (100,000 facts of a 1 MB text)
    return with_shown_titles(lib, out)


def fact_row(lib: Library, fact_id: int) -> dict | None:
    rows = lib.conn.execute(
        """SELECT f.id, f.article_id, f.kind, f.start, f."end", f.text, f.value_json, f.status, f.confidence,
                  f.origin, f.changed_by, a.published
           FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id = ?""", (fact_id,)).fetchall()
    if not rows:
        return None
    d = dict(rows[0])
    d["value"] = json.loads(d.pop("value_json") or "{}")
    return with_shown_titles(lib, [d])[0]


def fact_ids(lib: Library, flt: FactFilter) -> list[int]:
    """Every fact id a filter selects (bulk review by kind and confidence)."""
    where, params = _fact_where(flt)
    return [r[0] for r in lib.conn.execute(f"SELECT f.id FROM facts f{where} ORDER BY f.id", tuple(params))]


def fact_rows_by_ids(lib: Library, fact_ids: list[int]) -> dict[int, dict]:
    """Fresh rows for loaded facts, in one statement (a refresh after a bulk review)."""
    if not fact_ids:
        return {}
    sql = """SELECT f.id, f.article_id, f.kind, f.start, f."end", f.text, f.value_json, f.status, f.confidence,
                    f.origin, f.changed_by, a.published
             FROM facts f JOIN articles a ON a.id = f.article_id
             WHERE f.id IN (SELECT value FROM json_each(?))"""
    out = {}
    for r in lib.conn.execute(sql, (json.dumps(list(fact_ids)),)):
        d = dict(r)
        d["value"] = json.loads(d.pop("value_json") or "{}")
        out[d["id"]] = d
    with_shown_titles(lib, list(out.values()))
    return out


def fact_article_ids(lib: Library, fact_ids: list[int]) -> list[int]:
    """The articles some facts belong to (any number of ids: no bound on SQL variables)."""
    if not fact_ids:
        return []
    return [r[0] for r in lib.conn.execute(
        "SELECT DISTINCT article_id FROM facts WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(fact_ids)),))]


# Bulk review writes this many facts per statement (at a million facts, about 0.1 s), so a
# long run reports progress and, chunk by chunk, lets the GUI's own writes in between.
STATUS_CHUNK = 1000


def set_fact_statuses(lib: Library, fact_ids: list[int], status: str, by: str = "user", progress=None,
                      chunk_transactions: bool = False, previous: dict | None = None) -> dict[str, list[int]]:
    """Set the review status of many facts with set-based UPDATEs.

    Returns the previous statuses as {status: [fact ids]} (missing facts left out), which
    restore_fact_statuses puts back exactly.  One transaction, or with
    ``chunk_transactions`` one per chunk (a background job must not hold the library for
    seconds); then ``previous``, if given, holds what the committed chunks changed even
    when a later chunk fails.  ``progress(done, total)`` is called after each chunk.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown fact status {status!r}")
    ids = list(fact_ids)
    previous = {} if previous is None else previous
    stamp = now_iso()
    with nullcontext() if chunk_transactions else lib.transaction():
        for lo in range(0, len(ids), STATUS_CHUNK):
            chunk = json.dumps(ids[lo:lo + STATUS_CHUNK])
            with lib.transaction() as conn:  # a savepoint inside the one transaction
                before = conn.execute(
                    "SELECT status, json_group_array(id) FROM facts WHERE id IN (SELECT value FROM json_each(?)) "
                    "GROUP BY status", (chunk,)).fetchall()
                conn.execute("UPDATE facts SET status = ?, changed_by = ?, updated_at = ? "
                             "WHERE id IN (SELECT value FROM json_each(?))", (status, by, stamp, chunk))
            for old, members in before:
                previous.setdefault(old, []).extend(json.loads(members))
            if progress is not None:
                progress(min(lo + STATUS_CHUNK, len(ids)), len(ids))
    return previous


def restore_fact_statuses(lib: Library, previous: dict[str, list[int]], by: str = "user", progress=None,
                          chunk_transactions: bool = False) -> None:
    """Undo set_fact_statuses: every fact gets back the status it had, one UPDATE per status and chunk."""
    stamp = now_iso()
    total = sum(len(ids) for ids in previous.values())
    done = 0
    with nullcontext() if chunk_transactions else lib.transaction():
        for status, ids in previous.items():
            for lo in range(0, len(ids), STATUS_CHUNK):
                chunk = ids[lo:lo + STATUS_CHUNK]
                with lib.transaction() as conn:
                    conn.execute("UPDATE facts SET status = ?, changed_by = ?, updated_at = ? "
                                 "WHERE id IN (SELECT value FROM json_each(?))", (status, by, stamp, json.dumps(chunk)))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)


def fact_counts(lib: Library, article_id: int | None = None) -> dict[str, int]:
    """proposed / accepted (incl. edited) / rejected."""
    sql = "SELECT status, count(*) FROM facts"
    params: tuple = ()
    if article_id is not None:
        sql += " WHERE article_id = ?"
        params = (article_id,)
    counts = {"proposed": 0, "accepted": 0, "rejected": 0}
    for status, n in lib.conn.execute(sql + " GROUP BY status", params):
        key = "accepted" if status == "edited" else status
        counts[key] = counts.get(key, 0) + n
    return counts


# -- deleting an article so that undo can bring it back ---------------------------

_ARTICLE_TABLES = (
    ("articles", "id"),
    ("article_minhash", "article_id"),
    ("article_bands", "article_id"),
    ("article_tags", "article_id"),
    ("facts", "article_id"),
)


def snapshot_article(lib: Library, article_id: int) -> dict:
    """Every row that belongs to an article (and its facts), to put back on undo."""
    snap: dict[str, object] = {}  # table -> rows, plus the article's notes index text
    for table, col in _ARTICLE_TABLES:
        snap[table] = [dict(r) for r in lib.conn.execute(f"SELECT * FROM {table} WHERE {col} = ?", (article_id,))]
    fact_sub = "SELECT id FROM facts WHERE article_id = ?"
    snap["fact_entities"] = [dict(r) for r in lib.conn.execute(
        f"SELECT * FROM fact_entities WHERE fact_id IN ({fact_sub})", (article_id,))]
    snap["fact_tags"] = [dict(r) for r in lib.conn.execute(
        f"SELECT * FROM fact_tags WHERE fact_id IN ({fact_sub})", (article_id,))]
    snap["annotations"] = [dict(r) for r in lib.conn.execute(
        f"SELECT * FROM annotations WHERE article_id = ? OR fact_id IN ({fact_sub})", (article_id, article_id))]
    snap["duplicates"] = [r[0] for r in lib.conn.execute(
        "SELECT id FROM articles WHERE duplicate_of = ?", (article_id,))]
    snap["fts_notes"] = indexed_notes(lib.conn, article_id)
    return snap


def delete_article(lib: Library, article_id: int) -> dict:
    """Delete an article with everything hanging off it; returns the snapshot for undo."""
    snap = snapshot_article(lib, article_id)
    with lib.transaction() as conn:
        unindex_article(conn, article_id)
        drop_claims = drop_article_claims(conn, article_id)
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        drop_claims()  # the figures and statements only it was a source of
    return snap


def restore_article(lib: Library, snap: dict) -> None:
    order = ("articles", "article_minhash", "article_bands", "article_tags", "facts",
             "fact_entities", "fact_tags", "annotations")
    with lib.transaction() as conn:
        for table in order:
            for row in snap.get(table, []):
                cols = ", ".join(f'"{c}"' for c in row)
                conn.execute(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({','.join('?' * len(row))})",
                             tuple(row.values()))
        for art in snap.get("articles", []):
            index_article(conn, art["id"], art["title"], art["text"], snap["fts_notes"])
            for dup in snap.get("duplicates", []):
                conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (art["id"], dup))


# -- books: snapshots for undoing deletions, item labels for the outline editor ----------------

def _rows(lib: Library, sql: str, params: tuple) -> list[dict]:
    return [dict(r) for r in lib.conn.execute(sql, params)]


def _insert_rows(conn, table: str, rows: list[dict]) -> None:
    for row in rows:
        cols = ", ".join(f'"{c}"' for c in row)
        conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({','.join('?' * len(row))})", tuple(row.values()))


def _section_tree_ids(lib: Library, section_id: int) -> list[int]:
    ids, todo = [], [section_id]
    while todo:
        sid = todo.pop(0)
        ids.append(sid)
        todo += [r[0] for r in lib.conn.execute("SELECT id FROM sections WHERE parent_id = ? ORDER BY position", (sid,))]
    return ids


def delete_section_tree(lib: Library, section_id: int) -> dict:
    """Delete a section with its subsections and their items; returns the snapshot for undo."""
    ids = _section_tree_ids(lib, section_id)
    marks = ",".join("?" * len(ids))
    snap = {"sections": _rows(lib, f"SELECT * FROM sections WHERE id IN ({marks})", tuple(ids)),
            "section_items": _rows(lib, f"SELECT * FROM section_items WHERE section_id IN ({marks})", tuple(ids))}
    order = {sid: n for n, sid in enumerate(ids)}
    snap["sections"].sort(key=lambda r: order[r["id"]])  # parents before children
    with lib.transaction() as conn:
        conn.execute("DELETE FROM sections WHERE id = ?", (section_id,))
    return snap


def restore_section_tree(lib: Library, snap: dict) -> None:
    with lib.transaction() as conn:
        _insert_rows(conn, "sections", snap["sections"])
        _insert_rows(conn, "section_items", snap["section_items"])


def delete_book(lib: Library, book_id: int) -> dict:
    """Delete a book with its outline; returns the snapshot for undo."""
    snap = {"books": _rows(lib, "SELECT * FROM books WHERE id = ?", (book_id,))}
    sections = _rows(lib, "SELECT * FROM sections WHERE book_id = ? ORDER BY parent_id IS NOT NULL, id", (book_id,))
    ids = tuple(r["id"] for r in sections)
    snap["sections"] = sections
    snap["section_items"] = _rows(
        lib, f"SELECT * FROM section_items WHERE section_id IN ({','.join('?' * len(ids))})", ids) if ids else []
    with lib.transaction() as conn:
        conn.execute("DELETE FROM books WHERE id = ?", (book_id,))
    return snap


def restore_book(lib: Library, snap: dict) -> None:
    with lib.transaction() as conn:
        _insert_rows(conn, "books", snap["books"])
        # a child's parent may have a larger id: insert until every section is in
        pending = list(snap["sections"])
        present: set = {None}
        while pending:
            ready = [r for r in pending if r["parent_id"] in present]
            if not ready:
                raise ValueError("broken outline snapshot")
            _insert_rows(conn, "sections", ready)
            present |= {r["id"] for r in ready}
            pending = [r for r in pending if r["id"] not in present]
        _insert_rows(conn, "section_items", snap["section_items"])


def delete_trip(lib: Library, trip_id: int) -> dict:
    """Delete a trip with its delegation and itinerary (books keep their outline); for undo."""
    snap = {"trips": _rows(lib, "SELECT * FROM trips WHERE id = ?", (trip_id,)),
            "delegation_members": _rows(lib, "SELECT * FROM delegation_members WHERE trip_id = ?", (trip_id,)),
            "itinerary_items": _rows(lib, "SELECT * FROM itinerary_items WHERE trip_id = ?", (trip_id,)),
            "book_ids": [r[0] for r in lib.conn.execute("SELECT id FROM books WHERE trip_id = ?", (trip_id,))]}
    with lib.transaction() as conn:
        conn.execute("DELETE FROM trips WHERE id = ?", (trip_id,))
    return snap


def restore_trip(lib: Library, snap: dict) -> None:
    with lib.transaction() as conn:
        for table in ("trips", "delegation_members", "itinerary_items"):
            _insert_rows(conn, table, snap[table])
        for book_id in snap["book_ids"]:
            conn.execute("UPDATE books SET trip_id = ? WHERE id = ?", (snap["trips"][0]["id"], book_id))


def section_item_rows(lib: Library, section_id: int) -> list[dict]:
    """The items placed in a section, each with a one-line label and whether it reaches the book."""
    out = []
    for r in lib.conn.execute("SELECT * FROM section_items WHERE section_id = ? ORDER BY position, id", (section_id,)):
        d = dict(r)
        payload = json.loads(d.pop("payload_json") or "{}")
        kind, item_id = d["item_kind"], d["item_id"]
        label, in_book, detail = "", True, ""
        if kind == "fact":
            f = lib.conn.execute("SELECT kind, text, status FROM facts WHERE id = ?", (item_id,)).fetchone()
            if f is None:
                label, in_book = f"#{item_id}", False
            else:
                label, detail, in_book = f["text"], f"{f['kind']} · {f['status']}", f["status"] in ("accepted", "edited")
        elif kind == "article":
            a = lib.conn.execute("SELECT title, text, published FROM articles WHERE id = ?", (item_id,)).fetchone()
            if a is None:
                label, in_book = f"#{item_id}", False
            else:
                label = display_title(a["title"], a["text"], 60)
                detail = a["published"] or ""
        elif kind == "entity":
            e = lib.conn.execute("SELECT kind, canonical_name FROM entities WHERE id = ?", (item_id,)).fetchone()
            label, in_book = (e["canonical_name"], True) if e else (f"#{item_id}", False)
            detail = e["kind"] if e else ""
        else:
            label = (payload.get("text") or "").strip().split("\n", 1)[0][:80]
        d.update(payload=payload, label=label, detail=detail, in_book=in_book)
        out.append(d)
    return out
