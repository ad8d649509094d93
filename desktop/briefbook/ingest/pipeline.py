"""Files and pasted text -> Articles -> the library, with a report per file."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core.article import Article
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..core.text import detect_language
from .clean import clean_text
from .errors import IngestError
from .metadata import extract_metadata
from .readers import MAX_FILE_BYTES, SUFFIXES, ReadResult, read_bytes


def read_file(path: str | Path) -> Article:
    """Read and clean one file.  Raises IngestError with a one-line reason."""
    path = Path(path)
    try:
        if not path.exists():
            raise IngestError("the file does not exist")
        if path.is_dir():
            raise IngestError("this is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"the file is too large ({size / 1048576:.0f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB)")
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise IngestError(f"unsupported file type '{path.suffix or 'no extension'}' (Briefbook reads .txt, .md, .html, .docx and .pdf)")
        data = path.read_bytes()
    except PermissionError as err:
        raise IngestError("permission denied: the file cannot be read") from err
    except OSError as err:
        raise IngestError(f"the file cannot be read ({err.strerror or err})") from err
    result = read_bytes(data, fmt)
    article = _article_from(result, data)
    article.path = str(path.resolve())
    return article


def read_pasted(text: str, title: str | None = None) -> Article:
    """An article from text pasted by the user."""
    if not text or not text.strip():
        raise IngestError("the pasted text is empty")
    data = text.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise IngestError("the pasted text is too large (over 50 MB)")
    article = _article_from(ReadResult(text=text, format="paste", encoding="utf-8", title=title), data)
    return article


def _article_from(result: ReadResult, data: bytes) -> Article:
    cleaned = clean_text(result.text)
    if not cleaned.strip():
        raise IngestError("nothing is left after removing page furniture (no article text)")
    meta = extract_metadata(cleaned)
    return Article(
        text=cleaned,
        title=result.title or meta.title,
        lang=detect_language(cleaned),
        published=meta.published or _iso_date(result.published),
        published_time=meta.published_time,
        source=meta.source or result.source,
        author=meta.author or result.author,
        url=result.url,
        original=result.text,
        raw=data if result.format != "paste" else None,
        format=result.format,
        encoding=result.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _iso_date(value: str | None) -> str | None:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def collect_files(paths: list[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders recursively.  Returns (files to read, [(path, reason)] for paths that fail now)."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append((str(raw), "the path does not exist"))
        elif path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith(".") or name.lower() in ("readme.md", "license", "license.txt"):
                        continue
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in SUFFIXES:
                        files.append(candidate)
        else:
            files.append(path)
    return files, problems


@dataclass
class FileOutcome:
    path: str
    status: str  # imported | duplicate | near_duplicate | failed | skipped
    article_id: int | None = None
    reason: str | None = None
    duplicate_of: int | None = None


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

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
        return text + (" — cancelled" if self.cancelled else "")

    def to_json(self) -> dict:
        return {
            "imported": len(self.imported), "duplicates": len(self.duplicates),
            "failed": len(self.failures), "cancelled": self.cancelled,
            "files": [o.__dict__ for o in self.outcomes],
        }


def import_paths(lib, paths: list[str | Path], progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, batch_seconds: float = 0.5) -> ImportReport:
    """Import files and folders into ``lib``.  One file's failure never stops the batch,
    and a failing file leaves no rows (each article is stored in its own savepoint)."""
    files, problems = collect_files(paths)
    report = ImportReport([FileOutcome(p, "failed", reason=r) for p, r in problems])
    total = len(files)
    batch = _Batch(lib, batch_seconds)
    try:
        for done, (path, article) in enumerate(_read_all(files, cancel)):
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            batch.tick()
            progress(done, total, path.name)
            _store_one(lib, path, article, report)
    finally:
        batch.close()
    progress(min(len(report.outcomes), total), total, "done")
    return report


def _safe_read(path: Path) -> Article | IngestError:
    """Worker entry point: the article, or the reason it cannot be read (never raises)."""
    try:
        return read_file(path)
    except IngestError as err:
        return err
    except (RecursionError, MemoryError, ValueError, LookupError, OSError) as err:
        # A parser library choking on a hostile file must not end the whole batch.
        return IngestError(f"the file could not be read ({type(err).__name__})")


_PARALLEL_FROM = 64


def _read_all(files: list[Path], cancel: CancelToken | None):
    """(path, Article | IngestError) in order.  Large batches are read in worker
    processes (reading and cleaning cost more than storing); writes stay here."""
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < _PARALLEL_FROM or workers < 2:
        for path in files:
            yield path, _safe_read(path)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the GUI process holds Qt and SQLite state a fork must not copy.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from zip(files, pool.map(_safe_read, files, chunksize=16), strict=False)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Batch:
    """Commits imports in groups (a commit per file costs more than reading it),
    at least every half second, so little is at stake and other writers wait little."""

    def __init__(self, lib, seconds: float = 0.5):
        self.lib = lib
        self.seconds = seconds
        self._cm = None
        self._started = 0.0

    def tick(self) -> None:
        import time

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


def _store_one(lib, path: Path, article: Article | IngestError, report: ImportReport) -> None:
    from ..store.articles import add_article

    if isinstance(article, IngestError):
        report.outcomes.append(FileOutcome(str(path), "failed", reason=str(article)))
        return
    result = add_article(lib, article)
    if result.status == "duplicate":
        report.outcomes.append(FileOutcome(str(path), "duplicate", result.article_id,
                                           "the same file is already in the library", result.article_id))
    elif result.near_duplicate_of:
        report.outcomes.append(FileOutcome(
            str(path), "near_duplicate", result.article_id,
            f"nearly the same text as article {result.near_duplicate_of} (similarity {result.similarity:.0%}); kept and flagged",
            result.near_duplicate_of))
    else:
        report.outcomes.append(FileOutcome(str(path), "imported", result.article_id))


def import_pasted(lib, text: str, title: str | None = None) -> FileOutcome:
    from ..store.articles import add_article

    try:
        article = read_pasted(text, title)
    except IngestError as err:
        return FileOutcome("(pasted text)", "failed", reason=str(err))
    result = add_article(lib, article)
    if result.status == "duplicate":
        return FileOutcome("(pasted text)", "duplicate", result.article_id, "the same text is already in the library", result.article_id)
    if result.near_duplicate_of:
        return FileOutcome("(pasted text)", "near_duplicate", result.article_id, None, result.near_duplicate_of)
    return FileOutcome("(pasted text)", "imported", result.article_id)
