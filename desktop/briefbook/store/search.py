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

# The page is ranked inside the FTS index first (only rowids and scores, the work
# plain FTS5 does) and only its 20-odd rows are joined to their articles: joining
# every match before ranking made a common word cost as many article lookups as
# it has hits.  Ties are broken by id so that pages never overlap.
RANKED_PAGE_SQL = f"""
    SELECT a.id, a.title, a.published, a.lang, a.source, page.rank
    FROM (SELECT rowid AS article_id, bm25(articles_fts, {', '.join(map(str, _WEIGHTS))}) AS rank
          FROM articles_fts WHERE articles_fts MATCH ?
          ORDER BY rank, rowid LIMIT ? OFFSET ?) AS page
    JOIN articles a ON a.id = page.article_id
    ORDER BY page.rank, page.article_id"""


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


def search(lib: Library, query: str, limit: int = 50, offset: int = 0, snippets: bool = True) -> list[SearchHit]:
    """Ranked hits for ``query``; an unsearchable query gives no hits, never an exception."""
    fts = _cached_fts_query(query)
    if fts is None:
        return []
    try:
        rows = lib.conn.execute(RANKED_PAGE_SQL, (fts, limit, offset)).fetchall()
    except sqlite3.OperationalError:
        # Our query builder should make this impossible; a user's search must still never crash.
        return []
    hits = [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
    if snippets and hits:
        ids = [hit.article_id for hit in hits]
        texts = dict(lib.conn.execute(
            f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall())
        for hit in hits:
            hit.snippet, hit.spans = make_snippet(texts.get(hit.article_id) or "", query)
    return hits

