"""Extracting facts from the library's articles (and from a file, without a library).

The extractor (extract/) runs in worker processes when there is enough work to
pay for starting them; every write happens in the calling process, one
transaction per article: its facts (store/facts.py), the links of its names
(services/linking.py), its figures and statements (services/knowledge.py) and
its removal from the extraction queue, so a cancel or crash leaves every
finished article complete and the others queued.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from ..core.article import Article
from ..core.facts import Fact
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..extract import EXTRACTOR_VERSION, extract
from ..ingest import read_file
from ..store import articles as article_store
from ..store.db import Library
from ..store.extraction_queue import queued_articles, unqueue
from ..store.facts import save_extracted
from .knowledge import build_article_knowledge, vocabulary
from .linking import link_article
from .pool import default_workers, ordered_map

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


def _extract_one(payload: tuple[int, str, str | None, str | None]) -> tuple[int, list[Fact], str]:
    """Worker-process entry point: must stay top-level and take plain data."""
    article_id, text, lang, published = payload
    facts = extract(Article(text=text, lang=lang, published=published))
    return article_id, facts, EXTRACTOR_VERSION


def extract_articles(lib: Library, article_ids: list[int], progress: ProgressFn = no_progress,
                     cancel: CancelToken | None = None, force: bool = False, workers: int | None = None) -> int:
    """Extract facts for the given articles and merge them into the library; returns
    how many articles were extracted.  Without ``force``, articles already extracted
    by this extractor version are skipped."""
    ids = [i for i in article_ids if i is not None]
    if not force:
        ids = [i for i in ids if article_store.extracted_version(lib, i) != EXTRACTOR_VERSION]
    total = len(ids)
    if total == 0:
        return 0

    def payloads():
        for aid in ids:
            row = article_store.extraction_input(lib, aid)
            if row is not None:
                yield (aid, *row)

    done = 0
    workers = workers if workers is not None else (default_workers() if total >= PARALLEL_FROM else 0)
    vocab = vocabulary(lib)
    progress(0, total, "extracting facts")
    with closing(ordered_map(_extract_one, payloads(), workers, chunksize=8)) as results:
        for article_id, facts, version in results:
            with lib.transaction():
                save_extracted(lib, article_id, facts, version)
                link_article(lib, article_id)
                build_article_knowledge(lib, article_id, vocab)
            done += 1
            progress(done, total, f"article {article_id}")
            if cancel is not None and cancel.cancelled:
                break
    return done


def finish_queue(lib: Library, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> int:
    """Extract every article whose extraction is queued (by this import or an
    interrupted one); returns how many were extracted."""
    queued = queued_articles(lib)
    # Queued but already extracted by this version (e.g. extracted from the reader
    # before the queue came to it): nothing to do but take it off the queue.
    done_already = [i for i in queued if article_store.extracted_version(lib, i) == EXTRACTOR_VERSION]
    if done_already:
        unqueue(lib, done_already)
    return extract_articles(lib, [i for i in queued if i not in set(done_already)], progress=progress, cancel=cancel)


def extract_library(lib: Library, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> int:
    return extract_articles(lib, article_store.article_ids(lib), progress=progress, cancel=cancel)


def extract_file(path: str | Path) -> tuple[Article, list[Fact]]:
    """Read one file and extract its facts, without a library (``briefbook extract FILE``)."""
    article = read_file(path)
    return article, extract(article)
