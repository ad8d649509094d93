"""Full-text search over the library (titles, cleaned text, notes).

The index and its writes are in store/fts.py."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from ..core.searchtext import build_fts_query, make_snippet
from .db import Library

# bm25 weights for (title, body, notes): a hit in the headline counts most.
_WEIGHTS = (8.0, 1.0, 2.0)
BM25 = f"bm25(articles_fts, {', '.join(map(str, _WEIGHTS))})"

# How many of the newest matches a common query is ranked over.  bm25 costs a
# scoring pass over every match it ranks: a word in a quarter of 100,000 articles
# took 125 ms, two such words 320 ms, before the first hit was shown.  When a query
# has more matches than this, the newest RANK_WINDOW of them (by id, that is by
# import order) are ranked first and the older ones after them, each part by bm25:
# one total order, so pages never overlap or skip, and the first pages cost a
# fixed amount whatever the number of matches.  A query with fewer matches is
# ranked over all of them, exactly as before.
RANK_WINDOW = 1000

# The page is ranked inside the FTS index first (only rowids and scores, the work
# plain FTS5 does) and only its 20-odd rows are joined to their articles: joining
# every match before ranking made a common word cost as many article lookups as
# it has hits.  Ties are broken by id so that pages never overlap.
_RANKED_IDS_SQL = f"""
    SELECT rowid, {BM25} AS rank FROM articles_fts
    WHERE articles_fts MATCH ? {{bound}} ORDER BY rank, rowid LIMIT ? OFFSET ?"""
_WINDOW_FLOOR_SQL = """
    SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"""
_ARTICLES_SQL = "SELECT id, title, published, lang, source FROM articles WHERE id IN ({marks})"


@dataclass
class SearchHit:
    article_id: int
    title: str | None
    published: str | None
    lang: str | None
    source: str | None
    rank: float
    snippet: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)


# The same query string is run again for every page, filter change and refresh; building
# it (parsing, Traditional folding) costs about as much as a rare name's whole lookup.
_cached_fts_query = lru_cache(maxsize=512)(build_fts_query)


def window_floor(conn: sqlite3.Connection, fts: str) -> int | None:
    """The smallest id of the newest RANK_WINDOW matches, or None when there are
    no more matches than that (FTS5 walks its postings newest first and stops)."""
    row = conn.execute(_WINDOW_FLOOR_SQL, (fts, RANK_WINDOW)).fetchone()
    if row is None:
        return None
    # OFFSET RANK_WINDOW found the first match *outside* the window: the window is
    # the matches above it.
    return int(row[0]) + 1


def ranked_ids(conn: sqlite3.Connection, fts: str, limit: int, offset: int = 0) -> list[tuple[int, float]]:
    """(article id, bm25 rank) of one page of matches, in the order described at RANK_WINDOW."""
    floor = window_floor(conn, fts)
    if floor is None:
        return [tuple(r) for r in conn.execute(_RANKED_IDS_SQL.format(bound=""), (fts, limit, offset))]
    page: list[tuple[int, float]] = []
    if offset < RANK_WINDOW:
        page += [tuple(r) for r in conn.execute(_RANKED_IDS_SQL.format(bound="AND rowid >= ?"),
                                                (fts, floor, min(limit, RANK_WINDOW - offset), offset))]
    if offset + limit > RANK_WINDOW:
        page += [tuple(r) for r in conn.execute(_RANKED_IDS_SQL.format(bound="AND rowid < ?"),
                                                (fts, floor, limit - len(page), max(0, offset - RANK_WINDOW)))]
    return page


def search(lib: Library, query: str, limit: int = 50, offset: int = 0, snippets: bool = True) -> list[SearchHit]:
    """Ranked hits for ``query``; an unsearchable query gives no hits, never an exception."""
    fts = _cached_fts_query(query)
    if fts is None:
        return []
    try:
        page = ranked_ids(lib.conn, fts, limit, offset)
    except sqlite3.OperationalError:
        # Our query builder should make this impossible; a user's search must still never crash.
        return []
    if not page:
        return []
    ids = [article_id for article_id, _ in page]
    rows = {r[0]: r for r in lib.conn.execute(_ARTICLES_SQL.format(marks=",".join("?" * len(ids))), ids)}
    hits = [SearchHit(aid, *rows[aid][1:], rank) for aid, rank in page if aid in rows]
    if snippets and hits:
        texts = dict(lib.conn.execute(
            f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall())
        for hit in hits:
            hit.snippet, hit.spans = make_snippet(texts.get(hit.article_id) or "", query)
    return hits
