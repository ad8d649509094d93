"""Files and pasted text -> clean Articles, with a one-line reason when a file cannot be read.

Storing them is services/importing.py's: this package never touches the library.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..core.article import Article
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


def read_file_or_error(path: Path) -> Article | IngestError:
    """Worker entry point: the article, or the reason it cannot be read (never raises)."""
    try:
        return read_file(path)
    except IngestError as err:
        return err
    except (RecursionError, MemoryError, ValueError, LookupError, OSError) as err:
        # A parser library choking on a hostile file must not end the whole batch.
        return IngestError(f"the file could not be read ({type(err).__name__})")


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
