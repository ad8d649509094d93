"""Exporting a book of the library as DOCX or PDF.

The faces (gui/, cli.py) reach the exporter (export/) only through here, so that
they depend on the use cases and never on a wing; ``export_book`` and the
template list are the exporter's own, passed through unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.book import Book
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..export import FORMATS, ExportCancelled, ExportError, export_book
from ..export.template import available_templates
from ..store.db import Library
from .assembling import assemble_book
from .language import language_check, localise_book

__all__ = ["FORMATS", "ExportCancelled", "ExportError", "available_templates", "book_for_export", "book_layout",
           "export_book", "language_check", "left_out_sections", "localise_book", "write_book"]


def book_layout(book: Book) -> Any:
    """The layout an export of ``book`` writes (the exporter's own, opaque here): a face
    that checks the book before exporting passes it to :func:`left_out_sections` and
    :func:`write_book`, so that a long book is laid out once."""
    from ..export import build_layout

    return build_layout(book)


def left_out_sections(book: Book, layout: Any = None) -> list[str]:
    """The pre-export check on sections: the titles of the included sections that have
    no content and so are left out of the book (a face shows them before exporting).
    ``layout``: :func:`book_layout` of ``book``, when the face has it."""
    document, _tpl = layout if layout is not None else book_layout(book)
    return list(document.omitted)


def book_for_export(lib: Library, book_id: int, *, locale: str | None = None, template: str | None = None,
                    draft: bool | None = None) -> Book:
    """The library's book ``book_id``, assembled, with the export choices that were given applied,
    and its titles, organisations and places rendered in its (final) locale."""
    changes: dict[str, Any] = {k: v for k, v in (("locale", locale), ("template", template), ("draft", draft)) if v is not None}
    return localise_book(dataclasses.replace(assemble_book(lib, book_id, locale), **changes))


def write_book(book: Book, target: str | Path, fmt: str | None = None, progress: ProgressFn = no_progress,
               cancel: CancelToken | Callable[[], bool] | None = None, steps: int = 1000, layout: Any = None) -> Path:
    """Write ``book`` to ``target`` (atomically); progress is reported as (done, ``steps``, message).
    ``layout``: :func:`book_layout` of ``book``, when the face has it already."""
    is_cancelled = (lambda: cancel.cancelled) if isinstance(cancel, CancelToken) else cancel
    return export_book(book, target, fmt=fmt, progress=lambda f, m: progress(int(f * steps), steps, m),
                       cancel=is_cancelled, layout=layout)


def book_language_check(lib: Library, book_id: int, locale: str | None = None) -> list[dict]:
    """What in book ``book_id`` is not yet in its language (or ``locale``): one dict per item
    with where it is, the text, what to fix and a ref to jump to."""
    book = localise_book(assemble_book(lib, book_id, locale), drop_untranslated=False)
    return [i.as_dict() for i in language_check(book)]
