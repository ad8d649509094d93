"""Importing files, folders and pasted text into the library, with a report per file.

Reading and cleaning (ingest/) run in worker processes for large batches
(services/pool.py); every write stays here, in the calling process.  One
file's failure never stops the batch, and a failing file leaves no rows (each
article is stored in its own savepoint).
"""

from __future__ import annotations

import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from ..core.article import Article
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..ingest import IngestError, collect_files, display_path, read_file_or_error, read_pasted
from ..store import extraction_queue as queue_store
from ..store.articles import StoringWork, add_article, existing_articles, storing_work
from ..store.db import Library
from ..store.errors import LibraryError
from .pool import default_workers, ordered_map


@dataclass
class FileOutcome:
    path: str
    status: str  # imported | duplicate | near_duplicate | failed | skipped
    article_id: int | None = None
    reason: str | None = None
    duplicate_of: int | None = None
    warning: str | None = None  # imported, but the user should check it (e.g. a doubtful encoding)
    # each warning as a stable code and its values (see ingest.errors.IngestWarning)
    warning_codes: list = field(default_factory=list)
    # a failure's reason as a stable code and its values (see ingest.errors), for a face
    # that words reasons in its own language; ``reason`` stays the English text
    reason_code: str | None = None
    reason_params: dict = field(default_factory=dict)

    @classmethod
    def failed(cls, path: str, err: IngestError) -> FileOutcome:
        return cls(path, "failed", reason=str(err), reason_code=err.code, reason_params=dict(err.params))


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # why the import ended early (disk full...); what is listed as imported is stored
    # articles an earlier, interrupted import left with their extraction still queued
    resumed: list[int] = field(default_factory=list)

    def by_status(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def imported(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status in ("imported", "near_duplicate")]

    @property
    def duplicates(self) -> list[FileOutcome]:
        return self.by_status("duplicate")

    @property
    def failures(self) -> list[FileOutcome]:
        return self.by_status("failed")

    def summary(self) -> str:
        near = len(self.by_status("near_duplicate"))
        text = (f"{len(self.imported)} imported ({near} flagged as near-duplicates), "
                f"{len(self.duplicates)} already in the library, {len(self.failures)} failed")
        warned = sum(1 for o in self.outcomes if o.warning)
        if warned:
            text += f", {warned} to check (see the warnings)"
        if self.resumed:
            text += (f"; the extraction of {len(self.resumed)} article(s) an earlier import left unfinished "
                     "is resumed")
        text += " — cancelled" if self.cancelled else ""
        return text + (f" — stopped: {self.stopped}" if self.stopped else "")

    def to_json(self) -> dict:
        return {
            "imported": len(self.imported), "duplicates": len(self.duplicates),
            "failed": len(self.failures), "cancelled": self.cancelled, "stopped": self.stopped,
            "resumed": len(self.resumed), "warnings": sum(1 for o in self.outcomes if o.warning),
            "files": [o.__dict__ for o in self.outcomes],
        }


def import_paths(lib: Library, paths: list[str | Path], progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, batch_seconds: float = 0.5,
                 queue_extraction: bool = False) -> ImportReport:
    """Import files and folders into ``lib``.

    With ``queue_extraction`` (what the CLI and the GUI do unless told not to
    extract), an article counts as imported once its text is stored and its
    extraction queued, in one transaction; ``services.extraction.finish_queue``
    then extracts everything queued, this import's articles and those an
    interrupted import left (listed in ``report.resumed``).

    ``progress(done, total, name)`` is called after the commits that are due, before
    the file ``name`` is stored; with ``batch_seconds=0`` every file before it is committed.
    """
    files, problems = collect_files(paths)
    report = ImportReport([FileOutcome.failed(p, err) for p, err in problems])
    if queue_extraction:
        report.resumed = queue_store.queued_articles(lib)
    total = len(files)
    batch = TransactionBatch(lib, batch_seconds)
    try:
        try:
            with closing(_read_all(files, cancel)) as articles:
                for done, (path, (article, work)) in enumerate(articles):
                    if cancel is not None and cancel.cancelled:
                        report.cancelled = True
                        break
                    batch.tick()
                    progress(done, total, display_path(path.name))
                    _store_one(lib, path, article, report, queue_extraction, work)
        finally:
            batch.close()
    except LibraryError as err:  # full disk, busy, read-only: the batch cannot go on
        report.stopped = str(err)
        _forget_unstored(lib, report, err)
    progress(min(len(report.outcomes), total), total, "done")
    return report


def _forget_unstored(lib: Library, report: ImportReport, err: Exception) -> None:
    """After a failed commit the report must say only what the library really holds."""
    claimed = [o for o in report.imported if o.article_id is not None]
    stored = existing_articles(lib, [o.article_id for o in claimed])
    for o in claimed:
        if o.article_id not in stored:
            o.status, o.article_id, o.reason = "failed", None, f"not stored: {err}"
            o.reason_code, o.reason_params = "not_stored", {"detail": str(err)}


_PARALLEL_FROM = 64


def read_for_storing(path: Path) -> tuple[Article | IngestError, StoringWork | None]:
    """Worker entry point: the file read and cleaned, and what storing it computes from its
    text (near-duplicate signature, search tokens), so that the writing process only writes."""
    article = read_file_or_error(path)
    return article, None if isinstance(article, IngestError) else storing_work(article)


def _read_all(files: list[Path], cancel: CancelToken | None):
    """(path, (Article | IngestError, StoringWork | None)) in order.  Large batches are read
    in worker processes (reading and cleaning cost more than storing); writes stay here."""
    workers = default_workers() if len(files) >= _PARALLEL_FROM else 0
    read = read_for_storing if workers > 1 else _read_here
    with closing(ordered_map(read, files, workers, chunksize=16)) as articles:
        yield from zip(files, articles, strict=False)


def _read_here(path: Path) -> tuple[Article | IngestError, None]:
    """In this process, storing computes its work itself (nothing gained by doing it ahead)."""
    return read_file_or_error(path), None


class TransactionBatch:
    """Commits in groups (a commit per file or article costs more than storing it), at
    least every half second, so little is at stake and other writers wait little.  The
    per-item transactions inside become savepoints: a failing item still leaves no rows."""

    def __init__(self, lib: Library, seconds: float = 0.5):
        self.lib = lib
        self.seconds = seconds
        self._cm = None
        self._started = 0.0

    def tick(self) -> None:
        now = time.monotonic()
        if self._cm is not None and now - self._started >= self.seconds:
            self.close()
        if self._cm is None and not self.lib.in_transaction:
            self._cm = self.lib.transaction()
            self._cm.__enter__()
            self._started = now

    def close(self) -> None:
        if self._cm is not None:
            cm, self._cm = self._cm, None
            cm.__exit__(None, None, None)


def _store_one(lib: Library, path: Path, article: Article | IngestError, report: ImportReport,
               queue: bool = False, work: StoringWork | None = None) -> None:
    if isinstance(article, IngestError):
        report.outcomes.append(FileOutcome.failed(display_path(path), article))
        return
    result = _add(lib, article, queue, work)
    if result.status == "duplicate":
        report.outcomes.append(FileOutcome(display_path(path), "duplicate", result.article_id,
                                           "the same file is already in the library", result.article_id))
    elif result.near_duplicate_of:
        report.outcomes.append(FileOutcome(
            display_path(path), "near_duplicate", result.article_id,
            f"nearly the same text as article {result.near_duplicate_of} (similarity {result.similarity:.0%}); kept and flagged",
            result.near_duplicate_of))
    else:
        report.outcomes.append(FileOutcome(display_path(path), "imported", result.article_id))
    if result.status != "duplicate" and article.extra.get("warnings"):
        warnings = article.extra["warnings"]
        report.outcomes[-1].warning = "; ".join(warnings)
        report.outcomes[-1].warning_codes = [[getattr(w, "code", "other"), dict(getattr(w, "params", {}))]
                                             for w in warnings]


def _add(lib: Library, article: Article, queue: bool, work: StoringWork | None = None):
    """Store the article and, if asked, queue its extraction, in one transaction."""
    with lib.transaction(flat=True):
        result = add_article(lib, article, work)
        if queue and result.status != "duplicate":
            queue_store.queue_extraction(lib, [result.article_id])
    return result


def import_pasted(lib: Library, text: str, title: str | None = None, queue_extraction: bool = False) -> FileOutcome:
    try:
        article = read_pasted(text, title)
    except IngestError as err:
        return FileOutcome.failed("(pasted text)", err)
    result = _add(lib, article, queue_extraction)
    if result.status == "duplicate":
        return FileOutcome("(pasted text)", "duplicate", result.article_id, "the same text is already in the library", result.article_id)
    if result.near_duplicate_of:
        return FileOutcome("(pasted text)", "near_duplicate", result.article_id, None, result.near_duplicate_of)
    return FileOutcome("(pasted text)", "imported", result.article_id)
