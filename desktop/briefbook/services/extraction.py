"""Extracting facts from the library's articles (and from a file, without a library).

The extractor (extract/) runs in worker processes when there is enough work to
pay for starting them, and with it what only reads the article and its facts
(its figures, the romanised keys of its names), so that the calling process is
left with the writes: per article, in one transaction (a savepoint of a commit
made every half second), its facts (store/facts.py), the links of its names
(services/linking.py), its figures and statements (services/knowledge.py) and
its removal from the extraction queue, so a cancel or crash leaves every
finished article complete and the others queued.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from ..core.article import Article
from ..core.facts import Fact
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..extract import EXTRACTOR_VERSION, extract
from ..ingest import read_file
from ..knowledge.figures import read_figures
from ..knowledge.measures import Vocabulary, default_vocabulary
from ..store import articles as article_store
from ..store.db import Library
from ..store.errors import LibraryError
from ..store.extraction_queue import queued_articles, unqueue
from ..store.facts import save_extracted
from .importing import ImportReport, TransactionBatch, import_paths
from .knowledge import build_article_knowledge, facts_signature, vocabulary
from .linking import link_article, name_keys
from .pool import default_workers, ordered_map, shared_workers

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


def _extract_one(payload: tuple[int, str, str | None, str | None, Vocabulary | None]) -> tuple[int, list[Fact], str, tuple, dict]:
    """Worker-process entry point: must stay top-level and take plain data.

    Besides the facts it reads the article's figures from them (the costliest part of
    building its knowledge), as they will be stored: one per kind and span, in the
    store's order; the main process uses the readings when the stored facts match.  And
    the romanised keys of the names the linker will index (services/linking.name_keys)."""
    article_id, text, lang, published, vocab = payload
    facts = extract(Article(text=text, lang=lang, published=published))
    first: dict[tuple[str, int, int], Fact] = {}
    for f in facts:
        first.setdefault((f.kind, f.start, f.end), f)
    stored = sorted(first.values(), key=lambda f: (f.start, f.end))
    readings = read_figures(text, lang, published, stored, vocab or default_vocabulary())
    return article_id, facts, EXTRACTOR_VERSION, (facts_signature(stored), readings), name_keys(facts)


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

    done = 0
    workers = workers if workers is not None else (default_workers() if total >= PARALLEL_FROM else 0)
    vocab = vocabulary(lib)
    # the workers get the vocabulary only when the user added measures (else the shipped one)
    sent = vocab if len(vocab.measures) > len(default_vocabulary().measures) else None

    def payloads():
        for aid in ids:
            row = article_store.extraction_input(lib, aid)
            if row is not None:
                yield (aid, *row, sent)

    progress(0, total, "extracting facts")
    batch = TransactionBatch(lib)
    try:
        with closing(ordered_map(_extract_one, payloads(), workers, chunksize=8)) as results:
            for article_id, facts, version, read, keys in results:
                batch.tick()
                with lib.transaction(flat=True):  # one article: all of it or nothing
                    # a fresh article's facts as stored, handed on instead of read back
                    stored = save_extracted(lib, article_id, facts, version)["stored"]
                    link_article(lib, article_id, keys, stored)
                    build_article_knowledge(lib, article_id, vocab, read, stored=stored)
                done += 1
                progress(done, total, f"article {article_id}")
                if cancel is not None and cancel.cancelled:
                    break
    finally:
        batch.close()
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


def import_and_extract(lib: Library, paths: list[str | Path], progress: ProgressFn = no_progress,
                       cancel: CancelToken | None = None, extract_progress: ProgressFn | None = None,
                       batch_seconds: float = 0.5, extract: bool = True,
                       on_imported: Callable[[ImportReport], None] | None = None) -> tuple[ImportReport, int | None]:
    """An import as ``briefbook import`` and the GUI run it: the files stored with their
    extraction queued, then everything queued extracted, both in one pool of worker
    processes (started once: spawning and warming workers costs about a second each
    time).  ``on_imported(report)`` is called between the two (the GUI shows the report
    while the extraction goes on).  Returns the report and how many articles were
    extracted (None when no extraction ran: not asked, cancelled, or the import stopped;
    what is queued is resumed by the next import or opening).  A library error while
    extracting is the report's ``stopped``: the articles are stored, their facts not."""
    with shared_workers():
        report = import_paths(lib, paths, progress=progress, cancel=cancel, batch_seconds=batch_seconds,
                              queue_extraction=extract)
        if on_imported is not None:
            on_imported(report)
        if not extract or report.stopped or report.cancelled or (cancel is not None and cancel.cancelled):
            return report, None
        try:
            return report, finish_queue(lib, progress=extract_progress or progress, cancel=cancel)
        except LibraryError as err:
            report.stopped = f"facts not extracted: {err}"
            return report, None


def extract_library(lib: Library, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> int:
    return extract_articles(lib, article_store.article_ids(lib), progress=progress, cancel=cancel)


def extract_file(path: str | Path) -> tuple[Article, list[Fact]]:
    """Read one file and extract its facts, without a library (``briefbook extract FILE``)."""
    article = read_file(path)
    return article, extract(article)
