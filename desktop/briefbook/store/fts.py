"""The full-text index (articles_fts) and every write to it.

The index is a contentless FTS5 table: it keeps the postings of our token
stream (core/searchtext.py) but not the stream itself, which was a second copy
of every article's text that nothing read back.  A contentless table forgets
what it indexed, so removing a row means handing FTS5 the same tokens again:
title and body are rebuilt from the article (index_tokens is deterministic),
the notes tokens are kept in article_index_notes.  If the token stream of this
program differs from the one the index was built with (a new folding table,
say), deleting with the new tokens would leave stale postings behind, so the
index is rebuilt first (``ensure_index_current``).  Functions take a connection
inside the caller's transaction; this module imports nothing of the store, so
the schema's migrations can use it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from functools import cache

from ..core.searchtext import index_tokens

# Characters that exercise every path of the token stream: Traditional folding,
# CJK bigrams, kana, Latin with diacritics, digits.
_PROBE = "經貿合作 张琳與高燕 臺灣 東京都の記者会見 Wirtschaftsförderung Müller 2020年7月30日 ＡＢＣ"


@cache
def tokens_fingerprint() -> str:
    """What identifies this program's token stream: the probe's tokens and the converter's version."""
    from importlib import metadata  # here, not at the top: it costs every start of the app 20 ms

    try:
        opencc_version = metadata.version("opencc")
    except metadata.PackageNotFoundError:  # pragma: no cover - frozen builds without metadata
        opencc_version = "?"
    return hashlib.sha1(f"{index_tokens(_PROBE)}|{opencc_version}".encode()).hexdigest()


def index_article(conn: sqlite3.Connection, article_id: int, title: str | None, text: str,
                  notes_tokens: str = "", tokens: tuple[str, str] | None = None) -> None:
    """Add an article to the index (it must not be in it).  ``tokens``: the title's and the
    text's ``index_tokens``, made beforehand (an import makes them in its worker processes)."""
    title_tokens, body_tokens = tokens if tokens is not None else (index_tokens(title or ""), index_tokens(text))
    conn.execute("INSERT INTO articles_fts (rowid, title, body, notes) VALUES (?, ?, ?, ?)",
                 (article_id, title_tokens, body_tokens, notes_tokens))
    if notes_tokens:
        conn.execute("INSERT OR REPLACE INTO article_index_notes (article_id, tokens) VALUES (?, ?)",
                     (article_id, notes_tokens))


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article from the index; call it before the article row is deleted."""
    ensure_index_current(conn)
    row = conn.execute("SELECT title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    notes = indexed_notes(conn, article_id)
    conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, body, notes) VALUES ('delete', ?, ?, ?, ?)",
                 (article_id, index_tokens(row[0] or ""), index_tokens(row[1]), notes))
    conn.execute("DELETE FROM article_index_notes WHERE article_id = ?", (article_id,))


def indexed_notes(conn: sqlite3.Connection, article_id: int) -> str:
    """The notes tokens the index holds for an article ('' for none)."""
    row = conn.execute("SELECT tokens FROM article_index_notes WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else ""


def set_notes_tokens(conn: sqlite3.Connection, article_id: int, notes_tokens: str) -> None:
    """Replace the searchable notes of an article (its annotations and tags)."""
    if notes_tokens == indexed_notes(conn, article_id):
        return
    row = conn.execute("SELECT title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    unindex_article(conn, article_id)
    index_article(conn, article_id, row[0], row[1], notes_tokens)


def rebuild_index(conn: sqlite3.Connection, article_ids: Iterable[int] | None = None, chunk: int = 500) -> None:
    """Index every article afresh with this program's token stream (in the caller's transaction)."""
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    ids = list(article_ids) if article_ids is not None else [r[0] for r in conn.execute("SELECT id FROM articles")]
    for lo in range(0, len(ids), chunk):
        part = ids[lo:lo + chunk]
        rows = conn.execute(
            f"""SELECT a.id, a.title, a.text, n.tokens FROM articles a
                LEFT JOIN article_index_notes n ON n.article_id = a.id
                WHERE a.id IN ({','.join('?' * len(part))})""", part).fetchall()
        conn.executemany("INSERT INTO articles_fts (rowid, title, body, notes) VALUES (?, ?, ?, ?)",
                         [(r[0], index_tokens(r[1] or ""), index_tokens(r[2]), r[3] or "") for r in rows])
    conn.execute("INSERT OR REPLACE INTO fts_state (key, value) VALUES ('tokens', ?)", (tokens_fingerprint(),))


def ensure_index_current(conn: sqlite3.Connection) -> None:
    """Rebuild the index if it was built with another token stream than this program's
    (one primary-key lookup when it was not)."""
    row = conn.execute("SELECT value FROM fts_state WHERE key = 'tokens'").fetchone()
    if row is None or row[0] != tokens_fingerprint():
        rebuild_index(conn)
