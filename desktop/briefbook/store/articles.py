"""Articles in the library: add (with duplicate checks), read, list, delete."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core import neardup
from ..core.article import Article
from ..core.searchtext import index_tokens
from .db import Library, execute_rows, inserted_id, now_iso
from .fts import index_article
from .originals import original_delta, original_from

if TYPE_CHECKING:
    import numpy as np

# Columns that the library table shows; the text columns stay out of list queries.
SUMMARY_COLUMNS = ("id", "title", "source", "author", "lang", "published", "imported_at",
                   "path", "url", "format", "duplicate_of", "duplicate_score", "duplicate_status")


@dataclass
class AddResult:
    status: str  # "imported" | "duplicate"
    article_id: int
    near_duplicate_of: int | None = None
    similarity: float | None = None


@dataclass
class StoringWork:
    """What storing an article computes from its text alone: its near-duplicate signature
    and its search tokens.  ``storing_work`` makes it where the text is read (the import's
    worker processes), so the process that writes only writes."""
    signature: np.ndarray | None  # neardup.signature: None for a text too short to compare
    title_tokens: str
    body_tokens: str


def storing_work(article: Article) -> StoringWork:
    return StoringWork(neardup.signature(article.text), index_tokens(article.title or ""), index_tokens(article.text))


def find_by_hash(lib: Library, sha256: str) -> int | None:
    return lib.scalar("SELECT id FROM articles WHERE sha256 = ?", (sha256,))


def add_article(lib: Library, article: Article, work: StoringWork | None = None) -> AddResult:
    """Store ``article`` in one transaction unless the same bytes are already there.

    An identical file (same sha256) is not stored twice.  A different file whose
    text is nearly the same is stored and marked as a suspected near-duplicate of
    the earlier article: the user decides, nothing is dropped silently.  ``work``:
    ``storing_work(article)`` made beforehand (else it is made here).
    """
    existing = find_by_hash(lib, article.sha256)
    if existing is not None:
        return AddResult("duplicate", existing)
    if work is None:
        work = storing_work(article)
    sig = work.signature
    with lib.transaction() as conn:
        near_id, score = _nearest(conn, sig) if sig is not None else (None, None)
        cur = conn.execute(
            """INSERT INTO articles (title, source, author, url, path, lang, published, published_time,
                   imported_at, sha256, format, encoding, raw, original, original_delta, text,
                   duplicate_of, duplicate_score, duplicate_status)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (article.title, article.source, article.author, article.url, article.path, article.lang,
             article.published, article.published_time, now_iso(), article.sha256, article.format,
             article.encoding, _raw_to_store(article), "", original_delta(article.original, article.text), article.text,
             near_id, score, "suspected" if near_id else None),
        )
        article_id = inserted_id(cur)
        index_article(conn, article_id, article.title, article.text, tokens=(work.title_tokens, work.body_tokens))
        if sig is not None:
            conn.execute("INSERT INTO article_minhash (article_id, signature) VALUES (?, ?)",
                         (article_id, neardup.to_blob(sig)))
            execute_rows(conn, "INSERT INTO article_bands (band_key, article_id)", "(?,?)",
                         [(key, article_id) for key in neardup.band_keys(sig)])
    article.id = article_id
    return AddResult("imported", article_id, near_id, score)


def _raw_to_store(article: Article) -> bytes | None:
    """The imported bytes, unless they are exactly the UTF-8 of the original text
    (most .txt files): then they are rebuilt on reading instead of stored twice."""
    if article.raw is None or article.raw == article.original.encode("utf-8"):
        return None
    return article.raw


def _nearest(conn: sqlite3.Connection, sig) -> tuple[int | None, float | None]:
    """The most similar earlier article, if similar enough.  Only the articles that
    share the most bands are compared, so a library full of look-alikes (press
    releases, templates) does not make every import slower."""
    # Bounded work per import: at most 200 articles per band, the 50 sharing the most bands.
    shared: dict[int, int] = {}
    keys = neardup.band_keys(sig)
    per_band = "SELECT * FROM (SELECT article_id FROM article_bands WHERE band_key = ? ORDER BY article_id DESC LIMIT 200)"
    # all bands in one statement, each still bounded by its own LIMIT
    for (article_id,) in conn.execute(" UNION ALL ".join([per_band] * len(keys)), list(keys)) if keys else ():
        shared[article_id] = shared.get(article_id, 0) + 1
    top = sorted(shared, key=lambda a: (-shared[a], a))[:50]
    candidates = conn.execute(
        f"SELECT article_id, signature FROM article_minhash WHERE article_id IN ({','.join('?' * len(top))})", top,
    ).fetchall() if top else []
    best_id, best = None, 0.0
    for row in candidates:
        score = neardup.similarity(sig, neardup.from_blob(row[1]))
        if score > best or (score == best and best_id is not None and row[0] < best_id):
            best_id, best = row[0], score
    if best_id is not None and best >= neardup.THRESHOLD:
        return best_id, round(best, 3)
    return None, None


def get_article(lib: Library, article_id: int) -> Article | None:
    row = lib.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else _row_to_article(row)


def _row_to_article(row: sqlite3.Row) -> Article:
    original = original_from(row["original"], row["original_delta"], row["text"])
    art = Article(
        text=row["text"], title=row["title"], lang=row["lang"], published=row["published"],
        published_time=row["published_time"], source=row["source"], author=row["author"],
        url=row["url"], path=row["path"], original=original,
        raw=row["raw"] if row["raw"] is not None or row["format"] == "paste" else original.encode("utf-8"),
        format=row["format"], encoding=row["encoding"], sha256=row["sha256"], id=row["id"],
    )
    art.extra = {"imported_at": row["imported_at"], "duplicate_of": row["duplicate_of"],
                 "duplicate_score": row["duplicate_score"], "duplicate_status": row["duplicate_status"]}
    return art


def list_articles(lib: Library, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Summaries (no texts), with the first 60 characters as ``snippet`` for untitled articles."""
    cols = ", ".join(SUMMARY_COLUMNS)
    sql = f"SELECT {cols}, substr(text, 1, 60) AS snippet FROM articles ORDER BY id"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = (limit, offset)
    return [dict(row) for row in lib.conn.execute(sql, params)]


def article_ids(lib: Library) -> list[int]:
    """Every article's id, oldest first."""
    return [r[0] for r in lib.conn.execute("SELECT id FROM articles ORDER BY id")]


def existing_articles(lib: Library, article_ids: list[int]) -> set[int]:
    """Those of ``article_ids`` that are in the library (asked 500 at a time: SQLite's parameter limit)."""
    found: set[int] = set()
    for start in range(0, len(article_ids), 500):
        ids = article_ids[start:start + 500]
        found |= {r[0] for r in lib.conn.execute(
            f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
    return found


def article_with_path_prefix(lib: Library, prefix: str) -> int | None:
    """An article imported from a file whose name starts with ``prefix`` (the demo's seeds: '000_')."""
    return lib.scalar("SELECT id FROM articles WHERE path LIKE ?", (f"%/{prefix}%",))


def extracted_version(lib: Library, article_id: int) -> str | None:
    """The extractor version the article's facts come from (None: never extracted)."""
    return lib.scalar("SELECT extracted_version FROM articles WHERE id = ?", (article_id,))


def extraction_input(lib: Library, article_id: int) -> tuple[str, str | None, str | None] | None:
    """(text, lang, published) of an article, what the extractor reads; None if there is no such article."""
    row = lib.conn.execute("SELECT text, lang, published FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def count_articles(lib: Library) -> int:
    return lib.scalar("SELECT count(*) FROM articles") or 0


def article_exists(lib: Library, article_id: int) -> bool:
    return lib.scalar("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None


def article_title(lib: Library, article_id: int) -> str | None:
    return lib.scalar("SELECT title FROM articles WHERE id = ?", (article_id,))


def shown_title(lib: Library, article_id: int) -> str | None:
    """The title to show for an article: its headline or, untitled, its opening words
    (core.article.display_title); None when there is no such article."""
    return lib.scalar("SELECT display_title(title, text) FROM articles WHERE id = ?", (article_id,))


def shown_titles(lib: Library, article_ids) -> dict[int, str]:
    """``shown_title`` of many articles, each worked out once (a list of a thousand facts of
    one article must not read its text a thousand times)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    return dict(lib.conn.execute(
        "SELECT id, display_title(title, text) FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),)).fetchall())


def with_shown_titles(lib: Library, rows: list[dict]) -> list[dict]:
    """Rows that have an ``article_id``, each given its article's ``article_title`` (see
    ``shown_titles``: once per article, not once per row)."""
    titles = shown_titles(lib, (r["article_id"] for r in rows))
    for r in rows:
        r["article_title"] = titles.get(r["article_id"], "")
    return rows


def article_text(lib: Library, article_id: int) -> str | None:
    return lib.scalar("SELECT text FROM articles WHERE id = ?", (article_id,))


def duplicate_state(lib: Library, article_id: int) -> dict | None:
    """``duplicate_of``, ``duplicate_score`` and ``duplicate_status`` of an article (None: no such article)."""
    row = lib.conn.execute("SELECT duplicate_of, duplicate_score, duplicate_status FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
    return dict(row) if row is not None else None


def set_duplicate_status(lib: Library, article_id: int, status: str | None) -> str | None:
    """The user's verdict on a suspected near-duplicate: confirmed, dismissed, or back to suspected.
    Returns the status it replaced (setting that again undoes the verdict)."""
    with lib.transaction() as conn:
        old = conn.execute("SELECT duplicate_status FROM articles WHERE id = ?", (article_id,)).fetchone()
        if old is None:
            raise KeyError(article_id)
        conn.execute("UPDATE articles SET duplicate_status = ? WHERE id = ?", (status, article_id))
    return old[0]


SOURCE_FIELDS = ("source", "url")


def set_source_details(lib: Library, article_id: int, **fields: str | None) -> dict:
    """The publisher (``source``) and URL a book cites an article by, as the user typed
    them; returns the values they replace (setting those again undoes it)."""
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} of an article's source")
    with lib.transaction() as conn:
        row = conn.execute("SELECT source, url FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        old = {k: row[k] for k in fields}
        for key, value in fields.items():
            conn.execute(f"UPDATE articles SET {key} = ? WHERE id = ?", (value or None, article_id))
    return old


def source_details(lib: Library, article_id: int) -> dict:
    """id, title, publisher, date and URL of an article, as a book's Sources list cites it."""
    row = lib.conn.execute("SELECT id, title, source, published, url FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
    if row is None:
        raise KeyError(article_id)
    return {"id": row["id"], "title": row["title"], "publisher": row["source"], "date": row["published"],
            "url": row["url"]}
