"""Full-text search over the library (titles, cleaned text, notes)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..core.searchtext import build_fts_query, make_snippet
from .db import Library

# bm25 weights for (title, body, notes): a hit in the headline counts most.
_WEIGHTS = (8.0, 1.0, 2.0)


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


def search(lib: Library, query: str, limit: int = 50, offset: int = 0, snippets: bool = True) -> list[SearchHit]:
    """Ranked hits for ``query``; an unsearchable query gives no hits, never an exception."""
    fts = build_fts_query(query)
    if fts is None:
        return []
    try:
        rows = lib.conn.execute(
            f"""SELECT a.id, a.title, a.published, a.lang, a.source, bm25(articles_fts, {', '.join(map(str, _WEIGHTS))}) AS rank
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
            (fts, limit, offset),
        ).fetchall()
    except sqlite3.OperationalError:
        # Our query builder should make this impossible; a user's search must still never crash.
        return []
    hits = [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
    if snippets:
        for hit in hits:
            text = lib.scalar("SELECT text FROM articles WHERE id = ?", (hit.article_id,)) or ""
            hit.snippet, hit.spans = make_snippet(text, query)
    return hits


def matching_ids(lib: Library, query: str) -> list[int] | None:
    """All article ids that match (unranked), for filtering views; None for an empty query."""
    fts = build_fts_query(query)
    if fts is None:
        return None
    try:
        return [r[0] for r in lib.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (fts,))]
    except sqlite3.OperationalError:
        return []
