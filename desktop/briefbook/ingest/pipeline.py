"""Files and pasted text -> clean Articles, with a one-line reason when a file cannot be read.

Storing them is services/importing.py's: this package never touches the library.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from ..core.article import Article
from ..core.text import detect_language
from .clean import clean_text
from .errors import IngestError
from .files import check_file, display_path, read_bounded
from .metadata import extract_metadata
from .readers import MAX_BYTES, MAX_FILE_BYTES, ReadResult, read_bytes


def read_file(path: str | Path) -> Article:
    """Read and clean one file.  Raises IngestError with a one-line reason."""
    path = Path(path)
    fmt, resolved = check_file(path)
    data = read_bounded(resolved, MAX_BYTES[fmt])
    result = read_bytes(data, fmt)
    # a dateline without a year falls back on the file's date
    article = _article_from(result, data, date.fromtimestamp(Path(resolved).stat().st_mtime))
    article.path = display_path(resolved)
    return article


def read_pasted(text: str, title: str | None = None) -> Article:
    """An article from text pasted by the user."""
    if not text or not text.strip():
        raise IngestError("the pasted text is empty", "paste_empty")
    data = text.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise IngestError("the pasted text is too large (over 50 MB)", "paste_too_large", limit_mb=50)
    article = _article_from(ReadResult(text=text, format="paste", encoding="utf-8", title=title), data, date.today())
    return article


def read_file_or_error(path: Path) -> Article | IngestError:
    """Worker entry point: the article, or the reason it cannot be read (never raises)."""
    try:
        return read_file(path)
    except IngestError as err:
        return err
    except Exception as err:  # a bug of ours or a library's on a hostile file must not end the batch
        return IngestError(f"the file could not be read ({type(err).__name__})", "unreadable", detail=type(err).__name__)


def _article_from(result: ReadResult, data: bytes, reference: date | None = None) -> Article:
    cleaned = clean_text(result.text)
    if not cleaned.strip():
        raise IngestError("nothing is left after removing page furniture (no article text)", "no_text")
    stated = _iso_date(result.published)
    meta = extract_metadata(cleaned, int(stated[:4]) if stated else None, reference)
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
        extra={"warnings": list(result.warnings)} if result.warnings else {},
    )


def _iso_date(value: str | None) -> str | None:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None
