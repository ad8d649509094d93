"""Articles whose extraction is still to run (table ``extraction_queue``, schema v3).

An import queues an article's extraction in the transaction that stores it;
``store.facts.save_extracted`` takes it off the queue in the transaction that
saves its facts.  What is queued after a crash is exactly the work to resume.
"""

from __future__ import annotations

from collections.abc import Iterable

from .db import Library, now_iso


def queue_extraction(lib: Library, article_ids: Iterable[int]) -> list[int]:
    """Queue the articles' extraction; returns the ids newly queued (undo: ``unqueue``)."""
    ids = [i for i in article_ids if i is not None]
    stamp = now_iso()
    added = []
    with lib.transaction() as conn:
        for article_id in ids:
            if conn.execute("INSERT OR IGNORE INTO extraction_queue (article_id, queued_at) VALUES (?, ?)",
                            (article_id, stamp)).rowcount:
                added.append(article_id)
    return added


def unqueue(lib: Library, article_ids: Iterable[int]) -> list[int]:
    """Take articles off the queue; returns the ids that were on it (undo: ``queue_extraction``)."""
    removed = []
    with lib.transaction() as conn:
        for article_id in article_ids:
            if conn.execute("DELETE FROM extraction_queue WHERE article_id = ?", (article_id,)).rowcount:
                removed.append(article_id)
    return removed


def queued_articles(lib: Library) -> list[int]:
    """The articles waiting for extraction, in the order they were queued."""
    return [r[0] for r in lib.conn.execute("SELECT article_id FROM extraction_queue ORDER BY queued_at, article_id")]
